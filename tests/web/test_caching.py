"""Public views for anonymous readers: ETag / Last-Modified from the data's last change, 304 Not
Modified before the view runs, Cache-Control for a cache in front; logged-in pages stay private."""
from __future__ import annotations

import datetime as dt
import re

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from tracker.db.models import District, Official, Pledge
from tracker.web import caching, reports
from web_helpers import BOTH, login, pending_ids

pytestmark = pytest.mark.parametrize("backend", BOTH, indirect=True)


def _get_recording(app, client, path, headers=None):
    """The response to GET ``path`` and the statements it sent (lower case, white space as sent)."""
    seen = []
    engine = app.extensions["tracker.engine"]
    listener = lambda *args: seen.append(args[2])  # noqa: E731 - (conn, cursor, statement, ...)
    event.listen(engine, "before_cursor_execute", listener)
    try:
        response = client.get(path, headers=headers or {})
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    return response, seen


def public_paths(db) -> list[str]:
    p = db.scalar(sa.select(Pledge).order_by(Pledge.id))
    district = db.scalar(sa.select(District.id).where(District.name == "张店区"))
    official = db.scalar(sa.select(Official.id))
    return ["/reports/", "/reports/export.csv", "/reports/status", "/reports/status.csv", "/reports/dashboard",
            f"/reports/districts/{district}", f"/reports/officials/{official}", "/pledges/", f"/pledges/{p.id}",
            "/api/pledges", f"/api/pledges/{p.id}"]


def test_every_public_view_answers_304_to_a_reader_who_has_it(client, db):
    for path in public_paths(db):
        first = client.get(path)
        assert first.status_code == 200, path
        etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
        assert first.headers["Cache-Control"] == "public, max-age=60", path
        assert "Set-Cookie" not in first.headers, path  # one copy serves every anonymous reader
        assert 'name="csrf-token"' not in first.get_data(as_text=True)
        again = client.get(path, headers={"If-None-Match": etag})
        assert (again.status_code, again.get_data(), again.headers["ETag"]) == (304, b"", etag), path
        assert client.get(path, headers={"If-Modified-Since": modified}).status_code == 304
        assert client.head(path, headers={"If-None-Match": etag}).status_code == 304
        assert client.get(path, headers={"If-None-Match": '"another"'}).status_code == 200


def test_a_304_costs_one_query_and_no_view(app, client, db):
    path = "/reports/dashboard"
    etag = client.get(path).headers["ETag"]
    response, statements = _get_recording(app, client, path, {"If-None-Match": etag})
    assert response.status_code == 304
    queries = [s for s in statements if s.strip().upper() != "BEGIN"]  # SQLite's explicit BEGIN (engine.py)
    assert len(queries) == 1 and "max" in queries[0].lower()


def test_a_change_to_the_data_gives_every_public_view_a_new_etag(app, client, db):
    before = {path: client.get(path).headers["ETag"] for path in public_paths(db)}
    editor = app.test_client()
    login(editor, "editor")
    pledge_id = pending_ids(db)[0]
    version = db.scalar(sa.select(Pledge.version_id).where(Pledge.id == pledge_id))
    assert editor.post(f"/api/pledges/{pledge_id}/confirm", json={"version": version}).status_code == 200
    for path, old in before.items():
        now = client.get(path, headers={"If-None-Match": old})
        assert now.status_code == 200 and now.headers["ETag"] != old, path
    # the editor (logged in) sees a private page with the forms' token; no shared validators
    mine = editor.get("/reports/dashboard")
    assert mine.headers["Cache-Control"] == "private, no-cache" and "ETag" not in mine.headers
    assert re.search(r'<meta name="csrf-token" content="[^"]+"', mine.get_data(as_text=True))


