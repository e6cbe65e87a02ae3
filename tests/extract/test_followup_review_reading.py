"""The follow-up reader on reviews written otherwise than the plan: in traditional characters, with each word's
pinyin in brackets (rule_review_read_in_simplified), and statements that report two pledges by naming their whole
(rule_respective_parts). Real pairs of tests/extract/followup/gold_batch6.json and gold.json."""
import datetime as dt
from pathlib import Path

import pytest

from extract_helpers import finding_for
from tracker.extract import extract_document
from tracker.extract.followup import Outcome, follow_up, rule_respective_parts

PAIRS = Path(__file__).resolve().parent / "followup"


def text(name):
    return (PAIRS / name).read_text(encoding="utf-8")


def findings(plan, review, plan_published=None, review_published=None):
    pledges = extract_document(text(plan), published=plan_published).candidates
    later = extract_document(text(review), published=review_published)
    return later, follow_up(pledges, later, review_published=review_published, plan_published=plan_published)


@pytest.fixture(scope="module")
def baisha():
    # 白沙黎族自治县: the 2024 targets against the 2025 report's opening, a page in traditional characters
    return findings("baisha2024_plan.txt", "baisha2024_review.txt", None, dt.date(2025, 1, 23))


@pytest.fixture(scope="module")
def jiayu():
    # 嘉鱼县: the 2017 targets against the 2018 report's opening, traditional characters with bracketed pinyin
    return findings("jiayu2017_plan.txt", "jiayu2017_review.txt")


@pytest.mark.parametrize("quote_part, evidence, outcome, first_raw", [
    ("全县地区生产总值增长8%左右", "全縣地區生產總值增長3.1%", Outcome.MISSED, "3.1%"),
    ("社会消费品零售总额增长8%左右", "社會消費品零售總額增長0.8%", Outcome.MISSED, "0.8%"),
    ("一般公共预算收入增长8%左右", "地方一般公共預算收入增長7.6%", Outcome.DONE, "7.6%"),
])
def test_traditional_review_is_read_and_quoted_as_written(baisha, quote_part, evidence, outcome, first_raw):
    review, found = baisha
    f = finding_for(found, quote_part)
    assert f.evidence is not None and f.evidence.quote == evidence
    assert review.text[f.evidence.start:f.evidence.end] == evidence  # offsets into the review as written
    assert f.outcome == outcome
    assert f.reported[0].raw == first_raw


@pytest.mark.parametrize("quote_part, evidence_start, outcome, first_raw", [
    ("完成地区生产总值256亿元", "全年預(yù)計(jì)完成地區(qū)生產(chǎn)總值230億元", Outcome.MISSED, "230億元"),
    ("全社会固定资产投资额286亿元", "固定資產(chǎn)投資額285億元", Outcome.MISSED, "285億元"),
])
def test_review_with_bracketed_pinyin_is_read_and_quoted_as_written(jiayu, quote_part, evidence_start, outcome,
                                                                   first_raw):
    review, found = jiayu
    f = finding_for(found, quote_part)
    assert f.evidence is not None and f.evidence.quote.startswith(evidence_start)
    assert review.text[f.evidence.start:f.evidence.end] == f.evidence.quote
    assert f.outcome == outcome
    q = f.reported[0]
    assert q.raw == first_raw and review.text[q.start:q.end] == first_raw


def test_simplified_review_is_read_as_before():
    # a review in simplified characters keeps its own text: the evidence is a slice of it
    review, found = findings("wuchang2014_plan.txt", "wuchang2014_review.txt", dt.date(2013, 12, 31),
                             dt.date(2014, 12, 29))
    f = finding_for(found, "全社会固定资产投资增长15%以上")
    assert f.outcome == Outcome.EXCEEDED
    assert review.text[f.evidence.start:f.evidence.end] == f.evidence.quote
    assert "316亿元" in f.evidence.quote


def test_rural_pledge_takes_the_second_figure_of_a_joint_statement(jiayu):
    # 农村常住居民人均可支配收入17063元 against 城鄉…28100元和16042元: 16042元 is the rural figure (missed)
    _, found = jiayu
    f = finding_for(found, "农村常住居民人均可支配收入17063元")
    assert f.reported[0].raw == "16042元"
    assert f.outcome == Outcome.MISSED
    f = finding_for(found, "城镇常住居民人均可支配收入28069元")
    assert f.reported[0].raw == "28100元"


@pytest.mark.parametrize("obj, window, place", [
    # 嘉鱼县's 2018 report (read in simplified) and 海拉尔区's 2016 report, each against its plan's pledges
    ("农村常住居民人均可支配收入", "城乡居民人均可支配收入28100元和16042元", 1),
    ("城镇常住居民人均可支配收入", "城乡居民人均可支配收入28100元", 0),
    ("农民人均纯收入", "城乡居民人均可支配收入分别增长8.7%和8.6%", 1),
    ("城镇居民人均可支配收入", "城乡居民人均可支配收入分别增长8.7%", 0),
    # 白沙黎族自治县's 2025 report names the parts in a row
    ("农村常住居民人均可支配收入", "城镇、农村常住居民人均可支配收入分别增长3.8%、7.4%", 1),
    # a pledge naming both parts keeps its own order (城镇和农村…分别增长8%左右和8.5%左右)
    ("城镇和农村常住居民人均可支配收入", "城镇、农村常住居民人均可支配收入分别增长3.8%、7.4%", None),
    # a statement on one part only says nothing of places (海拉尔区's 2013 report)
    ("农民人均纯收入", "农民人均纯收入完成19080元", None),
])
def test_respective_parts(obj, window, place):
    assert rule_respective_parts(obj, window) == place
