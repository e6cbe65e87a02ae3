"""One engine per app, one session per request (closed, and so rolled back unless a view
committed, when the request ends); the views' unit of work and their one "get or 404"."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from flask import Flask, abort, current_app, g, has_request_context, request
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from tracker.db import unit
from tracker.db.engine import make_engine, make_sessionmaker

T = TypeVar("T")


def init_app(app: Flask) -> None:
    # LIFO: a request takes the connection given back last, so a few connections serve most requests and
    # keep their prepared statements (psycopg prepares one after a connection ran it a few times, and
    # PostgreSQL plans it anew until then: 5-10 ms for a list's). FIFO, the pool's default, rotated the
    # requests over every pooled connection, and under load most list statements were planned anew
    # (PostgreSQL) the pool's ping is the transaction's BEGIN: one round trip a request fewer (engine.py)
    engine = make_engine(app.config["DATABASE_URL"], pool_size=int(app.config["DB_POOL_SIZE"]), pool_use_lifo=True,
                         begin_on_ping=True)
    app.extensions["tracker.engine"] = engine
    app.extensions["tracker.sessionmaker"] = make_sessionmaker(engine)
    app.teardown_appcontext(close_session)


def get_session() -> Session:
    if "db" not in g:
        g.db = current_app.extensions["tracker.sessionmaker"]()
        if has_request_context() and request.method not in ("GET", "HEAD", "OPTIONS"):
            g.db.connection(execution_options={"write": True})  # SQLite: BEGIN IMMEDIATE (engine.py)
    return g.db


@contextmanager
def unit_of_work(back: str | None = None) -> Iterator[Session]:
    """The request's session in a unit of work (``tracker.db.unit``): committed when the block ends,
    rolled back when anything is raised in it. A ``ServiceError`` raised in it and not caught by the
    view reaches the app's one handler (``tracker.web.errors``): the API answers it as JSON; a form's
    view that gives ``back`` has its message flashed and the browser sent there."""
    if back is not None:
        g.error_back = back
    with unit.unit_of_work(get_session()) as session:
        yield session


def get_or_404(load: Callable[..., T | None], ident: int, **options) -> T:
    """The record ``load(session, ident, **options)`` finds (a loader of ``tracker.services.records``),
    or 404: the one place that answers 404 for a record asked for by id."""
    found = load(get_session(), ident, **options)
    if found is None:
        abort(404)
    return found


def close_session(exc: BaseException | None = None) -> None:
    session = g.pop("db", None)
    if session is not None:
        try:
            session.close()
        except DBAPIError:  # the server went away mid-transaction (ROLLBACK fails): drop the connection
            session.invalidate()


def engine():
    return current_app.extensions["tracker.engine"]
