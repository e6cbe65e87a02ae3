"""The memo of ``re``'s character-class optimiser (tracker.extract.charsets): every pattern the extractor
compiles compiles to the same code with it as without it."""
from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import extract_helpers
import tracker.extract

_compiler = getattr(re, "_compiler", None)
_parser = getattr(re, "_parser", None)
pytestmark = pytest.mark.skipif(_compiler is None or not getattr(_compiler._optimize_charset, "remembers", False),
                                reason="re has no _compiler._optimize_charset to wrap")


def _code(pattern: re.Pattern) -> list[int]:
    return _compiler._code(_parser.parse(pattern.pattern, pattern.flags), pattern.flags)


def test_every_pattern_compiles_to_the_same_code():
    patterns = extract_helpers.extractor_patterns()
    assert len(patterns) > 150  # the modules' patterns and the ones their cached builders make
    remembered = _compiler._optimize_charset
    with_memo = [_code(p) for p in patterns]
    with_memo_again = [_code(p) for p in patterns]  # now every class from the memo
    _compiler._optimize_charset = remembered.original
    try:
        without = [_code(p) for p in patterns]
    finally:
        _compiler._optimize_charset = remembered
    assert with_memo == without
    assert with_memo_again == without


@pytest.mark.parametrize("pattern, text", [
    (r"[\u4e00-\u9fff]{2,4}(?:县|区)", "今年张店区将新建幼儿园3所"),
    (r"(?i)[a-zà-ÿ\u0400-\u04ff]+", "ABC Éte ЖЖ"),
    (r"[^\u4e00-\u9fffA-Za-z0-9]+", "新建，, 3所"),
])
def test_a_class_reads_the_same_after_the_memo(pattern, text):
    before = re.compile(pattern).findall(text)
    re.purge()  # compiled again: its classes now from the memo
    assert re.compile(pattern).findall(text) == before
    assert _compiler._optimize_charset.remembers


def test_wrapped_once():
    fn = _compiler._optimize_charset
    assert tracker.extract.charsets.remember_charsets() is True
    assert _compiler._optimize_charset is fn


_CODE_POINTS = st.one_of(st.integers(0x21, 0x7e), st.integers(0xa0, 0x2fff), st.integers(0x3000, 0x9fff),
                         st.integers(0xff00, 0xffff), st.integers(0x10000, 0x10ffff))


def _class_item(pair: tuple[int, int]) -> str:
    lo, hi = sorted(pair)
    return re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"


@settings(max_examples=150, deadline=None)
@given(negate=st.booleans(), items=st.lists(st.tuples(_CODE_POINTS, _CODE_POINTS), min_size=1, max_size=6),
       escapes=st.lists(st.sampled_from([r"\d", r"\s", r"\w", ""]), max_size=2))
def test_the_quick_path_answers_as_re_does(negate, items, escapes):
    from hypothesis import assume

    from tracker.extract.charsets import _quick_charset

    body = "".join(_class_item(p) for p in items) + "".join(escapes)
    parsed = list(_parser.parse(f"[{'^' if negate else ''}{body}]"))
    assume(len(parsed) == 1 and parsed[0][0] is _compiler.IN)
    charset = parsed[0][1]
    assert _quick_charset(charset, _compiler) == _compiler._optimize_charset.original(charset)


@pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="the quick path copies Python 3.11's compression")
def test_the_quick_path_is_on_here():
    assert _compiler._optimize_charset.quick  # this Python's re answers every probe as the quick path does
