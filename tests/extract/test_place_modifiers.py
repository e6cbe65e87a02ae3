"""A place name that modifies a county, a zone, a company or a benchmark is not the text's district."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tracker.extract import extract_document
from tracker.extract.people import districts_in

REAL = Path(__file__).parent / "real"


@pytest.mark.parametrize("text, absent", [
    ("未来十年,长沙县将计划投资75亿元用于水利建设", "长沙市"),  # 长沙县's news of 2011
    ("苏州协鑫光伏科技有限公司是由协鑫集团在苏州高新区投资设立的外资独资企业", "苏州市"),  # a zone's news of 2011
    ("苏州市欧陆杰电器有限公司是一家专业生产吸尘器用伸缩管的企业", "苏州市"),
    ("对标浦东速度,全力推进重点项目", "浦东新区"),
])
def test_the_modified_place_is_not_named(text, absent):
    assert absent not in [name for _, name in districts_in(text)]


def test_a_place_named_as_itself_still_counts():
    assert [name for _, name in districts_in("临淄区将新建幼儿园3所")] == ["临淄区"]


def test_the_county_passage_gets_its_given_county_not_the_city():
    text = (REAL / "changsha_county_water_2011.txt").read_text(encoding="utf-8")
    found = extract_document(text, published=dt.date(2011, 4, 14), district="长沙县").candidates
    assert found and {c.district for c in found} == {"长沙县"}
