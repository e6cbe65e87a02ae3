"""From a decoded document to the text ``tracker`` stores, and its paragraphs.

OCR'd newspaper pages cut sentences with blank lines in the middle of a word
(``数字经济项\\n\\n目建设``). The normalised text joins such cuts, keeps real
paragraph ends as one ``\\n``, strips the white space around lines and keeps
everything else as it was: no character is changed, so the text can be stored
once and every offset the extractor gives indexes into it.

Paragraphs are classified: ``body`` (read for pledges), ``heading`` (read for
context: section leads, interview titles) and what is set aside (``byline``,
``ad``, ``caption``, ``furniture``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from tracker.extract import lexicons
from tracker.extract.script import reading_of

# Sentence-final marks; a line ending in one (possibly behind closing quotes) ends its paragraph.
FINAL = "。！？!?…"
CLOSERS = "”’」』）)》】\"'"
# A line ending in one of these was cut mid-sentence.
CONTINUING_END = "，,、；;：:（(“‘《【—-"
# A line starting with one of these continues the line before.
CONTINUING_START = "，,、；;：:。！？!?”’）)》】"
_MARKER = re.compile(r"^(?:#|[-•·*]\s|[▪■●◆]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[、.．]\D|第[一二三四五六七八九十\d]+[章节部分条])")
_PROSE_PUNCT = re.compile(r"[，,；;。]")
_SENTENCE_INSIDE = re.compile(r"[。！？!?][”’\"]?[（(]")
_WEATHER = re.compile(r"\d\s*[~～-]\s*\d+\s*℃|\d+\s*℃")

SET_ASIDE = frozenset({"byline", "ad", "caption", "furniture"})
# Paragraphs at most this long and without a final mark read as headings or page furniture.
SHORT = 50
MIN_PROSE = 10
_BULLETS = ("▪", "■", "●", "◆")
_BULLET_HEADING = 12  # characters of a line after a bulleted item that may head the next list
_BRACKETED = re.compile(r"[（(][^（()）]{0,20}[）)]")
_SPACED = re.compile(r"[\u4e00-\u9fff”」』）)]\s+\S")

# Private-use code points a news corpus writes where a paragraph ends: SogouCA and SogouCS (搜狗's corpora of 2012
# news) end every paragraph with U+E40C, so a copied article runs on in one line with the mark between its
# paragraphs ("…并实现通存通取。\ue40c前天上午，…", "条例亮点\ue40c１设置一批…"). Read as the line break it stands for,
# as "\r" is; tracker.reading does not count it as a sign of binary content (its PARAGRAPH_MARKS, the same mark).
PARAGRAPH_MARKS = "\ue40c"

# Full-width ASCII to half-width, ideographic space to space: one character for one, so offsets hold.
FOLD_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


_WIDE = re.compile("[\uff01-\uff5e\u3000]")
_FOLDED = {chr(wide): chr(narrow) for wide, narrow in FOLD_TABLE.items()}
# The wide signs of ordinary Chinese prose (nine in ten of the wide characters of the real passages
# are its commas), folded by str.replace, which copies the text in C, before the rarer ones.
_COMMON_WIDE = "，（）：；％！？"


def _fold_one(m: re.Match) -> str:
    return _FOLDED[m.group()]


def fold(text: str) -> str:
    """A working copy with full-width letters, digits and signs folded; same length as ``text``.

    The wide characters are replaced where they stand (``str.translate`` with ``FOLD_TABLE`` gives
    the same text four times slower on Chinese text: it looks up every character in the table); the
    common signs a whole text at a time, the rest one match at a time (half the time of matching
    them all: a Python call per comma is what costs). A text with no wide character (most of the short ones the
    rules fold: a number's raw words, a date) comes back as it is after one scan."""
    if _WIDE.search(text) is None:
        return text
    for wide in _COMMON_WIDE:
        if wide in text:
            text = text.replace(wide, _FOLDED[wide])
    return _WIDE.sub(_fold_one, text)


@lru_cache(maxsize=64)
def folded(text: str) -> str:
    """``fold``, remembered: a paragraph is folded for its numbers (``find_numbers``) and again for its deadlines
    (``find_deadlines``). ``tracker.extract.extract_text`` empties it per document, as it does ``find_numbers``."""
    return fold(text)


@dataclass(frozen=True)
class Block:
    """One paragraph of the normalised text (its offsets) and what kind of paragraph it is."""

    start: int
    end: int
    kind: str  # body, heading, byline, ad, caption, furniture

    @property
    def set_aside(self) -> bool:
        return self.kind in SET_ASIDE


@dataclass(frozen=True)
class Normalised:
    """A document's text as the extractor reads it, cut into paragraphs."""

    text: str
    blocks: tuple[Block, ...]
    # a text in traditional characters or with bracketed pinyin (tracker.extract.script): its reading, which the
    # extractor reads; the paragraphs were joined and classified on it
    reading: str | None = None
    # when the reading left characters out (the pinyin): its paragraphs, and where each of its characters
    # stands in ``text`` (its length last); None when the reading is one for one
    reading_blocks: tuple[Block, ...] | None = None
    positions: tuple[int, ...] | None = None

    def block_text(self, block: Block) -> str:
        return self.text[block.start:block.end]


def _ends_paragraph(line: str) -> bool:
    tail = line.rstrip(CLOSERS)
    return bool(tail) and tail[-1] in FINAL


def _joins(prev: str, nxt: str, par: str | None = None) -> bool:
    """Whether ``nxt`` continues the sentence that ``prev`` was cut from; ``par`` is the
    paragraph so far (``prev`` and the lines joined before it)."""
    if _ends_paragraph(prev) or _MARKER.match(nxt):
        return False
    if prev[-1] in CONTINUING_END or nxt[0] in CONTINUING_START:
        return True
    # A line of prose that stops without a mark was cut by the page (a narrow
    # column cuts every line). A headline ends where it stops: it has no commas
    # inside, or its phrases stand apart with spaces, which Chinese prose does not
    # use (a byline's （记者 赵敏） aside).
    prose = _BRACKETED.sub("", par or prev)
    # after a bulleted item (■健全多层次社会保障体系,…慈善制度) a short line without punctuation is the
    # next list's heading (2021任务清单), not the item's cut end
    if (par or prev).startswith(_BULLETS) and len(nxt) <= _BULLET_HEADING and not _PROSE_PUNCT.search(nxt):
        return False
    if len(prose) < MIN_PROSE or not _PROSE_PUNCT.search(prose) or _SPACED.search(prose) or not prev[-1].isalnum():
        return False
    if len(prev) <= 40:
        # a short ad or byline line stops where it stops; but a byline in brackets opening a
        # sentence (本报讯（记者 赵敏）记者从…获悉，今年) goes on
        prose_line = bool(_PROSE_PUNCT.search(_BRACKETED.sub("", prev)))
        if any(cue in prev and not (kind == "byline" and prose_line) for cue, kind in _furniture_cues()):
            return False
    return len(nxt) >= 8 or _ends_paragraph(nxt)


def _classify(par: str) -> str:
    if "℃" in par and len(par) <= 200 and len(_WEATHER.findall(fold(par))) >= 2:
        return "furniture"
    final = _ends_paragraph(par)
    # A byline is a short line without a final mark; a sentence that mentions
    # 记者 is prose. Ads and captions may end with a full stop.
    if len(par) <= (60 if final else 80):
        for cue, kind in _furniture_cues():
            if cue in par and (not final or kind in ("ad", "caption")):
                return kind
    # a whole sentence with a note after it (…25家。（牵头单位：县工信局）) is prose, not a heading
    if par.startswith("#") or (len(par) <= SHORT and not final and not _SENTENCE_INSIDE.search(par)):
        return "heading"
    return "body"


@cache
def _furniture_cues() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(lexicons.mapping("furniture").items(), key=lambda kv: -len(kv[0])))


