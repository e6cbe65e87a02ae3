"""The migration history and the models agree, on SQLite and PostgreSQL."""
from __future__ import annotations

import sqlalchemy as sa

from tracker.db import fulltext, migrate
from tracker.db.engine import make_engine
from tracker.db.models import Base


def _tables(url: str, *, everything: bool = False) -> set[str]:
    """The tables, without the search index's FTS5 tables (no part of the models) unless ``everything``."""
    eng = make_engine(url)
    try:
        names = set(sa.inspect(eng).get_table_names()) - {"alembic_version"}
    finally:
        eng.dispose()
    return names if everything else {n for n in names if fulltext.include_name(n, "table", {})}


def test_upgrade_from_empty_downgrade_to_base_and_upgrade_again(empty_db_url):
    assert _tables(empty_db_url) == set()
    migrate.upgrade(empty_db_url)
    assert _tables(empty_db_url) == set(Base.metadata.tables)
    assert migrate.current_revision(empty_db_url) == migrate.head_revision()

    migrate.downgrade(empty_db_url, "base")
    assert _tables(empty_db_url, everything=True) == set()
    assert migrate.current_revision(empty_db_url) is None

    migrate.upgrade(empty_db_url)
    assert migrate.check(empty_db_url).ok


def test_autogenerate_finds_no_drift_between_models_and_migrations(empty_db_url):
    migrate.upgrade(empty_db_url)
    result = migrate.check(empty_db_url)
    assert result.drift == ()
    assert result.current == result.head


def test_check_reports_a_database_behind_head(empty_db_url):
    result = migrate.check(empty_db_url)
    assert not result.ok
    assert result.current is None


def test_check_reports_drift_when_the_database_differs(empty_db_url):
    migrate.upgrade(empty_db_url)
    eng = make_engine(empty_db_url)
    try:
        with eng.begin() as conn:
            conn.execute(sa.text("CREATE INDEX ix_extra ON document (title)"))
    finally:
        eng.dispose()
    result = migrate.check(empty_db_url)
    assert not result.ok
    assert any(diff[0] == "remove_index" for diff in result.drift)


def test_every_named_constraint_follows_the_convention():
    for table in Base.metadata.sorted_tables:
        for constraint in table.constraints:
            assert constraint.name, f"unnamed constraint on {table.name}"
        checks = [c for c in table.constraints if isinstance(c, sa.CheckConstraint)]
        for check in checks:
            assert str(check.name).startswith(f"ck_{table.name}_")


def _search_parts(url: str) -> set[str]:
    """The search index's database-specific parts present: FTS5 table, triggers, GIN index."""
    eng = make_engine(url)
    try:
        with eng.connect() as conn:
            if eng.dialect.name == "sqlite":
                return set(conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE name LIKE 'pledge_search%' AND type IN ('table', 'trigger')"
                ).scalars()) - {"pledge_search"}
            return set(conn.exec_driver_sql(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'pledge_search'").scalars()) - {"pk_pledge_search"}
    finally:
        eng.dispose()


def test_0002_indexes_the_pledges_already_there_and_steps_back_cleanly(empty_db_url):
    from tracker.db.engine import make_sessionmaker

    migrate.upgrade(empty_db_url, "0001")
    eng = make_engine(empty_db_url)
    try:
        # ingest at 0001: the models' pledge_search is not there yet, so write the rows without it
        with eng.begin() as conn:
            conn.exec_driver_sql("INSERT INTO document (title, file_name, format, text, sha256, raw_sha256, encoding, "
                                 "extractor_version, ingested_at) VALUES ('区政府工作报告', 'a.txt', 'text', "
                                 "'今年新建中小学校舍5所。', 'a', 'a', 'utf-8', 't', '2024-01-01 00:00:00+00:00')")
            conn.exec_driver_sql("INSERT INTO pledge (document_id, origin, start, \"end\", quote, object, "
                                 "deadline_inherited, review_state, is_corrected, status, version_id, created_at, "
                                 "updated_at) SELECT id, 'manual', 2, 11, '新建中小学校舍5所', '校舍', false, "
                                 "'confirmed', false, 'unassessed', 1, ingested_at, ingested_at FROM document")
        migrate.upgrade(empty_db_url)
        with eng.connect() as conn:
            entry = conn.exec_driver_sql("SELECT words FROM pledge_search").scalar_one()
        assert {"学校", "中小学校", "校舍", "政府", "工作", "报告"} <= set(entry.split())
        expected = {"sqlite": {"pledge_search_fts", "pledge_search_fts_data", "pledge_search_fts_idx",
                               "pledge_search_fts_config", "pledge_search_ai", "pledge_search_ad",
                               "pledge_search_au"},
                    "postgresql": {"ix_pledge_search_words"}}[eng.dialect.name]
        assert _search_parts(empty_db_url) == expected
        from tracker.services import listing

        with make_sessionmaker(eng)() as s:  # the backfilled index answers the list's search
            found = listing.iter_rows(s, listing.parse_filters(s, {"q": "学校"}))
            assert [r.quote for r in found] == ["新建中小学校舍5所"]

        migrate.downgrade(empty_db_url, "0001")
        assert migrate.current_revision(empty_db_url) == "0001"
        assert "pledge_search" not in _tables(empty_db_url, everything=True)
        assert _search_parts(empty_db_url) == set()
        with eng.connect() as conn:  # the records themselves are untouched
            assert conn.exec_driver_sql("SELECT count(*) FROM pledge").scalar_one() == 1
        migrate.upgrade(empty_db_url)
        assert migrate.check(empty_db_url).ok
    finally:
        eng.dispose()


def test_the_open_pledges_index_leaves_out_exactly_the_closed_statuses(empty_db_url):
    """ix_pledge_open_due_on (migration 0009, PostgreSQL only) holds the confirmed pledges the reviewer's queue
    may list: its predicate must name the statuses ``schedule.CLOSED`` names, or the queue's counts would
    miss some; on SQLite neither index is made (its planner chose them for the ledger: 35 -> 80-95 ms)."""
    import re

    from tracker.db import fulltext, migrate
    from tracker.services import schedule

    named = re.search(r"status NOT IN \(([^)]*)\)", fulltext.OPEN_PREDICATE).group(1)
    assert {n.strip(" '") for n in named.split(",")} == {s.value for s in schedule.CLOSED}
    migrate.upgrade(empty_db_url)
    engine = sa.create_engine(empty_db_url)
    try:
        names = {i["name"] for table in ("pledge", "status_event") for i in sa.inspect(engine).get_indexes(table)}
        postgresql = engine.dialect.name == "postgresql"
        assert (fulltext.POSTGRESQL_ONLY_INDEXES <= names) is postgresql
        assert not (fulltext.POSTGRESQL_ONLY_INDEXES & names) or postgresql
        if postgresql:
            with engine.connect() as conn:
                where = conn.execute(sa.text("SELECT pg_get_indexdef('ix_pledge_open_due_on'::regclass)")).scalar_one()
            assert "'done'" in where and "'missed'" in where and "'unassessable'" in where
            with engine.connect() as conn:  # the undated ones (migration 0010): the same statuses, no deadline
                undated = conn.execute(sa.text(
                    "SELECT pg_get_indexdef('ix_pledge_undated_status_on'::regclass)")).scalar_one()
            assert all(f"'{s.value}'" in undated for s in schedule.CLOSED) and "due_on IS NULL" in undated
            assert "status_on NULLS FIRST" in undated
    finally:
        engine.dispose()
