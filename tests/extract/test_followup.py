"""The follow-up matcher's rules, each on real statements from at least two documents where the
development data has them (tests/extract/followup/, docs/following.md, "Follow-up: development pairs")."""
import datetime as dt
import json
from decimal import Decimal
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract import extract_document
from tracker.extract.followup import (MATCHER_VERSION, Outcome, canonical, dimension, follow_up, lower_is_better,
                                      restatements, rule_place_before_indicator, rule_verb_class, verb_class)
from tracker.extract.model import Candidate, Deadline, Precision, Quantity, Role

PAIRS = Path(__file__).resolve().parent / "followup"
GAOYANG_PLAN = """三、2017年重点工作任务
（一）坚定不移推进产业转型升级。全年新增先进无梭织机1000台以上，淘汰落后织机2000台以上。新增外贸出口企业30家以上，全县外贸出口总额突破3亿美元。加快40所项目校建设。"""
# 高阳县's 2018 work report, the review of 2017 (shared development pair), sentences as printed there
GAOYANG_REVIEW = """工业技改投资完成45.7亿元，同比增长40.2%；全县先进无梭织机达到7200余台，新增2000多台；中高端纺织产品占比达到80%。
新增外贸出口企业45家，全县外贸出口总额达到2.99亿美元，同比增长12.9%。
深入开展县内生产经营性企业（含摊点）的燃煤小锅炉集中拆除，累计拆除燃煤小锅炉2000余台。
40所项目校建设加紧实施，80户农村危房改造全部开工。"""


def text(name):
    return (PAIRS / name).read_text(encoding="utf-8")


def findings(plan, review, plan_published, review_published):
    pledges = extract_document(plan, published=plan_published).candidates
    return follow_up(pledges, extract_document(review, published=review_published), review_published=review_published)


def finding_for(found, quote_part):
    hits = [f for f in found if quote_part in f.pledge.quote]
    assert hits, [f.pledge.quote for f in found]
    return hits[0]


def pledge(quote, obj, value, unit, *, qualifier=None, role=Role.RATIO, deadline=None, action=None):
    """A pledge as the extractor gives it, for a real quote the extractor merges with its neighbours."""
    at = quote.index(str(value))
    raw = f"{value}{unit}"
    q = Quantity(Decimal(str(value)), unit, raw, at, at + len(raw), role)
    return Candidate(quote, 0, len(quote), (q,), action=action, object=obj, qualifier=qualifier,
                     deadline=deadline or Deadline())


@pytest.fixture(scope="module")
def gaoyang():
    return findings(GAOYANG_PLAN, GAOYANG_REVIEW, dt.date(2017, 2, 23), dt.date(2018, 1, 31))


@pytest.fixture(scope="module")
def nat2020():
    return findings(text("nat2020_plan.txt"), text("nat2020_review.txt"), dt.date(2020, 5, 22), dt.date(2021, 3, 4))


def test_one_finding_per_pledge_in_order(gaoyang):
    assert [f.pledge.quote for f in gaoyang] == [c.quote for c in extract_document(GAOYANG_PLAN, dt.date(2017, 2, 23)).candidates]


def test_the_version_names_the_rules():
    assert len(MATCHER_VERSION) == 12 and int(MATCHER_VERSION, 16) >= 0


# ---------------------------------------------------------------- unit dimension and scale

@pytest.mark.parametrize("unit, dim, scale", [("万亿斤", "斤", 10 ** 12), ("亿斤", "斤", 10 ** 8), ("万家", "家", 10 ** 4),
                                              ("家", "家", 1), ("亿美元", "美元", 10 ** 8), ("%", "%", 1)])
def test_units_reduce_to_one_dimension(unit, dim, scale):
    assert dimension(unit) == (dim, Decimal(scale))


def test_figures_of_another_magnitude_compare():
    # 国务院: 粮食产量保持在1.3万亿斤以上 (2022 report) against 粮食产量1.37万亿斤,增产74亿斤 (2023 report)
    f = finding_for(findings(text("nat2022_plan.txt"), text("nat2022_review.txt"), dt.date(2022, 3, 5),
                             dt.date(2023, 3, 6)), "粮食产量保持在")
    assert f.outcome is Outcome.EXCEEDED and "1.37万亿斤" in f.evidence.quote


def test_a_figure_just_short_of_a_threshold_is_missed(gaoyang):
    f = finding_for(gaoyang, "外贸出口总额突破3亿美元")
    assert f.outcome is Outcome.MISSED and "2.99亿美元" in f.evidence.quote


