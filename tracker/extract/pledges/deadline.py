"""The deadline decision: the words that date a pledge, and the last day they allow.

Which source wins is the order of ``DEADLINE_RULES``: the pledge's own words first, then its
sentence (a closing clause or a summary sentence after it, the sentence's opening), then lists and notes
around it, then the leads of its paragraph, section and report. A deadline read outside the
quote is marked ``inherited``.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from functools import cache
from operator import itemgetter

from tracker.extract import lexicons
from tracker.extract.deadlines import DeadlineMention, find_deadlines, in_year
from tracker.extract.model import NO_DEADLINE, Deadline, Precision
from tracker.extract.normalise import CLOSERS, Normalised
from tracker.extract.numbers import find_numbers
from tracker.extract.pledges.base import (
    _COMPLETION, _CONTINUATION, _DEADLINE_NOTE, _LEAD_STRIP, _NEAR_CLAUSES, _PLAN_LEAD, _REPORTING_FRAME, _SPEAKER_LABEL,
    _SUMMARY_HEADS, _TARGET_LEAD, _TIME_LIMIT_WORDS, _ahead, _clauses, _inherited, _named_year, _sentence_stops,
    _walk_back,
)
from tracker.extract.rules import rule


def _in_context(c, m: DeadlineMention) -> DeadlineMention:
    """年底前, 6月底前, 全年 in the year the sentence or its paragraph's lead names (明年，…), failing those in the
    year an earlier paragraph of the section opens with (2018年，…将…。| …全年新开工77个)."""
    published, reading = c.published, c.reading
    if m.year_given or not published:
        return m
    block, bi, text, mentions = c.block, c.bi, c.text, c.mentions
    if bi not in reading.sentence_stops:
        reading.sentence_stops[bi] = _sentence_stops(text[block.start:block.end])
    year = _named_year(text, block.start, m.start - block.start, mentions.items, mentions.keys,
                       reading.sentence_stops[bi])
    if year is None:
        year = _year_of_earlier_lead(c)
    return in_year(m, year, published) if year is not None and year > published.year else m


def _year_of_earlier_lead(c) -> int | None:
    """The year an earlier paragraph of the section opens with (the walk of ``list_lead_inherits``), for a relative
    word in a paragraph that names none: 2018年,龙文区将全力推进187个重点项目开发建设。| …全年新开工77个、竣工63个
    (龙文区 news of 2017-12-28: 全年 is 2018)."""
    key = (c.bi, "earlier_year")  # one walk a paragraph: what it finds does not change within it
    if key not in c.leads:
        lead = _walk_back(c.reading, "deadline", lambda j: _lead_deadline(
            c.norm, j, c.leads, c.published, whole=c.norm.blocks[j].kind == "heading"))
        c.leads[key] = lead.date.year if lead is not None and lead.date is not None \
            and lead.precision is Precision.YEAR else None
    return c.leads[key]


# A plan period before the goals it names (“十五五”发展目标, “十五五”规划目标) says whose goals, not when.
_NAMES_GOALS = re.compile(r"[”’\"]?(?:规划|发展)?目标")


def _usable(c, m: DeadlineMention) -> bool:
    """A deadline still ahead that governs: not a plan period naming goals (see ``_names_goals``)."""
    return _ahead(m.deadline, c.published) and not _names_goals(c.text, m)


def _names_goals(text: str, m: DeadlineMention) -> bool:
    """A plan period that names whose goals the pledge serves or matches dates nothing:
    5.5%左右的预期增长目标与“十五五”发展目标总体衔接 (湖北, 2026); 这些目标充分考虑了…为实现“十五五”规划目标打基础
    (福建, 2026), which dates none of the year's targets before it."""
    return m.deadline.precision is Precision.PLAN and _NAMES_GOALS.match(text, m.end) is not None


_OPENING_MARKS = "“「『\""


@rule("deadline", "承诺句内的时限")
def deadline_in_quote(c) -> Deadline | None:
    """The pledge's own words name when: the last before the number, else the first after it.

    到2014年将全面解决国家规划内和新增26.65万人农村饮水不安全问题 (长沙县, 2011); 今年9月前建成投用 (a rule test).
    A quote that opens inside a quotation mark still holds the words it marks: the opening mark of a plan period
    is left outside the quote, “十五五”期间完成电四小区、鲁汇一村共计约1.4万平方米成套改造 (闵行区's renewal plan, 2026),
    “十四五”期间深圳直接融资…累计增量占社会融资规模累计增量的比重达到30% (深圳 news, 2022)."""
    start = c.start - 1 if c.start > 0 and c.text[c.start - 1] in _OPENING_MARKS else c.start
    inside = [m for m in (_in_context(c, m) for m in c.mentions.between(start, c.end))
              if m.end <= c.end and _usable(c, m)]
    if not inside:
        return None
    before = [m for m in inside if m.start < c.kept[0].start]
    return (before[-1] if before else inside[0]).deadline


