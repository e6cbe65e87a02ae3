"""Exports of a view (``listing``): CSV, XLSX, JSON and the 台账, streamed row by row.

The column keys are a public contract: stable snake_case, each with a Chinese label
(``COLUMNS``, ``LEDGER_COLUMNS``; README lists them). New columns are added at the end;
none is renamed or removed. ``COLUMNS`` is the one registry of the exported columns: each says
how its value is read from the view's ``Row`` and how CSV, XLSX and JSON write it; no column is
addressed by position (tests/services/test_columns.py holds the contract against it).

* CSV: UTF-8 with a BOM (Excel opens it as UTF-8), the Chinese labels as the header
  (``header="key"`` gives the keys), enums as their Chinese labels, exact numbers.
* XLSX (openpyxl write-only, so rows go to disk as they come): a 承诺 sheet with a
  styled, frozen header, column widths, real dates, numbers and percentages; a 汇总
  sheet (the filters in words, the day, counts by status and flag); a 字段 sheet
  (every key with its label). Data rows go into the sheet's stream as XML text
  (``_RawRows``), not cell by cell: about three times faster. Characters XML cannot
  carry (``\x00``–``\x1f`` but tab, LF, CR) are dropped from XLSX cells.
* JSON: ``{"filters", "as_of", "columns", "items", "count"}``, keys and enum values
  as in the API, numbers as exact strings; written as the rows come.
* 台账: the columns Chinese offices keep (序号, 任务, 责任区县, 牵头单位, 责任领导,
  目标值, 完成时限, 进展情况, 完成值, 状态, 存在问题, 佐证, 催办次数), as XLSX.

Every text cell that begins with ``= + - @`` (or their full-width forms, a tab or a
carriage return) is prefixed with ``'`` in CSV and XLSX, so no spreadsheet runs it as a
formula.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections import Counter
from decimal import Decimal
from itertools import islice
from typing import IO, Iterable, Iterator, NamedTuple
from xml.sax.saxutils import escape as _escape

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.xml.functions import fromstring

from tracker import glossary
from tracker.db.enums import MissReason, ReviewState, Status
from tracker.services.listing import SHANGHAI, Filters, Row
from tracker.services.schedule import Flag, Progress

FORMULA_STARTS = tuple("=+-@\t\r＝＋－＠")
_FORMULA_FIRST = frozenset(FORMULA_STARTS)
#: characters XML 1.0 cannot carry (openpyxl refuses them with IllegalCharacterError)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
XLSX_TEXT_MAX = 32767
#: write XLSX data rows as XML (``_RawRows``); False sends them through openpyxl's cells (tests compare both)
XML_ROWS = True
CHUNK = 64 * 1024

LEDGER_COLUMNS: list[tuple[str, str, int]] = [
    ("seq", "序号", 6), ("task", "任务", 48), ("district", "责任区县", 10), ("responsible_unit", "牵头单位", 14),
    ("official", "责任领导", 10), ("target", "目标值", 10), ("deadline", "完成时限", 12),
    ("progress_note", "进展情况", 30), ("achieved", "完成值", 10), ("status", "状态", 14),
    ("problems", "存在问题", 24), ("evidence", "佐证", 30), ("reminders", "催办次数", 8),
]

FORMATS = {  # format → (file suffix, media type)
    "csv": (".csv", "text/csv; charset=utf-8"),
    "xlsx": (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "json": (".json", "application/json; charset=utf-8"),
    "ledger": (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def safe(text: str) -> str:
    """A text cell that no spreadsheet will read as a formula."""
    return "'" + text if text[:1] in _FORMULA_FIRST else text


def _cell(text: str | None) -> str:
    """``safe`` for an optional text (None → empty); the hot path of every text cell."""
    if not text:
        return ""
    return "'" + text if text[0] in _FORMULA_FIRST else text


def _share_text(value: Decimal | None) -> str:
    return "" if value is None else format(round(value, 4).normalize(), "f")


def _plain(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


#: a flag as a file name says it (台账-张店区-逾期-2026-12-03.xlsx)
FLAG_NAMES = {Flag.RED: "逾期", Flag.YELLOW: "欠进度", Flag.BLUE: "临期"}
_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\s\x00-\x1f]+')


def filename(fmt: str, filters: Filters, stem: str = "承诺") -> str:
    """The view as a file name: what, the filters in words, the day (台账-张店区-逾期-2026-12-03.xlsx)."""
    name = "台账" if fmt == "ledger" else stem
    v, words = filters.values, dict(filters.words)
    parts = [words.get(label) for label in ("区县", "责任领导", "牵头单位", "文档")]
    parts += [v["status"].label if v.get("status") else None, FLAG_NAMES.get(v.get("flag")),
              words.get("包含"), f"截至{v['as_of'].isoformat()}" if v.get("as_of") else None]
    if v.get("review_state") not in (None, ReviewState.CONFIRMED):
        parts.append("全部审核状态" if v["review_state"] == "all" else v["review_state"].label)
    parts = [_NOT_IN_NAMES.sub("", p)[:20] for p in parts if p]
    return "-".join([name, *[p for p in parts if p], filters.day.isoformat()]) + FORMATS[fmt][0]


class Tally:
    """Pass rows through and count them by status and flag (for the summary sheet)."""

    def __init__(self, rows: Iterable[Row]) -> None:
        self.rows = rows
        self.total = 0
        self.status: Counter = Counter()
        self.flag: Counter = Counter()

    def __iter__(self) -> Iterator[Row]:
        for row in self.rows:
            self.total += 1
            self.status[row.status] += 1
            if row.flag is not None:
                self.flag[row.flag] += 1
            yield row


# --- CSV ---------------------------------------------------------------------------------


def _shown(value: Decimal | None, unit: str | None) -> Decimal | None:
    """A value as a person reads it beside ``glossary.unit_label(unit)``: a share (一半) in percent."""
    if value is None or unit not in glossary.RATIO_UNITS:
        return value
    return (value * 100).normalize() if value * 100 == (value * 100).to_integral_value() else value * 100


def csv_chunks(rows: Iterable[Row], *, header: str = "label") -> Iterator[bytes]:
    """The CSV file in chunks of about 64 KB, BOM first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMN_KEYS if header == "key" else [LABELS[k] for k in COLUMN_KEYS])
    first = True
    rows = iter(rows)
    while True:  # the writer takes the rows' cells 200 at a time, straight from the map
        n = buffer.tell()
        writer.writerows(map(csv_cells, islice(rows, 200)))
        if buffer.tell() == n:
            break
        if buffer.tell() > CHUNK:
            yield (("\ufeff" if first else "") + buffer.getvalue()).encode("utf-8")
            first = False
            buffer.seek(0)
            buffer.truncate()
    yield (("\ufeff" if first else "") + buffer.getvalue()).encode("utf-8")


