"""The rules written for the real development passages (tests/extract/real/), each held on real
sentences from at least two different documents. Sentences are copied character for character
from 2026 government work reports (johncodes404/china-provincial-gov-reports-2026); the id names
the government."""
import datetime as dt
import json
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from extract_helpers import one, pledges, rule_coverage
from tracker.extract.numbers import quantities
from tracker.extract.pledges import _baseline, _names_programme, _object

PUB = dt.date(2026, 1, 27)
_COVERAGE = rule_coverage()


def _q(c):
    return [(q.value, q.value_max, q.unit) for q in c.quantities]


@pytest.mark.parametrize("text, value, value_max", [
    ("地区生产总值年均增速4.5%-5%、努力争取更好结果", Decimal("4.5"), Decimal("5")),  # 北京
    ("全省地区生产总值年均增长5%—5.5%", Decimal("5"), Decimal("5.5")),  # 安徽
])
def test_percent_range_is_one_quantity(text, value, value_max):
    (q,) = quantities(text)
    assert (q.value, q.value_max, q.unit) == (value, value_max, "%")


@pytest.mark.parametrize("text, value, unit", [
    ("全员劳动生产率达58万元/人左右", Decimal("58"), "万元/人"),  # 北京
    ("单位地区生产总值生产安全事故死亡率控制在0.6人/百亿元以下", Decimal("0.6"), "人/百亿元"),  # 北京
    ("全员劳动生产率提高到42万元/人以上", Decimal("42"), "万元/人"),  # 上海
    ("城市低保人均保障标准从796元/月提高至842元/月", Decimal("796"), "元/月"),  # 安徽
])
def test_rate_unit_keeps_its_denominator(text, value, unit):
    q = quantities(text)[0]
    assert (q.value, q.unit) == (value, unit)


def test_baseline_is_kept_apart_from_the_target():
    text = "3.将学生意外伤害责任保险从义务教育阶段扩大到高中阶段和普惠性幼儿园，保费由每生每年5元提高至10元。"  # 内蒙古 民生实事
    c = [c for c in pledges("2026年自治区民生实事\n" + text, PUB) if "提高至" in c.quote][0]
    assert _q(c) == [(Decimal("10"), None, "元")]
    assert c.object == "保费"


@pytest.mark.parametrize("text, baseline", [
    ("保费由每生每年5元提高至10元", "由每生每年5元提高至"),  # 内蒙古 民生实事
    ("率先实行覆盖全省的生育补贴政策，每千人口托位数从0.5个增至4.8个", "从0.5个增至"),  # 云南 (review)
    ("城市低保人均保障标准从796元/月提高至842元/月", "从796元/月提高至"),  # 安徽 (review)
])
def test_the_baseline_span_is_found(text, baseline):
    span = _baseline(text, 0, len(text), quantities(text))
    assert text[span[0]:span[1]] == baseline


@pytest.mark.parametrize("text, action, obj", [
    ("2026年自治区民生实事\n10.发放城镇住房保障家庭租赁补贴1.6万户。", "发放", "租赁补贴"),  # 内蒙古
    ("今年，拆除违法建设500万平方米、治理无手续建筑500万平方米。", "拆除", "违法建设"),  # 北京
    ("今年，低效建设用地减量7平方公里。", "减量", "低效建设用地"),  # 上海
])
def test_noun_like_verb_ends_the_object(text, action, obj):
    c = pledges(text, PUB)[0]
    assert c.action == action
    assert c.object.endswith(obj)


@pytest.mark.parametrize("text, n, date", [
    # 山东: the lead names the annual targets, no 今年 in the sentence
    ("综合考虑各方面因素，建议经济社会发展主要预期目标为：地区生产总值增长5%以上，在实际工作中努力争取更好结果；"
     "一般公共预算收入增长2%，居民收入增长和经济增长同步；城镇调查失业率控制在5.5%左右，城镇新增就业110万人以上；"
     "居民消费价格保持合理水平；全面完成国家下达的节能减排降碳约束性指标和环境质量改善目标。", 4, dt.date(2026, 12, 31)),
    # 云南
    ("经济社会发展的主要预期目标为：地区生产总值增长4.5%左右，产业投资占比保持在50%以上，地方一般公共预算收入增长2%，"
     "城镇调查失业率5.5%以内，城镇新增就业50万人以上，居民人均可支配收入增长与经济增长同步，粮食总产量稳定在1955万吨以上，"
     "单位地区生产总值二氧化碳排放降低完成经国家审核衔接后确定的目标。", 6, dt.date(2026, 12, 31)),
    # 北京: a five-year plan's indicators hold for its period
    ("围绕上述目标，《纲要草案》从创新、协调、绿色、开放、共享、安全6个维度设置了29项主要指标，包括：地区生产总值年均增速4.5%-5%、"
     "努力争取更好结果，全员劳动生产率达58万元/人左右，全社会研发投入占比6%以上，城市副中心和平原新城地区生产总值年均增长5%以上，"
     "服务贸易年均增速5%左右，城镇调查失业率控制在5%以内，单位地区生产总值生产安全事故死亡率控制在0.6人/百亿元以下，彩化率达24.2%，等等。",
     8, dt.date(2030, 12, 31)),
])
def test_targets_after_their_lead_take_its_period(text, n, date):
    found = pledges(text, PUB)
    assert len(found) == n, [c.quote for c in found]
    assert {c.deadline.date for c in found} == {date}


@pytest.mark.parametrize("text", [
    "增加5000个普通高中招生计划",  # 内蒙古 民生实事
    "组织开展65个专项行动",  # 宁夏 (review)
    "实施农业转移人口市民化、产业带动新型城镇化建设等8项行动",  # 新疆 (review)
])
def test_a_counted_plan_is_no_programme_name(text):
    assert not _names_programme(text, quantities(text), len(text))


def test_a_counted_plan_in_a_list_is_a_pledge():
    found = pledges("2026年自治区民生实事\n3.将学生意外伤害责任保险从义务教育阶段扩大到高中阶段和普惠性幼儿园，"
                    "保费由每生每年5元提高至10元；增加5000个普通高中招生计划。", PUB)  # 内蒙古
    assert [c.object for c in found if "招生计划" in (c.object or "")] == ["普通高中招生计划"]


@pytest.mark.parametrize("text", [
    "巩固拓展深入贯彻中央八项规定精神学习教育成果，加强正确政绩观教育，推进作风建设常态化长效化。",  # 上海
    "四要建设廉洁政府，深刻汲取孙绍骋、王莉霞涉嫌严重违纪违法教训，巩固拓展深入贯彻中央八项规定精神学习教育成果，"
    "持续整治群众身边不正之风和腐败问题。",  # 内蒙古
    "围绕上述目标，《纲要草案》从创新、协调、绿色、开放、共享、安全6个维度设置了29项主要指标，包括：",  # 北京
])
def test_names_and_a_plans_own_structure_are_no_pledges(text):
    assert list(pledges("今年，" + text, PUB)) == []


@pytest.mark.parametrize("text, obj", [
    ("地区生产总值年均增速4.5%-5%", "地区生产总值"),  # 北京
    ("服务贸易年均增速5%左右", "服务贸易"),  # 北京
    ("最低工资标准年均增幅3.94%", "最低工资标准"),  # 吉林 (review)
])
def test_a_rate_names_what_it_is_of(text, obj):
    qs = quantities(text)
    assert obj in _object(text, 0, len(text), qs)[0]


@pytest.mark.parametrize("text, objects", [
    ("今年，力争全年交通、水利、能源领域投资额分别达2400亿元、450亿元、1700亿元。",
     ["交通领域投资额", "水利领域投资额", "能源领域投资额"]),  # 江苏
    ("今年，认定跨国公司地区总部、外资研发中心分别从771家、481家增加到1076家、636家。",
     ["跨国公司地区总部", "外资研发中心"]),  # 上海 (its review, put in the year ahead)
])
def test_respectively_gives_each_field_its_number(text, objects):
    found = pledges(text, PUB)
    assert [len(c.quantities) for c in found] == [1] * len(objects)
    assert [c.object for c in found] == objects


def test_the_year_after_a_reports_targets_dates_its_plan():
    text = ("经济社会发展的主要预期目标是：全省地区生产总值增长5%—5.5%，在实际工作中努力争取更好结果。\n"
            "重点做好十一个方面工作。\n（一）加力扩内需稳增长\n"
            "加大稳经济政策实施力度。精准对接、用足用好中央一揽子政策。统筹安排省级财政资金350亿元以上，实施稳经济30项举措。")  # 安徽
    c = [c for c in pledges(text, dt.date(2026, 2, 5)) if "350" in c.quote][0]
    assert c.deadline.date == dt.date(2026, 12, 31)


def test_a_review_names_no_year_and_plans_nothing():
    # 辽宁's review of 2025: 招生计划 is a quota, no plan to do anything
    text = ("七是民生福祉不断增进。坚持财力向民生倾斜，民生支出占一般公共预算支出77.9%，高质量完成20件民生实事。"
            "推动教育扩优提质。20个县区义务教育优质均衡发展完成评估验收，增加优质特色普通高中招生计划1.76万个。")
    assert list(pledges("五是开放型经济全方位推进。成功举办第六届中国辽洽会。\n" + text, PUB)) == []



@pytest.mark.parametrize("text, value, unit", [
    ("“十五五”时期，劳动年龄人口平均受教育年限达到10.5年。", Decimal("10.5"), "年"),  # 甘肃
    ("“十五五”时期，人均预期寿命达到78岁。", Decimal("78"), "岁"),  # 甘肃
    ("“十五五”时期，人均受教育年限达到11.7年。", Decimal("11.7"), "年"),  # 宁夏
    ("“十五五”时期，人均预期寿命提高到80岁以上。", Decimal("80"), "岁"),  # 安徽
])
def test_years_and_ages_as_targets(text, value, unit):
    c = one(text, PUB)
    assert [(q.value, q.unit) for q in c.quantities] == [(value, unit)]
    assert c.deadline.date == dt.date(2030, 12, 31)


def test_an_age_limit_is_still_no_target():
    c = one("今年，为65岁以上老年人体检20万人次。", PUB)
    assert [q.unit for q in c.quantities] == ["万人次"]


@pytest.mark.parametrize("text, obj", [
    ("筹措7亿元实施就业惠民工程", "就业惠民"),  # 广西
    ("筹措280.44亿元实施社保惠民工程", "社保惠民"),  # 广西
    ("省级财政累计投入665亿元用于为民办实事项目", "为民办实事项目"),  # 福建 (review)
])
def test_a_sum_names_its_use(text, obj):
    assert obj in _object(text, 0, len(text), quantities(text))[0]


@pytest.mark.parametrize("text, obj", [
    ("养老机构护理型床位占比达到70%", "护理型床位占比"),  # 甘肃
    ("全社会研发投入占比6%以上", "占比"),  # 北京
])
def test_a_share_keeps_its_bi(text, obj):
    assert _object(text, 0, len(text), quantities(text))[0].endswith(obj)


# Rule inner_lead_inherits: a sentence inside the paragraph that opens with its time word leads the list
# after it. 山西 (2026 report, tests/extract/real/shanxi_minsheng_2026.txt) and 长安区 (2022 实事 page,
# tests/extract/real/changan_shishi_2022.txt, read without its title, which names the year too).
_SHANXI = ("悠悠万事，民生为大。今年再办好15件民生实事。一是为怀孕妇女提供免费产前筛查与诊断服务，做到应检尽检。"
           "二是对新生儿参加居民基本医保个人缴费部分给予全额补助。三是对上消化道癌高危人群开展内镜检查3万名。")
_CHANGAN = ("奋斗百年路,启航新征程。2022年,我们将继续把以人民为中心作为一切工作的出发点和落脚点,进一步提升百万长安人民的幸福指数。"
            "经区委区政府研究,拟从以下十个方面开展工作:一是加快基础教育提质培优。"
            "建成、改造长安十小、长安六中、太乙中心校等11所中小学及幼儿园硬件设施;")


@pytest.mark.parametrize("text, published, quote, date", [
    (_SHANXI, dt.date(2026, 2, 2), "内镜检查3万名", dt.date(2026, 12, 31)),
    (_CHANGAN, dt.date(2022, 1, 15), "11所中小学", dt.date(2022, 12, 31)),
])
def test_a_time_word_opening_a_later_sentence_leads_the_list_after_it(text, published, quote, date):
    (c,) = [c for c in pledges(text, published) if quote in c.quote]
    assert (c.deadline.date, c.deadline.inherited) == (date, True)



# _names_goals: a plan period before the goals it names (“十五五”发展目标) dates nothing. 湖北 and 福建
# (2026 reports, tests/extract/real/hubei_plan_2026.txt and fujian_plan_2026.txt).
_HUBEI = ("5.5%左右的预期增长目标与“十五五”发展目标总体衔接，与湖北经济增长潜力基本吻合，与现实支撑条件基本匹配，"
          "是一个既积极有为又切实可行的目标，有利于确保“十五五”开好局、起好步，有利于为支点建设取得决定性进展打牢基础、争取主动。")
_FUJIAN = ("今年经济社会发展的主要预期目标是：全省地区生产总值增长5%左右，在实际工作中努力争取更好结果；城镇调查失业率控制在5%左右，"
           "城镇新增就业50万人；居民消费价格涨幅2%左右；居民收入增长与经济增长同步；粮食产量513万吨以上；"
           "完成国家下达的单位地区生产总值二氧化碳排放降低目标。这些目标充分考虑了为全国发展大局作贡献、为实现“十五五”规划目标打基础、"
           "为推动高质量发展留空间，既积极稳妥，又实事求是，经过努力是完全可以实现的。")


@pytest.mark.parametrize("text, quote, date", [
    (_HUBEI, "5.5%", None),  # alone, without the report around it, nothing else dates it
    (_FUJIAN, "513万吨", dt.date(2026, 12, 31)),  # the year its sentence opens with, not 2030
])
def test_a_plan_period_naming_goals_dates_nothing(text, quote, date):
    (c,) = [c for c in pledges(text, PUB) if quote in c.quote]
    assert c.deadline.date == date


# The rules below are held on the real passages themselves (tests/extract/real/), read whole with the
# publication date their gold records, so each assertion is on the extraction of a real document.
_REAL = Path(__file__).parent / "real"


@cache
def _passage(name: str):
    """The passage's candidates, read with its date, district and official as ``score.py --meta`` passes them."""
    return _COVERAGE.Document(f"tests/extract/real/{name}", *_META[name]).read().candidates


_META = {Path(d.path).name: (d.published, d.district, d.official) for d in _COVERAGE.documents()}


def _the(name: str, fragment: str):
    (c,) = [c for c in _passage(name) if fragment in c.quote]
    return c


def _read(name: str, published: str | None, **meta):
    """The document at ``name`` (under tests/extract/) read whole with its publication date (ISO, or None)."""
    from tracker.extract import extract_document

    return extract_document((Path(__file__).parent / name).read_text(encoding="utf-8"),
                            published=dt.date.fromisoformat(published) if published else None, **meta)


def _assert_found_by(name: str, published: str | None, fragment: str, found: bool, field: str, rule: str) -> None:
    """Whether a candidate of ``name`` quotes ``fragment`` is ``found``, and when it is, that ``rule`` decided its
    ``field`` for one of them."""
    hits = [c for c in _read(name, published).candidates if fragment in c.quote]
    assert bool(hits) is found, [c.quote for c in hits]
    if found:
        assert any(c.why_dict().get(field) == rule for c in hits), [c.why_dict() for c in hits]


def _dates_and_rules(name: str, published: str | None, fragment: str) -> set[tuple[str | None, str | None]]:
    """(deadline date, the rule that decided it) of every candidate of ``name`` whose quote holds ``fragment``."""
    hits = [c for c in _read(name, published).candidates if fragment in c.quote]
    assert hits, fragment
    return {(c.deadline.date.isoformat() if c.deadline.date else None, c.why_dict().get("deadline")) for c in hits}


# Rule voltage_class: a voltage class before the thing it classes (10千伏线路) is no quantity, and a clause
# with nothing else sizes nothing.
@pytest.mark.parametrize("name, fragment, raws, obj", [
    # 在39个村: the places of the work, not its object (work_after_its_places) nor a quantity (places_of_the_work)
    ("shexian_shishi_2025.txt", "10千伏线路16.66公里", ["16.66公里"], "线路"),
    ("shexian_shishi_2025.txt", "0.4千伏线路200公里", ["200公里"], "线路"),
    ("shexian_shishi_2025.txt", "改造规模10千伏线路8.46公里", ["8.46公里"], "线路"),
    ("changan_shishi_2022.txt", "建设香积变等4座110千伏变电站", ["4座"], "变电站"),
])
def test_a_voltage_class_is_no_quantity(name, fragment, raws, obj):
    c = _the(name, fragment)
    assert [q.raw for q in c.quantities] == raws and c.object == obj


def test_a_voltage_class_alone_is_no_pledge():
    assert not [c for c in _passage("shexian_shishi_2025.txt") if "对城区主干线路两侧10千伏线路" in c.quote]


# Rule level_then_rate: a clause of nothing but a growth rate (增长7%, 同比增长21%), no subject of its own, after the
# pledge that gives an indicator's level in the same sentence is that level's growth: one pledge, both quantities.
@pytest.mark.parametrize("name, published, fragment, raws, obj", [
    # 云霄县's work report, 2023 targets (real/short_pages/yunxiao_plan_2023.txt, batch W2: six targets so written)
    ("real/short_pages/yunxiao_plan_2023.txt", None, "地区生产总值达到236.6亿元,增长7%", ["236.6亿元", "7%"], "地区生产总值"),
    ("real/short_pages/yunxiao_plan_2023.txt", None, "固定资产投资达到171.6亿元,增长7%", ["171.6亿元", "7%"], "固定资产投资"),
    ("real/short_pages/yunxiao_plan_2023.txt", None, "地方一般公共预算收入突破10亿元,增长9.7%", ["10亿元", "9.7%"],
     "地方一般公共预算收入"),
    # 海拉尔区's work report of 2012-02-29, the year's targets (excerpts/hailar_targets_2012.txt)
    ("excerpts/hailar_targets_2012.txt", "2012-02-29", "地区生产总值达到240亿元，同比增长21%", ["240亿元", "21%"],
     "地区生产总值"),
    # the targets after it too: the 同比 of one target's rate does not turn the next into a result (paragraph_cue)
    ("excerpts/hailar_targets_2012.txt", "2012-02-29", "固定资产投资完成194亿元，同比增长25％", ["194亿元", "25％"],
     "固定资产投资"),
    # 海淀区 news of 2022-01-14 and 杭州 news of 2021-11-08 (real/: the gold joined here, CONTRACT.md)
    ("real/haidian_news_2022.txt", "2022-01-14", "GDP超过1万亿元，增长6%以上", ["1万亿元", "6%"], "GDP"),
    ("real/hangzhou_gdp_news_2021.txt", "2021-11-08", "杭州力争生产总值突破2.3万亿元，年均增长6%以上", ["2.3万亿元", "6%"],
     "生产总值"),
])
def test_a_rate_after_a_level_is_the_levels_growth(name, published, fragment, raws, obj):
    doc = _read(name, published)
    (c,) = [c for c in doc.candidates if fragment in c.quote]
    assert c.quote == fragment and [q.raw for q in c.quantities] == raws and c.object == obj
    assert dict(c.why)["quantities"] == "level_then_rate"


# A comparison with last year that is one target's rate (paragraph_cue, task_paragraph_of_report): the 同比 of a clause
# of nothing but a rate, right after a level reached by a verb and closed by a mark (…达到240亿元，同比增长21%；,
# …达到8400亿元、同比增长7%左右。), is that target's growth: it neither frames the clauses after it as results nor makes
# its paragraph look back. A bare statistic's comparison (no verb reaching the level) stays the paragraph's cue.
@pytest.mark.parametrize("text, one_target", [
    # 海拉尔区's work report of 2012-02-29, the year's targets (excerpts/hailar_targets_2012.txt)
    ("地区生产总值达到240亿元，同比增长21%；地方财政总收入达到20亿元", True),
    # 山西's 2026 report, its plan (real/shanxi_plan_later_2026.txt, batch AE)
    ("实施重点产业链高质量发展行动，省级重点产业链营收达到8400亿元、同比增长7%左右。聚焦13个产业集群", True),
    # 深圳 news of 2022 (real/shenzhen_greeting_news_2022.txt): a statistic, its level reached by no verb
    ("社会消费品零售总额8641.70亿元，同比增长11.8%；总量比2019年同期增长5.0%", False),
])
def test_a_rate_of_one_target_is_no_cue_for_its_paragraph(text, one_target):
    from tracker.extract.pledges.tense import _rate_of_one_target

    assert _rate_of_one_target(text, text.index("同比")) is one_target


