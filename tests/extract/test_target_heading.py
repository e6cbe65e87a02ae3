"""Rule target_heading_lead: a heading naming targets (主要预期目标, 主要目标) leads the lines or the
sentence after it; its items are targets of the report's year though they carry no forward cue.
Texts are copied character for character from the follow-up development files
(tests/extract/followup/: huizhou2021_plan.txt, 惠州日报 2021-03-25; zhenan2015_plan.txt, 商洛日报
2015-04-27 on 镇安县's work report)."""
import datetime as dt

import pytest

from extract_helpers import pledges

HUIZHOU = dt.date(2021, 3, 25)
ZHENAN = dt.date(2015, 4, 27)

HUIZHOU_TEXT = ("主要预期目标\n惠州\n●地区生产总值增长8.5%\n●规上工业增加值增长7.5%以上\n●地方一般公共预算收入增长3.5%\n"
                "●固定资产投资增长18%\n●工业投资增长25%以上\n●社会消费品零售总额增长10%以上\n●居民人均可支配收入增长7%\n"
                "重点工作\n1.立足构建")
ZHENAN_TEXT = "主要目标\n生产总值增长11.5%左右,全社会固定资产投资增长23%左右,社会消费品零售总额增长13%左右,"


@pytest.mark.parametrize("text, published, quotes", [
    (HUIZHOU_TEXT, HUIZHOU, ["地区生产总值增长8.5%", "规上工业增加值增长7.5%以上", "地方一般公共预算收入增长3.5%",
                             "固定资产投资增长18%", "工业投资增长25%以上", "社会消费品零售总额增长10%以上",
                             "居民人均可支配收入增长7%"]),
    (ZHENAN_TEXT, ZHENAN, ["生产总值增长11.5%左右", "全社会固定资产投资增长23%左右", "社会消费品零售总额增长13%左右"]),
], ids=["huizhou_bulleted_lines", "zhenan_run_on_sentence"])
def test_items_under_a_target_heading_are_the_years_targets(text, published, quotes):
    found = pledges(text, published)
    assert [c.quote for c in found] == quotes
    assert all(c.deadline.date == dt.date(published.year, 12, 31) and c.deadline.inherited for c in found)


@pytest.mark.parametrize("text, published", [
    # the heading names the targets' outcome: what follows reviews, it plans nothing
    (HUIZHOU_TEXT.replace("主要预期目标", "主要预期目标完成情况"), HUIZHOU),
    (ZHENAN_TEXT.replace("主要目标", "主要目标完成情况"), ZHENAN),
    # a heading of another kind ends the targets: 重点工作 and the lines after it are no items
    ("主要预期目标\n惠州\n重点工作\n●地区生产总值增长8.5%", HUIZHOU),
], ids=["huizhou_outcome_heading", "zhenan_outcome_heading", "another_heading_ends_the_targets"])
def test_no_target_heading_no_targets(text, published):
    assert [c.quote for c in pledges(text, published)] == []


@pytest.mark.parametrize("text, published, objects", [
    # 镇安县 2015 (zhenan2015_plan.txt)
    ("主要目标\n财政总收入和地方财政收入分别增长10.6%和12.3%左右,", ZHENAN, ["财政总收入", "地方财政收入"]),
    ("主要目标\n城镇登记失业率、居民价格消费指数和人口自增率分别控制在4.2%、3%、2.5‰以内。", ZHENAN,
     ["城镇登记失业率", "居民价格消费指数", "人口自增率"]),
    # 成都 2016 (chengdu2016_plan.txt)
    ("今年,城镇和农村居民人均可支配收入分别增长7%、7.5%。", dt.date(2016, 1, 20),
     ["城镇人均可支配收入", "农村居民人均可支配收入"]),  # the head the last field writes out is shared
], ids=["two_fields_joined_by_he", "three_fields_last_joined_by_he", "two_fields_sharing_a_head"])
def test_respectively_with_fields_joined_by_he(text, published, objects):
    found = pledges(text, published)
    assert [c.object for c in found] == objects
    assert all(len(c.quantities) == 1 for c in found)


NAT2021 = dt.date(2021, 3, 5)
# 国务院 2021 (nat2021_plan.txt): a five-year plan's targets, then the year's, each line bulleted without a space
NAT2021_TEXT = ("“十四五”规划目标中的民生关切\n划重点\n■全员劳动生产率增长高于国内生产总值增长,城镇调查失业率控制在5.5%以内,物价水平保持总体平稳\n"
                "■制定促进共同富裕行动纲要\n■全面推进健康中国建设,构建强大公共卫生体系,广泛开展全民健身运动,人均预期寿命再提高1岁\n"
                "2021任务清单\n●国内生产总值增长6%以上\n●居民消费价格涨幅3%左右\n")


def test_bulleted_lines_under_plan_and_year_headings():
    found = {c.quote: c.deadline.date for c in pledges(NAT2021_TEXT, NAT2021)}
    assert found == {"城镇调查失业率控制在5.5%以内": dt.date(2025, 12, 31), "人均预期寿命再提高1岁": dt.date(2025, 12, 31),
                     "国内生产总值增长6%以上": dt.date(2021, 12, 31), "居民消费价格涨幅3%左右": dt.date(2021, 12, 31)}


def test_a_bullet_without_a_space_opens_a_paragraph():
    from tracker.extract.normalise import normalise

    norm = normalise("■制定促进共同富裕行动纲要\n■实施就业优先战略,扩大就业容量")
    assert [norm.block_text(b) for b in norm.blocks] == ["■制定促进共同富裕行动纲要", "■实施就业优先战略,扩大就业容量"]
