"""export-db / import-db: every table and its history, SQLite → PostgreSQL → SQLite, byte for byte."""
from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import uuid

import pytest
import sqlalchemy as sa

from tracker.db.engine import make_engine, make_sessionmaker
from tracker.db.enums import MissReason, ReviewState, Status, UserRole
from tracker.db.models import (TABLES_IN_ORDER, AuditEvent, Pledge, PledgeSearch, PledgeSource, ProgressReport,
                               Reminder, Unit, User)
from tracker.db.types import utcnow
from tracker.services import status
from tracker.services.ingest import ingest_paths
from tracker.services.transfer import TransferError, export_db, import_db, row_counts


def _populate(session_factory, seeds_dir):
    """Seeds, people, decisions, a status timeline with a confirmed 未完成, and a merge whose
    duplicate points forward to a later id (a self-reference the import has to defer)."""
    ingest_paths(session_factory, [seeds_dir])
    with session_factory() as s:
        editor = User(name="编辑甲", password_hash="scrypt:x", role=UserRole.EDITOR)
        first = User(name="评议员乙", password_hash="scrypt:y", role=UserRole.REVIEWER)
        second = User(name="评议员丙", password_hash="scrypt:z", role=UserRole.REVIEWER, is_active=False)
        s.add_all([editor, first, second])
        s.flush()
        pledges = s.scalars(sa.select(Pledge).order_by(Pledge.id)).all()
        a, b, dup, keep = pledges[0], pledges[1], pledges[2], pledges[-1]
        for p in (a, b):
            p.review_state, p.reviewed_by_id, p.reviewed_at = ReviewState.CONFIRMED, editor.id, utcnow()
        b.responsible_unit = "区教体局"
        s.flush()
        status.set_status(s, a, first, status.StatusChange(
                Status.DONE, as_of_on=dt.date(2021, 12, 30), evidence_url="https://e.gov.cn/1", achieved_value="0.5",
                note="完成一半以上"))
        proposal = status.set_status(s, b, first, status.StatusChange(
                Status.MISSED, as_of_on=dt.date(2022, 1, 5), evidence_quote="未能如期", miss_reason=MissReason.APPROVAL))
        second.is_active = True
        status.confirm_status(s, proposal, second)
        second.is_active = False
        dup.merged_into_id = keep.id
        s.add(PledgeSource(pledge_id=keep.id, document_id=dup.document_id, start=dup.start, end=dup.end,
                           quote=dup.quote, merged_pledge_id=dup.id, added_by_id=editor.id))
        s.add(AuditEvent(user_id=editor.id, actor=editor.name, entity="pledge", entity_id=keep.id, action="merge",
                         new={"merged": dup.id, "注": "重复报道", "nested": {"b": 1, "a": [1.5, None, True]}}))
        # follow-up: a decided suggestion and a restatement (ingest may have stored others already)
        from tracker.db.enums import DeadlineChange, FollowupOutcome, SuggestionState, TargetChange
        from tracker.db.models import Restatement, Suggestion

        other = next(p for p in pledges if p.document_id != a.document_id)
        if s.scalar(sa.select(Suggestion.id).where(Suggestion.pledge_id == a.id,
                                                   Suggestion.document_id == other.document_id)) is None:
            s.add(Suggestion(pledge_id=a.id, document_id=other.document_id, outcome=FollowupOutcome.EXCEEDED,
                             evidence_start=other.start, evidence_end=other.end, evidence_quote=other.quote,
                             reported=[{"value": "1.35", "unit": "万人", "raw": "1.35万人"}], confidence=0.75,
                             matcher_version="test", state=SuggestionState.DISMISSED, reason="另一口径",
                             decided_by_id=first.id, decided_at=utcnow()))
        if s.scalar(sa.select(Restatement.id).where(Restatement.earlier_pledge_id == a.id,
                                                    Restatement.later_pledge_id == other.id)) is None:
            s.add(Restatement(earlier_pledge_id=a.id, later_pledge_id=other.id, changes=["target_lowered"],
                              target_change=TargetChange.LOWERED, deadline_change=DeadlineChange.UNKNOWN,
                              confidence=0.6, matcher_version="test"))
        unit = Unit(name="区教体局", email="jtj@example.org", webhook_url="https://oapi.dingtalk.com/robot/send?x=1",
                    webhook_kind="dingtalk", webhook_secret="SECx")
        s.add(unit)
        s.flush()
        clerk = User(name="教体局小李", password_hash="scrypt:u", role=UserRole.UNIT, unit_id=unit.id,
                     email="li@example.org")
        s.add(clerk)
        s.flush()
        s.add(ProgressReport(pledge_id=b.id, unit_id=unit.id, user_id=clerk.id, as_of_on=dt.date(2022, 1, 3),
                             note="审批未完成", achieved_value="0.25", file_name="批复.pdf", file_type="application/pdf",
                             file_size=10, file_sha256="0" * 64, state="returned", reviewed_by_id=first.id,
                             reviewed_at=utcnow(), return_reason="缺少文号"))
        s.add(Reminder(pledge_id=b.id, sent_on=dt.date(2022, 1, 2), recipient_kind="unit", recipient=unit.name,
                       unit_id=unit.id, channel="webhook", flag="red"))
        s.commit()


