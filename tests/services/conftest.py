"""Fixtures for the service tests."""
from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture
def published() -> dt.date:
    return dt.date(2021, 1, 15)


@pytest.fixture
def users(session_factory):
    """An editor, two reviewers, a reader and an admin, committed; returns their ids by name."""
    from tracker.db.enums import UserRole
    from tracker.db.models import User

    with session_factory() as s:
        people = [User(name=name, password_hash="not-a-real-hash", role=role) for name, role in (
            ("editor", UserRole.EDITOR), ("reviewer", UserRole.REVIEWER), ("reviewer2", UserRole.REVIEWER),
            ("reader", UserRole.READER), ("admin", UserRole.ADMIN))]
        s.add_all(people)
        s.commit()
        return {u.name: u.id for u in people}


@pytest.fixture
def ingested(session_factory, seeds_dir):
    """The seeds ingested with the real extractor; returns the summary."""
    from tracker.services.ingest import ingest_paths

    summary = ingest_paths(session_factory, [seeds_dir])
    assert summary.pledges >= 4, "the extractor found too few pledges in the seeds for these tests"
    return summary
