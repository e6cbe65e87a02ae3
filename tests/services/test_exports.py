"""Exports of a view: the whole CSV text, XLSX and 台账 read back with openpyxl, JSON parsed,
formula injection escaped in CSV and XLSX, streaming in chunks, the status table."""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from ledger_history import build
from tracker.db.enums import ReviewState, Status
from tracker.db.models import Pledge, User
from tracker.services import exports, listing, status, tables
from tracker.services.listing import Row
from tracker.services.schedule import Flag

TODAY = dt.date(2024, 7, 20)


@pytest.fixture
def history(session_factory):
    return build(session_factory)


def view(s, **args):
    return listing.parse_filters(s, args, today=TODAY)


def csv_text(s, f, **kw) -> str:
    return b"".join(exports.csv_chunks(listing.iter_rows(s, f), **kw)).decode("utf-8")


EXPECTED_CSV = (
    "\ufeff编号,承诺原文,区县,责任领导,牵头单位,动作,对象,目标值,单位,完成值,完成比例,序时进度,进度,时限原文,完成时限,状态,"
    "评估日期,待复核,未完成原因,进展说明,佐证,标记,逾期天数,审核状态,文档编号,来源文档,发布日期,催办次数\r\n"
    "{housing},年中前改造老旧小区20个,张店区,,住建局,,老旧小区,20,个,20,1,1,达进度,,2024-06-30,已完成,2024-06-20,,,全部完工,"
    "https://example.gov.cn/housing-done,,,已确认,{doc},2024年民生实事清单,2024-01-01,0\r\n"
    "{late},7月10日前建成口袋公园8个,张店区,,园林局,,口袋公园,8,个,,,1,,,2024-07-10,未评估,,,,,,红,10,已确认,{doc},"
    "2024年民生实事清单,2024-01-01,0\r\n"
    "{kindergartens},今年新建幼儿园30所,张店区,马晓磊,教育局,,幼儿园,30,所,18,0.6,0.5507,达进度,,2024-12-31,推进中,"
    "2024-06-30,,,已建成18所,,,,已确认,{doc},2024年民生实事清单,2024-01-01,0\r\n"
)


def test_the_csv_of_a_view_whole(session_factory, history):
    with session_factory() as s:
        text = csv_text(s, view(s, district="张店区"))
    assert text == EXPECTED_CSV.format(doc=history["document"], **history["ids"])


