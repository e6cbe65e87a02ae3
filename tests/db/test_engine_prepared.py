"""On PostgreSQL a transaction that wrote nothing ends with COMMIT (the same for the data): psycopg
forgets a connection's prepared statements at every ROLLBACK, so with ROLLBACK a read-only request's
statements were never prepared and PostgreSQL planned each anew. One that wrote is rolled back."""
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
