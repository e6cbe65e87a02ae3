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

from tracker.extract import lexicons
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


# ------------------------------------------------------------------ scans that skip what cannot match

def _lines_of_the_corpus() -> list[str]:
    return [line for path in sorted(REAL.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _numbers_the_long_way(work: str) -> list[tuple[int, int, str | None, str | None]]:
    """The scan of find_numbers as it was: every match of _CORE, a lone numeral character inside a word passed
    over in the loop (一流, 进一步), unless it may be a number (3所, 百分之三, 十余所)."""
    from tracker.extract import numbers

    can_follow, out, pos = numbers._can_follow(), [], 0
    while (m := numbers._CORE.search(work, pos)) is not None:
        start, end, cn = m.start(), m.end(), m.group("cn")
        pos = end
        if cn and len(cn) == 1 and work[end:end + 1] not in can_follow and not work.endswith("百分之", 0, start) \
                and not (cn in "十百千万" and work[end:end + 1] in ("余", "多")):
            continue
        out.append((start, end, m.group("ar"), cn))
    return out


def _numbers_the_short_way(work: str) -> list[tuple[int, int, str | None, str | None]]:
    from tracker.extract import numbers

    return [(m.start(), m.end(), m.group("ar"), m.group("cn")) for m in numbers._scan().finditer(work)]


NUMERALS = list("0123456789.,零〇○一二两三四五六七八九十百千万亿点半余多所个年月日%成倍级第每分之百统流进步") + list("，、 ")


def test_the_numbers_scan_finds_what_the_loop_found_in_the_corpus():
    from tracker.extract.normalise import fold

    lines = _lines_of_the_corpus()
    assert len(lines) > 500
    for line in lines:
        work = fold(line)
        assert _numbers_the_short_way(work) == _numbers_the_long_way(work), line


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=NUMERALS, max_size=24))
def test_the_numbers_scan_finds_what_the_loop_found(work):
    assert _numbers_the_short_way(work) == _numbers_the_long_way(work)


def test_a_number_token_built_into_its_dict_is_the_dataclass_token():
    import pickle
    from dataclasses import fields
    from decimal import Decimal

    from tracker.extract.model import Role
    from tracker.extract.numbers import NumberToken, number_token

    args = (3, 5, "quantity", Decimal("3"), Decimal("5"), "所", Role.COUNT, "3至5所")
    made, built = NumberToken(*args), number_token(*args)
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    assert list(vars(built)) == [f.name for f in fields(NumberToken)]  # every field, none more, in order
    assert pickle.loads(pickle.dumps(built)) == made


DIVISION_TEXT = list("某某县市区镇乡省州开发高新园示范保税试验委人民政府人大政协党工管会第三届召开举行长副：:2024年民生实事，。")


def _scan_spans(pattern: re.Pattern, text: str, start: int | None) -> list[tuple[int, int]]:
    return [] if start is None else [m.span(1) for m in pattern.finditer(text, start)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=DIVISION_TEXT, max_size=30))
def test_a_division_scan_starts_where_a_match_may(text):
    from tracker.extract import people

    for pattern in (people._GENERIC_DIVISION, people._ZONE_GOVERNMENT):
        assert _scan_spans(pattern, text, people._first_possible(pattern, text)) == \
            [m.span(1) for m in pattern.finditer(text)]


def test_a_division_scan_starts_where_a_match_may_in_the_corpus():
    from tracker.extract import people

    found = 0
    for line in _lines_of_the_corpus():
        for pattern in (people._GENERIC_DIVISION, people._ZONE_GOVERNMENT):
            whole = [m.span(1) for m in pattern.finditer(line)]
            assert _scan_spans(pattern, line, people._first_possible(pattern, line)) == whole, line
            found += len(whole)
    assert found > 20


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["今年", "将", "力争", "建成", "，", ",", "。", "；", "：", ":", "！", "!", "近年来", "2011年",
                                 "10月", "08", "-", " ", "来源", "发布时间", "编辑"]), max_size=12).map("".join))
def test_a_paragraphs_opening_and_dateline_are_read_as_before(text):
    from tracker.extract.pledges import deadline, frames

    assert frames._opening_clause(text) == re.split(r"[，,。；;：:]", text, maxsplit=1)[0]
    stop = frames._LEAD_STOP.search(text)
    assert (text[:stop.end()] if stop else text) == re.split(r"(?<=[。！!])", text, maxsplit=1)[0]
    assert deadline.dateline_dates_nothing(text) == (deadline._dateline_pattern().search(text) is not None)


# ------------------------------------------------------------------ deadline mentions found near their anchors