def _closing_clause(c) -> Deadline | None:
    """A closing clause of the sentence that says when all of it is done. Read by index (islice would step over
    the clauses before) and never far: a sentence without a full stop may run on for thousands of clauses."""
    clauses, clause, text = c.clauses, c.clause, c.text
    for k in range(c.ci + 1, min(c.ci + 1 + _NEAR_CLAUSES, len(clauses))):
        later = clauses[k]
        if later.sentence != clause.sentence:
            break
        found = [m for m in c.mentions.between(later.start, later.end) if m.end <= later.end and _usable(c, m)]
        if found:
            rest = text[later.start:found[0].start] + text[found[0].end:later.end]
            if _COMPLETION.fullmatch(rest):
                return _inherited(found[0].deadline)
            break
    return None


@rule("deadline", "收尾的完成时限")
def closing_clause_completes(c) -> Deadline | None:
    """Later words that say when all of it is done: a closing clause of the sentence (加快建设区实验中学南校区等5所学校，
    确保秋季开学投入使用, the seeds; 我们将新建、改扩建中小学8所，新增学位4500个，秋季开学前全部投入使用, a rule test), else a
    later sentence of the paragraph that dates what it lists (新增婴幼儿托位3000个；新建公办幼儿园15所。上述项目力争于
    11月底前全部完成, a rule test)."""
    found = _closing_clause(c)
    if found is not None:
        return found
    found = _summary_deadline(c.reading, c.bi, c.clauses, c.mentions, c.text, c.start, lambda m: _usable(c, m))
    return _inherited(found) if found is not None else None


@rule("deadline", "时间分句")
def time_clause_before(c) -> Deadline | None:
    """A clause of nothing but a time (10月底前，, 11月底前，) inside a sentence, right before the pledge's clause, dates
    that pledge, before a closing clause that says when all of it is done: "按照9月底前，完成25%以上，10月底前，完成50%
    以上，11月底前，完成75%以上的进度要求，确保年底全部完工使用" (长顺县's poverty targets, 2017: 75% by the end of
    November, all by the year's end); "…;到2030年底，本区建成区80%以上面积达到海绵城市建设目标要求" (普陀区's sponge-city
    plan, 2025). Before the time only a word of reaching or intent (lexicon time_clause_openers: 到, 于, 按照 …)."""
    if c.ci == 0:
        return None
    prev = c.clauses[c.ci - 1]
    # a time opening the sentence is sentence_opening_deadline's (2024年，我们将新建幼儿园3所)
    if prev.sentence != c.clause.sentence or prev.end > c.start or prev.start <= c.clause.sentence_start:
        return None
    ms = [m for m in c.mentions.between(prev.start, prev.end) if m.end <= prev.end]
    if len(ms) != 1 or not _usable(c, ms[0]):
        return None
    m = ms[0]
    if c.text[prev.start:m.start].strip(" \u3000") not in _time_clause_openers() \
            or c.text[m.end:prev.end].strip(" \u3000，,") != "":
        return None
    return _inherited(_in_context(c, m).deadline)


@cache
def _time_clause_openers() -> frozenset[str]:
    return frozenset(("", *lexicons.words("time_clause_openers")))


@rule("deadline", "句首时限")
def sentence_opening_deadline(c) -> Deadline | None:
    """A deadline opening the sentence governs its clauses before one that a later clause sets for a
    task of its own: 汛期前，我们要完成易涝点整治45处 … 力争到2025年基本消除城市严重易涝积水区段 (a rule test);
    今年经济社会发展主要预期目标是：地区生产总值增长5%左右 (北京, 2026)."""
    same = [m for m in (_in_context(c, m) for m in c.mentions.between(c.clause.sentence_start, c.start))
            if m.end <= c.start and _usable(c, m)
            and not (m.start < c.clause.start and programme_span_dates_its_clause(c.text, m))]
    return _inherited(same[-1].deadline) if same else None


_BARE_YEARS = re.compile(r"(?:[一二三四五六七八九十两]+|\d{1,2})年")
_PROGRAMME_SPAN_HEADS = tuple(lexicons.words("programme_span_heads"))


@rule("deadline", "行动名中的年限")
def programme_span_dates_its_clause(text: str, m: DeadlineMention) -> bool:
    """A span of years that is part of a programme's name (三年行动, 三年行动计划, 三年攻坚: lexicon programme_span_heads)
    belongs to the programme: it dates the clause that names it, not the sentence's later clauses, whose targets are the
    year's or undated. 推动教育强国建设三年行动计划综合改革试点，新建改扩建中小学10所、新增学位1.7万个 (天津, 2026);
    深入推进“暖心民政”三年行动，…筹措890.59亿元实施十大为民办实事工程项目 (广西, 2026)."""
    return _BARE_YEARS.fullmatch(m.deadline.raw or "") is not None \
        and text.startswith(_PROGRAMME_SPAN_HEADS, m.end)


