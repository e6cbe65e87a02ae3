"""Database fixtures: every test that takes ``db_url``, ``engine`` or ``session`` runs twice,
on a real SQLite file and on a real PostgreSQL database.

PostgreSQL comes from ``TRACKER_TEST_PG_URL`` (a server URL whose user may
CREATE DATABASE; ``.ci/run`` exports it). Without it, the fixtures start a
throwaway server when the PostgreSQL binaries are there, else the PostgreSQL
half is skipped with the reason. With ``TRACKER_REQUIRE_PG=1`` (set by CI) a
missing PostgreSQL is an error, never a skip.
"""
from __future__ import annotations

import os
import uuid

import pytest

PG_ENV = "TRACKER_TEST_PG_URL"
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_server():
    """The URL of a PostgreSQL server the tests may create databases on."""
    url = os.environ.get(PG_ENV)
    if url:
        yield url
        return
    from tracker.db.throwaway import PostgresUnavailable, ThrowawayPostgres

    try:
        server = ThrowawayPostgres()
        url = server.start()
    except PostgresUnavailable as exc:
        if os.environ.get("TRACKER_REQUIRE_PG") == "1":
            pytest.fail(f"PostgreSQL required (TRACKER_REQUIRE_PG=1) but unavailable: {exc}")
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
    try:
        yield url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_template(pg_server):
    """A database migrated to head once per session; test databases are copies of it."""
    from tracker.db import migrate
    from tracker.db.throwaway import create_database, drop_database

    name = f"tracker_tpl_{uuid.uuid4().hex[:8]}"
    url = create_database(pg_server, name)
    migrate.upgrade(url)
    yield name
    drop_database(pg_server, name)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    from tracker.db import migrate

    path = tmp_path_factory.mktemp("tpl") / "template.sqlite3"
    migrate.upgrade(f"sqlite:///{path}")
    return path


def _new_pg_database(pg_server, template=None):
    from tracker.db.throwaway import create_database

    name = f"tracker_test_{uuid.uuid4().hex[:12]}"
    return name, create_database(pg_server, name, template=template)


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def empty_db_url(backend, request, tmp_path):
    """The URL of a database with no tables at all."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    from tracker.db.throwaway import drop_database

    server = request.getfixturevalue("pg_server")
    name, url = _new_pg_database(server)
    yield url
    drop_database(server, name)


@pytest.fixture
def db_url(backend, request, tmp_path):
    """The URL of a fresh database migrated to head."""
    if backend == "sqlite":
        import shutil

        path = tmp_path / "tracker.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    from tracker.db.throwaway import drop_database

    server = request.getfixturevalue("pg_server")
    name, url = _new_pg_database(server, template=request.getfixturevalue("pg_template"))
    yield url
    drop_database(server, name)


@pytest.fixture
def engine(db_url):
    from tracker.db.engine import make_engine

    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def session_factory(engine):
    from tracker.db.engine import make_sessionmaker

    return make_sessionmaker(engine)


@pytest.fixture
def session(session_factory):
    with session_factory() as s:
        yield s


@pytest.fixture
def seeds_dir(tmp_path):
    """A copy of seeds/ (with its manifest.csv), so a test may add files beside them."""
    import shutil
    from pathlib import Path

    target = tmp_path / "seeds"
    shutil.copytree(Path(__file__).resolve().parents[1] / "seeds", target)
    return target