def _export(url) -> str:
    engine = make_engine(url)
    try:
        with make_sessionmaker(engine)() as s:
            buffer = io.StringIO()
            export_db(s, buffer)
            return buffer.getvalue()
    finally:
        engine.dispose()


def _import(url, text) -> dict:
    engine = make_engine(url)
    try:
        with make_sessionmaker(engine)() as s:
            counts = import_db(s, io.StringIO(text))
            s.commit()
            return counts
    finally:
        engine.dispose()


def _search_entries(url) -> dict[int, str]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return dict(conn.execute(sa.select(PledgeSearch.pledge_id, PledgeSearch.words)).all())
    finally:
        engine.dispose()


@pytest.fixture
def pg_url(pg_server, pg_template):
    from tracker.db.throwaway import create_database, drop_database

    name = f"tracker_test_{uuid.uuid4().hex[:12]}"
    url = create_database(pg_server, name, template=pg_template)
    yield url
    drop_database(pg_server, name)


def _sqlite(tmp_path, sqlite_template, name):
    path = tmp_path / name
    shutil.copyfile(sqlite_template, path)
    return f"sqlite:///{path}"


def test_round_trip_sqlite_postgresql_sqlite_reproduces_every_row(tmp_path, seeds_dir, sqlite_template, pg_url):
    source = _sqlite(tmp_path, sqlite_template, "source.sqlite3")
    engine = make_engine(source)
    _populate(make_sessionmaker(engine), seeds_dir)
    engine.dispose()

    first = _export(source)
    counts = _import(pg_url, first)
    assert all(counts[t.name] > 0 for t in TABLES_IN_ORDER), counts  # every table took part
    second = _export(pg_url)
    assert second == first
    # the search index is no part of the file: the import rebuilt it, entry for entry
    assert '"pledge_search"' not in first
    assert _search_entries(pg_url) == _search_entries(source) and len(_search_entries(source)) == counts["pledge"]

    target = _sqlite(tmp_path, sqlite_template, "target.sqlite3")
    _import(target, second)
    assert _export(target) == first

    # The ids go on after the imported ones on PostgreSQL, so new rows fit in.
    engine = make_engine(pg_url)
    with make_sessionmaker(engine)() as s:
        new = User(name="新人", password_hash="x", role=UserRole.READER)
        s.add(new)
        s.commit()
        assert new.id == counts["user"] + 1
    engine.dispose()

    data = json.loads(first)
    tables = {t["name"]: t for t in data["tables"]}
    assert [t["name"] for t in data["tables"]] == [t.name for t in TABLES_IN_ORDER]
    pledge = tables["pledge"]
    merged = [r for r in pledge["rows"] if r[pledge["columns"].index("merged_into_id")] is not None]
    assert merged and merged[0][pledge["columns"].index("merged_into_id")] > merged[0][0]


def test_import_refuses_a_database_that_is_not_empty(db_url, seeds_dir, tmp_path, sqlite_template):
    source = _sqlite(tmp_path, sqlite_template, "source.sqlite3")
    engine = make_engine(source)
    ingest_paths(make_sessionmaker(engine), [seeds_dir / "000_b1d06a0eb0b265fb.txt"])
    engine.dispose()
    text = _export(source)
    _import(db_url, text)
    with pytest.raises(TransferError, match=r"需要一个空数据库；这个数据库已有数据：.*document（1 行）"):
        _import(db_url, text)
    engine = make_engine(db_url)
    with make_sessionmaker(engine)() as s:
        assert row_counts(s)["document"] == 1
    engine.dispose()


@pytest.mark.parametrize("text,message", [
    ("{not json", "第 1 行第 2 列不是有效的 JSON"),
    ('{"format": "something-else"}', "不是 tracker 的导出文件"),
    ('{"format": "tracker-db", "version": 1, "revision": "0000", "tables": []}', "数据库版本（迁移）是 0000"),
])
def test_import_refuses_what_is_not_a_matching_export(db_url, text, message):
    with pytest.raises(TransferError, match=message):
        _import(db_url, text)