def _mentions_the_long_way(work: str) -> list[tuple[int, int]]:
    """The deadline pattern without the anchor lookahead, over the whole text: every match it had before."""
    from tracker.extract import deadlines

    pattern = deadlines._pattern().pattern
    first_class_end = pattern.index(")") + 1  # the first lookahead, (?=[\d…]), kept; the anchor's dropped
    body = pattern[pattern.index("(?:(?P<plan>"):]
    return [m.span() for m in re.compile(pattern[:first_class_end] + body).finditer(work)]


DEADLINE_TEXT = list("0123456789〇○零一二两三四五六七八九十今明后去上下本当次来前全年月日季度底末内以之至到个第未再“”\"-—~ ")
DEADLINE_WORDS = ["十四五", "十五五", "第十四个五年", "上半年", "一季度", "秋季开学", "汛期前", "暑假", "春节期间", "年底前",
                  "2022年至2025年", "2023—2025年", "未来3至5年", "今明两年", "下个月", "月底", "年中", "建设", "，", "。"]


def test_deadline_mentions_are_found_as_before_in_the_corpus():
    from tracker.extract.deadlines import _matches
    from tracker.extract.normalise import fold

    found = 0
    for line in _lines_of_the_corpus():
        work = fold(line)
        whole = _mentions_the_long_way(work)
        assert [m.span() for m in _matches(work)] == whole, line
        found += len(whole)
    assert found > 500


@pytest.mark.parametrize("text", [
    "2022 — 2025 年底前",  # the first anchor, 年, 12 characters after the start
    "用二〇二二 至 二〇二五年",  # 11
    "未来一十二 至 一十三个年内",  # 12: 未来, two numerals of three characters, 至 between spaces, 个
    "到主汛期前完成", "暑假期间", "下个月底前",
])
def test_deadline_mentions_farthest_from_their_anchor_are_found_as_before(text):
    from tracker.extract.deadlines import _matches

    assert [m.span() for m in _matches(text)] == _mentions_the_long_way(text) != []


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(DEADLINE_TEXT), st.sampled_from(DEADLINE_WORDS)), max_size=20).map("".join))
def test_deadline_mentions_are_found_as_before(text):
    from tracker.extract.deadlines import _matches

    assert [m.span() for m in _matches(text)] == _mentions_the_long_way(text)


# ------------------------------------------------------------------ word lists as trees of their shared beginnings

def _longest_first(words) -> list[str]:
    return sorted(set(words), key=len, reverse=True)


def _spans(pattern: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="长沙市县区北京.(", min_size=1, max_size=4), min_size=1, max_size=8),
       st.text(alphabet="长沙市县区北京.(新建X", max_size=30))
def test_a_tree_of_words_matches_as_their_alternation(words, text):
    from tracker.extract.lexicons import alternation

    words = _longest_first(words)
    flat, tree = "|".join(map(re.escape, words)), alternation(words)
    assert _spans(tree, text) == _spans(flat, text)
    # inside a longer pattern, where what follows decides which word is taken: the same words tried in the same order
    assert _spans(f"(?:{tree})[区县X]", text) == _spans(f"(?:{flat})[区县X]", text)
    assert _spans(f"[长北]?(?:{tree})(?=新)", text) == _spans(f"[长北]?(?:{flat})(?=新)", text)


@pytest.mark.parametrize("lexicon", ["titles", "departments", "numeral_idioms", "grant_words", "districts"])
def test_a_lexicons_tree_matches_as_its_alternation_in_the_corpus(lexicon):
    from tracker.extract import lexicons

    words = _longest_first(r[0] for r in lexicons.rows(lexicon))
    flat, tree = re.compile("|".join(map(re.escape, words))), re.compile(lexicons.alternation(words))
    found = 0
    for line in _lines_of_the_corpus():
        spans = [m.span() for m in flat.finditer(line)]
        assert [m.span() for m in tree.finditer(line)] == spans, line
        found += len(spans)
    assert found > 0


# ------------------------------------------------------------------ 了 found as a literal, its word's character looked back to

_PAST_LE_THE_LONG_WAY = re.compile(r"[\u4e00-\u9fff]了(?![解不起又])(?!就(?![业医学近餐诊读地位绪]))")


def test_past_le_finds_what_the_han_scan_found_in_the_corpus():
    from tracker.extract.pledges.base import past_le

    found = 0
    for line in _lines_of_the_corpus():
        spans = [m.span() for m in _PAST_LE_THE_LONG_WAY.finditer(line)]
        assert list(past_le(line)) == spans, line
        found += len(spans)
    assert found > 50


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=list("了了了建成解不起又就业干a1，。 "), max_size=20))
def test_past_le_finds_what_the_han_scan_found(text):
    from tracker.extract.pledges.base import past_le

    assert list(past_le(text)) == [m.span() for m in _PAST_LE_THE_LONG_WAY.finditer(text)]


