"""One engine per app, one session per request (closed, and so rolled back unless a view
committed, when the request ends)."""
from __future__ import annotations

from flask import Flask, current_app, g, has_request_context, request
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session


def init_app(app: Flask) -> None:
    from tracker.db.engine import make_engine, make_sessionmaker

    engine = make_engine(app.config["DATABASE_URL"], pool_size=int(app.config["DB_POOL_SIZE"]))
    app.extensions["tracker.engine"] = engine
    app.extensions["tracker.sessionmaker"] = make_sessionmaker(engine)
    app.teardown_appcontext(close_session)


def get_session() -> Session:
    if "db" not in g:
        g.db = current_app.extensions["tracker.sessionmaker"]()
        if has_request_context() and request.method not in ("GET", "HEAD", "OPTIONS"):
            g.db.connection(execution_options={"write": True})  # SQLite: BEGIN IMMEDIATE (engine.py)
    return g.db


def close_session(exc: BaseException | None = None) -> None:
    session = g.pop("db", None)
    if session is not None:
        try:
            session.close()
        except DBAPIError:  # the server went away mid-transaction (ROLLBACK fails): drop the connection
            session.invalidate()


def engine():
    return current_app.extensions["tracker.engine"]