@rule("deadline", "目标清单的引语")
def target_list_lead(c) -> Deadline | None:
    """The targets listed after a lead naming them hold for the report's year, or for the plan's period.

    建议经济社会发展主要预期目标为：地区生产总值增长5%以上 (山东, 2026) → 2026-12-31;
    《纲要草案》…29项主要指标，包括：地区生产总值年均增速4.5%-5% (北京, 2026) → 2030-12-31; the plan's period may
    open the paragraph instead (see ``_period_opening_the_paragraph``): （一）“十五五”发展目标。…主要目标包括：地区生产总值
    年均增长5%以上 (吉林, 2026) → 2030-12-31."""
    found = _target_list_deadline(c.text, c.clause.sentence_start, c.start, c.published)
    if found is not None and found.precision is Precision.YEAR:
        return _period_opening_the_paragraph(c) or found
    return found


def _period_opening_the_paragraph(c) -> Deadline | None:
    """A plan period opening the paragraph frames a target list later in it whose lead names no period: the targets
    are the period's, not the report's year's. （一）“十五五”发展目标。到2030年，…。主要目标包括：地区生产总值年均增长5%以上
    (吉林, 2026: its 十五五 section follows 二、2026年工作安排, so no earlier frame tells the period). A paragraph that
    opens with the year (今年是“十五五”开局之年。…) keeps the year."""
    if c.clause.sentence_start <= c.block.start:
        return None  # the list's own sentence opens the paragraph
    lead = _lead_deadline(c.norm, c.bi, c.leads, c.published)
    return _inherited(lead) if lead is not None and lead.precision is Precision.PLAN else None


@rule("deadline", "承接分句的时限")
def continuation_clause_deadline(c) -> Deadline | None:
    """The next clause continues this one (确保, 力争, 于, 到, 计划 …) and dates it before any number of
    its own: 两河生态风光带建设项目总投资22.5亿元，计划通过3到5年 (长沙县, 2011)."""
    clauses, ci, text = c.clauses, c.ci, c.text
    if not (ci + 1 < len(clauses) and clauses[ci + 1].segment == c.clause.segment):
        return None
    nxt = clauses[ci + 1]
    nxt_text = text[nxt.start:nxt.end]
    if nxt_text.startswith(_CONTINUATION):
        found = [m for m in c.mentions.between(nxt.start, nxt.end) if m.end <= nxt.end and _usable(c, m)]
        if found and not find_numbers(nxt_text[:found[0].start - nxt.start]):
            return _inherited(found[0].deadline)
    return None


def _task_list_note(c) -> Deadline | None:
    """A task list's note after the sentence: …其中10亿元以上项目5个。（牵头单位：县商务局；完成时限：2024年12月底）."""
    clauses, ci = c.clauses, c.ci
    reach = range(ci + 1, min(ci + 1 + 4 * _NEAR_CLAUSES, len(clauses)))
    after = next((clauses[k].sentence_start for k in reach if clauses[k].sentence != c.clause.sentence), None)
    note = _DEADLINE_NOTE.match(c.text, after) if after is not None else None
    if note:
        found = [m for m in (_in_context(c, m) for m in c.mentions.between(note.start("when"), note.end("when")))
                 if m.end <= note.end("when") and _usable(c, m)]
        if found:
            return _inherited(found[0].deadline)
    return None


@rule("deadline", "条目的时限标注")
def labelled_line(c) -> Deadline | None:
    """A task's deadline under its label (完成时限, 时限 …): in the note after its sentence,
    …其中10亿元以上项目5个。（牵头单位：县商务局；完成时限：2024年12月底） (a rule test), or on a line of its own after
    the list item's content, …\n完成时限：2024年8月底前。\n责任单位：县教育局 (a rule test)."""
    found = _task_list_note(c)
    if found is not None:
        return found
    labelled = _labelled_deadline(c.norm, c.bi, c.published)
    return _inherited(labelled) if labelled is not None else None


@rule("deadline", "目标标题")
def target_heading_lead(c) -> Deadline | None:
    """A heading naming targets leads its items: 力争规模以上工业增加值年均增长6.5％左右 under a 十五五 targets
    heading (陕西, 2026); 主要预期目标\n惠州\n●地区生产总值增长8.5% (惠州日报, 2021)."""
    return c.reading.target_heading


