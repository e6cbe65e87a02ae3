"""On PostgreSQL a transaction that wrote nothing ends with COMMIT (the same for the data): psycopg
forgets a connection's prepared statements at every ROLLBACK, so with ROLLBACK a read-only request's
statements were never prepared and PostgreSQL planned each anew. One that wrote is rolled back."""
import re

import pytest
import sqlalchemy as sa

from tracker.db.engine import make_engine

SELECT = "SELECT count(*) FROM pg_class WHERE relname = %(name)s"


@pytest.mark.parametrize("backend", ["postgresql"])
def test_read_only_transactions_keep_their_prepared_statements(empty_db_url):
    engine = make_engine(empty_db_url, pool_size=1, max_overflow=0)
    try:
        for _ in range(8):  # psycopg prepares a statement on its 6th run (prepare_threshold 5)
            with engine.connect() as conn:  # closed without commit: SQLAlchemy rolls back
                assert conn.exec_driver_sql(SELECT, {"name": "pg_class"}).scalar_one() == 1
        with engine.connect() as conn:
            prepared = conn.exec_driver_sql(
                "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'SELECT count(*) FROM pg_class%%'"
            ).scalar_one()
        assert prepared == 1
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_transaction_that_wrote_is_still_rolled_back(empty_db_url):
    engine = make_engine(empty_db_url, pool_size=1, max_overflow=0)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE t (n integer)")
        with engine.connect() as conn:  # a write, then closed without commit
            conn.exec_driver_sql("INSERT INTO t VALUES (1)")
            assert conn.exec_driver_sql("SELECT count(*) FROM t").scalar_one() == 1
        with engine.connect() as conn:  # a write, then a failed statement: rolled back too
            conn.exec_driver_sql("INSERT INTO t VALUES (2)")
            with pytest.raises(sa.exc.DataError):
                conn.exec_driver_sql("SELECT 1 / 0")
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM t").scalar_one() == 0
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_lost_connection_is_rolled_back_without_a_new_error(empty_db_url):
    """A connection lost mid-request (PostgreSQL restarting) is invalidated; closing it must not ask the lost
    connection anything (SQLAlchemy would raise PendingRollbackError from the rollback hook)."""
    engine = make_engine(empty_db_url, pool_size=1, max_overflow=0)
    try:
        conn = engine.connect()
        conn.exec_driver_sql("SELECT 1")
        conn.invalidate()
        conn.close()  # the rollback of an invalidated connection: no error
        with engine.connect() as fresh:  # the pool connects again
            assert fresh.exec_driver_sql("SELECT 1").scalar_one() == 1
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", ["postgresql"])
def test_server_side_cursors_are_planned_for_all_their_rows(empty_db_url):
    """An export streams its view through a server-side cursor and reads it to the end; planned for its first
    tenth (PostgreSQL's default cursor_tuple_fraction 0.1) an official's export walked every pledge in
    deadline order: 82 ms instead of 4 (bench/pages.py)."""
    engine = make_engine(empty_db_url, pool_size=1, max_overflow=0)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SHOW cursor_tuple_fraction").scalar_one() == "1"
            streamed = conn.execution_options(yield_per=2).exec_driver_sql("SELECT generate_series(1, 5)")
            assert [n for (n,) in streamed] == [1, 2, 3, 4, 5]
    finally:
        engine.dispose()


def _sent(engine, tmp_path, statements) -> list[str]:
    """The queries the client sent while ``statements`` ran in one ``engine.connect()`` block (libpq's trace of
    the pool's one connection): each message's text."""
    with engine.connect() as conn:  # the connection made, and prepared by its first use
        conn.exec_driver_sql("SELECT 1")
    raw = engine.raw_connection()
    driver = raw.driver_connection
    raw.close()
    trace = tmp_path / "trace.txt"
    with trace.open("w") as f:
        driver.pgconn.trace(f.fileno())
        try:
            with engine.connect() as conn:
                for statement in statements:
                    conn.exec_driver_sql(statement)
        finally:
            driver.pgconn.untrace()
    return [m.group(1) or m.group(2) for m in re.finditer(r'\tF\t\d+\t(?:Query\t "(.*)"|Parse\t "[^"]*" "(.*)" \d)$',
                                                       trace.read_text(), re.M)]


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_transaction_of_selects_is_committed_without_asking_whether_it_wrote(empty_db_url, tmp_path):
    engine = make_engine(empty_db_url, pool_size=1, max_overflow=0)
    try:
        sent = _sent(engine, tmp_path, ["SELECT 2", "  select 3"])
        assert [s for s in sent if s != ";"] == ["BEGIN", "SELECT 2", "  select 3", "COMMIT"]
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE t (n integer)")
        sent = _sent(engine, tmp_path, ["SELECT 2", "INSERT INTO t VALUES (1)"])
        assert [s for s in sent if s != ";"] == ["BEGIN", "SELECT 2", "INSERT INTO t VALUES (1)",
                                                 "SELECT txid_current_if_assigned()", "ROLLBACK"]
        sent = _sent(engine, tmp_path, ["WITH x AS (SELECT 1) SELECT * FROM x"])  # not a plain SELECT: asked
        assert "SELECT txid_current_if_assigned()" in sent and sent[-1] == "COMMIT"
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", ["postgresql"])
def test_the_pools_ping_is_the_transactions_begin(empty_db_url, tmp_path):
    """``begin_on_ping`` (the web app's engine): one ``BEGIN`` where the ping (``;``) and psycopg's ``BEGIN`` were
    two round trips; a connection the server ended is still found dead by it and replaced."""
    engine = make_engine(empty_db_url, pool_size=1, max_overflow=0, begin_on_ping=True)
    plain = make_engine(empty_db_url, pool_size=1, max_overflow=0)
    try:
        assert _sent(engine, tmp_path, ["SELECT 2"]) == ["BEGIN", "SELECT 2", "COMMIT"]
        assert _sent(plain, tmp_path, ["SELECT 2"]) == [";", "BEGIN", "SELECT 2", "COMMIT"]
        with engine.connect() as conn:
            pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
        with plain.connect() as conn:
            assert conn.exec_driver_sql("SELECT pg_terminate_backend(%(pid)s)", {"pid": pid}).scalar_one()
        with engine.connect() as conn:  # the dead connection found at checkout: a new one, no error
            assert conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one() != pid
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT 5").scalar_one() == 5
    finally:
        engine.dispose()
        plain.dispose()


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_copy_of_bulk_insert_is_rolled_back_with_its_transaction(empty_db_url):
    """``tracker.db.bulk`` writes by COPY through the driver, where SQLAlchemy's events see no statement: a
    transaction of SELECTs and such a COPY, closed without commit, is still asked and rolled back."""
    from tracker.db.bulk import BulkInsert

    table = sa.Table("copied", sa.MetaData(), sa.Column("id", sa.Integer, primary_key=True),
                     sa.Column("n", sa.Integer, nullable=False))
    engine = make_engine(empty_db_url, pool_size=1, max_overflow=0)
    try:
        with engine.begin() as conn:
            table.create(conn)
        with engine.connect() as conn:  # SELECTs and a COPY, then closed without commit
            conn.exec_driver_sql("SELECT 1")
            BulkInsert(table).execute(conn, [{"n": 1}, {"n": 2}])
            assert conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one() == 2
        with engine.connect() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one() == 0
    finally:
        engine.dispose()
