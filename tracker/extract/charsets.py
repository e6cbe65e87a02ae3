"""Compiling the extractor's patterns: each distinct character class optimised once a process.

``re`` compiles every character class of a pattern through ``re._compiler._optimize_charset``, which for
a class holding a range beyond Latin-1 sets each code point of the range in a 65,536-entry map, one
turn of a Python loop each: ``[\\u4e00-\\u9fff]`` (the CJK ideographs, in most of the extractor's
patterns) takes about 1.2 ms of CPU every time a pattern holding it is compiled. The extractor
compiles about 265 patterns a process (most at import, built from its word lists), and their
classes are optimised 754 times, 303 distinct: 0.11 s of a 1.6 s process over the 1 MB bench corpus,
of which the 303 distinct ones take 0.05 s (measured 2026-12-04, issue 9).

``remember_charsets`` wraps that function with a memo keyed on the class (and on the case-folding
functions ``re`` passes for IGNORECASE): the same class gets the answer ``re``'s own function gave the
first time, as a fresh list. Patterns compile to the same code (``tests/extract/test_charsets.py``
compares the compiled code of every class of the extractor's patterns with and without the memo).
When ``re`` has no such function (another Python), nothing is wrapped.
"""
from __future__ import annotations

import re

#: beyond this many distinct classes the memo starts again (the extractor's own patterns hold about 300)
LIMIT = 4096


def remember_charsets() -> bool:
    """Wrap ``re``'s character-class optimiser with a memo (once a process); True when it is wrapped."""
    compiler = getattr(re, "_compiler", None)
    original = getattr(compiler, "_optimize_charset", None)
    if original is None:
        return False
    if getattr(original, "remembers", False):
        return True
    memo: dict = {}

    def optimize_charset(charset, iscased=None, fixup=None, fixes=None):
        try:
            key = (tuple(charset), iscased, fixup, None if fixes is None else id(fixes))
            out, hascased = memo[key]
        except TypeError:  # a class item that cannot be a key: optimised as re would
            return original(charset, iscased, fixup, fixes)
        except KeyError:
            out, hascased = original(charset, iscased, fixup, fixes)
            if len(memo) >= LIMIT:
                memo.clear()
            memo[key] = (tuple(out), hascased)
        return list(out), hascased

    optimize_charset.remembers = True  # type: ignore[attr-defined]
    optimize_charset.original = original  # type: ignore[attr-defined]
    compiler._optimize_charset = optimize_charset
    return True
