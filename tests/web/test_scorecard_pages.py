"""A scorecard's cards come a page at a time (``reports.SCORECARD_CARDS``), its figures of all its pledges:
the pager's links keep the view's filters, page 1 is the scorecard's own address, a page past the last is a
404 naming the count, and a page that is no page number a Chinese 400."""
from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from ledger_history import build
from tracker.db.models import Pledge
from tracker.web import reports
from web_helpers import BOTH

both = pytest.mark.parametrize("backend", BOTH, indirect=True)

CARD = re.compile(r'<article class="card pledge-card" id="pledge-(\d+)">')
FIGURES = re.compile(r'<section class="card scorecard">.*?</section>', re.S)


@pytest.fixture
def history(seeded_url, session_factory):
    return build(session_factory)


@pytest.fixture
def district(history, db) -> int:
    """张店区: three confirmed pledges (kindergartens, housing, late; ``pending`` is not on its scorecard)."""
    return db.scalar(sa.select(Pledge.district_id).where(Pledge.id == history["ids"]["housing"]))


def text(response) -> str:
    return response.get_data(as_text=True)


@both
def test_the_cards_are_paged_and_the_figures_are_of_every_pledge(client, district, monkeypatch):
    whole = text(client.get(f"/reports/districts/{district}"))
    every = CARD.findall(whole)
    assert len(every) == 3 and "共 3 项承诺" in whole and 'class="pager card-pager"' not in whole
    monkeypatch.setattr(reports, "SCORECARD_CARDS", 2)
    first = text(client.get(f"/reports/districts/{district}"))
    second = text(client.get(f"/reports/districts/{district}?page=2"))
    assert CARD.findall(first) == every[:2] and CARD.findall(second) == every[2:]  # the order of the whole
    assert FIGURES.search(first).group(0) == FIGURES.search(second).group(0) == FIGURES.search(whole).group(0)
    assert "共 3 项已确认承诺" in second
    assert "共 3 项承诺，本页第 1–2 项（第 1 页，共 2 页）" in first
    assert "共 3 项承诺，本页第 3–3 项（第 2 页，共 2 页）" in second
    assert f'<a href="/reports/districts/{district}?page=2" rel="next">下一页 →</a>' in first
    assert "上一页" not in first and '<strong aria-current="page">第 1 页</strong>' in first
    # page 1 is the scorecard's own address: no ?page=1, in the previous link and in the numbers
    assert f'<a href="/reports/districts/{district}" rel="prev">← 上一页</a>' in second
    assert f'<a href="/reports/districts/{district}">第 1 页</a>' in second and "下一页" not in second
    assert text(client.get(f"/reports/districts/{district}?page=1")) == first


@both
def test_the_pagers_links_keep_the_views_filters(client, district, monkeypatch):
    monkeypatch.setattr(reports, "SCORECARD_CARDS", 1)
    page = text(client.get(f"/reports/districts/{district}?as_of=2024-07-01&page=2"))
    assert "截至 2024-07-01" in page and "（第 2 页，共 3 页）" in page
    assert f'href="/reports/districts/{district}?as_of=2024-07-01&amp;page=3" rel="next"' in page
    assert f'href="/reports/districts/{district}?as_of=2024-07-01" rel="prev"' in page
    # an argument the scorecard does not read is not carried on
    page = text(client.get(f"/reports/districts/{district}?sort=due_on&page=2"))
    assert f'href="/reports/districts/{district}?page=3" rel="next"' in page


@both
def test_an_officials_scorecard_is_paged_the_same_way(client, history, db, monkeypatch):
    official = db.scalar(sa.select(Pledge.official_id).where(Pledge.id == history["ids"]["kindergartens"]))
    monkeypatch.setattr(reports, "SCORECARD_CARDS", 1)
    page = text(client.get(f"/reports/officials/{official}"))
    assert "共 1 项承诺" in page and "card-pager" not in page  # one pledge: one page, no pager
    response = client.get(f"/reports/officials/{official}?page=2")
    assert response.status_code == 404 and "第 2 页不存在：此记分卡共 1 页" in text(response)


@both
def test_a_page_past_the_last_is_a_404_that_says_how_many_there_are(client, district, monkeypatch):
    monkeypatch.setattr(reports, "SCORECARD_CARDS", 2)
    response = client.get(f"/reports/districts/{district}?page=3")
    assert response.status_code == 404 and "第 3 页不存在：此记分卡共 2 页" in text(response)
    assert client.get(f"/reports/districts/{district}?page=999999999").status_code == 404
    # a view with no pledge has its one page, which says so
    empty = client.get(f"/reports/districts/{district}?status=stalled")
    assert empty.status_code == 200 and "暂无已确认的承诺" in text(empty)
    assert client.get(f"/reports/districts/{district}?status=stalled&page=2").status_code == 404


@both
@pytest.mark.parametrize("raw", ["0", "-1", "abc", "1.5", "", "２", "01", "1e3", "1234567890"])
def test_a_page_that_is_no_page_number_is_a_chinese_400(client, district, raw):
    response = client.get(f"/reports/districts/{district}", query_string={"page": raw})
    assert response.status_code == 400 and "须为从 1 起的整数" in text(response)


def test_the_pager_names_the_first_last_and_nearby_pages():
    assert reports.page_numbers(1, 1) == [1]
    assert reports.page_numbers(1, 3) == [1, 2, 3]
    assert reports.page_numbers(5, 10) == [1, None, 3, 4, 5, 6, 7, None, 10]
    assert reports.page_numbers(1, 8) == [1, 2, 3, None, 8]
    assert reports.page_numbers(8, 8) == [1, None, 6, 7, 8]
    assert reports.page_numbers(4, 8) == [1, 2, 3, 4, 5, 6, None, 8]
