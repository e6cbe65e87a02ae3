"""The reports blueprint: the list and its exports (one query), status tables, dashboard,
public scorecards, the reviewer's queue and status form, with roles and CSRF."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from urllib.parse import unquote

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from ledger_history import PASSWORD, build
from tracker.db.enums import Status, StatusEventKind
from tracker.db.models import Pledge, StatusEvent
from tracker.services import exports, listing
from tracker.web.reports import today
from web_helpers import BOTH, login

pytestmark = pytest.mark.parametrize("backend", BOTH, indirect=True)


@pytest.fixture
def history(seeded_url, session_factory):
    return build(session_factory)


@pytest.fixture
def reviewer(client, history):
    login(client, "ledger_reviewer", PASSWORD)
    return client


def html(response) -> str:
    return response.get_data(as_text=True)


def test_the_list_reads_its_filters_as_a_sentence_and_links_exports_of_the_same_view(client, history):
    page = html(client.get("/reports/?district=张店区&status=done"))
    assert "区县 = 张店区 且 状态 = 已完成 且 审核状态 = 已确认" in page
    assert "年中前改造老旧小区20个" in page and "今年新建幼儿园30所" not in page
    link = re.search(r'id="export-csv" href="([^"]+)"', page).group(1)
    assert unquote(link).startswith("/reports/export.csv?") and "district=张店区" in unquote(link)
    assert "status=done" in link


@pytest.mark.parametrize("query, message", [
    ("due_from=2024-02-30", "这一天不存在"), ("district=火星区", "未知的区县「火星区」"), ("flag=green", "标记「green」无法识别"),
    ("after=garbage", "翻页参数"),
])
def test_bad_filters_get_a_chinese_400(client, history, query, message):
    response = client.get(f"/reports/?{query}")
    assert response.status_code == 400 and message in html(response)
    assert client.get(f"/reports/export.csv?{query}").status_code == (200 if query.startswith("after") else 400)


def test_the_csv_download_is_the_view_as_a_file(client, history, db):
    response = client.get("/reports/export.csv?district=张店区")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="pledges-') and "filename*=UTF-8''" in disposition
    assert unquote(disposition.split("''")[1]) == f"承诺-张店区-{today().isoformat()}.csv"
    body = response.get_data()
    assert body.startswith(b"\xef\xbb\xbf")
    f = listing.parse_filters(db, {"district": "张店区"}, today=today())
    assert body == b"".join(exports.csv_chunks(listing.iter_rows(db, f)))


@pytest.mark.parametrize("path", ["/reports/export.csv", "/reports/export.json", "/reports/export.xlsx",
                                  "/reports/export.ledger", "/reports/status.xlsx", "/reports/status.csv"])
def test_a_streamed_download_gives_its_database_connection_back(app, client, history, path):
    """The request's teardown runs before the server reads the stream: the stream must close its session."""
    import gc

    gc.disable()  # only the collector found the connection when the stream did not give it back
    try:
        response = client.get(path)
        assert response.status_code == 200 and len(response.get_data()) > 100
        assert app.extensions["tracker.engine"].pool.checkedout() == 0
    finally:
        gc.enable()


def test_xlsx_json_and_ledger_downloads_read_back(client, history):
    wb = load_workbook(io.BytesIO(client.get("/reports/export.xlsx?flag=red").get_data()))
    ws = wb["承诺"]
    ids = [row[0] for row in ws.iter_rows(min_row=2, values_only=True)]
    # today every open pledge with a deadline in 2024 is overdue; soonest deadline first
    assert ids == [history["ids"][k] for k in ("late", "soon", "kindergartens")]
    data = json.loads(client.get("/reports/export.json?status=done").get_data())
    assert [i["id"] for i in data["items"]] == [history["ids"]["housing"]]
    ledger = load_workbook(io.BytesIO(client.get("/reports/export.ledger?q=学校").get_data()))["台账"]
    assert [r[1] for r in ledger.iter_rows(min_row=4, values_only=True)] == ["临淄区7月中旬前新建中小学校5所"]
    assert client.get("/reports/export.pdf").status_code == 404


