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
        return cls(frozenset([q.unit or "" for q in kept]), frozenset([q.role for q in kept]),
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