def test_the_next_day_gives_a_new_etag_and_a_later_last_modified(app, db):
    with app.test_request_context("/"):
        from tracker.web.db import get_session

        noon = dt.datetime(2030, 5, 1, 4, tzinfo=dt.timezone.utc)  # 12:00 in Shanghai
        etag, modified = caching.validators(get_session(), now=noon)
        assert caching.validators(get_session(), now=noon + dt.timedelta(hours=3)) == (etag, modified)
        next_etag, next_modified = caching.validators(get_session(), now=noon + dt.timedelta(hours=13))
        assert next_etag != etag and next_modified == dt.datetime(2030, 5, 1, 16, tzinfo=dt.timezone.utc)


def test_a_lists_count_is_taken_again_only_when_the_data_changes(app, client, db):
    def shown(path="/pledges/?review_state=confirmed"):
        response, statements = _get_recording(app, client, path)
        page = response.get_data(as_text=True)
        total = int(re.search(r"<small>(\d+)\+? 条</small>", page).group(1))
        return total, sum(s.lower().lstrip().startswith("select count(") for s in statements)  # the list's own count

    before, counted = shown()
    assert counted == 1
    assert shown() == (before, 0)  # the same view, the same data: the count is remembered
    confirm_one = app.test_client()
    login(confirm_one, "editor")
    pledge_id = pending_ids(db)[0]
    version = db.scalar(sa.select(Pledge.version_id).where(Pledge.id == pledge_id))
    assert confirm_one.post(f"/api/pledges/{pledge_id}/confirm", json={"version": version}).status_code == 200
    # a confirmation as read: the view of confirmed pledges holds one more, asked of that pledge alone
    assert shown() == (before + 1, 0)
    db.rollback()  # (a new snapshot: the confirmation above committed since)
    other = pending_ids(db)[0]
    version = db.scalar(sa.select(Pledge.version_id).where(Pledge.id == other))
    rejected = confirm_one.post(f"/api/pledges/{other}/reject", json={"version": version, "reason": "不是承诺"})
    assert rejected.status_code == 200
    assert shown() == (before + 1, 1)  # any other change: counted again


def test_a_confirmation_leaves_the_kept_count_of_every_review_state_as_it_was(app, client, db):
    """The editor's list (/pledges/: every review state) counts the same after a confirmation as read: kept, no
    count asked, as reading it anew shows; a view of pending pledges, or any other change, is counted again."""
    def shown(path):
        response, statements = _get_recording(app, client, path)
        page = response.get_data(as_text=True)
        total = int(re.search(r"<small>(\d+)\+? 条</small>", page).group(1))
        return total, sum(s.lower().lstrip().startswith("select count(") for s in statements)

    def read_anew(path):
        app.extensions["tracker.counts"][0].clear()
        app.extensions["tracker.latest"].clear()
        return shown(path)

    every, unrated, pending = "/pledges/", "/pledges/?status=unassessed&q=幼儿园", "/pledges/?review_state=pending"
    login(client, "editor")
    client.get("/review/")  # (the welcome flashed)
    before = {path: shown(path) for path in (every, unrated, pending)}
    assert list(before.values()) == [(5, 1), (1, 1), (5, 1)], before
    for pledge_id in pending_ids(db)[:2]:
        version = db.scalar(sa.select(Pledge.version_id).where(Pledge.id == pledge_id))
        assert client.post(f"/api/pledges/{pledge_id}/confirm", json={"version": version}).status_code == 200
        db.rollback()  # (a new snapshot: the confirmation committed since)
    assert shown(every) == (5, 0) and shown(unrated) == (1, 0)
    assert shown(pending) == (3, 1)  # (a view of pending pledges loses them: counted again)
    assert read_anew(every) == (5, 1) and read_anew(unrated) == (1, 1)
    other = pending_ids(db)[0]
    version = db.scalar(sa.select(Pledge.version_id).where(Pledge.id == other))
    assert client.post(f"/api/pledges/{other}/reject", json={"version": version, "reason": "不是承诺"}).status_code == 200
    assert shown(every) == (5, 1)  # any other change: counted again


