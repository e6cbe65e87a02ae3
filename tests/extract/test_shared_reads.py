"""What the reader now reads once for several rules reads what each rule read before (issue 9, speed).

``people.departments_in`` scans a paragraph for departments only when it holds a department's name;
``frames._opening`` reads a paragraph's opening clause once for the three paragraph frames;
``base.actions_between`` remembers the verbs of a window a candidate's rules ask for again. Each is
compared with the scan it replaces on every paragraph of the real passages, and the first on any text
hypothesis makes of department names, division names and other words."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract import lexicons
from tracker.extract.people import department_pattern, departments_in
from tracker.extract.pledges import base, frames

REAL = Path(__file__).parent / "real"


def _paragraphs() -> list[str]:
    out = []
    for path in sorted(REAL.glob("*.txt")):
        out += [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    return out


PARAGRAPHS = _paragraphs()


def _spans(matches) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in matches]


def test_departments_of_every_real_paragraph():
    found = 0
    for text in PARAGRAPHS:
        expected = _spans(department_pattern().finditer(text))
        assert _spans(departments_in(text)) == expected, text
        found += bool(expected)
    assert found >= 10  # the passages name departments: the comparison is not only of empty lists


_WORDS = list(lexicons.words("departments")[:60]) + ["淄博市", "张店区", "县", "市", "区", "镇", "省", "将", "新建", "，", "。",
                                               "教育", "局长", "3所", "人民政府", "发布", "介绍"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30))
def test_departments_of_any_text(words):
    text = "".join(words)
    assert _spans(departments_in(text)) == _spans(department_pattern().finditer(text))


def test_opening_of_every_real_paragraph():
    for text in PARAGRAPHS:
        first = frames._opening_clause(text)
        assert frames._opening(text) == (first, frames._INTENT.search(first) is not None,
                                         frames._TIME_NAMED.search(first) is not None)


def test_verbs_of_windows_of_every_real_paragraph():
    scan, hidden = base._verb_scan()
    for text in PARAGRAPHS[:400]:
        n = len(text)
        for start, end in ((0, n), (n // 5, n // 2), (n // 3, n), (1, max(1, n - 1))):
            direct = [m for m in scan.finditer(text, start, end)
                      if text[m.start() - 1:m.start()] != "总" and m.group(0) not in hidden]
            assert _spans(base._actions_in(text, start, end)) == _spans(direct)
            assert _spans(base._actions_in(text, start, end)) == _spans(direct)  # the remembered answer


@pytest.mark.parametrize("text", ["计划新建幼儿园3所，改造提升老旧小区12个", "发放城镇住房保障家庭租赁补贴1.6万户"])
def test_a_caller_shortening_its_verbs_leaves_the_next_callers_alone(text):
    first = base._actions_in(text, 0, len(text))
    assert first
    first.pop()
    assert len(base._actions_in(text, 0, len(text))) == len(first) + 1