def test_sentence_starts_are_where_the_lookbehind_found_them():
    from tracker.extract.pledges.deadline import _SENTENCE_MARK

    lookbehind = re.compile(r"(?<=[。！？!?])")
    for line in _lines_of_the_corpus() + ["。。!", "a。", "。a", ""]:
        assert [m.end() for m in _SENTENCE_MARK.finditer(line)] == [m.start() for m in lookbehind.finditer(line)], line


# ------------------------------------------------------------------ a paragraph's people and places read once

def test_a_paragraphs_people_and_places_are_read_once_as_before():
    """_people_in and _districts_of give find_people's and districts_in's answer for the block's text, read once
    a document: the second ask is the first answer, and another document's reading starts with no memo."""
    from tracker.extract.people import districts_in, find_people

    people = places = 0
    for i, line in enumerate(_lines_of_the_corpus()):
        reading = base._Reading(None)
        first = base._people_in(reading, i, line)
        assert first == tuple(find_people(line)), line
        assert base._people_in(reading, i, line) is first
        named = base._districts_of(reading, i, line)
        assert named == tuple(districts_in(line)), line
        assert base._districts_of(reading, i, line) is named
        assert base._Reading(None).people_of == {} and base._Reading(None).districts_of == {}
        people += len(first)
        places += len(named)
    assert people > 20 and places > 100


def test_the_real_passages_read_the_same_without_the_memo(monkeypatch):
    """Every real passage's candidates with the paragraph's people and places found afresh at each ask."""
    from tracker.extract import extract_document
    from tracker.extract.people import districts_in, find_people
    from tracker.extract.pledges import frames, speaker

    texts = [path.read_text(encoding="utf-8") for path in sorted(REAL.glob("*.txt"))]
    remembered = [[c.to_dict() for c in extract_document(t).candidates] for t in texts]
    monkeypatch.setattr(base, "_districts_of", lambda ctx, bi, btext: tuple(districts_in(btext)))
    monkeypatch.setattr(frames, "_districts_of", lambda ctx, bi, btext: tuple(districts_in(btext)))
    monkeypatch.setattr(frames, "_people_in", lambda ctx, bi, btext: tuple(find_people(btext)))
    monkeypatch.setattr(speaker, "_people_in", lambda ctx, bi, btext: tuple(find_people(btext)))
    afresh = [[c.to_dict() for c in extract_document(t).candidates] for t in texts]
    assert afresh == remembered
    assert sum(map(len, remembered)) > 500


# ------------------------------------------------------------------ pledge.py's words found before their lookbehind

_PRESENT_STOCK_THE_LONG_WAY = re.compile(
    "|".join(map(re.escape, lexicons.words("present_stock_words")))
    + r"|(?<![将要会没还未])有(?=[0-9０-９一二三四五六七八九十两几])"
    + r"|(?<=[县市区镇乡村省])有(?=[\u4e00-\u9fff]{2,8}[0-9０-９])")


def _spans_from(found):
    return [(m.span(), m.group(0)) for m in found]


def test_present_stock_words_are_found_as_the_lookbehinds_found_them_in_the_corpus():
    from tracker.extract.pledges.pledge import closes_word_before, present_stock_words

    has = 0
    for line in _lines_of_the_corpus():
        for pos, endpos in ((0, len(line)), (1, len(line) - 1), (len(line) // 2, len(line))):
            # less the words inside a longer one (rule cue_inside_word: 实现在 is 实现 + 在), which no lookbehind tells
            old = [(span, word) for span, word in _spans_from(_PRESENT_STOCK_THE_LONG_WAY.finditer(line, pos, endpos))
                   if len(word) == 1 or not closes_word_before(line, span[0])]
            assert _spans_from(present_stock_words(line, pos, endpos)) == old, (line, pos, endpos)
            has += sum(1 for _, word in old if word == "有")
    assert has > 20


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=list("有有有将没县市目前现有拥共林地面积13一两，。a "), max_size=20), st.integers(0, 20), st.integers(0, 20))
def test_present_stock_words_are_found_as_the_lookbehinds_found_them(text, pos, endpos):
    from tracker.extract.pledges.pledge import present_stock_words

    assert (_spans_from(present_stock_words(text, pos, endpos))
            == _spans_from(_PRESENT_STOCK_THE_LONG_WAY.finditer(text, pos, endpos)))


def _lookbehind_patterns():
    from tracker.extract.pledges import pledge

    # (the pattern as it was, opening on its lookbehind; the pattern searched now; the word it may not follow)
    return [
        (re.compile(rf"(?<!不)(?:{pledge._alternation('rate_change_words')})"), pledge._CHANGE_BEFORE_GRANT, "不"),
        (re.compile(rf"(?<!不)(?:{pledge._alternation('comparison_above')})[^，,。；;的]{{1,16}}$"),
         pledge._OTHER_FIGURE, "不"),
    ]