def test_status_table_page_and_export_agree(client, history):
    page = html(client.get("/reports/status"))
    assert "按时完成率" in page and "张店区" in page and "临淄区" in page
    text = client.get("/reports/status.csv?by=district").get_data().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["名称"] for r in rows} >= {"张店区", "临淄区", "合计"}
    officials = client.get("/reports/status.json?by=official").get_json()
    assert any(item["name"] == "马晓磊" for item in officials["items"])
    assert client.get("/reports/status?by=month").status_code == 400


def test_dashboard_and_scorecards_are_public_offline_svg(client, history, db):
    page = html(client.get("/reports/dashboard"))
    assert page.count("<svg") >= 3 and "各区县承诺进展" in page
    assert not re.search(r'<(script|link)[^>]+(src|href)="(https?:)?//', page)  # nothing from another host
    district = db.scalar(sa.select(Pledge.district_id).where(Pledge.id == history["ids"]["housing"]))
    card = html(client.get(f"/reports/districts/{district}"))
    assert "张店区" in card and "承诺兑现情况" in card and "https://example.gov.cn/housing-done" in card
    official = db.scalar(sa.select(Pledge.official_id).where(Pledge.id == history["ids"]["kindergartens"]))
    card = html(client.get(f"/reports/officials/{official}"))
    assert "马晓磊" in card and "已建成18所" in card
    assert client.get("/reports/districts/999999").status_code == 404


def test_the_queue_and_the_form_are_for_reviewers(client, history):
    assert client.get("/reports/queue").status_code == 302  # to the login page
    login(client, "editor")
    assert client.get("/reports/queue").status_code == 403
    assert client.post(f"/reports/pledges/{history['ids']['late']}/status", data={}).status_code == 403


def test_the_red_queue_lists_the_most_overdue_first(reviewer, history):
    page = html(reviewer.get("/reports/queue"))
    red = page.split('id="queue-red"', 1)[1].split("</section>", 1)[0]
    order = [int(i) for i in re.findall(r'id="q-(\d+)"', red)]
    assert order[0] == history["ids"]["late"]  # due 2024-07-10, before soon and kindergartens
    assert history["ids"]["housing"] not in order and history["ids"]["schools"] not in order  # closed


def _form(client, pledge_id, **data):
    page = html(client.get(f"/reports/pledges/{pledge_id}/status"))
    version = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)
    return {"version": version, "as_of_on": today().isoformat(), **data}


def test_done_needs_evidence_and_a_bad_form_changes_nothing(reviewer, history, db):
    late = history["ids"]["late"]
    response = reviewer.post(f"/reports/pledges/{late}/status", data=_form(reviewer, late, status="done"))
    assert response.status_code == 400 and "需要佐证" in html(response)
    response = reviewer.post(f"/reports/pledges/{late}/status",
                             data=_form(reviewer, late, status="in_progress", as_of_on="2024-02-30"))
    assert response.status_code == 400 and "截至日期「2024-02-30」这一天不存在" in html(response)
    response = reviewer.post(f"/reports/pledges/{late}/status",
                             data=_form(reviewer, late, status="in_progress", achieved_value="八个"))
    assert response.status_code == 400 and "请填写数字" in html(response)
    assert db.scalar(sa.select(sa.func.count()).where(StatusEvent.pledge_id == late)) == 0

    response = reviewer.post(f"/reports/pledges/{late}/status", data=_form(
        reviewer, late, status="done", evidence_url="https://example.gov.cn/parks", achieved_value="8", note="全部建成"))
    assert response.status_code == 302
    db.rollback()  # a fresh snapshot
    pledge = db.get(Pledge, late)
    assert (pledge.status, pledge.status_on, pledge.quantities[0].achieved_value) == (Status.DONE, today(), 8)


