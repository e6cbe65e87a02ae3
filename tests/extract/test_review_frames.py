"""A review's or a news report's account of what is, or of what was done, is no pledge: the rules
past_year_opening, present_stock (tracker/extract/pledges/pledge.py) and a name's last word that is
no cue (“双高计划”, pledges/cues.py), each on real passages of two documents of tests/extract/real/.
Each case also checks that the rule's own document still gives the pledges its gold names."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tracker.extract import extract_document

REAL = Path(__file__).parent / "real"


def _text(name: str, first_line: str | None = None, lines: int = 0) -> str:
    """A real passage, or the run of ``lines`` of its lines from the one starting with ``first_line``
    (a review's paragraphs without their heading, as a passage cut from a report gives them)."""
    text = (REAL / name).read_text(encoding="utf-8")
    if first_line is None:
        return text
    rows = text.split("\n")
    i = next(k for k, row in enumerate(rows) if row.startswith(first_line))
    return "\n".join(rows[i:i + lines]) + "\n"


def _quotes(text: str, published: dt.date) -> list[str]:
    return [c.quote for c in extract_document(text, published=published).candidates]


@pytest.mark.parametrize("name, first_line, lines, published, results", [
    # 刚刚过去的2025年，…全年GDP增长4%，快于2024年1.8个百分点 … and the paragraphs after it (山西, 2026)
    ("shanxi_review_2026.txt", None, 0, dt.date(2026, 2, 2),
     ["全年GDP增长4%", "谋划9条技术路径", "新培育省级农业龙头企业120家", "净增涉税主体24.8万户"]),
    # 2024年,我们紧扣高质量发展主题,…实现地区生产总值440.5亿元 (汉滨区, 2025), without its review heading
    ("hanbin_report_2025.txt", "2024年,我们", 6, dt.date(2025, 3, 21),
     ["实现地区生产总值440.5亿元", "158个重点项目完成投资189.4亿元", "签约亿元以上项目27个"]),
])
def test_a_paragraph_opening_on_a_past_year_reviews_it_and_the_paragraphs_after(name, first_line, lines,
                                                                                published, results):
    found = _quotes(_text(name, first_line, lines), published)
    assert not [q for q in found if any(r in q or q in r for r in results)], found


def test_a_paragraph_opening_on_the_report_year_still_plans():
    # the same opening with the year of the report and a word of intent plans (a rule test)
    text = "2026年，我们将加强科技创新。新建5G基站3000座。\n"
    assert _quotes(text, dt.date(2026, 2, 2)) == ["新建5G基站3000座"]


@pytest.mark.parametrize("name, published, descriptions", [
    # 三江侗族自治县…目前拥有茶园13.8万亩，…共有茶叶加工厂220多家，规模以上企业10多家 (news, 2011)
    ("sanjiang_tea_news_2011.txt", dt.date(2011, 5, 25),
     ["目前拥有茶园13.8万亩", "共有茶叶加工厂220多家", "规模以上企业10多家", "三江县有林地面积20.11万公顷"]),
    # 目前，全市农村建垃圾焚烧炉81个，垃圾填埋场52个，… (黄山市 news, 2011)
    ("huangshan_eco_news_2011.txt", dt.date(2010, 6, 15),
     ["全市农村建垃圾焚烧炉81个", "垃圾填埋场52个", "共有垃圾运输车153辆"]),
    # 平台开通5个月来，有9家供应商因服务不到位等原因被警告 (南京市 news, 2011)
    ("nanjing_news_2011.txt", dt.date(2011, 6, 7), ["有9家供应商因服务不到位等原因被警告", "只看到有3家竞价"]),
])
def test_what_a_place_has_now_is_a_description_not_a_pledge(name, published, descriptions):
    found = _quotes(_text(name), published)
    assert not [q for q in found if any(d in q or q in d for d in descriptions)], found


def test_a_sentence_with_intent_is_no_description():
    # 今年下半年，…又有7类产品将进入网上竞价系统 (南京市 news, 2011): 有 + a number, but 将 looks forward
    assert "又有7类产品将进入网上竞价系统" in _quotes(_text("nanjing_news_2011.txt"), dt.date(2011, 6, 7))


def test_a_plan_word_ending_a_quoted_name_is_no_cue():
    # 1所职业院校升格本科，6所高职院校入选国家“双高计划” (福建 2026's review): 计划 names a programme
    found = _quotes(_text("fujian_review_2026.txt"), dt.date(2026, 1, 27))
    assert not [q for q in found if "双高计划" in q or q in "6所高职院校入选国家“双高计划”"], found


@pytest.mark.parametrize("sentence", [
    "1所职业院校升格本科，6所高职院校入选国家“双高计划”。",  # 福建, 2026 (review)
    "扎实推进“三年跨越计划”所取得成果的集中体现。",  # 苏州高新区 news, 2011 (the sentence's end)
    "做好金融“五篇大文章”，用好新型政策性金融工具，深入实施企业挂牌上市“玉如意计划”和贷款畅通工程，"
    "更好打通金融血脉，推动发展强筋壮体。",  # 甘肃, 2026
])
def test_the_cue_reader_skips_a_plan_word_that_ends_a_name(sentence):
    from tracker.extract.normalise import normalise
    from tracker.extract.numbers import find_numbers
    from tracker.extract.pledges.cues import _block_cues

    norm = normalise(sentence)
    block = norm.blocks[0]
    cues = _block_cues(norm.text, block, dt.date(2026, 1, 27), find_numbers(norm.text), [])
    at = norm.text.index("计划”")
    assert not [c for c in cues if c.pos == at], cues


def test_a_quoted_programme_does_not_hide_the_pledge_it_names():
    # 遴选12所学校实施“新优质学校成长计划” (长安区 实事, 2022) stays a pledge: its paragraph's lead looks forward
    found = _quotes(_text("changan_shishi_2022.txt"), dt.date(2022, 1, 15))
    assert any("遴选12所学校" in q for q in found), found


@pytest.mark.parametrize("lead, reviews", [
    ("就业促进更有力。推动出台高质量充分就业促进条例，城镇新增就业54.58万人", True),  # 福建, 2026 (review)
    ("文化遗产焕发生机。第四次全国文物普查新发现文物点7642处", True),  # 福建, 2026 (review)
    ("“两山”转化成色更足。", True),  # 海南, 2026 (review), a line of its own
    ("就业形势保持稳定。", True),  # 海南, 2026 (review)
    ("七是民生福祉不断增进。坚持财力向民生倾斜", True),  # 辽宁, 2026 (review)
    ("（九）民生保障有力有效。民生支出", True),  # 黑龙江, 2026 (review)
    ("着力促进就业增收。优化重点群体就业支持政策", False),  # 西藏, 2026 (plan): a verb opens it
    ("高质量发展水平明显提升。", False),  # 甘肃, 2026 (the 十五五 goals): a goal's outcome is no review
    ("持续优化营商环境。", False),  # 吉林, 2026 (plan)
])
def test_a_lead_saying_what_became_of_a_subject_opens_a_review(lead, reviews):
    from tracker.extract.pledges.frames import _outcome_frame

    assert _outcome_frame(lead, False) is reviews


def test_paragraphs_after_an_outcome_lead_review_until_one_plans():
    # 文化遗产焕发生机。… then 文化资源直达基层。…“八闽书房”辐射人群超700万人 (福建, 2026): results, not pledges
    found = _quotes(_text("fujian_review_2026.txt"), dt.date(2026, 1, 27))
    assert not [q for q in found if "辐射人群超700万人" in q or "群众文化活动超3万场" in q], found


@pytest.mark.parametrize("name, published, result", [
    # …福鼎白茶文化系统入选全球重要农业文化遗产，10个项目列入中国世界文化遗产预备名单 (福建, 2026, a review)
    ("fujian_review_2026.txt", dt.date(2026, 1, 27), "10个项目列入中国世界文化遗产预备名单"),
    # 一、2023年工作回顾 …考察浙江重要讲话精神,…坚决贯彻落实三个“一号工程”… (上城区, 2024)
    ("shangcheng_report_2024.txt", dt.date(2024, 2, 3), "坚决贯彻落实三个“一号工程”"),
])
def test_yao_inside_a_word_is_no_word_of_intent_in_a_review(name, published, result):
    # 要 in 重要 (主要, 需要 …) does not make a review's sentence look forward
    found = _quotes(_text(name), published)
    assert not [q for q in found if result in q or q in result], found


def _speaker_quotes(name: str, published: dt.date, official) -> list[str]:
    from tracker.extract import Official

    text = _text(name)
    return [c.quote for c in extract_document(text, published=published,
                                              official=Official(*official) if official else None).candidates]


@pytest.mark.parametrize("name, published, official, pledge", [
    # 着力促进就业增收。优化…政策，实施…行动，应届高校毕业生就业率保持95%以上、市场就业率70%以上，城镇新增就业5万人
    # (西藏, 2026: a plan section, no strong cue in the passage)
    ("xizang_plan_2026.txt", dt.date(2026, 1, 31), ("嘎玛泽登", "自治区主席"), "城镇新增就业5万人"),
    # （九）坚定不移推进绿色低碳发展。协同推进降碳减污扩绿增长。…植树造林400万亩以上 (广西, 2026)
    ("guangxi_minsheng_2026.txt", dt.date(2026, 2, 2), ("韦韬", "自治区主席"), "植树造林400万亩以上"),
    # 提升财政金融改革质效。强化财政科学管理，加快…，深化…，大幅压减非重点…，省级一般性支出压减22.3% (吉林, 2026)
    ("jilin_minsheng_2026.txt", dt.date(2026, 1, 27), ("胡玉亭", "省长"), "省级一般性支出压减22.3%"),
])
def test_a_report_paragraph_in_task_verbs_plans(name, published, official, pledge):
    assert any(pledge in q for q in _speaker_quotes(name, published, official))
    # the speaker makes it a report: without one, a paragraph of task verbs and numbers pledges nothing
    assert not any(pledge in q for q in _speaker_quotes(name, published, None))


@pytest.mark.parametrize("sentence, word", [
    ("福鼎白茶文化系统入选全球重要农业文化遗产，10个项目列入中国世界文化遗产预备名单。", "重要"),  # 福建, 2026 (review)
    ("着力打造面向南亚开放重要通道，加快陆港型、口岸型国家物流枢纽建设。", "重要"),  # 西藏, 2026
    ("主要铺设雨水管网345米,铺设污水管网348米及其他附属设施。", "主要"),  # 涉县, 2025
])
def test_yao_inside_a_word_is_no_tense_cue(sentence, word):
    from tracker.extract.normalise import normalise
    from tracker.extract.numbers import find_numbers
    from tracker.extract.pledges.cues import _block_cues

    norm = normalise(sentence)
    cues = _block_cues(norm.text, norm.blocks[0], dt.date(2026, 1, 27), find_numbers(norm.text), [])
    at = norm.text.index(word) + word.index("要")
    assert not [c for c in cues if c.pos == at], cues


@pytest.mark.parametrize("sentence, word, published", [
    ("根据嘉定区违法用地综合整治三年行动工作方案（2024－2026），我区三年应累计完成5800亩存量违法用地整治。",
     "累计完成", dt.date(2026, 2, 12)),  # 嘉定区, 2026 (a plan's three-year total)
    ("区内党政机关等政府公共机构应率先在具备条件的屋顶建设光伏发电系统，实施“光伏+政府公共机构”专项工程；",
     "率先", dt.date(2025, 2, 24)),  # 黄浦区, 2025 (an action plan's task)
])
def test_a_modal_before_a_word_of_the_past_makes_it_the_plans(sentence, word, published):
    """应累计完成, 应率先: what a plan requires, not what was done; the cue reader reads the word forward."""
    from tracker.extract.normalise import normalise
    from tracker.extract.numbers import find_numbers
    from tracker.extract.pledges.cues import _block_cues

    norm = normalise(sentence)
    cues = _block_cues(norm.text, norm.blocks[0], published, find_numbers(norm.text), [])
    at = norm.text.index(word)
    assert [(c.forward, c.strong) for c in cues if c.pos == at] == [(True, True)], cues


def test_a_plans_three_year_total_after_its_period_in_brackets_is_a_pledge():
    found = _quotes(_text("jiading_landfix_2026.txt"), dt.date(2026, 2, 12))
    assert any("我区三年应累计完成5800亩存量违法用地整治" in q for q in found), found