@rule("deadline", "段首时限")
def paragraph_lead_inherits(c) -> Deadline | None:
    """The deadline a paragraph opens with governs what follows: 全省地区生产总值年均增长5%以上 in a
    paragraph that opens with its plan period (甘肃, 2026); 2024年，我们将新建幼儿园3所，改造老旧小区12个 (a rule test)."""
    lead = _lead_deadline(c.norm, c.bi, c.leads, c.published)
    if lead is not None and c.block.start <= c.start:
        return _inherited(lead)
    return None


@rule("deadline", "段中引语的时限")
def inner_lead_inherits(c) -> Deadline | None:
    """A sentence inside the paragraph that opens with its time word leads the sentences after it,
    as a paragraph's own opening would: 悠悠万事，民生为大。今年再办好15件民生实事。一是…三是对上消化道癌高危人群
    开展内镜检查3万名 (山西, 2026); 奋斗百年路,启航新征程。2022年,我们将继续把以人民为中心…。…一是…建成、改造长安十小、
    长安六中、太乙中心校等11所中小学及幼儿园硬件设施 (长安区 实事, 2022). The nearest such sentence wins."""
    found = _inner_leads(c.norm, c.bi, c.leads, c.published)
    # the nearest lead before the sentence, by bisection (the leads are in order): a scan back from the
    # paragraph's last lead made a paragraph of many leads quadratic
    k = bisect_left(found, c.clause.sentence_start, key=itemgetter(0))
    return _inherited(found[k - 1][1]) if k else None


@rule("deadline", "序号条目引语的年份")
def numbered_list_lead_year(c) -> Deadline | None:
    """The sentence that leads a numbered list (the next sentence opens with 一是) and names a year opening one of its
    clauses dates the list's items (the sentences opening with 一是, 二是, 三是 … in turn), though the year does not
    open the lead: 孤山子镇工业企业以铁矿企业为主，2021年有4家铁矿企业在生产或建设中。一是…投资5000万元，在孤山子镇隆兴村
    新建选矿厂 (孤山子镇, 2021); …旅游竞争力，2012年，全区旅游人数力争突破370万人次…。一是加快景区、景点建设，全面启动…
    两个核心旅游景区二期建设 (海拉尔区, 2012). An item whose clause says when of its own, counted from the work's
    completion (项目建成后预计年生产50万吨铁精粉), keeps it: no date."""
    lead = _numbered_list_items(c).get(c.clause.sentence_start)
    if lead is None or _AFTER_COMPLETION.search(c.text, min(c.clause.start, c.start), c.end):
        return None
    return _inherited(lead)


_ORDINALS = "一二三四五六七八九十"
_ITEM_OPENS = re.compile(rf"([{_ORDINALS}]|十[{_ORDINALS[:9]}])是")
_AFTER_COMPLETION = re.compile(r"(?:建成|投产|达产|竣工|完工)后")


def _numbered_list_items(c) -> dict[int, Deadline]:
    """Rule numbered_list_lead_year: the start of each item sentence (一是…, 二是…, in turn) of a numbered list whose
    leading sentence has a clause opening with a year not yet over, and that year. Found once per paragraph."""
    key = (c.bi, "numbered_items")
    if key in c.leads:
        return c.leads[key]
    block = c.block
    btext = c.text[block.start:block.end]
    bounds = [0] + [m.end() for m in _SENTENCE_MARK.finditer(btext) if m.end() < len(btext)]
    items: dict[int, Deadline] = {}
    k = 1
    while k < len(bounds):
        m = _ITEM_OPENS.match(btext, bounds[k])
        lead = _year_opening_a_clause(btext[bounds[k - 1]:bounds[k]], c.published) if m and m.group(0) == "一是" \
            else None
        if lead is None:
            k += 1
            continue
        items[block.start + bounds[k]] = lead
        expected, k = 2, k + 1
        while k < len(bounds) and expected <= 10:  # the items in turn; a sentence between them continues an item
            m = _ITEM_OPENS.match(btext, bounds[k])
            if m and m.group(0) == "一是":
                break  # a new list, with a lead of its own or none
            if m and m.group(0) == _ORDINALS[expected - 1] + "是":
                items[block.start + bounds[k]] = lead
                expected += 1
            k += 1
    c.leads[key] = items
    return items


def _year_opening_a_clause(sentence: str, published: dt.date | None) -> Deadline | None:
    for clause in re.split(r"[，,；;]", sentence):
        mentions = find_deadlines(clause[:12], published)
        if mentions and mentions[0].start == 0 and mentions[0].year_given and _ahead(mentions[0].deadline, published):
            return mentions[0].deadline
    return None


