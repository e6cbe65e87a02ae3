"""Fixtures for the security tests: an app as production builds it (not TESTING, a real secret
key, CSRF on) on a real SQLite database with 50 pledges and one account per role."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "faults"))

from live import SECRET, seed_pledges  # noqa: E402

ROLES = {"reader": "reader", "reviewer": "reviewer", "admin": "admin"}


@pytest.fixture(params=["sqlite"])
def backend(request) -> str:
    return request.param


@pytest.fixture
def seeded(db_url) -> str:
    seed_pledges(db_url, 50, ["editor"], ROLES)
    return db_url


@pytest.fixture
def app(seeded):
    from tracker.web import create_app

    app = create_app({"DATABASE_URL": seeded, "SECRET_KEY": SECRET})
    yield app
    app.extensions["tracker.engine"].dispose()

