"""The column registry (``exports.COLUMNS``, ``listing.SELECTED``) against the public column contract,
the documentation, and a row whose every field holds a value of its own: a column shifted by one place in
the query, the row type or any format's cells fails here."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

from ledger_history import build
from tracker import glossary
from tracker.db.enums import MissReason, Precision, ReviewState, Status
from tracker.db.models import Pledge
from tracker.services import exports, listing
from tracker.services.listing import Row
from tracker.services.schedule import Flag, Progress

ROOT = Path(__file__).resolve().parents[2]

#: what the exports promise (key, header), in order: change it only by adding at the end
CONTRACT = [
    ("id", "编号"), ("quote", "承诺原文"), ("district", "区县"), ("official", "责任领导"),
    ("responsible_unit", "牵头单位"), ("action", "动作"), ("object", "对象"), ("target_value", "目标值"),
    ("target_unit", "单位"), ("achieved_value", "完成值"), ("achieved_share", "完成比例"), ("time_share", "序时进度"),
    ("progress", "进度"), ("deadline_raw", "时限原文"), ("due_on", "完成时限"), ("status", "状态"),
    ("status_on", "评估日期"), ("proposed", "待复核"), ("miss_reason", "未完成原因"), ("note", "进展说明"),
    ("evidence", "佐证"), ("flag", "标记"), ("days_overdue", "逾期天数"), ("review_state", "审核状态"),
    ("document_id", "文档编号"), ("document_title", "来源文档"), ("published_on", "发布日期"), ("reminders", "催办次数"),
]


def test_the_registry_is_the_contract():
    assert [(c.key, c.label) for c in exports.COLUMNS] == CONTRACT
    assert [(c.key, c.label) for c in exports.COLUMNS] == list(glossary.COLUMN_LABELS.items())
    assert exports.COLUMN_KEYS == [k for k, _ in CONTRACT]


def _documented() -> list[tuple[str, str]]:
    """The column keys and labels the documentation lists (README.md or docs/), in its order."""
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        m = re.search(r"Column keys \(a public contract[^)]*\):(.*?)\.\s*\n", text, re.S)
        if m:
            return re.findall(r"`([a-z_]+)` (\S+?)[,.，]?(?=\s|$)", m.group(1) + " ")
    return []


def test_the_documented_columns_are_the_registry_in_its_order():
    documented = _documented()
    assert len(documented) >= 27, "the documentation no longer lists the export columns"
    registry = [(c.key, c.label) for c in exports.COLUMNS]
    assert documented == registry[:len(documented)]


def test_the_query_selects_the_row_by_name():
    f = listing.Filters(values={"review_state": ReviewState.CONFIRMED})
    names = tuple(listing.base_select(f).selected_columns.keys())
    assert names == listing.SELECTED_NAMES
    assert tuple(x.name for x in dataclasses.fields(Row))[:len(names)] == names
    # every exported column reads a field the row has
    row_fields = {x.name for x in dataclasses.fields(Row)} | {"target_text", "achieved_text"}
    assert {c.key for c in exports.COLUMNS} <= row_fields


def test_the_decoders_sit_at_the_columns_they_decode():
    names = listing.SELECTED_NAMES
    assert [names[i] for i in listing._NUMBERS] == ["target_value", "target_value_max", "achieved_value"]
    assert {names[i]: next(iter(m.values())).__class__ for i, m in listing._ENUMS} == {
        "deadline_precision": Precision, "review_state": ReviewState, "status": Status, "miss_reason": MissReason,
        "proposed": Status}


ROW = Row(
    id=101, document_id=202, document_title="来源文档甲", published_on=dt.date(2024, 1, 2), quote="承诺原文乙",
    district_id=7, district="区县丙", official_id=8, official="领导丁", responsible_unit="单位戊", action="动作己",
    object="对象庚", target_value=Decimal("30"), target_value_max=None, target_unit="所", achieved_value=Decimal("18"),
    deadline_raw="时限辛", due_on=dt.date(2024, 12, 31), deadline_precision=Precision.DAY,
    review_state=ReviewState.CONFIRMED, status=Status.IN_PROGRESS, status_on=dt.date(2024, 6, 30),
    miss_reason=MissReason.FUNDING, note="说明壬", evidence="佐证癸", proposed=Status.MISSED, reminders=3,
    time_share=Decimal("0.5507"), achieved_share=Decimal("0.6"), progress=Progress.ON_TRACK, flag=Flag.RED,
    days_overdue=4,
)

#: key → (CSV cell, XLSX value, JSON value) of ``ROW``: each value is found under its own key only
EXPECTED = {
    "id": (101, 101, 101), "quote": ("承诺原文乙",) * 3, "district": ("区县丙",) * 3, "official": ("领导丁",) * 3,
    "responsible_unit": ("单位戊",) * 3, "action": ("动作己",) * 3, "object": ("对象庚",) * 3,
    "target_value": ("30", Decimal("30"), "30"), "target_unit": ("所",) * 3,
    "achieved_value": ("18", Decimal("18"), "18"), "achieved_share": ("0.6", Decimal("0.6"), "0.6"),
    "time_share": ("0.5507", Decimal("0.5507"), "0.5507"),
    "progress": (Progress.ON_TRACK.label, Progress.ON_TRACK.label, Progress.ON_TRACK.value),
    "deadline_raw": ("时限辛",) * 3, "due_on": ("2024-12-31", dt.date(2024, 12, 31), "2024-12-31"),
    "status": ("推进中", "推进中", "in_progress"), "status_on": ("2024-06-30", dt.date(2024, 6, 30), "2024-06-30"),
    "proposed": ("未完成", "未完成", "missed"),
    "miss_reason": (MissReason.FUNDING.label, MissReason.FUNDING.label, "funding"), "note": ("说明壬",) * 3,
    "evidence": ("佐证癸",) * 3, "flag": (Flag.RED.label, Flag.RED.label, "red"), "days_overdue": (4, 4, 4),
    "review_state": ("已确认", "已确认", "confirmed"), "document_id": (202, 202, 202),
    "document_title": ("来源文档甲",) * 3, "published_on": ("2024-01-02", dt.date(2024, 1, 2), "2024-01-02"),
    "reminders": (3, 3, 3),
}


def test_every_format_writes_each_value_under_its_own_key():
    assert list(EXPECTED) == exports.COLUMN_KEYS
    csv_cells, xlsx_cells, item = exports.csv_cells(ROW), exports._xlsx_cells(ROW), exports.json_item(ROW)
    assert dict(zip(exports.COLUMN_KEYS, csv_cells)) == {k: v[0] for k, v in EXPECTED.items()}
    assert dict(zip(exports.COLUMN_KEYS, xlsx_cells)) == {k: v[1] for k, v in EXPECTED.items()}
    assert item == {k: v[2] for k, v in EXPECTED.items()}


def test_the_row_read_back_holds_each_field_under_its_name(session_factory):
    history = build(session_factory)
    with session_factory() as s:
        f = listing.parse_filters(s, {}, today=dt.date(2024, 7, 20))
        rows = {r.id: r for r in listing.iter_rows(s, f)}
        assert rows
        for pledge_id, row in rows.items():
            p = s.get(Pledge, pledge_id)
            q = p.quantities[0] if p.quantities else None
            assert (row.document_id, row.document_title, row.published_on) == (
                p.document_id, p.document.title, p.document.published_on)
            assert (row.quote, row.responsible_unit, row.action, row.object) == (
                p.quote, p.responsible_unit, p.action, p.object)
            assert (row.district_id, row.district) == (p.district_id, p.district.name if p.district else None)
            assert (row.official_id, row.official) == (p.official_id, p.official.name if p.official else None)
            assert (row.target_value, row.target_unit, row.achieved_value) == (
                (q.value, q.unit, q.achieved_value) if q else (None, None, None))
            assert (row.deadline_raw, row.due_on, row.deadline_precision) == (
                p.deadline_raw, p.due_on, p.deadline_precision)
            assert (row.review_state, row.status, row.status_on, row.miss_reason) == (
                p.review_state, p.status, p.status_on, p.miss_reason)
        assert history["ids"]["kindergartens"] in rows