def test_the_plan_after_a_rate_of_one_target_is_read():
    # 山西's plan: the sentence after 营收达到8400亿元、同比增长7%左右 is the plan's (missed before, batch AE's first reading)
    assert _the("shanxi_plan_later_2026.txt", "细分培育30条以上产业链").why_dict()["tense"] == "task_paragraph_of_report"
    # 海拉尔区's targets: the target after 地区生产总值达到240亿元，同比增长21%； stays a target
    doc = _read("excerpts/hailar_targets_2012.txt", "2012-02-29")
    assert [c for c in doc.candidates if "地方财政总收入达到20亿元" in c.quote]


# grade_floor_in_name (batch AE): a grade's floor written after the grade inside the counted noun (省级及以上, 二级及以上) is
# part of the noun, no hedge of the count: the object read forwards goes on through it.
@pytest.mark.parametrize("name, fragment, obj", [
    # 山西's 2026 report, its plan (batch AE): 省级 as first read
    ("real/shanxi_plan_later_2026.txt", "25—30家省级及以上企业技术中心", "省级及以上企业技术中心"),
    # 新疆's 2026 report, its review (excerpt): 二级 as read before
    ("excerpts/xinjiang_livelihood_review_2026.txt", "256家二级及以上公立医疗机构实现检查检验结果互认", "二级及以上公立医疗机构"),
])
def test_a_grade_floor_inside_the_counted_noun_stays_in_it(name, fragment, obj):
    assert fragment in (Path(__file__).parent / name).read_text(encoding="utf-8")
    assert _object(fragment, 0, len(fragment), quantities(fragment))[0] == obj


def test_a_grade_floor_in_a_plan_is_read_with_its_noun():
    assert _the("shanxi_plan_later_2026.txt", "25—30家省级及以上企业技术中心").object == "省级及以上企业技术中心"
    # the number after the noun: read backwards as before (河北 2026, its plan)
    assert _the("hebei_plan_2026.txt", "培育省级及以上绿色工厂100家").object == "绿色工厂"


# lexicon units (batch AE's second set): runs of trains are counted in 列 and 班次, quantities like 趟's kin.
@pytest.mark.parametrize("name, fragment, raw, unit", [
    # 河南's 2026 report, its plan (batch AE's second set): a bare 4000 as first read, no pledge
    ("real/henan_later_2026.txt", "推动中欧（亚）班列拓线扩量、开行4000班次", "4000班次", "班次"),
    # 辽宁's 2026 report, its review (batch L's passage): a bare 924 before
    ("real/liaoning_review_2026.txt", "中欧班列开行924列", "924列", "列"),
    # 陕西's 2026 report (excerpt), its review
    ("excerpts/shaanxi_report_2026.txt", "中欧班列（西安）开行6037列", "6037列", "列"),
])
def test_runs_of_trains_are_counted(name, fragment, raw, unit):
    assert fragment in (Path(__file__).parent / name).read_text(encoding="utf-8")
    (q,) = [q for q in quantities(fragment) if q.raw == raw]
    assert q.unit == unit


def test_a_plans_runs_of_trains_are_a_pledge_and_a_reviews_are_not():
    assert _the("henan_later_2026.txt", "开行4000班次").action == "开行"
    assert not [c for c in _passage("liaoning_review_2026.txt") if "924列" in c.quote]

# Rule comparison_in_a_target_list (tense.py, paragraph_cue): a comparison with last year inside a list of targets that a
# word of lexicon target_list_leads opens (力争, 确保, 目标是 …) is one target's, no past cue for the targets after it.
@pytest.mark.parametrize("name, published, fragment", [
    # 鄂城区's 2023 targets on 荆楚网's mirror page, traditional characters (followup/echeng2023_plan.txt, batch 7):
    # 力爭…、限上社零額同比增長15%以上、…15%以上,財政總收入達到20億元、增幅12%以上,市場主體實現增長60%以上 (lost before)
    ("followup/echeng2023_plan.txt", "2022-12-19", "財政總收入達到20億元"),
    ("followup/echeng2023_plan.txt", "2022-12-19", "增幅12%以上"),
    ("followup/echeng2023_plan.txt", "2022-12-19", "市場主體實現(xiàn)增長60%以上"),
    # 海拉尔区's 2012 report (excerpts/hailar_targets_2012.txt): 预期目标是：地区生产总值达到240亿元，同比增长21%；…
    ("excerpts/hailar_targets_2012.txt", "2012-02-29", "农民人均纯收入达到16892元，同比增长18％"),
])
def test_a_comparison_inside_a_list_of_targets_leaves_the_targets_after_it(name, published, fragment):
    doc = _read(name, published)
    (c,) = [c for c in doc.candidates if c.quote == fragment]
    assert dict(c.why)["tense"] == "paragraph_cue"


@pytest.mark.parametrize("text", [
    # 官渡区's review of the first half of 2023 (real/guandu_midyear_2023.txt) read as one line: 目标 is a noun there
    "2023年上半年,全区实现地区生产总值806亿元,同比增长3.2%,塌目标1.8个百分点;规模以上工业增加值同比增长10.1%,"
    "高于目标2.1个百分点;一般公共预算收入完成21.91亿元,同比增长1.3%,塌目标18.7个百分点。",
    # 深圳 news of 2022 (real/shenzhen_report_news_2022.txt): 计划 names the plan's sums, measured against last year
    "深圳2022年重大项目计划共安排项目883个，总投资35674.8亿元，同比增长26.2%，年度计划完成2241.3亿元，同比增长6.3%。",
])
def test_a_comparison_after_no_lead_of_targets_stays_a_result(text):
    assert not [c for c in pledges(text, dt.date(2023, 8, 31)) if "21.91亿元" in c.quote or "2241.3亿元" in c.quote]


# Rule investment_opens_its_use: a clause of nothing but an investment and the clause after it that opens
# with the verb of its use are one pledge.
@pytest.mark.parametrize("name, fragment, raws, action, obj", [
    ("longwen_news_2017.txt", "投资67亿元,实施服务业和工业项目38个", ["67亿元", "38个"], "实施", "服务业"),
    ("longwen_news_2017.txt", "投资24.4亿元,实施27个为民办实事", ["24.4亿元", "27个"], "实施", "为民办实事"),
    ("huangshan_eco_news_2011.txt", "黄山市计划总投资43.6亿元，大力实施生态环境保护工程", ["43.6亿元"], "实施",
     "生态环境保护"),
])
def test_an_investment_and_the_clause_of_its_use_are_one_pledge(name, fragment, raws, action, obj):
    c = _the(name, fragment)
    assert ([q.raw for q in c.quantities], c.action) == (raws, action) and c.object.startswith(obj)
    assert dict(c.why)["quantities"] == "investment_opens_its_use"


def test_a_next_clause_with_a_size_of_its_own_stays_apart():
    # 扬州 news, 2014: 总投资200亿元，完成建筑面积300万平米 are two pledges
    assert [q.raw for q in _the("yangzhou_news_2014.txt", "总投资200亿元").quantities] == ["200亿元"]
    assert [q.raw for q in _the("yangzhou_news_2014.txt", "建筑面积300万平米").quantities] == ["300万平米"]


# Rule invested_sum_verb: an investment with no verb before it is done by the verb of its use, else it is
# the act itself; the object is what that verb is done to (sum_for_a_use).
@pytest.mark.parametrize("name, fragment, action, obj", [
    ("huangshan_eco_news_2011.txt", "今年计划投资13000万元进行南源水电站建设", "投资", "南源水电站"),
    ("huangshan_eco_news_2011.txt", "2010年计划投资6.2亿元实施34个", "实施", "生态环境保护"),
    ("suzhou_gaoxin_news_2011.txt", "公司在科技城投资9000万元扩建二期工厂", "扩建", "二期工厂"),
    ("yangzhou_news_2014.txt", "总投资200亿元", "投资", None),
    ("longwen_news_2017.txt", "年度计划投资约7.2亿元", "投资", None),
])
def test_an_investment_is_done_by_the_verb_of_its_use(name, fragment, action, obj):
    c = _the(name, fragment)
    assert c.action == action and (obj is None or c.object.startswith(obj))
    assert dict(c.why)["action"] == "invested_sum_verb"


def test_an_investment_after_a_verb_keeps_that_verb():
    # 山东, 2026: 全年完成…能源投资2100亿元、水利投资900亿元: 完成 governs, 投资 is part of the object
    assert _the("shandong_plan_2026.txt", "能源投资2100亿元").action == "完成"


# Rule total_investment_clause: a trailing total investment sizes the pledge before it, once; the year's
# share after it is a pledge of its own.
@pytest.mark.parametrize("name, fragment, raws", [
    ("longwen_news_2017.txt", "将实施27个为民办实事项目,总投资约80.9亿元", ["27个", "80.9亿元"]),
    ("longwen_news_2017.txt", "年度计划投资约7.2亿元", ["7.2亿元"]),
])
def test_a_total_investment_sizes_the_pledge_before_it_once(name, fragment, raws):
    assert [q.raw for q in _the(name, fragment).quantities] == raws


# Lexicon additions (data, not rules): verbs of the actions list the real passages use, and 投入 as a verb
# that also names a thing (研发经费投入).
@pytest.mark.parametrize("name, fragment, action", [
    ("xizang_plan_2026.txt", "办好34项民生实事", "办好"),
    ("ningxia_minsheng_2026.txt", "重点办好45件民生实事", "办好"),
    ("shanxi_minsheng_2026.txt", "今年再办好15件民生实事", "办好"),
    ("longwen_news_2017.txt", "投建区第三实小等5所小学", "投建"),
    ("shanxi_minsheng_2026.txt", "维修养护农村供水工程1900处", "维修养护"),
    ("shexian_shishi_2025.txt", "维修更换农村37处的机泵", "维修更换"),
    ("suzhou_gaoxin_news_2011.txt", "首期兴建约10万平方米厂房", "兴建"),
])
def test_verbs_of_the_real_passages(name, fragment, action):
    assert _the(name, fragment).action == action


@pytest.mark.parametrize("name, fragment", [
    ("jiangsu_targets_2026.txt", "全社会研发经费投入年均增长7%左右"),
    ("gansu_targets_2026.txt", "全社会研发经费投入年均增长9.5%"),
    ("fujian_plan_2026.txt", "全社会研发经费投入增长10%左右"),
])
def test_an_input_is_part_of_what_grows(name, fragment):
    assert _the(name, fragment).object.endswith("研发经费投入")


# Rule nothing_named_after: a conjunction or a modal right after the number opens the next part, so the number's
# object is read before it.
@pytest.mark.parametrize("name, fragment, obj", [
    ("shexian_shishi_2025.txt", "铺设污水管网348米", "污水管网"),
    ("suzhou_gaoxin_news_2011.txt", "多线切割机500台将投入生产", "多线切割机"),
])
def test_what_opens_the_next_part_is_no_object(name, fragment, obj):
    assert _the(name, fragment).object.endswith(obj)


def test_a_modal_that_also_names_a_thing_stays_in_the_object():
    # 山东, 2026: 抓好赛得利纤维等3500多个拟竣工投产项目: 拟 opens the object's name (拟竣工投产项目)
    assert _the("shandong_plan_2026.txt", "3500多个拟竣工投产项目").object != "赛得利纤维"


# Rule headline_space_separates: a headline sets its clauses apart with a space.
@pytest.mark.parametrize("name, fragment, raws, qualifier", [
    ("xiangcheng_news_2016.txt", "芗城明年新增学位1.4万个", ["1.4万个"], None),
    ("xiangcheng_news_2016.txt", "力争8条道路建成通车", ["8条"], "力争"),
    ("longwen_news_2017.txt", "新增上万个学位", ["上万个"], None),
])
def test_a_headlines_space_separates_its_clauses(name, fragment, raws, qualifier):
    c = next(c for c in _passage(name) if c.quote.startswith(fragment) or c.quote.endswith(fragment))
    assert ([q.raw for q in c.quantities], c.qualifier) == (raws, qualifier) and " " not in c.quote


# Rule headline_time_ahead: a headline without a modal of intent states a pledge when a time still ahead comes before
# a count in the same clause of it (issue 9); a count before the time, or a time already over, states none.
@pytest.mark.parametrize("name, published, fragment, date", [
    # the page's only plan: its body is cut before the plans (东昌府区 news, 齐鲁网 2017-02-25)
    ("real/short_pages/dongchangfu_news_2017.txt", "2017-02-25", "今年新增教学班500个", "2017-12-31"),
    # 龙文四个领域补短板 到2020年新建4所公办幼儿园 (龙文区 news, 海峡导报 2017-09-08)
    ("real/short_pages/longwen_shortboard_news_2017.txt", "2017-09-08", "到2020年新建4所公办幼儿园", "2020-12-31"),
    # the year's target of 60亿元 (中关村 news, 北京商报 2011-06-20)
    ("real/zhongguancun_procurement_news_2011.txt", "2011-06-20", "今年60亿元政府采购任务", "2011-12-31"),
    # the programme's count, borderline (潍坊市 news, 齐鲁晚报 2013-01-08, batch Y)
    ("real/short_pages/weifang_shishi_news_2013.txt", "2013-01-08", "今年民生实事扩展到25件", "2013-12-31"),
])
def test_a_headline_with_a_time_ahead_states_its_pledge(name, published, fragment, date):
    doc = _read(name, published)
    at = doc.text.index(fragment)  # the headline's, the first on the page

    def headline(d):
        return [c for c in d.candidates if c.start <= at < c.end]

    found = headline(doc)
    assert found and found[0].deadline.date == dt.date.fromisoformat(date), [c.quote for c in doc.candidates]
    if date[:4] != published[:4]:  # a year named: read after it, the time is over and the headline states nothing
        assert not headline(_read(name, f"{int(date[:4]) + 1}-03-01"))


@pytest.mark.parametrize("name, published, heading", [
    # a count before the time: 2015年 dates the road after it, which has no count (四川 news, 2011)
    ("excerpts/sichuan_highway_news_2011.txt", "2011-03-25", "四川新建4条藏区公路2015年汶九高速建成"),
    # a question (国际金融报 on 杭州, 2021)
    ("real/hangzhou_gdp_news_2021.txt", "2021-11-08", "原标题：杭州今年GDP能破2万亿吗"),
    # a sub-heading inside the body restates the paragraph under it (深圳 news, 2022)
    ("real/shenzhen_report_news_2022.txt", "2022-04-12", "2022年重大项目共安排883个，年度社会投资占比74.3%"),
])
def test_a_headline_time_ahead_needs_the_pages_headline_and_a_count_after_it(name, published, heading):
    doc = _read(name, published)
    at = doc.text.index(heading)
    assert not [c.quote for c in doc.candidates if at <= c.start < at + len(heading)]


def test_a_total_word_is_a_qualifier_not_an_object():
    # 山西, 2026: 资助残疾人大学生和困难残疾人家庭子女大学生，合计6300名 (qualifiers.txt: 合计, as 累计)
    c = _the("shanxi_minsheng_2026.txt", "合计6300名")
    assert c.qualifier == "合计" and c.object != "合计"


# Rule verb_inside_noun: a noun that holds a verb of the lexicon (lexicon verb_hiding_nouns) is read whole, so
# neither the verb inside it nor one that begins inside it is the act.
@pytest.mark.parametrize("name, fragment, action", [
    ("putuo_sponge_2025.txt", "本区建成区40%以上面积达到海绵城市建设目标要求", "达到"),
    ("putuo_sponge_2025.txt", "本区建成区80%以上面积达到海绵城市建设目标要求", "达到"),
    ("shaanxi_industry_2026.txt", "402万千瓦机组建成投运", "建成投运"),
])
def test_a_verb_inside_a_noun_is_no_act(name, fragment, action):
    assert _the(name, fragment).action == action


# act20, lexicon verb_hiding_nouns: the name of an indicator (研发投入, 研发经费投入) and of investment promotion (招商引资)
# hold a verb of the lexicon that is no act. A level named so takes no act (indicator_level_no_verb: the gold of both
# reads none); a growth of it keeps 增长 alone (not 投入增长); 招商引资项目 is the subject of the clause's own verb.
@pytest.mark.parametrize("name, fragment, action, object_", [
    ("beijing_targets_2026.txt", "全社会研发投入占比6%以上", None, "全社会研发投入占比"),  # 北京 2026: 投入 before
    ("jiangsu_targets_2026.txt", "全社会研发投入强度3.42%左右", None, "全社会研发投入强度"),  # 江苏 2026: 投入 before
    ("fujian_plan_2026.txt", "全社会研发经费投入增长10%左右", "增长", "全社会研发经费投入"),  # 福建 2026: 投入增长 before
    ("jilin_review_plan_2026.txt", "全社会研发经费投入增长10%以上", "增长", "全社会研发经费投入"),  # 吉林 2026
    ("xizang_targets_2026.txt", "确保招商引资项目完成固定资产投资220亿元", "完成", "固定资产投资"),  # 西藏 2026: 招商 before
    ("shitai_tea_news_2011.txt", "江浙招商引资客商约100余人", "邀请", "江浙招商引资客商"),  # 石台县 news: 引资客商 before
])
def test_a_verb_inside_an_indicators_or_a_programmes_name_is_no_act(name, fragment, action, object_):
    c = _the(name, fragment)
    assert (c.action, c.object) == (action, object_)


# act20, indicator_level_no_verb with lexicon level_heads: an output level (产量, 生产能力) named right before its number
# with no verb of its own states the level, no act; a verb of its own stays (新增天然气产量, 粮食产量稳定在).
@pytest.mark.parametrize("name, fragment, action", [
    ("heilongjiang_targets_2026.txt", "粮食产量1600亿斤以上", None),  # 黑龙江 2026: 增长 of the clause before
    ("fujian_plan_2026.txt", "粮食产量513万吨以上", None),  # 福建 2026
    ("liaoning_targets_2026.txt", "粮食综合生产能力526亿斤左右", None),  # 辽宁 2026
    ("shaanxi_industry_2026.txt", "新增天然气产量10亿方以上", "新增"),  # 陕西 2026
    ("gansu_plan_2026.txt", "粮食产量稳定在1300万吨以上", "稳定"),  # 甘肃 2026
])
def test_an_output_level_takes_no_act_but_its_own(name, fragment, action):
    c = _the(name, fragment)
    assert c.action == action
    if action is None:
        assert c.why_dict()["action"] == "indicator_level_no_verb"


# act20, indicator_level_no_verb: a conjunct after 、 that states a share (占…, 占…比重) with no verb of its own takes
# none of its sibling's (the gold of both: none); a rate's level after a sibling's verb keeps it (西藏: 保持, the gold's).
@pytest.mark.parametrize("name, fragment, action", [
    ("shenzhen_targets_news_2022.txt", "占地方生产总值比重16%左右", None),  # 深圳 news: 达到 of 增加值将达到… before
    ("hainan_plan_2026.txt", "对共建“一带一路”国家投资占50%以上", None),  # 海南 2026: 增长 of 投资增长10% before
    ("xizang_plan_2026.txt", "市场就业率70%以上", "保持"),  # 西藏 2026: 应届高校毕业生就业率保持95%以上、…
])
def test_a_share_conjunct_takes_no_act_of_its_sibling(name, fragment, action):
    c = _the(name, fragment)
    assert c.action == action
    if action is None:
        assert c.why_dict()["action"] == "indicator_level_no_verb"


# act20, lexicon actions.txt: 迈上 (…台阶) is the act of its figure; while the lexicon lacked it, none (海淀区 news, 2022:
# the gold's 迈上) or the verb of an earlier clause (吉林 2026: 实现 of …2030年前碳达峰目标如期实现) was read.
# act20, lexicon verb_hiding_nouns: a verb written against a noun of scope or of measures (实施范围, 支持措施) names them;
# the clause's own verb is the act (南京 news, 2011: 覆盖, not 实施; 北京 2026: 实施, not 支持 after the number).
@pytest.mark.parametrize("name, fragment, action", [
    ("nanjing_news_2011.txt", "南京市协议供货网上竞价实施范围也将覆盖全市各级政府机关和事业单位共1200多家", "覆盖"),
    ("beijing_demand_2026.txt", "实施住房保障、创业服务等十条支持措施", "实施"),
])
def test_a_verb_naming_a_scope_or_measures_is_no_act(name, fragment, action):
    assert _the(name, fragment).action == action