def test_a_stale_form_is_refused_with_409(reviewer, history, db):
    late = history["ids"]["late"]
    data = _form(reviewer, late, status="in_progress", note="先到")
    assert reviewer.post(f"/reports/pledges/{late}/status", data=data).status_code == 302
    response = reviewer.post(f"/reports/pledges/{late}/status", data={**data, "note": "后到"})
    assert response.status_code == 409 and "已被他人修改" in html(response)
    assert db.scalars(sa.select(StatusEvent.note).where(StatusEvent.pledge_id == late)).all() == ["先到"]


def test_missed_takes_two_reviewers(client, history, db):
    soon = history["ids"]["soon"]
    login(client, "ledger_reviewer", PASSWORD)
    response = client.post(f"/reports/pledges/{soon}/status", data=_form(
        client, soon, status="missed", evidence_quote="线路停开", miss_reason="policy"))
    assert response.status_code == 302
    queue = html(client.get("/reports/queue"))
    proposal = db.scalar(sa.select(StatusEvent.id).where(StatusEvent.pledge_id == soon,
                                                         StatusEvent.kind == StatusEventKind.PROPOSED))
    assert f'id="proposal-{proposal}"' in queue and "需另一位评议员复核" in queue
    response = client.post(f"/reports/proposals/{proposal}/confirm", follow_redirects=True)
    assert "另一位评议员" in html(response)
    db.rollback()  # a fresh snapshot
    assert db.get(Pledge, soon).status is Status.UNASSESSED

    client.post("/logout")
    login(client, "ledger_reviewer2", PASSWORD)
    response = client.post(f"/reports/proposals/{proposal}/confirm", follow_redirects=True)
    assert "「未完成」生效" in html(response)
    db.rollback()  # a fresh snapshot
    assert db.get(Pledge, soon).status is Status.MISSED


def test_the_status_form_needs_its_csrf_token(csrf_app, history):
    client = csrf_app.test_client()
    page = html(client.get("/login"))
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    login(client, "ledger_reviewer", PASSWORD, csrf=token)
    late = history["ids"]["late"]
    response = client.post(f"/reports/pledges/{late}/status", data={"status": "in_progress", "version": "1",
                                                                     "as_of_on": dt.date.today().isoformat()})
    assert response.status_code == 400 and "CSRF" in html(response)


def test_the_page_rebuilds_the_table_as_of_a_day(client, history):
    page = html(client.get("/reports/?as_of=2024-04-15&district=张店区"))
    assert "区县 = 张店区 且 审核状态 = 已确认 且 截至 = 2024-04-15" in page
    row = page.split(f'id="row-{history["ids"]["kindergartens"]}"', 1)[1].split("</tr>", 1)[0]
    assert "6所（20%）" in row and "欠进度" in row and "flag-yellow" in row  # 6 of 30 with 29% of the year gone
    housing = page.split(f'id="row-{history["ids"]["housing"]}"', 1)[1].split("</tr>", 1)[0]
    assert "未评估" in housing and "已完成" not in housing
    link = unquote(re.search(r'id="export-ledger" href="([^"]+)"', page).group(1))
    assert "as_of=2024-04-15" in link
    future = (today() + dt.timedelta(days=1)).isoformat()
    response = client.get(f"/reports/?as_of={future}")
    assert response.status_code == 400 and "历史只能回看" in html(response)


