"""A streaming cursor lost with its PostgreSQL connection is one warning line, not a traceback:
the request that held it already failed cleanly (503) and is logged as such."""
import logging

import psycopg

from tracker.db.engine import make_engine


def _log_cursor_error(engine, exc: BaseException, caplog) -> list[logging.LogRecord]:
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        try:
            raise exc
        except Exception:
            engine.pool.logger.error("Error closing cursor", exc_info=True)
    return caplog.records


def test_lost_cursor_on_a_dead_connection_is_a_warning_without_traceback(caplog):
    engine = make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")  # never connects
    records = _log_cursor_error(engine, psycopg.errors.AdminShutdown("terminating connection"), caplog)
    assert [(r.levelname, r.getMessage(), r.exc_info) for r in records] == [
        ("WARNING", "cursor lost with its connection: AdminShutdown", None)]


def test_other_cursor_errors_keep_their_traceback(caplog):
    engine = make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")
    records = _log_cursor_error(engine, ValueError("a bug"), caplog)
    assert records[0].levelname == "ERROR" and records[0].exc_info is not None
