"""Chinese text search over a pledge's quote, object and document title (the list's ``q``).

A pledge matches when every word of the query occurs in its quote, its object or its
document's title, in any order and with any words between (新建幼儿园和学校 matches
新建 学校). "Occurs" means as a substring, so 学校 is found inside 中小学校.

The query is cut with the extractor's own jieba tokenizer (its domain dictionary
included), and each piece is answered one of two ways:

* a dictionary word of two or more Chinese characters (学校, 幼儿园, 标准厂房) by the
  full-text index (``tracker.db.fulltext``: SQLite FTS5 / PostgreSQL GIN), which holds
  every such word occurring anywhere in the three texts, so the answer is the
  substring test's, from an index;
* anything else (a single character, Latin letters, digits, a run the dictionary does
  not know such as 儿园; neighbouring pieces of this kind are kept together as they
  were typed) by a substring test over the three columns: case-insensitive LIKE with
  escaped wildcards, the same on both databases. This is the fallback, and a scan.

``Query.scan_only()`` answers every word with the substring test: the old behaviour,
kept for the benchmark and for tests that hold the two answers equal.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa

from tracker.db import fulltext
from tracker.extract import tokens

MAX_QUERY = 100
MAX_TERMS = 8
_PUNCT = re.compile(r"[\s\u3000，。、；：！？“”‘’（）《》【】,.;:!?\"'()<>\[\]{}…—\-]+")


@dataclass(frozen=True)
class Query:
    words: tuple[str, ...] = ()  # answered by the index
    substrings: tuple[str, ...] = ()  # answered by a substring scan

    def __bool__(self) -> bool:
        return bool(self.words or self.substrings)

    @property
    def terms(self) -> list[str]:
        return [*self.words, *self.substrings]

    def scan_only(self) -> "Query":
        """The same words, every one a substring test (no index)."""
        return Query((), tuple(self.terms))


def _pieces(chunk: str) -> list[str]:
    """The chunk cut into index words and, between them, the other pieces joined as typed."""
    out, run = [], ""
    for piece in tokens.tokenizer().lcut(chunk, HMM=False):
        if fulltext.is_word(piece):
            if run:
                out.append(run)
                run = ""
            out.append(piece)
        else:
            run += piece
    if run.strip():
        out.append(run.strip())
    return out


def terms(query: str | None) -> Query:
    """What a query asks for: its words in order, without repeats, punctuation, or words implied by
    another (学校 by 中小学校: a text holding the longer holds the shorter); at most ``MAX_TERMS``."""
    text = (query or "").strip()[:MAX_QUERY]
    found: list[str] = []
    for chunk in _PUNCT.split(text):
        for piece in _pieces(chunk) if chunk else ():
            if piece not in found:
                found.append(piece)
    kept = [w for w in found if not any(w != o and w in o for o in found)][:MAX_TERMS]
    return Query(tuple(w for w in kept if fulltext.is_word(w)), tuple(w for w in kept if not fulltext.is_word(w)))


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def match(query: Query, pledge_id, *columns) -> sa.ColumnElement[bool]:
    """The pledges ``query`` finds: index words through the index on ``pledge_id``, the other words
    each in at least one of ``columns`` (an empty query matches everything)."""
    conditions = []
    if query.words:
        conditions.append(fulltext.HoldsWords(pledge_id, query.words))
    # ILIKE: Latin letters match in any case on PostgreSQL too, as SQLite's LIKE already does
    conditions += [sa.or_(*(c.ilike(_like(w), escape="\\") for c in columns)) for w in query.substrings]
    return sa.and_(*conditions) if conditions else sa.true()
