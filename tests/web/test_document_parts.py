"""A long document's page is served in parts, so no request renders more than one part: the part
holding an offset (``?at=``), numbered parts (``?part=``), the whole document's counts, only the
part's pledges; a pledge's passage is a window around it, even in a paragraph of a million
characters on one line."""
from __future__ import annotations

import re

import pytest

from web_helpers import TEXT


@pytest.fixture
def small_parts(seeded_url):
    from tracker.web import create_app

    app = create_app({"TESTING": True, "DATABASE_URL": seeded_url, "SECRET_KEY": "test", "WTF_CSRF_ENABLED": False,
                      "DOCUMENT_PART_CHARS": 40})
    yield app
    app.extensions["tracker.engine"].dispose()


def test_part_bounds_cut_at_line_ends_and_cover_the_text_once():
    from tracker.web.highlight import part_bounds

    text = ("一二三四五六七八九十" * 3 + "\n") * 20
    parts = part_bounds(text, 100)
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(parts, parts[1:]))
    assert all(text[end - 1] == "\n" and end - start <= 100 for start, end in parts)
    one_line = "字" * 1050
    assert part_bounds(one_line, 100) == [(i, min(i + 100, 1050)) for i in range(0, 1050, 100)]
    assert part_bounds("") == [(0, 0)]


def test_a_passage_is_a_window_around_its_span_in_a_paragraph_of_one_long_line():
    from tracker.web.highlight import PASSAGE_MARGIN, paragraph_bounds

    text = "字" * 1_000_000
    left, right = paragraph_bounds(text, 500_000, 500_010)
    assert (left, right) == (500_000 - PASSAGE_MARGIN, 500_010 + PASSAGE_MARGIN)
    assert paragraph_bounds("甲\n乙丙\n丁", 2, 3) == (2, 4)  # a short paragraph stays whole


def test_the_document_page_shows_one_part_with_the_whole_documents_counts(small_parts):
    client = small_parts.test_client()
    first = client.get("/documents/1").get_data(as_text=True)
    parts = int(re.search(r"第 1 / (\d+) 部分", first).group(1))
    assert parts >= 3 and "本文承诺 5 条" in first and "待核实 5" in first
    seen = set()
    for n in range(1, parts + 1):
        html = client.get(f"/documents/1?part={n}").get_data(as_text=True)
        offsets = [int(o) for o in re.findall(r'data-o="(\d+)"', html)]
        assert offsets and max(offsets) < len(TEXT)
        marked = set(re.findall(r'data-pledge="(\d+)"', html))
        listed = set(re.findall(r'href="/pledges/(\d+)">#', html))
        assert listed == marked  # the index lists the part's pledges only
        seen |= marked
    assert seen == {"1", "2", "3", "4", "5"}
    start = TEXT.index("改造老旧小区20个")
    html = client.get(f"/documents/1?at={start}").get_data(as_text=True)
    assert "改造老旧小区" in html and "新建幼儿园" not in html.split('id="doc-text"', 1)[1].split("</div>", 1)[0]
    assert client.get(f"/documents/1?part={parts + 1}").status_code == 404
    assert client.get("/documents/1?part=abc").status_code == 400
    assert client.get("/documents/1?part=0").status_code == 400


def test_a_short_document_is_one_part_without_navigation(client):
    html = client.get("/documents/1").get_data(as_text=True)
    assert "部分显示" not in html and "本文承诺 5 条" in html