# ---------------------------------------------------------------- object head and modifiers

def test_the_same_unit_on_another_object_is_silence(gaoyang):
    f = finding_for(gaoyang, "淘汰落后织机")
    assert f.outcome is Outcome.NOT_REPORTED and f.evidence is None


def test_a_registered_rate_is_not_a_surveyed_rate():
    found = findings(text("nat2019_plan.txt"), text("nat2019_review.txt"), dt.date(2019, 3, 5), dt.date(2020, 5, 22))
    assert finding_for(found, "城镇登记失业率4.5%以内").evidence is None
    surveyed = finding_for(found, "城镇调查失业率5.5%左右")
    assert surveyed.outcome is Outcome.DONE and "5.3%" in surveyed.evidence.quote


# ---------------------------------------------------------------- synonyms

@pytest.mark.parametrize("alias, name", [("北京GDP", "北京生产总值"), ("全市地区生产总值", "全市生产总值"),
                                         ("全国居民消费价格指数", "全国居民消费价格"), ("粮食总产", "粮食产量")])
def test_one_name_per_indicator(alias, name):
    assert canonical(alias) == name


def test_an_indicator_named_in_the_quote_keeps_its_modifiers():
    # the extractor gives 就业 as the object of 今年城镇新增就业1100万人以上 (国务院, 2019) and of
    # 城镇新增就业900万人以上 (国务院, 2020); the matcher reads the indicator the quote names
    for plan, review, dates, quote in (
            ("nat2019_plan.txt", "nat2019_review.txt", (dt.date(2019, 3, 5), dt.date(2020, 5, 22)), "1100万人以上"),
            ("nat2020_plan.txt", "nat2020_review.txt", (dt.date(2020, 5, 22), dt.date(2021, 3, 4)), "900万人以上")):
        f = finding_for(findings(text(plan), text(review), *dates), quote)
        assert f.pledge.object == "就业" and f.evidence.quote.startswith("城镇新增就业")
    # 山东省's 2014 results as a page of the pages corpus prints them (wbcff.com), in simplified characters
    p = pledge("城镇新增就业100万人", "就业", 100, "万人", role=Role.COUNT, action="新增")
    doc = extract_document("城镇新增就业118.5万人,农村劳动力转移就业131.2万人。", dt.date(2015, 1, 20))
    (f,) = follow_up([p], doc, review_published=dt.date(2015, 1, 20))
    assert f.reported[0].raw == "118.5万人"  # not the 131.2万人 of 农村劳动力转移就业


def test_gdp_is_the_regional_product():
    found = findings(text("beijing2019_plan.txt"), text("beijing2019_review.txt"), dt.date(2019, 1, 15),
                     dt.date(2020, 1, 12))
    f = finding_for(found, "6%-6.5%")
    assert f.outcome is Outcome.DONE and "地区生产总值比上年增长6.2%" in f.evidence.quote
    assert f.rule == "rule_within_range"


def test_a_growth_inside_a_target_range_is_done():
    found = findings(text("nat2016_plan.txt"), text("nat2016_review.txt"), dt.date(2016, 3, 5), dt.date(2017, 3, 5))
    f = finding_for(found, "国内生产总值增长6.5%-7%")
    assert f.outcome is Outcome.DONE and f.evidence.quote.endswith("GDP增速为6.7%")
    # the same page's 2017 targets are no outcome of 2016's: CPI涨幅料为3%左右, 计划创造1100万个工作岗位
    assert finding_for(found, "居民消费价格涨幅3%左右").evidence is None


@pytest.mark.parametrize("published, due", [(dt.date(2018, 1, 31), True), (dt.date(2017, 12, 28), True),
                                            (dt.date(2017, 6, 30), False)])
def test_a_report_reviews_the_year_before_it_until_june(published, due):
    doc = extract_document(GAOYANG_REVIEW, published)
    p = pledge("新增外贸出口企业30家以上", "外贸出口企业", 30, "家", qualifier="以上", role=Role.COUNT, action="新增",
               deadline=Deadline("今年", dt.date(2017, 12, 31)))
    (f,) = follow_up([p], doc, review_published=published)
    assert (f.outcome is Outcome.EXCEEDED) is due and (f.outcome is Outcome.NOT_DUE) is (not due)


