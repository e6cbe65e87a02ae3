"""The pledge list /pledges/ and /api/pledges: one view of tracker.services.listing, so the ledger's
filters, sentence, flags, sort and keyset pages are the list's too, and its export links give
exactly the rows shown. On the recorded history of tests/ledger_history.py (its deadlines are in
2024, so on any day from now on the open ones are overdue: 红) beside the five pending pledges
of the web tests' document."""
from __future__ import annotations

import csv
import io
import json
import re
from html import unescape

import pytest

from ledger_history import build
from web_helpers import BOTH

pytestmark = pytest.mark.parametrize("backend", BOTH, indirect=True)


@pytest.fixture
def history(seeded_url, session_factory):
    return build(session_factory)


def html(response) -> str:
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.get_data(as_text=True)


def row_ids(page: str) -> list[int]:
    return [int(i) for i in re.findall(r'<tr id="row-(\d+)"', page)]


def keys(history, ids) -> list[str]:
    by_id = {v: k for k, v in history["ids"].items()}
    return [by_id.get(i, f"web#{i}") for i in ids]


def link(page: str, element_id: str) -> str:
    return unescape(re.search(rf'id="{element_id}" href="([^"]+)"', page).group(1))


def test_the_list_holds_every_state_newest_first_with_its_flags(client, history):
    page = html(client.get("/pledges/"))
    ids = row_ids(page)
    assert ids == sorted(ids, reverse=True) and len(ids) == 12  # 7 of the history, 5 of the web document
    late = history["ids"]["late"]
    row = page.split(f'<tr id="row-{late}"', 1)[1].split("</tr>", 1)[0]
    assert 'class="row-red"' in row and 'class="flag flag-red"' in row and "逾期" in row
    done = page.split(f'<tr id="row-{history["ids"]["housing"]}"', 1)[1].split("</tr>", 1)[0]
    assert "flag-" not in done and "已完成" in done
    assert "待核实" in page and "已确认" in page  # the editor's list: pending pledges too


@pytest.mark.parametrize("query, expected, sentence", [
    ("district=张店&review_state=confirmed", ["late", "housing", "kindergartens"],
     "区县 = 张店区 且 审核状态 = 已确认"),
    ("official=马晓磊&review_state=confirmed", ["kindergartens"], "责任领导 = 马晓磊 且 审核状态 = 已确认"),
    ("unit=教育局", ["schools", "kindergartens"], "牵头单位 = 教育局"),
    ("status=已完成", ["housing"], "状态 = 已完成"),
    ("review_state=pending&district=张店区&due_to=2024-12-31", ["pending"],
     "区县 = 张店区 且 审核状态 = 待核实 且 完成时限不晚于 = 2024-12-31"),
    ("flag=红&origin=manual", ["pending", "soon", "late", "kindergartens"], "来源 = 人工添加 且 标记 = 红（逾期未完成）"),
    ("due_from=2024-07-01&due_to=2024-07-31", ["late", "schools"],
     "完成时限不早于 = 2024-07-01 且 完成时限不晚于 = 2024-07-31"),
    ("q=学校", ["schools"], "包含 = 学校"),
    ("q=民生实事 公交", ["soon"], "包含 = 民生实事 公交"),  # the title and the quote together
    ("q=幼儿园&sort=due_on", ["kindergartens", "web#"], "包含 = 幼儿园"),  # no deadline sorts last
])
def test_every_listing_filter_reads_as_a_sentence_and_stays_in_the_url(client, history, query, expected, sentence):
    page = html(client.get(f"/pledges/?{query}"))
    found = [k if not k.startswith("web#") else "web#" for k in keys(history, row_ids(page))]
    assert found == expected  # web#: a pledge of the web tests' document
    assert f'id="filters-sentence">{sentence}' in page
    # the page's own links carry the whole view: the JSON twin returns the same pledges
    api = client.get(link(page, "page-json")).get_json()
    assert [i["id"] for i in api["items"]] == row_ids(page)


