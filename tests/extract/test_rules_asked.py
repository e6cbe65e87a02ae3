"""A rule that names the words it needs (``rule(..., needs=...)``) is left out of its list for a document
that holds none of them (``rules.asked``): the reading must answer exactly as when every rule is asked.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tracker.extract.pledges  # noqa: F401  (registers the rules)
from tracker.extract import extract_document, rules
from tracker.extract.pledges import pledge
from tracker.extract.rules import REGISTRY, Needed, Rule, asked, decide

HERE = Path(__file__).parent
TEXTS = sorted((HERE / "real").glob("*.txt")) + sorted((HERE / "excerpts").glob("*.txt"))


def _rule(name: str, needs: tuple[str, ...] = ()) -> Rule:
    return Rule(name, name, "test", lambda c: None, needs)  # never registered


def test_asked_keeps_the_order_and_leaves_out_only_rules_whose_words_the_text_lacks():
    a, fine, law, b = _rule("a"), _rule("fine", ("罚", "罚款")), _rule("law", ("《",)), _rule("b")
    assert asked((a, fine, law, b), "处以2万元以上10万元以下罚款") == (a, fine, b)
    assert asked((a, fine, law, b), "《条例》规定，最高可罚50万") == (a, fine, law, b)
    assert asked((a, fine, law, b), "新建幼儿园3所") == (a, b)


def test_asked_with_the_words_found_leaves_out_the_same_rules():
    a, fine, law, b = _rule("a"), _rule("fine", ("罚",)), _rule("law", ("《",)), _rule("b")
    for text in ("处以2万元以上10万元以下罚款", "《条例》规定，最高可罚50万", "新建幼儿园3所"):
        found = Needed([(a, fine, law, b)]).found(text)
        assert asked((a, fine, law, b), text, found) == asked((a, fine, law, b), text)


# words that hold one another or overlap, as the rules' words may (时速 in 设计时速; 罚 in 罚款)
_WORDS = ("设计时速", "时速", "速度", "罚", "罚款", "款项", "《", "AB", "BC", "B")


@pytest.mark.parametrize("text, found", [
    ("设计时速80公里", {"设计时速", "时速"}),
    ("处以罚款项目", {"罚", "罚款", "款项"}),
    ("ABC", {"AB", "BC", "B"}),
    ("新建幼儿园3所", set()),
])
def test_needed_finds_every_word_even_inside_or_across_another(text, found):
    assert Needed([[_rule("x", _WORDS)]]).found(text) == found


@given(st.text(alphabet=list("设计时速度罚款项《ABC，。新建"), max_size=40))
def test_needed_finds_what_in_finds(text):
    rules_ = [[_rule("x", _WORDS[:3]), _rule("y", _WORDS[3:])]]
    assert Needed(rules_).found(text) == {w for w in _WORDS if w in text}


def _pairwise(words: list[str]) -> tuple[dict, dict]:
    """``Needed``'s two tables as first written: every pair of words tested (what its index must give)."""
    within = {w: frozenset(o for o in words if o in w) for w in words}
    crossing = {w: tuple(o for o in words if any(len(o) > len(w) - k and o.startswith(w[k:]) for k in range(1, len(w))))
                for w in words}
    return within, crossing


@given(st.lists(st.text(alphabet=list("其中标投资金AB"), min_size=1, max_size=5), max_size=25, unique=True))
def test_needed_reads_the_words_inside_and_across_a_word_as_testing_every_pair_does(words):
    needed = Needed([[_rule("x", tuple(words))]])
    ordered = sorted(set(needed.within), key=lambda w: (-len(w), w))
    assert (needed.within, needed.crossing) == _pairwise(ordered)


