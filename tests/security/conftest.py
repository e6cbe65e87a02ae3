"""Fixtures for the security tests: an app as production builds it (not TESTING, a real secret
key, CSRF on) on a real SQLite database with 50 pledges and one account per role."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "faults"))

from live import SECRET, backend, seeded  # noqa: E402,F401  (backend and seeded are fixtures)


@pytest.fixture
def app(seeded):
    from tracker.web import create_app

    app = create_app({"DATABASE_URL": seeded, "SECRET_KEY": SECRET})
    yield app
    app.extensions["tracker.engine"].dispose()

