"""Segmentation of a clause into pledges: conjuncts with their own numbers, 分别 lists, and a clause
that only sizes the pledge before it (总投资…).
"""
from __future__ import annotations

import dataclasses
import re

from tracker.extract.model import Candidate, Role
from tracker.extract.numbers import NumberToken
from tracker.extract.pledges.base import (
    _ATTRIBUTIVE, _COORD, _QUOTE_MARKS, _Clause, _baseline, _bound_qualifier, _object_before, _qualifier_lists,
    _qualifiers, _quantity,
)
from tracker.extract.pledges.qualifiers import hedge_on_number
from tracker.extract.rules import rule
from tracker.extract.tokens import cut_words as _cut


# the total a count of projects costs (总投资, 估算总投资); not the year's share of it (年度计划投资约7.2亿元), which is a
# target of its own (龙文区 news, 2017)
_TOTAL_INVESTMENT = re.compile(r"(?:项目)?(?:计划|预计|估算|概算)?(?:总投资|投资总额)(?:额)?"
                               r"(?:约|达|达到|超过|超|近|逾)?")


def _sizes_the_pledge_before(text: str, prev: _Clause, clause: _Clause, qs: list[NumberToken], last: Candidate) -> bool:
    """实施重点产业项目68个，总投资超过650亿元: a clause giving nothing but the total investment of what the
    clause before counts is part of that pledge, as 总投资417亿元的24个项目 is."""
    return prev.sentence == clause.sentence and prev.start <= last.end <= prev.end \
        and bool(_TOTAL_INVESTMENT.match(text, clause.start)) and all(q.role is Role.AMOUNT for q in qs) \
        and text[qs[-1].end:clause.end].strip(_QUOTE_MARKS + " ") in ("", *_qualifiers()) \
        and any(q.role is Role.COUNT for q in last.quantities)


def _sized(text: str, cand: Candidate, clause: _Clause, qs: list[NumberToken]) -> Candidate:
    suffixes, prefixes, _ = _qualifier_lists()
    end = clause.end
    while end > clause.start and text[end - 1] in _QUOTE_MARKS + " ":
        end -= 1
    why = dict(cand.why)
    why["quantities"] = total_investment_joins.id
    qualifier = cand.qualifier
    if not qualifier:
        qualifier = _bound_qualifier(text, clause.start, qs[0], suffixes, prefixes)
        if qualifier:
            why["qualifier"] = hedge_on_number.id
    return dataclasses.replace(
        cand, quote=text[cand.start:end], end=end, quantities=cand.quantities + tuple(_quantity(q) for q in qs),
        qualifier=qualifier, why=tuple(why.items()))


def _conjuncts(text: str, clause: _Clause, qs: list[NumberToken]) -> list[tuple[int, int, list[NumberToken]]]:
    """Split a clause where coordinated objects carry their own numbers: 9个棚户区、18个老旧小区."""
    cuts = []
    for i, (a, b) in enumerate(zip(qs, qs[1:])):
        between = text[a.end:b.start]
        m = None
        for m_ in _COORD.finditer(between):
            m = m_
        if m is None:
            continue
        head = between[:m.start()].strip(_QUOTE_MARKS + "的 ")
        tail = between[m.end():].strip(_QUOTE_MARKS + "的 ")
        if tail.startswith(_ATTRIBUTIVE):
            continue
        if any(part and re.search(r"[\u4e00-\u9fffA-Za-z]", part) and part not in _qualifiers() for part in (head, tail)) \
                or _sizes_a_later_object(text, a, b, qs[i + 2] if i + 2 < len(qs) else None):
            cuts.append((a.end + m.start(), a.end + m.end()))
    if not cuts:
        return [(clause.start, clause.end, qs)]
    out, start = [], clause.start
    for cut_start, cut_end in cuts + [(clause.end, clause.end)]:
        group = [q for q in qs if start <= q.start and q.end <= cut_start]
        out.append((start, cut_start, group))
        start = cut_end
    return [c for c in out if c[2]]


