"""extract_document(..., plan_year=Y): a text its user knows to be a plan for year Y as a whole (`tracker followup
--plan-year`). Real texts of the follow-up pairs: 海拉尔区's 2017 city tasks cut from the report (hailar2017b) and
湖北省's 2024 target lines under a news lead (hubei2024), whose lines carry no time of their own."""
from pathlib import Path

import pytest

from tracker.extract import extract_document

PAIRS = Path(__file__).resolve().parent / "followup"


def text(name):
    return (PAIRS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name, year, quote", [
    ("hailar2017b_plan.txt", 2017, "完成9.2公里的城区供水主管网改造"),
    ("hailar2017b_plan.txt", 2017, "实施36个老旧小区的既有建筑节能改造"),
    ("hubei2024_plan.txt", 2024, "技术合同成交额达到5500亿元以上"),
])
def test_a_plan_without_time_of_its_own_is_read_as_the_given_years_work(name, year, quote):
    before = {c.quote for c in extract_document(text(name)).candidates}
    assert not any(quote in q for q in before)
    got = [c for c in extract_document(text(name), plan_year=year).candidates if quote in c.quote]
    assert got, quote
    assert got[0].deadline.date is not None and got[0].deadline.date.year == year


def test_a_plan_year_changes_no_pledge_that_has_its_time():
    # 武昌区's 2014 plan names its year in the lead: the same pledges and deadlines with or without the option
    plain = extract_document(text("wuchang2014_plan.txt")).candidates
    told = extract_document(text("wuchang2014_plan.txt"), plan_year=2014).candidates
    assert [(c.quote, c.deadline) for c in plain] == [(c.quote, c.deadline) for c in told]


def test_a_review_is_not_made_a_plan_by_its_past_words():
    # 海拉尔区's 2018 review of 2017 told it is a 2017 plan: its paragraphs of results stay results
    told = extract_document(text("hailar2017_review.txt"), plan_year=2017).candidates
    assert [c.quote for c in told] == []