# --- JSON --------------------------------------------------------------------------------


def json_chunks(rows: Iterable[Row], filters: Filters) -> Iterator[bytes]:
    """``{"filters": ..., "as_of": ..., "columns": [...], "items": [...], "count": n}`` in chunks."""
    def dump(obj) -> str:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))

    head = (f'{{"filters":{dump(filters.sentence())},"query":{dump(filters.args)},'
            f'"as_of":{dump(filters.day.isoformat())},'
            f'"columns":{dump([{"key": k, "label": LABELS[k]} for k in COLUMN_KEYS])},"items":[')
    parts, size, n = [head], len(head), 0
    for row in rows:
        text = ("\n" if n == 0 else ",\n") + dump(json_item(row))
        n += 1
        parts.append(text)
        size += len(text)
        if size > CHUNK:
            yield "".join(parts).encode("utf-8")
            parts, size = [], 0
    parts.append(f'\n],"count":{n}}}\n')
    yield "".join(parts).encode("utf-8")


# --- XLSX --------------------------------------------------------------------------------


def _workbook():
    return Workbook(write_only=True)


def _styles():
    return {
        "header_font": Font(bold=True, color="FFFFFF"),
        "header_fill": PatternFill("solid", fgColor="1D2430"),
        "header_align": Alignment(vertical="center", wrap_text=True),
        "border": Border(bottom=Side(style="thin", color="B3261E")),
        "title_font": Font(bold=True, size=14),
    }


