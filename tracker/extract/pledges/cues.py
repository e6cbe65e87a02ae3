"""Tense cues and deadline mentions of a paragraph, read once per paragraph.
"""
from __future__ import annotations

import datetime as dt
import re

from tracker.extract import lexicons
from tracker.extract.deadlines import DeadlineMention, find_deadlines
from tracker.extract.model import Precision
from tracker.extract.normalise import Block, Normalised
from tracker.extract.numbers import find_numbers
from tracker.extract.pledges.deadline import dateline_spans
from tracker.extract.pledges.base import (
    _ATTRIBUTIVE_TIME, _FUTURE_SPAN, _NOT_PAST_LE, _PAST_PERIOD, _PLAN_NOUNS, _YEAR_ONLY, _Cue, _Cues, _names_a_thing,
    _Reading, _ahead, _ba_object, _cue_table, _named_year, _sentence_stops, _token_date, past_le,
)


_BARE_SPAN = re.compile(r"(?:[一二三四五六七八九十两]+|\d{1,2})年")
_SPAN_BEFORE = lexicons.words("span_before")
_DOCUMENT_VERBS = lexicons.words("document_verbs")
_SPAN_AFTER = lexicons.words("span_after")
_NAME_END = ("”", "》", "’", "」")
# A modal of obligation or intent right before a word of the past (应累计完成, 应率先, 将首次) makes it what a plan
# requires: 我区三年应累计完成5800亩存量违法用地整治 (嘉定区, 2026); 政府公共机构应率先在具备条件的屋顶建设光伏发电系统
# (黄浦区, 2025)
_MODAL_BEFORE_PAST = ("应", "将", "须", "需")
# A target met or beaten names no target ahead: 能耗强度超额完成国家激励目标 (山东, 2026), 优于国家考核目标14.6个百分点
# (吉林, 2026), 实现消除疟疾、血吸虫病、麻风病目标 (云南, 2026), each in its review.
_TARGET_MET = re.compile(r"(?:完成|实现|达成|优于|高于|超过|超出)[^，,。；;：:！!？?]{0,24}$")
# …and the target named first, then met: 清理拖欠企业账款年度目标任务超额完成 (黑龙江, 2026), “八五”普法目标任务全面完成
# (甘肃, 2026), each in its review (lexicon target_met_after)
_TARGET_MET_AFTER = re.compile(r"(?:任务)?(?:" + "|".join(map(re.escape, sorted(lexicons.words("target_met_after"),
                                                                               key=len, reverse=True))) + r")")
# A word of success right before a word of intent: the effort won (lexicon success_words): 成功争创中欧班列集结中心
# (山东, 2026), 成功争取一批国家重大政策改革 (河北, 2026)
_SUCCESS = tuple(lexicons.words("success_words"))
_CLAUSE_MARK = "，,。；;：:！!？?"
_SECURED_FUNDS = re.compile(r"到?[^，,。；;：:！!？?]{0,24}?(?:" + "|".join(map(re.escape, lexicons.words("secured_funds")))
                            + r")[^，,。；;：:！!？?]{0,16}?(?:\d|超)")
_SEEKING = tuple(lexicons.words("seeking_words"))
_INTENT_WORDS = re.compile("|".join(map(re.escape, lexicons.words("modal_words"))))
_NATION_COMPARISON = re.compile(
    r"(?:" + "|".join(map(re.escape, sorted((w for w in lexicons.words("nation_comparisons") if w.endswith("第")),
                                             key=len, reverse=True)))
    + r")[一二三四五六七八九十\d]+(?:位|名)?|(?:"
    + "|".join(map(re.escape, [w for w in lexicons.words("nation_comparisons") if not w.endswith("第")]))
    + r")(?:平均水平|平均)?\d+(?:\.\d+)?个百分点|(?:"
    + "|".join(map(re.escape, lexicons.words("nation_ranks"))) + r")")


def funds_secured(btext: str, start: int, end: int) -> bool:
    """争取 with money from above and its amount in the same clause, no word of effort before it, no 以上 after the
    amount, tells what was secured: a result, no forward cue. 争取“两重”“两新”资金311.5亿元、增长9.5%，争取中央预算内投资
    140.3亿元 (辽宁, 2026); 新争取国家政策性资金4700多亿元 (山东, 2026); 争取中央各类建设发展资金超900亿元 (广西, 2026);
    争取中央预算内投资、超长期特别国债分别增长64.8％ (陕西, 2026). 积极争取… and 争取…100亿元以上 still seek."""
    if btext[max(0, start - 3):start].endswith(_SEEKING):
        return False
    m = _SECURED_FUNDS.match(btext, end)
    if m is None:
        return False
    rest = btext[m.end():m.end() + 12]
    stop = next((i for i, ch in enumerate(rest) if ch in _CLAUSE_MARK), len(rest))
    return "以上" not in rest[:stop]


