"""进展报送 in the browser's terms: a unit's account reports on its own pledges only, a reviewer
accepts or returns; roles, CSRF, the attached file's headers, feeds and the 督办通知单."""
from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import pytest
import sqlalchemy as sa

from remind_world import PASSWORD, build
from tracker.db.enums import ReportState, Status
from tracker.db.models import Pledge, ProgressReport, Reminder
from tracker.services.listing import shanghai_today
from web_helpers import BOTH, csrf_token

pytestmark = pytest.mark.parametrize("backend", BOTH, indirect=True)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def world(db_url):
    from tracker.db.engine import make_engine, make_sessionmaker

    engine = make_engine(db_url)
    with make_sessionmaker(engine)() as session:
        w = build(session, shanghai_today())
    engine.dispose()
    return w


def _app(db_url, tmp_path, **extra):
    from tracker.web import create_app

    return create_app({"TESTING": True, "DATABASE_URL": db_url, "SECRET_KEY": "test", "WTF_CSRF_ENABLED": False,
                       "UPLOAD_FOLDER": str(tmp_path / "uploads"), **extra})


@pytest.fixture
def app(db_url, world, tmp_path):
    app = _app(db_url, tmp_path)
    yield app
    app.extensions["tracker.engine"].dispose()


@pytest.fixture
def db(db_url, world):
    from tracker.db.engine import make_engine, make_sessionmaker

    engine = make_engine(db_url)
    with make_sessionmaker(engine)() as session:
        yield session
    engine.dispose()