def test_the_consumer_price_index_is_the_consumer_price(nat2020):
    f = finding_for(nat2020, "居民消费价格涨幅3.5%左右")
    assert "(CPI)涨幅为2.5%" in f.evidence.quote


# ---------------------------------------------------------------- lower is better

@pytest.mark.parametrize("obj, lower", [("城镇登记失业率", True), ("居民消费价格", True), ("单位GDP能耗", True),
                                        ("城镇新增就业", False), ("粮食产量", False)])
def test_which_indicators_are_better_lower(obj, lower):
    assert lower_is_better(obj) is lower


def test_an_unemployment_rate_far_below_its_target_beats_it(nat2020):
    f = finding_for(nat2020, "城镇登记失业率5.5%左右")
    assert f.outcome is Outcome.EXCEEDED and "3.62%" in f.evidence.quote


def test_a_price_rise_below_its_target_beats_it():
    found = findings(text("nat2022_plan.txt"), text("nat2022_review.txt"), dt.date(2022, 3, 5), dt.date(2023, 3, 6))
    f = finding_for(found, "居民消费价格涨幅3%左右")
    assert f.outcome is Outcome.EXCEEDED and "居民消费价格上涨2%" in f.evidence.quote


# ---------------------------------------------------------------- targets the review names

def test_the_target_a_review_recalls_is_not_the_outcome(nat2020):
    f = finding_for(nat2020, "城镇新增就业900万人以上")
    assert f.outcome is Outcome.EXCEEDED
    assert [q.raw for q in f.reported] == ["1186万人"]  # 900万人 is the target the review recalls


def test_next_years_targets_in_the_review_are_not_outcomes():
    # the 2022 report gives 2021's 城镇新增就业1269万人 and then 2022's 城镇新增就业1100万人以上
    review = text("nat2021_review.txt")
    p = pledge("城镇新增就业1100万人以上", "就业", 1100, "万人", qualifier="以上", role=Role.COUNT, action="新增")
    f = follow_up([p], extract_document(review, dt.date(2022, 3, 5)), review_published=dt.date(2022, 3, 5))[0]
    assert f.outcome is Outcome.EXCEEDED and f.evidence.quote.endswith("城镇新增就业1269万人")


def test_a_section_of_targets_holds_no_outcomes():
    # 湖北省: 2024's 城镇新增就业70万人以上 is 2025's target word for word; its 粮食 figure is 557亿斤
    review = extract_document(text("hubei2024_review.txt"), dt.date(2025, 1, 17))
    jobs = pledge("城镇新增就业70万人以上", "城镇新增就业", 70, "万人", qualifier="以上", role=Role.COUNT)
    grain = pledge("粮食产量500亿斤以上", "粮食产量", 500, "亿斤", qualifier="以上", role=Role.AMOUNT)
    f_jobs, f_grain = follow_up([jobs, grain], review, review_published=dt.date(2025, 1, 17))
    assert f_jobs.outcome is Outcome.NOT_REPORTED and f_jobs.evidence is None
    assert f_grain.outcome is Outcome.EXCEEDED and "557亿斤" in f_grain.evidence.quote


# ---------------------------------------------------------------- multi-year targets

def test_an_average_over_five_years_is_not_due():
    plan = "二、今后五年发展目标\n到2021年，全县生产总值达到170亿元，年均增长12%以上。"
    review = "全年生产总值完成119.7亿元，增长8%。"
    found = findings(plan, review, dt.date(2017, 2, 23), dt.date(2018, 1, 31))
    assert found and all(f.outcome is Outcome.NOT_DUE and f.evidence is None for f in found)


def test_a_five_year_plan_target_is_not_due():
    found = findings(text("nat2021_plan.txt"), text("nat2021_review.txt"), dt.date(2021, 3, 5), dt.date(2022, 3, 5))
    f = finding_for(found, "基本养老保险参保率提高到95%")
    assert f.outcome is Outcome.NOT_DUE


# ---------------------------------------------------------------- verbs, stocks, rates

@pytest.mark.parametrize("words, cls", [
    ("基本养老保险参保率提高到", "stock"),  # 国务院, 十四五 targets (2021)
    ("年末城镇调查失业率降到", "stock"),  # 国务院, 2022 results
    ("城镇化率提高", "growth"),  # 镇安县 2015: 城镇化率提高2个百分点左右
    ("居民消费价格上涨", "growth"),  # 国务院, 2021 results
    ("十是实施棚户区改造项目,开工建设", "start"),  # 兰州市 2019 为民兴办10件实事 (pages corpus)
    ("80户农村危房改造全部开工", "start"),  # 高阳县, 2017 review
    ("淘汰落后织机", "remove"), ("累计拆除燃煤小锅炉", "remove"),  # 高阳县 plan and review
])
def test_verbs_fall_into_classes(words, cls):
    assert verb_class(words) == cls