def _paragraphs(lines: list[str]) -> list[list[int]]:
    """The stripped lines' indices, grouped by the paragraph they join into."""
    groups: list[list[int]] = []
    par = ""  # the last paragraph so far
    for i, line in enumerate(lines):
        if not line:
            continue
        if groups and _joins(lines[groups[-1][-1]], line, par):
            groups[-1].append(i)
            par += line
        else:
            groups.append([i])
            par = line
    return groups


def normalise(raw: str) -> Normalised:
    """Join OCR cuts, keep paragraph ends (a paragraph mark of PARAGRAPH_MARKS is one), classify paragraphs. Never
    changes a character otherwise. A text in traditional characters or with bracketed pinyin is joined and
    classified on its reading (``tracker.extract.script.reading_of``), which the result keeps beside the text."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    for mark in PARAGRAPH_MARKS:
        if mark in raw:
            raw = raw.replace(mark, "\n")
    got = reading_of(raw)
    reading, kept = got if got is not None else (None, None)
    lines = [line.strip() for line in (reading if reading is not None else raw).split("\n")]
    groups = _paragraphs(lines)
    pars = ["".join([lines[i] for i in group]) for group in groups]
    blocks, pos = [], 0
    for par in pars:
        blocks.append(Block(pos, pos + len(par), _classify(par)))
        pos += len(par) + 1
    if reading is None:
        return Normalised("\n".join(pars), tuple(blocks))
    # the reading changes no white space: the same characters are stripped from a line as written
    raw_lines = raw.split("\n")
    written = [line.strip() for line in raw_lines]
    text = "\n".join("".join([written[i] for i in group]) for group in groups)
    if kept is None:
        return Normalised(text, tuple(blocks), "\n".join(pars))
    return Normalised(text, tuple(_written_blocks(groups, written, blocks)), "\n".join(pars), tuple(blocks),
                      _positions(groups, lines, raw_lines, reading, kept, len(text)))


def _written_blocks(groups: list[list[int]], written: list[str], blocks: list[Block]) -> list[Block]:
    out, pos = [], 0
    for group, block in zip(groups, blocks):
        n = sum(len(written[i]) for i in group)
        out.append(Block(pos, pos + n, block.kind))
        pos += n + 1
    return out


def _positions(groups, lines, raw_lines, reading, kept, length) -> tuple[int, ...]:
    """Where each character of the normalised reading stands in the normalised text, and the text's length."""
    reading_lines = reading.split("\n")
    reading_starts, at = [], 0
    for line in reading_lines:
        reading_starts.append(at)
        at += len(line) + 1
    raw_starts, at = [], 0
    for line in raw_lines:
        raw_starts.append(at)
        at += len(line) + 1
    out: list[int] = []
    base = 0  # where the line stands in the normalised text
    for g, group in enumerate(groups):
        if g:
            out.append(base - 1)  # the paragraph end
        for i in group:
            r0 = reading_starts[i] + len(reading_lines[i]) - len(reading_lines[i].lstrip())
            w0 = raw_starts[i] + len(raw_lines[i]) - len(raw_lines[i].lstrip())
            out.extend(base + kept[r0 + k] - w0 for k in range(len(lines[i])))
            base += len(raw_lines[i].strip())
        base += 1
    out.append(length)
    return tuple(out)
