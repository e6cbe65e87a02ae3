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

import functools
import logging
import os
import sys
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

# Every engine and session of tracker comes from here: importing the search index registers its mapper
# events, which keep ``pledge_search`` current on ORM writes (the models know nothing of the index).
from tracker.db import fulltext  # noqa: F401
from tracker.db.written import MAY_HAVE_WRITTEN

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


def make_engine(url: str | None = None, *, begin_on_ping: bool = False, **kwargs) -> Engine:
    """An engine for ``url`` (see ``database_url``); creates the SQLite file's folder if needed.

    ``begin_on_ping`` (PostgreSQL, the web app's engine): the pool's check that a connection it hands out is
    alive is the transaction's ``BEGIN`` itself (``_ping_with_begin``), one round trip where the ping and
    psycopg's own ``BEGIN`` were two. Not for a caller that sets an isolation level or autocommit on a
    connection before its first statement (psycopg refuses to change them inside a transaction)."""
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
    if begin_on_ping and engine.pool._pre_ping:
        engine.dialect.do_ping = functools.partial(_ping_with_begin, engine.dialect.do_ping)
    event.listen(engine, "before_cursor_execute", _note_possible_write)
    event.listen(engine, "commit", _forget_writes)
    event.listen(engine, "rollback", _end_read_only_with_commit)
    pool_logger = getattr(engine.pool.logger, "logger", engine.pool.logger)
    if not any(isinstance(f, _LostCursor) for f in pool_logger.filters):  # one logger per pool class
        pool_logger.addFilter(_LostCursor(engine.dialect.loaded_dbapi.OperationalError))
    return engine


def _ping_with_begin(ping, dbapi_connection) -> bool:
    """The pool's pre-ping as the transaction's start: ``BEGIN`` sent on the idle connection (psycopg then
    finds the transaction open and sends no ``BEGIN`` of its own before the first statement). A connection
    the server dropped fails it as it failed ``SELECT 1``: the pool discards it (and the older ones) and
    connects anew. A connection in autocommit or not idle is pinged as before."""
    psycopg = sys.modules["psycopg"]
    pgconn = dbapi_connection.pgconn
    if dbapi_connection.autocommit or pgconn.transaction_status != psycopg.pq.TransactionStatus.IDLE:
        return ping(dbapi_connection)
    result = pgconn.exec_(b"BEGIN")
    if result.status == psycopg.pq.ExecStatus.COMMAND_OK:
        return True
    if pgconn.status == psycopg.pq.ConnStatus.BAD:  # lost: the dialect calls this a disconnect
        raise psycopg.OperationalError(pgconn.get_error_message() or "connection lost")
    return ping(dbapi_connection)  # any other failure: the usual ping, and its error


#: the statements that cannot write (a transaction of only these is ended with COMMIT without asking the
#: server whether it wrote): every other statement, a ``WITH`` too, is checked at the end
_READING = ("SELECT", "select")


def _note_possible_write(conn, cursor, statement, parameters, context, executemany) -> None:
    if not statement.lstrip().startswith(_READING):
        conn.info[MAY_HAVE_WRITTEN] = True



def _forget_writes(conn) -> None:
    conn.info.pop(MAY_HAVE_WRITTEN, None)


def _end_read_only_with_commit(conn) -> None:
    """A PostgreSQL transaction that wrote nothing (no transaction id assigned) ends with COMMIT, not
    ROLLBACK: the same for the data, but psycopg forgets every prepared statement of the connection
    at a ROLLBACK (and counts again from zero), and a read-only request ends with one; so no
    statement was ever prepared and PostgreSQL planned the list's anew each request (about 7 ms
    of its 7 ms a page). A transaction that wrote anything, or failed, is rolled back as before. Whether
    it wrote is asked of the server (``txid_current_if_assigned()``) only when a statement other than a
    SELECT ran in it: a transaction of SELECTs alone (most requests) is committed without that round trip."""
    if conn.invalidated or conn.closed:
        return  # the connection was lost (a restart): the ROLLBACK that follows discards it (and its info)
    may_have_written = conn.info.pop(MAY_HAVE_WRITTEN, False)
    psycopg = conn.dialect.loaded_dbapi
    driver = conn.connection.driver_connection
    if driver.pgconn.transaction_status != psycopg.pq.TransactionStatus.INTRANS:
        return  # failed (INERROR: ROLLBACK it is) or idle
    try:
        # only SELECTs ran (``_note_possible_write``): nothing to ask; else whether a transaction id was assigned
        if not may_have_written or driver.execute("SELECT txid_current_if_assigned()").fetchone()[0] is None:
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
