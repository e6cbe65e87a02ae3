"""Fixtures for the web tests: an app on a real database (SQLite by default; a test that
says ``@pytest.mark.parametrize("backend", BOTH, indirect=True)`` also runs on PostgreSQL),
holding a small ingested document and one account per role (see web_helpers.py)."""
from __future__ import annotations

import pytest

from web_helpers import seed


@pytest.fixture(params=["sqlite"])
def backend(request) -> str:
    """SQLite unless a test parametrizes ``backend`` itself (overrides tests/conftest.py)."""
    return request.param


@pytest.fixture
def seeded_url(seeded_copy) -> str:
    """The database URL, after the test document and the accounts are in (a copy of a database
    seeded once per session: the accounts' scrypt hashes cost seconds a test)."""
    return seeded_copy("web", seed)


@pytest.fixture
def app(seeded_url):
    from tracker.web import create_app

    app = create_app({"TESTING": True, "DATABASE_URL": seeded_url, "SECRET_KEY": "test", "WTF_CSRF_ENABLED": False})
    yield app
    app.extensions["tracker.engine"].dispose()


@pytest.fixture
def csrf_app(seeded_url):
    """The app with CSRF protection on, as in production."""
    from tracker.web import create_app

    app = create_app({"TESTING": True, "DATABASE_URL": seeded_url, "SECRET_KEY": "test"})
    yield app
    app.extensions["tracker.engine"].dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def db(seeded_url):
    """A session on the test database, for arranging and checking."""
    from tracker.db.engine import make_engine, make_sessionmaker

    engine = make_engine(seeded_url)
    with make_sessionmaker(engine)() as session:
        yield session
    engine.dispose()


@pytest.fixture
def bare_app(tmp_path, monkeypatch):
    """An app on an empty SQLite file, for the tests that only render (the Python row and card writers held to
    their templates' text: tests/web/test_rows.py, tests/web/test_scorecard_html.py)."""
    from tracker.web import create_app

    monkeypatch.setenv("TRACKER_INSTANCE", str(tmp_path))
    app = create_app({"TESTING": True, "SECRET_KEY": "x" * 40, "DATABASE_URL": f"sqlite:///{tmp_path}/t.sqlite3"})
    yield app
    app.extensions["tracker.engine"].dispose()
