"""The extractor's shortcuts for speed read exactly what the long way reads.

The object's words are cut by jieba only up to the character that ends an object read forwards,
or from the one that ends it read backwards (``base._ENDS_OBJECT_AFTER``, ``_ENDS_OBJECT_BEFORE``);
jieba's cuts of a window are remembered per document (``tokens.cut_words``). Each test reads the
same text with the shortcut and with it switched off (a pattern that never matches, an empty
cache) and wants the same answer, on real clauses and on any text hypothesis makes of the
characters that matter (digits of every kind, 、, quote marks, brackets, spaces).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract.pledges import base
from tracker.extract.tokens import cut, cut_words

NEVER = re.compile(r"(?!)")
REAL = Path(__file__).parent / "real"

# Han characters of pledges, and every kind of character the shortcut treats apart.
ALPHABET = list("新建改造幼儿园学校老旧小区项目个所万元公里达到年底前全部完成世界强企业改扩建及以上每人月") + \
    list("0123456789０１２３①²³ＡaB5G、，“”‘’\"（）《》() \u3000\t-.%+#&")


def _long_way(monkeypatch, fn, *args, **kwargs):
    monkeypatch.setattr(base, "_ENDS_OBJECT_AFTER", NEVER)
    monkeypatch.setattr(base, "_ENDS_OBJECT_BEFORE", NEVER)
    cut_words.cache_clear()
    try:
        return fn(*args, **kwargs)
    finally:
        monkeypatch.undo()
        cut_words.cache_clear()


@pytest.mark.parametrize("text, number", [
    ("建成、改造长安十小、长安六中、太乙中心校等11所中小学及幼儿园硬件设施", "11所"),  # 长安区 实事, 2022
    ("新建3所公办幼儿园（含“民办转公办”）、改造小学5所", "3所"),
    ("增加5000个普通高中招生计划", "5000个"),  # 内蒙古 民生实事, 2026
])
def test_object_after_the_number_is_read_the_same(monkeypatch, text, number):
    pos = text.index(number) + len(number)
    short = base._object_after(text, pos, len(text))
    assert short is not None
    assert short == _long_way(monkeypatch, base._object_after, text, pos, len(text))


@pytest.mark.parametrize("text, number", [
    ("全省地区生产总值增长5%", "5%"),  # 安徽, 2026
    ("改造（提升）城镇老旧小区1000个", "1000个"),
    ("引进（培育）世界500强企业3家", "3家"),
    ("力争，新建、改扩建幼儿园12所", "12所"),
])
def test_object_before_the_number_is_read_the_same(monkeypatch, text, number):
    pos = text.index(number)
    short = base._object_before(text, 0, pos)
    assert short is not None
    assert short == _long_way(monkeypatch, base._object_before, text, 0, pos)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=30), st.booleans())
def test_any_window_reads_the_same(window, named_verbs):
    with pytest.MonkeyPatch.context() as mp:
        short_after = base._object_after(window, 0, len(window))
        short_before = base._object_before(window, 0, len(window), named_verbs=named_verbs)
        long_after = _long_way(mp, base._object_after, window, 0, len(window))
        long_before = _long_way(mp, base._object_before, window, 0, len(window), named_verbs=named_verbs)
    assert short_after == long_after
    assert short_before == long_before


def test_remembered_cuts_are_jiebas_cuts():
    cut_words.cache_clear()
    text = (REAL / "neimenggu_minsheng_2026.txt").read_text(encoding="utf-8")[:400]
    first = cut_words(text)
    again = cut_words(text)
    assert again is first  # remembered, not cut twice
    assert list(first) == cut(text)
    assert cut_words.cache_info().hits == 1


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(ALPHABET), st.characters(min_codepoint=0x2F00, max_codepoint=0xFFFF),
                                  st.characters()), max_size=60))
def test_folding_is_the_fold_table(text):
    from tracker.extract.normalise import FOLD_TABLE, fold

    assert fold(text) == text.translate(FOLD_TABLE)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list("新建改造幼儿园学校老旧小区项目达到力争将全部完成提升工程用地建设05G，"), max_size=16))
def test_a_name_is_read_the_same_without_cutting(gap):
    """_is_name skips jieba when no stop word stands anywhere in the gap: the answer is jieba's."""
    stops = base._stops_before()
    assert base._is_name(gap) == (bool(gap) and base._NAME_CHARS.fullmatch(gap) is not None
                                  and not any(w in stops for w in cut(gap)))