def test_a_level_reached_reports_a_ceiling():
    found = findings(text("nat2022_plan.txt"), text("nat2022_review.txt"), dt.date(2022, 3, 5), dt.date(2023, 3, 6))
    f = finding_for(found, "城镇调查失业率全年控制在5.5%以内")
    assert f.outcome is Outcome.DONE and f.evidence.quote.endswith("降到5.5%")


@pytest.mark.parametrize("plan, review, linked", [
    ("remove", "add", False), ("add", "remove", False), ("remove", "remove", True), ("add", "stock", False),
    ("stock", "stock", True), ("start", "finish", False), ("finish", "start", True), ("add", None, True)])
def test_which_verb_classes_can_report_which(plan, review, linked):
    assert rule_verb_class(plan, review) is linked


def test_an_increment_is_reported_by_the_increment_not_the_stock(gaoyang):
    f = finding_for(gaoyang, "新增先进无梭织机1000台")
    assert f.outcome is Outcome.EXCEEDED and "新增2000多台" in f.evidence.quote
    assert "2000多台" in [q.raw for q in f.reported]


def test_a_growth_target_is_reported_by_the_growth_not_the_level():
    found = findings(text("zhenan2015_plan.txt"), text("zhenan2015_review.txt"), dt.date(2015, 4, 27),
                     dt.date(2016, 3, 2))
    f = finding_for(found, "生产总值增长11.5%左右")
    assert f.outcome is Outcome.MISSED and "增长10.8%" in f.evidence.quote
    wuhan = findings(text("wuhan2022_plan.txt"), text("wuhan2022_review.txt"), dt.date(2022, 1, 11), dt.date(2023, 1, 5))
    g = finding_for(wuhan, "地区生产总值增长7.5%")
    assert g.outcome is Outcome.MISSED and "增长4.5%" in g.evidence.quote


def test_an_objectless_clause_reports_on_the_clause_before():
    review = text("nat2021_review.txt")
    p = pledge("国内生产总值增长6%以上", "国内生产总值", 6, "%", qualifier="以上", action="增长")
    f = follow_up([p], extract_document(review, dt.date(2022, 3, 5)), review_published=dt.date(2022, 3, 5))[0]
    assert f.outcome is Outcome.EXCEEDED and f.evidence.quote.endswith("增长8.1%")


@pytest.mark.parametrize("review, rate", [
    # 北京市统计局's 2022 results (development pair beijing2022)
    ("北京2022年全年实现地区生产总值41610.9亿元,按不变价格计算,比上年增长0.7%;全市居民人均可支配收入77415元,比上年增长3.2%。",
     "0.7%"),
    # 咸宁市's account of its 2021 targets at mid-year (pages corpus, xianning.gov.cn)
    ("上半年,全市完成地区生产总值802.81亿元,按可比价格计算,比上年同期增长28.6%,高出全省0.1个百分点,增幅全省排第7位。",
     "28.6%"),
])
def test_an_aside_between_object_and_rate_is_transparent(review, rate):
    p = pledge("地区生产总值增长5%以上", "地区生产总值", 5, "%", qualifier="以上", action="增长")
    f = follow_up([p], extract_document(review, dt.date(2023, 1, 19)), review_published=dt.date(2023, 1, 19))[0]
    assert f.evidence is not None and f.evidence.quote.endswith(rate) and "地区生产总值" in f.evidence.quote


@pytest.mark.parametrize("plan, obj, target, review, rate, outcome", [
    # 海拉尔区: its 2016 targets against its 2017 report (pair hailar2016) ...
    ("公共财政预算收入增长5%，达到15.8亿元", "公共财政预算收入", 5, "hailar2016_review.txt", "13%", Outcome.EXCEEDED),
    # ... and its 2015 targets against its 2016 report (pair hailar2015): the aside after the rate, in brackets
    ("地区生产总值增长8%，达到296亿元", "地区生产总值", 8, "hailar2015_review.txt", "8.9%", Outcome.EXCEEDED),
])
def test_an_aside_in_a_clause_with_a_figure_names_no_object(plan, obj, target, review, rate, outcome):
    p = pledge(plan, obj, target, "%", action="增长")
    f = follow_up([p], extract_document(text(review), None))[0]
    assert f.evidence is not None and f.reported[0].raw == rate and obj[-4:] in f.evidence.quote
    assert f.outcome is outcome
    # the aside still does not hide an object that the clause names itself
    own = follow_up([p], extract_document(f"{obj}完成9亿元,其他收入按可比口径增长{rate}。", None))[0]
    assert own.evidence is None


