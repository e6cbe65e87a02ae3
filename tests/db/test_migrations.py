"""The migration history and the models agree, on SQLite and PostgreSQL."""
from __future__ import annotations

import sqlalchemy as sa

from tracker.db import migrate
from tracker.db.engine import make_engine
from tracker.db.models import Base


def _tables(url: str) -> set[str]:
    eng = make_engine(url)
    try:
        return set(sa.inspect(eng).get_table_names()) - {"alembic_version"}
    finally:
        eng.dispose()


def test_upgrade_from_empty_downgrade_to_base_and_upgrade_again(empty_db_url):
    assert _tables(empty_db_url) == set()
    migrate.upgrade(empty_db_url)
    assert _tables(empty_db_url) == set(Base.metadata.tables)
    assert migrate.current_revision(empty_db_url) == migrate.head_revision()

    migrate.downgrade(empty_db_url, "base")
    assert _tables(empty_db_url) == set()
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
