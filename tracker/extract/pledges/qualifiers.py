"""The qualifier decision: the hedge of a pledge (以上, 力争, 确保, 突破, 累计, 左右, 约 …).

Rules, in order: a hedge bound to a counted number, a modal in the quote or before it in its
clause, 累计 before the verb, a hedge bound to a threshold, a modal of another clause of the sentence
(a closing deadline clause, the clause before, the sentence's opening).
"""
from __future__ import annotations

from functools import cache

from tracker.extract import lexicons
from tracker.extract.deadlines import find_deadlines
from tracker.extract.numbers import find_numbers
from tracker.extract.pledges.base import (
    _COMPLETION, _NEAR_CLAUSES, _actions_in, _bound_qualifier, _hedge_before_base, _is_threshold, _qualifier_lists,
)
from tracker.extract.rules import rule


def _primary(c) -> list:
    """The counted numbers: thresholds (过亿元, 5亿元以上项目) left out."""
    if "primary" not in c.memo:
        c.memo["primary"] = [q for q in c.kept if not _is_threshold(q, c.text, c.kept)]
    return c.memo["primary"]


@rule("qualifier", "数量上的限定词")
def hedge_on_number(c) -> str | None:
    """The hedge written against a counted number: 60个以上, 3万余户, 突破100公里, 累计达到1万家;
    全年开工重点项目2000个以上, 培育商文旅体展融合发展集聚区30个以上 (安徽, 2026)."""
    suffixes, prefixes, _ = _qualifier_lists()
    for q in _primary(c):
        found = _bound_qualifier(c.text, c.start, q, suffixes, prefixes)
        if found:
            return found
    return None


@rule("qualifier", "份额基数前的限定词")
def hedge_before_share_base(c) -> str | None:
    """A hedge written before a share's base (X应不少于总量的30%) bounds the share, the base standing between them:
    其中等级应急避难场所建设面积应不少于总量的30% (奉贤区, 2022: 不少于); 各街镇（管委会）以“拆除还地”和“清退没收”方式整治的面积
    应不低于年度计划任务量的60% (嘉定区, 2026: 不低于)."""
    for q in _primary(c):
        m = _hedge_before_base(c.text, c.start, q)
        if m:
            return m.group("hedge")
    return None


@rule("qualifier", "分句中的情态词")
def modal_in_clause(c) -> str | None:
    """A modal in the quote, or before it in its clause: 力争外贸进出口总值翻一番 (甘肃, 2026);
    力争全年新招引50亿元以上重大项目8个 (a rule test)."""
    for m in _qualifier_lists()[2]:
        if m in c.text[c.start:c.end] or m in c.text[c.clause.start:c.start]:
            return m
    return None


@rule("qualifier", "动词前的累计", needs=("累计",))
def cumulative_before_verb(c) -> str | None:
    """累计 before the verb counts the total as surely as before the number:
    “十四五”期间，全区将累计新增城镇就业3万人 (a rule test)."""
    primary = _primary(c)
    if primary:
        verbs = _actions_in(c.text, c.start, primary[0].start)
        if verbs and c.text[c.start:verbs[0].start()].endswith("累计"):
            return "累计"
    return None


@rule("qualifier", "门槛上的限定词")
def hedge_on_threshold(c) -> str | None:
    """Only a threshold is counted: its hedge (年内实现税收过亿元楼宇新的突破, a rule test)."""
    if _primary(c):
        return None
    suffixes, prefixes, _ = _qualifier_lists()
    for q in c.kept:
        found = _bound_qualifier(c.text, c.start, q, suffixes, prefixes)
        if found:
            return found
    return None


def _modal_of_closing_deadline(c) -> str | None:
    """The modal of the clause that dates the pledge: 今年将新建学校3所，改造道路5条，确保年底前全部完工
    (a rule test); …，力争到2025年基本消除… is a task of its own."""
    clauses, ci, text = c.clauses, c.ci, c.text
    if not (ci + 1 < len(clauses) and clauses[ci + 1].segment == c.clause.segment):
        return None
    nxt = text[clauses[ci + 1].start:clauses[ci + 1].end]
    for m in _qualifier_lists()[2]:
        if nxt.startswith(m) and not find_numbers(nxt)[1:]:
            found = find_deadlines(nxt, None)
            if found and _COMPLETION.fullmatch(nxt[:found[0].start] + nxt[found[0].end:]):
                return m
    return None


def _modal_of_previous_clause(c) -> str | None:
    """A clause without a verb of its own is hedged by the modal of the clause before it in the
    segment: 力争新增园林绿化地70万平方米，城市绿道15公里 (the seeds); a clause with one, by a modal that carries
    (lexicon carrying_modals: 力争, 确保): 力争13条道路建成通车，新增里程11公里 (龙文区 news, 2017: 力争);
    全区旅游人数力争突破370万人次，旅游收入达到38亿元 (海拉尔区, 2012: 力争); 确保按照时限要求，完成2019年度7.89亿元政府
    隐性债务化解目标 (海拉尔区, 2019: 确保)."""
    clauses, ci = c.clauses, c.ci
    if ci > 0 and clauses[ci - 1].segment == c.clause.segment:
        modals = _carrying_modals() if _actions_in(c.text, c.start, c.end) else _qualifier_lists()[2]
        prev = c.text[clauses[ci - 1].start:clauses[ci - 1].end]
        for m in modals:
            if m in prev:
                return m
    return None


@cache
def _carrying_modals() -> tuple[str, ...]:
    return tuple(lexicons.words("carrying_modals"))


def _modal_opening_sentence(c) -> str | None:
    """A modal opening the sentence (or its part after ；) hedges each task it lists:
    力争全年实际使用外资12亿美元，完成规上工业总产值4200亿元 (a rule test)."""
    clauses, ci, clause = c.clauses, c.ci, c.clause
    j = ci
    while j > 0 and ci - j < _NEAR_CLAUSES and clauses[j - 1].segment == clause.segment:
        j -= 1
    first = clauses[j]
    if first.start < c.start and (j == 0 or clauses[j - 1].segment != clause.segment):
        for m in _qualifier_lists()[2]:
            if c.text.startswith(m, first.start):
                return m
    return None


@rule("qualifier", "同句其他分句的情态词")
def modal_of_sentence(c) -> str | None:
    """A modal written in another clause of the sentence hedges the pledge: the clause that says when all is
    done (加快建设区实验中学南校区等5所学校，确保秋季开学投入使用, the seeds), the clause before one without a verb
    of its own (力争新增园林绿化地70万平方米，城市绿道15公里, the seeds), or the sentence's opening (力争全年实际使用
    外资12亿美元，完成规上工业总产值4200亿元, a rule test); in that order."""
    return _modal_of_closing_deadline(c) or _modal_of_previous_clause(c) or _modal_opening_sentence(c)


QUALIFIER_RULES = (hedge_on_number, hedge_before_share_base, modal_in_clause, cumulative_before_verb, hedge_on_threshold, modal_of_sentence)