@pytest.mark.parametrize("review", [
    "全年实现生产总值83.91亿元、增长10.8%,城乡居民收入达到23292元和7750元、分别增长8.8%和10%,基本完成年度目标任务。",  # 镇安县
    "城乡居民人均可支配收入完成2.57万元和1.68万元，分别增长9%和9.8%，运行质量不断提高。",  # 高阳县, 2017 review
])
def test_respective_figures_report_respective_targets(review):
    doc = extract_document(review, dt.date(2018, 1, 31))
    quote = "城乡居民收入分别增长11%和13%左右"  # 镇安县's 2015 plan
    first = pledge(quote, "城乡居民收入", 11, "%", action="增长")
    at = quote.index("13%")
    second = Candidate(quote, 0, len(quote), (Quantity(Decimal(13), "%", "13%", at, at + 3, Role.RATIO),),
                       action="增长", object="城乡居民收入", qualifier="左右")
    f1, f2 = follow_up([first, second], doc, review_published=dt.date(2018, 1, 31))
    assert f1.evidence.quote == f2.evidence.quote  # one statement, each target against its own figure
    percents = [q.raw for q in f1.reported if q.unit == "%"]
    assert f1.reported[0].raw == percents[-2] and f2.reported[0].raw == percents[-1]
    assert f1.outcome is Outcome.MISSED and f2.outcome is Outcome.MISSED


def test_a_project_under_way_is_partial(gaoyang):
    assert finding_for(gaoyang, "40所项目校").outcome is Outcome.PARTIAL


# ---------------------------------------------------------------- the numbers decide

def test_within_half_a_point_of_an_approximate_rate_is_done(nat2020):
    f = finding_for(nat2020, "城镇调查失业率6%左右")
    assert f.outcome is Outcome.DONE and f.rule == "rule_within_band"


def test_silence_leaves_no_evidence():
    found = findings(text("beijing2019_plan.txt"), text("beijing2019_review.txt"), dt.date(2019, 1, 15),
                     dt.date(2020, 1, 12))
    silent = [f for f in found if any(w in f.pledge.quote for w in ("减量", "腾退", "一般制造业", "物流中心", "背街小巷"))]
    assert len(silent) == 5 and all(f.outcome is Outcome.NOT_REPORTED and f.evidence is None for f in silent)


def test_evidence_offsets_index_the_review_text(gaoyang):
    doc = extract_document(GAOYANG_REVIEW, dt.date(2018, 1, 31))
    for f in gaoyang:
        if f.evidence:
            assert doc.text[f.evidence.start:f.evidence.end] == f.evidence.quote
            assert all(doc.text[q.start:q.end] == q.raw for q in f.reported)


def test_findings_serialise_as_the_contract_says(gaoyang):
    row = json.loads(json.dumps(finding_for(gaoyang, "新增外贸出口企业").to_dict(), ensure_ascii=False))
    assert row["outcome"] == "exceeded" and row["quote"] == "新增外贸出口企业30家以上"
    assert row["evidence"]["quote"] == "新增外贸出口企业45家"
    assert row["reported"] == [{"value": 45, "unit": "家", "raw": "45家"}] and 0 < row["confidence"] <= 1


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="新增完成达到增长企业家所万人亿元%，。；0123456789年以上左右", max_size=200))
def test_any_review_gives_findings_with_valid_spans(review_text):
    doc = extract_document(review_text, dt.date(2018, 1, 31))
    p = pledge("新增外贸出口企业30家以上", "外贸出口企业", 30, "家", qualifier="以上", role=Role.COUNT, action="新增")
    (f,) = follow_up([p], doc, review_published=dt.date(2018, 1, 31))
    if f.evidence:
        assert doc.text[f.evidence.start:f.evidence.end] == f.evidence.quote
    else:
        assert f.outcome in (Outcome.NOT_REPORTED, Outcome.NOT_DUE)


