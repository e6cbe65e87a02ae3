"""Rules found by reading reports of other provinces and kinds (tests/extract/unseen/):
sentences written for the rule, not copied from those documents."""
import datetime as dt

import pytest

from tracker.extract import extract_document

PUB = dt.date(2023, 2, 15)


def pledges(text, published=PUB):
    return extract_document(text, published=published).candidates


def one(text, published=PUB):
    found = pledges(text, published)
    assert len(found) == 1, [c.quote for c in found]
    return found[0]


def values(c):
    return [(q.to_dict()["value"], q.unit) for q in c.quantities]


@pytest.mark.parametrize("text, value", [
    ("年内改造2000年底前建成的老旧小区215个。", 215),
    ("今年将改造2005年以前建设的供水管网80公里。", 80),
])
def test_a_past_year_inside_the_objects_modifier_does_not_make_an_achievement(text, value):
    assert values(one(text)) == [(value, values(one(text))[0][1])]


def test_a_past_year_modifier_does_not_turn_the_next_paragraphs_back():
    text = "一、年内改造2000年底前建成的老旧小区215个。\n二、新建农村户用卫生厕所1.5万户。"
    assert [c.quote for c in pledges(text)] == ["年内改造2000年底前建成的老旧小区215个", "新建农村户用卫生厕所1.5万户"]


def test_a_plan_period_already_over_makes_an_achievement():
    text = "“十三五”时期，全旗地区生产总值年均增长4.8%。展望“十四五”，到2025年，全旗地区生产总值达到1500亿元。"
    assert [c.quote for c in pledges(text, dt.date(2021, 5, 20))] == ["全旗地区生产总值达到1500亿元"]


@pytest.mark.parametrize("text, n", [
    ("力争全年实际使用外资12亿美元，完成规上工业总产值4200亿元，同比增长8%。", 3),
    ("今年将确保规上工业增加值同比增长7%。", 1),
])
def test_a_comparison_with_last_year_under_a_modal_is_a_target(text, n):
    assert len(pledges(text)) == n


@pytest.mark.parametrize("text", [
    "1-9月，全市规上工业总产值完成4200亿元，同比增长8%。",
    "去年全市地区生产总值4520亿元，比上年增长4.1%。",
])
def test_a_comparison_with_last_year_without_a_modal_is_a_statistic(text):
    assert list(pledges(text)) == []


@pytest.mark.parametrize("text, groups", [
    ("力争新引进超10亿元产业项目10个、超亿元项目40个。", [[(10, "个"), (10, "亿元")], [(40, "个"), (1, "亿元")]]),
    ("力争全年新招引50亿元以上重大项目8个、10亿元以上项目25个。", [[(8, "个"), (50, "亿元")], [(25, "个"), (10, "亿元")]]),
])
def test_a_sum_after_a_count_and_a_comma_sizes_the_next_object(text, groups):
    assert [sorted(values(c), key=lambda v: v[1] != "个") for c in pledges(text)] == groups


@pytest.mark.parametrize("title, name", [
    ("县长  王晓东", "王晓东"),
    ("县长\u3000王晓东", "王晓东"),
])
def test_a_report_presented_under_a_spaced_title_credits_its_presenter(title, name):
    found = pledges(f"德清县人民政府工作报告\n{title}\n二、2023年重点工作\n新增公共停车位3000个。")
    assert [c.official.name if c.official else None for c in found] == [name]
