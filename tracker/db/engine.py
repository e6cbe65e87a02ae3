"""Where the database is and how to connect to it.

The URL is ``DATABASE_URL`` when set (any SQLAlchemy URL: ``sqlite:///path``,
``postgresql+psycopg://user@host/db``), else an SQLite file in the Flask-style
instance folder: ``instance/tracker.sqlite3`` under the current directory.
SQLite connections get foreign keys on, WAL, a busy timeout and real
transactions (``BEGIN`` is emitted by SQLAlchemy, so DDL and SAVEPOINTs are
transactional too). A transaction that reads and then writes should begin with
the write lock on SQLite, or a concurrent commit between its read and its write
fails it at once::

    session.connection(execution_options={"write": True})  # first thing in the transaction

which emits ``BEGIN IMMEDIATE`` (PostgreSQL ignores the option).
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

# Every engine and session of tracker comes from here: importing the search index registers its mapper
# events, which keep ``pledge_search`` current on ORM writes (the models know nothing of the index).
from tracker.db import fulltext  # noqa: F401

ENV_VAR = "DATABASE_URL"
DEFAULT_FILE = "tracker.sqlite3"
BUSY_TIMEOUT_MS = 15_000


def default_url(instance_path: str | os.PathLike | None = None) -> str:
    folder = Path(instance_path) if instance_path is not None else Path.cwd() / "instance"
    return f"sqlite:///{(folder / DEFAULT_FILE).resolve()}"


def database_url(url: str | None = None, instance_path: str | os.PathLike | None = None) -> str:
    """The URL to use: the one given, else ``$DATABASE_URL``, else the instance folder's SQLite file."""
    return url or os.environ.get(ENV_VAR) or default_url(instance_path)


def _sqlite_file(url: sa.URL) -> Path | None:
    db = url.database
    if not db or db == ":memory:" or db.startswith("file:"):
        return None
    return Path(db)


def _on_sqlite_connect(dbapi_connection, connection_record) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (see _on_sqlite_begin)
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def _on_sqlite_begin(conn) -> None:
    # A writer takes the write lock at BEGIN (``execution_options(write=True)``): a deferred
    # transaction that read first and then writes fails at once with "database is locked"
    # when another writer committed meanwhile (SQLite cannot wait: its snapshot is stale).
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")


def make_engine(url: str | None = None, **kwargs) -> Engine:
    """An engine for ``url`` (see ``database_url``); creates the SQLite file's folder if needed."""
    parsed = make_url(database_url(url))
    if parsed.get_backend_name() == "sqlite":
        path = _sqlite_file(parsed)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(parsed, **kwargs)
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    if "options" not in parsed.query:
        # The app's queries take milliseconds. No JIT: the views' per-row subqueries make the
        # planner's estimates large, and PostgreSQL then spent seconds compiling them; no parallel
        # workers: starting them cost more than they saved (a page of the list 28 -> 5 ms). A
        # server-side cursor (an export streamed in batches) is read to its end, so it is planned
        # for all its rows (cursor_tuple_fraction=1), not for the first tenth: planned for a fast
        # start, an official's export walked the whole pledge table in deadline order (82 ms -> 4 ms)
        kwargs.setdefault("connect_args", {}).setdefault(
            "options", "-c jit=off -c max_parallel_workers_per_gather=0 -c cursor_tuple_fraction=1")
    engine = sa.create_engine(parsed, **kwargs)
    event.listen(engine, "rollback", _end_read_only_with_commit)
    pool_logger = getattr(engine.pool.logger, "logger", engine.pool.logger)
    if not any(isinstance(f, _LostCursor) for f in pool_logger.filters):  # one logger per pool class
        pool_logger.addFilter(_LostCursor(engine.dialect.loaded_dbapi.OperationalError))
    return engine


def _end_read_only_with_commit(conn) -> None:
    """A PostgreSQL transaction that wrote nothing (no transaction id assigned) ends with COMMIT, not
    ROLLBACK: the same for the data, but psycopg forgets every prepared statement of the connection
    at a ROLLBACK (and counts again from zero), and a read-only request ends with one; so no
    statement was ever prepared and PostgreSQL planned the list's anew each request (about 7 ms
    of its 7 ms a page). A transaction that wrote anything, or failed, is rolled back as before."""
    if conn.invalidated or conn.closed:
        return  # the connection was lost (a restart): the ROLLBACK that follows discards it
    psycopg = conn.dialect.loaded_dbapi
    driver = conn.connection.driver_connection
    if driver.pgconn.transaction_status != psycopg.pq.TransactionStatus.INTRANS:
        return  # failed (INERROR: ROLLBACK it is) or idle
    try:
        if driver.execute("SELECT txid_current_if_assigned()").fetchone()[0] is None:
            driver.commit()  # the ROLLBACK that follows finds the connection idle and does nothing
    except psycopg.Error:
        pass  # the connection broke: the ROLLBACK that follows fails as it would have


class _LostCursor(logging.Filter):
    """SQLAlchemy logs "Error closing cursor" with a traceback when a streaming (server-side)
    cursor cannot be closed because the server went away. The request already failed cleanly
    and is logged as such; the lost cursor becomes one warning line instead of a traceback."""

    def __init__(self, operational_error: type[BaseException]) -> None:
        super().__init__()
        self.operational_error = operational_error

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, self.operational_error) and record.msg == "Error closing cursor":
            record.msg, record.args = "cursor lost with its connection: %s", (exc.__class__.__name__,)
            record.exc_info, record.exc_text = None, None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def redacted(url: str | sa.URL) -> str:
    """The URL for messages: the password hidden."""
    return make_url(url).render_as_string(hide_password=True)
