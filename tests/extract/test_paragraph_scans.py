"""A paragraph's matches found once read what a scan from the paragraph's start to each quote reads.

``base.block_matches`` finds a pattern's matches in the whole paragraph once for all its quotes; the rules
that looked back from a quote to the paragraph's start (``completion_frame``, ``plan_outline_states``) and the
one that asks whether a grant word stands anywhere in it (``policy_terms``) take the matches ending before the
quote by bisection. That kept one long paragraph from reading in quadratic time. These tests compare, at every
offset where a number may start, the matches so taken with those of the scan the rules made before
(``pattern.finditer(text, paragraph_start, offset)``), on every paragraph of the real passages and on any text
hypothesis makes of the words the patterns look for.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract.pledges import base, pledge, tense

REAL = Path(__file__).parent / "real"
PATTERNS = {
    "completion_frames": pledge._COMPLETION_FRAME,
    "outline_states": tense._OUTLINE_STATES,
    "grant_words": pledge._GRANT,
}
NUMERAL = re.compile(r"[0-9０-９一二三四五六七八九十百千万两]")


def _context(text: str, start: int, end: int) -> SimpleNamespace:
    return SimpleNamespace(text=text, block=SimpleNamespace(start=start, end=end), para_memo={})


def _same_reading(text: str, start: int, end: int) -> None:
    c = _context(text, start, end)
    offsets = {m.start() for m in NUMERAL.finditer(text, start, end)} | {start, end}
    for name, pattern in PATTERNS.items():
        ends, found = base.block_matches(c, pattern)
        for e in sorted(offsets):
            long_way = [(m.start(), m.end()) for m in pattern.finditer(text, start, e)]
            k = bisect_right(ends, e)
            assert [(m.start(), m.end()) for m in found[:k]] == long_way, (name, text[start:end], e)
    stops = base.block_positions(c, "。")
    assert stops == [i for i in range(start, end) if text[i] == "。"]
    for a, b in ((start, end), (start + (end - start) // 3, end - (end - start) // 4)):
        assert bisect_left(stops, b) - bisect_left(stops, a) == (text.count("。", a, b) if a <= b else 0)


def _paragraphs(text: str):
    at = 0
    for line in text.split("\n"):
        if line.strip():
            yield at, at + len(line)
        at += len(line) + 1


@pytest.mark.parametrize("path", sorted(REAL.glob("*.txt")), ids=lambda p: p.name)
def test_a_paragraphs_matches_found_once_are_the_scans_to_each_quote(path):
    text = path.read_text(encoding="utf-8")
    for start, end in _paragraphs(text):
        _same_reading(text, start, end)


# the words the three patterns look for, their stops, and what stands between them in real paragraphs
PIECES = ["完成情况", "来看", "：", "，", "。", "《", "》", "纲要", "规划纲要（草案）", "明确", "提出", "了", "的", "目标",
          "指标", "奖励", "补贴", "补助", "给予", "对", "新建", "项目", "5", "10个", "三", "亿元", "2021年", "；", "、"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40), st.integers(0, 6))
def test_any_paragraph_of_those_words_reads_the_same(pieces, lead):
    paragraph = "".join(pieces)
    text = "前文。\n" * lead + paragraph + "\n后文"
    start = 4 * lead
    _same_reading(text, start, start + len(paragraph))


def test_a_paragraphs_matches_are_kept_by_the_patterns_identity_and_never_given_to_another():
    """block_matches keeps a paragraph's matches by the pattern's identity (hashing a compiled pattern hashes its
    code): each pattern gets its own matches from one memo, and a pattern that comes to hold a freed one's id (a
    pattern built for one call) is not handed the matches kept for the other."""
    text = "完成情况：新增就业1.2万人，给予企业200万元奖励。"
    c = _context(text, 0, len(text))
    for pattern in PATTERNS.values():
        assert [m.span() for m in base.block_matches(c, pattern)[1]] == [m.span() for m in pattern.finditer(text)]
    other = re.compile("奖励")
    c.para_memo[("matches", id(other))] = (pledge._GRANT, [999], [])  # as if another pattern had held its id
    assert [m.span() for m in base.block_matches(c, other)[1]] == [m.span() for m in other.finditer(text)]
