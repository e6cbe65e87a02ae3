"""The unit of work: the one place a transaction is committed.

``with unit_of_work(session): ...`` commits when the block ends normally; anything raised in the
block (or by the commit itself: a stale version, a broken constraint) rolls the whole transaction
back and is raised again, so the database is never half-written. Services only flush; their
callers (a web view, a CLI command, a batch driver opening one transaction per batch or per
document) wrap the work in a unit of work.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session, sessionmaker


@contextmanager
def unit_of_work(session: Session) -> Iterator[Session]:
    """Commit on success, roll back on any exception and re-raise it."""
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise


@contextmanager
def transaction(session_factory: sessionmaker, *, write: bool = True) -> Iterator[Session]:
    """A session of its own in one unit of work, closed afterwards. ``write`` takes SQLite's write
    lock at BEGIN (``BEGIN IMMEDIATE``, see ``tracker.db.engine``) for work that reads then writes."""
    with session_factory() as session:
        if write:
            session.connection(execution_options={"write": True})
        with unit_of_work(session):
            yield session


__all__ = ["transaction", "unit_of_work"]