@rule("deadline", "上文或标题的时限")
def list_lead_inherits(c) -> Deadline | None:
    """The lead of an earlier paragraph of the section, then the headings above: 拟从以下十个方面开展工作:
    一是…建成、改造长安十小、长安六中、太乙中心校等11所中小学及幼儿园硬件设施 (长安区 实事, 2022);
    疏解提质一般制造业企业80家 under the year's plan (北京, 2026)."""
    lead = _walk_back(c.reading, "deadline", lambda j: _lead_deadline(
        c.norm, j, c.leads, c.published, whole=c.norm.blocks[j].kind == "heading"))
    return _inherited(lead) if lead is not None else None


@rule("deadline", "报告年度")
def report_year(c) -> Deadline | None:
    """Once a work report has stated the year's targets, what it plans after them is that year's work:
    统筹安排省级财政资金350亿元以上 (安徽, 2026)."""
    return c.reading.plan_year


@rule("deadline", "项目的完工时间")
def project_completion_sentence(c) -> Deadline | None:
    """A later sentence of the paragraph that says when the project is finished (a clause of no number of its own
    where a time not yet over comes right before 完工, 建成, 竣工, 完成建设, 投入使用 …) dates the project's counts
    before it that nothing else dated: 两馆项目计划总投资7000万元 … 计划2015年6月完成主体工程,2016年5月完工投入使用
    (蕲春县 news, 2015: 2016年5月, the last such time, not the stage's); 项目计划投资约1.37亿元 … 项目计划将于2023年7月前
    完成建设 (柳河县, 2022). Looked for last of all, once a paragraph (the first such sentence after the pledge)."""
    sentence = c.clause.sentence
    later = [(s, d) for s, d in completion_sentences(c) if s > sentence]
    return _inherited(later[0][1]) if later else None


def completion_sentences(c) -> list[tuple[int, Deadline]]:
    """(sentence index, its completion time) of each clause of the paragraph with no number of its own where a time
    not yet over comes right before a word of finishing (_COMPLETES): read once a paragraph."""
    found = c.reading.completions.get(c.bi)
    if found is None:
        found = []
        clauses, text = c.clauses, c.text
        for k, cl in enumerate(clauses):
            ms = [m for m in c.mentions.between(cl.start, cl.end) if m.end <= cl.end and _usable(c, m)
                  and _COMPLETES.match(text, m.end, cl.end)]
            if ms and not any(t.kind == "quantity" for t in find_numbers(text[cl.start:cl.end])):
                found.append((cl.sentence, ms[-1].deadline))
        c.reading.completions[c.bi] = found
    return found


# What a project's finishing is called right after its time (年底全部建成, 2016年5月完工投入使用, 2023年7月前完成建设),
# 验收 before the word (预计2020年8月份验收竣工: 陆丰市 news, 2020); where an article's completion is told in another
# paragraph, a modal between them too (预计今年底可以竣工: 桃江县 news, 2014; 预计明年下半年可交付使用: 泰兴市 news, 2010).
def _completes(modal: bool) -> re.Pattern:
    return re.compile(r"(?:前|以前|之前|内)?" + (r"(?:可以|可)?" if modal else "") + r"(?:全部|全面|均|基本|如期|按期)?"
                      r"(?:验收)?(?:完工|建成|竣工|完成建设|建设完成|交付使用|投入使用|投用)")


_COMPLETES = _completes(modal=False)
# The same, a modal allowed before the word, as an article's told completions are read (``told_completions``); not in
# the paragraph's own completion sentences, where a later company's 今年年底可竣工投产 would date an earlier one's
# figures (苏州高新区 news, 2011).
_TOLD_COMPLETES = _completes(modal=True)


@rule("deadline", "前文的完工时间")
def completion_told_before(c) -> Deadline | None:
    """An earlier sentence of the article that says when the project is finished (a clause of no number of its own,
    a time not yet over right before 完工, 建成, 竣工, 投入使用 …, as ``project_completion_sentence`` reads it), in the
    pledge's paragraph or one of the two before it, dates the project's figures after it that nothing else dated, when
    it is the only such time the article has told so far (one project, one completion): 今天(3月29日)早上,市科技文化中心
    开工奠基仪式在燕尾洲公园举行,中心计划于2017年10月建成并投入使用。… 记者了解到,金华市科技文化中心总建筑面积约9.3万平方米
    (金华市 news: two paragraphs later); 该区将投资1500万元,建设20多处活动中心和文化广场。…确保年底全部建成。| …共建设9个文化
    活动中心和11处文化活动广场 (蜀山区 news, 2012: the next paragraph). The figure's sentence names the facility again (the
    last four characters of a name of lexicon completed_facility_heads the completion's paragraph gave: 文化中心, 活动中心),
    or, right after the completion's sentence, opens on what the finished project brings: 该校区停车场工程于8月1日动工,力争9月底竣工。建成后,学校周边将新增机动车
    停车位58个 (东阳市 news, 2024); 该项建设工程将于三季度开工建设,年底完工。工程完成后,全镇人均体育面积将增加0.36㎡
    (卫闽镇 news, 2017); a project's completion says nothing of another company's or another line's figures after it (预计2011年底竣工试生产:
    苏州高新区 news, 2011; 预计2015年建成广深港高铁: 重庆 news, 2011). Tried after ``project_completion_sentence``."""
    every = c.reading.told_completions
    if not every or len({d.date for _, _, d, _ in every if d.date}) != 1:
        return None
    stop = c.text.find("。", c.end, c.block.end)
    sentence = c.text[c.clause.sentence_start:c.block.end if stop < 0 else stop]
    after_it = _AFTER_DONE.match(sentence) is not None
    told = [d for bi, s, d, names in every if (c.bi - 2 <= bi < c.bi or (bi == c.bi and s < c.clause.sentence))
            and ((after_it and bi == c.bi and s == c.clause.sentence - 1) or any(name in sentence for name in names))]
    return _inherited(told[-1]) if told else None