_RESPECTIVELY = re.compile(r"分别")
_LIST_JOIN = re.compile(r"\s*(?:、|和|及|与|，)\s*")


def _respectively(text: str, clause: _Clause, qs: list[NumberToken]):
    """Rule respectively_splits: N fields joined by 、, then 分别 and N numbers, are N pledges, one number
    and one field each; a head the last field writes out is shared (交通、水利、能源领域投资额).

    力争全年交通、水利、能源领域投资额分别达2400亿元、450亿元、1700亿元 (江苏, 2026);
    认定跨国公司地区总部、外资研发中心分别从771家、481家增加到1076家、636家 (上海, 2026 review).
    The fields may be joined by 和/及/与 as well (财政总收入和地方财政收入分别增长10.6%和12.3%左右, 镇安县 2015;
    城镇登记失业率、居民价格消费指数和人口自增率分别控制在4.2%、3%、2.5‰以内, ibid.).
    Two rates of one field (城乡居民收入分别增长6%和8%) stay one pledge. Returns the pieces as
    _conjuncts does and each piece's object, or None when the clause is no such list."""
    m = _RESPECTIVELY.search(text, clause.start, qs[0].start) if len(qs) > 1 else None
    if m is None:
        return None
    base = _baseline(text, m.start(), clause.end, qs)
    targets = [q for q in qs if not (base and base[0] <= q.start < base[1])]
    head = text[clause.start:m.start()]
    fields = head.split("、")
    if len(fields) != len(targets):  # 财政总收入和地方财政收入分别增长10.6%和12.3%左右 (镇安县, 2015)
        fields = [f for f in _COORD.split(head)]
    if len(targets) < 2 or len(fields) != len(targets) or not all(fields) \
            or any(not _LIST_JOIN.fullmatch(text, a.end, b.start) for a, b in zip(targets, targets[1:])):
        return None
    first = _object_before(text, clause.start, clause.start + len(fields[0]))
    fields[0] = first[0] if first else fields[0]
    last = _cut(fields[-1])
    if len(last) > 1 and all(len(_cut(f)) == 1 for f in fields[:-1]):
        objects = [f + "".join(last[1:]) for f in fields[:-1]] + [fields[-1]]
    else:
        objects = fields
    pieces = [(clause.start, targets[0].end, [targets[0]])] + [(q.start, q.end, [q]) for q in targets[1:]]
    pieces[-1] = (targets[-1].start, clause.end, [targets[-1]]) if len(pieces) > 1 else pieces[-1]
    return pieces, objects


def _sizes_a_later_object(text: str, a: NumberToken, b: NumberToken, c: NumberToken | None) -> bool:
    """超10亿元产业项目10个、超亿元项目40个: after a count, a sum that sizes the next object counted
    (b sizes what c counts) opens a new conjunct, though nothing but 、 stands between a and b."""
    return c is not None and a.role is Role.COUNT and b.role is Role.AMOUNT and c.role is Role.COUNT \
        and bool(re.fullmatch(r"(?:以上|的)?[\u4e00-\u9fffA-Za-z“”‘’\"]+", text[b.end:c.start])) \
        and not _COORD.search(text[b.end:c.start])


#: the rules above as the registry names them (they split and join clauses, so the reader calls them directly)
respectively_splits = rule("object", "分别对应", "respectively_splits")(_respectively)


@rule("quantities", "总投资并入前项")
def total_investment_joins(c):
    """A clause or conjunct giving nothing but the total investment of what the one before counts is the size of
    that pledge, one pledge with it, as 总投资417亿元的24个市重大项目 (the seeds) is: 2018年,龙文区委、区政府将实施27个
    为民办实事项目,总投资约80.9亿元 (龙文区 news, 2017); 开工建设重点项目50个、总投资300亿元 (a rule test). The reader
    joins them (``_sizes_the_pledge_before``, and the conjunct check in ``reader``); this names the join."""
    return None
