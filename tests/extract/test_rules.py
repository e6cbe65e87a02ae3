"""The extractor as named rules: a registry with Chinese labels, rule lists in an explicit order,
and every candidate telling which rule decided each of its fields."""
from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest

import tracker.extract
from tracker.extract import extract_document, rules
from tracker.extract.pledges import (
    ACTION_RULES, DEADLINE_RULES, DISTRICT_RULES, ELLIPSIS_RULES, FOUND_RULES, OFFICIAL_RULES, PLEDGE_RULES,
    QUALIFIER_RULES, TENSE_RULES,
)
from tracker.extract.people import UNIT_RULES

ROOT = Path(__file__).resolve().parents[2]
LISTS = {"pledge": PLEDGE_RULES, "tense": TENSE_RULES, "object": FOUND_RULES + ELLIPSIS_RULES,
         "action": ACTION_RULES, "qualifier": QUALIFIER_RULES, "deadline": DEADLINE_RULES,
         "official": OFFICIAL_RULES, "district": DISTRICT_RULES, "responsible_unit": UNIT_RULES}
FALLBACKS = {"no_cue", "no_deadline"}  # what decides when nothing else does: no sentence motivates them


def _examples() -> str:
    """The real passages, the seeds and the rule tests: where a rule's motivating sentence comes from."""
    parts = []
    for path in [*sorted((ROOT / "tests/extract/real").glob("*.txt")), *sorted((ROOT / "seeds").glob("*.txt")),
                 *sorted((ROOT / "tests/extract").glob("test_*.py"))]:
        if path.name == Path(__file__).name:
            continue
        raw = path.read_bytes()
        try:
            parts.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            parts.append(raw.decode("gb18030"))
    return re.sub(r"\s+", "", "".join(parts))


def test_each_decision_is_an_ordered_list_of_registered_rules_of_that_decision():
    for decision, rule_list in LISTS.items():
        assert rule_list and len({r.id for r in rule_list}) == len(rule_list), decision
        for r in rule_list:
            assert rules.REGISTRY[r.id] is r and r.decision == decision, (decision, r.id)


def test_which_source_of_a_deadline_wins_is_the_order_of_the_list():
    order = [r.id for r in DEADLINE_RULES]
    assert order.index("deadline_in_quote") < order.index("sentence_opening_deadline") \
        < order.index("paragraph_lead_inherits") < order.index("list_lead_inherits") < order.index("report_year")
    assert order[-1] == "no_deadline"


def test_every_rule_names_its_phenomenon_and_quotes_a_real_or_rule_test_sentence():
    corpus = _examples()
    rules.labels()
    missing = []
    for r in rules.REGISTRY.values():
        doc = re.sub(r"\s+", "", r.fn.__doc__ or "")
        assert len(doc) > 20, r.id
        if r.id in FALLBACKS:
            continue
        runs = re.findall(r"[\u4e00-\u9fff0-9.%，、“”:：\-—]{8,}", doc)
        if not any(run.strip("，、.:：") in corpus for run in runs):
            missing.append((r.id, runs[:2]))
    assert not missing, missing


def test_every_candidate_says_which_rule_decided_each_field():
    text = (ROOT / "seeds" / "002_6211d498416fb23a.txt").read_text(encoding="utf-8")
    found = extract_document(text, published=dt.date(2021, 1, 15)).candidates
    assert found
    known = set(rules.labels())
    for c in found:
        assert [k for k, _ in c.why] == list(rules.FIELDS)
        assert set(c.why_dict().values()) <= known
        assert c.why_dict()["pledge"] == "forward_quantity"
        assert "why" not in c.to_dict()  # the contract's output is unchanged; --explain adds it