def _found(m):
    return None if m is None else (m.span(), m.group(0))


def test_words_not_after_a_word_are_found_as_the_lookbehind_found_them_in_the_corpus():
    """search_not_after finds what the lookbehind-led pattern found, in every real line before each of its
    digits (as the rules search the text before a number) and in windows that start inside the line."""
    from tracker.extract.pledges.pledge import search_not_after

    found = 0
    for old, new, word in _lookbehind_patterns():
        for line in _lines_of_the_corpus():
            ends = [i for i, ch in enumerate(line) if ch.isdigit()] + [len(line)]
            for end in ends:
                want = _found(old.search(line, 0, end))
                assert _found(search_not_after(new, word, line, 0, end)) == want, (line, end)
                assert _found(search_not_after(new, word, line[:end])) == _found(old.search(line[:end]))
                found += want is not None
            half = len(line) // 2
            assert _found(search_not_after(new, word, line, half)) == _found(old.search(line, half)), line
    assert found > 100


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=list("不不不高于提高到超过达增长比的，。1 "), max_size=24), st.integers(0, 24), st.integers(0, 24))
def test_words_not_after_a_word_are_found_as_the_lookbehind_found_them(text, pos, endpos):
    from tracker.extract.pledges.pledge import search_not_after

    for old, new, word in _lookbehind_patterns():
        assert _found(search_not_after(new, word, text, pos, endpos)) == _found(old.search(text, pos, endpos))


# ------------------------------------------------------------------ speed18: scans skipped where their words are missing

_QUOTED_NAME_THE_LONG_WAY = re.compile(r"[“‘「『\"]([^“”‘’「」『』\"\n，。；！？,;]{1,16})[”’」』\"]|《[^《》\n]{1,60}》")
QUOTE_TEXT = list("“”‘’「」『』\"《》\n，。；！？,;新建幼儿园计划所3") + ["十四五", "“双减”", "《纲要》"]


def _quoted(pattern, text):
    return [(m.start(), m.end(), m.group(1)) for m in pattern.finditer(text)]


def test_quoted_names_are_found_as_the_alternation_found_them_in_the_corpus():
    from tracker.extract.numbers import _QUOTED_NAME

    found = 0
    for line in _lines_of_the_corpus():
        spans = _quoted(_QUOTED_NAME_THE_LONG_WAY, line)
        assert _quoted(_QUOTED_NAME, line) == spans, line
        found += len(spans)
    assert found > 50


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(QUOTE_TEXT), max_size=30).map("".join))
def test_quoted_names_are_found_as_the_alternation_found_them(text):
    from tracker.extract.numbers import _QUOTED_NAME

    assert _quoted(_QUOTED_NAME, text) == _quoted(_QUOTED_NAME_THE_LONG_WAY, text)


SPAN_TEXT = ["未来", "年内", "年", "内", "三", "五", "2", "10", "，", "将", "建成", "未", "来"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(SPAN_TEXT), max_size=16).map("".join))
def test_a_span_ahead_needs_one_of_its_words(text):
    """cues._block_cues scans for 未来N年 and N年内 only where 未来 or 年内 stands: every match holds one."""
    for m in base._FUTURE_SPAN.finditer(text):
        assert "未来" in m.group() or "年内" in m.group()


def test_kind_numbers_need_one_of_their_words():
    """numbers._masked_spans scans for 5人制 only where a word of lexicon kind_number_words stands: every match of
    kind_number_pattern ends with one."""
    from tracker.extract.numbers import _kind_number_words, kind_number_pattern

    words = _kind_number_words()
    assert words == tuple(lexicons.words("kind_number_words"))
    for text in ["2个5人制足球场", "计划建设11人制、5人制足球场各一个", "新建球场五人制50万元/片", "7(8)人制"]:
        matches = [m.group() for m in kind_number_pattern().finditer(text)]
        assert matches and all(m.endswith(words) for m in matches)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["超过", "超", "不少于", "累计", "达到", "新增", "建成", "约", "近", "以上", "余",
                                 "3", "万户", "个", "，", "共", "过"]), max_size=10).map("".join),
       st.sampled_from(["3个", "3万余户", "100公里", "1万家"]))
def test_a_hedge_before_a_number_is_read_as_with_the_verbs_always_read(head, number):
    """base._bound_qualifier reads the verbs before the number only when one of the prefixes stands in the head."""
    from tracker.extract.numbers import find_numbers

    text = head + number
    qs = [t for t in find_numbers(text) if t.start >= len(head)]
    if not qs:
        return
    suffixes, prefixes, _ = base._qualifier_lists()
    short = base._bound_qualifier(text, 0, qs[0], suffixes, prefixes)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(base, "_any_word_in", lambda words, text: True)
        long = base._bound_qualifier(text, 0, qs[0], suffixes, prefixes)
    assert short == long
