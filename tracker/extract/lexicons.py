"""The extractor's word lists: plain text files in ``lexicon/``, one entry a line.

``#`` starts a comment; blank lines are skipped; a line may carry extra fields
after a tab (``所<TAB>count``). A user extends a list for another province by
editing its file, or by pointing ``TRACKER_LEXICON_DIR`` at a folder whose files
of the same names are read in addition to the packaged ones.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources


def _lines(text: str) -> list[list[str]]:
    rows = []
    append = rows.append
    for line in text.splitlines():
        if "#" in line:
            line = line[:line.index("#")]
        line = line.rstrip()
        if line:  # what is left ends on a character that is no space
            append([field.strip() for field in line.split("\t")] if "\t" in line else [line.strip()])
    return rows


@cache
def _folder():
    """The packaged ``lexicon/`` folder, found once a process (``resources.files`` builds its readers anew each
    call: about a twentieth of a millisecond, for each of the ~90 lists a process reads)."""
    return resources.files("tracker.extract").joinpath("lexicon")


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Every entry of lexicon ``name`` as a tuple of its tab-separated fields."""
    text = _folder().joinpath(f"{name}.txt").read_text(encoding="utf-8")
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
    return str(_folder().joinpath(f"{name}.txt"))


def alternation(words: Iterable[str]) -> str:
    """A pattern that matches what the alternation of ``words`` longest first matches (``词甲|词乙|…``), written
    as a tree of their shared beginnings: 长沙市|长沙县|长沙 becomes 长沙(?:市|县)?.

    At a position the engine then follows the one branch that the character there opens, instead of trying
    every word of the list in turn (the 186 district names, the 50 titles: at each character one of them may
    begin with). The words that match at a position all begin one another, so both forms try them longest
    first and find the same match, alone or inside a longer pattern. Not for a pattern that ignores case
    (two branches, M and m, would then both open at a character)."""
    tree: dict = {}
    for word in words:
        if not word:
            raise ValueError("an empty word in an alternation")
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def branch(node: dict) -> str:
        alts = [re.escape(ch) + branch(child) for ch, child in node.items() if ch]
        if not alts:
            return ""
        if "" in node:  # a word ends here, a longer one may go on
            return f"(?:{'|'.join(alts)})?"
        return alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"

    return branch(tree)  # no words: the empty pattern, as an empty alternation is
