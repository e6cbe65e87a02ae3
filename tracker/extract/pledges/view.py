"""What the pledge rules read of a clause piece's numbers, found once each time those numbers change.

The pledge rules (``pledge.PLEDGE_RULES``) run in turn on every clause piece with a quantity, and most
of them first ask the same things of the numbers that size it (``Context.kept``): which units they
have (only shares? any sum of money?), which roles (all areas? any length?), where the first starts
and where the last ends. ``Context.numbers`` answers from one ``NumbersView`` built the first time a
rule asks after ``kept`` was set, so a rule whose numbers cannot be its kind answers None on its
first line, without a loop of its own over the numbers.
"""
from __future__ import annotations

from dataclasses import dataclass

from tracker.extract.model import Role
from tracker.extract.numbers import NumberToken


@dataclass(frozen=True, slots=True)
class NumbersView:
    """What the rules ask of the numbers that size a clause piece, read once each time they are set."""

    units: frozenset[str]  # the units of the numbers ("" for a number without one)
    roles: frozenset[Role]
    values: frozenset  # their values (1 in values: a number is one)
    openings: frozenset[str]  # the first character of each as written (百 of 百万)
    before: frozenset[str]  # the character right before each (产 of 年产2000万吨)
    first: int  # where the first number starts (-1 when there is none)
    last: int  # where the last number ends (-1 when there is none)

    @classmethod
    def of(cls, kept: list[NumberToken], text: str) -> "NumbersView":
        if not kept:
            return _NONE
        if len(kept) == 1:  # nine pieces in ten: each set of one, with no list made for it
            q = kept[0]
            return _view(frozenset((q.unit or "",)), frozenset((q.role,)), frozenset((q.value,)),
                         frozenset((q.raw[:1],)), frozenset((text[q.start - 1:q.start],)), q.start, q.end)
        return _view(frozenset([q.unit or "" for q in kept]), frozenset([q.role for q in kept]),
                     frozenset([q.value for q in kept]), frozenset([q.raw[:1] for q in kept]),
                     frozenset([text[q.start - 1:q.start] for q in kept]),
                     min([q.start for q in kept]), max([q.end for q in kept]))

    def only_units(self, *units: str) -> bool:
        """Whether every number has one of ``units`` (an empty piece has every unit)."""
        return self.units.issubset(units)

    def money(self) -> bool:
        """Whether a number is a sum of money (元 in its unit: 亿元, 元/平方米)."""
        return any("元" in u for u in self.units)


_NONE = NumbersView(frozenset(), frozenset(), frozenset(), frozenset(), frozenset(), -1, -1)

_new = object.__new__
_SLOTS = tuple(getattr(NumbersView, f).__set__ for f in
               ("units", "roles", "values", "openings", "before", "first", "last"))


def _view(units, roles, values, openings, before, first, last) -> NumbersView:
    """``NumbersView(units, roles, values, openings, before, first, last)``, the same view, built in half the time:
    the frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``; this sets the slots
    through their own descriptors (a piece's view is built once or twice for each of the ~3,300 pieces a pass
    over the real passages reads)."""
    view = _new(NumbersView)
    set_units, set_roles, set_values, set_openings, set_before, set_first, set_last = _SLOTS
    set_units(view, units)
    set_roles(view, roles)
    set_values(view, values)
    set_openings(view, openings)
    set_before(view, before)
    set_first(view, first)
    set_last(view, last)
    return view