def _widths(ws, widths: list[int]) -> None:
    """Column widths (a write-only sheet takes them only before its first row)."""
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def _header(ws, labels: list[str], widths: list[int] | None, styles) -> None:
    if widths is not None:
        _widths(ws, widths)
    cells = []
    for text in labels:
        cell = WriteOnlyCell(ws, value=text)
        cell.font, cell.fill = styles["header_font"], styles["header_fill"]
        cell.alignment, cell.border = styles["header_align"], styles["border"]
        cells.append(cell)
    ws.append(cells)


def _xlsx_text(value: str | None) -> str | None:
    """A text cell for XLSX: characters XML cannot carry dropped (then escaped against formulas), at most
    32,767 characters (Excel's limit); None for an empty text."""
    if not value:
        return None
    if _ILLEGAL.search(value):
        value = _ILLEGAL.sub("", value)
        if not value:
            return None
    if value[0] in _FORMULA_FIRST:
        value = "'" + value
    return value if len(value) <= XLSX_TEXT_MAX else value[:XLSX_TEXT_MAX]


# --- the columns: one registry for CSV, XLSX and JSON ----------------------------------------


class Column(NamedTuple):
    """One exported column: its key (the public contract), Chinese label (``glossary.COLUMN_LABELS``),
    XLSX width and kind; how to read its value from a ``Row`` ``r`` (``read``, an expression; ``shown``:
    the value a spreadsheet shows when it differs, as a share of a ``ratio`` unit in percent); and how
    each format writes a value of its kind (``WRITERS``). A tuple, so ``key, label, width, kind = c[:4]``."""

    key: str
    label: str
    width: int
    kind: str  # text, int, count, number, share, date, label
    read: str
    shown: str | None = None

    def cell(self, fmt: str) -> str:
        """The expression that writes this column of ``r`` in ``fmt`` (csv, xlsx or json)."""
        value = self.read if fmt == "json" else (self.shown or self.read)
        return WRITERS[self.kind][fmt].format(v=value)


def _label_texts() -> dict:
    """Every member of the enumerations the ``label`` columns hold → its Chinese label, None → "" (a dict
    lookup a cell instead of a property; their members are distinct keys, checked here)."""
    texts: dict = {None: ""}
    for members in (Status, ReviewState, MissReason, Progress, Flag):
        for member in members:
            if texts.setdefault(member, member.label) != member.label:
                raise AssertionError(f"{member!r} shares its value with another label's member")
    return texts


_LABEL_TEXT = _label_texts()


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


#: kind → format → how a value ``{v}`` of it is written (an expression over ``_cell``, ``_xlsx_text``, …)
WRITERS: dict[str, dict[str, str]] = {
    # CSV text: ``_cell`` written out in place (one call fewer per cell: 11 columns × every row)
    "text": {"csv": "((\"'\" + _t if _t[0] in _FORMULA_FIRST else _t) if (_t := {v}) else '')", "xlsx": "_xlsx_text({v})", "json": "{v}"},
    "int": {"csv": "{v}", "xlsx": "{v}", "json": "{v}"},
    "count": {"csv": "({v} or '')", "xlsx": "({v} or None)", "json": "{v}"},  # 0 left empty in spreadsheets
    "number": {"csv": "_plain({v})", "xlsx": "{v}", "json": "_dec({v})"},
    "share": {"csv": "_share_text({v})", "xlsx": "{v}", "json": "(_share_text({v}) or None)"},
    "date": {"csv": "({v}.isoformat() if {v} else '')", "xlsx": "{v}", "json": "({v}.isoformat() if {v} else None)"},
    "label": {"csv": "_LABEL_TEXT[{v}]", "xlsx": "(None if {v} is None else {v}.label)",
              "json": "(None if {v} is None else {v}.value)"},
}


def _column(key: str, width: int, kind: str, shown: str | None = None) -> Column:
    return Column(key, glossary.COLUMN_LABELS[key], width, kind, f"r.{key}", shown)


