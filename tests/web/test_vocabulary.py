"""No code name in anything a person reads: every page and export, with pledges in every state.

The pledges of the test document are taken through every decision and every status (confirm,
correct, reject, undo, add, merge; 推进中, 部分完成 with an achieved value, a 未完成 proposed and
confirmed, another proposed and withdrawn), one of them given a share (一半) as its target;
then every page a reader, editor, reviewer and admin sees, and the CSV, XLSX and 台账 exports,
are read as a person reads them (text, titles, placeholders, button labels), and no code name
(``tracker.glossary.code_names``: event kinds, field names, enumeration values, unit codes)
may stand in them as a word.
"""
from __future__ import annotations

import datetime as dt
import io
import re
from html.parser import HTMLParser

import pytest
import sqlalchemy as sa

from tracker import glossary
from web_helpers import PASSWORD, login

#: accounts renamed so a login name is not a role's code (the seeded names are editor, reviewer …)
NAMES = {"editor": "编辑甲", "editor2": "编辑乙", "reviewer": "评议员甲", "reader": "读者甲", "admin": "管理员甲"}


class Visible(HTMLParser):
    """The text a person reads on a page: text nodes (not script or style), and the titles,
    placeholders, labels and values the browser shows."""

    SHOWN_ATTRS = ("title", "placeholder", "aria-label", "alt")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        attrs = dict(attrs)
        for name in self.SHOWN_ATTRS:
            if attrs.get(name):
                self.parts.append(attrs[name])
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = Visible()
    parser.feed(html)
    return "\n".join(parser.parts)


def code_words(text: str) -> set[str]:
    """The code names standing as words (not inside a longer Latin word) in ``text``."""
    words = set(re.findall(r"(?<![A-Za-z0-9_])[a-z][a-z_]*(?![A-Za-z0-9_])", text))
    return words & glossary.code_names()


def arrange(db) -> dict[str, int]:
    """Pledges in every state; returns their ids by name."""
    from tracker.db.models import Pledge, User
    from tracker.services import status, workbench

    for old, new in NAMES.items():
        db.execute(sa.update(User).where(User.name == old).values(name=new))
    db.commit()
    users = {u.name: u for u in db.scalars(sa.select(User))}
    editor, reviewer, admin = users["编辑甲"], users["评议员甲"], users["管理员甲"]
    ids = list(db.scalars(sa.select(Pledge.id).order_by(Pledge.id)))
    kg, school, green, invest, estate = ids
    p = db.get(Pledge, kg)
    workbench.confirm_pledge(db, kg, editor, version=p.version_id)
    p = db.get(Pledge, school)
    workbench.confirm_pledge(db, school, editor, version=p.version_id,
                             changes={"quantities": [{"value": "0.5", "unit": "ratio"}], "due_on": dt.date(2021, 12, 31),
                                      "deadline_raw": "年内", "deadline_precision": "year"})
    p = db.get(Pledge, invest)
    workbench.reject_pledge(db, invest, editor, version=p.version_id, reason="已完成的工作，不是承诺")
    p = db.get(Pledge, green)
    workbench.confirm_pledge(db, green, editor, version=p.version_id)
    workbench.undo_last(db, editor)  # green is pending again
    added = workbench.add_pledge(db, editor, p.document_id, 0, 10, {"district": "张店区", "object": "民生实事",
                                                                     "quantities": [{"value": "10", "unit": "件"}],
                                                                     "no_deadline": True})
    workbench.merge_pledges(db, editor, kg, estate)
    db.commit()
    today = dt.date(2021, 6, 30)
    status.set_status(db, db.get(Pledge, kg), reviewer, status.StatusChange(
            "in_progress", as_of_on=today, note="已开工"), today=today)
    status.set_status(db, db.get(Pledge, school), reviewer, status.StatusChange(
            "partly_done", as_of_on=today, achieved_value="0.25", note="完成一所"), today=today)
    db.commit()
    proposal = status.set_status(db, db.get(Pledge, added.id), reviewer, status.StatusChange(
            "missed", as_of_on=today, miss_reason="funding", note="资金未到位", evidence_quote="资金缺口"), today=today)
    db.commit()
    status.confirm_status(db, proposal, admin, note="同意")
    db.commit()
    proposal = status.set_status(db, db.get(Pledge, kg), reviewer, status.StatusChange(
            "missed", as_of_on=today, miss_reason="approval", note="审批未过", evidence_quote="未获批复"), today=today)
    db.commit()
    status.withdraw_status(db, proposal, reviewer, note="另有进展")
    db.commit()
    return {"kg": kg, "school": school, "green": green, "invest": invest, "estate": estate, "added": added.id}