def test_a_views_kept_answers_ask_once_a_request_what_changed_since_them(app, client, db):
    """The list's count and its districts' menu were kept at the same data version: after a confirmation the
    audit events between that version and now are read once for both (load18), not once each."""
    def ranges(path):
        response, seen = _get_recording(app, client, path)
        assert response.status_code == 200
        return sum(" ".join(s.lower().split()).startswith("select audit_event.id, audit_event.entity") for s in seen)

    assert ranges("/pledges/") == 0
    editor = app.test_client()
    login(editor, "editor")
    pledge_id = pending_ids(db)[0]
    version = db.scalar(sa.select(Pledge.version_id).where(Pledge.id == pledge_id))
    assert editor.post(f"/api/pledges/{pledge_id}/confirm", json={"version": version}).status_code == 200
    assert ranges("/pledges/") == 1


def test_the_review_queues_counts_after_confirmations_are_those_read_anew(app, client, db):
    """剩余 N and 今日已审 N on /review/ after confirmations as read (one by this editor, one by another): the
    kept numbers worked out from who confirmed what (load18), no count asked, as the page read anew shows."""
    def progress(path="/review/"):
        response, seen = _get_recording(app, client, path)
        page = response.get_data(as_text=True)
        seen = [s.lower() for s in seen]
        done, left = re.search(r"今日已审 (\d+) · 剩余 (\d+)", page).groups()
        return (int(done), int(left)), sum("count(" in s for s in seen)

    login(client, "editor")
    client.get("/review/")  # (the welcome flashed)
    (done, left), _ = progress()
    other = app.test_client()
    login(other, "admin")
    for who in (client, other):
        db.rollback()  # (a new snapshot: the confirmation before committed since)
        pledge_id = pending_ids(db)[0]
        version = db.scalar(sa.select(Pledge.version_id).where(Pledge.id == pledge_id))
        token = who.get("/api/csrf").get_json()["csrf_token"]
        answer = who.post(f"/api/pledges/{pledge_id}/confirm", json={"version": version}, headers={"X-CSRFToken": token})
        assert answer.status_code == 200, answer.get_data()[:300]
    patched, counted_after = progress()
    assert patched == (done + 1, left - 2) and counted_after == 0
    app.extensions["tracker.counts"][0].clear()
    app.extensions["tracker.latest"].clear()
    assert progress() == (patched, 2)  # read anew: the same numbers, each counted


def test_the_reviewers_queue_and_the_ledgers_count_are_read_again_only_when_the_data_changes(app, client, db):
    """The queue's lists and counts are every reviewer's alike, and the 台账's count and district menu every
    reader's: kept until the data changes (``caching.cached``), as a list's count is; a decision shows at once."""
    def statements(path):
        response, seen = _get_recording(app, client, path)
        return response.get_data(as_text=True), [s.lower() for s in seen]

    def ledger_total(page):
        return int(re.search(r"<small>(\d+) 条 · 截至", page).group(1))

    login(client, "reviewer")
    client.get("/review/")  # (the welcome flashed)
    first, read = statements("/reports/queue")
    again, read_again = statements("/reports/queue")
    assert _without_tokens(first) == _without_tokens(again)
    assert len(read_again) <= len(read) - 6  # red ×2, yellow, proposals, undated ×2: kept
    def counts(seen):
        return sum("count(" in s for s in seen)

    ledger, counted = statements("/reports/")
    ledger_again, counted_again = statements("/reports/")
    assert _without_tokens(ledger_again) == _without_tokens(ledger)
    assert counts(counted_again) == counts(counted) - 1  # (the menu's pending count stays)
    editor = app.test_client()
    login(editor, "editor")
    pledge_id = pending_ids(db)[0]
    version = db.scalar(sa.select(Pledge.version_id).where(Pledge.id == pledge_id))
    assert editor.post(f"/api/pledges/{pledge_id}/confirm", json={"version": version}).status_code == 200
    ledger_after, counted = statements("/reports/")
    assert ledger_total(ledger_after) == ledger_total(ledger) + 1
    _, read_after = statements("/reports/queue")
    # the data changed by a confirmation as read only: the pledge joins the kept lists that hold it now
    # (test_a_confirmation_joins_the_kept_queue_as_reading_it_anew_would); a rejection: the queue is read again
    assert len(read_again) < len(read_after) < len(read)
    db.rollback()  # (a new snapshot: the confirmation above committed since)
    other = pending_ids(db)[0]
    version = db.scalar(sa.select(Pledge.version_id).where(Pledge.id == other))
    rejected = editor.post(f"/api/pledges/{other}/reject", json={"version": version, "reason": "不是承诺"})
    assert rejected.status_code == 200
    _, read_after = statements("/reports/queue")
    assert len(read_after) == len(read) + 1  # all of it, and the look-up at the audit events that found no patch
    assert counts(read_after) == counts(read)