#: the exported columns in order (new ones only at the end; none renamed or removed)
COLUMNS: list[Column] = [
    _column("id", 8, "int"),
    _column("quote", 48, "text"),
    _column("district", 10, "text"),
    _column("official", 10, "text"),
    _column("responsible_unit", 14, "text"),
    _column("action", 8, "text"),
    _column("object", 14, "text"),
    _column("target_value", 10, "number", shown="_shown(r.target_value, r.target_unit)"),
    _column("target_unit", 6, "text", shown="glossary.unit_label(r.target_unit)"),
    _column("achieved_value", 10, "number", shown="_shown(r.achieved_value, r.target_unit)"),
    _column("achieved_share", 10, "share"),
    _column("time_share", 10, "share"),
    _column("progress", 8, "label"),
    _column("deadline_raw", 12, "text"),
    _column("due_on", 12, "date"),
    _column("status", 10, "label"),
    _column("status_on", 12, "date"),
    _column("proposed", 10, "label"),
    _column("miss_reason", 12, "label"),
    _column("note", 30, "text"),
    _column("evidence", 30, "text"),
    _column("flag", 6, "label"),
    _column("days_overdue", 8, "count"),
    _column("review_state", 8, "label"),
    _column("document_id", 8, "int"),
    _column("document_title", 30, "text"),
    _column("published_on", 12, "date"),
    _column("reminders", 8, "int"),
]
COLUMN_KEYS = [c.key for c in COLUMNS]
LABELS = {c.key: c.label for c in COLUMNS}


def _compiled(name: str, body: str):
    """A row writer made from the registry once, as ``dataclasses`` makes ``__init__``: one expression
    per column, so writing a row costs what the hand-written list did (every export's hot path)."""
    namespace = {"_cell": _cell, "_FORMULA_FIRST": _FORMULA_FIRST, "_LABEL_TEXT": _LABEL_TEXT,
                 "_xlsx_text": _xlsx_text, "_plain": _plain, "_dec": _dec, "_share_text": _share_text, "_shown": _shown, "glossary": glossary}
    exec(f"def {name}(r):\n    return {body}\n", namespace)  # noqa: S102 (text from COLUMNS only)
    return namespace[name]


#: one row as CSV cells (strings, escaped)
csv_cells = _compiled("csv_cells", "[" + ", ".join(c.cell("csv") for c in COLUMNS) + "]")
#: one row as XLSX values (text cleaned and escaped, real numbers and dates)
_xlsx_cells = _compiled("xlsx_cells", "[" + ", ".join(c.cell("xlsx") for c in COLUMNS) + "]")
#: one row as a JSON item (keys and enumeration values as in the API, numbers as exact strings)
json_item = _compiled("json_item", "{" + ", ".join(f"{c.key!r}: {c.cell('json')}" for c in COLUMNS) + "}")


