"""A review paragraph read alone, without its section's heading, read as a review from its own evidence: 争取 with a
sum secured (funds_secured), a figure compared with the nation's or ranked among the provinces (nation_comparisons),
a paragraph opening on the year just over named without its number (刚刚过去的一年). Real sentences of the 2026
provincial reports (johncodes404/china-provincial-gov-reports-2026), character for character; the passages of
tests/extract/real/ named are batch K's and C's, the excerpt is tests/extract/excerpts/'s. The contrasts marked
"constructed" show where the words still look ahead."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tracker.extract import extract_document, normalise
from tracker.extract.numbers import find_numbers
from tracker.extract.pledges.cues import _block_cues, _mentions, funds_secured, nation_comparisons, programme_reported
from tracker.extract.pledges.base import _names_a_thing
from tracker.extract.pledges.frames import _outcome_frame, _paragraph_frame, _past_year_frame

HERE = Path(__file__).parent


@pytest.mark.parametrize("sentence,secured", [
    ("争取中央预算内投资、超长期特别国债分别增长64.8％、42.5％", True),  # 陕西 (real/shaanxi_review_2026.txt)
    ("新争取国家政策性资金4700多亿元，支持项目4200余个", True),  # 山东 (real/shandong_review_2026.txt)
    ("争取中央各类建设发展资金超900亿元，争取中央转移支付资金4113.7亿元", True),  # 广西 (real/guangxi_review_2026.txt)
    ("争取中央预算内投资150亿元", True),  # 福建 (excerpts/fujian_investment_review_2026.txt)
    ("积极争取煤炭2030国家科技重大专项", False),  # 山西 (real/shanxi_review_2026.txt): no sum secured
    ("进出口总额争取实现正增长", False),  # 山西's plan (excerpts/shanxi_plan_2026.txt)
    ("积极争取中央预算内投资100亿元", False),  # constructed: a word of effort before 争取
    ("争取中央预算内投资100亿元以上", False),  # constructed: 以上 after the sum
])
def test_zhengqu_with_a_sum_secured_is_a_result(sentence, secured):
    i = sentence.index("争取")
    assert funds_secured(sentence, i, i + 2) is secured


@pytest.mark.parametrize("sentence,words", [
    ("规上工业增加值增长7.6%，高于全国1.7个百分点；服务业增加值增长6.1%，高于全国0.7个百分点", ["高于全国", "高于全国"]),  # 山东
    ("粮食最高年产840亿斤、居全国第5位", ["居全国第"]),  # 内蒙古 (real/neimenggu_review_2026.txt)
    ("高速公路、农村公路通车里程均居全国第2位", ["居全国第"]),  # 云南 (real/yunnan_review_2026.txt)
    ("规上工业增加值增长7.7%，高于全国1.8个百分点", ["高于全国"]),  # 广西 (real/guangxi_review_2026.txt)
    ("光热在建规模居全国首位", ["居全国首位"]),  # 青海's review (lexicon nation_ranks)
    ("农业投资规模居全国前列", ["居全国前列"]),  # 云南's review
    ("绿电交易量100亿千瓦时、居全国前列", ["居全国前列"]),  # 山西's review
    ("力争数字经济规模居全国前列", []),  # constructed: a word of intent before it
    ("空气质量保持全国前列", []),  # 云南's plan: a goal, no rank stated
    ("力争规上工业增加值增速居全国第3位", []),  # constructed: a word of intent before it
    ("增速高于预期目标、高于上年同期、高于全国，取得多年未有的好成绩", []),  # 广西: no difference stated
])
def test_a_comparison_with_the_nation_is_a_statistic(sentence, words):
    assert [sentence[p:p + len(w)] for p, w in zip(nation_comparisons(sentence), words)] == words
    assert len(nation_comparisons(sentence)) == len(words)


@pytest.mark.parametrize("opening,past", [
    ("刚刚过去的一年，是“十四五”收官之年。", True),  # 陕西 (real/shaanxi_review_2026.txt)
    ("过去一年很不平凡。", True),  # 广西's review opening
    ("刚刚过去的2025年，习近平总书记党的十八大以来第五次亲临山", True),  # 山西 (real/shanxi_review_2026.txt), its opening clause
    ("今年是“十五五”开局之年，也是吉林振兴发展攻坚突破的关键一年，", False),  # 吉林 (real/jilin_review_plan_2026.txt)
])
def test_the_year_just_over_named_without_its_number(opening, past):
    assert _past_year_frame(opening, False, dt.date(2026, 1, 27)) is past


# Paragraphs of batch K read one by one, each alone with its report's date (as a passage cut from a review reaches
# a user): before these rules they gave 4, 6 and 12 candidates, all results of 2025.
@pytest.mark.parametrize("name,line,published", [
    ("shaanxi_review_2026.txt", 0, dt.date(2026, 1, 27)),  # 刚刚过去的一年，…地区生产总值增长5.1％，城镇新增就业44.1万人
    ("shandong_review_2026.txt", 1, dt.date(2026, 1, 27)),  # …高于全国1.7个百分点；…新争取国家政策性资金4700多亿元
    ("guangxi_review_2026.txt", 7, dt.date(2026, 2, 2)),  # 争取中央各类建设发展资金超900亿元，…自治区重大项目开工390个
])
def test_a_review_paragraph_read_alone_holds_no_pledge(name, line, published):
    paragraph = (HERE / "real" / name).read_text(encoding="utf-8").splitlines()[line]
    assert [c.quote for c in extract_document(paragraph, published).candidates] == []


@pytest.mark.parametrize("sentence,reported", [
    ("“暖心民政”三年行动启动实施，每年安排140亿元以上", True),  # 广西's review (real/guangxi_review_2026.txt)
    ("国企改革三年行动、深化提升行动高质量收官", True),  # 甘肃's review of the 十四五 period
    ("国际生态旅游目的地青海湖示范区创建三年行动取得新成效", True),  # 青海's review
    ("农产品加工业高质量发展三年行动计划深入实施，新增国家级和省级龙头企业74家", True),  # 黑龙江 (excerpts/heilongjiang_review_opening_2026.txt)
    ("深入推进“暖心民政”三年行动，筹措890.59亿元实施十大为民办实事工程项目", False),  # 广西's plan (real/guangxi_minsheng_2026.txt)
    ("完成美丽上海建设三年行动计划。", False),  # 上海's plan (real/shanghai_eco_minsheng_2026.txt)
    ("推动教育强国建设三年行动计划综合改革试点，新建改扩建中小学10所", False),  # 天津's plan (real/tianjin_minsheng_2026.txt)
    ("持续开展安全生产治本攻坚三年行动，着力提升农村道路交通安全", False),  # 陕西's review: carried out, as plans say it
])
def test_a_programme_reported_on_looks_no_further_ahead(sentence, reported):
    mentions = [m for m in _mentions(sentence, 0, dt.date(2026, 1, 27)) if m.deadline.raw == "三年"]
    assert mentions
    assert programme_reported(sentence, mentions[0]) is reported


def _forward_words(sentence: str) -> list[str]:
    norm = normalise(sentence)
    b = norm.blocks[0]
    btext = norm.text[b.start:b.end]
    cues = _block_cues(norm.text, b, dt.date(2026, 1, 27), find_numbers(btext), _mentions(btext, b.start, None))
    return [c.word for c in cues if c.forward and c.strong and c.word]


@pytest.mark.parametrize("sentence,words", [
    ("成功争创中欧班列集结中心、跨境经贸专用通道国家试点", []),  # 山东's review (real/shandong_review_2026.txt)
    ("成功争取一批国家重大政策改革", []),  # 河北's review
    ("清理拖欠企业账款年度目标任务超额完成。", []),  # 黑龙江's review
    ("“八五”普法目标任务全面完成。", []),  # 甘肃's review
    ("如期完成每万城镇常住人口配备18名社区工作者目标。", []),  # 广西's review
    ("（二）争创人工智能发展优势，激活创新动能。", ["争创"]),  # 广西's review: a line of work's title, as a plan's
    ("今年经济社会发展主要预期目标是：地区生产总值增长5%左右", ["今年", "目标"]),  # 吉林's plan (real/jilin_review_plan_2026.txt)
])
def test_a_seeking_won_and_a_target_met_look_no_further_ahead(sentence, words):
    assert _forward_words(sentence) == words


# The speaker's address to the hall before a paragraph's opening (lexicon address_openings): the frames read the
# opening after it. Real openings of the 2026 reports (johncodes404/china-provincial-gov-reports-2026).
@pytest.mark.parametrize("opening,frame", [
    ("各位代表！刚刚过去的2025年，是云南发展历程中具有重要里程碑意义的一年。", _past_year_frame),  # 云南 (excerpts/yunnan_review_opening_2026.txt)
    ("各位代表，刚刚过去的2025年，在以习近平同志为核心的党中央坚强领导下，", _past_year_frame),  # 江苏
    ("各位代表，过去一年，坚如磐石的军政军民团结巩固发展。", _past_year_frame),  # 上海
    ("各位代表，过去一年，形势复杂多变，", _past_year_frame),  # 北京
    ("各位代表！一年来，兵地融合发展步入快车道，", _paragraph_frame),  # 新疆
    ("各位代表！“十四五”以来，面对疫情冲击、经济承压、竞争加剧的严峻复杂形势，", _paragraph_frame),  # 天津
])
def test_the_address_to_the_hall_does_not_hide_a_past_opening(opening, frame):
    args = (False, dt.date(2026, 1, 27)) if frame is _past_year_frame else (False,)
    assert frame(opening, *args) is True


def test_the_address_before_a_time_ahead_still_plans():
    # 辽宁's plan: 各位代表！今年，我们继续安排20件民生实事 (a paragraph after a review keeps planning)
    assert _past_year_frame("各位代表！今年，我们继续安排20件民生实事，", True, dt.date(2026, 1, 27)) is False
    assert _paragraph_frame("各位代表！今年，我们继续安排20件民生实事，", True) is False


@pytest.mark.parametrize("lead,past", [
    ("农村改革持续深化。实施示范小城镇三年攻坚行动，完成6个镇土地延包试点任务", True),  # 天津's review
    ("社会治理创新持续深化。", True),  # 上海's review
    ("——改革开放持续深化。", True),  # 山西's review
    ("稳产优供基础持续巩固。", True),  # 天津's review
    ("社会安定局面持续巩固。", True),  # 宁夏's review
    ("持续深化农村改革。", False),  # constructed: a plan's lead opens with the verb
    ("产业升级步伐加快。启动实施特色优势产业高质量发展三年行动计划，", True),  # 宁夏's review (excerpts/ningxia_review_2026.txt)
    ("产业转型步伐加快。", True),  # 山西's review
    ("人民生活持续改善。", True),  # 广西's review
    ("五是城乡区域发展更趋协调。", True),  # 北京's review
    ("文化软实力稳步提升。", True),  # 上海's review
    ("能源革命纵深推进。", True),  # 山西's review
    ("城市更新深入实施。", True),  # 天津's review
])
def test_an_outcome_that_goes_on_growing_leads_a_review(lead, past):
    assert _outcome_frame(lead, False) is past


@pytest.mark.parametrize("sentence,word,names", [
    ("提高农村义务教育学生营养改善计划补助标准", "计划", True),  # 新疆's review (excerpts/xinjiang_livelihood_review_2026.txt)
    ("义务教育营养改善计划提质扩面，新增受益学生25.48万人", "计划", True),  # 青海's review (excerpts/qinghai_livelihood_review_2026.txt)
    ("扩大学生营养改善计划范围", "计划", True),  # 宁夏's plan (real/ningxia_minsheng_2026.txt)
    ("发挥三晋英才计划带动作用", "计划", True),  # 山西's plan
    ("新增国家级人才计划入选者106人", "计划", True),  # 福建's review
    ("今年计划新建学校3所", "计划", False),  # constructed: 计划 intends
])
def test_jihua_after_a_programmes_head_names_the_programme(sentence, word, names):
    assert _names_a_thing(sentence, sentence.index(word), word) is names


@pytest.mark.parametrize("sentence,words", [
    ("将8个公司运营的16支省级政府投资基金整合为产业、科创2支基金", []),  # 吉林's review (excerpts/jilin_review_2026.txt)
    ("每年将75%以上的财力用于民生，5年累计投入6200多亿元", []),  # 宁夏's review of the 十四五 period
    ("今年将新建学校3所", ["今年", "将"]),  # constructed: 将 before a verb looks ahead
])
def test_jiang_putting_a_counted_object_first_tells_no_time(sentence, words):
    assert _forward_words(sentence) == words


# Paragraphs of the 2026 reviews read alone with their report's date: a numbered title's word of intent (陕西, 广西:
# real passages of batch K), the speaker's address (云南), a programme's 计划 before a noun or a predicate (新疆, 青海).
# Before these rules they gave 23, 7, 11, 10 and 14 candidates, all results of 2025; one is left, a year in a
# name (…入选央视“大片看总台”2026年片单, 青海).
@pytest.mark.parametrize("path,line,published,left", [
    ("real/shaanxi_review_2026.txt", 2, dt.date(2026, 1, 27), []),  # （一）聚焦扩大内需，确保经济平稳运行。…分别增长64.8％
    ("real/guangxi_review_2026.txt", 8, dt.date(2026, 2, 2), []),  # （二）争创人工智能发展优势，…新签约人工智能产业项目208个
    ("excerpts/yunnan_review_opening_2026.txt", 0, dt.date(2026, 1, 28), []),  # 各位代表！刚刚过去的2025年，…
    ("excerpts/xinjiang_livelihood_review_2026.txt", 0, dt.date(2026, 1, 27), []),  # …营养改善计划补助标准，…
    # …营养改善计划提质扩面，…; its 3部纪录片入选央视…2026年片单 no longer left: the paragraph's honours (入选, 荣获 …)
    # make it a review (honours_paragraph)
    ("excerpts/qinghai_livelihood_review_2026.txt", 0, dt.date(2026, 1, 27), []),
    ("excerpts/gansu_livelihood_review_2026.txt", 0, dt.date(2026, 1, 27), []),  # …定西医院即将建成。庆阳…加快建设 (9 before)
])
def test_a_review_paragraph_of_2026_read_alone_holds_no_pledge(path, line, published, left):
    paragraph = (HERE / path).read_text(encoding="utf-8").splitlines()[line]
    assert [c.quote for c in extract_document(paragraph, published).candidates] == left


def test_a_time_a_numbered_title_names_still_frames_its_paragraph():
    # constructed: 今年 in the title frames the sentences after it (the title's aim, 确保…, does not)
    text = "（二）今年重点办好以下民生实事。新建学校3所，改造道路5条。"
    assert [c.quote for c in extract_document(text, dt.date(2026, 1, 27)).candidates] == ["新建学校3所", "改造道路5条"]


def test_a_numbered_title_leaves_the_cues_of_its_own_sentences():
    # constructed on 陕西's title: a sentence of the paragraph that plans keeps its own cue
    text = "（一）聚焦扩大内需，确保经济平稳运行。今年将新开工重大项目100个。"
    assert [c.quote for c in extract_document(text, dt.date(2026, 1, 27)).candidates] == ["今年将新开工重大项目100个"]


@pytest.mark.parametrize("text,quotes", [
    # 甘肃's review (excerpts/gansu_livelihood_review_2026.txt): 即将 tells its own sentence's near future
    ("长春中医药大学附属医院定西医院即将建成。庆阳、张掖、天水3个省级区域医疗中心加快建设。建成乡镇（街道）综合养老服务中心520个、"
     "村级互助幸福院900个。", []),
    # 海拉尔区's review of 2017 (real/hailar_review_2018.txt): the sentence after 即将 reports, with its own 了
    ("“街长制”“网格化”管理机制即将在全区铺开。集中开展了城市“三清”和人居环境综合整治。", []),
    # constructed: in its own sentence 即将 still looks ahead
    ("定西医院即将建成投用，新增床位500张。", ["新增床位500张"]),
])
def test_jijiang_reaches_its_own_sentence_only(text, quotes):
    assert [c.quote for c in extract_document(text, dt.date(2026, 1, 27)).candidates] == quotes
