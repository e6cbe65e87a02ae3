"""Fixtures for the bad-input tests: the app with CSRF off (the security tests prove it is on) on a real
database with 50 pledges and one account per role; SQLite unless a test asks for both."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "faults"))

from live import SECRET, backend, seeded  # noqa: E402,F401  (backend and seeded are fixtures)


@pytest.fixture
def app(seeded):
    from tracker.web import create_app

    app = create_app({"DATABASE_URL": seeded, "SECRET_KEY": SECRET, "WTF_CSRF_ENABLED": False})
    yield app
    app.extensions["tracker.engine"].dispose()