class _RawRows:
    """Data rows of plain values written straight into a write-only sheet's XML stream.

    openpyxl's write-only ``append`` makes a ``Cell`` per value, infers its type, looks up
    its style and writes it through three nested lxml elements: about 5 µs a cell, nearly
    all of an XLSX export. Our columns hold text, integers, decimals and dates only, so a
    row becomes one string of ``<c>`` elements carrying two style ids worked out once (the
    date and the percentage formats, registered through ordinary styled cells), parsed
    with openpyxl's own parser and handed to the same stream. The workbook reads back the
    same (a test compares this path with openpyxl's cell by cell).

    It hooks two private methods of this one sheet (``_values_to_row`` and
    ``_writer.write_row``). If an openpyxl release lacks them, every row goes through
    ``append`` with styled cells for the shares, as before; a row holding a value of
    another type goes through openpyxl's own path.
    """

    def __init__(self, ws, columns: int, shares: frozenset[int] = frozenset(), wrap: bool = False) -> None:
        self.ws, self.shares = ws, shares
        date = WriteOnlyCell(ws, value=dt.date(2000, 1, 1))  # gets openpyxl's date format, yyyy-mm-dd
        share = WriteOnlyCell(ws, value=0.5)
        share.number_format = "0.0%"
        self.date_style, self.share_style = date.style_id, share.style_id
        self.wrap = None
        if wrap:  # text wraps in its column, top-aligned, as a printed table wants
            text = WriteOnlyCell(ws, value="")
            text.alignment = Alignment(wrap_text=True, vertical="top")
            self.wrap = text.style_id
        self.text_attr = f' s="{self.wrap}"' if wrap else ""
        self.letters = [get_column_letter(i) for i in range(1, columns + 1)]
        self.to_excel, self.epoch, self.parse = to_excel, ws.parent.epoch, fromstring
        self.serials: dict[dt.date, str] = {}  # a few thousand distinct days at most
        self.hooked = XML_ROWS and self._hook()

    def _hook(self) -> bool:
        ws = self.ws
        if not hasattr(ws, "_get_writer"):
            return False
        ws._get_writer()
        writer = getattr(ws, "_writer", None)
        if not (hasattr(ws, "_values_to_row") and hasattr(writer, "write_row")):
            return False
        values_to_row, write_row = ws._values_to_row, writer.write_row

        def to_row(values, row_idx):
            return values if type(values) is _Plain else values_to_row(values, row_idx)

        def write(xf, row, row_idx):
            if type(row) is not _Plain:
                return write_row(xf, row, row_idx)
            xml = self.row_xml(row, row_idx)
            if xml is None:
                return write_row(xf, values_to_row(self.styled(list(row)), row_idx), row_idx)
            xf.write(self.parse(xml))

        ws._values_to_row, writer.write_row = to_row, write
        return True

    def append(self, values: list) -> None:
        self.ws.append(_Plain(values) if self.hooked else self.styled(values))

    def styled(self, values: list) -> list:
        """The row for openpyxl's own path: a styled cell for each share."""
        for i in self.shares:
            if values[i] is not None:
                cell = WriteOnlyCell(self.ws, value=values[i])
                cell.number_format = "0.0%"
                values[i] = cell
        if self.wrap is not None:
            for i, value in enumerate(values):
                if type(value) is str:
                    cell = WriteOnlyCell(self.ws, value=value)
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                    values[i] = cell
        return values

    def row_xml(self, values, row_idx: int) -> str | None:
        """The ``<row>`` element as text; None when a value is of a type this writer does not know."""
        r = str(row_idx)
        parts = [f'<row r="{r}">']
        add, letters, shares = parts.append, self.letters, self.shares
        for i, value in enumerate(values):
            if value is None or value == "":
                continue
            kind = type(value)
            if kind is str:
                space = ' xml:space="preserve"' if value != value.strip() else ""
                add(f'<c r="{letters[i]}{r}"{self.text_attr} t="inlineStr"><is><t{space}>{_escape(value)}</t></is></c>')
            elif kind is int or kind is Decimal:
                style = f' s="{self.share_style}"' if i in shares else ""
                add(f'<c r="{letters[i]}{r}"{style} t="n"><v>{"%.16g" % value}</v></c>')
            elif kind is dt.date:
                serial = self.serials.get(value)
                if serial is None:
                    serial = self.serials[value] = "%.16g" % self.to_excel(value, self.epoch)
                add(f'<c r="{letters[i]}{r}" s="{self.date_style}" t="n"><v>{serial}</v></c>')
            else:
                return None
        add("</row>")
        return "".join(parts)


class _Plain(list):
    """A row for ``_RawRows`` (a list, so openpyxl's ``append`` takes it)."""


def _summary_sheet(wb, filters: Filters, tally: Tally, styles, title: str) -> None:
    ws = wb.create_sheet("汇总")
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 60
    head = WriteOnlyCell(ws, value=title)
    head.font = styles["title_font"]
    ws.append([head])
    now = dt.datetime.now(SHANGHAI).strftime("%Y-%m-%d %H:%M")
    for label, value in (("筛选条件", safe(filters.sentence())), ("截至日期", filters.day.isoformat()),
                         ("导出时间", now),
                         ("承诺条数", tally.total)):
        ws.append([label, value])
    ws.append([])
    ws.append(["状态", "条数"])
    for status in Status:
        ws.append([status.label, tally.status.get(status, 0)])
    ws.append([])
    ws.append(["标记", "条数"])
    for flag in Flag:
        ws.append([f"{flag.label}（{flag.meaning}）", tally.flag.get(flag, 0)])


