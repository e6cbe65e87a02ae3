"""Chinese text search over a pledge's quote, object and document title.

The query is cut with jieba's *search mode* (the extractor's own tokenizer, with
its domain dictionary), so 新建学校 becomes 新建 + 学校 and a pledge matches when
every word occurs in its quote, its object or its document's title, in any order
and with any words between (新建幼儿园和学校 matches 新建学校). Each word is a
substring test, so the two-character words search mode yields (学校 out of
中小学校) match where they stand inside longer words.

The test runs in SQL, the same on SQLite and PostgreSQL (case-insensitive LIKE
with escaped wildcards); see README "Lists and exports" for why there is no separate FTS5 /
tsvector index table yet.
"""
from __future__ import annotations

import re

import sqlalchemy as sa

MAX_QUERY = 100
MAX_TERMS = 8
_PUNCT = re.compile(r"[\s\u3000，。、；：！？“”‘’（）《》【】,.;:!?\"'()<>\[\]{}…—\-]+")


def terms(query: str | None) -> list[str]:
    """The words a query asks for, in order, without repeats or punctuation."""
    text = (query or "").strip()[:MAX_QUERY]
    if not text:
        return []
    from tracker.extract.pledges import _tokenizer

    out: list[str] = []
    for chunk in _PUNCT.split(text):
        if not chunk:
            continue
        words = [w for w in _tokenizer().cut_for_search(chunk, HMM=False) if w.strip()]
        # search mode yields the sub-words of a long word and then the word itself; the
        # sub-words add nothing to a substring test, so keep the longest pieces only
        for w in words:
            if not any(w != o and w in o for o in words) and w not in out:
                out.append(w)
    return out[:MAX_TERMS]


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def match(words: list[str], *columns) -> sa.ColumnElement[bool]:
    """Every word in at least one of ``columns`` (an empty list matches everything)."""
    if not words:
        return sa.true()
    # ILIKE: Latin letters match in any case on PostgreSQL too, as SQLite's LIKE already does
    return sa.and_(*(sa.or_(*(c.ilike(_like(w), escape="\\") for c in columns)) for w in words))