@pytest.mark.parametrize("text,published,quote,expected", [
    # the quote's own deadline wins over the sentence's opening year (2024年，… ；年底前…)
    ("2024年，我们将新建幼儿园3所，年底前改造老旧小区12个。", dt.date(2024, 1, 20), "年底前改造老旧小区12个",
     {"deadline": "deadline_in_quote", "object": "object_after_verb"}),
    ("2024年，我们将新建幼儿园3所，年底前改造老旧小区12个。", dt.date(2024, 1, 20), "我们将新建幼儿园3所",
     {"deadline": "sentence_opening_deadline", "tense": "cue_before_number"}),
    # a heading's year leads the paragraphs under it
    ("二、2024年工作安排\n\n新建幼儿园3所，改造老旧小区12个。", dt.date(2024, 1, 20), "改造老旧小区12个",
     {"deadline": "list_lead_inherits", "tense": "section_cue"}),
    ("今年计划新开工安置住房1.2万套，基本建成8000套。", dt.date(2021, 1, 15), "基本建成8000套",
     {"object": "elliptical_clause_object", "action": "verb_before_number"}),
    ("力争全年交通、水利、能源领域投资额分别达2400亿元、450亿元、1700亿元。", dt.date(2026, 1, 20), "450亿元",
     {"object": "respectively_splits", "qualifier": "modal_in_clause"}),
    ("今年将改造老旧小区12个，由市住建局牵头。", dt.date(2024, 1, 20), "今年将改造老旧小区12个",
     {"responsible_unit": "led_by", "deadline": "deadline_in_quote"}),
])
def test_the_rule_behind_a_field(text, published, quote, expected):
    cand = next(c for c in extract_document(text, published=published).candidates if c.quote == quote)
    why = cand.why_dict()
    assert {k: why[k] for k in expected} == expected


def test_a_document_speaker_given_by_the_user_is_named_as_such():
    from tracker.extract import Official

    doc = extract_document("今年将开工重点项目2000个以上。", published=dt.date(2026, 1, 20), district="安徽省",
                           official=Official("某某", "省长"))
    why = doc.candidates[0].why_dict()
    assert why["official"] == "given_speaker" and why["district"] == "given_district"


def test_the_version_hashes_the_rule_package_and_every_lexicon():
    here = Path(tracker.extract.__file__).parent
    names = {p.relative_to(here).as_posix() for p in tracker.extract.code_files()}
    assert {"pledges/deadline.py", "pledges/reader.py", "rules.py", "tokens.py", "people.py"} <= names
    assert {"lexicon/not_place_words.txt", "lexicon/not_place_words_extra.txt", "lexicon/time_words.txt"} <= names
    assert re.fullmatch(r"[0-9a-f]{12}", tracker.extract.EXTRACTOR_VERSION)


def test_people_no_longer_borrows_from_pledges_and_all_share_one_public_tokenizer():
    tree = ast.parse((ROOT / "tracker/extract/people.py").read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert "tracker.extract.tokens" in imported and not any(m.startswith("tracker.extract.pledges") for m in imported)
    # and no module of the extractor imports inside a function but for jieba, which costs a second to load, and
    # OpenCC, which only a text in traditional characters needs
    for path in (ROOT / "tracker/extract").rglob("*.py"):
        if path.name == "followup.py":
            continue
        for fn in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                inner = [n for n in ast.walk(fn) if isinstance(n, (ast.Import, ast.ImportFrom))]
                names = {a.name for n in inner for a in n.names} | {n.module for n in inner if isinstance(n, ast.ImportFrom)}
                assert names <= {"jieba", "opencc", "tracker.extract.pledges", "tracker.extract.people"}, \
                    (path.name, fn.name, names)
    from tracker.db import fulltext
    from tracker.extract import tokens

    assert tokens.cut("新建幼儿园3所")[:2] == ["新建", "幼儿园"]
    assert fulltext._freq() is tokens.tokenizer().FREQ
    for path in ("tracker/db/fulltext.py", "tracker/services/search.py", "tracker/extract/people.py"):
        assert "_tokenizer" not in (ROOT / path).read_text(encoding="utf-8").replace("tokens.tokenizer", "")
