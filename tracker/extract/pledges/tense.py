"""The tense decision: does the clause look forward (a pledge) or back (a result)?

(forward?, strength 0..1) from the nearest strong cue before the quantity, looking wider step
by step: the clause, the clause after it, the sentence and paragraph, the section, the report.
"""
from __future__ import annotations

from tracker.extract.pledges.base import (
    _COMPARED_WITH_LAST_YEAR, _CONTINUATION, _is_comparison, _modal_before, _walk_back, _without_modifiers,
)
from tracker.extract.pledges.cues import _cues_of
from tracker.extract.rules import rule


def _before(c) -> list:
    """Strong cues of the clause before the quantity, past cues inside a modifier left out."""
    if "tense_before" not in c.memo:
        in_clause = c.cues.all.between(c.clause.start, c.clause.end)
        c.memo["tense_before"] = _without_modifiers(c.text, [x for x in in_clause if x.pos < c.kept[0].start and x.strong])
    return c.memo["tense_before"]


def _next_clause(c):
    nxt = c.clauses[c.ci + 1] if c.ci + 1 < len(c.clauses) else None
    return nxt if nxt is not None and nxt.segment == c.clause.segment else None


@rule("tense", "比上年的目标")
def comparison_after_modal(c):
    """力争…，同比增长8%: a comparison with last year after a modal is the target's.

    力争全年完成规上工业总产值4200亿元，同比增长8% (a rule test's example)."""
    before = _before(c)
    if before and _is_comparison(c.text, before[-1]) and _modal_before(c.text, c.cues, c.clause):
        return True, 0.8
    return None


@rule("tense", "数量前的时态词")
def cue_before_number(c):
    """The nearest strong cue before the number in its clause: 今年将新建幼儿园3所; 已建成….

    全年开工重点项目2000个以上 (河南, 2026: 全年 ahead)."""
    before = _before(c)
    return (before[-1].forward, 1.0) if before else None


@rule("tense", "数量后的时态词")
def cue_after_number(c):
    """A strong cue after the number in its clause: 新增学位4500个，秋季开学前全部投入使用."""
    after = [x for x in c.cues.all.between(c.clause.start, c.clause.end) if x.strong]
    return (after[0].forward, 0.9) if after else None


@rule("tense", "承接分句的时态词")
def continuation_clause_cue(c):
    """The clause after it continues it (确保, 力争, 并, 于 …) and carries the cue: …，确保年底前建成."""
    nxt = _next_clause(c)
    if nxt is not None and c.text.startswith(_CONTINUATION, nxt.start):
        follow = c.cues.strong.between(nxt.start, nxt.end)
        if follow:
            return follow[0].forward, 0.8
    return None


@rule("tense", "比上年的统计")
def compared_with_last_year(c):
    """全年地区生产总值4520亿元，比上年增长4.1%: a comparison with last year without a modal is a statistic."""
    nxt = _next_clause(c)
    if nxt is not None and c.text.startswith(_COMPARED_WITH_LAST_YEAR, nxt.start) \
            and not _modal_before(c.text, c.cues, c.clause):
        return False, 0.8
    return None


@rule("tense", "目标标题下的条目")
def target_heading_items(c):
    """主要目标\\n生产总值增长11.5%左右,全社会固定资产投资增长23%左右 (镇安县, 2015): a heading naming
    targets leads its items, when nothing in the paragraph before the clause says otherwise."""
    if c.reading.target_heading is not None and not c.cues.strong.last_before(c.block.start, c.clause.start):
        return True, 0.7
    return None


@rule("tense", "句段中的时态词")
def paragraph_cue(c):
    """The sentence, then the paragraph, before this clause: 今年，…；新建…."""
    last = c.cues.strong.last_before(c.block.start, c.clause.start)
    return (last.forward, 0.8) if last is not None else None


@rule("tense", "章节中的时态词")
def section_cue(c):
    """The section: earlier paragraphs back to the heading, then the headings above, nearest first
    (（一）扩大有效投资 under 二、2021年工作安排)."""
    def probe(j):
        strong = _cues_of(c.norm, j, c.reading, c.cues_cache).strong.items
        return strong[-1].forward if strong else None
    found = _walk_back(c.reading, "tense", probe)
    return (found, 0.6) if found is not None else None


@rule("tense", "目标标题")
def target_heading_section(c):
    """An item under 主要预期目标: ●地区生产总值增长8.5% (惠州日报, 2021)."""
    return (True, 0.7) if c.reading.target_heading is not None else None


@rule("tense", "报告年度目标之后")
def report_year_after_targets(c):
    """After the year's targets a work report plans: 统筹安排省级财政资金350亿元以上 (安徽, 2026)."""
    return (True, 0.5) if c.reading.plan_year is not None else None


@rule("tense", "讲话中的任务动词")
def task_verb_of_speaker(c):
    """No cue at all: a task verb in the clause reads as a plan in an interview or report by a named speaker."""
    weak = [x for x in c.cues.all.between(c.clause.start, c.clause.end) if x.forward]
    return (True, 0.3) if weak and c.reading.official is not None else None


@rule("tense", "无时态线索")
def no_cue(c):
    """Nothing looks forward: not a pledge."""
    return False, 0.0


TENSE_RULES = (comparison_after_modal, cue_before_number, cue_after_number, continuation_clause_cue,
               compared_with_last_year, target_heading_items, paragraph_cue, section_cue, target_heading_section,
               report_year_after_targets, task_verb_of_speaker, no_cue)