def test_csv_header_keys_are_the_public_contract(session_factory, history):
    with session_factory() as s:
        text = csv_text(s, view(s, district="张店区"), header="key")
    header = next(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert header == exports.COLUMN_KEYS
    assert all(k.isascii() and k == k.lower() and " " not in k for k in header)
    assert len(set(exports.LABELS.values())) == len(exports.COLUMNS)  # one distinct Chinese label each


def _inject(session_factory, history):
    """A reviewer's note and an evidence quote that look like formulas."""
    with session_factory() as s:
        pledge = s.get(Pledge, history["ids"]["greenway"])
        reviewer = s.get(User, history["users"]["ledger_reviewer"])
        status.set_status(s, pledge, reviewer, status.StatusChange(
                Status.IN_PROGRESS, as_of_on=TODAY, note='=HYPERLINK("http://evil.example","点我")'), today=TODAY)
        pledge = s.get(Pledge, history["ids"]["soon"])
        status.set_status(s, pledge, reviewer, status.StatusChange(
                Status.DONE, as_of_on=TODAY, evidence_quote="＋1 全线开通", note="@SUM(A1)"), today=TODAY)
        s.commit()


def test_formulas_are_escaped_in_csv_and_xlsx(session_factory, history, tmp_path):
    _inject(session_factory, history)
    with session_factory() as s:
        f = view(s, district="临淄区")
        rows = list(csv.DictReader(io.StringIO(csv_text(s, f, header="key").lstrip("\ufeff"))))
        by_id = {int(r["id"]): r for r in rows}
        assert by_id[history["ids"]["greenway"]]["note"] == '\'=HYPERLINK("http://evil.example","点我")'
        assert by_id[history["ids"]["soon"]]["note"] == "'@SUM(A1)"
        assert by_id[history["ids"]["soon"]]["evidence"] == "'＋1 全线开通"
        path = tmp_path / "out.xlsx"
        with path.open("wb") as fh:
            exports.write_xlsx(listing.iter_rows(s, f), fh, f)
        ledger = tmp_path / "ledger.xlsx"
        with ledger.open("wb") as fh:
            exports.write_ledger(listing.iter_rows(s, f), fh, f)
    sheet = load_workbook(path)["承诺"]
    header = [c.value for c in sheet[1]]
    notes = [row[header.index("进展说明")] for row in sheet.iter_rows(min_row=2)]
    texts = {c.value for c in notes if c.value}
    assert '\'=HYPERLINK("http://evil.example","点我")' in texts and "'@SUM(A1)" in texts
    assert all(c.data_type == "s" for c in notes if c.value)  # text, not a formula
    cells = [c for row in load_workbook(ledger)["台账"].iter_rows() for c in row if c.value is not None]
    assert not any(c.data_type == "f" for c in cells)
    assert any(c.value == "'＋1 全线开通" for c in cells)


def test_xlsx_has_a_styled_frozen_header_real_values_and_a_summary(session_factory, history, tmp_path):
    path = tmp_path / "view.xlsx"
    with session_factory() as s:
        f = view(s)
        with path.open("wb") as fh:
            assert exports.write_xlsx(listing.iter_rows(s, f), fh, f) == 6
    wb = load_workbook(path)
    assert wb.sheetnames == ["承诺", "汇总", "字段"]
    ws = wb["承诺"]
    assert ws.freeze_panes == "C2"
    assert [c.value for c in ws[1]] == [c[1] for c in exports.COLUMNS]
    assert ws["A1"].font.bold and ws["A1"].fill.fgColor.rgb.endswith("1D2430")
    assert ws.column_dimensions["B"].width == 48
    header = [c.value for c in ws[1]]
    first = {h: c for h, c in zip(header, ws[2])}
    assert first["编号"].value == history["ids"]["housing"]
    assert first["完成时限"].value == dt.datetime(2024, 6, 30) and first["完成时限"].number_format == "yyyy-mm-dd"
    assert first["完成值"].value == 20
    assert first["完成比例"].value == 1 and first["完成比例"].number_format == "0.0%"
    summary = {row[0]: row[1] for row in wb["汇总"].iter_rows(values_only=True) if row and row[0]}
    assert summary["筛选条件"] == "审核状态 = 已确认" and summary["截至日期"] == "2024-07-20"
    assert (summary["承诺条数"], summary["已完成"], summary["未完成"], summary["红（逾期未完成）"]) == (6, 1, 1, 1)
    fields = list(wb["字段"].iter_rows(min_row=2, values_only=True))
    assert fields == [(c[0], c[1]) for c in exports.COLUMNS]


def test_the_ledger_in_the_columns_offices_keep(session_factory, history, tmp_path):
    path = tmp_path / "ledger.xlsx"
    with session_factory() as s:
        f = view(s)
        with path.open("wb") as fh:
            exports.write_ledger(listing.iter_rows(s, f), fh, f)
    ws = load_workbook(path)["台账"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "承诺事项推进台账（截至 2024-07-20）"
    assert rows[2] == ("序号", "任务", "责任区县", "牵头单位", "责任领导", "目标值", "完成时限", "进展情况", "完成值",
                       "状态", "存在问题", "佐证", "催办次数")
    lines = {r[1]: r for r in rows[3:]}
    assert [r[0] for r in rows[3:]] == [1, 2, 3, 4, 5, 6]
    assert lines["今年新建幼儿园30所"][5:10] == ("30所", "2024-12-31", "2024-06-30：已建成18所（达进度）", "18所", "推进中")
    # the flag stands beside the status; 存在问题 holds the reasons and notes, not the flag's words
    assert lines["7月10日前建成口袋公园8个"][9:11] == ("未评估\n红·逾期 10 天", None)
    assert lines["年中前改造老旧小区20个"][10] is None  # done ten days early: no problem
    school = lines["临淄区7月中旬前新建中小学校5所"]
    assert school[9] == "未完成" and school[10].split("；")[0] == "资金" and school[11] == "仅开工2所"
    assert ws.freeze_panes == "C4"
    # as offices print it: A4 landscape, one page wide, header row on every page, title merged
    assert (ws.page_setup.orientation, ws.page_setup.paperSize) == ("landscape", 9)
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight, ws.sheet_properties.pageSetUpPr.fitToPage) == \
        (1, 0, True)
    assert ws.print_title_rows == "$3:$3"
    assert {str(r) for r in ws.merged_cells.ranges} == {"A1:M1", "A2:M2"}  # twelve columns and 催办次数
    assert ws.cell(4, 2).alignment.wrap_text and ws.cell(4, 2).alignment.vertical == "top"


def test_a_file_is_named_by_its_view_and_day(session_factory, history):
    with session_factory() as s:
        assert exports.filename("ledger", view(s)) == "台账-2024-07-20.xlsx"
        assert exports.filename("ledger", view(s, district="张店区", flag="红")) == "台账-张店区-逾期-2024-07-20.xlsx"
        assert exports.filename("csv", view(s, status="已完成", q="学校/幼儿园")) == \
            "承诺-已完成-学校幼儿园-2024-07-20.csv"


def test_json_carries_keys_values_and_the_filters(session_factory, history):
    with session_factory() as s:
        f = view(s, status="已完成")
        data = json.loads(b"".join(exports.json_chunks(listing.iter_rows(s, f), f)))
    assert data["filters"] == "状态 = 已完成 且 审核状态 = 已确认" and data["query"] == {"status": "已完成"}
    assert [c["key"] for c in data["columns"]] == exports.COLUMN_KEYS
    assert data["count"] == 1
    [item] = data["items"]
    assert list(item) == exports.COLUMN_KEYS
    assert (item["status"], item["achieved_value"], item["due_on"], item["flag"]) == ("done", "20", "2024-06-30", None)


def test_an_as_of_export_shows_the_table_as_it_stood(session_factory, history):
    with session_factory() as s:
        f = listing.parse_filters(s, {"as_of": "2024-04-15", "district": "张店区"}, today=TODAY)
        rows = list(csv.DictReader(io.StringIO(csv_text(s, f, header="key").lstrip("\ufeff"))))
    by_id = {int(r["id"]): r for r in rows}
    k = by_id[history["ids"]["kindergartens"]]
    assert (k["status"], k["achieved_value"], k["flag"], k["progress"]) == ("推进中", "6", "黄", "欠进度")
    assert by_id[history["ids"]["housing"]]["status"] == "未评估"


def _fake(i: int) -> Row:
    return Row(id=i, document_id=1, document_title="标题", published_on=dt.date(2024, 1, 1), quote="新建幼儿园" * 20,
               district="张店区", district_id=1, official=None, official_id=None, responsible_unit=None, action=None,
               object=None, target_value=Decimal(3), target_value_max=None, target_unit="所", achieved_value=None,
               deadline_raw=None, due_on=None, deadline_precision=None, review_state=ReviewState.CONFIRMED,
               status=Status.UNASSESSED, status_on=None, miss_reason=None, note=None, evidence=None, proposed=None)


def test_csv_and_json_stream_in_chunks_with_one_bom():
    chunks = list(exports.csv_chunks(_fake(i) for i in range(3000)))
    assert len(chunks) > 3 and all(len(c.decode("utf-8")) < 2 * exports.CHUNK for c in chunks)  # ~CHUNK characters
    text = b"".join(chunks).decode("utf-8")
    assert text.count("\ufeff") == 1 and text.startswith("\ufeff编号")
    assert len(list(csv.reader(io.StringIO(text)))) == 3001
    f = listing.Filters(today=TODAY)
    parts = list(exports.json_chunks((_fake(i) for i in range(3000)), f))
    assert len(parts) > 3 and json.loads(b"".join(parts))["count"] == 3000


def test_the_status_table_per_district(session_factory, history):
    with session_factory() as s:
        f = view(s)
        groups, total = tables.status_table(listing.iter_rows(s, f), "district", f.day)
    table = {g.name: g.record() for g in groups}
    zd = table["张店区"]
    assert (zd["total"], zd["status_done"], zd["status_in_progress"], zd["status_unassessed"]) == (3, 1, 1, 1)
    assert (zd["due"], zd["done_on_time"], zd["on_time_share"], zd["overdue"]) == (2, 1, Decimal("0.5"), 1)
    lz = table["临淄区"]
    assert (lz["total"], lz["status_missed"], lz["status_stalled"], lz["due"], lz["done_on_time"]) == (3, 1, 1, 1, 0)
    assert (total.total, total.done_on_time, total.overdue) == (6, 1, 1)
    text = exports.table_csv(tables.TABLE_COLUMNS, [g.record() for g in groups]).decode("utf-8")
    assert text.splitlines()[0] == "\ufeff" + ",".join(label for _, label in tables.TABLE_COLUMNS)
    assert ",张店区,3,1,1,1,0,0,0,0,2,1,0.5,1,0,0" in text


def test_the_dashboard_summary_agrees_with_the_separate_tallies(session_factory, history):
    with session_factory() as s:
        f = view(s, review_state="all")
        rows = list(listing.iter_rows(s, f))
        summary = tables.summarise(iter(rows), f.day)
        groups, total = tables.status_table(rows, "district", f.day)
        completion = tables.completion_over_time(s, summary.ids, f.day)
    assert summary.meter == tables.meter(rows)
    assert [p[2] for p in summary.meter] == [1, 0, 1, 1, 1, 3]  # kept, partly, in progress, stalled, missed, unrated
    assert summary.months == tables.by_deadline_month(rows)
    assert [g.record() for g in summary.groups] == [g.record() for g in groups]
    assert summary.total.record() == total.record() and sorted(summary.ids) == sorted(history["ids"].values())
    # housing was done as of 2024-06-20: one pledge done from June's end on
    assert [(d.isoformat(), n) for d, n in completion if d <= dt.date(2024, 7, 31)] == [
        ("2024-03-31", 0), ("2024-04-30", 0), ("2024-05-31", 0), ("2024-06-30", 1), ("2024-07-20", 1)]


def test_a_pledge_done_after_its_deadline_says_so_in_the_ledger(session_factory, history, tmp_path):
    with session_factory() as s:
        status.set_status(
            s, s.get(Pledge, history["ids"]["late"]), s.get(User, history["users"]["ledger_reviewer"]), status.StatusChange(
                Status.DONE, as_of_on=dt.date(2024, 7, 15), evidence_url="https://x.example"), today=TODAY)
        s.commit()
        f = view(s, q="口袋公园")
        [row] = list(listing.iter_rows(s, f))
    assert row.flag is None and exports.ledger_cells(1, row)[9:11] == ["已完成", "逾期完成（晚 5 天）"]


def _awkward(i: int) -> Row:
    """A row with every kind of value the XLSX writer meets, and text that is hard to carry."""
    row = _fake(i)
    row.quote = ["  前后有空格 ", "A&B <c> \"d\" 'e'", "=1+2", "－全角减号", "x" * 40000, "新建\n幼儿园\t3所"][i % 6]
    row.note = "控制\x01字符\x0b" if i % 2 else "\x02=cmd"
    row.responsible_unit = "\x07" if i % 3 == 0 else None
    row.target_value = [Decimal("0.1"), Decimal(3), Decimal("123456789012345678.123456"), None][i % 4]
    row.achieved_share = [Decimal("0.55068493150684931"), Decimal(1), None][i % 3]
    row.time_share = Decimal("0.3333333333333333333")
    row.due_on = [dt.date(2024, 6, 30), None, dt.date(1900, 2, 28), dt.date(9999, 12, 31)][i % 4]
    row.status_on = dt.date(2024, 1, 1) + dt.timedelta(days=i)
    row.days_overdue = i
    row.flag = Flag.RED if i % 2 else None
    return row


def _sheet_cells(path, sheet):
    ws = load_workbook(path)[sheet]
    return [[(c.value, c.data_type, c.number_format, c.font.b, c.fill.fgColor.rgb) for c in row]
            for row in ws.iter_rows()]


@pytest.mark.parametrize("fmt", ["xlsx", "ledger"])
def test_xlsx_rows_written_as_xml_read_back_as_openpyxl_writes_them(tmp_path, fmt, monkeypatch):
    f = listing.Filters(today=TODAY)
    rows = [_awkward(i) for i in range(1, 25)]
    writer = exports.write_xlsx if fmt == "xlsx" else exports.write_ledger
    from openpyxl import Workbook

    assert exports._RawRows(Workbook(write_only=True).create_sheet("x"), 3).hooked  # this openpyxl has the hooks
    fast, slow = tmp_path / "fast.xlsx", tmp_path / "slow.xlsx"
    with fast.open("wb") as fh:
        writer(rows, fh, f)
    monkeypatch.setattr(exports, "XML_ROWS", False)  # openpyxl's own cells, the reference
    with slow.open("wb") as fh:
        writer(rows, fh, f)
    sheet = "承诺" if fmt == "xlsx" else "台账"
    got, expected = _sheet_cells(fast, sheet), _sheet_cells(slow, sheet)
    assert len(got) == len(expected) > 24
    for line, (a, b) in enumerate(zip(got, expected)):
        assert a == b, f"row {line + 1}"
    cells = {c[0] for line in got for c in line}
    assert "  前后有空格 " in cells and "'=1+2" in cells and "'－全角减号" in cells and "x" * 32767 in cells
    texts = " ".join(c for c in cells if isinstance(c, str))
    assert "控制字符" in texts and "\x01" not in texts  # XML cannot carry \x01: dropped
    if fmt == "xlsx":
        assert "'=cmd" in cells  # dropped first, then escaped: \x02=cmd is no formula either


def test_xlsx_export_of_text_with_control_characters_does_not_fail(tmp_path):
    """openpyxl refused \\x01 (IllegalCharacterError) and the whole export failed."""
    row = _fake(1)
    row.note = "进展\x01说明"
    path = tmp_path / "ctl.xlsx"
    with path.open("wb") as fh:
        exports.write_xlsx([row], fh, listing.Filters(today=TODAY))
    ws = load_workbook(path)["承诺"]
    header = [c.value for c in ws[1]]
    assert ws.cell(2, header.index("进展说明") + 1).value == "进展说明"


@pytest.mark.parametrize("member", [*Status, *ReviewState, *exports.MissReason, *exports.Progress, *Flag])
def test_csv_label_cell_is_the_members_label(member):
    """CSV label cells are one dict lookup (``_LABEL_TEXT``): the same text as the member's ``label``."""
    assert exports._LABEL_TEXT[member] == member.label
    assert exports._LABEL_TEXT[None] == ""


def test_csv_text_cell_written_in_place_escapes_as_cell_does():
    """The CSV text cell written out in the row writer escapes as ``_cell`` does (formula starts, empty, None)."""
    write = exports._compiled("one", exports.COLUMNS[1].cell("csv"))  # quote, a text column

    class R:
        quote = None

    for text in (None, "", "=1+1", "＋3", "\t拆除", "新建幼儿园3所", "-5", "@x"):
        R.quote = text
        assert write(R) == exports._cell(text)


def test_fill_gives_the_assessed_fields_in_rows_order():
    """``_fill`` passes the assessed values by position after the selected ones: the order is checked."""
    names = tuple(f.name for f in dataclasses.fields(Row))
    assert names == listing.SELECTED_NAMES + listing.ASSESSED