# act20, lexicon actions.txt: 认证 (certifying products or firms) and 入规 (firms entering the statistics above scale) are
# the acts of their 2026 plan pledges; while the lexicon lacked them, an earlier clause's or a sibling's verb was read
# (打造, 壮大, 扶持, 新增) and the verb stood in the object (认证蒙字标企业, 入规工业企业). Excerpts of 内蒙古's, 安徽's and
# 甘肃's reports (excerpts/sources.json).
@pytest.mark.parametrize("name, fragment, action, object_", [
    ("neimenggu_energy_farming_2026.txt", "新认证“蒙”字标企业30家以上", "认证", "蒙字标企业"),  # 打造 of the clause before
    ("anhui_villages_2026.txt", "新认证绿色、有机、名特优新农产品1000个以上", "认证", None),  # 壮大 of the clause before
    ("neimenggu_energy_farming_2026.txt", "新入规加工企业20家以上", "入规", "加工企业"),  # 新增 of the sibling before
    ("gansu_industry_upgrade_2026.txt", "力争新入规工业企业400户以上", "入规", "工业企业"),  # 扶持 of the clause before
])
def test_certifying_and_entering_the_statistics_are_acts(name, fragment, action, object_):
    (c,) = [c for c in _read_excerpt(name).candidates if fragment in c.quote]
    assert c.action == action
    assert object_ is None or c.object == object_


# act20, lexicon actions.txt: 提质升级 (upgrading) is the act of its plan pledges, written after the count (…10个传统产业
# 提质升级) or before it (提质升级基础教育优质学位9万个); while the lexicon lacked it, none or an earlier clause's 建设 was read
# and the verb stood in the object. Excerpts of 河南's and 黑龙江's reports.
@pytest.mark.parametrize("name, fragment, object_", [
    ("henan_green_2026.txt", "加快钢铁、煤炭、有色等10个传统产业提质升级", "传统产业"),  # none before
    ("heilongjiang_report_2026.txt", "提质升级基础教育优质学位9万个", "基础教育优质学位"),  # 建设 of the clause before
])
def test_upgrading_is_the_act(name, fragment, object_):
    (c,) = [c for c in _read_excerpt(name).candidates if fragment in c.quote]
    assert (c.action, c.object) == ("提质升级", object_)


# act20, lexicon actions.txt: 做大做强 and 做强做优 (growing an industry) are the acts of their plan pledges; while the
# lexicon lacked them, none or an earlier clause's 支持 was read. Excerpts of 山西's and 青海's reports.
@pytest.mark.parametrize("name, fragment, action", [
    ("shanxi_county_towns_2026.txt", "做强做优1—2个主导产业", "做强做优"),  # 支持 of the clause before
    ("qinghai_regions_2026.txt", "做大做强1—2个主导产业", "做大做强"),  # none before
])
def test_growing_an_industry_is_the_act(name, fragment, action):
    (c,) = [c for c in _read_excerpt(name).candidates if fragment in c.quote]
    assert (c.action, c.object) == (action, "主导产业")


# act20, finishing_after_the_profile: a project's profile (its total investment, its sizes), with no verb of its own,
# is done by the building or finishing its sentence says is ahead (预计…交付使用, 将于…建成, 预计…竣工), as the gold of each
# reads; a sum put to a use keeps its verb (投资9000万元扩建二期工厂: 扩建).
@pytest.mark.parametrize("name, published, fragment, action", [
    ("real/short_pages/taixing_sports_centre_news_2010.txt", None, "总建筑面积为38633平方米,总投资约2亿元", "交付使用"),  # 泰兴市
    ("real/short_pages/minhou_museum_news_2012.txt", None, "项目总投资约9800万元", "建成"),  # 闽侯县: 将于2013年底建成投入
    ("real/liunan_township_2021.txt", "2021-07-01", "总投资1.76亿元，占地面积7.65万平方米", "竣工"),  # 柳南乡
    ("real/suzhou_gaoxin_news_2011.txt", "2011-03-29", "公司在科技城投资9000万元扩建二期工厂", "扩建"),  # 苏州高新区: a use
])
def test_a_profile_is_done_by_the_work_ahead_in_its_sentence(name, published, fragment, action):
    assert [c.action for c in _read(name, published).candidates if fragment in c.quote] == [action]


# act20, act_of_a_joined_profile: a profile's attributes joined into one pledge (project_attributes_join) after its act
# was read on the first piece alone, that piece naming none, take the work ahead in their sentence, else 投资 where the
# joined words end on an investment's sum; the gold of each names it.
@pytest.mark.parametrize("name, published, fragment, action, rule_id", [
    ("real/qingdao_traffic_news_2011.txt", "2011-04-25", "其中青岛段主线长89公里，总投资71亿元", "开工建设",
     "finishing_after_the_profile"),  # 青岛 news: …计划今年开工建设 (gold 建设)
    ("real/short_pages/qichun_library_news_2015.txt", None, "县文化馆总建筑面积7046平方米,计划总投资3500万元", "投资",
     "invested_sum_verb"),  # 蕲春县 news: none before
    ("real/short_pages/qichun_library_news_2015.txt", None, "县图书馆总建筑面积7942平方米,计划总投资3500万元", "投资",
     "invested_sum_verb"),
])
def test_a_joined_profile_takes_the_act_of_its_words(name, published, fragment, action, rule_id):
    (c,) = [c for c in _read(name, published).candidates if fragment in c.quote]
    assert (c.action, c.why_dict()["action"]) == (action, rule_id)


def test_stepping_up_to_a_level_is_the_act():
    assert _the("haidian_news_2022.txt", "经济总量首次迈上1万亿元大台阶").action == "迈上"
    assert [c.action for c in _read_excerpt("jilin_frames_2026.txt").candidates
            if "粮食综合生产能力迈上1000亿斤新台阶" in c.quote] == ["迈上"]


# Rule work_noun_keeps_generic_verb: 建设 after the number names the work as the object's last word, so the generic
# verb before the number (推进, 启动) stays the act; a verb of doing after the number (新建、改扩建工程) still takes over.
@pytest.mark.parametrize("name, fragment, action", [
    ("songjiang_renewal_2025.txt", "推进144个“15分钟”社区生活圈建设项目", "推进"),
    ("songjiang_renewal_2025.txt", "推进5个“美丽街区”建设", "推进"),
    ("longwen_news_2017.txt", "龙文区将全力推进187个重点项目开发建设", "推进"),
    ("hailar_list_2012.txt", "两个核心旅游景区二期建设", "启动"),
    ("jilin_minsheng_2026.txt", "实施100条客运班线公交化改造", "改造"),
])
def test_a_work_noun_keeps_the_generic_verb(name, fragment, action):
    assert _the(name, fragment).action == action


# Lexicon actions.txt: a clause's own verb of doing (开发, 扩大, 研究, 设置, 增建, 补建, 进入) is its act; while the
# lexicon lacked it, an earlier clause's verb was taken (开发城镇公益性岗位5000个 read 实施). Nouns holding one
# (开发区, 研究院, 开发任务) are read whole (userdict.txt, verb_hiding_nouns.txt).
@pytest.mark.parametrize("name, fragment, action", [
    ("ningxia_minsheng_2026.txt", "开发城镇公益性岗位5000个", "开发"),
    ("suzhou_gaoxin_news_2011.txt", "公司计划总投资2.31亿元扩大核电关键阀门生产能力", "扩大"),
    ("qingdao_traffic_news_2011.txt", "今后五年市交通运输委将重点研究6个公路枢纽立交", "研究"),
    ("fengxian_shelters_2022.txt", "设置社区应急避难场所避难面积204.75万平方米", "设置"),
    ("jingan_fire_2019.txt", "补建市政消火栓169具", "补建"),
    ("nanjing_news_2011.txt", "又有7类产品将进入网上竞价系统", "进入"),
])
def test_a_clauses_own_verb_of_doing_is_its_act(name, fragment, action):
    assert _the(name, fragment).action == action


# Lexicon actions.txt (action6): the literal verb the gold reads (扩充, 纳入, 组织, 出列, 存栏, 确定, 续建); while the lexicon
# lacked it, an earlier clause's verb (开展, 扩大, 实现) or none was read. 有组织 (verb_hiding_nouns.txt) says how, no act.
@pytest.mark.parametrize("name, fragment, action", [
    ("qinghai_minsheng_2026.txt", "扩充初高中学位1.4万个以上", "扩充"),
    ("changshun_targets_2017.txt", "将41种慢病门诊费用纳入大病保险", "纳入"),
    ("changshun_targets_2017.txt", "每年组织不少于10名县级人才", "组织"),
    ("changshun_targets_2017.txt", "11个贫困村出列", "出列"),
    ("changshun_targets_2017.txt", "到2019年肉鸭存栏500万羽", "存栏"),
    ("liaoning_targets_2026.txt", "确定4.5%左右的增长目标", "确定"),
    ("shenzhen_report_news_2022.txt", "续建项目539个", "续建"),
    ("shanxi_minsheng_2026.txt", "快递单量达1000单以上的经营主体进行补助", "补助"),
    ("changshun_targets_2017.txt", "针对4类重点危房对象按照一级补助3.5万元/户", "补助"),
    ("songjiang_renewal_2025.txt", "落实海绵城市达标区面积占建成区50%的目标要求", "落实"),
])
def test_a_literal_verb_of_the_lexicon_is_the_act(name, fragment, action):
    assert _the(name, fragment).action == action


def test_organised_says_how_it_is_no_act():
    # 青海, 2026: 力争有组织有规模外出就业25万人次以上
    assert _the("qinghai_minsheng_2026.txt", "有组织有规模外出就业25万人次以上").action != "组织"


@pytest.mark.parametrize("name, fragment, obj", [
    ("yangzhou_news_2014.txt", "完成2平方公里核心区开发任务", "核心区开发任务"),
])
def test_a_noun_holding_a_new_verb_stays_whole(name, fragment, obj):
    assert _the(name, fragment).object.endswith(obj)


# Lexicon actions.txt: tendering (招标, 招投标) is the act of a plan that puts projects out to tender.
@pytest.mark.parametrize("name, fragment, action", [
    ("hefei_plans_news_2011.txt", "7个项目进行全球招标", "招标"),
    ("nanning_sand_news_2011.txt", "分5个标段实行招投标", "招投标"),
])
def test_tendering_is_the_act(name, fragment, action):
    assert _the(name, fragment).action == action


# Rule head_after_modifier: a noun phrase before 的 (no predicate in it) is what the number counts, not the head after.
@pytest.mark.parametrize("name, fragment, obj", [
    ("suzhou_gaoxin_news_2011.txt", "新增年产1.62亿片硅片的生产规模", "硅片"),
    ("yangzhou_news_2014.txt", "50亿税收", "税收"),
    ("shexian_shishi_2025.txt", "有效提高城区4万户用热居民的供热安全", "用热居民"),
])
def test_a_noun_phrase_before_de_is_what_the_number_counts(name, fragment, obj):
    assert _the(name, fragment).object.endswith(obj)


# Rule dateline_dates_nothing: a web page's dateline (2011年10月11来源：) leads nothing with a deadline.
@pytest.mark.parametrize("name, fragment", [
    ("hefei_plans_news_2011.txt", "7个项目进行全球招标"),
    ("nanning_sand_news_2011.txt", "分5个标段实行招投标"),
])
def test_a_pages_dateline_is_no_deadline(name, fragment):
    c = _the(name, fragment)
    assert c.deadline.raw is None and c.deadline.date is None


# Rule programme_span_dates_its_clause: the span of years in a programme's name (三年行动, 三年行动计划) dates that
# programme's clause only, not the later clauses of its sentence.
@pytest.mark.parametrize("name, fragment, date", [
    ("tianjin_minsheng_2026.txt", "新建改扩建中小学10所", None),  # after 推动教育强国建设三年行动计划综合改革试点，
    ("tianjin_minsheng_2026.txt", "新增学位1.7万个", None),
    ("guangxi_minsheng_2026.txt", "筹措890.59亿元实施十大为民办实事工程项目", None),  # after 深入推进“暖心民政”三年行动，
    # after 根据嘉定区违法用地综合整治三年行动工作方案（2024－2026），: the plan's year from its heading, not 三年
    ("jiading_landfix_2026.txt", "我区三年应累计完成5800亩存量违法用地整治", dt.date(2026, 12, 31)),
])
def test_a_programmes_span_dates_only_its_own_clause(name, fragment, date):
    c = _the(name, fragment)
    assert c.deadline.date == date and c.deadline.raw != "三年"


# Rule new_inside_name: 新 between words of a name, before a noun, stays in the object.
@pytest.mark.parametrize("name, fragment, obj", [
    ("shanghai_plan_2026.txt", "培育打造20个融合性服务消费新场景", "服务消费新场景"),
    ("shandong_plan_2026.txt", "3个新业态新模式新场景消费试点作用", "消费试点"),
])
def test_new_inside_a_name_stays_in_the_object(name, fragment, obj):
    assert obj in _the(name, fragment).object


# _in_context: a relative word with no year (全年) in a paragraph that names none takes the later year an earlier
# paragraph of the section opens with (a news item of late December on next year's plan).
@pytest.mark.parametrize("name, fragment, date", [
    ("longwen_news_2017.txt", "全年新开工77个", dt.date(2018, 12, 31)),
    ("longwen_news_2017.txt", "竣工63个", dt.date(2018, 12, 31)),
])
def test_a_relative_word_takes_the_year_of_an_earlier_lead(name, fragment, date):
    assert _the(name, fragment).deadline.date == date
# 北京市 news of 2011-07-04 (likgjava/eb, webapp/view/staticpags/sqzx/ff80808130db80a70130f2a2895e0a7a.jsp, commit
# f8538e3d04bed1f4b1ed203f3e45f6df3f001096, characters 1290–1344 and 1947–2032): the second document of payment_rate
# (its first two are 头桥街道's plan and 襄阳市's news, tests/extract/test_rule_examples.py)
_BEIJING_SOLAR = [
    "新建两限房、普通商品房和现有住房大规模安装太阳能的，政府将给予补助，标准按照集热器面积200元/平方米补贴。",
    "在资金补助方式及标准上，对于符合申报条件的前100万平方米太阳能集热器的项目业主单位，由北京市发展改革委、"
    "北京市住建委按实际安装集热器面积给予200元/平方米的资金补助。",
]


@pytest.mark.parametrize("sentence", _BEIJING_SOLAR)
def test_a_rate_paid_per_unit_is_a_standing_rule(sentence):
    from tracker.extract import extract_document

    doc = extract_document("北京将投2亿推广太阳能热水\n" + sentence, published=dt.date(2011, 7, 4))
    assert not [c for c in doc.candidates if "200元" in c.quote]
    assert [p for s, e, p, t in doc.declined if "200元" in doc.text[s:e]] == ["payment_rate"]


def test_a_rate_that_is_a_target_stays_a_pledge():
    """全员劳动生产率达58万元/人左右 (北京, 2026): a rate with no cap and no basis is a target."""
    (c,) = [c for c in pledges("主要预期目标是：全员劳动生产率达58万元/人左右。", PUB)]
    assert c.quantities[0].raw == "58万元/人"


@pytest.mark.parametrize("text, raw", [
    ("力争工业总产值迈上千亿台阶。", "千亿"),  # 天长市 2016's review says 工业总产值迈上千亿台阶 of the past; here ahead
    ("今年将打造百亿级新材料产业集群。", "百亿级"),  # seeds/000
])
def test_a_magnitude_of_a_level_or_a_class_stays_a_quantity(text, raw):
    """magnitude_as_epithet reads 千亩包菜, 百万长安人民, 千万吨炼化 as epithets, not a level reached or a class."""
    (c,) = pledges(text, PUB)
    assert c.quantities[0].raw.startswith(raw)


# Rule time_clause_verb: a verb before 后 says when, it is no act of the pledge.
@pytest.mark.parametrize("name, fragment, action", [
    ("suzhou_gaoxin_news_2011.txt", "投产后预计实现年销售收入3000万元", "实现"),
    ("suzhou_gaoxin_news_2011.txt", "二期600MW项目投产后将形成新增年产1.62亿片硅片的生产规模", "形成新增"),
    # 项目投产后，计划60%的产品供国内市场: the clause before says when, and no act of the lexicon is left
    ("liuhe_energy_2022.txt", "计划60%的产品供国内市场", None),
])
def test_a_verb_of_a_time_clause_is_no_act(name, fragment, action):
    assert _the(name, fragment).action == action


# Rule measure_names_its_thing (lexicon measure_heads): a noun of measure (面积, 存栏数) after the thing it measures and a
# verb or 总 saying which measure reads them into the object, not 面积 alone.
@pytest.mark.parametrize("name, fragment, obj", [
    ("changshun_targets_2017.txt", "绿壳蛋鸡总存栏数达到1000万羽", "绿壳蛋鸡总存栏数"),
    ("changshun_targets_2017.txt", "发展刺梨种植面积达到9.5万亩", "发展刺梨种植面积"),
    ("liunan_township_2021.txt", "种植面积稳定在2000亩左右", "种植面积"),
])
def test_a_measure_names_what_it_measures(name, fragment, obj):
    assert _the(name, fragment).object == obj


# Rule aside_inside_name: an aside in brackets inside a name, the name going on after it, is read past and kept as written.
@pytest.mark.parametrize("name, fragment, obj", [
    ("shexian_shishi_2025.txt", "对全县17所乡(镇)中心幼儿园全面提档升级", "乡(镇)中心幼儿园"),
    ("hongkou_chargers_2026.txt", "2026年虹口区为老旧小区内既有的40个电动自行车集中充电（停放）场所加装消防设施的", "电动自行车集中充电（停放）场所"),
])
def test_an_aside_inside_a_name_stays_in_it(name, fragment, obj):
    found = [c.object for c in _passage(name) if fragment in c.quote]  # 虹口区: the title, twice
    assert found and set(found) == {obj}


def test_a_verb_before_the_name_is_no_part_of_it():
    # 上海, 2026: 落实公共建筑节能改造600万平方米 (lexicon actions: 落实; the object no longer begins with it)
    assert _the("shanghai_eco_minsheng_2026.txt", "落实公共建筑节能改造600万平方米").object == "公共建筑节能"


@pytest.mark.parametrize("text, kept", [
    # items_of_a_standard: the items of a standard raised are no deliverable
    ("健全分层分类社会救助体系，提高残疾人两项补贴标准。", []),  # 山西
    # ...but standards to be made are (a verb of lexicon standard_making_verbs before the count)
    ("实施“海南鲜品”品牌提升行动，制定首批5项核心团体标准，完成首批试点产品认证，全产业链支持品牌打造。",
     ["制定首批5项核心团体标准"]),  # 海南 (ad4c815, output/2026_raw_text/2026_海南省_政府工作报告.csv)
])
def test_a_standard_made_counts_standards_a_standard_raised_counts_none(text, kept):
    assert [c.quote for c in pledges("今年，" + text, PUB)] == kept


# cues.elapsed_part_of_year: a half or a quarter of a year that ended before the text was published (今年上半年 in
# August) frames what was done in it, as 前三季度 and 1-9月 do; one still ahead, or a time inside a modifier, does not.
@pytest.mark.parametrize("sentence, published, over", [
    # 泗县 news of 2022-08-17 (real/sixian_housing_news_2022.txt)
    ("今年上半年，全县GDP完成146.7亿元，按可比价格计算，同比增长2.9%", "2022-08-17", True),
    # 无锡日报 news of 2011-07-25 (excerpts/wuxi_halfyear_news_2011.txt)
    ("上半年我市政府采购规模达83亿余元，为历年同期最高!", "2011-07-25", True),
    # the same words in a text of January: the half is still ahead
    ("今年上半年，全县GDP完成146.7亿元", "2022-01-20", False),
    ("上半年完成的项目", "2022-08-17", False),
])
def test_a_part_of_the_year_already_over_looks_back(sentence, published, over):
    from tracker.extract.deadlines import find_deadlines
    from tracker.extract.pledges.cues import elapsed_part_of_year

    pub = dt.date.fromisoformat(published)
    (m,) = [m for m in find_deadlines(sentence, pub) if "半年" in m.deadline.raw or "季度" in m.deadline.raw]
    assert elapsed_part_of_year(sentence, m, pub) is over


@pytest.mark.parametrize("name, published, fragments", [
    ("real/sixian_housing_news_2022.txt", "2022-08-17", ["全县GDP完成146.7亿元"]),
    ("excerpts/wuxi_halfyear_news_2011.txt", "2011-07-25", ["上半年我市政府采购规模达83亿余元", "仅今年上半年就首购了850台"]),
])
def test_figures_of_a_part_of_the_year_already_over_are_no_pledges(name, published, fragments):
    doc = _read(name, published)
    assert not [c.quote for c in doc.candidates if any(f in c.quote for f in fragments)]