def _without_tokens(page: str) -> str:
    return re.sub(r'name="csrf[-_]token"[^>]*', "", page)


def test_a_confirmation_joins_the_kept_queue_as_reading_it_anew_would(app, client, db):
    """After confirmations as read of pending pledges (and nothing else), the reviewer's queue is the kept one
    with each pledge in the red, yellow or undated list that holds it now: byte for byte the page read anew."""
    def queue():
        seen = []
        engine = app.extensions["tracker.engine"]
        listener = lambda *args: seen.append(args[2].lower())  # noqa: E731
        event.listen(engine, "before_cursor_execute", listener)
        try:
            page = client.get("/reports/queue").get_data(as_text=True)
        finally:
            event.remove(engine, "before_cursor_execute", listener)
        return _without_tokens(page), seen

    def read_anew():
        app.extensions["tracker.counts"][0].clear()
        app.extensions["tracker.latest"].clear()
        return queue()

    overdue, undated, ahead, later = pending_ids(db)[:4]
    due = {overdue: dt.date(2020, 1, 31), undated: None, ahead: dt.date(2099, 12, 31), later: dt.date(2021, 3, 31)}
    for pledge_id, due_on in due.items():
        db.execute(sa.update(Pledge).where(Pledge.id == pledge_id).values(due_on=due_on))
    db.commit()
    login(client, "reviewer")
    client.get("/review/")  # (the welcome flashed)
    first, read = queue()
    editor = app.test_client()
    login(editor, "editor")
    for batch in ([overdue], [undated, ahead], [later]):
        for pledge_id in batch:
            version = db.scalar(sa.select(Pledge.version_id).where(Pledge.id == pledge_id))
            assert editor.post(f"/api/pledges/{pledge_id}/confirm", json={"version": version}).status_code == 200
        patched, statements = queue()
        # no list read again: what reads the pledges reads the batch's (the data version aside), each list
        # asking once for all of them (red, yellow, undated: three statements however many were confirmed)
        reading = [s for s in statements if "from pledge" in s and "max(" not in s]
        assert [s for s in reading if "pledge.id = " not in s and "pledge.id in (" not in s] == []
        assert sum(" pledge.id in (" in s for s in statements) == 3
        assert patched == read_anew()[0]
    assert f"/pledges/{overdue}" in patched and f"/pledges/{later}" in patched and f"/pledges/{undated}" in patched
    assert patched != first


