"""The pledge rules' view of a piece's numbers (``pledges.view.NumbersView``) answers as a loop over them would,
and is read anew after the rules change which numbers size the piece."""
from __future__ import annotations

import pytest

from tracker.extract.model import Role
from tracker.extract.numbers import find_numbers
from tracker.extract.pledges.view import NumbersView

# real phrasings quoted in the rules' docstrings (苏州高新区 news, 2011; 柳河县's industry policy, 2023;
# 长顺县's poverty targets, 2017; 黑河市 news, 2011)
TEXTS = [
    "其中多晶硅片和单晶硅片各占50%",
    "对新建面积在500亩以上的，给予企业200元/亩奖励",
    "路基宽度不得小于4.5米、路面宽度不得小于3.5米",
    "并由技术专家、终端用户、市直行政主管部门和采购中心经办人四方签字盖章",
    "建设日产6200吨新型绿色智能化熟料生产线，投资40亿元",
]


@pytest.mark.parametrize("text", TEXTS)
def test_view_answers_as_the_numbers_do(text):
    kept = [t for t in find_numbers(text) if t.kind == "quantity"]
    assert kept
    view = NumbersView.of(kept, text)
    assert view.units == {q.unit or "" for q in kept}
    assert view.roles == {q.role for q in kept}
    assert view.first == min(q.start for q in kept) and view.last == max(q.end for q in kept)
    assert view.before == {text[q.start - 1:q.start] for q in kept}
    assert view.money() == any("元" in (q.unit or "") for q in kept)
    assert view.only_units("%") == all(q.unit == "%" for q in kept)
    assert (1 in view.values) == any(q.value == 1 for q in kept)


def test_no_numbers_no_view():
    view = NumbersView.of([], "")
    assert view.first == -1 and not view.units and not view.money() and view.only_units("%")


def test_context_reads_the_view_anew_after_kept_changes():
    from tracker.extract import extract_document
    from tracker.extract.pledges import pledge

    seen = []
    original = pledge.site_area_apart.fn

    def spy(c):
        before = c.numbers
        c.kept = c.kept[:1]
        seen.append((before, c.numbers, c.kept))
        return original(c)

    rules = pledge.PLEDGE_RULES
    pledge.PLEDGE_RULES = tuple(r if r.id != "site_area_apart" else
                                type(r)(r.id, r.label, r.decision, spy) for r in rules)
    try:
        extract_document("今年将新建幼儿园3所、改造老旧小区12个。", published=None)
    finally:
        pledge.PLEDGE_RULES = rules
    assert seen
    for before, after, kept in seen:
        assert after is not before  # built anew once kept was set
        assert (after.first, after.last, after.units) == (kept[0].start, kept[0].end, {kept[0].unit or ""})


def _long_way(kept, text) -> NumbersView:
    return NumbersView(frozenset(q.unit or "" for q in kept), frozenset(q.role for q in kept),
                       frozenset(q.value for q in kept), frozenset(q.raw[:1] for q in kept),
                       frozenset(text[q.start - 1:q.start] for q in kept), min(q.start for q in kept),
                       max(q.end for q in kept))


@pytest.mark.parametrize("text", TEXTS)
def test_the_view_is_built_as_the_dataclass_builds_it(text):
    """``NumbersView.of`` sets the slots itself (one number alone without lists): the same view, equal field by field."""
    kept = [t for t in find_numbers(text) if t.kind == "quantity"]
    for part in [kept, *([q] for q in kept)]:
        view, long_way = NumbersView.of(part, text), _long_way(part, text)
        assert type(view) is NumbersView and view == long_way and hash(view) == hash(long_way)