def article_completions(c) -> list:
    """(block, sentence, deadline, names) of every clause of the article's body, before the candidate's paragraph and
    after it, that says when the project is finished, as ``told_completions`` reads one paragraph (the reader reads
    them all before the first paragraph: ``_Reading.article_completions``)."""
    got = c.reading.walk_memo.get(("article_completions",))
    if got is None:
        got = c.reading.walk_memo[("article_completions",)] = [
            x for told in c.reading.article_completions.values() for x in told]
    return got


# paragraphs before and after the figure's within which another paragraph's completion still speaks of its project
_ELSEWHERE_REACH = 3
SENTENCE_END = re.compile(r"[。！？!?]")
# the figure's own sentence tells that part done: 小型足球场地占地900多平方米，…，已于4月中旬建成投入使用 (卫闽镇 news, 2017)
PART_DONE = re.compile(r"已[^。；！？]{0,10}?(?:建成|完工|竣工|投入使用|交付使用|投用|完成)")


def completion_told_elsewhere(c) -> Deadline | None:
    """The one completion an article tells of its project (every completion clause of the article, as
    ``article_completions`` reads them, gives one date), told in another paragraph within three before or after the
    figure's, when the figure's sentence names a facility a completion's paragraph names (``told_completions``'
    names: the last four characters of 县影剧院, 市体育馆) and does not itself tell its part done; None otherwise.
    Read by ``begun_project_told_elsewhere`` (tense) and ``project_completion_elsewhere`` (deadline)."""
    if "told_elsewhere" in c.memo:
        return c.memo["told_elsewhere"]
    c.memo["told_elsewhere"] = found = _told_elsewhere(c)
    return found


def _told_elsewhere(c) -> Deadline | None:
    every = article_completions(c)
    if not every or len({d.date for _, _, d, _ in every if d.date}) != 1:
        return None
    near = [x for x in every if x[0] != c.bi and abs(x[0] - c.bi) <= _ELSEWHERE_REACH and x[2].date]
    if not near:
        return None
    stop = SENTENCE_END.search(c.text, c.end, c.block.end)
    sentence_end = stop.start() if stop else c.block.end
    sentence = c.text[c.clause.sentence_start:sentence_end]
    names = frozenset().union(*(x[3] for x in every))
    if not any(name in sentence for name in names):
        return None
    if c.kept and PART_DONE.search(c.text, c.kept[-1].end, sentence_end):
        return None
    return min(near, key=lambda x: abs(x[0] - c.bi))[2]


@rule("deadline", "别段的完工时间", needs=("完工", "建成", "竣工", "完成建设", "建设完成", "交付使用", "投入使用", "投用"))
def project_completion_elsewhere(c) -> Deadline | None:
    """A project's size that ``begun_project_told_elsewhere`` found looking forward takes the completion another
    paragraph tells (``completion_told_elsewhere``): "据了解,县影剧院改造项目总投资300多万元 … | 目前,建设项目改造工程已经
    完成了60%,预计今年年底竣工并投入使用" (桃江县 news, 2014: 今年年底, the first paragraph's 今年底 the same date);
    "陆丰市体育馆、游泳池建设工程项目,总投资2506万元 … | … 于2018年底开工至今,预计2020年8月份验收竣工" (陆丰市 news, 2020:
    the bureau's words two paragraphs later). Tried after ``completion_told_before``."""
    if c.tense_rule != "begun_project_told_elsewhere":
        return None
    told = completion_told_elsewhere(c)
    return _inherited(told) if told is not None else None


# A sentence that opens on what the finished project brings: 建成后, 工程完成后, 项目建成投用后.
_AFTER_DONE = re.compile(r"[^，,。；;：:]{0,6}?(?:建成|完成|完工|竣工|投用|投入使用|落成)(?:投用|投入使用)?后")