# cues.estimate_of_a_year_over: 预计 whose sentence names, as its nearest year before it, a year already over when
# the text was published estimates a result (its cue looks back); under a year ahead, or with no year, it looks ahead.
@pytest.mark.parametrize("sentence, published, estimate, over", [
    # 海淀区 news of 2022-01-14 (real/haidian_news_2022.txt): the year over frames the parts after a semicolon too
    ("根据海淀区2022年政府工作报告，2021年GDP预计增至9500亿元，按照2022年GDP预期增长6%以上的速度", "2022-01-14", 0, True),
    ("2021年，高新技术企业收入预计3.4万亿元，增长14%；软件和信息服务业收入预计1.3万亿元，五年年均增长17%。", "2022-01-14", 1, True),
    ("当时媒体报道称，海淀区“预计到2023年，经济总量首次迈上1万亿元大台阶", "2022-01-14", 0, False),
    # 海拉尔区's report of 2012-02-29 (excerpts/hailar_review_2012.txt)
    ("2011年，地区生产总值完成198.5亿元，同比增长22.3%；社会消费品零售总额预计完成84亿元，预计同比增长19.2%。",
     "2012-02-29", 1, True),
    # 思明区 news of January 2020 (real/siming_report_news_2020.txt, retired): the 2020 plan's line, no year in it
    ("2020年要这么做\n学位\n新增及柔性释放学位共3820个\n预计新增幼儿园学位990个", "2020-01-01", 0, False),
])
def test_an_estimate_under_a_year_over_looks_back(sentence, published, estimate, over):
    from tracker.extract.numbers import find_numbers
    from tracker.extract.pledges.cues import estimate_of_a_year_over

    pub = dt.date.fromisoformat(published)
    years = [(t.start, t.value < pub.year) for t in find_numbers(sentence) if t.kind == "year" and t.value is not None]
    pos = [i for i in range(len(sentence)) if sentence.startswith("预计", i)][estimate]
    assert estimate_of_a_year_over(sentence, pos, years) is over


@pytest.mark.parametrize("name, published, fragments", [
    ("real/haidian_news_2022.txt", "2022-01-14",
     ["2021年GDP预计增至9500亿元", "高新技术企业收入预计3.4万亿元", "五年年均增长13.1%", "累计新增国家高新技术企业4504家"]),
    ("excerpts/hailar_review_2012.txt", "2012-02-29", ["社会消费品零售总额预计完成84亿元", "预计同比增长19.2%"]),
])
def test_figures_estimated_for_a_year_over_are_no_pledges(name, published, fragments):
    doc = _read(name, published)
    assert not [c.quote for c in doc.candidates if any(f in c.quote for f in fragments)]
    declined = [doc.text[s:e] for s, e, p, t in doc.declined if p == "looks_back"]
    assert all(any(f in d for d in declined) for f in fragments)


# cues.estimate_of_the_year_ending (lexicon year_end_estimates): in a text dated in December, 预计 followed by the whole
# year or its end (全年, 到年末 …) estimates the year's result, as a report delivered before its year closes reviews it;
# the same words in a text dated earlier in the year still look ahead.
@pytest.mark.parametrize("name, published, fragments", [
    # 舟曲县's report of 2022-12-28: 2022年工作回顾, 今年以来，…。预计全年实现地区生产总值32.37亿元、增长3.5%，…
    ("real/short_pages/zhouqu_review_2023.txt", "2022-12-28",
     ["预计全年实现地区生产总值32.37亿元", "实现社会消费品零售总额4.89亿元", "完成固定资产投资15.1亿元",
      "城乡居民人均可支配收入达30730元、10611元", "金融机构存贷款余额82.51亿元和45.06亿元"]),
    # 建平县's report of 2018-12-22: 2018年是本届政府的开局之年，…。预计到年末，全县地区生产总值完成115亿元，同比增长7%；…
    ("real/short_pages/jianping_review_2018.txt", "2018-12-22",
     ["全县地区生产总值完成115亿元", "固定资产投资完成38.1亿元", "农村常住居民人均可支配收入完成12833元"]),
])
def test_an_estimate_of_the_year_ending_in_december_is_no_pledge(name, published, fragments):
    doc = _read(name, published)
    assert not [c.quote for c in doc.candidates if any(f in c.quote for f in fragments)]
    earlier = _read(name, published[:5] + "06-30")  # the same words in June: the year is ahead, the estimate a target
    assert [f for f in fragments if any(f in c.quote for c in earlier.candidates)]


# deadlines: 的 between a year word and its date (明年的6月1日) joins them into one date.
@pytest.mark.parametrize("sentence, published, raw, date", [
    # 广州 news of 2014-06-30 (real/guangzhou_parks_news_2014.txt, retired: a vice mayor's promise)
    ("市政府承诺，这5个儿童公园必须在明年的6月1日之前开放。", "2014-06-30", "明年的6月1日之前", dt.date(2015, 6, 1)),
    # 中储棉's purchases (excerpts/cotton_reserve_news_2011.txt, 2011-08-31)
    ("预计棉花收储将在9月1日正式启动，持续到明年的3月31日。", "2011-08-31", "明年的3月31日", dt.date(2012, 3, 31)),
])
def test_a_year_and_its_date_joined_by_de_are_one_date(sentence, published, raw, date):
    from tracker.extract.deadlines import find_deadlines

    found = [(m.deadline.raw, m.deadline.date) for m in find_deadlines(sentence, dt.date.fromisoformat(published))]
    assert (raw, date) in found


def test_a_promise_by_next_years_date_is_dated_so():
    from tracker.extract import extract_document

    text = (Path(__file__).parent / "real" / "guangzhou_parks_news_2014.txt").read_text(encoding="utf-8")
    doc = extract_document(text, published=dt.date(2014, 6, 30))
    (c,) = [c for c in doc.candidates if "必须在明年的6月1日之前开放" in c.quote]
    assert c.deadline.date == dt.date(2015, 6, 1)


# The frame of a plan item with no time word of its own (docs/rules.md, 时限的框架): the heading or lead naming the
# year's work above it, several paragraphs above too, dates it (list_lead_inherits walks back over the section's
# paragraphs, then the headings); a passage cut below that heading shows nothing that dates it, and the item has none.
_EXCERPTS = Path(__file__).parent / "excerpts"


def _read_excerpt(name):
    from tracker.extract import Official, extract_document

    src = {d["file"]: d for d in json.loads((_EXCERPTS / "sources.json").read_text(encoding="utf-8"))["docs"]}[name]
    official = src.get("official")
    return extract_document((_EXCERPTS / name).read_text(encoding="utf-8"),
                            published=dt.date.fromisoformat(src["published"]), district=src.get("district"),
                            official=Official(official["name"], official["title"]) if official else None)


@pytest.mark.parametrize("name, fragment, date", [
    # 海拉尔区's 2017 report: 二、2017年工作安排, then (一), then (二)'s items five paragraphs below the heading
    ("hailar_frames_2017.txt", "完成30座公厕新建改造", dt.date(2017, 12, 31)),
    ("hailar_frames_2017.txt", "启动投资2亿元的智慧城市项目", dt.date(2017, 12, 31)),
    # 吉林's 2026 report: 二、2026年工作安排, then (二)'s items, past the year's targets and (一)
    ("jilin_frames_2026.txt", "新能源汽车产量增长15%左右", dt.date(2026, 12, 31)),
    ("jilin_frames_2026.txt", "亿元以上项目达到1000个以上", dt.date(2026, 12, 31)),
])
def test_the_year_heading_dates_plan_items_paragraphs_below_it(name, fragment, date):
    (c,) = [c for c in _read_excerpt(name).candidates if fragment in c.quote]
    assert c.deadline.date == date and c.deadline.inherited
    assert dict(c.why)["deadline"] == "list_lead_inherits"


@pytest.mark.parametrize("name, published, fragment", [
    # the same items in passages cut below the heading 二、2017年工作安排 / 二、2015年工作安排 (real/, batch L)
    ("real/hailar_city_2017.txt", "2017-02-11", "完成30座公厕新建改造"),
    ("real/hailar_city_2017.txt", "2017-02-11", "启动投资2亿元的智慧城市项目"),
    ("real/hailar_minsheng_2015.txt", "2015-02-05", "完成29条背街巷道改造"),
])
def test_a_plan_item_that_nothing_in_its_passage_frames_has_no_deadline(name, published, fragment):
    from tracker.extract import Official

    official = {"2017-02-11": ("杨国宏", "海拉尔区人民政府代区长"), "2015-02-05": ("杜联合", "海拉尔区人民政府区长")}[published]
    doc = _read(name, published, district="海拉尔区", official=Official(*official))
    (c,) = [c for c in doc.candidates if fragment in c.quote]
    assert c.deadline.date is None and dict(c.why)["deadline"] == "no_deadline"


@pytest.mark.parametrize("fragment, date", [
    # 三、“十五五”时期主要目标任务, after the year's section: （一）“十五五”发展目标。到2030年，…。主要目标包括：…
    ("地区生产总值年均增长5%以上", dt.date(2030, 12, 31)),
    ("常住人口城镇化率达到69%", dt.date(2030, 12, 31)),
    # the year's targets of 二、2026年工作安排 (今年经济社会发展主要预期目标是：…) stay the year's
    ("社会消费品零售总额增长5%左右", dt.date(2026, 12, 31)),
])
def test_a_plan_periods_target_list_after_the_years_section_holds_for_the_period(fragment, date):
    (c,) = [c for c in _read_excerpt("jilin_frames_2026.txt").candidates if fragment in c.quote]
    assert c.deadline.date == date


# deadlines._AFTER_COMPLETION (lexicon after_completion_words): 后年 right after 建成, 投产, 达产 … is that 后 and
# the 年 of 年产值 or 年产, not the year after next; 后年 elsewhere still is.
@pytest.mark.parametrize("name, published, fragment", [
    ("real/ningde_industry_news_2022.txt", "2022-02-22", "达产后年产值将达200亿"),  # 宁德 news, 2022
    ("excerpts/zengcheng_led_news_2011.txt", "2011-03-28", "预计项目投产后年产芯片可达180万片"),  # 增城 news, 2011
])
def test_an_annual_output_after_completion_names_no_year(name, published, fragment):
    doc = _read(name, published)
    (c,) = [c for c in doc.candidates if fragment in c.quote]
    assert c.deadline.raw != "后年"


@pytest.mark.parametrize("sentence, date", [
    ("后年建成投产", "2013-12-31"),
    ("项目计划后年竣工", "2013-12-31"),
])
def test_the_year_after_next_is_still_read(sentence, date):
    from tracker.extract.deadlines import find_deadlines

    (m,) = find_deadlines(sentence, dt.date(2011, 3, 28))
    assert m.deadline.raw == "后年" and m.deadline.date.isoformat() == date


# cues: a web page's dateline (发布时间：2011-04-02, 发稿时间：2021/6/9; lexicon dateline_labels) gives the day the page
# was posted; its date is no tense cue, so the paragraphs after it (the section_cue walk) do not look forward from it.
@pytest.mark.parametrize("name, published, fragment", [
    ("real/fuxian_apple_news_2011.txt", "2011-04-02", "每个5元"),  # 发布时间：2011-04-02 / 发布人：“苹果按个儿卖，每个5元。”
    ("real/xiangyang_cabbage_news_2011.txt", "2011-04-15", "黄集村3组菜农金大姐"),
    ("real/changsha_county_water_2011.txt", "2011-04-14", "签订总金额达20亿元"),  # a loan signed, in the lead
    ("real/huangshi_promotion_news_2021.txt", "2021-06-09", "投资40亿元"),  # 发稿时间：2021/6/9, a project signed
])
def test_a_pages_dateline_date_is_no_tense_cue(name, published, fragment):
    doc = _read(name, published)
    assert not [c.quote for c in doc.candidates if fragment in c.quote]


@pytest.mark.parametrize("line, published", [
    ("发布时间：2011-04-02", "2011-04-02"),  # 富县 news
    ("发稿时间：2021/6/9", "2021-06-09"),  # 黄石 news
    ("2011年10月11来源：", "2011-10-11"),  # 南京 news
])
def test_a_dateline_line_holds_no_cue(line, published):
    from tracker.extract.numbers import find_numbers
    from tracker.extract.normalise import normalise
    from tracker.extract.pledges.cues import _block_cues, _mentions

    norm = normalise(line + "\n全县将新建学校3所。\n")
    day = dt.date.fromisoformat(published)
    cues = []
    for b in norm.blocks:  # the dateline alone, or joined with the sentence after it
        btext = norm.text[b.start:b.end]
        cues += _block_cues(norm.text, b, day, find_numbers(btext), _mentions(btext, b.start, day))
    assert [x.word for x in cues if x.pos < len(line)] == []  # the dateline's date: none
    assert any(x.word == "将" for x in cues)  # the sentence after it keeps its own


# Lexicon continuation_words: 将于 / 将在 open a clause that tells when the thing of the clause before will be done, so
# that clause looks forward and takes its date (continuation_clause_cue, continuation_clause_deadline).
@pytest.mark.parametrize("name, published, fragment, date", [
    ("excerpts/qingdao_bridge_news_2011.txt", "2011-03-28", "投资566亿元", "2011-12-31"),  # …，将于2011年建成通车
    ("real/wudao_town_2021.txt", "2021-07-01", "新型模具项目投资400万元", "2021-08-31"),  # …，将于8月份投产达效
    ("excerpts/jiangsu_wind_news_2011.txt", "2011-04-19", "11个海上风电示范项目合计220万千瓦", "2012-12-31"),  # 将在今明两年…
])
def test_a_clause_continued_by_jiang_yu_looks_forward_and_takes_its_date(name, published, fragment, date):
    doc = _read(name, published)
    (c,) = [c for c in doc.candidates if fragment in c.quote]
    assert c.deadline.date == dt.date.fromisoformat(date)
@pytest.mark.parametrize("text, raw, unit", [
    ("实施重大项目1900多个", "1900多个", "个"),  # 宁夏 (plan, batch Q)
    ("山东科技大市场促成技术交易2000余项", "2000余项", "项"),  # 山东 (review)
    ("全镇种植五味子、人参、龙胆草等药材2000余亩", "2000余亩", "亩"),  # 驼腰岭镇 2021 (tuoyao_town_2021.txt)
])
def test_a_four_digit_count_with_an_approximation_before_its_unit_is_no_year(text, raw, unit):
    assert [(q.raw, q.unit) for q in quantities(text)] == [(raw, unit)]


def test_a_four_digit_count_with_an_approximation_leaves_its_sentence_a_plan():
    # 宁夏 (batch Q): read as the year 1900, 1900多个 made the sentence look back and lost both its targets
    text = "三、2026年重点工作\n突出项目攻坚，加力扩大有效投资。实施重大项目1900多个，完成投资2500亿元以上。"
    found = pledges(text, dt.date(2026, 2, 3))
    assert [(c.quote, c.deadline.date if c.deadline else None) for c in found] == [
        ("实施重大项目1900多个", dt.date(2026, 12, 31)), ("完成投资2500亿元以上", dt.date(2026, 12, 31))]


# Rule places_of_the_work: a count right after 在 counts the places where the work is done; beside a number of the
# work it is no quantity of the pledge, and a 和 between places does not cut the clause.
@pytest.mark.parametrize("name, fragment, raws", [
    ("shexian_shishi_2025.txt", "在17个乡镇(街道办)硬化道路10万平方米", ["10万平方米", "1000盏"]),
    ("shexian_shishi_2025.txt", "在39个村改造升级10千伏线路16.66公里", ["16.66公里"]),
    ("gansu_minsheng_2026.txt", "在14个市州城区和兰州新区增补义务教育学位2万个", ["2万个"]),
    # the places' count stays where nothing else sizes the work, or the other number only describes what is built
    ("liuhe_energy_2022.txt", "在全县509个自然屯建设总装机容量100MW的分布式屋顶光伏项目", ["509个", "100MW"]),
])
def test_a_count_of_the_places_of_the_work_is_no_quantity(name, fragment, raws):
    c = _the(name, fragment)
    assert [q.raw for q in c.quantities] == raws


def test_places_joined_by_he_are_one_pledge():
    # 甘肃 (batch Q): cut at 和, 在14个市州城区 was a pledge of its own
    assert not [c for c in _passage("gansu_minsheng_2026.txt") if c.quote.endswith("市州城区")]


# base._ba_object (lexicon ba_determiners): 将 before a demonstrative (这些, 上述, 那些) puts a thing already named before
# its verb, as 把 does, and tells no time; the figures of its paragraph then keep the reading their own words give them.
@pytest.mark.parametrize("name, published, fragment", [
    # 项目区所在的乡（镇）政府将这些资金与财政扶贫资金、小额贷款资金等捆绑使用 (富县 news 2011): the project's scope
    ("real/fuxian_apple_news_2011.txt", "2011-04-02", "2000户"),
    ("real/fuxian_apple_news_2011.txt", "2011-04-02", "22000亩"),
    # 2001年，青岛海信以3500万元的价格将上述地块转手卖给房地产开发商 (淄博 news 2011): a sale ten years before
    ("real/zibo_hisense_news_2011.txt", "2011-08-08", "3500万元"),
    ("real/zibo_hisense_news_2011.txt", "2011-08-08", "106亩"),
])
def test_figures_around_jiang_as_ba_with_a_demonstrative_are_no_pledges(name, published, fragment):
    doc = _read(name, published)
    assert not [c.quote for c in doc.candidates if fragment in c.quote]


@pytest.mark.parametrize("text, is_ba", [
    ("乡（镇）政府将这些资金与财政扶贫资金、小额贷款资金等捆绑使用", True),  # 富县 news 2011
    ("青岛海信以3500万元的价格将上述地块转手卖给房地产开发商", True),  # 淄博 news 2011
    ("将8个公司运营的16支省级政府投资基金整合为产业、科创2支基金", True),  # 吉林 2026, the number case kept
    ("全县将新建学校3所", False),  # 将 of the future
])
def test_jiang_before_a_demonstrative_is_ba(text, is_ba):
    from tracker.extract.pledges.base import _ba_object

    i = text.index("将")
    assert _ba_object(text, i + 1) is is_ba


# lexicon numeral_idioms: 两位数 is the size of a rate (double digits), not two of anything; a clause with it and no
# other figure is no pledge, and a figure beside it keeps its own reading.
@pytest.mark.parametrize("name, published, fragment, raws", [
    # 固定资产投资实现两位数增长 (惠民县's plan, 2022; batch S's one false alarm as first read)
    ("real/short_pages/huimin_plan_2022.txt", "2022-01-30", "两位数增长", None),
    # 杭州经济实现两位数增长 (杭州 news, 2021)
    ("real/hangzhou_gdp_news_2021.txt", None, "两位数增长", None),
    # 未来三年LED产业将以15%以上的两位数速度增长 (LED news, 2011): the 15% stays, no 2 位 beside it
    ("excerpts/led_news_2011.txt", None, "两位数速度", ["15%"]),
])
def test_double_digits_are_no_count(name, published, fragment, raws):
    doc = _read(name, published)
    hits = [c for c in doc.candidates if fragment in c.quote]
    assert [[q.raw for q in c.quantities] for c in hits] == ([raws] if raws else [])


# lexicon units: ㎡, the one-character square metre, is an area unit as 平方米 is, and a price per ㎡ one rate unit
# (元/㎡), as 元/平方米 is (numbers.py, rate_unit); before, 0.36㎡ was a bare number and 5164元/㎡ a sum of 元.
@pytest.mark.parametrize("name, published, fragment, raws", [
    # 全镇人均体育面积将增加0.36㎡ (卫闽镇 news, 2017: a core pledge of batch U's page, missed)
    ("real/short_pages/shaowu_weimin_fitness_news_2017.txt", "2017-05-03", "全镇人均体育面积将增加0.36㎡", ["0.36㎡"]),
    # 泗县8月新房均价在5164元/㎡左右 (泗县 news, 2022: a present price, a false alarm before and after, now a rate)
    ("real/sixian_housing_news_2022.txt", "2022-08-17", "均价在5164元/㎡左右", ["5164元/㎡"]),
])
def test_the_square_metre_sign_is_an_area_unit(name, published, fragment, raws):
    doc = _read(name, published)
    (c,) = [c for c in doc.candidates if fragment in c.quote]
    assert [q.raw for q in c.quantities] == raws
    assert c.quantities[0].unit == raws[0].lstrip("0123456789.")