# ---------------------------------------------------------------- development pairs as a whole

def _same_statement(a, b):
    """The scorer's test (score_followup.py): a common run of 6 characters, or of half the shorter quote."""
    a, b = a.replace(" ", ""), b.replace(" ", "")
    run = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size
    return run >= min(6, len(a), len(b)) or run >= 0.5 * min(len(a), len(b))


def _right(finding, link):
    gold_ev = link["evidence"]
    acceptable = set(link["acceptable_outcomes"]) | ({"not_due"} if not link["due_by_review"] else set())
    if gold_ev is None or finding.evidence is None:
        # silence is right where the gold has none, or lists not_reported as defensible (the gold's meta:
        # "for outcomes other than not_reported, its evidence span overlaps")
        return finding.evidence is None and (gold_ev is None or "not_reported" in acceptable)
    return (finding.evidence is not None and _same_statement(gold_ev["quote"], finding.evidence.quote)
            and finding.outcome.value in acceptable)


def test_every_development_link_the_extractor_returns_is_decided_right():
    pairs = [p for name in ("gold.json", "gold_batch5.json", "gold_batch6.json", "gold_batch7.json")
             for p in json.loads((PAIRS / name).read_text(encoding="utf-8"))["pairs"]]
    wrong, seen = [], 0
    for pair in pairs:
        plan_on, review_on = (pair[k]["published"] and dt.date.fromisoformat(pair[k]["published"]) for k in ("plan", "review"))
        found = findings(text(pair["plan"]["file"]), text(pair["review"]["file"]), plan_on, review_on)
        for link in pair["links"]:
            if link["tier"] != "core":  # 广州市's targets on 惠州市's page: the pure matcher has no district to tell
                continue
            hits = [f for f in found if f.pledge.quote == link["pledge"]["quote"]]
            if hits:
                seen += 1
                if not _right(hits[0], link):
                    wrong.append((link["id"], hits[0].outcome.value, hits[0].evidence and hits[0].evidence.quote))
    assert seen >= 25 and {w[0] for w in wrong} <= set(KNOWN_MISSES), wrong


#: links of the pairs read last that the matcher still decides wrong, with why; a change that fixes one
#: removes it here, and any other wrong link fails the test above
KNOWN_MISSES = {
    "HAILAR2013B-L08": "年内完成3800户、58万平方米棚户区改造: the matcher reads the first figure (户) only; the review "
                       "gives the second (实施棚户区改造19.5万平方米), one real case so far",
    "HAILAR2017B-L12": "实施村屯绿化2738亩 against 实施公路、村屯、矿区绿化3920亩: a figure summing several kinds of land "
                       "is taken for one of them (a false link); one real case so far (docs/rules.md, follow18)",
    # 商洛市 2023 -> 2024 (pair shangluo2023): projects named by their size, 总投资X亿元的<project>, whose outcome is a stage
    # (开工建设, 获得核准, 首台机组并网发电); one pair so far (docs/rules.md, follow18)
    "SHANGLUO2023-L03": "抓好总投资47亿元的商洛电厂二期建设 against 总投资51亿元的商洛电厂二期开工建设: the sizes are compared "
                        "(exceeded) where the project only started",
    "SHANGLUO2023-L04": "推进总投资106亿元的柞水曹坪抽水蓄能电站近期开工: the project's name follows the review's figure "
                        "beyond the matcher's window, so 总投资107亿元的柞水曹坪抽水蓄能电站开工建设 is not found",
    "SHANGLUO2023-L05": "总投资96亿元的山阳色河抽水蓄能电站3月底前开工: as L04 (获得核准, not started: missed)",
    "SHANGLUO2023-L06": "总投资88亿元的镇安月河抽水蓄能电站10月底前并网发电: as L04 (首台机组并网发电: done)",
}


# ---------------------------------------------------------------- a count in another classifier (follow18)

def test_new_jobs_counted_as_posts_are_reported_by_the_people_placed():
    # 海拉尔区's 2014 report (its 民生 tasks, pair hailar2014b) against its 2015 report
    f = finding_for(findings(text("hailar2014b_plan.txt"), text("hailar2014_review.txt"), None, None), "新增就业岗位5000个")
    assert f.evidence is not None and "实现城镇新增就业5487人" in f.evidence.quote
    assert f.outcome is Outcome.EXCEEDED and f.reported[0].raw == "5487人"