def pages(ids: dict[str, int], document_id: int, district_id: int, official_id: int) -> list[str]:
    out = ["/", "/documents/", f"/documents/{document_id}", "/pledges/", "/pledges/?review_state=all",
           "/pledges/?status=partly_done", "/pledges/?flag=red", "/review/", "/reports/", "/reports/?review_state=all",
           "/reports/status", "/reports/status?by=official", "/reports/dashboard", "/reports/queue",
           f"/reports/districts/{district_id}", f"/reports/officials/{official_id}", "/admin/users",
           "/account/password", f"/documents/{document_id}/add?start=20&end=40"]
    for pid in ids.values():
        out += [f"/pledges/{pid}", f"/reports/pledges/{pid}/status"]
    out += [f"/review/{ids['green']}"]
    return out


def test_no_code_name_on_any_page_or_export(app, db):
    from openpyxl import load_workbook

    from tracker.db.models import Document, Pledge

    ids = arrange(db)
    pledge = db.get(Pledge, ids["kg"])
    document_id, district_id, official_id = pledge.document_id, pledge.district_id, pledge.official_id
    seen = {}
    for who in (None, "读者甲", "编辑甲", "评议员甲", "管理员甲"):
        client = app.test_client()
        if who:
            login(client, who, PASSWORD)
        for path in pages(ids, document_id, district_id, official_id):
            response = client.get(path)
            if response.status_code in (302, 403) or response.status_code == 404 and path.endswith("/status"):
                continue  # not for this account, or a rejected or merged pledge nobody rates
            assert response.status_code == 200, (who, path, response.status_code)
            found = code_words(visible_text(response.get_data(as_text=True)))
            if found:
                text = visible_text(response.get_data(as_text=True))
                seen[(who, path)] = [text[max(0, m.start() - 60):m.end() + 20]
                                     for w in found for m in re.finditer(rf"(?<![A-Za-z_]){w}(?![A-Za-z_])", text)]
    assert not seen, list(seen.items())[:8]
    history = visible_text(app.test_client().get(f"/pledges/{ids['school']}").get_data(as_text=True))
    assert "状态变更" in history and "50%" in history and "部分完成" in history
    history = visible_text(app.test_client().get(f"/pledges/{ids['added']}").get_data(as_text=True))
    assert "提议" in history and "复核确认" in history and "资金" in history
    green = visible_text(app.test_client().get(f"/pledges/{ids['green']}").get_data(as_text=True))
    assert "撤销确认" in green

    client = app.test_client()
    login(client, "编辑甲", PASSWORD)
    for query in ("review_state=all", ""):
        csv_text = client.get(f"/reports/export.csv?{query}").get_data().decode("utf-8-sig")
        assert not code_words(csv_text), code_words(csv_text)
        for fmt in ("xlsx", "ledger"):
            book = load_workbook(io.BytesIO(client.get(f"/reports/export.{fmt}?{query}").get_data()))
            cells = "\n".join(str(c.value) for ws in book.worksheets if ws.title != "字段"
                              for row in ws.iter_rows() for c in row if isinstance(c.value, str))
            assert not code_words(cells), (fmt, code_words(cells))
    ledger = client.get("/reports/export.ledger?review_state=all").get_data()
    book = load_workbook(io.BytesIO(ledger))
    texts = [c.value for row in book["台账"].iter_rows() for c in row]
    assert "50%" in texts and "0.5ratio" not in texts
    assert db.get(Document, document_id) is not None


@pytest.mark.parametrize("key,stored,shown", [
    ("status", "partly_done", "部分完成"), ("miss_reason", "funding", "资金"), ("achieved", [None, "3"], "（空）；3"),
    ("quantities", [{"value": "0.5", "unit": "ratio"}], "50%"), ("review_state", "pending", "待核实"),
    ("deadline_precision", "half", "半年"), ("role", "reviewer", "评议员"),
])
def test_audit_values_read_in_chinese(key, stored, shown):
    assert glossary.value(key, stored) == shown


def test_undo_notes_recorded_with_a_code_read_in_chinese():
    assert glossary.note("撤销 reject（记录 #13）") == "撤销驳回（记录 #13）"
    assert glossary.note("资金未到位") == "资金未到位"


def test_every_audit_action_and_field_has_a_label():
    import pathlib

    source = "\n".join(p.read_text(encoding="utf-8") for p in pathlib.Path(glossary.__file__).parent.rglob("*.py"))
    actions = set(re.findall(r'action="([a-z_]+)"', source)) | {"propose_status", "set_status"}
    assert actions <= set(glossary.ACTIONS), actions - set(glossary.ACTIONS)