# rule kind_number (numbers.py, lexicon kind_number_words): a number right before 人制 names a kind of pitch (5人制足球场,
# five-a-side), part of the name, never a count of people; the object after a count skips it as it skips a voltage class.
@pytest.mark.parametrize("sentence, kinds, quantities", [
    # 晋江市 news 2015 (real/short_pages/jinjiang_fitness_news_2015.txt)
    ("4个室外网球场、2个5人制足球场", ["5人"], ["4个", "2个"]),
    # 福州 news of 2020-05-30 (福州晚报 on 海峡网, http://m.hxnews.com/news/fj/fz/202005/30/1899962.shtml)
    ("市财政给予五城区新建球场五人制50万元/片、七人制70万元/片、十一人制110万元/片的补助",
     ["五人", "七人", "十一人"], ["50万元/片", "70万元/片", "110万元/片"]),
    # 阳泉市郊区 news of 2020 (https://p2.ttnews.xyz/a/5e88c090dc9b5e3008d2aea9?lang=zh-hans)
    ("计划建设11人制、5人制足球场各一个", ["11人", "5人"], []),
    # a count of people stays one (甘肃 2026: 城镇新增就业31.7万人)
    ("城镇新增就业31.7万人", [], ["31.7万人"]),
])
def test_a_number_before_renzhi_names_a_kind_not_people(sentence, kinds, quantities):
    from tracker.extract.numbers import find_numbers

    tokens = find_numbers(sentence)
    assert [t.raw for t in tokens if t.kind == "name"] == kinds
    assert [t.raw for t in tokens if t.kind == "quantity"] == quantities


def test_a_pitchs_kind_is_no_part_of_the_count_nor_its_object():
    doc = _read("real/short_pages/jinjiang_fitness_news_2015.txt", "2015-12-25", district="晋江市")
    (c,) = [c for c in doc.candidates if c.quote == "2个5人制足球场"]
    assert [q.raw for q in c.quantities] == ["2个"] and c.object == "足球场"


# rule sessions (numbers.py, lexicon session_words): N期 with a training's word after it in its clause, or right after
# one, counts sessions (a unit, 期); a project's phase (二期工程, 18号线二期) stays no number.
@pytest.mark.parametrize("sentence, quantities", [
    # 海南 2026 (real/hainan_plan_2026.txt), a core pledge missed before
    ("高质量完成40期国家援外培训任务", ["40期"]),
    # 西昌 news of 2019-09-05 (凉山日报, as copied on https://m.yybnet.net/liangshan/xichang/201909/9590423.html)
    ("截至8月,已开办扶贫培训班6期,培训建档立卡贫困户300人", ["6期", "300人"]),
    # phases: 上海 2026 and 云南 2026 (johncodes404/china-provincial-gov-reports-2026, output/2026_raw_text/)
    ("建成2号线西延伸、18号线二期等轨道交通线", []),
    ("开工建设滇中引水二期骨干工程", []),
])
def test_sessions_of_a_training_are_counted_in_qi(sentence, quantities):
    from tracker.extract.numbers import find_numbers

    assert [t.raw for t in find_numbers(sentence) if t.kind == "quantity"] == quantities


def test_a_count_of_training_sessions_is_a_pledge():
    doc = _read("real/hainan_plan_2026.txt", "2026-01-27", district="海南省")
    (c,) = [c for c in doc.candidates if "40期" in c.quote]
    assert [(q.raw, q.unit) for q in c.quantities] == [("40期", "期")] and c.action == "完成"


# pledge rule related_list (lexicon related_list_headings): after a line that is only the heading of a news page's list
# of other pages (相关新闻, 热门分享 …), the lines are other articles' headlines, no pledge of the page; the page's own
# pledge before the heading is still read.
@pytest.mark.parametrize("name, published, fragment, kept", [
    # 相关新闻 / - 2011-12-14北京中轴线时间博物馆明年开建 计划投资1.6亿元 (闽侯县's museum news, 2012)
    ("real/short_pages/minhou_museum_news_2012.txt", "2012-08-14", "计划投资1.6亿元", "9800万元"),
    # 相关新闻 / - 2013-01-15今年莆田市交通基础设施建设计划投资48.29亿 (城厢区's news, 2013: a page of results)
    ("real/short_pages/chengxiang_culture_news_2013.txt", "2013-08-26", "计划投资48.29亿", None),
    # 热门分享 / - “最美马拉松女孩”走红 称要跑100个马拉松(图) (福州市's news, 2008)
    ("real/short_pages/fuzhou_culture_stations_news_2008.txt", "2008-08-11", "要跑100个马拉松", "全市31个乡镇街综合文化站"),
])
def test_a_related_list_holds_no_pledge_of_the_page(name, published, fragment, kept):
    doc = _read(name, published)
    assert not [c.quote for c in doc.candidates if fragment in c.quote]
    assert any(fragment in doc.text[s:e] for s, e, rule, _ in doc.declined if rule == "related_list")
    if kept:
        assert [c.quote for c in doc.candidates if kept in c.quote]


# tense rule launched_programme_scale: the scale of a programme whose launch (已正式启动, 启动…建设) the paragraph has just
# told looks forward, nothing between saying the work is done; a ground-breaking or a launch of many projects at once
# (集中开工, 集中启动…活动) reports its projects' totals and stays unread.
@pytest.mark.parametrize("name, published, fragment, found", [
    # 本市全民健身设施今年将大规模兴建。日前，本市…工作已正式启动，1500处设施建设，总投资近7000万元的投入 (天津市, 2014)
    ("real/short_pages/tianjin_fitness_news_2014.txt", "2014-08-22", "1500处设施建设", True),
    ("real/short_pages/tianjin_fitness_news_2014.txt", "2014-08-22", "总投资近7000万元", True),
    # …促进了全民健身活动的开展，邵武市卫闽镇启动农民体育健身工程建设，…。项目总投资107万元，…增设健身路径13套 (卫闽镇, 2017)
    ("real/short_pages/shaowu_weimin_fitness_news_2017.txt", "2017-05-03", "完善全长2.4公里的健身步道", True),
    ("real/short_pages/shaowu_weimin_fitness_news_2017.txt", "2017-05-03", "增设健身路径13套", True),
    # 小型足球场地占地900多平方米，…已于4月中旬建成投入使用: the sentence after, done
    ("real/short_pages/shaowu_weimin_fitness_news_2017.txt", "2017-05-03", "占地900多平方米", False),
    # 3月25日，高新区重点工业项目开工奠基仪式…举行。…等7个外资项目，合计总投资12.1亿美元 (苏州高新区, 2011)
    ("real/suzhou_gaoxin_news_2011.txt", "2011-03-29", "合计总投资12.1亿美元", False),
    # 新开工项目集中启动活动举行，本次集中启动的新开工项目共200个，总投资约1624.4亿元 (深圳, 2022)
    ("real/shenzhen_report_news_2022.txt", "2022-04-12", "总投资约1624.4亿元", False),
])
def test_the_scale_of_a_launched_programme_looks_forward(name, published, fragment, found):
    _assert_found_by(name, published, fragment, found, "tense", "launched_programme_scale")


# tense rule begun_project_scale: the investment or area of a project whose works the sentence tells begun or under
# way (开工, 动工, 正在建设 …) while its completion is still ahead after the figure in the same sentence (预计…投入使用,
# 预计工期) describes what will be finished; work done (已完成投资) and a sentence with no completion ahead stay results.
@pytest.mark.parametrize("name, published, fragment, found", [
    # 投资近2.2亿元的晋江八仙山全民健身中心已开始动工建设，预计工期2年 (晋江市 news, 2015)
    ("real/short_pages/jinjiang_fitness_news_2015.txt", "2015-12-25", "投资近2.2亿元", True),
    # 去年，我市开工建设新的体育中心，总建筑面积为38633平方米，总投资约2亿元，预计明年下半年可交付使用 (泰兴市 news, 2010)
    ("real/short_pages/taixing_sports_centre_news_2010.txt", "2010-08-09", "总投资约2亿元", True),
    # 目前我市已建成晨晚练点404个: the same paragraph's results, no completion ahead
    ("real/short_pages/taixing_sports_centre_news_2010.txt", "2010-08-09", "晨晚练点404个", False),
    # 投资约5000万的茶山多功能体育馆已于近日破土动工，主体建设正在紧张施工中，预计在2012年春节前投入使用 (茶山镇 news, 2011)
    ("real/short_pages/chashan_gym_news_2011.txt", None, "投资约5000万的茶山多功能体育馆", True),
    # 目前，总投入800万元的镇级文化广场正在建设，预计今年8月底完工投入使用 (平陵镇 news)
    ("real/short_pages/pingling_culture_square_news.txt", None, "总投入800万元", True),
    # the completion in a later sentence of the paragraph, the start told in it: …地上建筑面积为10500㎡，地下建筑面积为16000㎡。
    # …要求市图书馆项目今年必须开工建设。…市图书馆将于2017年完成主体工程建设，2018年国庆节前完工并投入使用 (吕梁市 news, 2016)
    ("real/short_pages/lvliang_library_news_2016.txt", "2016-12-11", "地上建筑面积为10500㎡", True),
    # 据介绍，该工程项目位于…，总投资约3600万元，…。…该工程预计耗时两年，…，争取在2013年底完成主体工程施工，2014年交付使用
    # (琼中县 news, 2013)
    ("real/short_pages/qiongzhong_culture_centre_news_2013.txt", "2013-05-13", "总投资约3600万元", True),
    # 小型足球场地占地900多平方米，…，已于4月中旬建成投入使用 (卫闽镇 news, 2017): its own sentence tells it done, though
    # 该项建设工程将于三季度开工建设，年底完工 follows
    ("real/short_pages/shaowu_weimin_fitness_news_2017.txt", "2017-05-03", "占地900多平方米", False),
    # 目前已完成投资1.1929亿元，占年度计划75.5% (洋县 news, 2021): investment done
    ("real/short_pages/yangxian_fitness_centre_news_2021.txt", "2021-10-12", "已完成投资1.1929亿元", False),
])
def test_the_size_of_a_begun_project_with_its_completion_ahead_looks_forward(name, published, fragment, found):
    _assert_found_by(name, published, fragment, found, "tense", "begun_project_scale")


# project_attributes_join, the project's areas: a planned or a part's area (规划占地面积, 地上/地下建筑面积) is one of the
# project's attributes, an area after a pledge whose last clause is itself an area sizes the same project, and a second
# area of the same unit joins when it is another area (占地面积, then 建筑面积), not the same one told again.
@pytest.mark.parametrize("name, published, first, numbers", [
    # …规划建设淄川区文化中心，规划用地面积约160亩，建筑面积约7.02万平方米 (淄川区 news, 2020)
    ("real/short_pages/zichuan_culture_centre_news_2020.txt", "2020-09-15", "规划用地面积约160亩", {"160亩", "7.02万平方米"}),
    # 地上建筑面积为10500㎡，地下建筑面积为16000㎡ (吕梁市 news, 2016)
    ("real/short_pages/lvliang_library_news_2016.txt", "2016-12-11", "地上建筑面积为10500㎡", {"10500㎡", "16000㎡"}),
    # …总投资约3600万元，规划占地面积8202.24平方米，建筑面积6400平方米 (琼中县 news, 2013)
    ("real/short_pages/qiongzhong_culture_centre_news_2013.txt", "2013-05-13", "总投资约3600万元",
     {"3600万元", "8202.24平方米", "6400平方米"}),
])
def test_the_areas_of_one_project_are_one_pledge(name, published, first, numbers):
    hits = [c for c in _read(name, published).candidates if first in c.quote]
    assert [{q.raw for q in c.quantities} for c in hits] == [numbers]
    assert hits[0].why_dict().get("quantities") == "project_attributes_join"


# object rule project_named_before_its_site: a project's areas and sum (a quote opening on one of them) size the
# facility its sentence opens on, named before 位于, 包括 or 选址, not the attribute (项目, 投资).
@pytest.mark.parametrize("name, published, fragment, obj", [
    # 闽侯县博物馆新馆,位于…,建设用地面积约25.8亩,总建筑面积15753.15平方米,项目总投资约9800万元 (闽侯县 news, 2012)
    ("real/short_pages/minhou_museum_news_2012.txt", "2012-08-14", "项目总投资约9800万元", "闽侯县博物馆新馆"),
    # 巴中市体育馆、游泳馆位于巴城北龛寺,规划占地88.78亩,建筑面积约6万平方米,计划总投资1.96亿元 (巴中市 news, 2014)
    ("real/short_pages/bazhong_stadium_news_2014.txt", "2014-01-01", "计划总投资1.96亿元", "巴中市体育馆、游泳馆"),
    # “四馆一中心”包括龙海市新闻中心、…,总用地面积4.3万平方米,总建筑面积10.2万平方米,计划总投资6.7亿元 (龙海市 news, 2017)
    ("real/short_pages/longhai_four_halls_news_2017.txt", "2017-11-23", "计划总投资6.7亿元", "四馆一中心"),
])
def test_a_projects_sizes_name_the_facility_its_sentence_opens_on(name, published, fragment, obj):
    hits = [c for c in _read(name, published).candidates if fragment in c.quote]
    assert [(c.object, c.why_dict().get("object")) for c in hits] == [(obj, "project_named_before_its_site")]


# object rule facility_named_before_its_size: a facility named right before its floor or ground area or its sum, in
# the same clause (总, 规划 between), is what the number sizes, not the attribute (建筑面积, 投资).
@pytest.mark.parametrize("name, published, fragment, obj", [
    # 其中:县图书馆总建筑面积7942平方米,计划总投资3500万元;县文化馆总建筑面积7046平方米,计划总投资3500万元 (蕲春县 news, 2015)
    ("real/short_pages/qichun_library_news_2015.txt", "2015-02-02", "县图书馆总建筑面积7942平方米", "县图书馆"),
    ("real/short_pages/qichun_library_news_2015.txt", "2015-02-02", "县文化馆总建筑面积7046平方米", "县文化馆"),
    # 记者了解到,金华市科技文化中心总建筑面积约9.3万平方米,其中地积5.4万方 (金华市 news)
    ("real/short_pages/jinhua_culture_centre_news.txt", None, "金华市科技文化中心总建筑面积约9.3万平方米", "金华市科技文化中心"),
    # …;新博物馆建筑面积达8158.4平方米;会议中心可同时接待5000人 (龙海市 news, 2017)
    ("real/short_pages/longhai_four_halls_news_2017.txt", "2017-11-23", "新博物馆建筑面积达8158.4平方米", "新博物馆"),
    # a verb right before the name's 项目 names the kind of work (batch AF): 据了解,县影剧院改造项目总投资300多万元 (桃江县 news,
    # 2014); 两河生态风光带建设项目总投资22.5亿元 (长沙县 news, 2011)
    ("real/short_pages/taojiang_theatre_news_2014.txt", "2014-11-26", "县影剧院改造项目总投资300多万元", "县影剧院改造项目"),
    ("real/changsha_county_water_2011.txt", "2011-04-14", "两河生态风光带建设项目总投资22.5亿元", "两河生态风光带建设项目"),
])
def test_a_facility_named_before_its_area_is_the_object(name, published, fragment, obj):
    hits = [c for c in _read(name, published).candidates if fragment in c.quote]
    assert [(c.object, c.why_dict().get("object")) for c in hits] == [(obj, "facility_named_before_its_size")]


# object rule project_named_sentences_before: the sizes of 该项目 / 该工程 (the sentence's subject) size the project an
# earlier sentence opens on; a sentence opening on a preposition (从工业项目签约数据来看) names none.
@pytest.mark.parametrize("name, published, fragment, obj", [
    # 洋县全民健身中心建设项目进展顺利。该项目总投资额2.4亿元,目前已完成投资1.1929亿元 (洋县 news, 2021)
    ("real/short_pages/yangxian_fitness_centre_news_2021.txt", "2021-10-12", "该项目总投资额2.4亿元", "洋县全民健身中心"),
    # 淄川区文化中心项目是…的重要组成部分,…。\n\n文化中心项目概念图\n  主要建设任务:该项目建设总投资为5.8亿元 (淄川区 news, 2020)
    ("real/short_pages/zichuan_culture_centre_news_2020.txt", "2020-09-15", "该项目建设总投资为5.8亿元", "文化中心"),
    # 琼中黎族苗族自治县中部少数民族文化演艺中心开工 (the title) … 据介绍,该工程项目位于“三月三”广场北侧,总投资约3600万元,…
    # (琼中县 news, 2013)
    ("real/short_pages/qiongzhong_culture_centre_news_2013.txt", "2013-05-13", "总投资约3600万元",
     "琼中黎族苗族自治县中部少数民族文化演艺中心"),
    # a clause after a short lead of its own (batch AF): 据悉,客家祖地博物馆建设项目系…。该项目占地57亩,… (宁化县 news, 2013:
    # not the byline line 宁化县新闻中心 above)
    ("real/short_pages/ninghua_museum_news_2013.txt", "2013-08-02", "该项目占地57亩", "客家祖地博物馆"),
    # …,近日,滁州市南谯区清流关全民健身中心开工建设。\n该项目位于…,项目占地2000平方米,… (南谯区 news, 2022: not 投资)
    ("real/short_pages/nanqiao_fitness_centre_news_2022.txt", "2022-10-26", "总投资600万元", "滁州市南谯区清流关全民健身中心"),
])
def test_a_projects_sizes_told_of_it_name_the_project_of_a_sentence_before(name, published, fragment, obj):
    hits = [c for c in _read(name, published).candidates if fragment in c.quote]
    assert [(c.object, c.why_dict().get("object")) for c in hits] == [(obj, "project_named_sentences_before")]


def test_a_sentence_opening_on_a_preposition_names_no_project_for_a_later_one():
    """宁德市 news, 2022, read as one line (as bench/extract_identical.py reads it): 从工业项目签约数据来看,… frames
    figures; 该项目总投资125亿元 (宁德时代第四期项目, named inside a sentence) is left to the rules after, not read as
    从工业项目."""
    from tracker.extract import extract_document

    text = (Path(__file__).parent / "real/ningde_industry_news_2022.txt").read_text(encoding="utf-8")
    hits = [c for c in extract_document(text.replace("\n", ""), published=dt.date(2022, 2, 22)).candidates
            if "该项目总投资125亿元" in c.quote]
    assert hits and all(c.why_dict().get("object") != "project_named_sentences_before" for c in hits)
    assert all("从" not in (c.object or "") for c in hits)


# deadline rule project_completion_sentence: a later sentence of the paragraph whose clause of no number says when the
# project is finished (a time right before 完工, 建成, 竣工, 投入使用 …) dates the counts before it that nothing else
# dated; of several times, the last such (the completion, not 完成主体工程); a count after it keeps its own reading.
@pytest.mark.parametrize("name, published, fragment, date", [
    # 两馆项目计划总投资7000万元，其中：…。…。计划2015年6月完成主体工程,2016年5月完工投入使用。 (蕲春县 news, 2015)
    ("real/short_pages/qichun_library_news_2015.txt", "2015-02-02", "两馆项目计划总投资7000万元", "2016-05-31"),
    ("real/short_pages/qichun_library_news_2015.txt", "2015-02-02", "县文化馆总建筑面积7046平方米", "2016-05-31"),
    # 该区将投资1500万元,建设20多处活动中心和文化广场。目前,…,预计7月开工一批项目,确保年底全部建成。 (蜀山区 news, 2012)
    ("real/short_pages/shushan_culture_news_2012.txt", "2012-07-13", "建设20多处活动中心和文化广场", "2012-12-31"),
    # …完善全长2.4公里的健身步道，…。目前…。 据悉,该项建设工程将于三季度开工建设,年底完工。 (卫闽镇 news, 2017)
    ("real/short_pages/shaowu_weimin_fitness_news_2017.txt", "2017-05-03", "完善全长2.4公里的健身步道", "2017-12-31"),
    # 消防应急中心，总投资2.22亿，…。污水处理厂一期，…，目前三个项目都已经开工建设，预计在2021年11月份竣工。 (柳南乡 profile, 2021)
    ("real/liunan_township_2021.txt", "2021-07-01", "总投资2.22亿", "2021-11-30"),
])
def test_a_later_sentence_that_finishes_the_project_dates_its_counts(name, published, fragment, date):
    assert _dates_and_rules(name, published, fragment) == {(date, "project_completion_sentence")}


# Whole reports read end to end, as nobody says whose they are (docs/measuring.md, "Whole reports read end to end"):
# the header names the province (its title, the meeting: 2026年1月27日在陕西省第十四届人民代表大会第四次会议上) and the
# speaker (省长 梁惠玲); the cities its plan names (西安市, 哈尔滨市) are its parts, and its review plans nothing.
@pytest.mark.parametrize("name, province, speaker", [
    ("shaanxi_report_2026.txt", "陕西省", "赵刚"),
    ("heilongjiang_report_2026.txt", "黑龙江省", "梁惠玲"),
])
def test_a_whole_report_read_bare_is_its_provinces_and_its_speakers(name, province, speaker):
    doc = _read_excerpt(name)
    assert len(doc.candidates) > 30
    assert {c.district for c in doc.candidates} == {province}
    assert {c.official.name for c in doc.candidates} == {speaker}
    review = doc.text.index("一、2025年工作回顾")
    plan = doc.text.index("二、“十五五”时期")
    assert not [c.quote for c in doc.candidates if review <= c.start < plan]
    assert all(c.start >= plan for c in doc.candidates)  # nor in the header