def test_shops_counted_in_ge_are_reported_by_the_shops_counted_in_jia():
    # 海拉尔区's 2013 report (its 民生 paragraph, pair hailar2013b: the extractor quotes only 年内完成20个, so the
    # pledge is given as the gold has it) against its 2014 report
    p = pledge("平价蔬菜超市，年内完成20个", "平价蔬菜超市", 20, "个", role=Role.COUNT, action="完成")
    review = text("hailar2013_review.txt")
    (f,) = follow_up([p], extract_document(review))
    assert f.evidence is not None and "新建10家平价蔬菜超市和直销店" in f.evidence.quote
    assert f.outcome is Outcome.MISSED


@pytest.mark.parametrize("obj, dim, dims", [
    ("平价蔬菜超市", "个", {"个", "家"}), ("平价蔬菜超市", "家", {"个", "家"}), ("城镇新增就业", "个", {"个", "人"}),
    ("重大项目", "个", {"个"}),          # 成都市 2016: 实施重大项目837个 is never counted in 家
    ("平价蔬菜超市", "万平方米", {"万平方米"}),  # an area stays an area
])
def test_which_classifiers_count_one_object(obj, dim, dims):
    from tracker.extract.followup import rule_classifier_variants

    assert rule_classifier_variants(obj, dim) == frozenset(dims)


def test_another_object_in_the_other_classifier_stays_silent():
    # 海拉尔区 2014: 年内建成2家标准化菜市场 is not reported by 建成平价蔬菜超市和销售网点26个 (supermarkets, not markets);
    # 国务院 2016: 城镇新增就业1000万人以上 is not reported by 中国计划创造1100万个工作岗位 (the next year's target)
    found = findings(text("hailar2014b_plan.txt"), text("hailar2014_review.txt"), None, None)
    assert finding_for(found, "标准化菜市场").evidence is None
    f = finding_for(findings(text("nat2016_plan.txt"), text("nat2016_review.txt"), dt.date(2016, 3, 5),
                             dt.date(2017, 3, 5)), "城镇新增就业")
    assert f.evidence is None and f.outcome is Outcome.NOT_REPORTED


# ---------------------------------------------------------------- third batch (county-level city, cities, a province)


@pytest.fixture(scope="module")
def chengdu2016():
    return findings(text("chengdu2016_plan.txt"), text("chengdu2016_review.txt"), dt.date(2016, 1, 13), dt.date(2017, 1, 6))


@pytest.mark.parametrize("obj, name", [
    ("预期成都市地区生产总值", "生产总值"),      # 成都市, 2016 targets
    ("全省地区生产总值", "生产总值"),            # 甘肃省, 2022 targets
    ("全市地方一般公共预算收入", "一般公共预算收入"),
    ("城镇居民人均可支配收入", "城镇居民人均可支配收入"),  # 城镇 is no place: it stays
    ("农村居民人均可支配收入", "农村居民人均可支配收入"),
    ("科技型中小企业", "科技型中小企业"),          # no indicator name: nothing is dropped
])
def test_a_place_before_an_indicator_is_no_modifier(obj, name):
    assert rule_place_before_indicator(canonical(obj)) == name


def test_a_target_for_a_named_city_is_reported_without_the_name(chengdu2016):
    f = finding_for(chengdu2016, "预期成都市地区生产总值增长7%以上")
    assert f.outcome is Outcome.EXCEEDED and "增长7.5%" in f.evidence.quote
    assert f.reported[0].raw == "7.5%"


def test_a_province_wide_target_is_reported_by_the_province_figure_not_the_recalled_target():
    found = findings(text("gansu2022_plan.txt"), text("gansu2022_review.txt"), dt.date(2022, 1, 17), dt.date(2023, 1, 15))
    f = finding_for(found, "全省地区生产总值将增长6.5%以上")
    assert f.outcome is Outcome.MISSED and f.reported[0].raw == "4.2%"


@pytest.mark.parametrize("alias", ["固定资产投资总额", "全社会固定资产投资总额", "全社会固定资产投资"])
def test_a_total_is_its_indicator(alias):
    # 固定资产投资总额7000亿元以上 (成都市, 2016 targets); 共完成全社会固定资产投资总额1025.4亿元 (青岛市 yearbook)
    assert canonical(alias) == canonical("固定资产投资")