_BARE_YEARS = re.compile(r"(?:[一二三四五六七八九十两]+|\d{1,2})年")
_PROGRAMME_REPORTED = re.compile(
    r"(?:" + "|".join(map(re.escape, sorted(lexicons.words("programme_span_heads"), key=len, reverse=True))) + r")"
    r"[^，,。；;：:！!？?]{0,2}?(?:[、和][^，,。；;：:！!？?]{1,12}?(?:行动|工程|计划))?"
    r"(?:" + "|".join(map(re.escape, sorted(lexicons.words("programme_states"), key=len, reverse=True))) + r")")


def programme_reported(text: str, m: DeadlineMention) -> bool:
    """A span of years in a programme's name (三年行动, 三年攻坚行动: lexicon programme_span_heads) whose programme is the
    subject of what became of it (lexicon programme_states) reports on the programme: no forward cue. “暖心民政”三年行动
    启动实施，每年安排140亿元以上 (广西, 2026); 国企改革三年行动、深化提升行动高质量收官 (甘肃, 2026); 国际生态旅游目的地
    青海湖示范区创建三年行动取得新成效 (青海, 2026). A programme carried out (实施…三年行动，; 深入推进…三年行动，) is named
    the same way in a plan and in a review: its span stays a forward cue."""
    return _BARE_YEARS.fullmatch(m.deadline.raw or "") is not None and _PROGRAMME_REPORTED.match(text, m.end) is not None


def nation_comparisons(btext: str) -> list[int]:
    """Where a figure is compared with the nation's or ranked among the provinces (lexicon nation_comparisons:
    规上工业增加值增长7.6%，高于全国1.7个百分点, 山东 2026; 粮食最高年产840亿斤、居全国第5位, 内蒙古 2026; 高速公路、
    农村公路通车里程均居全国第2位, 云南 2026): a statistic measured, a word of the past for the clauses after it, unless
    a word of intent stands before it in its sentence (力争…居全国第3位). A rank said without a number (lexicon
    nation_ranks: 光热在建规模居全国首位, 青海 2026; 农业投资规模居全国前列, 云南 2026) is one too."""
    out = []
    for m in _NATION_COMPARISON.finditer(btext):
        sentence = btext[max(btext.rfind("。", 0, m.start()), btext.rfind("；", 0, m.start())) + 1:m.start()]
        if not _INTENT_WORDS.search(sentence):
            out.append(m.start())
    return out


_ESTIMATE_LEADS = frozenset(lexicons.words("estimate_leads"))
_SENTENCE_END = "。！!？?\n"  # a semicolon parts a sentence whose year frames every part


def estimate_of_a_year_over(btext: str, pos: int, years: list[tuple[int, bool]]) -> bool:
    """An estimate (lexicon estimate_leads: 预计) whose sentence names, as its nearest year before it, a year already
    over when the text was published estimates a result, not a target: "根据海淀区2022年政府工作报告，2021年GDP预计增至
    9500亿元" and "2021年，高新技术企业收入预计3.4万亿元，…增长14%，五年年均增长13.1%" (海淀区 news of 2022-01-14);
    "2011年，地区生产总值完成198.5亿元，…；社会消费品零售总额预计完成84亿元，预计同比增长19.2%" (海拉尔区's report of
    2012-02-29). ``years`` are the block's year tokens before ``pos`` as (offset, already over), in order. 预计 under a
    year still ahead (2022年…预计) or with no year in its sentence (预计新增幼儿园学位990个) keeps looking forward."""
    for at, over in reversed(years):
        if at >= pos:
            continue
        if any(ch in _SENTENCE_END for ch in btext[at:pos]):
            return False
        return over
    return False


# The words after an estimate that name the year it is said in as a whole or its end (lexicon year_end_estimates)
_YEAR_END_ESTIMATE = re.compile("|".join(map(re.escape, sorted(lexicons.words("year_end_estimates"), key=len, reverse=True))))