@pytest.mark.parametrize("name, title, speaker", [
    # a two-character name spaced to the width of three at the end of the speaker's line
    ("shanghai_header_2026.txt", "上海市市长", "龚正"),
    ("guangxi_header_2026.txt", "自治区主席", "韦韬"),
    # a name no surname of the lexicon opens, alone on the line after its title
    ("xinjiang_header_2026.txt", "自治区主席", "艾尔肯·吐尼亚孜"),
    ("xizang_header_2026.txt", "自治区主席", "嘎玛泽登"),
    # a district's report: a surname the lexicon lacks (萨) after a long title, two spaces between
    ("hailar_header_2019.txt", "呼伦贝尔市海拉尔区人民政府代区长", "萨国文"),
])
def test_the_speakers_line_of_a_reports_header_names_the_speaker(name, title, speaker):
    from tracker.extract.model import Official
    from tracker.extract.people import find_people, speaker_line

    lines = (_EXCERPTS / name).read_text(encoding="utf-8").splitlines()
    found = [p.official for line in lines for p in find_people(line)] or [
        o for o in map(speaker_line, lines) if o is not None]
    assert found == [Official(speaker, title)]


@pytest.mark.parametrize("name, province", [
    ("shanghai_header_2026.txt", "上海市"),
    ("guangxi_header_2026.txt", "广西壮族自治区"),  # longer than the generic pattern's five characters
    ("xinjiang_header_2026.txt", "新疆维吾尔自治区"),
    ("xizang_header_2026.txt", "西藏自治区"),
])
def test_the_meeting_line_names_the_province_as_its_own(name, province):
    from tracker.extract.people import provinces_as_own

    meeting = next(line for line in (_EXCERPTS / name).read_text(encoding="utf-8").splitlines() if "人民代表大会" in line)
    assert provinces_as_own(meeting) == [province]


@pytest.mark.parametrize("text", [
    "市长 王 表示同意",  # a spaced name stands at the end of its line only
    "自治区主席 嘎玛泽登作政府工作报告",  # a speaker's line is nothing but the title and the name
])
def test_a_spaced_or_unknown_name_needs_a_line_of_its_own(text):
    from tracker.extract.people import find_people, speaker_line

    assert not find_people(text) and speaker_line(text) is None


# Rule unit_cost (lexicon one_unit_words): a sum of money after a word naming one unit in its clause (每台, 每个, 一亩)
# is what one unit costs, no sum to spend; a total beside it and a grant per person stay plans.
@pytest.mark.parametrize("name, published, fragment, kept", [
    ("real/beijing_oil_cameras_news_2012.txt", "2012-06-12", "每台设备（包括感应器和采集器）５００多元", False),
    ("real/fuxian_apple_news_2011.txt", "2011-04-02", "一亩地光浇水就得花300多元", False),
    ("real/fuxian_apple_news_2011.txt", "2011-04-02", "一亩地一年下来就得花1000元左右的水钱", False),
    ("real/hongkou_chargers_2026.txt", "2026-02-26", "场所建设费用以10万元计", False),
    ("real/hongkou_chargers_2026.txt", "2026-02-26", "共需经费约400万元", True),  # the total, the sentence's plan
    ("real/neimenggu_minsheng_2026.txt", "2026-02-04", "给予每人1万元救助", True),  # a grant per person (给予)
])
def test_what_one_unit_costs_is_no_pledge(name, published, fragment, kept):
    doc = _read(name, published)
    assert bool([c for c in doc.candidates if fragment in c.quote]) is kept
# honours_paragraph (lexicon review_honours): a paragraph telling two different honours received or ranks held
# (获评, 被命名为, 入选, 位居 …), none of them sought (力争入选…), reviews, whether the page shows its heading or not.
@pytest.mark.parametrize("name, district, fragments", [
    # 清河县's review of 2022, sections (六)(七) on a page without their heading
    ("real/short_pages/qinghe_review_2023.txt", "清河县",
     ["完成13个美丽乡村创建", "新建农村户厕2000余个", "消除返贫风险78户254人", "其中10万元以上的村达到236个",
      "累计办结群众诉求9000余件次"]),
    # 东光县's review of 2021, its heading inside the page's one line
    ("real/short_pages/dongguang_review_2022.txt", "东光县",
     ["完成新冠疫苗接种80.8万剂次", "抢播冬小麦11.18万亩", "投资6.5亿元“最美一中”建成投用"]),
])
def test_a_paragraph_of_honours_received_is_a_review(name, district, fragments):
    doc = _read(name, None, district=district)
    assert not [c.quote for c in doc.candidates if any(f in c.quote for f in fragments)]
    declined = [doc.text[s:e] for s, e, p, t in doc.declined if p == "honours_paragraph"]
    assert all(any(f in d or d in f for d in declined) for f in fragments)


@pytest.mark.parametrize("name, district, quote", [
    # plan sections beside them: their targets stay (one honour word at most, or sought: 力争…)
    ("real/short_pages/yangbi_plan_2023.txt", "漾濞彝族自治县", "地区生产总值增长"),
    ("real/short_pages/xibei_county_plan.txt", None, "实施高标准农田建设4000亩"),
    # 芙蓉区's news: one honour (入选中国高质量发展百强区) in the paragraph before the targets
    ("real/short_pages/furong_news.txt", "芙蓉区", "空气质量优良率达到78%以上"),
])
def test_plans_beside_honours_keep_their_targets(name, district, quote):
    doc = _read(name, None, district=district)
    assert any(quote in c.quote for c in doc.candidates)
    assert not [1 for s, e, p, t in doc.declined if p == "honours_paragraph"]


# cue_inside_word: a cue word whose first character closes the word before it is not that word (实现在 is 实现 + 在).
@pytest.mark.parametrize("sentence", [
    "2023年经济社会发展主要预期目标是:地区生产总值达到236.6亿元,增长7%,实现在全省县域经济排名中位次前移;固定资产投资达到171.6亿元,",  # 云霄县
    "固定资产投资项目实现在线审批，投资项目申报101个。",  # 海拉尔区's review of 2017 (followup/hailar2018_review.txt)
])
def test_a_cue_inside_a_longer_word_is_no_cue(sentence):
    from tracker.extract.pledges.pledge import present_stock_words

    assert [m.group(0) for m in present_stock_words(sentence, 0, len(sentence))] == []


def test_a_cue_standing_as_a_word_is_still_one():
    from tracker.extract.pledges.pledge import present_stock_words

    sentence = "现在恐怕只有800斤左右"  # 监利县 news, 2011 (lexicon present_stock_words)
    assert "现在" in [m.group(0) for m in present_stock_words(sentence, 0, len(sentence))]


def test_targets_after_shi_xian_zai_are_read():
    doc = _read("real/short_pages/yunxiao_plan_2023.txt", None, district="云霄县")
    quotes = " ".join(c.quote for c in doc.candidates)
    for target in ("固定资产投资达到171.6亿元", "社会消费品零售总额达到125亿元", "地方一般公共预算收入突破10亿元"):
        assert target in quotes


# The lead of what a report or a speech said, after its reporting frame (_REPORTING_FRAME, read by
# list_lead_inherits' lead): the year after 表示, / 指出，dates the list below the lead.
@pytest.mark.parametrize("name, published, fragment, date", [
    # 萧山区 news 2017: 代区长王敏…作政府工作报告时表示,2017年,区政府将努力为民办好十件实事: then items 1.–7.
    ("real/short_pages/xiaoshan_shishi_news_2017.txt", "2017-02-07", "建成6家公办幼儿园", "2017-12-31"),
    ("real/short_pages/xiaoshan_shishi_news_2017.txt", "2017-02-07", "新增公交线路6条", "2017-12-31"),
    # 深圳 news 2022: 深圳市政府工作报告指出，2022年深圳地区生产总值预期增长目标6%左右。… then the year's targets below
    ("real/shenzhen_report_news_2022.txt", "2022-04-12", "新增国家高新技术企业500家", "2022-12-31"),
    ("real/shenzhen_report_news_2022.txt", "2022-04-12", "新增小微企业首贷户2万户", "2022-12-31"),
])
def test_a_lead_after_its_reporting_frame_dates_the_list(name, published, fragment, date):
    assert _dates_and_rules(name, published, fragment) == {(date, "list_lead_inherits")}


# output_verb (lexicon output_verbs): a plant's yearly output (年产, 年生产) or 生产 against its number is the act of a
# clause with no verb of the actions lexicon before its number, and of the conjuncts after it.
@pytest.mark.parametrize("name, fragment, action", [
    ("gushanzi_town_2021.txt", "项目建成后预计年生产50万吨铁精粉", "年生产"),  # 孤山子镇's profile, 2021
    ("gushanzi_town_2021.txt", "项目建成后预计年生产铁精粉6.6万吨", "年生产"),
    ("gushanzi_town_2021.txt", "预计年产铁精粉6万吨", "年产"),
    ("suzhou_gaoxin_news_2011.txt", "预计年产手术室医疗设备20000台", "年产"),  # 苏州高新区 news, 2011
    ("suzhou_gaoxin_news_2011.txt", "液压机械5000台", "年产"),  # its conjunct
    ("chongqing_electronics_news_2011.txt", "重庆将在3年之内生产1亿台以上的笔记本电脑", "生产"),  # 重庆 news, 2011
])
def test_a_plants_output_is_the_act(name, fragment, action):
    c = _the(name, fragment)
    assert c.action == action and dict(c.why)["action"] == "output_verb"


def test_a_company_named_nissan_is_no_output():
    # 花都区 news, 2011: 东风日产 is a company, 日产 no output word
    assert _the("huadu_engine_news_2011.txt", "东风日产在花都的总投资将超过100亿元").action != "日产"


# Rule project_name_keeps_generic_verb (lexicons project_verbs, project_nouns): a verb of doing after the number inside a
# project's name (…改造工程, …扩建项目) leaves the generic verb that takes the project (实施, 推进) the act; 启动 still gives
# way (the seeds: 启动…30所幼儿园新建、改扩建工程 → 新建、改扩建), and so does 实施 before a work with no project noun.
@pytest.mark.parametrize("name, fragment, action", [
    ("gansu_minsheng_2026.txt", "实施100个社区儿童友好空间改造工程", "实施"),  # 甘肃 民生实事, 2026
    ("hailar_city_2017.txt", "推进总投资103.7亿元的棚户区改造工程", "推进"),  # 海拉尔区, 2017
    ("hailar_minsheng_2014.txt", "实施黑羊站水厂3万吨扩建项目", "实施"),  # 海拉尔区 实事, 2014
    ("jilin_minsheng_2026.txt", "实施100条客运班线公交化改造", "改造"),  # no project noun: 改造 is the work
])
def test_a_project_name_keeps_the_generic_verb(name, fragment, action):
    assert _the(name, fragment).action == action


def test_qidong_still_gives_way_to_the_verb_of_the_project():
    seeds = [d for d in _COVERAGE.documents() if d.path == "seeds/000_b1d06a0eb0b265fb.txt"]
    (c,) = [c for c in seeds[0].read().candidates if "幼儿园新建、改扩建工程" in c.quote]
    assert c.action == "新建、改扩建"


# Lexicon actions.txt (action18): verbs each read as the act by the gold of two documents or more, missing from the list,
# so an earlier clause's verb stood in: 输转 (sending labour out), 安置 (placing people; 安置房, 安置点 are nouns: lexicons
# verb_hiding_nouns and userdict), 优化, buying (购置, 购入, 新购) and 完工 at the end of the clause.
@pytest.mark.parametrize("name, published, fragment, action, obj", [
    ("real/gansu_minsheng_2026.txt", "2026-01-27", "输转城乡富余劳动力480万人", "输转", "城乡富余劳动力"),  # 甘肃
    ("real/short_pages/xibei_county_plan.txt", None, "输转劳务5.8万人以上", "输转", "劳务"),  # a 西北 county's plan
    ("real/yangxin_projects_news_2021.txt", "2021-06-09", "安置就业超过1000人", "安置", "就业"),  # 阳新县 news
    ("real/short_pages/xiaoshan_shishi_news_2017.txt", "2017-02-07", "安置农户2000户以上", "安置", "农户"),  # 萧山区
    ("real/changshun_targets_2017.txt", "2017-03-15", "计划新建安置房2122套", "新建", "安置房"),  # 长顺县: the noun
    ("real/short_pages/xiaoshan_shishi_news_2017.txt", "2017-02-07", "优化公交线路9条", "优化", "公交线路"),
    ("real/short_pages/zhenjiang_shishi_news_2020.txt", "2020-01-01", "新辟优化市区公交线路20条", "优化", "市区公交线路"),
    ("real/gushanzi_town_2021.txt", "2021-07-01", "购置新设备40台（套）", "购置", "设备"),  # 孤山子镇
    ("real/gushanzi_town_2021.txt", "2021-07-01", "购入设备35台（套）", "购入", "设备"),
    ("real/short_pages/zhenjiang_shishi_news_2020.txt", "2020-01-01", "新购新能源公交车190辆", "新购", "新能源公交车"),
    ("real/hailar_targets_2017.txt", "2017-02-11", "成吉思汗广场改造提升工程如期完工", "完工", "成吉思汗广场"),  # 海拉尔区
    ("real/short_pages/fengyang_culture_news_2011.txt", "2011-02-25", "9个乡镇综合文化站在今年年底全面完工", "完工",
     "乡镇综合文化站"),  # 凤阳县 news
    # a verb of helping people toward what they do (帮助, 引导) is the act, not what they do (就业)
    ("real/short_pages/zhijiangxi_shishi_2023.txt", "2023-03-27", "帮助长期失业青年就业49人", "帮助", "长期失业青年"),  # 芷江西路街道
    ("real/short_pages/gangu_shishi_news_2020.txt", "2020-05-11", "积极引导1000名以上高校毕业生到基层、到企业就业", "引导",
     "高校毕业生"),  # 甘谷县 news
    ("real/liuhe_industry_policy_2023.txt", "2023-02-08", "旅游产业发展引导资金", "设立", "旅游产业发展引导资金"),  # 柳河县: a noun
    # 投放 putting things into use (青岛 news 2012's 先期分批投放１０万个大盘卫生纸, its gold 投放, is still missed)
    ("real/beijing_bikes_news_2012.txt", "2012-06-18", "陆续投放公共自行车１万辆", "投放", "公共自行车"),  # 北京 news
    # 超过 the level a target reaches, as 突破 is (both a hedge and the act)
    ("real/haidian_news_2022.txt", "2022-01-06", "GDP超过1万亿元", "超过", "GDP"),  # 海淀区 news
    ("real/shenzhen_report_news_2022.txt", "2022-04-12", "力争重点片区投资超过2000亿元", "超过", "片区投资"),  # 深圳 news
])
def test_verbs_the_gold_of_two_documents_reads(name, published, fragment, action, obj):
    scored = name.removeprefix("real/")
    found = _passage(scored) if scored in _META else _read(name, published).candidates  # a passage: with its meta
    (c,) = [c for c in found if fragment in c.quote]
    assert c.action == action and c.object.startswith(obj)


# Rule place_of_use (pledges/base.py: _verb_after_place): 在 and the place where a sum is spent stand between the sum
# and the verb of its use, which then joins the sum's clause (investment_opens_its_use) and names its act and object.
@pytest.mark.parametrize("text, verb", [
    ("柳河县七棵树矿业有限公司投资5000万元，在孤山子镇隆兴村新建选矿厂，占地35亩", "新建"),  # 孤山子镇's profile, 2021
    ("柳河县隆盛坤矿业有限公司 投资1000万元，在板庙子采矿点建设选矿设施，购入设备35台（套）", "建设"),
    ("总投资230万元,在金河镇、硖石镇共新建农村户厕500座,改造提升农村公厕6座", "新建"),  # 金台区 实事, 2023
    ("此次投资5亿元，在抚顺实施天然气供气支线工程以及燃气管网建设", "实施"),  # 抚顺市 news, 2011
])
def test_the_place_of_a_sums_use_leads_to_its_verb(text, verb):
    from tracker.extract.pledges.base import _verb_after_place

    at = text.index("在", text.index("元"))
    end = next(i for i in range(at, len(text) + 1) if i == len(text) or text[i] in "，,")
    assert _verb_after_place(text, at, end).group(0) == verb


def test_an_investment_and_its_use_after_the_place_are_one_pledge():
    c = _the("gushanzi_town_2021.txt", "投资1000万元，在板庙子采矿点建设选矿设施")
    assert (c.action, c.object) == ("建设", "选矿设施")


# Rule total_of_the_projects_before: a clause of nothing but a total investment right after the clause of the projects
# it totals takes their verb; after a task naming no project, or a breakdown with no verb, the sum stays 投资.
@pytest.mark.parametrize("name, published, fragment, action", [
    ("real/yangxin_projects_news_2021.txt", "2021-06-09", "计划总投资66.1亿元", "开工"),  # 阳新县 news
    ("real/short_pages/longwen_shortboard_news_2017.txt", "2017-09-08", "总投资288.1亿元", "实施"),  # 龙文区 news
    ("real/short_pages/dalian_library_news_2011.txt", None, "投资总额3793万元", "启动"),  # 大连 news
    ("real/yangzhou_news_2014.txt", "2014-06-06", "总投资200亿元", "投资"),  # after a task: 完成…开发任务
    ("real/shenzhen_report_news_2022.txt", "2022-04-12", "总投资9809.6亿元", "投资"),  # after a breakdown
])
def test_a_total_after_its_projects_takes_their_verb(name, published, fragment, action):
    scored = name.removeprefix("real/")
    found = _passage(scored) if scored in _META else _read(name, published).candidates
    (c,) = [c for c in found if c.quote.endswith(fragment)]
    assert c.action == action


# Rule modal_short_verb (lexicon short_verbs): a one-character verb between a modal and the number is the act.
@pytest.mark.parametrize("name, published, fragment, action", [
    ("real/longwen_news_2017.txt", "2017-02-27", "将建5所小学10所幼儿园", "建"),  # 龙文区 news, its headline
    ("real/short_pages/fengyang_culture_news_2011.txt", "2011-02-25", "凤阳将建112个农家书屋9个乡镇文化站", "建"),  # 凤阳县
    ("real/short_pages/fengyang_culture_news_2011.txt", "2011-02-25", "该县又将建112个农家书屋", "建"),
    ("real/beijing_oil_cameras_news_2012.txt", "2012-06-12", "京拟装６万电子眼监控地沟油", "装"),  # 北京 news
])
def test_a_one_character_verb_after_a_modal_is_the_act(name, published, fragment, action):
    scored = name.removeprefix("real/")
    found = _passage(scored) if scored in _META else _read(name, published).candidates
    assert [c.action for c in found if fragment in c.quote] == [action]


# Rule target_is_no_object (lexicon target_nouns): words after the number that are only a name of the target (目标,
# 目标要求, “十四五”经济目标) are no object; the words before the number name what it counts. A target noun with what it
# counts in front of it (政府隐性债务化解目标) stays the object.
@pytest.mark.parametrize("name, fragment, obj", [
    ("liaoning_targets_2026.txt", "城镇新增就业45万人以上的目标", "就业"),  # 辽宁, 2026
    ("songjiang_renewal_2025.txt", "落实海绵城市达标区面积占建成区50%的目标要求", "海绵城市达标区面积"),  # 松江区, 2025
    ("shenzhen_greeting_news_2022.txt", "实现经济总量达到4万亿元“十四五”经济目标", "经济总量"),  # 深圳 news, 2022
    ("hailar_plan_2019.txt", "完成2019年度7.89亿元政府隐性债务化解目标", "政府隐性债务化解目标"),  # 海拉尔区, 2019
])
def test_a_name_of_the_target_is_no_object(name, fragment, obj):
    assert _the(name, fragment).object.startswith(obj)


# Rule head_of_use: the object after a verb of use is the work the sum is spent on, past a modifier ending in 的 and
# past bare names that share a project's name; a list of works keeps its first.
@pytest.mark.parametrize("name, fragment, obj", [
    ("hailar_targets_2017.txt", "投资6.6亿元,实施两河圣山文化旅游景区的基础设施建设", "基础设施"),  # 海拉尔区, 2017
    ("guangxi_targets_2026.txt", "三年安排450亿元支持以AI为引领的新质生产力发展", "新质生产力发展"),  # 广西, 2026
    ("hailar_minsheng_2015.txt", "投资3.1亿元，实施桃李中学、三中分校、第五中学扩建工程", "第五中学扩建工程"),  # 海拉尔区 实事
    ("huangshan_eco_news_2011.txt", "今年计划投资13000万元进行南源水电站建设", "南源水电站"),  # 黄山市 news, 2011
])
def test_the_object_of_a_sums_use_is_the_work(name, fragment, obj):
    assert _the(name, fragment).object.startswith(obj)


