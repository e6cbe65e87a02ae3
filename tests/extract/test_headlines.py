"""A headline or sub-heading without closing punctuation can hold a pledge (real headlines)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from tracker.extract import extract_document

REAL = Path(__file__).parent / "real"


def _found(text: str, published: dt.date) -> dict[str, dict]:
    return {c.quote: c.to_dict() for c in extract_document(text, published=published).candidates}


def test_a_district_news_headline_states_its_pledges():
    # tests/extract/real/longwen_news_2017.txt (海峡导报, 2017-12-28)
    found = _found((REAL / "longwen_news_2017.txt").read_text(encoding="utf-8"), dt.date(2017, 12, 28))
    headline = [q for q in found if "5所小学" in q and found[q]["start"] < 60]
    assert headline, sorted(found)
    assert found[headline[0]]["deadline"]["date"] == "2018-12-31"
    text = (REAL / "longwen_news_2017.txt").read_text(encoding="utf-8")
    sub = [c for c in extract_document(text, published=dt.date(2017, 12, 28)).candidates
           if c.quote.startswith("力争13条道路建成通车")]
    assert len(sub) == 2  # the sub-heading and the sentence under it both say it


def test_a_county_news_headline_with_two_pledges():
    # 东南网 2016-12-20: 芗城明年新增学位1.4万个 力争8条道路建成通车
    text = ("芗城明年新增学位1.4万个 力争8条道路建成通车\n"
            "东南网12月20日讯(导报记者 张韩丰) 12月18日,芗城区第九届人大一次会议开幕,会议共4天。\n")
    found = _found(text, dt.date(2016, 12, 20))
    values = sorted((q["value"], q["unit"]) for c in found.values() for q in c["quantities"])
    assert (1.4, "万个") in values and (8, "条") in values, found


def test_a_heading_without_a_modal_of_intent_is_no_pledge():
    found = _found("一、2023年工作回顾\n全年完成投资50亿元。\n", dt.date(2024, 1, 20))
    assert not any(c["start"] < 10 for c in found.values())
