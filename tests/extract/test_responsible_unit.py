"""The unit a text makes responsible for a pledge (牵头单位), from real county news and task lists."""
from __future__ import annotations

import datetime as dt

import pytest

from tracker.extract import extract_document


def _units(text: str, published: dt.date) -> dict[str, str | None]:
    return {c.quote: c.responsible_unit for c in extract_document(text, published=published).candidates}


def test_a_department_that_is_the_subject_of_the_sentence():
    # 庐江县 news of 2019-06-20 (县教体局 is the subject of the plan it lists)
    text = ("一是明确目标,制定计划。县教体局多次与市县教育、财政、规划等职能部门对接,制定本年度校舍维修改造和"
            "新建改扩建公办幼儿园建设计划,其中拟维修改造冶父山镇中心小学等42所学校面积达77391㎡校舍;"
            "拟新建改扩建和顺新天地等7所面积达14998㎡公办幼儿园。")
    units = _units(text, dt.date(2019, 6, 20))
    assert units and set(units.values()) == {"县教体局"}, units


def test_the_department_of_the_head_the_text_credits():
    # 永吉县 news of 2020-03-16: 县住建局副局长刘子伦:“第一批改造计划投资4262万元,…”
    text = ("今年,我县将投入4262万元,对县城老旧小区进行全面改造,切实提高居民的幸福指数。\n"
            "县住建局副局长刘子伦:“第一批改造计划投资4262万元,地点位于站前社区的33栋楼1650户,"
            "计划于五月末开工,十月末之前结束并通过国家验收。”\n")
    found = extract_document(text, published=dt.date(2020, 3, 16)).candidates
    credited = [c for c in found if c.official is not None]
    assert credited and {c.responsible_unit for c in credited} == {"县住建局"}
    assert {c.official.name for c in credited} == {"刘子伦"}
    # the sentence before the speaker names no unit, and none is invented for it
    assert [c.responsible_unit for c in found if c.official is None] == [None]


@pytest.mark.parametrize("text, unit", [
    ("今年将新建幼儿园3所。（牵头单位：县工信局；完成时限：2024年10月底前）", "县工信局"),
    ("今年将改造老旧小区12个，由市住建局牵头。", "市住建局"),
    ("今年将新建幼儿园3所。", None),
])
def test_labels_and_lead_phrases(text, unit):
    assert set(_units(text, dt.date(2024, 3, 1)).values()) == {unit}


@pytest.mark.parametrize("text, fragment, unit", [
    # 无锡 news of 2011-07-05 (likgjava/eb, tests/extract/excerpts/wuxi_procurement_news_2011.txt)
    ("据无锡市财政局政府采购管理处处长华静娴介绍，并单采购是为争取更大的批量优惠、降低单位项目采购费用，由无锡市集中采购机构"
     "将多个部门、单位的零星计划合并，对采购人申请的采购数量在10台以上或金额在10万元以上的台式计算机、便携式计算机、投影机、"
     "显示器、空调等部分品目，不再随报随采，原则上每月集中批量竞价采购一次，以发挥集中采购规模效应。", "10台以上", "无锡市财政局"),
    # 荣成 news of 2011-06-01 (tests/extract/excerpts/rongcheng_procurement_news_2011.txt)
    ("据荣成市财政局相关负责人介绍，今年5月份，荣成市出台《荣成市市级政府采购项目方案专家论证办法(试行)》，"
     "规定当月起对4类政府采购项目进行专家论证。", "4类", "荣成市财政局"),
])
def test_a_word_naming_the_department_as_source_is_no_part_of_it(text, fragment, unit):
    from tracker.extract.people import responsible_unit_with_rule

    start = text.index(fragment)
    assert responsible_unit_with_rule(text, 0, start, start + len(fragment), len(text)) == (unit, "department_subject")