# A word of a project's finishing anywhere in a paragraph: the paragraphs read for completion_told_before.
_FINISHING = re.compile(r"完工|建成|竣工|完成建设|建设完成|交付使用|投入使用|投用")


@rule("deadline", "无时限")
def no_deadline(c) -> Deadline:
    """Nothing dates the pledge: 筹措7亿元实施就业惠民工程 (广西 民生实事, 2026)."""
    return NO_DEADLINE


DEADLINE_RULES = (deadline_in_quote, time_clause_before, closing_clause_completes, sentence_opening_deadline, target_list_lead,
                  continuation_clause_deadline, labelled_line, target_heading_lead, paragraph_lead_inherits,
                  inner_lead_inherits, numbered_list_lead_year, list_lead_inherits, report_year,
                  project_completion_sentence, completion_told_before, project_completion_elsewhere, no_deadline)


def _target_list_deadline(text: str, sentence_start: int, start: int, published: dt.date | None) -> Deadline | None:
    """Rule target_list_lead: the targets listed after a lead naming them (主要预期目标为：…) hold for the
    report's year; those after a five-year plan's lead (《纲要草案》…设置了29项主要指标，包括：…) hold for its
    period, which ends in the year a multiple of five that the publication year falls in or before.

    建议经济社会发展主要预期目标为：地区生产总值增长5%以上 (山东, 2026) and 主要预期目标是：地区生产总值增长5%以上
    (河北, 2026) → 2026-12-31; 《纲要草案》…29项主要指标，包括：地区生产总值年均增速4.5%-5% (北京, 2026) → 2030-12-31."""
    if published is None:
        return None
    lead = None
    for m in _TARGET_LEAD.finditer(text, sentence_start, start):
        lead = m
    if lead is None:
        return None
    head = text[sentence_start:lead.end()]
    if _PLAN_LEAD.search(head):
        year = published.year + (-published.year) % 5
        return Deadline(_PLAN_LEAD.search(head).group(0), dt.date(year, 12, 31), Precision.PLAN, inherited=True)
    return Deadline(lead.group(0).rstrip("：:"), dt.date(published.year, 12, 31), Precision.YEAR, inherited=True)




def _summary_deadline(ctx, bi, clauses, mentions, text, start, usable) -> Deadline | None:
    """The deadline of the first later sentence of the paragraph that opens with 上述/以上 and
    holds no number of its own (上述项目力争于11月底前全部完成). Found once per paragraph."""
    found = ctx.summaries.get(bi)
    if found is None:
        found = []
        for k, c in enumerate(clauses):
            if (k == 0 or clauses[k - 1].sentence != c.sentence) and text.startswith(_SUMMARY_HEADS, c.start):
                j = k
                while j < len(clauses) and clauses[j].sentence == c.sentence:
                    j += 1
                end = clauses[j - 1].end
                ms = [m for m in mentions.between(c.start, end) if m.end <= end and usable(m)]
                if ms and not any(t.kind == "quantity" for t in find_numbers(text[c.start:end])):
                    found.append((c.start, ms[0].deadline))
        ctx.summaries[bi] = found
    return next((d for pos, d in found if pos > start), None)


_DEADLINE_LABEL = re.compile(rf"(?:{_TIME_LIMIT_WORDS})[：:]")


def _labelled_deadline(norm: Normalised, bi: int, published: dt.date | None) -> Deadline | None:
    """The deadline a list item gives on a line of its own after its content (完成时限：2024年8月底前),
    read from the next few paragraphs up to the item's next heading or content line."""
    for j in range(bi + 1, min(bi + 4, len(norm.blocks))):
        b = norm.blocks[j]
        m = _DEADLINE_LABEL.match(norm.text, b.start, b.end)
        if m is None:
            if b.kind == "body":
                return None  # the next item's content, or prose
            continue  # 责任单位：… and other short lines of the item
        found = find_deadlines(norm.text[m.end():b.end], published)
        return found[0].deadline if found else None
    return None


_DATE_RUN = r"\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?"


@cache
def _dateline_pattern() -> re.Pattern:
    labels = "|".join(map(re.escape, lexicons.words("dateline_labels")))
    return re.compile(rf"(?:{labels})\s*[：:]\s*{_DATE_RUN}|{_DATE_RUN}\s*(?:{labels})")


