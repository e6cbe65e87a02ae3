"""A past action needs no 了 when its frame is past: a review section, a paragraph that opens in
the past (近年来, 一年以来, 据统计 …) and the paragraphs after it. Real passages of tests/extract/real/."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tracker.extract import extract_document

REAL = Path(__file__).parent / "real"


def _quotes(name: str, published: dt.date) -> list[str]:
    return [c.quote for c in extract_document((REAL / name).read_text(encoding="utf-8"), published=published).candidates]


@pytest.mark.parametrize("name, published, achievement", [
    # 一、过去一年工作回顾 … 158个重点项目完成投资189.4亿元 (a district report's review)
    ("hanbin_report_2025.txt", dt.date(2025, 3, 21), "158个重点项目完成投资189.4亿元"),
    # 一、2023年上半年…计划执行情况 / (一)主要目标完成情况 (a half-year report)
    ("guandu_midyear_2023.txt", dt.date(2023, 8, 31), "一般公共预算收入完成21.91亿元"),
    # 2023年工作回顾 / 一年来,我们重点做了以下工作: (a 街道's report)
    ("hudong_jiedao_2024.txt", dt.date(2024, 2, 23), "564户"),
])
def test_a_review_section_states_achievements_not_pledges(name, published, achievement):
    found = _quotes(name, published)
    assert not any(achievement in q or q in achievement for q in found), found


@pytest.mark.parametrize("name, published, achievement", [
    # 近年来,该县始终… 同时,今年又新增小额担保贷款300万元 (county news of 2015-12-13)
    ("dingnan_minsheng_news_2015.txt", dt.date(2015, 12, 13), "今年又新增小额担保贷款300万元"),
    # …据统计,该县今年新增创业人员5000多人
    ("dingnan_minsheng_news_2015.txt", dt.date(2015, 12, 13), "该县今年新增创业人员5000多人"),
    # 龙华区正式挂牌成立一年以来,… then 预计地区生产总值超过2100亿元,…全社会固定资产投资616亿元
    ("longhua_news_2018.txt", dt.date(2018, 1, 24), "全社会固定资产投资616亿元"),
    # 今年，…引入“网上竞价”机制。平台开通5个月间，9类产品共成交1493次，成交金额1814万多元 (南京市 news, 2011):
    # the time elapsed since, in digits, frames the sentence as 一年来 does
    ("nanjing_news_2011.txt", dt.date(2011, 6, 7), "9类产品共成交1493次"),
    ("nanjing_news_2011.txt", dt.date(2011, 6, 7), "节约预算成本254万多元"),
])
def test_a_paragraph_opening_in_the_past_frames_what_follows(name, published, achievement):
    assert achievement not in _quotes(name, published)


def test_a_planning_heading_ends_the_review():
    text = "一、2023年工作回顾\n全年新建幼儿园5所。\n二、2024年工作安排\n全年新建幼儿园3所。\n"
    assert [c.quote for c in extract_document(text, published=dt.date(2024, 1, 20)).candidates] == ["全年新建幼儿园3所"]


def test_a_word_of_intent_still_looks_forward_in_a_review():
    # 黄山市: …污水处理厂及管网正在加紧施工,今年下半年将投入使用 — here with a number
    text = "一、2023年工作回顾\n下一步,我们将新建污水管网12公里。\n"
    assert [c.quote for c in extract_document(text, published=dt.date(2024, 1, 20)).candidates] == ["我们将新建污水管网12公里"]
