"""Whether a PostgreSQL transaction may have written: what ``tracker.db.engine`` asks at a transaction's end.

A transaction that ends without a commit and ran only SELECTs is committed (psycopg keeps its prepared
statements across a COMMIT, not a ROLLBACK); one that may have written is asked whether it did, and rolled
back if so. The engine notes every statement SQLAlchemy runs that is not a SELECT; what writes through the
driver connection, where SQLAlchemy's events do not see it (``tracker.db.bulk``'s COPY), says so here."""
from __future__ import annotations

#: the key in the connection's ``info`` (kept with the DBAPI connection; cleared when it is replaced)
MAY_HAVE_WRITTEN = "tracker.may_have_written"


def note_write(conn) -> None:
    """``conn`` (a SQLAlchemy ``Connection``) wrote through its driver connection in this transaction."""
    conn.info[MAY_HAVE_WRITTEN] = True