def write_xlsx(rows: Iterable[Row], out: IO[bytes], filters: Filters) -> int:
    """The 承诺 / 汇总 / 字段 workbook; returns the number of rows written."""
    wb = _workbook()
    styles = _styles()
    ws = wb.create_sheet("承诺")
    ws.freeze_panes = "C2"
    _header(ws, [c.label for c in COLUMNS], [c.width for c in COLUMNS], styles)
    out_rows = _RawRows(ws, len(COLUMNS), frozenset(i for i, c in enumerate(COLUMNS) if c.kind == "share"))
    tally = Tally(rows)
    for row in tally:
        out_rows.append(_xlsx_cells(row))
    ws.auto_filter.ref = f"A1:{_last_column(len(COLUMNS))}{tally.total + 1}"
    _summary_sheet(wb, filters, tally, styles, "承诺汇总")
    fields = wb.create_sheet("字段")
    fields.column_dimensions["A"].width = 20
    fields.column_dimensions["B"].width = 14
    _header(fields, ["字段（key）", "列名"], [20, 14], styles)
    for c in COLUMNS:
        fields.append([c.key, c.label])
    wb.save(out)
    return tally.total


def _print_setup(ws, columns: int, header_rows: str) -> None:
    """As offices print a 台账: A4 landscape, every column on the page's width, the header rows on
    every page, the title merged across the columns, page numbers in the footer."""
    last = _last_column(columns)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as it takes
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_title_rows = header_rows
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.merged_cells.add(f"A1:{last}1")
    ws.merged_cells.add(f"A2:{last}2")


def _last_column(n: int) -> str:
    return get_column_letter(n)


# --- 台账 --------------------------------------------------------------------------------


def _ledger_progress(r: Row) -> str:
    """进展情况: the verdict's day and note, and how it stands against the schedule."""
    progress = ""
    if r.note or r.status_on:
        progress = "：".join(x for x in ((r.status_on.isoformat() if r.status_on else ""), r.note or "") if x)
    if r.progress is not None:
        progress = f"{progress}（{r.progress.label}）" if progress else r.progress.label
    return progress


def _ledger_status(r: Row) -> str:
    """状态, with an open proposal and the flag beside it."""
    status = r.status.label
    if r.proposed is not None:
        status += f"（{r.proposed.label}待复核）"
    if r.flag is Flag.RED:
        status += f"\n{r.flag.label}·逾期 {r.days_overdue} 天"
    elif r.flag is not None:
        status += f"\n{r.flag.label}·{r.flag.meaning}"
    return status


def _ledger_problems(r: Row) -> str:
    """存在问题: why it is missed or stalled, in the reviewer's words; the flag has its own column."""
    problems = []
    if r.miss_reason is not None:
        problems.append(r.miss_reason.label)
    if r.status in (Status.MISSED, Status.STALLED) and r.note:
        problems.append(r.note)
    if r.status is Status.DONE and r.due_on and r.status_on and r.status_on > r.due_on:
        problems.append(f"逾期完成（晚 {(r.status_on - r.due_on).days} 天）")
    return "；".join(problems)


def ledger_cells(seq: int, r: Row) -> list:
    """One 台账 line: 序号, 任务, 责任区县, 牵头单位, 责任领导, 目标值, 完成时限, 进展情况, 完成值, 状态, 存在问题, 佐证,
    催办次数."""
    deadline = r.due_on.isoformat() if r.due_on else (r.deadline_raw or "")
    return [seq, safe(r.quote), safe(r.district or ""), safe(r.responsible_unit or ""), safe(r.official or ""),
            r.target_text, deadline, safe(_ledger_progress(r)), r.achieved_text, _ledger_status(r),
            _ledger_problems(r), safe(r.evidence or ""), r.reminders]


