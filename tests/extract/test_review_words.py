"""Words that look ahead in a plan but name things in a review, read on real sentences of the 2026 provincial
reports (johncodes404/china-provincial-gov-reports-2026 at a49b64c; the excerpts of tests/extract/excerpts/ and
the sentences below are theirs, character for character)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tracker.extract import extract_document
from tracker.extract.pledges.base import _PAST_LE, _names_a_thing
from tracker.extract.pledges.frames import _INTENT, _section_frame

HERE = Path(__file__).parent


@pytest.mark.parametrize("sentence,word", [
    ("实施高质量就业挖潜扩容计划，落实援企稳岗扩就业政策资金110亿元", "计划"),  # 安徽
    ("农产品加工业高质量发展三年行动计划深入实施，新增国家级和省级龙头企业74家", "计划"),  # 黑龙江
    ("持续推进全民参保计划，基本养老保险和基本医疗保险参保率保持在95%以上", "计划"),  # 新疆
    ("12个专业群入选国家第二期“双高计划”", "计划"),  # 陕西
    ("建设未来农业产业园、中荷现代设施农业产业园，农业科技进步贡献率67.5%", "未来"),  # 安徽
    ("未来产业领域一批创新型成长型企业加快培育", "未来"),  # 黑龙江
])
def test_a_name_ending_in_a_word_of_intent_intends_nothing(sentence, word):
    assert _names_a_thing(sentence, sentence.index(word), word)
    assert _INTENT.search(sentence) is None


@pytest.mark.parametrize("sentence,word", [
    ("将8个公司运营的16支省级政府投资基金整合为产业、科创2支基金", None),  # 吉林, a review
    ("每年将75%以上的财力用于民生，5年累计投入6200多亿元", None),  # 宁夏, a review
    ("计划投资5亿元", "计划"),
    ("未来五年，地区生产总值年均增长5%左右", "未来"),
    ("今年将新建幼儿园5所", "将"),
])
def test_words_of_intent_where_they_intend(sentence, word):
    m = _INTENT.search(sentence)
    assert (m.group(0) if m else None) == word


@pytest.mark.parametrize("heading,current,expected", [
    ("（一）圆满完成上合天津峰会筹备和服务保障任务", True, True),  # 天津's review
    ("●脱贫攻坚任务胜利完成", True, True),  # the national review of 2022 (tests/extract/followup/nat2022_review.txt)
    ("二、“十五五”时期主要目标与重点任务", True, False),  # 天津: the plan after the review
    ("（三）确保完成全年目标任务", True, False),  # a word of intent: it plans
])
def test_a_heading_telling_a_task_done_keeps_the_review(heading, current, expected):
    assert _section_frame(heading, current) is expected


@pytest.mark.parametrize("sentence,past", [
    ("要确保规划定了就做得到、能落地见效", False),  # 新疆
    ("定了就干、干就干好", False),  # 甘肃
    ("让大美青海成为广大游客来了就不想离开、离开了又魂牵梦绕的“第二故乡”", False),  # 青海
    ("体现了就业优先的政策导向", True),  # 辽宁: 就业 is a word
    ("新建了幼儿园3所", True),
])
def test_le_before_jiu_or_you_joins_a_condition(sentence, past):
    assert bool(_PAST_LE.search(sentence)) is past


@pytest.mark.parametrize("name,published", [
    ("tianjin_review_2026.txt", dt.date(2026, 1, 26)),
    ("anhui_review_2026.txt", dt.date(2026, 2, 5)),
    ("heilongjiang_review_opening_2026.txt", dt.date(2026, 1, 31)),
    ("jilin_review_2026.txt", dt.date(2026, 1, 27)),
])
def test_the_opening_of_a_review_holds_no_pledge(name, published):
    """Each excerpt runs from its report's review heading to a result read as a pledge before (7, 2, 4 and 3 of them)."""
    doc = extract_document((HERE / "excerpts" / name).read_text(encoding="utf-8"), published)
    assert [c.quote for c in doc.candidates] == []
    assert doc.declined  # the results were read and turned down, not missed


@pytest.mark.parametrize("sentence,met", [
    ("能耗强度超额完成国家激励目标", True),  # 山东's review
    ("国考断面好于Ⅲ类水体比例优于国家考核目标14.6个百分点", True),  # 吉林's review
    ("实现消除疟疾、血吸虫病、麻风病目标", True),  # 云南's review
    ("今年发展主要预期目标是", False),  # 青海's plan
])
def test_a_target_met_is_no_forward_cue(sentence, met):
    from tracker.extract.pledges.cues import _TARGET_MET

    at = sentence.index("目标")
    assert bool(_TARGET_MET.search(sentence, max(0, at - 16), at)) is met
