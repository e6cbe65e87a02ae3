"""The frames a reader keeps: whether a section or paragraph reviews the past, headings that lead
targets, who speaks, and which division the text is about.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache

from tracker.extract import lexicons
from tracker.extract.deadlines import find_deadlines
from tracker.extract.model import Deadline, Official, Precision
from tracker.extract.normalise import Block, Normalised
from tracker.extract.numbers import find_numbers
from tracker.extract.people import credited_name, districts, generic_divisions, provinces_as_own, speaker_line
from tracker.extract.pledges.base import (
    _BULLETS, _NUMERALISH, _OPENING, _PLAN_LEAD, _TARGET_LEAD, _Clause, _Reading, _ahead, _ba_object, _districts_of,
    _inherited, _names_a_thing, _people_in,
)
from tracker.extract.rules import rule


_HEADLINE_CUE = re.compile("|".join(map(re.escape, lexicons.words("headline_cues"))))


def _headline_pledge(btext: str, published: dt.date | None = None, headline: bool = False) -> bool:
    """A headline or sub-heading without closing punctuation can state a pledge itself.

    News puts its main pledges in the headline (龙文区2018年将投建5所小学10所幼儿园; 力争13条道路建成通车
    as a sub-heading; 芗城明年新增学位1.4万个 力争8条道路建成通车): a heading with a modal of intent
    and a number is read as a sentence is, and so is the page's headline (``headline``: no paragraph of the body
    before it) whose count comes after a time still ahead (``headline_time_ahead``); a heading without either
    (一、2023年工作回顾) stays a heading."""
    if not _NUMERALISH.search(btext):
        return False
    return bool(_HEADLINE_CUE.search(btext)) or headline and headline_time_ahead(btext, published)


# Where a headline's clause ends: a stop, a colon, or the space a headline sets between its clauses.
_HEADLINE_CLAUSE_END = re.compile(r"[，,；;：:。！？!?\s\u3000]")


# A headline that asks (杭州今年GDP能破2万亿吗) states nothing.
_QUESTION_END = re.compile(r"[吗呢？?]\s*$")


@rule("pledge", "标题的未来时间")
def headline_time_ahead(btext: str, published: dt.date | None) -> bool:
    """A page's headline (a heading before any paragraph of its body) without a modal of intent states a pledge
    when a time still ahead (今年, 明年, 到2020年, a year not yet over) comes before a count in the same clause of it,
    as a sentence opening on that time would:
    东昌府区区长刘培国:今年新增教学班500个 2018年完成棚改任务 (东昌府区 news, 2017-02-25, the page's only plan,
    its body cut before the plans); 龙文四个领域补短板 到2020年新建4所公办幼儿园 (龙文区 news, 2017-09-08);
    今年60亿元政府采购任务完成过半 (中关村 news, 2011-06-20: the year's target, 60亿元). A heading that reviews
    (2023年工作回顾, lexicon review_headings) or names a time already over states none, nor does a question (原标题：
    杭州今年GDP能破2万亿吗, 国际金融报 2021), nor a count before the time (四川新建4条藏区公路2015年汶九高速建成: 2015年
    dates the road after it, which has no count). A sub-heading inside the body restates the paragraph under it
    (2022年重大项目共安排883个，年度社会投资占比74.3%, 深圳 news 2022) and is left to the modal rule."""
    if published is None or _REVIEW_HEADING.search(btext) or _QUESTION_END.search(btext):
        return False
    for mention in find_deadlines(btext, published):
        if not _ahead(mention.deadline, published):
            continue
        end = _HEADLINE_CLAUSE_END.search(btext, mention.end)
        rest = btext[mention.end:end.start() if end else len(btext)]
        if any(t.kind == "quantity" for t in find_numbers(rest)):
            return True
    return False


# Headings that review (一、过去一年工作回顾; (一)主要目标完成情况; 一年来,我们重点做了以下工作:) and
# headings that plan (二、2024年工作安排; 2023年工作计划); a review heading wins when both words appear
# (2023年上半年国民经济和社会发展计划执行情况).
_REVIEW_HEADING = re.compile("|".join(map(re.escape, lexicons.words("review_headings"))))
_PLAN_HEADING = re.compile("|".join(map(re.escape, lexicons.words("plan_headings"))))
# A paragraph or sentence that opens in the past (近年来,…; 今年以来,…; 截至目前,…; 据统计,…; 原来,…).
_PAST_LEAD = re.compile(r"(?:[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]{1,2}、|——)?"
                        r"(?:" + "|".join(map(re.escape, lexicons.words("past_leads"))) + r"|\d{4}年以来|[^，,。；;]{0,16}以来"
                        # 平台开通5个月间，… / 平台开通5个月来，… (南京市 news, 2011): the time elapsed since
                        r"|[^，,。；;未今将拟计]{0,12}?[0-9一二三四五六七八九十两几多]+个?(?:月|年|天|周)(?:来|间)(?=[，,])"
                        r"|截至\d|截止\d)")
# Words of intent that make a sentence look forward even in a review (下一步将…, 预计年底前建成).
# (争取 and 预计 are not among them: in a review 争取上级转移支付31.8亿元 was secured and
# 预计全年… projects the year just ended.)
_INTENT_WORDS = re.compile(r"将(?!军)|(?<![重主需必只首纲摘紧])要(?![求素点闻件害])|力争|确保|计划|拟|下一步|今后|明年|未来")
class _IntentWords:
    """Words of intent in a review: 计划 and 将 only where they intend (计划投资, 将新建), not where 计划 ends a
    programme's name or 将 puts the object before its verb: in 天津's, 安徽's, 黑龙江's, 宁夏's, 吉林's 2026 reviews,
    "实施高质量就业挖潜扩容计划，落实援企稳岗扩就业政策资金110亿元，城镇新增就业75.7万人" (安徽) and "每年将75%以上的
    财力用于民生，5年累计投入6200多亿元" (宁夏) report what was done. ``search`` answers as a pattern's would."""

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        for m in _INTENT_WORDS.finditer(text, pos, len(text) if endpos is None else endpos):
            word = m.group(0)
            if _names_a_thing(text, m.start(), word) or word == "将" and _ba_object(text, m.end()):
                continue
            return m
        return None


_INTENT = _IntentWords()


# A heading telling a task done or a target met names the plan word as an outcome: under a review,
# "（一）圆满完成上合天津峰会筹备和服务保障任务" (天津, 2026) and "●脱贫攻坚任务胜利完成" (2022's national review)
# go on reviewing.
_ACCOMPLISHED = re.compile(r"(?:完成|实现|达成)[^，,。；;]{0,16}(?:任务|目标)|(?:任务|目标)[^，,。；;]{0,6}(?:完成|实现|达成)")


def _section_frame(heading: str, current: bool, published: dt.date | None = None) -> bool:
    """Whether the text under ``heading`` reviews the past: a review heading opens a review,
    a plan heading (or one naming a year not yet over: 二、2021年主要工作) ends it, any other
    heading (（一）坚持项目支撑…), or one telling a task done (圆满完成…任务), keeps the frame it is in."""
    if _REVIEW_HEADING.search(heading):
        return True
    if _ACCOMPLISHED.search(heading) and not _INTENT.search(heading):
        return current
    if _PLAN_HEADING.search(heading):
        return False
    years = [int(y) for y in re.findall(r"(?<!\d)(20\d\d)年", heading)]
    if published is not None and years and max(years) >= published.year:
        return False
    return current


def _in_past_frame(ctx: _Reading, text: str, block: Block, clause: _Clause) -> bool:
    """A past action needs no 了 when its frame is past.

    Reviews state what was done without a past marker: under 一、过去一年工作回顾,
    "158个重点项目完成投资189.4亿元" (汉滨区, 2025) is an achievement; after 近年来,…, "今年又新增
    小额担保贷款300万元" (定南县, news of 2015-12-13) was done this year, not promised; after
    据统计, "该县今年新增创业人员5000多人" counts what happened. The frame is the section (a heading
    that reviews, until a heading that plans), the paragraph's opening clause, or the sentence's
    opening words; a sentence with a word of intent (将, 要, 力争, 计划 …) still looks forward."""
    if ctx.review_section or ctx.review_paragraphs:
        key = ("plans_ahead", block.start)  # read once a paragraph: it depends on the paragraph alone
        if key not in ctx.walk_memo:
            ctx.walk_memo[key] = _plans_ahead(ctx, text, block)
        if not ctx.walk_memo[key]:
            return True
    if _REPORT_LEAD.match(text, clause.sentence_start, clause.end):
        # 据了解，全市共签约33个项目 (黄石市 news, 2021): reported, unless the sentence plans anywhere in it (read once a
        # sentence: a long one holds many numbers)
        key = ("report_lead", clause.sentence_start)
        if key not in ctx.walk_memo:
            stop = _SENTENCE_END.search(text, clause.sentence_start, block.end)
            ctx.walk_memo[key] = not _INTENT.search(text, clause.sentence_start, stop.start() if stop else block.end)
        return ctx.walk_memo[key]
    return bool(_PAST_LEAD.match(text, clause.sentence_start, clause.end))


# A news report's source opening a sentence (lexicon report_leads: 据了解, 据介绍, 据悉)
_REPORT_LEAD = re.compile(r"(?:" + "|".join(map(re.escape, lexicons.words("report_leads"))) + r")[，,]")
_SENTENCE_END = re.compile(r"[。！？!?]")


def _plans_ahead(ctx: _Reading, text: str, block: Block) -> bool:
    """A paragraph of a review section that opens on the time ahead with a word of intent plans: under
    2022年…民生实事完成情况及2023年安排, "2023年，市政府将继续办好十方面民生实事。主要包括：新增婴幼儿托位3000个"
    (tests/extract/unseen/minsheng_review_2023.txt, a unit example)."""
    sentence = re.split(r"(?<=[。！!；;])", _past_address(text[block.start:block.end]), maxsplit=1)[0]
    first = re.split(r"[，,：:]", sentence, maxsplit=1)[0]
    years = [int(y) for y in re.findall(r"(?<!\d)(20\d\d)年", first)]
    ahead = bool(re.search(r"今年|明年|下一步|今后", first)) or bool(
        ctx.published is not None and years and min(years) >= ctx.published.year)
    return ahead and bool(_INTENT.search(sentence))


_CLAUSE_STOP = re.compile(r"[，,。；;：:]")
_LEAD_STOP = re.compile(r"[。！!]")
# A time named at the opening of a paragraph that plans: 今年,…; 2024年,我们将…
_TIME_NAMED = re.compile(r"今年|明年|年内|年底|\d{4}年")


# The speaker's address to the hall before a paragraph's opening (lexicon address_openings: 各位代表！, 各位代表，)
_ADDRESS = re.compile(r"(?:" + "|".join(map(re.escape, lexicons.words("address_openings"))) + r")[！!，,：:]")


def _past_address(btext: str) -> str:
    """The address before an opening (address_opening): a paragraph that opens on the speaker's address to the hall (各位代表！) opens, for the
    frames, after it: "各位代表！刚刚过去的2025年，是云南发展历程中具有重要里程碑意义的一年。…完成地区生产总值32765亿元"
    (云南, 2026) and "各位代表，刚刚过去的2025年，…地区生产总值增长5%左右" (江苏, 2026) review that year, as the same
    paragraph without the address does; "各位代表！今年，我们继续安排20件民生实事" (辽宁, 2026) still plans."""
    m = _ADDRESS.match(btext)
    return btext[m.end():] if m else btext


def _opening_clause(btext: str) -> str:
    """A paragraph's words before its first comma, stop or colon (all of it if none), after the speaker's address to
    the hall (各位代表！): what the frames read. Sliced where the first one stands, not split off the rest of a long
    paragraph."""
    btext = _past_address(btext)
    stop = _CLAUSE_STOP.search(btext)
    return btext[:stop.start()] if stop else btext


@lru_cache(maxsize=4)
def _opening(btext: str) -> tuple[str, bool, bool]:
    """A paragraph's opening clause (``_opening_clause``), whether it holds a word of intent and whether it names a
    time ahead: read once for the three frames the reader asks of each paragraph (``_paragraph_frame``,
    ``_past_year_frame``, ``_outcome_frame``), which each read them before."""
    first = _opening_clause(btext)
    return first, _INTENT.search(first) is not None, _TIME_NAMED.search(first) is not None


def _paragraph_frame(btext: str, current: bool) -> bool:
    """Whether a paragraph is read in the past: it opens in the past (近年来,…; 龙华区正式挂牌成立一年以来,…),
    or follows such a paragraph (预计地区生产总值超过2100亿元,… in a report's review) and does not open
    with a word of intent or a time ahead (今年,…; 2024年,我们将…), nor name the coming plan's outline in its first
    sentence (outline_paragraph_plans)."""
    first, intent, time_named = _opening(btext)
    if _PAST_LEAD.match(first) and not intent:
        return True
    if intent or time_named:
        return False
    if current and outline_paragraph_plans(btext):
        return False
    return current


@rule("tense", "提交审查的规划纲要段", "outline_paragraph_plans")
def outline_paragraph_plans(btext: str) -> bool:
    """A paragraph whose first sentence names the outline of the coming plan the report submits (lexicon outline_drafts:
    《纲要草案》, 纲要（草案）, 《纲要》) ends a run of paragraphs read in the past: it states the plan's targets, which look
    forward: 围绕上述目标，《纲要草案》从…6个维度设置了29项主要指标，包括：地区生产总值年均增速4.5%-5%… (北京 2026, after
    its 这五年，… paragraphs); 根据《…建议》，我们编制了“十五五”规划纲要（草案），提交大会审查。…提出地区生产总值年均增长5%左右
    (广西 2026, after 过去五年，…)."""
    stop = _SENTENCE_END.search(btext)
    return _outline_draft().search(btext, 0, stop.start() if stop else len(btext)) is not None


@cache
def _outline_draft() -> re.Pattern:
    return re.compile("|".join(map(re.escape, lexicons.words("outline_drafts"))))


# A paragraph opening on a year already over: 刚刚过去的2025年，… / 2025年，… / 去年，… (the year a review reports);
# 刚刚过去的一年，… (陕西, 2026) and 过去一年很不平凡。 (广西, 2026) name it without its number.
_PAST_YEAR_OPENING = re.compile(r"(?:[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]{1,2}、)?"
                                r"(?:(?:刚刚过去的|刚过去的|过去的|回顾)?(?:(20\d\d)年|去年|上年|上一年)"
                                r"|(?:刚刚过去的|刚过去的|过去的?)一年)")


def _past_year_frame(btext: str, current: bool, published: dt.date | None) -> bool:
    """Rule past_year_opening's frame: a paragraph whose opening clause names a year before the
    publication (刚刚过去的2025年，… in a report of 2026) reviews that year, and so do the paragraphs
    after it (加强科技创新，驱动能源转型。全年规上原煤产量13.05亿吨…), until a heading, or a paragraph
    opening with a word of intent or a time ahead (2026年，我们将…)."""
    if published is None:
        return False
    first, intent, time_named = _opening(btext)
    m = _PAST_YEAR_OPENING.match(first)
    if m and (m.group(1) is None or int(m.group(1)) < published.year) and not intent \
            and not re.search(r"(?<!\d)20\d\d年", first[m.end():]):
        return True
    if intent or time_named:
        return False
    return current


_OUTCOME_LEAD = re.compile(r"(?:[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]{1,2}[、是])?"
                           r"[^，,。；;：:！!？?\s]{2,12}?(?:" + "|".join(map(re.escape, lexicons.words("outcome_leads")))
                           + r")[。！!]?$")


def _outcome_frame(btext: str, current: bool) -> bool:
    """Rule outcome_lead's frame: a paragraph whose lead sentence is a subject and what became of it
    (就业促进更有力。…; “两山”转化成色更足。 on a line of its own) reviews, and so do the paragraphs after
    it until a heading, or a paragraph opening with a word of intent or a time ahead."""
    body = _past_address(btext)
    stop = _LEAD_STOP.search(body)
    lead = body[:stop.end()] if stop else body
    if _OUTCOME_LEAD.match(lead) and not _INTENT.search(lead):
        return True
    _, intent, time_named = _opening(btext)
    if intent or time_named:
        return False
    return current


def _update_people(ctx: _Reading, btext: str, bi: int, block: Block) -> None:
    people = _people_in(ctx, bi, btext)
    ctx.official_before_block = ctx.official
    for p in people:
        ctx.names.add(p.official.name)
        if p.official.title and p.official.name not in ctx.titled:
            ctx.titled[p.official.name] = p.official
    # a line that is nothing but a title and a name (县长 张建国) presents the text that follows
    credited = [p for p in people if p.credited or (block.kind == "heading" and p.start == 0 and p.end == len(btext))]
    spoken = speaker_line(btext) if not people and block.kind == "heading" else None
    if spoken is not None:  # 自治区主席 嘎玛泽登: a name no known surname opens
        ctx.names.add(spoken.name)
        ctx.titled.setdefault(spoken.name, spoken)
        ctx.official = spoken
        ctx.body_since_credit = False
        return
    if credited:
        p = credited[0]
        if ctx.official is None or ctx.official.name != p.official.name or (p.official.title and not ctx.official.title):
            ctx.official = p.official
        ctx.body_since_credit = False
        return
    if ctx.official is None:
        name = credited_name(btext, ctx.names)
        if name:
            ctx.official = Official(name, None)


def _own_province(generic: dict[str, int], counts: dict[str, int]) -> str | None:
    """Rule own_province_in_opening (part of dominant_division): the province (or municipality, autonomous region) a
    text names in its opening the way a text names its own, when it names no lower division so; most named wins."""
    known = districts()
    if any(k in known and known[k].level != "省" or k not in known for k in generic):
        return None
    own = {k: v for k, v in generic.items() if known[k].level == "省"}
    return max(own, key=lambda k: (own[k], k)) if own else None


def _dominant_district(norm: Normalised, ctx: _Reading) -> str | None:
    counts: dict[str, int] = {}




    generic: dict[str, int] = {}
    for i, block in enumerate(norm.blocks):
        if block.set_aside:
            continue
        btext = norm.text[block.start:block.end]
        for _, name in _districts_of(ctx, i, btext):
            if districts()[name].level in ("市", "区", "县"):
                counts[name] = counts.get(name, 0) + 1
        if i < 4 or block.kind == "heading":  # where a text names its own division: title, byline, session
            found = generic_divisions(btext[:_OPENING])
            found += [name for name in provinces_as_own(btext[:_OPENING]) if name not in found]
            for name in found:
                generic[name] = generic.get(name, 0) + 1
    if not counts and not generic:
        for block in norm.blocks[4:]:
            if not block.set_aside and block.kind != "heading":
                for name in generic_divisions(norm.text[block.start:block.end]):
                    generic[name] = generic.get(name, 0) + 1
    # A province the text names as its own (2026年1月27日在陕西省第十四届人民代表大会第四次会议上, 2026年黑龙江省政府工作
    #报告) is the text's, not the city its report names most (西安市, 哈尔滨市): the cities are its parts. Unless the text
    # names a city or county as its own too (a city's report that names its province's congress).
    own = _own_province(generic, counts)
    if own:
        return own
    # A division the text names as it names its own (XX区人民政府, 福州市长乐区第三届人民代表大会)
    # and more often than the known ones is the text's: 长乐区, not 福州市.
    unknown = {k: v for k, v in generic.items() if k not in districts()}
    if unknown and (not counts or max(unknown.values()) > max(counts.values())):
        counts = unknown
    elif not counts:
        counts = generic
    return max(counts, key=lambda k: (counts[k], k)) if counts else None


# A heading naming targets (主要预期目标, 主要目标, 主要指标, 预期目标, 2021任务清单); one naming their
# outcome (主要目标完成情况) reviews, it leads nothing.
_TARGET_HEADING = re.compile(r"(?:主要(?:预期)?|预期|规划)(?:目标|指标)|任务清单")
#: words by which a heading naming targets speaks of their outcome (主要目标完成情况): it leads no targets
_OUTCOME_HEADING = re.compile(r"完成|实现|情况|回顾|成效|成绩")
_PLACE_HEADING = 6  # characters of a heading that may name a known division the targets are of (广州市)
_LABEL_HEADING = 3  # characters of a heading that may name any place or a group of the targets (惠州, 镇安县, 就业)


def _target_heading(btext: str, published: dt.date | None) -> Deadline | None:
    """Rule target_heading_lead: a heading naming targets, without closing punctuation, leads the lines
    or the sentence after it: its items are targets of the report's year (of the plan's period under a
    five-year plan's heading), with or without a forward cue, until a heading of another kind.

    主要预期目标\n惠州\n●地区生产总值增长8.5%\n●规上工业增加值增长7.5%以上 (惠州日报, 2021);
    主要目标\n生产总值增长11.5%左右,全社会固定资产投资增长23%左右 (镇安县, 2015)."""
    m = _TARGET_HEADING.search(btext)
    if m is None or _OUTCOME_HEADING.search(btext) or published is None:
        return None
    named = [m.deadline for m in find_deadlines(btext, published) if m.year_given]
    if named:  # ■ 2025年经济社会发展的主要预期目标: the year it names; a past year's targets are reviewed
        return _inherited(named[0]) if _ahead(named[0], published) else None
    plan = _PLAN_LEAD.search(btext)
    if plan:
        year = published.year + (-published.year) % 5
        return Deadline(plan.group(0), dt.date(year, 12, 31), Precision.PLAN, inherited=True)
    raw = re.split(r"[，,。；;：:]", btext[:m.end()])[-1] + btext[m.end():]  # …慈善制度2021任务清单: the heading's part
    return Deadline(raw.strip(" " + _BULLETS), dt.date(published.year, 12, 31), Precision.YEAR, inherited=True)


def _target_item(ctx: _Reading, btext: str) -> bool:
    """A short line under a target heading that holds a quantity (●固定资产投资增长18%) or a list bullet
    (■制定促进共同富裕行动纲要) is one of its items, read as a paragraph though it ends without a mark."""
    return ctx.target_heading is not None and (btext.startswith(tuple(_BULLETS)) or any(
        t.kind == "quantity" for t in find_numbers(btext)))


def _names_a_place(btext: str) -> bool:
    """惠州, 广州: a short heading naming a place (or a group: 就业) between a target heading and its
    items; a longer heading of another kind (重点工作) ends the targets."""


    name = btext.strip(" ●■◆")
    return 0 < len(name) <= _LABEL_HEADING or 0 < len(name) <= _PLACE_HEADING and any(
        name + suffix in districts() for suffix in ("", "市", "县", "区", "省"))


def _states_the_years_targets(btext: str, published: dt.date) -> Deadline | None:
    """Rule report_year_after_targets: once a work report has stated the year's targets (主要预期目标是：…),
    what it plans after them is that year's work, though a paragraph names no year.

    经济社会发展的主要预期目标是：全省地区生产总值增长5%—5.5%…（一）加力扩内需稳增长 … 统筹安排省级财政资金350亿元以上
    (安徽, 2026); 建议经济社会发展主要预期目标为：… （一）奋力推进全方位扩大内需 … 推进2000个省级重点项目 (山东, 2026)."""
    m = _TARGET_LEAD.search(btext)
    if m is None or _PLAN_LEAD.search(btext, 0, m.end()):
        return None
    return Deadline(m.group(0).rstrip("：:"), dt.date(published.year, 12, 31), Precision.YEAR, inherited=True)


_PLAN_DOCUMENT = re.compile(r"(?:" + "|".join(map(re.escape, lexicons.words("plan_documents")))
                            + r")(?:[（(][^）)]{0,16}[）)])?(?:》|》的通知)?$")


def _plan_document(ctx: _Reading, norm: Normalised, bi: int) -> str | None:
    """Rule plan_document_frame's frame: the kind of plan a heading before block ``bi`` names the document
    (# 关于印发《黄浦区可再生能源发展行动方案》的通知, then 黄浦区可再生能源发展行动方案), or None."""
    key = ("plan_document", bi)
    if key not in ctx.walk_memo:
        found = None
        for b in norm.blocks[:bi]:
            if b.kind == "heading":
                m = _PLAN_DOCUMENT.search(norm.text[b.start:b.end].strip(" #"))
                if m:
                    found = m.group(0)
                    break
        ctx.walk_memo[key] = found
    return ctx.walk_memo[key]
