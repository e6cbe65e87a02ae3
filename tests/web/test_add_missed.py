"""Adding a pledge the extractor missed: the form prefilled from the selection in its sentence and
paragraph, what could not be read said, and a hand-added pledge saved only with a district, a
quantity (or 非量化) and a deadline (or 无时限); typed deadline words resolved as the extractor would."""
from __future__ import annotations

import datetime as dt
import re

import sqlalchemy as sa

from web_helpers import TEXT, login


def _add_url(start: int, end: int) -> str:
    return f"/documents/1/add?start={start}&end={end}"


def _value(html: str, name: str) -> str | None:
    tag = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', html)
    m = tag and re.search(r'value="([^"]*)"', tag.group(0))
    return m.group(1) if m else None


def test_the_form_is_prefilled_from_the_selection_and_its_context(client):
    login(client, "editor")
    start = TEXT.index("建成小学2处")
    html = client.get(_add_url(start, start + len("建成小学2处"))).get_data(as_text=True)
    # the selection names neither district, official nor deadline: its sentence and paragraph do
    assert _value(html, "district") == "张店区"
    assert _value(html, "official") == "马晓磊"
    assert _value(html, "due_on") == "2021-12-31"
    assert _value(html, "quantities-0-value") == "2" and _value(html, "quantities-0-unit") == "处"
    assert _value(html, "object") == "小学"
    assert 'id="prefill-unread"' in html and "牵头单位" in html.split('id="prefill-unread"')[1].split("</p>")[0]


def test_what_could_not_be_read_is_said(client):
    login(client, "editor")
    start = TEXT.index("去年全区")
    html = client.get(_add_url(start, start + 4)).get_data(as_text=True)
    unread = html.split('id="prefill-unread"')[1].split("</p>")[0]
    assert "数量" in unread and "完成时限" in unread
    assert _value(html, "district") == "张店区"  # the document's district, when the paragraph names none


def _post(client, start, end, **fields):
    data = {"start": start, "end": end, **fields}
    return client.post("/documents/1/add", data=data)


def _count(db) -> int:
    from tracker.db.models import Pledge

    db.rollback()
    return db.scalar(sa.select(sa.func.count(Pledge.id)))


def test_an_empty_hand_added_pledge_is_refused_field_by_field(client, db):
    login(client, "editor")
    before = _count(db)
    start = TEXT.index("去年全区")
    response = _post(client, start, start + 4)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert '<span class="error" role="alert">请填写区县</span>' in html  # beside its field
    assert _count(db) == before
    response = _post(client, start, start + 4, district="张店区")
    assert response.status_code == 400 and "请至少填写一个数量" in response.get_data(as_text=True)
    response = _post(client, start, start + 4, district="张店区", **{"quantities-0-value": "1",
                                                                     "quantities-0-unit": "项"})
    assert response.status_code == 400 and "勾选“无时限”" in response.get_data(as_text=True)
    assert _count(db) == before


def test_typed_deadline_words_resolve_to_a_date_as_the_extractor_reads_them(client, db):
    from tracker.db.models import Pledge

    login(client, "editor")
    start = TEXT.index("去年全区")
    response = _post(client, start, start + 4, district="张店区", deadline_raw="三年内",
                     **{"quantities-0-value": "1", "quantities-0-unit": "项"})
    assert response.status_code == 302, response.get_data(as_text=True)
    db.rollback()
    pledge = db.scalars(sa.select(Pledge).order_by(Pledge.id.desc())).first()
    assert (pledge.deadline_raw, pledge.due_on, pledge.deadline_precision.value) == \
        ("三年内", dt.date(2023, 12, 31), "year")
    response = _post(client, start, start + 4, district="张店区", deadline_raw="尽快",
                     **{"quantities-0-value": "1", "quantities-0-unit": "项"})
    assert response.status_code == 400 and "无法从“尽快”读出日期" in response.get_data(as_text=True)


def test_non_quantified_and_no_deadline_are_explicit_choices(client, db):
    from tracker.db.models import AuditEvent, Pledge

    login(client, "editor")
    start = TEXT.index("去年全区")
    response = _post(client, start, start + 4, district="张店区", non_quantified="y", no_deadline="y")
    assert response.status_code == 302, response.get_data(as_text=True)
    db.rollback()
    pledge = db.scalars(sa.select(Pledge).order_by(Pledge.id.desc())).first()
    assert pledge.quantities == [] and pledge.due_on is None and pledge.district.name == "张店区"
    note = db.scalar(sa.select(AuditEvent.note).where(AuditEvent.entity_id == pledge.id, AuditEvent.action == "add"))
    assert note == "非量化、无时限"
