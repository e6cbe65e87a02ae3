"""Each page runs the same number of queries whatever the number of rows (no N+1)."""
from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from tracker.db.enums import DocumentFormat, PledgeOrigin, QuantityRole, ReviewState
from tracker.db.models import Document, Official, Pledge, Quantity
from web_helpers import BOTH, login

PAGES = ("/", "/pledges/", "/pledges/?district=1&review_state=pending", "/review/", "/documents/1", "/pledges/1",
         "/review/1", "/documents/1/add?start=25&end=38", "/admin/users", "/api/pledges", "/api/documents", "/api/officials", "/api/districts", "/api/pledges/1",
         "/api/pledges/1/history")


def add_rows(db, n: int, first: int = 0) -> None:
    """``n`` more documents, each with two pledges (one of a new official), with quantities."""
    db.rollback()
    for i in range(first, first + n):
        text = f"第{i}篇。今年将新建学校{i + 1}所，改造道路{i + 2}公里。\n"
        doc = Document(title=f"文档{i}", file_name=f"d{i}.txt", format=DocumentFormat.TEXT, text=text,
                       sha256=f"{i:064d}", raw_sha256=f"{i:064d}", encoding="utf-8", extractor_version="t")
        db.add(doc)
        db.flush()
        official = Official(name=f"官员{i}")
        db.add(official)
        db.flush()
        for j, (word, unit) in enumerate((("学校", "所"), ("道路", "公里"))):
            start = text.index(word) - 2
            p = Pledge(document_id=doc.id, origin=PledgeOrigin.MACHINE, start=start, end=start + 6,
                       quote=text[start:start + 6], object=word, confidence=0.5 + j / 10, district_id=1,
                       official_id=official.id if j else None,
                       review_state=ReviewState.PENDING if i % 3 else ReviewState.CONFIRMED)
            p.quantities.append(Quantity(position=0, value=i + 1 + j, unit=unit, raw=f"{i + 1 + j}{unit}",
                                         role=QuantityRole.COUNT))
            db.add(p)
    db.commit()


def count_queries(app, client, path: str) -> int:
    engine = app.extensions["tracker.engine"]
    seen: list[str] = []

    def on_execute(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)
    return len(seen)


@pytest.mark.parametrize("backend", BOTH, indirect=True)
def test_queries_per_page_do_not_grow_with_rows(app, db):
    client = app.test_client()
    login(client, "admin")
    add_rows(db, 2)  # every list shows a row or two: an empty list skips its eager loads
    for path in PAGES:  # warm up: first-use queries (e.g. the dialect's) do not count
        client.get(path)
    small = {path: count_queries(app, client, path) for path in PAGES}
    add_rows(db, 30, first=2)
    for path in PAGES:  # the data changed: the lists' cached counts are taken again once, then kept
        client.get(path)
    large = {path: count_queries(app, client, path) for path in PAGES}
    assert large == small
    assert db.scalar(sa.select(sa.func.count(Pledge.id))) >= 65
    assert max(small.values()) <= 15, small


def test_the_list_count_stops_at_its_cap(app, db):
    from tracker.services import listing

    every = listing.parse_filters(db, {"review_state": "all"})
    assert listing.count(db, every) == 5
    assert listing.count(db, every, cap=3) == 4  # past the cap: the page says 3+
    assert listing.count(db, every, cap=5) == 5
    assert listing.count(db, listing.parse_filters(db, {"review_state": "all", "q": "幼儿园"}), cap=3) == 1


def test_the_list_says_when_its_count_reached_the_cap(app, client):
    app.config["LIST_COUNT_CAP"] = 3
    assert "承诺 <small>3+ 条</small>" in client.get("/pledges/").get_data(as_text=True)
    assert "承诺 <small>1 条</small>" in client.get("/pledges/?q=幼儿园").get_data(as_text=True)
