"""The XLSX writer's fast path hooks private methods of openpyxl's write-only sheet
(``exports._RawRows``; setup.cfg pins the openpyxl versions it was tested with). If a release renames
them, this fails, rather than every XLSX export silently taking the slow path."""
from __future__ import annotations

import io

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter

from tracker.services import exports


def test_the_private_methods_hooked_are_there():
    assert callable(getattr(WriteOnlyWorksheet, "_values_to_row", None))
    assert callable(getattr(WriteOnlyWorksheet, "_get_writer", None))
    assert callable(getattr(WorksheetWriter, "write_row", None))


def test_the_hook_takes_and_writes_rows():
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("承诺")
    rows = exports._RawRows(ws, 3)
    assert rows.hooked, "openpyxl's write-only sheet no longer offers the methods _RawRows hooks"
    rows.append([1, None, "文字"])
    out = io.BytesIO()
    wb.save(out)
    back = load_workbook(io.BytesIO(out.getvalue()))
    assert [c.value for c in back["承诺"][1]] == [1, None, "文字"]
