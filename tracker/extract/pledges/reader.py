"""The reader: paragraph by paragraph, clause by clause, the candidates of a document.

It keeps what a reader carries from paragraph to paragraph (``_Reading``: the speaker, the
frame of the section, the leads seen), splits each paragraph holding a quantity into clauses
and conjuncts, and asks ``pledge.candidate`` about each.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import replace
from operator import attrgetter

from tracker.extract import lexicons
from tracker.extract.model import Candidate, Deadline, Official, Precision
from tracker.extract.normalise import Normalised
from tracker.extract.numbers import find_numbers, number_token
from tracker.extract.pledges.actions import act_of_a_joined_profile
from tracker.extract.pledges.base import (
    _NUMERALISH, _Cue, _Cues, _Index, _Reading, _ahead, _clauses, _word_pattern,
)
from tracker.extract.pledges.cues import _block_cues, _block_mentions, _mentions
from tracker.extract.pledges.deadline import _FINISHING, _TOLD_COMPLETES, _names_goals
from tracker.extract.pledges.frames import (
    _dominant_district, _headline_pledge, _names_a_place, _outcome_frame, _paragraph_frame, _past_year_frame,
    _section_frame,
    _states_the_years_targets, _target_heading, _target_item, _update_people,
)
from tracker.extract.pledges.pledge import Paragraph, candidate
from tracker.extract.pledges.segment import (
    _areas_before_the_sum, _class_of_object, _conjuncts, _describes_the_project_before, _invests_in_next,
    _level_of_the_growth, _rate_of_the_level, _respectively, _sized, _sized_before,
    _sizes_the_pledge_before, growth_reaches_level, headline_space_separates, investment_opens_its_use,
    level_then_rate, project_attributes_join, respectively_splits,
)


_START = attrgetter("start")  # the key of mentions and numbers in an _Index
# blocks whose completions the article's body does not tell (a heading read as an item tells its own, as it is read)
_NOT_BODY = ("ad", "byline", "caption", "furniture", "heading")


def _with(why: tuple[tuple[str, str], ...], name: str, rule_id: str) -> tuple[tuple[str, str], ...]:
    return tuple((k, rule_id if k == name else v) for k, v in why)


def _acted(text: str, cand: Candidate, block_end: int) -> Candidate:
    """A profile joined into one pledge whose first piece named no act: the act its joined words and its sentence give
    (act_of_a_joined_profile)."""
    if cand.action:
        return cand
    found = act_of_a_joined_profile(text, cand.start, cand.end, block_end)
    if found is None:
        return cand
    return replace(cand, action=found[0], why=_with(cand.why, "action", found[1]))


def find_pledges(norm: Normalised, published: dt.date | None, *, district: str | None = None,
                 official: Official | None = None,
                 declined: list[tuple[int, int, str, str]] | None = None,
                 plan_year: int | None = None) -> list[Candidate]:
    """The candidates of a document; ``declined``, when given, receives (start, end, pledge rule, tense rule)
    of each clause piece with a quantity that a pledge rule turned down (looks_back, programme_name …).
    ``plan_year``, when given, says the document is a plan for that year as a whole (its user knows it: a plan
    section cut from its report): what it plans is that year's work from its first paragraph on, as after a
    report's statement of the year's targets (rules report_year_after_targets, report_year)."""
    text = norm.text
    ctx = _Reading(published, given_official=official, given_district=district)
    if plan_year is not None:
        ctx.plan_year = Deadline(f"{plan_year}年", dt.date(plan_year, 12, 31), Precision.YEAR, inherited=True)
    if declined is not None:
        ctx.declined = declined
    ctx.district = _dominant_district(norm, ctx)
    out: list[Candidate] = []
    blocks = norm.blocks
    leads: dict[int, Deadline | None] = {}
    cues_cache: dict[int, list[_Cue]] = {}
    in_body = False  # a paragraph of the page's body read: a heading after it is a sub-heading, no headline
    if _FINISHING.search(text):
        for i, block in enumerate(blocks):
            if block.kind not in _NOT_BODY and _FINISHING.search(text, block.start, block.end):
                ctx.article_completions[i] = told_completions(
                    text, i, block.start, block.end, ctx.published,
                    _block_mentions(ctx, i, text[block.start:block.end], block.start))
    for i, block in enumerate(blocks):
        btext = text[block.start:block.end]
        if block.kind in ("ad", "byline", "caption", "furniture"):
            if block.kind in ("ad", "byline") and ctx.body_since_credit:
                ctx.official = None  # an article ended
            ctx.section_blocks = []
            continue
        _update_people(ctx, btext, i, block)
        if block.kind == "heading" and not _target_item(ctx, btext):
            ctx.target_heading = _target_heading(btext, ctx.published) or (
                ctx.target_heading if _names_a_place(btext) else None)
            ctx.review_section = _section_frame(btext, ctx.review_section, ctx.published)
            ctx.review_paragraphs = ctx.past_year_run = ctx.outcome_run = False
            if _headline_pledge(btext, ctx.published, headline=not in_body):
                out += _read_block(norm, i, ctx, leads, cues_cache)
            ctx.headings.append(i)
            ctx.section_blocks = []
            continue
        ctx.body_since_credit = in_body = True
        ctx.review_paragraphs = _paragraph_frame(btext, ctx.review_paragraphs)
        ctx.past_year_run = _past_year_frame(btext, ctx.past_year_run, ctx.published)
        ctx.outcome_run = _outcome_frame(btext, ctx.outcome_run)
        if _FINISHING.search(text, block.start, block.end):
            told = ctx.article_completions.get(i)
            ctx.told_completions += told if told is not None else told_completions(
                text, i, block.start, block.end, ctx.published, _block_mentions(ctx, i, btext, block.start))
        if _NUMERALISH.search(btext):
            out += _read_block(norm, i, ctx, leads, cues_cache)
        ctx.section_blocks.append(i)
        if block.kind == "heading":  # an item whose line runs on into the next heading (…慈善制度2021任务清单)
            ctx.target_heading = _target_heading(btext, ctx.published) or ctx.target_heading
        if ctx.plan_year is None and ctx.published is not None:
            ctx.plan_year = _states_the_years_targets(btext, ctx.published)
    return out


def _read_block(norm: Normalised, bi: int, ctx: _Reading, leads, cues_cache) -> list[Candidate]:
    text = norm.text
    block = norm.blocks[bi]
    btext = text[block.start:block.end]
    tokens = find_numbers(btext)
    if not any(t.kind == "quantity" for t in tokens):
        return []
    clauses = _clauses(btext, block.start, headline=headline_space_separates(block))
    mentions = _Index(_block_mentions(ctx, bi, btext, block.start), _START)
    cues = _Cues.of(_block_cues(text, block, ctx.published, tokens, mentions.items))
    cues_cache[bi] = cues
    shifted = [number_token(block.start + t.start, block.start + t.end, t.kind, t.value, t.value_max, t.unit, t.role,
                            t.raw) for t in tokens if t.kind == "quantity"]
    # a number naming a class of what follows it (10千伏线路) is no quantity of any clause: left out once
    quantities = _Index([t for t in shifted if not _class_of_object(text, t)], _START)
    para = Paragraph(norm, bi, clauses, cues, mentions, leads, cues_cache)
    out = []
    last_ci = None  # the clause of the last candidate

    def numbers_of(cl):
        return [t for t in quantities.between(cl.start, cl.end) if t.end <= cl.end]

    # the clauses a quantity starts in (clauses are disjoint, their starts increasing): the others hold none
    clause_starts = [cl.start for cl in clauses]
    counted = {bisect_right(clause_starts, t.start) - 1 for t in quantities.items}
    joined_to = -1  # the clause read with the one before it (投资67亿元,|实施…项目38个)
    for ci, clause in enumerate(clauses):
        if ci == joined_to or ci not in counted:
            continue
        qs = numbers_of(clause)
        if not qs:
            continue
        if out and ci > 0 and clauses[ci - 1].sentence == clause.sentence \
                and clauses[ci - 1].start <= out[-1].end <= clauses[ci - 1].end \
                and _sizes_the_pledge_before(text, clause.start, clause.end, qs, out[-1]):
            out[-1] = _sized(text, out[-1], clause.start, clause.end, qs)  # 实施重点产业项目68个，总投资超过650亿元
            last_ci = ci
            continue
        if out and ci > 0 and clauses[ci - 1].sentence == clause.sentence \
                and clauses[ci - 1].start <= out[-1].end <= clauses[ci - 1].end \
                and _level_of_the_growth(text, clause.start, clause.end, qs, out[-1]):
            out[-1] = _sized(text, out[-1], clause.start, clause.end, qs, growth_reaches_level.id)  # 增长20%，达到282亿元
            last_ci = ci
            continue
        if out and ci > 0 and clauses[ci - 1].sentence == clause.sentence \
                and clauses[ci - 1].start <= out[-1].end <= clauses[ci - 1].end \
                and _rate_of_the_level(text, clause.start, clause.end, qs, out[-1]):
            out[-1] = _sized(text, out[-1], clause.start, clause.end, qs, level_then_rate.id)  # 达到236.6亿元,增长7%
            last_ci = ci
            continue
        if out and ci > 0 and clauses[ci - 1].sentence == clause.sentence \
                and clauses[ci - 1].start <= out[-1].end <= clauses[ci - 1].end \
                and _describes_the_project_before(text, clause.start, clause.end, qs, out[-1]):
            out[-1] = _acted(text, _sized(text, out[-1], clause.start, clause.end, qs, project_attributes_join.id),
                             para.norm.blocks[para.bi].end)  # 总投资2.22亿，占地面积4.9万平方米
            last_ci = ci
            continue
        nxt = clauses[ci + 1] if ci + 1 < len(clauses) else None
        if nxt is not None and _invests_in_next(text, clause, nxt, qs, next_qs := numbers_of(nxt)):
            cand = candidate(para, ctx, ci, clause.start, nxt.end, qs + next_qs)
            if cand is not None:
                out.append(replace(cand, why=_with(cand.why, "quantities", investment_opens_its_use.id)))
                last_ci = joined_to = ci + 1
                continue
        if _word_pattern("self_reference").search(text, clause.start, clause.end):
            continue  # 现将2023年十件民生实事印发给你们: the document names itself
        respectively = _respectively(text, clause, qs)
        pieces = respectively[0] if respectively else _conjuncts(text, clause, qs)
        for k, (conj_start, conj_end, conj_qs) in enumerate(pieces):
            if k and out and last_ci == ci and _sizes_the_pledge_before(text, conj_start, conj_end, conj_qs, out[-1]):
                out[-1] = _sized(text, out[-1], conj_start, conj_end, conj_qs)  # 开工建设重点项目50个、总投资300亿元
                continue
            if k and out and last_ci == ci and _level_of_the_growth(text, conj_start, conj_end, conj_qs, out[-1]):
                out[-1] = _sized(text, out[-1], conj_start, conj_end, conj_qs, growth_reaches_level.id)  # 增长8%以上、达到…
                continue
            if k and out and last_ci == ci and _describes_the_project_before(text, conj_start, conj_end, conj_qs, out[-1],
                                                                          conjunct=True):
                out[-1] = _acted(text, _sized(text, out[-1], conj_start, conj_end, conj_qs, project_attributes_join.id),
                                 para.norm.blocks[para.bi].end)  # 共计13件、面积33.01亩
                continue
            cand = candidate(para, ctx, ci, conj_start, conj_end, conj_qs)
            if cand is None:
                continue
            if k == 0 and not respectively:
                before = _areas_before_the_sum(text, clauses, ci, conj_start, conj_qs, out[-1].end if out else 0,
                                               numbers_of)
                if before is not None:
                    cand = _sized_before(text, cand, *before)  # 建设用地面积约25.8亩,总建筑面积…,项目总投资约9800万元
            if respectively:
                first = out[-1] if k and out and last_ci == ci else cand
                why, first_why = dict(cand.why), dict(first.why)
                why["object"] = respectively_splits.id
                if not cand.action:
                    why["action"] = first_why["action"]
                if not cand.qualifier:
                    why["qualifier"] = first_why["qualifier"]
                if not cand.deadline.date:
                    why["deadline"] = first_why["deadline"]
                cand = replace(cand, object=respectively[1][k], action=cand.action or first.action,
                               qualifier=cand.qualifier or first.qualifier,
                               deadline=cand.deadline if cand.deadline.date else first.deadline,
                               why=tuple(why.items()))
            out.append(cand)
            last_ci = ci
    return out


def told_completions(text: str, bi: int, start: int, end: int, published: dt.date | None,
                     mentions: list | None = None) -> list:
    """(block, sentence, deadline, names) of each clause of the paragraph at ``start``:``end`` that says when the
    project is finished (no number of its own; a time not yet over right before a word of finishing), with the
    facilities its paragraph names up to it (the last four characters of each name: 文化中心, 活动中心), for
    ``completion_told_before``; a paragraph with no word of finishing is not read. ``mentions``: the paragraph's
    deadline mentions (``_mentions``), when they were read already.

    Its clauses are cut only when a mention not yet over stands right before a word of finishing somewhere after it
    in the paragraph: the word must end such a mention's clause too (a match that ends by the clause's end ends by the
    paragraph's), so a paragraph with none has no such clause."""
    if not _FINISHING.search(text, start, end):
        return []
    btext = text[start:end]
    if mentions is None:
        mentions = _mentions(btext, start, published)
    mentions = [m for m in mentions if _ahead(m.deadline, published) and not _names_goals(text, m)
                and _TOLD_COMPLETES.match(text, m.end, end)]
    if not mentions:
        return []
    out = []
    for cl in _clauses(btext, start):
        ms = [m for m in mentions if cl.start <= m.start and m.end <= cl.end and _TOLD_COMPLETES.match(text, m.end, cl.end)]
        if ms and not any(t.kind == "quantity" for t in find_numbers(text[cl.start:cl.end])):
            names = frozenset(m.group(0)[-4:] for m in _FACILITY_NAME.finditer(text, start, cl.end))
            out.append((bi, cl.sentence, ms[-1].deadline, names))
    return out


# A facility's name (its last characters and a head of lexicon completed_facility_heads): 科技文化中心, 文化广场
_FACILITY_NAME = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:" + "|".join(
    map(re.escape, sorted(lexicons.words("completed_facility_heads"), key=len, reverse=True))) + ")")