def test_a_level_target_named_as_a_total_is_met_by_the_level(chengdu2016):
    f = finding_for(chengdu2016, "固定资产投资总额7000亿元以上")
    assert f.outcome is Outcome.EXCEEDED and f.reported[0].raw == "8370亿元"


def test_an_undated_review_is_not_dated_by_the_history_it_names():
    # 威海市's yearbook entry on 2017 names 1987年 (the city's founding) as often as 2017年
    found = findings(text("weihai2017_plan.txt"), text("weihai2017_review.txt"), None, None)
    f = finding_for(found, "生产总值增长8%左右")
    assert f.outcome is Outcome.DONE and f.reported[0].raw == "8.1%"
    assert finding_for(found, "固定资产投资增长11%左右").outcome is Outcome.MISSED


def test_an_undated_review_that_measures_against_the_past_reports_its_own_year():
    # 平凉市's 2021 report (pages corpus: gongwensou.com/zhengfubaogao/36086.html) names 2015 twice, 2020 once
    review = ("2020年全市地区生产总值达到476.16亿元,年均增长4.98%;一般公共预算收入32.83亿元,一般公共预算支出242.14亿元,"
              "是2015年的1.3倍和1.5倍;城乡居民人均可支配收入分别达到31096元、9756元,是2015年的1.45倍和1.5倍。")
    target = pledge("一般公共预算收入达到30亿元", "一般公共预算收入", 30, "亿元", role=Role.AMOUNT,
                    deadline=Deadline("2020年", dt.date(2020, 12, 31), Precision.YEAR))
    [f] = follow_up([target], extract_document(review))
    assert f.outcome is Outcome.EXCEEDED and f.reported[0].raw == "32.83亿元"


@pytest.mark.parametrize("quote, obj, value, unit, role, year, plan_file, review_file, review_on", [
    # 威海市's 2017 report restates the 2016 result before the 2017 targets; the yearbook gives 2017's 增长8.1%
    ("2016年,全市生产总值3212.2亿元,增长8%", "生产总值", 8, "%", Role.RATIO, 2016,
     "weihai2017_plan.txt", "weihai2017_review.txt", None),
    # 成都市's 2016 report restates 2015's investment; the 2017 report's 固定资产投资8370亿元 is 2016's
    ("2015年,成都预计全年固定资产投资7006亿元", "固定资产投资", 7006, "亿元", Role.AMOUNT, 2015,
     "chengdu2016_plan.txt", "chengdu2016_review.txt", dt.date(2017, 1, 6)),
])
def test_a_figure_due_the_year_before_is_not_reported_by_a_later_review(quote, obj, value, unit, role, year,
                                                                       plan_file, review_file, review_on):
    due = pledge(quote, obj, value, unit, role=role, deadline=Deadline(f"{year}年", dt.date(year, 12, 31), Precision.YEAR))
    others = extract_document(text(plan_file)).candidates
    found = follow_up([due, *others], extract_document(text(review_file), published=review_on), review_published=review_on)
    assert found[0].outcome is Outcome.NOT_REPORTED and found[0].evidence is None
    assert found[0].rule == "rule_review_covers_a_later_year"


# ---------------------------------------------------------------- restatements

def test_a_later_plan_restates_an_earlier_pledge_with_its_changes():
    earlier = extract_document(text("nat2019_plan.txt"), dt.date(2019, 3, 5)).candidates
    later = extract_document(text("nat2020_plan.txt"), dt.date(2020, 5, 22)).candidates
    found = {r.later.quote: r for r in restatements(earlier, later)}
    jobs = found["城镇新增就业900万人以上"]
    assert "新增就业1100万人以上" in jobs.earlier.quote
    assert set(jobs.changes) == {"target_lowered", "deadline_later"}
    assert "城镇调查失业率5.5%左右" in found["城镇调查失业率6%左右"].earlier.quote
    assert "target_raised" in found["城镇调查失业率6%左右"].changes
    assert "居民消费价格涨幅3.5%左右" not in found  # no price target in the earlier text


def test_another_object_is_no_restatement():
    earlier = extract_document(text("nat2022_plan.txt"), dt.date(2022, 3, 5)).candidates
    later = extract_document(text("wuhan2022_plan.txt"), dt.date(2022, 1, 11)).candidates
    pairs = {(r.earlier.quote, r.later.quote) for r in restatements(earlier, later)}
    assert ("居民消费价格涨幅3%左右", "居民消费价格涨幅3%左右") in pairs
    assert all("粮食" not in a for a, _ in pairs)