def estimate_of_the_year_ending(btext: str, base: int, cues: list["_Cue"]) -> list["_Cue"]:
    """An estimate of the whole year (lexicon estimate_leads: 预计, then lexicon year_end_estimates: 全年, 到年末, 到年底 …)
    in a text dated in that year's last month reports the year's result before it is counted, as a report delivered
    in December reviews the year it closes: "今年以来，…。预计全年实现地区生产总值32.37亿元、增长3.5%，…" (舟曲县's report
    of 2022-12-28) and "2018年是本届政府的开局之年，…。预计到年末，全县地区生产总值完成115亿元，同比增长7%；…" (建平县's
    report of 2018-12-22). The estimate is a word of the past for the clauses after it, and the year's end named right
    after it (到年末) no time ahead. Called only for a text dated in December."""
    ends = [(base + i, base + m.end()) for i in (c.pos - base for c in cues if c.forward and c.word in _ESTIMATE_LEADS)
            for m in (_YEAR_END_ESTIMATE.match(btext, i + 2),) if m]
    if not ends:
        return cues
    out = []
    for c in cues:
        if any(c.pos == start for start, _ in ends):
            out.append(_Cue(c.pos, False, True, c.word))
        elif not any(start < c.pos < end for start, end in ends):
            out.append(c)
    return out


def elapsed_part_of_year(text: str, m: DeadlineMention, published: dt.date | None) -> bool:
    """A half or a quarter of a year (今年上半年, 一季度, 2022年上半年) that ended before the text was published frames
    what was done in it, as 前三季度 and 1-9月 do: "今年上半年，全县GDP完成146.7亿元" (泗县 news of 17 August 2022). Not a
    time inside a modifier (上半年完成的项目)."""
    return (published is not None and m.deadline.date is not None
            and m.deadline.precision in (Precision.HALF, Precision.QUARTER) and m.deadline.date < published
            and not _ATTRIBUTIVE_TIME.match(text, m.end))


def _mentions(text: str, base: int, published: dt.date | None) -> list[DeadlineMention]:
    """Deadline mentions of a paragraph, in document offsets. A bare span of years
    (极不平凡的一年) is a deadline only where the words make it one: 未来五年, 三年内,
    用三年时间, 三年行动."""
    out = []
    for m in find_deadlines(text, published):
        if _BARE_SPAN.fullmatch(m.deadline.raw or ""):
            before, after = text[max(0, m.start - 2):m.start], text[m.end:m.end + 2]
            if not (before.endswith(_SPAN_BEFORE) or after.startswith(_SPAN_AFTER)):
                continue
        if m.deadline.precision is Precision.PLAN and (m.deadline.raw or "").endswith(("规划", "计划")) \
                and text[max(0, m.start - 2):m.start].endswith(_DOCUMENT_VERBS):
            continue  # 实施“十四五”规划: the plan as a document, not its end as a deadline
        out.append(DeadlineMention(base + m.start, base + m.end, m.deadline, m.year_given))
    return out


def _block_mentions(ctx: _Reading, bi: int, btext: str, start: int) -> list[DeadlineMention]:
    """The deadline mentions of the paragraph or heading ``bi`` (its text ``btext`` at ``start``), read once a
    document: told_completions, the paragraph's reading and another paragraph's cues share them (not to be changed)."""
    got = ctx.mentions_of.get(bi)
    if got is None:
        got = ctx.mentions_of[bi] = _mentions(btext, start, ctx.published)
    return got


def _cues_of(norm: Normalised, bi: int, ctx: _Reading, cues_cache: dict[int, "_Cues"]) -> "_Cues":
    """The cues of another paragraph or heading, read once."""
    if bi not in cues_cache:
        b = norm.blocks[bi]
        btext = norm.text[b.start:b.end]
        mentions = _block_mentions(ctx, bi, btext, b.start)
        cues_cache[bi] = _Cues.of(_block_cues(norm.text, b, ctx.published, find_numbers(btext), mentions))
    return cues_cache[bi]