def _login(app, name):
    client = app.test_client()
    response = client.post("/login", data={"name": name, "password": PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


def _report(client, pledge_id, **data):
    form = {"as_of_on": shanghai_today().isoformat(), "note": "主体完工两所", "achieved_value": "2",
            "evidence_url": "https://jyj.example.org/news/1", **data}
    return client.post(f"/progress/pledges/{pledge_id}/new", data=form, content_type="multipart/form-data")


def test_a_unit_sees_only_its_own_pledges_and_reports_on_them(app, world, db):
    jyj = _login(app, "jyj")
    page = jyj.get("/progress/").get_data(as_text=True)
    for key in ("red", "yellow", "far"):
        assert f'id="u-{world.pledges[key]}"' in page
    for key in ("due", "done", "orphan"):
        assert f'id="u-{world.pledges[key]}"' not in page
    assert "本单位承诺" in page and "区教育局" in page

    response = _report(jyj, world.pledges["red"], file=(io.BytesIO(PDF), "验收/照片.pdf"))
    assert response.status_code == 302, response.get_data(as_text=True)
    report = db.scalar(sa.select(ProgressReport))
    assert report.state is ReportState.SUBMITTED and report.file_name == "照片.pdf"
    assert db.get(Pledge, world.pledges["red"]).status is Status.IN_PROGRESS  # nothing changed yet
    view = jyj.get(response.headers["Location"]).get_data(as_text=True)
    assert "待审阅" in view and 'id="accept-form"' not in view  # a unit cannot accept

    # its file: as a download, never rendered in the site's origin
    got = jyj.get(f"/progress/{report.id}/file")
    assert got.status_code == 200 and got.data == PDF
    assert got.headers["Content-Type"] == "application/pdf"
    assert got.headers["Content-Disposition"].startswith("attachment;")
    assert "filename*=UTF-8''%E7%85%A7%E7%89%87.pdf" in got.headers["Content-Disposition"]
    assert got.headers["X-Content-Type-Options"] == "nosniff" and "sandbox" in got.headers["Content-Security-Policy"]
    # another unit sees neither the report nor its file
    zjj = _login(app, "zjj")
    assert zjj.get(f"/progress/{report.id}").status_code == 404
    assert zjj.get(f"/progress/{report.id}/file").status_code == 404
    assert app.test_client().get(f"/progress/{report.id}/file").status_code == 404


def test_a_unit_account_is_fenced_off_from_everything_else(app, world):
    jyj = _login(app, "jyj")
    p = world.pledges
    assert jyj.get(f"/pledges/{p['red']}").status_code == 200
    assert jyj.get(f"/pledges/{p['due']}").status_code == 404  # another unit's
    assert jyj.get(f"/pledges/{p['orphan']}").status_code == 404
    assert jyj.get(f"/progress/pledges/{p['due']}/new").status_code == 404
    assert _report(jyj, p["due"]).status_code == 404
    for path in ("/", "/pledges/", "/documents/", "/reports/", "/reports/queue", "/review/", "/admin/users",
                 "/pledges/feed.atom", f"/reports/pledges/{p['red']}/status", "/progress/notices/"):
        response = jyj.get(path)
        assert response.status_code == 302 and response.headers["Location"].endswith("/progress/"), path
    assert jyj.get("/api/pledges").status_code == 403
    for path in (f"/reports/pledges/{p['red']}/status", f"/pledges/{p['red']}/merge", "/progress/1/accept",
                 "/progress/1/return", "/admin/users"):
        assert jyj.post(path, data={}).status_code == 403, path
    assert jyj.get(f"/progress/notices/{world.units['区教育局']}").status_code == 200
    assert jyj.get(f"/progress/notices/{world.units['区住建局']}").status_code == 302


def test_editors_and_anonymous_readers_cannot_report_or_answer(app, world):
    editor = _login(app, "editor")
    assert editor.get(f"/progress/pledges/{world.pledges['red']}/new").status_code == 403
    assert editor.get("/progress/").status_code == 403
    assert editor.post("/progress/1/accept", data={}).status_code == 403
    anonymous = app.test_client()
    assert anonymous.get(f"/progress/pledges/{world.pledges['red']}/new").status_code == 302
    assert anonymous.post("/progress/1/return", data={"reason": "x"}).status_code == 302


def test_a_reviewer_accepts_a_report_and_the_status_and_history_show_it(app, world, db):
    jyj = _login(app, "jyj")
    assert _report(jyj, world.pledges["red"]).status_code == 302
    report_id = db.scalar(sa.select(ProgressReport.id))
    reviewer = _login(app, "reviewer")
    queue = reviewer.get("/progress/").get_data(as_text=True)
    assert f'id="waiting-{report_id}"' in queue and "主体完工两所" in queue
    page = reviewer.get(f"/progress/{report_id}").get_data(as_text=True)
    assert 'id="accept-form"' in page and 'id="return-form"' in page
    response = reviewer.post(f"/progress/{report_id}/accept",
                             data={"status": "in_progress", "as_of_on": shanghai_today().isoformat(), "note": "属实"})
    assert response.status_code == 302
    db.rollback()
    pledge = db.get(Pledge, world.pledges["red"])
    assert pledge.status is Status.IN_PROGRESS and str(pledge.quantities[0].achieved_value) == "2"
    assert db.get(ProgressReport, report_id).state is ReportState.ACCEPTED
    history = reviewer.get(f"/pledges/{pledge.id}").get_data(as_text=True)
    assert 'id="pledge-reports"' in history and "区教育局报送" in history and "已采纳" in history
    assert "采纳区教育局报送" in history  # the status event's note
    # answered once only
    again = reviewer.post(f"/progress/{report_id}/accept", data={"status": "done", "as_of_on": "2020-01-01"})
    assert again.status_code == 400 and "已采纳，不能再处理" in again.get_data(as_text=True)


def test_a_reviewer_returns_a_report_with_a_reason(app, world, db):
    jyj = _login(app, "jyj")
    _report(jyj, world.pledges["yellow"])
    report_id = db.scalar(sa.select(ProgressReport.id))
    reviewer = _login(app, "reviewer")
    empty = reviewer.post(f"/progress/{report_id}/return", data={"reason": ""})
    assert empty.status_code == 400 and "退回须写明理由" in empty.get_data(as_text=True)
    assert reviewer.post(f"/progress/{report_id}/return", data={"reason": "缺少佐证"}).status_code == 302
    db.rollback()
    assert db.get(ProgressReport, report_id).state is ReportState.RETURNED
    assert "缺少佐证" in jyj.get("/progress/").get_data(as_text=True)
    # done without evidence is refused by the status rules, in Chinese, and the report stays open
    assert _report(jyj, world.pledges["yellow"], evidence_url="").status_code == 302
    db.rollback()
    second = db.scalar(sa.select(sa.func.max(ProgressReport.id)))
    refused = reviewer.post(f"/progress/{second}/accept", data={"status": "done",
                                                                 "as_of_on": shanghai_today().isoformat()})
    assert refused.status_code == 400 and "需要佐证" in refused.get_data(as_text=True)
    db.rollback()
    assert db.get(ProgressReport, second).state is ReportState.SUBMITTED


@pytest.mark.parametrize("name, data, message", [
    ("run.exe", b"MZ\x90\x00", "不受支持"), ("fake.pdf", b"<script>alert(1)</script>", "内容不是PDF"),
])
def test_a_bad_file_is_refused_beside_its_field_and_nothing_is_saved(app, world, db, name, data, message):
    jyj = _login(app, "jyj")
    response = _report(jyj, world.pledges["red"], file=(io.BytesIO(data), name))
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert "主体完工两所" in response.get_data(as_text=True)  # the note the unit typed is still there
    assert db.scalar(sa.select(sa.func.count()).select_from(ProgressReport)) == 0


def test_a_file_over_the_limit_is_refused_in_chinese(db_url, world, tmp_path):
    app = _app(db_url, tmp_path, UPLOAD_MAX_BYTES=1024)
    try:
        jyj = _login(app, "jyj")
        big = _report(jyj, world.pledges["red"], file=(io.BytesIO(PDF + b"0" * 300_000), "big.pdf"))
        assert big.status_code == 413 and "附件最大" in big.get_data(as_text=True)
        over = _report(jyj, world.pledges["red"], file=(io.BytesIO(PDF + b"0" * 2000), "big.pdf"))
        assert over.status_code == 400 and "附件过大" in over.get_data(as_text=True)
    finally:
        app.extensions["tracker.engine"].dispose()


def test_forms_need_their_csrf_token(db_url, world, tmp_path):
    app = _app(db_url, tmp_path, WTF_CSRF_ENABLED=True)
    try:
        client = app.test_client()
        token = csrf_token(client, "/login")
        assert client.post("/login", data={"name": "jyj", "password": PASSWORD, "csrf_token": token}).status_code == 302
        assert _report(client, world.pledges["red"]).status_code == 400
        token = csrf_token(client, "/progress/")
        assert _report(client, world.pledges["red"], csrf_token=token).status_code == 302
    finally:
        app.extensions["tracker.engine"].dispose()


def _feed(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.headers["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.data)
    assert root.tag == f"{ATOM}feed"
    return root


def test_atom_feeds_of_a_filtered_list_and_of_a_pledge_history(app, world, db):
    reader = app.test_client()
    root = _feed(reader, "/pledges/feed.atom?flag=red")
    links = [e.find(f"{ATOM}link").get("href") for e in root.findall(f"{ATOM}entry")]
    assert sorted(links) == sorted(f"http://localhost/pledges/{world.pledges[k]}" for k in ("red", "orphan"))
    assert "标记 = 红" in root.find(f"{ATOM}title").text
    for entry in root.findall(f"{ATOM}entry"):
        assert entry.find(f"{ATOM}id").text and entry.find(f"{ATOM}updated").text
        assert "状态：" in entry.find(f"{ATOM}content").text
    q = _feed(reader, "/pledges/feed.atom?q=幼儿园")
    assert [e.find(f"{ATOM}title").text for e in q.findall(f"{ATOM}entry")] == [
        f"#{world.pledges['red']} 年底前新建幼儿园3所"]
    assert reader.get("/pledges/feed.atom?flag=紫").status_code == 400

    page = reader.get("/pledges/?flag=red").get_data(as_text=True)
    assert re.search(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="/pledges/feed.atom\?'
                     r'[^"]*flag=red', page)

    jyj = _login(app, "jyj")
    _report(jyj, world.pledges["red"])
    reviewer = _login(app, "reviewer")
    reviewer.post(f"/progress/{db.scalar(sa.select(ProgressReport.id))}/accept",
                  data={"status": "in_progress", "as_of_on": shanghai_today().isoformat()})
    db.rollback()
    db.add(Reminder(pledge_id=world.pledges["red"], sent_on=shanghai_today(), recipient_kind="unit",
                    recipient="区教育局", unit_id=world.units["区教育局"], channel="email", flag="red"))
    db.commit()
    history = _feed(reader, f"/pledges/{world.pledges['red']}/feed.atom")
    titles = [e.find(f"{ATOM}title").text for e in history.findall(f"{ATOM}entry")]
    assert "进展：推进中（reviewer）" in titles and "催办：牵头单位「区教育局」" in titles
    view = reader.get(f"/pledges/{world.pledges['red']}").get_data(as_text=True)
    assert f'href="/pledges/{world.pledges["red"]}/feed.atom"' in view
    assert 'id="pledge-reminders"' in view and "催办牵头单位「区教育局」（电子邮件）" in view
    assert reader.get("/pledges/999999/feed.atom").status_code == 404


def test_feeds_follow_the_private_mode(db_url, world, tmp_path):
    app = _app(db_url, tmp_path, PUBLIC_READ=False)
    try:
        assert app.test_client().get("/pledges/feed.atom").status_code == 302
    finally:
        app.extensions["tracker.engine"].dispose()


def test_the_notices_print_one_sheet_per_unit_with_its_own_pledges(app, world):
    reader = app.test_client()
    page = reader.get("/progress/notices/").get_data(as_text=True)
    assert page.count('class="sheet"') == 2
    jyj_sheet = page.split(f'id="notice-{world.units["区教育局"]}"')[1].split("</section>")[0]
    assert "逾期未完成 1 项、欠序时进度 1 项、30 天内到期 0 项" in jyj_sheet
    assert "年底前新建幼儿园3所" in jyj_sheet and "新增城市绿道15公里" not in jyj_sheet
    assert reader.get("/progress/notices/999").status_code == 404
    assert reader.get("/progress/notices/?days=x").status_code == 400