def write_ledger(rows: Iterable[Row], out: IO[bytes], filters: Filters) -> int:
    """The 台账 workbook (a title, the filters, the 13 columns; then 汇总); returns the number of rows."""
    wb = _workbook()
    styles = _styles()
    ws = wb.create_sheet("台账")
    ws.freeze_panes = "C4"  # before the first row: a write-only sheet writes its head then
    _widths(ws, [c[2] for c in LEDGER_COLUMNS])
    _print_setup(ws, len(LEDGER_COLUMNS), header_rows="3:3")
    title = WriteOnlyCell(ws, value=f"承诺事项推进台账（截至 {filters.day.isoformat()}）")
    title.font = styles["title_font"]
    title.alignment = Alignment(horizontal="center", vertical="center")
    ws.append([title])
    scope = WriteOnlyCell(ws, value=f"范围：{safe(filters.sentence())}")
    scope.alignment = Alignment(wrap_text=True, vertical="top")
    ws.append([scope])
    _header(ws, [c[1] for c in LEDGER_COLUMNS], None, styles)
    out_rows = _RawRows(ws, len(LEDGER_COLUMNS), wrap=True)
    tally = Tally(rows)
    for seq, row in enumerate(tally, start=1):
        out_rows.append([_xlsx_text(v) if type(v) is str else v for v in ledger_cells(seq, row)])
    _summary_sheet(wb, filters, tally, styles, "台账汇总")
    wb.save(out)
    return tally.total


def write(fmt: str, rows: Iterable[Row], out: IO[bytes], filters: Filters, *, header: str = "label") -> None:
    """Any format to a binary file (the CLI's path; the web streams the chunk generators)."""
    if fmt == "csv":
        for chunk in csv_chunks(rows, header=header):
            out.write(chunk)
    elif fmt == "json":
        for chunk in json_chunks(rows, filters):
            out.write(chunk)
    elif fmt == "xlsx":
        write_xlsx(rows, out, filters)
    elif fmt == "ledger":
        write_ledger(rows, out, filters)
    else:
        raise ValueError(f"未知的导出格式「{fmt}」，可选：{'、'.join(FORMATS)}")



# --- status tables -----------------------------------------------------------------------


def _table_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return _share_text(value)
    return safe(value) if isinstance(value, str) else str(value)


def table_csv(columns: list[tuple[str, str]], records: list[dict], *, header: str = "label") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([k if header == "key" else label for k, label in columns])
    for rec in records:
        writer.writerow([_table_text(rec.get(k)) for k, _ in columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def table_json(columns: list[tuple[str, str]], records: list[dict], filters: Filters, by: str) -> bytes:
    items = [{k: (_share_text(v) or None) if isinstance(v, Decimal) else v for k, v in rec.items()} for rec in records]
    return json.dumps({"filters": filters.sentence(), "query": filters.args, "as_of": filters.day.isoformat(),
                       "by": by, "columns": [{"key": k, "label": label} for k, label in columns], "items": items},
                      ensure_ascii=False, indent=1).encode("utf-8")


def write_table_xlsx(columns: list[tuple[str, str]], records: list[dict], out: IO[bytes], filters: Filters,
                     title: str) -> None:
    wb = _workbook()
    styles = _styles()
    ws = wb.create_sheet(title[:31])
    ws.freeze_panes = "C2"
    _header(ws, [label for _, label in columns], [14 if k == "name" else 9 for k, _ in columns], styles)
    for rec in records:
        cells = []
        for k, _ in columns:
            value = rec.get(k)
            if isinstance(value, Decimal):
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = "0.0%"
                value = cell
            elif isinstance(value, str):
                value = safe(value)
            cells.append(value)
        ws.append(cells)
    info = wb.create_sheet("说明")
    info.column_dimensions["A"].width = 12
    info.column_dimensions["B"].width = 60
    for label, value in (("筛选条件", safe(filters.sentence())), ("截至日期", filters.day.isoformat()),
                         ("导出时间", dt.datetime.now(SHANGHAI).strftime("%Y-%m-%d %H:%M")),
                         ("按时完成率", "按时完成（已完成且评估日期不晚于完成时限）÷ 已到期或已完成")):
        info.append([label, value])
    wb.save(out)