# A list's lead in the last sentence of its paragraph (_lead_deadline's antecedent sentence): when the paragraph
# ends in a colon, or the next opens on a short clause ending in one (这十件实事是：), the sentence before the list
# dates it, with the year it opens with (after a reporting frame) or the year of the programme it names; a news
# report's dateline and setting come first in the paragraph. Both pages are in traditional characters, read through
# their simplified reading (test_script.py); the page in simplified characters is read the same (the reading is it).
@pytest.mark.parametrize("name, published, fragment, date", [
    # 甘谷縣 news 2021-11-28: 11月28日,…作政府工作報告。報告指出,2022年縣政府將…重點抓好10件民生實事: then (1)…(10)
    ("real/short_pages/gangu_shishi_news_2021_trad.txt", "2021-11-28", "改造農村危橋4座", "2022-12-31"),
    ("real/short_pages/gangu_shishi_news_2021_trad.txt", "2021-11-28", "新增學位3000個", "2022-12-31"),
    # 榆中縣 news 2016-01-20: …召開第五次會議。會上確定2016年縣委縣政府為民興辦10件實事。| 這十件實事是:1.…10.
    ("real/short_pages/yuzhong_shishi_news_2016_trad.txt", "2016-01-20", "改造農村危舊房1320戶", "2016-12-31"),
    ("real/short_pages/yuzhong_shishi_news_2016_trad.txt", "2016-01-20", "改造路網及村內道路160公里", "2016-12-31"),
])
def test_a_list_lead_in_the_last_sentence_of_its_paragraph_dates_the_list(name, published, fragment, date):
    assert _dates_and_rules(name, published, fragment) == {(date, "list_lead_inherits")}


def test_a_last_sentence_leads_only_a_list():
    """The sentence before a list dates it; the same sentence before plain paragraphs dates nothing after it."""
    from tracker.extract import extract_document

    lead = "1月19日，市人代会开幕。会上确定2024年为民办好10件实事。\n"
    for body, date in (("这十件实事是：1.新建学校5所。2.新增公交线路12条。", dt.date(2024, 12, 31)),
                       ("新建学校5所。新增公交线路12条。", None)):
        doc = extract_document(lead + body, published=dt.date(2024, 1, 20))
        items = [c for c in doc.candidates if "5所" in c.quote or "12条" in c.quote]
        assert len(items) == 2 and {c.deadline.date for c in items} == {date}



# A reporting frame of news (_REPORTING_FRAME): 记者从…获悉，/ 了解到， before the lead's time, as 表示，/ 指出，are.
@pytest.mark.parametrize("name, published, fragment, date, raw", [
    # 秦安縣 news 2015 (traditional, bracketed pinyin): 2月11日,記者從…會議上了解到,2015年,…將集中力量辦好十件民生實事。
    # | 這十件民生實事分別是:…
    ("real/short_pages/qinan_shishi_news_2015_pinyin.txt", "2015-02-11", "改造農(nóng)村危舊房2000戶", "2015-12-31", "2015年"),
    # 青岛 news 2011: 记者从青岛市交通运输委了解到，今后五年，青岛市将大力实施重点项目建设… then the roads below
    ("real/qingdao_traffic_news_2011.txt", "2011-04-25", "全长约165公里", "2015-12-31", "今后五年"),
])
def test_a_lead_after_a_news_reports_source_dates_the_list(name, published, fragment, date, raw):
    hits = [c for c in _read(name, published).candidates if fragment in c.quote]
    assert hits and {(c.deadline.date.isoformat(), c.deadline.raw) for c in hits} == {(date, raw)}


# A division's name holds no 的 (people._DIVISION_NAME): the clause before it is no part of it.
@pytest.mark.parametrize("sentence, name", [
    # 秦安縣 news 2015, its simplified reading
    ("2月11日,记者从刚刚闭幕的秦安县第十七届人民代表大会第四次会议上了解到,2015年,", "秦安县"),
    # 镇安县 news 2015 (tests/extract/followup/zhenan2015_plan.txt)
    ("关乎民计民生的大事,都在2015年4月27日的镇安县政府工作报告中做了掷地有声的部署。", "镇安县"),
])
def test_a_division_name_holds_no_de(sentence, name):
    from tracker.extract.people import _GENERIC_DIVISION

    assert [m.group(1) for m in _GENERIC_DIVISION.finditer(sentence)] == [name]

# quantities rule areas_before_the_sum (batches U and AA): a project's site and floor area told in clauses of their own
# before its total investment, in the same sentence, size the project with the sum: one pledge with all its numbers.
@pytest.mark.parametrize("name, published, fragment, raws", [
    # 闽侯县 news 2012: …,建设用地面积约25.8亩,总建筑面积15753.15平方米,项目总投资约9800万元,将于2013年底建成投入使用
    ("real/short_pages/minhou_museum_news_2012.txt", "2012-08-14", "项目总投资约9800万元", ["25.8亩", "15753.15平方米", "9800万元"]),
    # 巴中市 news 2014: …位于巴城北龛寺,规划占地88.78亩,建筑面积约6万平方米,计划总投资1.96亿元
    ("real/short_pages/bazhong_stadium_news_2014.txt", "2014-12-04", "计划总投资1.96亿元", ["88.78亩", "6万平方米", "1.96亿元"]),
    # 龙海市 news 2017: …,总用地面积4.3万平方米,总建筑面积10.2万平方米,计划总投资6.7亿元
    ("real/short_pages/longhai_four_halls_news_2017.txt", "2017-11-23", "计划总投资6.7亿元", ["4.3万平方米", "10.2万平方米", "6.7亿元"]),
])
def test_a_projects_areas_before_its_sum_are_one_pledge_with_it(name, published, fragment, raws):
    (c,) = [c for c in _read(name, published).candidates if fragment in c.quote]
    assert [q.raw for q in c.quantities] == raws and c.why_dict()["quantities"] == "areas_before_the_sum"
    assert c.quote.startswith(("建设用地面积", "规划占地", "总用地面积"))


def test_an_area_read_as_a_pledge_keeps_its_own():
    # 金华市 news: 金华市科技文化中心总建筑面积约9.3万平方米,其中…,预计总投资10亿元: the area is a candidate of its own (a
    # clause after 其中 between), so the sum takes nothing from before it
    doc = _read("real/short_pages/jinhua_culture_centre_news.txt", None)
    (c,) = [c for c in doc.candidates if "10亿元" in c.quote]
    assert c.why_dict()["quantities"] != "areas_before_the_sum"


# deadline rule completion_told_before (batches U and AA): an earlier sentence of the article, in the pledge's paragraph
# or one of the two before it, saying when the project is finished dates the project's figures told after it, when it
# is the only completion the article has told so far.
@pytest.mark.parametrize("name, published, fragment, date", [
    # 金华市 news: 市科技文化中心开工奠基仪式…举行,中心计划于2017年10月建成并投入使用。| … | 记者了解到,金华市科技文化中心总建筑面积约9.3万平方米
    ("real/short_pages/jinhua_culture_centre_news.txt", None, "9.3万平方米", "2017-10-31"),
    # 蜀山区 news 2012: 该区将投资1500万元,建设20多处活动中心和文化广场。…确保年底全部建成。| …共建设9个文化活动中心和11处文化活动广场
    ("real/short_pages/shushan_culture_news_2012.txt", "2012-07-13", "9个文化活动中心", "2012-12-31"),
    ("real/short_pages/shushan_culture_news_2012.txt", "2012-07-13", "11处文化活动广场", "2012-12-31"),
    # 东阳市 news 2024: 该校区停车场工程于8月1日动工,力争9月底竣工。建成后,学校周边将新增机动车停车位58个
    ("real/short_pages/dongyang_parking_news_2024.txt", "2024-09-05", "停车位58个", "2024-09-30"),
    # 卫闽镇 news 2017: 该项建设工程将于三季度开工建设,年底完工。工程完成后,全镇人均体育面积将增加0.36㎡
    ("real/short_pages/shaowu_weimin_fitness_news_2017.txt", "2017-05-03", "人均体育面积将增加", "2017-12-31"),
])
def test_a_completion_told_before_dates_the_projects_figures(name, published, fragment, date):
    assert _dates_and_rules(name, published, fragment) == {(date, "completion_told_before")}


def test_a_completion_told_before_dates_nothing_when_the_article_tells_two():
    from tracker.extract import extract_document

    lead = "新图书馆计划于今年年底建成投入使用。"
    after = "\n据介绍,新图书馆将新增阅览座位500个。\n"
    (one,) = extract_document(lead + after, published=dt.date(2013, 3, 1)).candidates
    assert (one.deadline.date, one.why_dict()["deadline"]) == (dt.date(2013, 12, 31), "completion_told_before")
    # two projects, two completions (年底, 明年6月底): which one a later figure belongs to is not known
    (two,) = extract_document(lead + "新文化馆将于明年6月底竣工。" + after, published=dt.date(2013, 3, 1)).candidates
    assert (two.deadline.date, two.why_dict()["deadline"]) == (None, "no_deadline")
    # a figure whose sentence names no facility the completion's paragraph named is not dated by it
    (other,) = extract_document(lead + "\n据介绍,该区将新增公交线路5条。\n", published=dt.date(2013, 3, 1)).candidates
    assert other.why_dict()["deadline"] != "completion_told_before"


# tense rule begun_project_told_elsewhere and deadline rule project_completion_elsewhere (batch AF): the size of a
# project (投资, 面积, 占地 before its number) whose one completion, still ahead, another paragraph of the article tells
# (three before or after it), the works told begun there or in the figure's paragraph, looks forward and takes that
# completion, when the figure's sentence names the facility the completion's paragraph names.
@pytest.mark.parametrize("name, published, fragment, date", [
    # 桃江县 news 2014: …桃江县影剧院于10月24日起开始全面维修改造,目前施工正在紧锣密鼓地进行,预计今年底可以竣工并投入使用。|
    # … 剧场是80年代建设的 … | 据了解,县影剧院改造项目总投资300多万元 | 目前,…预计今年年底竣工并投入使用
    ("real/short_pages/taojiang_theatre_news_2014.txt", "2014-11-26", "县影剧院改造项目总投资300多万元", "2014-12-31"),
    # 陆丰市 news 2020: 陆丰市体育馆、游泳池建设工程项目,总投资2506万元,… | 陈诗显:“陆丰市体育馆游泳池及配套设施工程项目,于2018年底
    # 开工至今,预计2020年8月份验收竣工
    ("real/short_pages/lufeng_gym_news_2020.txt", "2020-07-18", "总投资2506万元", "2020-08-31"),
])
def test_a_begun_projects_size_with_its_completion_in_another_paragraph_looks_forward(name, published, fragment, date):
    hits = [c for c in _read(name, published).candidates if fragment in c.quote]
    assert [(c.why_dict()["tense"], c.why_dict()["deadline"], c.deadline.date.isoformat()) for c in hits] == \
        [("begun_project_told_elsewhere", "project_completion_elsewhere", date)]


def test_a_completion_in_another_paragraph_speaks_only_of_its_own_begun_project():
    from tracker.extract import extract_document

    begun = "新图书馆已于3月开工建设,预计今年年底竣工。\n"
    figure = "据了解,新图书馆总投资3000万元。\n"
    (one,) = extract_document(begun + "馆内设施齐全。\n" + figure, published=dt.date(2013, 5, 1)).candidates
    assert (one.why_dict()["tense"], one.deadline.date) == ("begun_project_told_elsewhere", dt.date(2013, 12, 31))
    # two completions (年底, 明年6月底): which project the figure belongs to is not known
    two = extract_document(begun + "新文化馆将于明年6月底竣工。\n馆内设施齐全。\n" + figure, published=dt.date(2013, 5, 1))
    assert [c.why_dict()["tense"] for c in two.candidates] != ["begun_project_told_elsewhere"]
    # the figure's sentence names another facility
    other = extract_document(begun + "馆内设施齐全。\n据了解,老剧院总投资3000万元。\n", published=dt.date(2013, 5, 1))
    assert [c.why_dict()["tense"] for c in other.candidates] != ["begun_project_told_elsewhere"]
    # no start told: a completion alone does not make the article's sizes forward
    planned = extract_document("新图书馆预计今年年底竣工。\n馆内设施齐全。\n" + figure, published=dt.date(2013, 5, 1))
    assert [c.why_dict()["tense"] for c in planned.candidates] != ["begun_project_told_elsewhere"]


# tense rule under_way_project_scale (batches AC and AF): a project's own sizes (建筑面积, 占地, 投资 before the number;
# every number an area or a sum) in a paragraph that tells the works under way now (正加紧施工, 进场施工以来, 施工建设中)
# within two sentences before and three after the figure's, and nowhere there tells it finished, look forward, when
# the figure's sentence names a public facility.
@pytest.mark.parametrize("name, published, fragment, found", [
    # 12月7日,在霞浦县博物馆建设工地上,工人们正加紧施工。霞浦县九大馆包括博物馆、…,占地49.3亩,总建筑面积57341平方米,总投资达
    # 3.5亿元,目前已投资2亿元 (霞浦县 news, 2012)
    ("real/short_pages/xiapu_museum_news_2012.txt", "2012-12-10", "总投资达3.5亿元", True),
    # “五馆两中心”公共服务综合体项目…,项目总投资2.82亿元,总建筑面积41400平米。…自3月18日进场施工以来,… (顺平县 news, 2022)
    ("real/short_pages/shunping_halls_news_2022.txt", "2022-08-16", "项目总投资2.82亿元", True),
    # 11月19日上午,咸宁市文化中心落成试运行…项目占地面积30.5亩,总建筑面积16841平方米,总投资11066万元 (咸宁市 news, 2019): opened
    ("real/short_pages/xianning_culture_centre_news_2019.txt", "2019-11-20", "总投资11066万元", False),
])
def test_the_size_of_a_project_under_way_looks_forward(name, published, fragment, found):
    _assert_found_by(name, published, fragment, found, "tense", "under_way_project_scale")


def test_a_project_under_way_told_finished_or_a_companys_plant_is_no_pledge():
    from tracker.extract import extract_document

    under_way = "新图书馆正在加紧施工。新图书馆总建筑面积1万平方米,总投资5000万元。\n"
    (one,) = extract_document(under_way, published=dt.date(2013, 5, 1)).candidates
    assert one.why_dict()["tense"] == "under_way_project_scale"
    finished = "新图书馆正在加紧施工,老馆已于去年建成。新图书馆总建筑面积1万平方米,总投资5000万元。\n"
    assert [c.why_dict()["tense"] for c in extract_document(finished, published=dt.date(2013, 5, 1)).candidates] \
        != ["under_way_project_scale"]
    plant = "新工厂正在加紧施工。新工厂总建筑面积1万平方米,总投资5000万元。\n"
    assert [c.why_dict()["tense"] for c in extract_document(plant, published=dt.date(2013, 5, 1)).candidates] \
        != ["under_way_project_scale"]


# pledge rule kind_dimension (batches U and AA): a length in 米 right before a facility's name (lexicon
# kind_dimension_heads), no 的 between, names the facility's kind: no quantity, and a piece left with none no pledge.
@pytest.mark.parametrize("name, published, fragment", [
    # 晋江市 news 2015: 将配备网球训练馆、综合训练馆、游泳馆及50米室外游泳训练池、儿童训练池、儿童戏水池、5个地下训练房
    ("real/short_pages/jinjiang_fitness_news_2015.txt", "2015-12-25", "50米室外游泳训练池"),
    # 巴中市 news 2014: 内设4500人座多功能标准篮球场1个,2000人座、50×25米标准游泳池一个
    ("real/short_pages/bazhong_stadium_news_2014.txt", "2014-12-04", "25米标准游泳池"),
])
def test_a_length_before_a_facilitys_name_is_its_kind(name, published, fragment):
    doc = _read(name, published)
    assert not [c for c in doc.candidates if fragment in c.quote and any(q.unit == "米" for q in c.quantities)]
    assert any(fragment in doc.text[s:e] and rule == "kind_dimension" for s, e, rule, _ in doc.declined)


def test_a_length_the_work_covers_stays():
    from tracker.extract import extract_document

    # a length after its noun (新建健身步道800米) or before 的 (全长2.4公里的健身步道, 卫闽镇 news 2017) is what is built
    doc = extract_document("今年将新建健身步道800米,完善全长2.4公里的健身步道,建设50米标准游泳池1个。", published=dt.date(2015, 3, 1))
    raws = [q.raw for c in doc.candidates for q in c.quantities]
    assert "800米" in raws and "2.4公里" in raws and "50米" not in raws and "1个" in raws


# action rule finishing_after_progress (batches U and AA): after the number, a report of progress and then when the work
# will be finished make the finishing the act.
@pytest.mark.parametrize("name, published, fragment, action", [
    # 福州市 news 2008: 全市31个乡镇街综合文化站建设进展顺利,有望在10月底前全部建成
    ("real/short_pages/fuzhou_culture_stations_news_2008.txt", "2008-08-11", "31个乡镇街综合文化站建设进展顺利", "建成"),
    # 三明市 news 2014: 计划总投资4828多万元的新图书馆和计划总投资2000多万元的新艺术馆目前进入室内装修收尾阶段,预计9月投入使用
    ("real/short_pages/sanming_library_news_2014.txt", "2014-08-25", "4828多万元", "投入使用"),
    ("real/short_pages/sanming_library_news_2014.txt", "2014-08-25", "2000多万元", "投入使用"),
])
def test_the_finishing_after_a_report_of_progress_is_the_act(name, published, fragment, action):
    (c,) = [c for c in _read(name, published).candidates if fragment in c.quote]
    assert (c.action, c.why_dict()["action"]) == (action, "finishing_after_progress")


def test_progress_without_a_finishing_ahead_keeps_the_verb():
    from tracker.extract import extract_document

    lead = "作为今年为民办实事项目,全市30个文化站建设进展顺利"
    (c,) = extract_document(lead + "。", published=dt.date(2008, 8, 11)).candidates
    assert (c.action, c.why_dict()["action"]) == ("建设", "verb_after_number")
    (c,) = extract_document(lead + ",有望在10月底前全部建成。", published=dt.date(2008, 8, 11)).candidates
    assert (c.action, c.why_dict()["action"]) == ("建成", "finishing_after_progress")

# count_of_named_kinds, counted places (batch Z, docs/rules.md): a count right after a closed enumeration of the places
# or parts it counts (lexicon enumerated_areas, the place word ending the counted noun) sums the names up; the places
# act or hold the work, the count is no size of it. A place word that names something more, or an open list, is left.
@pytest.mark.parametrize("name, published, meta, fragment, count", [
    # 河南's 2026 report (batch Z): the four end cities' role, the four areas' cities acting together
    ("real/henan_rural_region_2026.txt", "2026-01-26", {"district": "河南省", "official": ("王凯", "河南省人民政府省长")}, "安阳、商丘、信阳、三门峡四个端点城市", "三门峡四个"),
    ("real/henan_rural_region_2026.txt", "2026-01-26", {"district": "河南省", "official": ("王凯", "河南省人民政府省长")}, "东北、西北、西南、东南四个片区", "东南四个"),
    # 广州 news of 2014-06-30 (real/guangzhou_parks_news_2014.txt, retired): a park divided into four named areas
    ("real/guangzhou_parks_news_2014.txt", "2014-06-30", {}, "入口广场、农耕乐园、山体滑梯、动感游园四个主要区域", "动感游园四个"),
])
def test_a_count_of_the_places_just_named_is_no_pledge(name, published, meta, fragment, count):
    from tracker.extract import Official

    if "official" in meta:  # as score.py --meta passes them: the report's speaker reads its task paragraphs forward
        meta = {**meta, "official": Official(*meta["official"])}
    doc = _read(name, published, **meta)
    assert fragment in doc.text
    assert not [c.quote for c in doc.candidates if count in c.quote]
    assert any(count in doc.text[s:e] for s, e, p, t in doc.declined if p == "count_of_named_kinds"), doc.declined


@pytest.mark.parametrize("name, published, fragment", [
    # 长安区's 2022 实事: the count names communities built in the three 街道 (a place word that names something more)
    ("real/changan_shishi_2022.txt", "2022-01-01", "太乙、子午、五台3个街道新型农村社区"),
    # 深圳 news of 2022: an open list (…等20个重点片区)
    ("real/shenzhen_report_news_2022.txt", "2022-01-01", "坝光国际生物谷等20个重点片区"),
])
def test_a_count_of_named_places_that_counts_more_or_an_open_list_stays(name, published, fragment):
    assert [c.quote for c in _read(name, published).candidates if fragment[-8:] in c.quote]