def test_evidence_may_name_a_document_in_the_database(reviewer, history, db):
    late = history["ids"]["late"]
    response = reviewer.post(f"/reports/pledges/{late}/status",
                             data=_form(reviewer, late, status="done", evidence_document="999999"))
    assert response.status_code == 400 and "没有编号为 999999 的文档" in html(response)
    response = reviewer.post(f"/reports/pledges/{late}/status",
                             data=_form(reviewer, late, status="done", evidence_document="99999999999999999999"))
    assert response.status_code == 400 and "请填写库中文档的编号" in html(response)
    response = reviewer.post(f"/reports/pledges/{late}/status", data=_form(
        reviewer, late, status="done", evidence_document=str(history["document"]), evidence_quote="建成口袋公园8个"))
    assert response.status_code == 302
    db.rollback()
    event = db.scalar(sa.select(StatusEvent).where(StatusEvent.pledge_id == late))
    assert (event.evidence_document_id, event.evidence_quote) == (history["document"], "建成口袋公园8个")


def test_each_form_of_the_queue_carries_the_token_and_a_second_reviewer_confirms_with_it(csrf_app, history, db):
    client = csrf_app.test_client()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html(client.get("/login"))).group(1)
    login(client, "ledger_reviewer", PASSWORD, csrf=token)
    soon = history["ids"]["soon"]
    page = html(client.get(f"/reports/pledges/{soon}/status"))
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    data = {**_form(client, soon, status="missed", evidence_quote="线路停开", miss_reason="policy"), "csrf_token": token}
    assert client.post(f"/reports/pledges/{soon}/status", data=data).status_code == 302
    client.post("/logout", data={"csrf_token": token})
    client = csrf_app.test_client()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html(client.get("/login"))).group(1)
    login(client, "ledger_reviewer2", PASSWORD, csrf=token)
    queue = html(client.get("/reports/queue"))
    section = queue.split('id="proposals"', 1)[1].split("</section>", 1)[0]
    forms = re.findall(r'<form method="post" action="([^"]+)"[^>]*>\s*<input id="csrf_token" name="csrf_token" '
                       r'type="hidden" value="([^"]+)"', section)
    assert [action.rsplit("/", 1)[1] for action, _ in forms] == ["confirm", "withdraw"]
    response = client.post(forms[0][0], data={"csrf_token": forms[0][1]}, follow_redirects=True)
    assert "「未完成」生效" in html(response)
    db.rollback()
    assert db.get(Pledge, soon).status is Status.MISSED


def test_the_queue_shows_the_oldest_open_proposals_and_counts_them_all(client, history, db, monkeypatch):
    """The queue lists the first QUEUE_ROWS of each list (200 a list made a 1 MB page at 100,000 pledges) and
    counts them all; an answered proposal (the history's 学校) is neither listed nor counted."""
    from tracker.web import reports

    monkeypatch.setattr(reports, "QUEUE_ROWS", 1)
    login(client, "ledger_reviewer", PASSWORD)
    for key in ("late", "soon"):
        pledge_id = history["ids"][key]
        response = client.post(f"/reports/pledges/{pledge_id}/status", data=_form(
            client, pledge_id, status="missed", evidence_quote="线路停开", miss_reason="policy"))
        assert response.status_code == 302
    first, second = db.scalars(sa.select(StatusEvent.id).where(StatusEvent.kind == StatusEventKind.PROPOSED,
                                                               StatusEvent.pledge_id.in_(list(history["ids"].values())),
                                                               StatusEvent.pledge_id != history["ids"]["schools"])
                               .order_by(StatusEvent.id)).all()
    queue = html(client.get("/reports/queue"))
    assert re.search(r'id="proposal-count">(\d+)<', queue).group(1) == "2"
    assert f'id="proposal-{first}"' in queue and f'id="proposal-{second}"' not in queue
    assert "前 1 条（最早提议的在前），共 2 条" in queue

    client.post("/logout")
    login(client, "ledger_reviewer2", PASSWORD)
    assert client.post(f"/reports/proposals/{first}/confirm").status_code == 302
    queue = html(client.get("/reports/queue"))
    assert re.search(r'id="proposal-count">(\d+)<', queue).group(1) == "1"
    assert f'id="proposal-{second}"' in queue and "最早提议的在前" not in queue