@rule("deadline", "网页日期行非时限")
def dateline_dates_nothing(text: str) -> bool:
    """A web page's dateline (a date with 来源 after it, or after 发布时间：; lexicon dateline_labels) is the day the
    page was posted, so it leads nothing with a deadline: 2011年10月11来源：分享到：QQ空间 above 大合肥7项规划将启动
    国际招标 (合肥市 news, 2011); 2011年10月08来源： above 南宁市将…分5个标段实行招投标 (南宁市 news, 2011)."""
    return _dateline_label().search(text) is not None and _dateline_pattern().search(text) is not None


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Where the dates of a paragraph's web-page datelines are (offsets in ``text``), empty when it has none. Read by
    the cues (a dateline's date is no cue) as dateline_dates_nothing is by the leads."""
    if _dateline_label().search(text) is None:
        return []
    return [m.span() for m in _dateline_pattern().finditer(text)]


@cache
def _dateline_label() -> re.Pattern:
    """A label of a dateline alone: a paragraph without one has no dateline, and is not scanned for its dates."""
    return re.compile("|".join(map(re.escape, lexicons.words("dateline_labels"))))


def _lead_deadline(norm, bi, leads, published, whole=False) -> Deadline | None:
    """The deadline a paragraph opens with (今年，… / 2020年，…将), which governs what follows."""
    key = (bi, whole)
    if key in leads:
        return leads[key]
    block = norm.blocks[bi]
    btext = norm.text[block.start:block.end]
    if dateline_dates_nothing(btext):
        leads[key] = None
        return None
    lead = None
    offset = 0
    for _ in range(2):  # 答：市教育局副局长孙伟：今年，… a transcript's speaker labels
        label = _SPEAKER_LABEL.match(btext, offset)
        if label is None or find_deadlines(label.group(0), None):
            break
        offset = label.end()
    m = _LEAD_STRIP.match(btext, offset)
    offset = m.end() if m else offset
    starts = [(offset, False)]
    frame = None if whole else _REPORTING_FRAME.match(btext, offset)
    if frame is not None:  # the lead of what a report or a speech said: read after its frame
        starts.append((frame.end(), False))
    if not whole and (btext.endswith(_LIST_COLONS) or _opens_on_short_lead(norm, bi + 1)):
        # the sentence that opens the list below, after a news report's dateline and setting: the year it opens
        # with, or the year of the programme it names (会上确定2016年县委县政府为民兴办10件实事。| 这十件实事是：…)
        last = _last_sentence_start(btext)
        if last > offset:
            frame = _REPORTING_FRAME.match(btext, last)
            starts.append((frame.end() if frame is not None else last, True))
    for start, antecedent in starts:
        first = re.split(r"[，,。；;：:]", btext[start:], maxsplit=1)[0] if not whole else btext
        for mention in find_deadlines(first, published):
            if mention.start <= 2 or whole or (antecedent and mention.year_given):
                d = mention.deadline
                if _ahead(d, published):
                    lead = d
                break
        if lead is not None:
            break
    leads[key] = lead
    return lead


_LIST_COLONS = ("：", ":")


# A paragraph opening on a short clause that ends in a colon (这十件实事是：, 具体如下：) goes on with the sentence
# before it, the last of the paragraph above.
_SHORT_LEAD = re.compile(r"[^，,。；;：:]{0,15}[：:]")


def _opens_on_short_lead(norm, bi: int) -> bool:
    if bi >= len(norm.blocks):
        return False
    block = norm.blocks[bi]
    return _SHORT_LEAD.match(norm.text, block.start, block.end) is not None


def _last_sentence_start(text: str) -> int:
    """Where the last sentence of a paragraph starts: after the last full stop, question or exclamation mark
    before the paragraph's own closing one."""
    body = text.rstrip(CLOSERS).rstrip("。！？!?")
    return max(body.rfind(mark) for mark in "。！？!?") + 1


# A sentence starts after each of these: found as a class (which the engine scans for), its match's end taken,
# rather than as the empty match after one (a lookbehind, tried at every position of the paragraph).
_SENTENCE_MARK = re.compile(r"[。！？!?]")


def _inner_leads(norm, bi, leads, published) -> list[tuple[int, Deadline]]:
    """Rule inner_lead_inherits: (start, deadline) of each sentence after the paragraph's first that opens
    with a deadline still ahead (今年再办好15件民生实事。), in order. Found once per paragraph."""
    key = (bi, "inner")
    if key in leads:
        return leads[key]
    block = norm.blocks[bi]
    btext = norm.text[block.start:block.end]
    found = []
    starts = [m.end() for m in _SENTENCE_MARK.finditer(btext)]
    for off in starts:
        if off >= len(btext):
            continue
        m = _LEAD_STRIP.match(btext, off)
        head = m.end() if m else off
        first = re.split(r"[，,。；;：:！？!?]", btext[head:head + 40], maxsplit=1)[0]  # a lead's clause is short
        for mention in find_deadlines(first, published):
            if mention.start <= 2 and _ahead(mention.deadline, published):
                found.append((block.start + off, mention.deadline))
            break
    leads[key] = found
    return found