def test_needed_tables_of_the_real_lists_are_those_of_every_pair():
    lists = (pledge.PLEDGE_RULES, pledge.TENSE_RULES, pledge.FOUND_RULES, pledge.ELLIPSIS_RULES, pledge.ACTION_RULES,
             pledge.QUALIFIER_RULES, pledge.DEADLINE_RULES, pledge.OFFICIAL_RULES, pledge.DISTRICT_RULES)
    needed = Needed(lists)
    words = sorted({w for rules_ in lists for r in rules_ for w in r.needs}, key=lambda w: (-len(w), w))
    within, crossing = _pairwise(words)
    assert needed.within == within and needed.crossing == crossing
    assert any(needed.crossing.values())  # 其中 → 中标: the real words do cross


def test_needed_finds_what_in_finds_for_the_real_lists_on_the_real_texts():
    """The words of the extractor's own lists (about a hundred, several crossing one another: 其中, 中标 …) on every
    real passage and excerpt, whole and cut anywhere: one scan finds what a search with ``in`` for each finds."""
    lists = (pledge.PLEDGE_RULES, pledge.TENSE_RULES, pledge.FOUND_RULES, pledge.ELLIPSIS_RULES, pledge.ACTION_RULES,
             pledge.QUALIFIER_RULES, pledge.DEADLINE_RULES, pledge.OFFICIAL_RULES, pledge.DISTRICT_RULES)
    needed = Needed(lists)
    words = {w for rules_ in lists for r in rules_ for w in r.needs}
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        for piece in (text, text[1:301], text[len(text) // 3:]):
            assert needed.found(piece) == {w for w in words if w in piece}, path.name


def test_a_list_left_short_decides_as_the_whole_list_when_the_rules_left_out_answer_nothing():
    said = Rule("said", "said", "test", lambda c: "yes", ())
    fine = Rule("fine", "fine", "test", lambda c: None, ("罚",))
    whole = (fine, said)
    assert decide(asked(whole, "新建幼儿园3所"), None) == decide(whole, None) == ("yes", "said")


def test_every_rule_that_needs_words_names_words():
    needing = [r for r in REGISTRY.values() if r.needs]
    assert needing, "no rule names the words it needs"
    for r in needing:
        assert all(isinstance(w, str) and w for w in r.needs), r.id


def _everything(monkeypatch) -> None:
    # a document's lists are asked through Needed.asked (kept by the needed words found): every rule of each
    monkeypatch.setattr(rules.Needed, "asked", lambda self, found: self.lists)


def _read_all() -> list:
    out = []
    for path in TEXTS:
        raw = path.read_text(encoding="utf-8", errors="replace")
        for published in (dt.date(2021, 6, 30), None):
            doc = extract_document(raw, published=published)
            out.append((path.name, published, [c.to_dict() | {"why": c.why_dict()} for c in doc.candidates],
                        doc.declined))
    return out


def test_the_real_passages_read_the_same_with_every_rule_asked(monkeypatch):
    short = _read_all()
    _everything(monkeypatch)
    assert _read_all() == short


@pytest.mark.parametrize("rule_id", sorted(r.id for r in REGISTRY.values() if r.needs))
def test_a_rule_that_needs_words_is_left_out_where_they_are_missing(rule_id):
    r = REGISTRY[rule_id]
    text = "今年将新建幼儿园3所，改造老旧小区12个"
    assert not any(w in text for w in r.needs)
    assert r not in asked((r,), text)
    assert asked((r,), text + r.needs[0]) == (r,)
    assert rules.REGISTRY[rule_id] is r


def test_needed_asks_each_list_as_asked_does_whatever_it_kept_before():
    """Needed.asked keeps a list as asked by the needed words a text holds; each list then is what ``asked`` gives,
    for every real passage and excerpt in turn (the memo filled by the texts before it)."""
    lists = (pledge.PLEDGE_RULES, pledge.TENSE_RULES, pledge.ACTION_RULES, pledge.OFFICIAL_RULES, pledge.DISTRICT_RULES)
    needed = Needed(lists)
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        found = needed.found(text)
        assert needed.asked(found) == tuple(asked(rules_, text) for rules_ in lists), path.name
