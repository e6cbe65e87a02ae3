"""The follow-up reader on plans written otherwise than their review (rule_pledge_read_in_simplified) and on a
revenue named without 预算 (lexicon followup_synonyms). Real pairs of tests/extract/followup/gold_batch7.json and
gold_batch6.json, and a traditional page of the extractor's corpus."""
import datetime as dt
from pathlib import Path

import pytest

from extract_helpers import finding_for
from tracker.extract import extract_document
from tracker.extract.followup import Outcome, canonical, follow_up, rule_pledge_read_in_simplified
from tracker.extract.followup import _words

HERE = Path(__file__).resolve().parent
PAIRS = HERE / "followup"


def text(path):
    return path.read_text(encoding="utf-8")


def findings(plan, review, plan_published=None, review_published=None):
    pledges = extract_document(text(PAIRS / plan), published=plan_published).candidates
    later = extract_document(text(PAIRS / review), published=review_published)
    return follow_up(pledges, later, review_published=review_published, plan_published=plan_published)


@pytest.fixture(scope="module")
def echeng():
    # 鄂城区: its 2023 targets on a mirror page in traditional characters with bracketed pinyin, against the
    # district's simplified report on the plan's execution
    return findings("echeng2023_plan.txt", "echeng2023_review.txt", dt.date(2022, 12, 19), dt.date(2023, 12, 28))


@pytest.mark.parametrize("quote_part, evidence, outcome", [
    ("力爭固定資產(chǎn)投資增幅16%以上", "固定资产投资预计同比增长22.78%", Outcome.EXCEEDED),
    ("規(guī)上工業(yè)產(chǎn)值增幅13%以上", "规上工业产值预计同比增长5%", Outcome.MISSED),
    # 額 is no marker of a traditional text: the pledge's words are read as its quote is
    ("限上社零額同比增長15%以上", "限上社零额预计同比增长9.3%", Outcome.MISSED),
])
def test_traditional_plan_with_pinyin_is_matched_in_its_simplified_reading(echeng, quote_part, evidence, outcome):
    f = finding_for(echeng, quote_part)
    assert f.evidence is not None and f.evidence.quote == evidence
    assert f.outcome is outcome
    assert "(" in f.pledge.quote or "額" in f.pledge.quote  # the pledge handed out is the plan's, as written


def test_traditional_plan_pledge_left_silent_where_the_review_is():
    # 工業(yè)技改投資增幅20%以上: the review gives all fixed investment, not its technical-renovation part
    f = finding_for(findings("echeng2023_plan.txt", "echeng2023_review.txt", dt.date(2022, 12, 19),
                             dt.date(2023, 12, 28)), "工業(yè)技改投資")
    assert f.outcome is Outcome.NOT_REPORTED and f.evidence is None


@pytest.mark.parametrize("quote, obj, raw", [
    ("新增城鎮就業5500人以上", "城镇就业", "5500人"),
    ("城鎮及農村婦女“兩癌”免費檢查5300人", "农村妇女两癌免费检查", "5300人"),
    ("讓54.13萬群眾喝上甘甜的洮河水", "群众喝上甘甜", "54.13万"),
])
def test_pledge_of_a_traditional_page_is_read_in_simplified(quote, obj, raw):
    # 甘谷縣's 2022 民生实事 as a mirror site printed them (no pinyin): the object and the figure's words in their
    # simplified reading, the quantity still where its figure stands in the reading of the quote
    page = text(HERE / "real" / "short_pages" / "gangu_shishi_news_2021_trad.txt")
    c = next(c for c in extract_document(page).candidates if c.quote == quote)
    read = rule_pledge_read_in_simplified(c)
    assert read.object == obj
    q = read.quantities[0]
    assert q.raw == raw and read.quote[q.start - read.start:q.end - read.start] == raw


def test_pledge_with_pinyin_keeps_its_figures_in_place():
    plan = extract_document(text(PAIRS / "echeng2023_plan.txt"), published=dt.date(2022, 12, 19)).candidates
    c = next(c for c in plan if c.quote.startswith("力爭固定資產(chǎn)"))
    read = rule_pledge_read_in_simplified(c)
    assert read.quote == "力争固定资产投资增幅16%以上" and read.object == "固定资产投资增幅"
    q = read.quantities[0]
    assert read.quote[q.start - read.start:q.end - read.start] == "16%"


def test_simplified_pledge_is_read_as_it_is():
    c = extract_document(text(PAIRS / "wuchang2014_plan.txt")).candidates[0]
    assert rule_pledge_read_in_simplified(c) is c


# ---------------------------------------------------------------- a revenue named without 预算

def test_public_revenue_without_yusuan_is_reported_by_the_budget_revenue():
    # 武昌区's 2014 plan (地方公共财政收入增长13%以上) against its report of 2014-12-29; the total revenue of the same
    # paragraph (实现公共财政预算总收入153.3亿元,增长14.5%) is not the district's own
    f = finding_for(findings("wuchang2014_plan.txt", "wuchang2014_review.txt", dt.date(2013, 12, 31),
                             dt.date(2014, 12, 29)), "地方公共财政收入增长13%以上")
    assert f.evidence is not None and "地方公共财政预算收入65.7亿" in f.evidence.quote
    assert "总收入" not in f.evidence.quote
    assert f.outcome is Outcome.EXCEEDED


@pytest.mark.parametrize("plan_name, review_name", [
    ("地方公共财政收入", "地方公共财政预算收入"),  # 武昌区 2014; 广元's 2012 targets say 地方公共财政收入增长15% as well
    ("公共财政收入", "一般公共预算收入"),  # 大庆's 2016 half-year statistics name the measure 公共财政收入
])
def test_public_revenue_names_meet(plan_name, review_name):
    assert canonical(_words(plan_name)) == canonical(_words(review_name))
    assert canonical(_words(plan_name)) != canonical(_words("公共财政预算总收入"))