def _block_cues(text: str, block: Block, published: dt.date | None, tokens_by_pos, mentions) -> list[_Cue]:
    pattern, table = _cue_table()
    btext = text[block.start:block.end]
    cues = []
    for m in pattern.finditer(btext):
        word = m.group(0)
        if word not in table:
            continue  # 重要, 主要: the cue word inside them is no cue (lexicon not_cue_words)
        if table[word][0] and btext.startswith(_NAME_END, m.end()):
            continue  # “双高计划”: the last word of a name in quotation marks, not a plan
        if word == "已" and btext[max(0, m.start() - 1):m.start()] in ("而", "不"):
            continue
        if word in _PLAN_NOUNS and (btext[max(0, m.start() - 2):m.start()] in _PLAN_NOUNS[word]
                                    or btext[m.end():m.end() + 1] in ("的", "数", "书", "表")):
            continue  # 完成年度计划的27%: the plan as a thing, not a plan to do
        if word in ("计划", "未来") and _names_a_thing(btext, m.start(), word):
            continue  # 实施江淮英才计划，…; 未来产业: a name, not a plan or the time ahead
        if word.startswith("目标") and (_TARGET_MET.search(btext, max(0, m.start() - 26), m.start())
                                       or _TARGET_MET_AFTER.match(btext, m.end())):
            continue  # 超额完成国家激励目标, 年度目标任务超额完成: a target met or beaten, not one set
        if word in ("争创", "争取") and btext[max(0, m.start() - 2):m.start()] in _SUCCESS:
            continue  # 成功争创中欧班列集结中心: the effort won, a result
        if word == "争取" and funds_secured(btext, m.start(), m.end()):
            continue  # 争取中央预算内投资140.3亿元: secured, a result
        if word == "将" and _ba_object(btext, m.end()):
            continue  # 将8个公司运营的16支…基金整合为…, 将这些资金…: 将 puts its object first, it tells no time (base._ba_object)
        forward, strong = table[word]
        if not forward and btext[max(0, m.start() - 1):m.start()] in _MODAL_BEFORE_PAST and m.start() > 0:
            forward = strong = True  # 我区三年应累计完成5800亩: a modal makes the past word the plan's (嘉定区, 2026)
        cues.append(_Cue(block.start + m.start(), forward, strong, word))
    # each word of these names its months, its years or 了: a paragraph without one is not scanned for them
    for m in (_PAST_PERIOD.finditer(btext) if "月" in btext or "季度" in btext else ()):
        cues.append(_Cue(block.start + m.start(), False, True))
    # a span ahead is 未来N年 or N年内: a paragraph holding neither word (most hold 年) is not scanned; the pattern's
    # second branch opens on a class of numerals, so re tries it at every position
    for m in (_FUTURE_SPAN.finditer(btext) if "年内" in btext or "未来" in btext else ()):
        cues.append(_Cue(block.start + m.start(), True, True))
    for pos in (nation_comparisons(btext) if "全国" in btext else ()):
        cues.append(_Cue(block.start + pos, False, True, "全国"))
    for start, end in past_le(btext):
        if btext[start:end] not in _NOT_PAST_LE:
            cues.append(_Cue(block.start + start, False, True))
    years: list[tuple[int, bool]] = []  # year tokens as (offset in the block, already over)
    dateline = dateline_spans(btext)  # 发布时间：2011-04-02: the day the page was posted, no time of a plan
    if published:
        stops = starts = None
        for t in tokens_by_pos:
            if t.kind in ("year", "date") and t.value is not None:
                if dateline and any(a <= t.start < b for a, b in dateline):
                    continue  # a dateline's date (dateline_spans)
                when = _token_date(t, published)
                if when is None:
                    continue
                if btext[max(0, t.start - 1):t.start] in ("比", "较", "于") or btext[max(0, t.start - 2):t.start] in ("相比", "对比"):
                    continue  # 比2020年翻一番: a baseline, not when anything happens
                if t.kind == "date" and "年" not in t.raw:  # 6月底前 after 明年，… or 2025年，…
                    if stops is None:
                        stops, starts = _sentence_stops(btext), [m.start for m in mentions]
                    year = _named_year(text, block.start, t.start, mentions, starts, stops)
                    if year is not None and year > when.year:
                        when = when.replace(year=year, day=1)
                if t.kind == "year":
                    years.append((t.start, when.year < published.year))
                if when < published.replace(day=1) if t.kind == "date" else when.year < published.year:
                    if not _ATTRIBUTIVE_TIME.match(btext, t.end):
                        cues.append(_Cue(block.start + t.start, False, True))
                elif t.kind == "year" and when.year >= published.year:
                    cues.append(_Cue(block.start + t.start, True, True))
    # A deadline still ahead looks forward as surely as 将 does; 全年 and 当年 only
    # name a year, which may be the one a report looks back on.
    for m in mentions:
        if dateline and any(a <= m.start - block.start < b for a, b in dateline):
            continue  # 发布时间：2011-04-02 looks neither forward nor back
        if _ahead(m.deadline, published) \
                and not text.startswith(_YEAR_ONLY, m.start) and not programme_reported(text, m):
            cues.append(_Cue(m.start, True, True))
        elif m.deadline.precision is Precision.PLAN and not _ATTRIBUTIVE_TIME.match(text, m.end):
            cues.append(_Cue(m.start, False, True))  # “十三五”时期: a plan period already over
        elif elapsed_part_of_year(text, m, published):
            cues.append(_Cue(m.start, False, True))  # 今年上半年，全县GDP完成146.7亿元 (in August): a part already over
    if years:  # 2021年GDP预计增至9500亿元 in a text of 2022: an estimate of a result
        cues = [_Cue(x.pos, False, True, x.word) if x.forward and x.word in _ESTIMATE_LEADS
                and estimate_of_a_year_over(btext, x.pos - block.start, years) else x for x in cues]
    if published is not None and published.month == 12 and "预计" in btext:
        cues = estimate_of_the_year_ending(btext, block.start, cues)
    cues.sort(key=lambda c: c.pos)
    return cues