def test_the_export_links_export_exactly_the_view(client, history):
    page = html(client.get("/pledges/?q=幼儿园&sort=id"))
    shown = row_ids(page)
    assert len(shown) == 2
    csv_link = link(page, "export-csv")
    assert csv_link.startswith("/reports/export.csv?") and "review_state=all" in csv_link
    rows = list(csv.DictReader(io.StringIO(client.get(csv_link + "&header=key").get_data(as_text=True)
                                           .lstrip("\ufeff"))))
    assert [int(r["id"]) for r in rows] == shown
    data = json.loads(client.get(link(page, "export-json")).get_data(as_text=True))
    assert [item["id"] for item in data["items"]] == shown
    assert data["filters"] == "包含 = 幼儿园" and data["query"] == {"q": "幼儿园", "review_state": "all", "sort": "id"}
    assert client.get(link(page, "export-xlsx")).status_code == 200


def test_keyset_pages_walk_the_whole_view_on_the_page_and_in_the_api(app, client, history):
    app.config["PAGE_SIZE"] = 2
    everything = keys(history, row_ids(html(client.get("/pledges/?review_state=confirmed&sort=due_on"))))
    assert len(everything) == 2
    seen, url = [], "/pledges/?review_state=confirmed&sort=due_on"
    while url:
        page = html(client.get(url))
        seen += row_ids(page)
        more = re.search(r'<p class="pager"><a href="([^"]+)">', page)
        url = unescape(more.group(1)) if more else None
    assert keys(history, seen) == ["housing", "late", "schools", "soon", "kindergartens", "greenway"]
    api, url = [], "/api/pledges?review_state=confirmed&sort=due_on&limit=4"
    while url:
        body = client.get(url.replace("http://localhost", "")).get_json()
        api += [i["id"] for i in body["items"]]
        url = body["next"]
    assert api == seen


def test_api_items_carry_the_schedule_of_the_view(client, history):
    items = client.get("/api/pledges?flag=red&sort=due_on").get_json()["items"]
    by_id = {i["id"]: i for i in items}
    late = by_id[history["ids"]["late"]]
    assert late["flag"] == "red" and late["days_overdue"] > 0 and late["status"] == "unassessed"
    kinder = by_id[history["ids"]["kindergartens"]]
    assert kinder["achieved_share"] == "0.6" and kinder["status"] == "in_progress"
    assert kinder["quantities"][0]["value"] == "30"  # the pledge's own fields as before


@pytest.mark.parametrize("query, message", [
    ("due_from=2024-02-30", "这一天不存在"), ("district=火星区", "未知的区县「火星区」"),
    ("flag=green", "标记「green」无法识别"), ("after=garbage", "翻页参数"), ("sort=length", "排序「length」无法识别"),
])
def test_bad_filters_get_a_chinese_400_on_the_page_and_in_the_api(client, history, query, message):
    response = client.get(f"/pledges/?{query}")
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    api = client.get(f"/api/pledges?{query}")
    assert api.status_code == 400 and message in api.get_json()["error"]


def words(page: str) -> str:
    """The sentence of the page's filters (区县 = 名称 且 …)."""
    return re.search(r'id="filters-sentence">(.*?) · ', page, re.S).group(1)


def test_a_district_given_by_id_is_named_as_by_its_name_and_an_unknown_id_is_refused(client, history,
                                                                                      session_factory):
    import sqlalchemy as sa

    with session_factory() as s:
        ident, name = s.execute(sa.text("SELECT id, name FROM district WHERE name LIKE '张店%'")).one()
    by_name = html(client.get(f"/pledges/?district={name}&review_state=confirmed"))
    for asked in (f"{ident}", f" {ident} ", f"0{ident}"):  # the districts kept by id name it, twice over
        for _ in range(2):
            page = html(client.get(f"/pledges/?district={asked}&review_state=confirmed"))
            assert row_ids(page) == row_ids(by_name) and len(row_ids(page)) > 0
            assert words(page) == words(by_name) and name in words(page)
    for unknown in ("999999", "9" * 5000):
        response = client.get(f"/pledges/?district={unknown}")
        assert response.status_code == 400 and "没有编号为" in response.get_data(as_text=True)
