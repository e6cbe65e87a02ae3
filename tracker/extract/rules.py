"""Named rules: each decision of the extractor is an ordered list of small functions over one context.

A rule is a function of the context that returns its decision, or ``None`` when it does not
apply; ``decide`` asks the rules of a list in order and the first that answers decides. So which
source wins (a deadline in the quote over the lead of its paragraph) is the order of the list,
written where the list is, not the order of if-blocks. ``decide`` returns the rule's id with the
value; every candidate carries, per field, the id of the rule that decided it (its ``why``).

Each rule is registered with a short Chinese label (``rule("段首时限")``), which the review
screen shows the editor beside the machine's reading; its docstring names the phenomenon and
quotes a real sentence that motivates it.

A rule that can answer only where one of a few words stands in the text (a fine needs 罚, a law's provision
a 《) names them (``rule(..., needs=words)``): ``asked`` leaves it out of its list for a text that holds none
of them, so a document's reading does not ask it, clause piece after clause piece, only for it to find its
words missing each time. Its list keeps its order, and a rule left out would have answered nothing.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from tracker.extract.lexicons import alternation

#: the fields a candidate's ``why`` names, in the order ``tracker extract --explain`` prints them
FIELDS = ("pledge", "tense", "action", "object", "quantities", "qualifier", "deadline", "district", "official",
          "responsible_unit")


@dataclass(frozen=True)
class Rule:
    """A named rule of one decision: its function, the label an editor reads, the words it needs."""

    id: str  # the function's name: list_lead_inherits
    label: str  # what an editor reads: 段首时限
    decision: str  # the field it decides: deadline
    fn: Callable[[Any], Any]
    # words one of which the text must hold for the rule to answer (any match of its guard holds one); () asks
    # it on every text
    needs: tuple[str, ...] = ()

    # A rule is called as its function: the property hands ``fn`` itself to the call, with no Python
    # frame between (a method forwarding *args would add one to each of the thousands of calls rules
    # make of one another while reading a report).
    __call__ = property(attrgetter("fn"))


#: every rule by id, as the decision modules register them on import
REGISTRY: dict[str, Rule] = {}

#: what stands in ``why`` when no rule of a list answered (the field stays empty)
NO_RULE = "no_rule"
_NO_RULE_LABEL = "无依据"


def rule(decision: str, label: str, name: str | None = None, needs: Iterable[str] = ()) -> Callable[[Callable], Rule]:
    """Register a function as a named rule of ``decision``, with a short Chinese label; its id is
    ``name`` or the function's name. ``needs``: words one of which the text must hold for the rule to
    answer at all (``asked``)."""
    def register(fn: Callable) -> Rule:
        r = Rule(name or fn.__name__, label, decision, fn, _fewest(needs))
        if r.id in REGISTRY and REGISTRY[r.id].fn is not fn:
            raise ValueError(f"two rules named {r.id}")
        REGISTRY[r.id] = r
        return r
    return register


def decide(rules: Sequence[Rule], ctx) -> tuple[Any, str]:
    """(value, rule id) of the first rule of ``rules`` that answers (returns anything but None)."""
    for r in rules:
        value = r.fn(ctx)
        if value is not None:
            return value, r.id
    return None, NO_RULE


def _fewest(words: Iterable[str]) -> tuple[str, ...]:
    """``words`` without those that hold another of them (a text that holds 罚款 holds 罚), in their order."""
    words = tuple(dict.fromkeys(words))
    return tuple(w for w in words if not any(o != w and o in w for o in words))


def asked(rules: Sequence[Rule], text: str, found: Collection[str] | None = None) -> tuple[Rule, ...]:
    """The rules of ``rules``, in order, that may answer on ``text``: those that need no word, and those
    that need one it holds (``found``, when given: the needed words ``text`` holds, as ``Needed.found`` reads
    them). ``decide`` over them answers as over ``rules`` for every context of ``text``: a rule left out would
    have returned None (what ``needs`` promises; tests/extract/test_rules_asked.py holds every rule that names
    words to it over the real passages)."""
    if found is None:
        return tuple(r for r in rules if not r.needs or any(w in text for w in r.needs))
    return tuple(r for r in rules if not r.needs or not found.isdisjoint(r.needs))


class Needed:
    """The words the rules of some lists need, found in a text by one scan of one alternation (a word looked for
    with ``in`` costs a scan of the text each, about a microsecond on a report's 1,500 characters)."""

    def __init__(self, lists: Iterable[Sequence[Rule]]) -> None:
        self.lists = tuple(tuple(rules) for rules in lists)
        words = sorted({w for rules in self.lists for r in rules for w in r.needs}, key=lambda w: (-len(w), w))
        # each list's needed words, and its lists as asked (``asked``) by those of them a text holds
        self.words_of = tuple(frozenset(w for r in rules for w in r.needs) for rules in self.lists)
        self.asked_by: tuple[dict[frozenset[str], tuple[Rule, ...]], ...] = tuple({} for _ in self.lists)
        # as a tree of shared beginnings (lexicons.alternation): at a position the engine follows the one branch the
        # character there opens, not each of the ~100 words in turn
        self.pattern = re.compile(alternation(words)) if words else None
        # the needed words a match holds: the match is the longest word at its start, and the words it holds
        # (a shorter one at the same start, or inside it) are in the text too
        # (each read from the words' own pieces, not by testing every pair of the ~140 words: built once a process, the
        # pairs cost ~10 ms of its start, more than a document's reading)
        known = frozenset(words)
        self.within = {w: frozenset(w[i:j] for i in range(len(w)) for j in range(i + 1, len(w) + 1)
                                    if w[i:j] in known) for w in words}
        # the needed words that may begin inside a match and end past it (a tail of the match is their head:
        # 其中 and 中标): a scan that goes on after each match's end does not try their start
        self.crossing = _crossing(words)

    def found(self, text: str) -> frozenset[str]:
        """Every needed word ``text`` holds: the distinct matches of one scan (``findall``, in C: after a match
        it goes on at the match's end), the needed words inside each, and those that cross one (``crossing``)
        looked for with ``in``. Exact: an occurrence of a needed word either starts where the scan tried (a
        match there holds it), or starts inside a match and ends in it (held) or past it (crossing)."""
        if self.pattern is None:
            return frozenset()
        out: set[str] = set()
        within, crossing = self.within, self.crossing
        for m in set(self.pattern.findall(text)):
            out |= within[m]
            for o in crossing[m]:
                if o not in out and o in text:
                    out.add(o)
        return frozenset(out)

    def asked(self, found: frozenset[str]) -> tuple[tuple[Rule, ...], ...]:
        """``asked(rules, text, found)`` of each of the lists, ``found`` the needed words of ``text``: a list as asked
        depends only on which of its own needed words the text holds (none, for most lists and most documents),
        so it is kept by them, not filtered again for each document."""
        out = []
        for rules, words, memo in zip(self.lists, self.words_of, self.asked_by):
            key = found & words
            got = memo.get(key)
            if got is None:
                if len(memo) >= 512:  # a bound on what a long run of varied documents keeps
                    memo.clear()
                got = memo[key] = asked(rules, "", key)
            out.append(got)
        return tuple(out)


def _crossing(words: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Each word of ``words`` → the words, in the order of ``words``, that begin with one of its proper tails and are
    longer than that tail (so they may start inside a match of the word and end past it): 其中 → 中标. The words are
    indexed by their proper heads, and each word's tails looked up."""
    by_head: dict[str, set[str]] = {}
    for o in words:
        for j in range(1, len(o)):
            by_head.setdefault(o[:j], set()).add(o)
    rank = {o: i for i, o in enumerate(words)}
    out = {}
    for w in words:
        found: set[str] = set()
        for k in range(1, len(w)):
            found |= by_head.get(w[k:], set())
        out[w] = tuple(sorted(found, key=rank.__getitem__))
    return out


def labels() -> dict[str, str]:
    """Every registered rule's id → its Chinese label (the decision modules loaded first)."""
    import tracker.extract.pledges  # noqa: F401  (registers its rules; a real cycle: it imports this module)
    import tracker.extract.people  # noqa: F401

    return {NO_RULE: _NO_RULE_LABEL, **{k: r.label for k, r in REGISTRY.items()}}
