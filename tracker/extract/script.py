"""Texts in traditional characters, read through a simplified reading of the same length.

A mirror site's copy of a county's news (甘谷縣第十八屆人民代表大會…重點抓好10件民生實事:), a Big5 file,
a Hong Kong paper: the rules and word lists of the extractor are written in simplified characters and find
nothing in them. Such a text is read through its simplified reading (OpenCC's t2s conversion, one character
for one, so every offset holds), and what the extractor hands out is taken back from the text as written:
the quote, the quantities' words, the action, the object and the names are the characters the document
shows (``as_written``). The stored text is never converted. A mirror's copy that writes the pinyin of its
characters in brackets after them (會(huì)議) is read without the pinyin, a position map carrying the offsets.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from tracker.extract import lexicons
from tracker.extract.model import Candidate

# At least this many markers, and this share of the Han characters: a simplified text quoting a name in
# traditional characters (《國語》, a Hong Kong company) stays simplified.
MIN_MARKERS = 5
MIN_SHARE = 0.02
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Corner brackets are the quotation marks of traditional texts; the rules read “ ” and ‘ ’.
_BRACKETS = str.maketrans("「」『』", "“”‘’")


@cache
def _markers() -> re.Pattern:
    chars = "".join(lexicons.words("traditional_markers"))
    return re.compile(f"[{re.escape(chars)}]")


def is_traditional(text: str) -> bool:
    """Whether ``text`` is written in traditional characters (one scan for a simplified text: no marker)."""
    markers = _markers()
    if markers.search(text) is None:
        return False
    found = len(markers.findall(text))
    return found >= MIN_MARKERS and found >= MIN_SHARE * len(_HAN.findall(text))


@cache
def _converter():
    import opencc  # only a text in traditional characters needs it

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """The simplified reading of ``text``: the same length, character for character.

    OpenCC converts phrases as well as characters (乾隆 keeps its 乾); where a phrase would change the length of
    a line, that line is converted a character at a time."""
    convert = _converter().convert
    out = convert(text)
    if len(out) != len(text):
        lines = []
        for line in text.split("\n"):
            read = convert(line)
            lines.append(read if len(read) == len(line) else "".join(
                ch2 if len(ch2 := convert(ch)) == 1 else ch for ch in line))
        out = "\n".join(lines)
    return out.translate(_BRACKETS)


# The pinyin some mirror sites write in brackets after characters (會(huì)議, 實(shí)事, 網(wǎng)訊): a syllable with its tone
# mark right after a Han character. A text holding at least MIN_PINYIN of them is read without them.
# Found as a bracket (which the engine scans for), the character before it checked after: a pattern led by a
# lookbehind is tried at every position of the text, four times the cost of a whole reading's scan for markers.
_PINYIN = re.compile(r"\([a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,6}\)")
MIN_PINYIN = 3


def _pinyin_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PINYIN.finditer(text) if m.start() and "\u4e00" <= text[m.start() - 1] <= "\u9fff"]


def reading_of(text: str) -> tuple[str, list[int] | None] | None:
    """The reading of a text in traditional characters or with bracketed pinyin: its simplified reading, without
    the pinyin, and where each of its characters stands in ``text`` (None when the reading is one for one, which
    a text without pinyin's is); None for a text in simplified characters without pinyin, read as it is."""
    traditional = is_traditional(text)
    pinyin = _pinyin_spans(text) if "(" in text else ()
    if not traditional and len(pinyin) < MIN_PINYIN:
        return None
    reading = simplified(text) if traditional else text
    if len(pinyin) < MIN_PINYIN:
        return reading, None
    return _without_pinyin(reading, pinyin)


def reading_of_piece(text: str, *, traditional: bool = False) -> tuple[str, list[int] | None] | None:
    """The reading of a short piece cut from a text (a pledge's quote or object as the extractor printed it from a
    traditional page), as ``reading_of`` gives a whole text's, without its thresholds: one traditional character
    or one bracketed syllable after a character is enough, a piece being too short to count them (力爭固定資產(chǎn)投資
    增幅16%以上 holds four markers and one syllable). Converting a simplified character changes nothing, so a
    marker found in a simplified piece costs a conversion and no more. None for a piece with neither.
    ``traditional``: the piece comes from a text known to be traditional (a word of a traditional quote: 額 of
    限上社零額 is no marker), and is converted whatever it holds."""
    traditional = traditional or _markers().search(text) is not None
    pinyin = _pinyin_spans(text) if "(" in text else ()
    if not traditional and not pinyin:
        return None
    reading = simplified(text) if traditional else text
    if not pinyin:
        return reading, None
    return _without_pinyin(reading, pinyin)


def as_written(c: Candidate, text: str, reading: str, paragraph: tuple[int, int],
               positions: list[int] | None = None) -> Candidate:
    """A candidate read from ``reading`` with its words taken from ``text`` as written: each word is looked up
    in the reading, inside the quote first, then in its paragraph before the quote, then anywhere, then as the
    quote's characters in order; a word the reading does not hold (a name the user gave, a unit the extractor
    spells its own way) is kept as it is. ``positions`` says where each character of the reading stands in
    ``text`` (and, last, the text's length) when the reading left some out (the pinyin after a character, which
    is handed out with it); offsets are carried over by it."""
    at = positions.__getitem__ if positions is not None else int

    def span(i: int, j: int) -> tuple[int, int]:
        # a character as written runs to the next one the reading kept: its bracketed pinyin is part of it
        return at(i), at(j)

    def written(word: str | None, lo: int = c.start, hi: int = c.end) -> str | None:
        if not word:
            return word
        i = reading.find(word, lo, hi)
        if i < 0:
            i = reading.rfind(word, paragraph[0], hi)
        if i < 0:
            i = reading.find(word)
        if i >= 0:
            a, b = span(i, i + len(word))
            return text[a:b]
        # a word the extractor joined from pieces of the quote (农村妇女两癌免费检查 of 农村妇女“两癌”免费检查): its
        # characters in order, each as written where the reading has it
        out, j = [], c.start
        for ch in word:
            j = reading.find(ch, j, c.end)
            if j < 0:
                return word
            out.append(text[at(j)])
            j += 1
        return "".join(out)

    quantities = []
    for q in c.quantities:
        a, b = span(q.start, q.end)
        quantities.append(replace(q, start=a, end=b, raw=text[a:b], unit=written(q.unit, q.start, q.end)))
    deadline = c.deadline
    if deadline.raw:
        deadline = replace(deadline, raw=written(deadline.raw))
    official = c.official
    if official is not None:
        official = replace(official, name=written(official.name), title=written(official.title))
    start, end = span(c.start, c.end)
    return replace(c, quote=text[start:end], start=start, end=end, quantities=tuple(quantities),
                   action=written(c.action), object=written(c.object), qualifier=written(c.qualifier),
                   deadline=deadline, district=written(c.district), official=official,
                   responsible_unit=written(c.responsible_unit))


def _without_pinyin(reading: str, pinyin) -> tuple[str, list[int]]:
    """``reading`` without the bracketed pinyin spans, and for each character kept its offset in the text: the
    pinyin is ASCII and brackets, so its spans stand at the same places in the text and in its simplified reading."""
    kept, pieces, at = [], [], 0
    for start, end in pinyin:
        pieces.append(reading[at:start])
        kept.extend(range(at, start))
        at = end
    pieces.append(reading[at:])
    kept.extend(range(at, len(reading)))
    return "".join(pieces), kept