# noun_shared_by_grades (batch Z, docs/rules.md): counts of two grades or more share the noun after the last grade; the
# first count's candidate ends on its grade, and its object is that noun.
@pytest.mark.parametrize("name, published, fragment, obj", [
    # 山西's 2026 report (batch C): 新建6个国家级、20个省级临床重点专科
    ("real/shanxi_minsheng_2026.txt", "2026-01-27", "新建6个国家级", "临床重点专科"),
    # 辽宁's 2026 report (batch Z): 布局建设20个国家级、19个省级粮食产能提升重点县 (提升 names the 重点县, the reading goes
    # on to it: verb_names_a_designation)
    ("real/liaoning_rural_eco_2026.txt", "2026-01-27", "布局建设20个国家级", "粮食产能提升重点县"),
])
def test_counts_of_grades_share_the_noun_after_the_last(name, published, fragment, obj):
    (c,) = [c for c in _read(name, published).candidates if fragment in c.quote]
    assert c.object == obj and dict(c.why)["object"] == "noun_shared_by_grades"


@pytest.mark.parametrize("sentence", [
    # 辽宁's 2026 report (chars 10467-10493 of its CSV file at 9ea556b): three grades
    "着力培育6个世界级、7个国家级、9个区域级产业集群。",
])
def test_three_grades_share_the_noun_too(sentence):
    from tracker.extract import extract_document

    doc = extract_document("今年重点工作。" + sentence, published=dt.date(2026, 1, 27))
    objects = {c.quote: c.object for c in doc.candidates}
    assert [o for q, o in objects.items() if "6个世界级" in q] == ["产业集群"], objects


def test_a_single_grade_keeps_its_noun():
    from tracker.extract import extract_document

    # 内蒙古's 2026 report (chars 8673-8701 of its CSV file at 9ea556b, 今年， added): one grade, its noun right after it
    doc = extract_document("今年，新增1个国家级优势特色产业集群、新入规加工企业20家以上。", published=dt.date(2026, 2, 4))
    assert [c.object for c in doc.candidates if "1个国家级" in c.quote] == ["国家级优势特色产业集群"]


# lexicon numeral_idioms (batch Z's second set): 两个市场、两种资源, the domestic and the foreign market and resources of
# opening-up, is a set phrase of policy, not two of anything.
@pytest.mark.parametrize("name, published, meta, sentence", [
    # 安徽's 2026 report, its 十五五 section (batch Z: two false alarms as first read)
    ("real/anhui_period_2026.txt", "2026-02-05", {"district": "安徽省"}, None),
    # 河北's 2026 report, its 十五五 section (chars 6180-6225 of its CSV file at 9ea556b, the clauses up to the next
    # comma's list; read whole, one candidate before)
    (None, "2026-01-26", {"district": "河北省"}, "要联动内部与外部，用好两个市场两种资源，以苦练内功应对外部挑战，扩内需优供给，促开放寻合作"),
])
def test_the_two_markets_and_two_resources_are_no_count(name, published, meta, sentence):
    from tracker.extract import extract_document

    doc = _read(name, published, **meta) if name else extract_document(sentence, published=dt.date.fromisoformat(published), **meta)
    assert not [c.quote for c in doc.candidates if "两个市场" in c.quote or "两种资源" in c.quote]


# verb_names_a_designation (batch AD, docs/rules.md): a verb right before the head of a designated kind of place (lexicon
# designation_heads: 重点县, 示范区) is part of the counted kind's name: the act is the verb before the number, or a sibling
# conjunct's, and the object reads on through the verb to the head.
@pytest.mark.parametrize("name, published, meta, fragment, action, obj", [
    # 河南's 2026 report (batch Z): a generic verb before the number stays the act
    ("real/henan_rural_region_2026.txt", "2026-01-26", {"district": "河南省", "official": ("王凯", "河南省人民政府省长")},
     "推进66个粮食产能提升重点县", "推进", "粮食产能提升重点县"),
    # 辽宁's 2026 report (batch Z): the second grade's count takes the verb of the first
    ("real/liaoning_rural_eco_2026.txt", "2026-01-27", {}, "19个省级粮食产能提升重点县", "建设", "省级粮食产能提升重点县"),
])
def test_a_verb_inside_a_designated_kinds_name_is_no_act(name, published, meta, fragment, action, obj):
    from tracker.extract import Official

    if "official" in meta:  # as score.py --meta passes them: the report's speaker reads its task paragraphs forward
        meta = {**meta, "official": Official(*meta["official"])}
    (c,) = [c for c in _read(name, published, **meta).candidates if fragment in c.quote]
    assert action in c.action and c.object == obj, (c.action, c.object)


def test_a_verb_after_the_number_that_ends_the_work_still_acts():
    from tracker.extract import extract_document

    # 吉林's 2026 民生实事 (as generic_verb_gives_way reads it): the verb ends the quote, no designation after it
    doc = extract_document("今年，实施100条客运班线公交化改造。", published=PUB)
    assert [c.action for c in doc.candidates] == ["改造"]


# conjunct_object_before (batch AD, docs/rules.md): a conjunct of a verb and its number alone, after 、, counts what the
# conjunct before it counts in the same unit, whose object stands once before the first verb.
@pytest.mark.parametrize("name, published, sentence, quote, obj", [
    # 云南's 2026 report (batch AD: 投产1000万千瓦以上 read with no object as first read)
    ("real/yunnan_targets_2026.txt", "2026-01-28", None, "投产1000万千瓦以上", "新能源"),
    # 海南's 2026 report (chars 14740-14778 of its CSV file at a49b64c, its plan section for 2026; 今年， added)
    (None, "2026-01-27", "今年，加快省重大项目建设进度，年投资亿元以上项目新开工43个以上、竣工38个以上。", "竣工38个以上", "项目"),
])
def test_a_bare_conjunct_counts_what_the_one_before_counts(name, published, sentence, quote, obj):
    from tracker.extract import extract_document

    doc = _read(name, published) if name else extract_document(sentence, published=dt.date.fromisoformat(published))
    (c,) = [c for c in doc.candidates if c.quote == quote]
    assert c.object == obj and dict(c.why)["object"] == "conjunct_object_before"


def test_a_conjunct_in_another_unit_names_its_own_count():
    from tracker.extract import extract_document

    # a conjunct in another unit is no ellipsis of the one before (a rule test)
    doc = extract_document("今年，新建学校5所、投资3亿元。", published=PUB)
    assert [c.object for c in doc.candidates if "3亿元" in c.quote] != ["学校"]


# 和美乡村 (batch Z, docs/rules.md, batch AD): a word (lexicon userdict), its 和 no coordinator (_COORD): the count's
# object is read after it.
@pytest.mark.parametrize("name, published, meta, sentence, quote", [
    # 河南's 2026 report (batch Z: 1000个和美乡村 with no object as first read)
    ("real/henan_rural_region_2026.txt", "2026-01-26", {"district": "河南省", "official": ("王凯", "河南省人民政府省长")}, None,
     "1000个和美乡村"),
    # 青海's 2026 report (chars 16019-16108 of its CSV file at a49b64c, its plan for 2026; 今年， added)
    (None, "2026-01-27", {}, "今年，启动新一轮农牧区人居环境整治提升五年行动，加快推进生活污水治理、生活垃圾处理，深入实施文明乡风建设工程，"
     "打造150个和美乡村，让广大农牧民生活更好、日子更甜，让乡村更富生机活力。", "打造150个和美乡村"),
])
def test_he_mei_xiang_cun_is_one_word(name, published, meta, sentence, quote):
    from tracker.extract import Official, extract_document

    if "official" in meta:
        meta = {**meta, "official": Official(*meta["official"])}
    doc = _read(name, published, **meta) if name else extract_document(sentence, published=dt.date.fromisoformat(published))
    assert [c.object for c in doc.candidates if c.quote == quote] == ["和美乡村"]


def test_he_before_meili_still_coordinates():
    from tracker.extract import extract_document

    # 和 before 美丽 (not 美乡村) joins two counted objects (a rule test)
    doc = extract_document("今年，建设10个示范村和美丽乡村20个。", published=PUB)
    assert [c.object for c in doc.candidates] == ["示范村", "美丽乡村"]


# outline_paragraph_plans (batch AD's second set, docs/rules.md): a paragraph whose first sentence names the coming plan's
# outline (lexicon outline_drafts) ends a run of review paragraphs: its targets look forward.
_BEIJING_REVIEW = ("这五年，我们系统治理、持续攻坚，绿色底色更加鲜明靓丽。细颗粒物年均浓度连续五年稳定达标，“北京蓝”成为常态；五大河流全线"
                   "贯通入海，水环境质量显著提升；超额完成新一轮百万亩造林绿化工程，成功创建全域国家森林城市，公园总数达1136个，花园城市建设"
                   "全面展开，北京被联合国组织评为生物多样性魅力城市。")


@pytest.mark.parametrize("name, published, meta, fragment", [
    # 广西's 2026 report (batch AD's second set: missed as first read): 过去五年，… then the outline's paragraph
    ("real/guangxi_period_2026.txt", "2026-02-02", {"district": "广西壮族自治区", "official": ("韦韬", "自治区主席")},
     "地区生产总值年均增长5%左右"),
    # 北京's 2026 report: a 这五年，… paragraph of its review (chars 6340-6487 of its CSV file at 9ea556b), then the
    # paragraph of the outline's 29 indicators (real/beijing_targets_2026.txt's first), as the whole report has them
    ("real/beijing_targets_2026.txt", "2026-01-25", {"district": "北京市", "official": ("殷勇", "北京市市长")},
     "地区生产总值年均增速4.5%-5%"),
])
def test_the_outline_paragraph_after_a_review_run_plans(name, published, meta, fragment):
    from tracker.extract import Official, extract_document

    meta = {**meta, "official": Official(*meta["official"])}
    text = (Path(__file__).parent / name).read_text(encoding="utf-8")
    if "beijing" in name:
        text = _BEIJING_REVIEW + "\n" + text.split("\n")[0] + "\n"
    doc = extract_document(text, published=dt.date.fromisoformat(published), **meta)
    assert [c.quote for c in doc.candidates if fragment in c.quote], [c.quote for c in doc.candidates]


def test_a_review_paragraph_naming_no_outline_stays_a_review():
    from tracker.extract import Official, extract_document

    # 北京's review paragraph alone, then one more of its kind: nothing is read forward
    doc = extract_document(_BEIJING_REVIEW + "\n" + _BEIJING_REVIEW + "\n", published=dt.date(2026, 1, 25), district="北京市",
                           official=Official("殷勇", "北京市市长"))
    assert not doc.candidates


# lexicon actions: 壮大 (batch AD's second set, docs/rules.md) is an act: a conjunct after it takes it, and an earlier
# clause's verb no longer stands in for it.
@pytest.mark.parametrize("name, published, meta, fragment", [
    # 河南's 2026 report (batch Z: no action as first read)
    ("real/henan_rural_region_2026.txt", "2026-01-26", {"district": "河南省", "official": ("王凯", "河南省人民政府省长")}, "18条乡村富民产业链"),
    # 山东's 2026 report (batch AD's second set: 打造, the clause before's, as first read)
    ("real/shandong_industry_2026.txt", "2026-01-27", {"district": "山东省", "official": ("周乃翔", "山东省省长")}, "4个千亿级新兴潜力产业"),
])
def test_zhuangda_is_an_act(name, published, meta, fragment):
    from tracker.extract import Official

    meta = {**meta, "official": Official(*meta["official"])}
    (c,) = [c for c in _read(name, published, **meta).candidates if fragment in c.quote]
    assert c.action == "壮大"
# verb_inside_a_name and name_through_its_verb (prec19): a verb after the number inside the name the number counts (name
# words, the verb, the name's head at the quote's end: 重点县 of lexicon designation_heads, or 工程/项目 after further
# name words) is no act, and the object runs through it to the head; a sibling conjunct after such a name takes the verb
# before the name (河南's 推进…和豫东平原…). Both documents read 提升 or 建设 before the rule.
@pytest.mark.parametrize("name, fragment, action, obj", [
    ("liaoning_rural_eco_2026.txt", "19个省级粮食产能提升重点县", "建设", "省级粮食产能提升重点县"),  # 辽宁, 2026
    ("henan_rural_region_2026.txt", "推进66个粮食产能提升重点县", "推进", "粮食产能提升重点县"),  # 河南, 2026
    ("henan_rural_region_2026.txt", "豫东平原200万亩整区域工程化建设高标准农田项目", "推进", "整区域工程化建设高标准农田项目"),
])
def test_a_verb_inside_a_counted_name_is_no_act(name, fragment, action, obj):
    c = _the(name, fragment)
    assert (c.action, c.object) == (action, obj)


def test_a_project_name_reads_through_its_verb_outside_the_corpus():
    from tracker.extract import extract_document

    # 内蒙古's 2026 report (chars 6565-6605 of its CSV file at 9ea556b and ad4c815), read whole the object stopped at 修复
    doc = extract_document("今年，实施包头、阿拉善等6个国家历史遗留废弃矿山生态修复示范工程，新建绿色矿山50座。",
                           published=dt.date(2026, 2, 4))
    (c,) = [c for c in doc.candidates if "6个" in c.quote]
    assert (c.action, c.object) == ("实施", "国家历史遗留废弃矿山生态修复示范工程")


@pytest.mark.parametrize("name, published, fragment, action", [
    # the work the counted things get keeps its verb: 工程 right after the verbs (the seeds), a second verb after the
    # first (甘谷县 news, 2020: 为62户…家庭实施家居无障碍改造工程)
    ("../../seeds/000_b1d06a0eb0b265fb.txt", None, "30所幼儿园新建、改扩建工程", "新建、改扩建"),
    ("real/short_pages/gangu_shishi_news_2020.txt", "2020-05-11", "为62户贫困残疾人家庭实施家居无障碍改造工程", "实施"),
])
def test_a_work_after_the_counted_things_keeps_its_verb(name, published, fragment, action):
    (c,) = [c for c in _read(name, published).candidates if fragment in c.quote]
    assert c.action == action


# year_on_year_result (prec19, lexicon year_on_year_words): a growth stated 同比 (against the same period of last year)
# in the quote is a measured result, not a target: no pledge of the corpus, the pages or the seeds is stated so. The
# figure before it, in a clause of its own, keeps its reading (深圳's year's plan).
@pytest.mark.parametrize("name, published, meta, fragment", [
    ("real/shenzhen_report_news_2022.txt", "2022-04-12", {}, "同比增长26.2%"),  # 深圳 news, 2022: the plan's sums
    ("real/shenzhen_report_news_2022.txt", "2022-04-12", {}, "同比增长6.3%"),
    ("real/short_pages/baoshan_news_2019.txt", None, {"district": "宝山区"}, "居民人均可支配收入同比增长9%"),  # 宝山区 news
    ("real/short_pages/baoshan_news_2019.txt", None, {"district": "宝山区"}, "商品销售和社会消费品零售总额同比分别增长14.3%"),
    ("excerpts/xinjiang_cement_news_2011.txt", "2011-06-03", {}, "水泥行业固定资产总计划投资同比增加16%"),  # 新疆 news
])
def test_a_growth_against_last_years_same_period_is_no_pledge(name, published, meta, fragment):
    text = (Path(__file__).parent / name).read_text(encoding="utf-8")
    assert fragment in text
    assert not [c.quote for c in _read(name, published, **meta).candidates if fragment in c.quote]


def test_the_figure_before_a_year_on_year_growth_keeps_its_reading():
    # 深圳 news, 2022: …计划共安排项目883个，总投资35674.8亿元，同比增长26.2%: the year's plan stays a pledge
    found = [c.quote for c in _read("real/shenzhen_report_news_2022.txt", "2022-04-12").candidates]
    assert any("共安排项目883个" in q and "35674.8亿元" in q for q in found), found


# doubling_is_the_act (act19): a doubling (翻一番) is the verb of its own figure, not a frame verb before it (实现) nor
# the verb of an earlier clause (贸易结构趋于优化). Both sentences are core pledges of the corpus whose gold reads 翻一番.
@pytest.mark.parametrize("name, fragment", [
    ("gansu_targets_2026.txt", "力争外贸进出口总值翻一番"),  # 甘肃 2026: …贸易结构趋于优化，力争…
    ("guangxi_period_2026.txt", "实现2035年人均地区生产总值比2020年翻一番"),  # 广西 2026
])
def test_a_doubling_is_the_act_of_its_figure(name, fragment):
    (c,) = [c for c in _passage(name) if fragment in c.quote]
    assert c.action == "翻一番"


@pytest.mark.parametrize("name, fragment", [
    ("unseen/zhungeer_plan_2021.txt", "规上工业企业数量实现翻一番"),
    ("unseen/xinzhuang_town_2023.txt", "规上工业产值实现翻一番"),
])
def test_a_verb_written_against_a_doubling_stays_the_act(name, fragment):
    # the unseen examples' gold reads 实现 where it is written right before the doubling
    assert [c.action for c in _read(name, None).candidates if fragment in c.quote] == ["实现"]


# serving_count (act19, lexicon served_words): 服务 before the count of people or firms it serves (or before whom it
# serves, then the count) is the act: three page documents whose gold reads 服务.
@pytest.mark.parametrize("name, fragment", [
    ("real/short_pages/nansha_library_news.txt", "图书馆拟服务100万人"),  # 南沙区 news: none before
    ("real/short_pages/xiaoshan_shishi_news_2017.txt", "服务居民30万人以上"),  # 萧山区 实事: 达到 of the clause before
    ("real/short_pages/zhijiangxi_shishi_2023.txt", "服务企业数46家"),  # 芷江西路街道 实事: 帮扶 of the label “创业帮扶”
])
def test_serving_a_count_of_people_is_the_act(name, fragment):
    assert [c.action for c in _read(name, None).candidates if fragment in c.quote] == ["服务"]


def test_a_count_of_services_or_a_verb_holding_serving_is_read_as_before():
    # 赣州's unseen example counts services (推出…主题服务50项: 推出); the seeds' 联络服务 is a verb of the lexicon
    assert [c.action for c in _read("unseen/ganzhou_minsheng_2023.txt", None).candidates
            if "主题服务50项" in c.quote] == ["推出"]


@pytest.mark.parametrize("name, published, delegates", [
    # 会上,山福镇47名正式代表参与讨论并票选出2018年十大民生实事项目 (山福镇 news, 温州市人大 2018-04-16, batch AH)
    ("real/short_pages/shanfu_shishi_news_2018.txt", "2018-04-16", "47名正式代表"),
    # 102名人大代表通过无记名投票方式,票决产生了8项张寨镇2022年度民生实事项目 (张寨镇 news, 沛县人大网 2022-01-11,
    # batch AH's second set)
    ("real/short_pages/zhangzhai_vote_news_2022.txt", "2022-01-11", "102名人大代表"),
])
def test_the_delegates_counted_in_the_sentence_of_their_vote_are_no_pledge(name, published, delegates):
    """The delegates of a congress counted in the sentence that tells their vote (票选, 票决, 投票: lexicon
    attendance_words) are the meeting's attendance (event_attendance), not a target."""
    doc = _read(name, published)
    at = doc.text.index(delegates)
    assert [c.quote for c in doc.candidates if c.start <= at < c.end] == []
    assert [rule for start, end, rule, _ in doc.declined if start <= at < end] == ["event_attendance"]


@pytest.mark.parametrize("name, published, fragment", [
    # 当前,要抓好三项最重要的工作:一是…二是…三是… (云南's governor at his press conference, 2019, batch AH)
    ("real/short_pages/yunnan_qa_news_2019.txt", "2019-01-31", "三项最重要的工作"),
    # 记者提问:政府工作报告年要抓好的七项重点工作当中,第一项… (营口's press conference on its work report, batch AH)
    ("real/short_pages/yingkou_qa_news_undated.txt", None, "七项重点工作当中"),
])
def test_a_count_of_the_texts_own_ranked_tasks_is_no_pledge(name, published, fragment):
    """A count, a word ranking the text's own tasks (lexicon priority_words: 最重要, 重点 …) and an abstract object
    ending there (工作, 任务 …) counts the text's points, not a deliverable (abstract_object)."""
    doc = _read(name, published)
    at = doc.text.index(fragment)
    assert [c.quote for c in doc.candidates if c.start <= at < c.end] == []
    assert [rule for start, end, rule, _ in doc.declined if start <= at < end] == ["abstract_object"]


@pytest.mark.parametrize("name, published, fragment", [
    ("real/longwen_news_2017.txt", "2017-12-28", "187个重点项目"),  # 龙文区将全力推进187个重点项目开发建设
    ("real/shenzhen_report_news_2022.txt", "2022-04-12", "20个重点片区"),  # …等20个重点片区规划建设
])
def test_a_ranked_deliverable_stays_a_candidate(name, published, fragment):
    """A deliverable after the ranking word (重点项目, 重点片区) is counted as before."""
    assert [c.quote for c in _read(name, published).candidates if fragment in c.quote]