def test_a_confirmation_joins_the_kept_scorecards_as_reading_them_anew_would(app, client, db, monkeypatch):
    """A district's and an official's scorecard keep their view (ids in order, the total line, the meter) until
    the data changes; after confirmations as read of pending pledges (and nothing else) each confirmed pledge
    the view holds joins it in its place, asked of those pledges alone: byte for byte the page read anew, the
    decision seen by the next request. Any other change (a rejection): the view is read anew."""
    district = db.scalar(sa.select(District.id).where(District.name == "张店区"))
    official = db.scalar(sa.select(Official.id).where(Official.name == "马晓磊"))
    monkeypatch.setattr(reports, "SCORECARD_CARDS", 2)  # (which pledges a page shows: the view's order)
    paths = [f"/reports/districts/{district}", f"/reports/officials/{official}",
             f"/reports/districts/{district}?status=unassessed&page=2", f"/reports/officials/{official}?flag=red"]

    def card(path):
        response, seen = _get_recording(app, client, path)
        assert response.status_code in (200, 404)  # (a page past the last: the view's count says)
        # (the scorecard's view is that subquery; SQLite quotes its name)
        views = [s.lower().replace('"view"', "view") for s in seen if " as view" in s.lower().replace('"view"', "view")]
        whole = [s for s in views if "view.id = any" not in s and "view.id in (" not in s]
        return _without_tokens(response.get_data(as_text=True)), len(whole), len(views) - len(whole)

    def read_anew(path):  # (what is kept is kept again after: the next card(path) is patched as before)
        kept = app.extensions["tracker.counts"][0], app.extensions["tracker.latest"]
        saved = [dict(k) for k in kept]
        for k in kept:
            k.clear()
        try:
            return card(path)
        finally:
            for k, was in zip(kept, saved):
                k.clear()
                k.update(was)

    first, overdue, undated, ahead, later = pending_ids(db)
    due = {overdue: dt.date(2020, 1, 31), undated: None, ahead: dt.date(2099, 12, 31), later: dt.date(2021, 3, 31),
           first: dt.date(2030, 6, 30)}
    for pledge_id, due_on in due.items():
        db.execute(sa.update(Pledge).where(Pledge.id == pledge_id).values(due_on=due_on))
    db.commit()
    editor = app.test_client()
    login(editor, "editor")

    def confirm(pledge_id):
        version = db.scalar(sa.select(Pledge.version_id).where(Pledge.id == pledge_id))
        assert editor.post(f"/api/pledges/{pledge_id}/confirm", json={"version": version}).status_code == 200
        db.rollback()  # (a new snapshot: the confirmation committed since)

    confirm(first)
    login(client, "reader")
    client.get("/reports/")  # (the welcome flashed)
    before = {}
    for path in paths:
        page, whole, some = before[path] = read_anew(path)
        assert (whole, some) == (1, 0)
        assert card(path) == (page, 1, 0)
        assert card(path) == (page, 0, 0)  # kept: the view not read again
    for batch in ([overdue], [undated, ahead], [later]):
        for pledge_id in batch:
            confirm(pledge_id)
        for path in paths:
            patched, whole, some = card(path)
            assert (whole, some) == (0, 1), path  # the batch's pledges asked of the view, in one statement
            assert patched == read_anew(path)[0], path
            assert patched != before[path][0] or path not in paths[:2]  # (a page past the last, a red list: may stay)
            before[path] = (patched,)
    red = card(paths[3])[0]
    assert f"/pledges/{overdue}" in red and f"/pledges/{later}" in red and f"/pledges/{ahead}" not in red
    # in the order of their deadlines, missing last: 2020, 2021 | 2030, 2099 | none
    pages = [card(f"/reports/districts/{district}" + (f"?page={n}" if n > 1 else ""))[0] for n in (1, 2, 3)]
    for page, shown in zip(pages, ([overdue, later], [first, ahead], [undated])):
        assert [int(n) for n in re.findall(r'href="/pledges/(\d+)"', page)] == shown
    # not a confirmation: the scorecard reads its view anew, and shows the change at once
    rejected = editor.post(f"/api/pledges/{first}/status", json={"status": "done"})  # (a reader's 4xx: no change)
    assert rejected.status_code >= 400
    version = db.scalar(sa.select(Pledge.version_id).where(Pledge.id == first))
    assert editor.post(f"/api/pledges/{first}/reject", json={"version": version, "reason": "不是承诺"}).status_code == 200
    db.rollback()
    page, whole, some = card(paths[0])
    assert (whole, some) == (1, 0) and f"/pledges/{first}\"" not in page
    assert page == read_anew(paths[0])[0]
