"""The extractor's word lists: plain text files in ``lexicon/``, one entry a line.

``#`` starts a comment; blank lines are skipped; a line may carry extra fields
after a tab (``所<TAB>count``). A user extends a list for another province by
editing its file, or by pointing ``TRACKER_LEXICON_DIR`` at a folder whose files
of the same names are read in addition to the packaged ones.
"""
from __future__ import annotations

import os
from functools import cache
from importlib import resources


def _lines(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            rows.append([field.strip() for field in line.split("\t")])
    return rows


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Every entry of lexicon ``name`` as a tuple of its tab-separated fields."""
    text = resources.files("tracker.extract").joinpath("lexicon", f"{name}.txt").read_text(encoding="utf-8")
    out = _lines(text)
    extra = os.environ.get("TRACKER_LEXICON_DIR")
    if extra:
        path = os.path.join(extra, f"{name}.txt")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as fh:
                out += _lines(fh.read())
    return tuple(tuple(r) for r in out)


@cache
def words(name: str) -> tuple[str, ...]:
    """The first field of every entry, longest first (so alternations match greedily)."""
    seen = dict.fromkeys(r[0] for r in rows(name))
    return tuple(sorted(seen, key=len, reverse=True))


@cache
def mapping(name: str) -> dict[str, str]:
    """First field → second field, for two-column lists."""
    return {r[0]: (r[1] if len(r) > 1 else "") for r in rows(name)}


def path(name: str) -> str:
    return str(resources.files("tracker.extract").joinpath("lexicon", f"{name}.txt"))
