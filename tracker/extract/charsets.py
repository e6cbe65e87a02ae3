"""Compiling the extractor's patterns: each distinct character class optimised once a process.

``re`` compiles every character class of a pattern through ``re._compiler._optimize_charset``, which for
a class holding a range beyond Latin-1 sets each code point of the range in a 65,536-entry map, one
turn of a Python loop each: ``[\\u4e00-\\u9fff]`` (the CJK ideographs, in most of the extractor's
patterns) takes about 1.2 ms of CPU every time a pattern holding it is compiled. The extractor
compiles about 265 patterns a process (most at import, built from its word lists), and their
classes are optimised 754 times, 303 distinct: 0.11 s of a 1.6 s process over the 1 MB bench corpus,
of which the 303 distinct ones take 0.05 s (measured 2026-12-04, issue 9).

``remember_charsets`` wraps that function with a memo keyed on the class (and on the case-folding
functions ``re`` passes for IGNORECASE): the same class gets the answer it got the first time, as a fresh
list. A case-sensitive class seen for the first time is optimised by ``_quick_charset``, which fills the
map a range at a time (a slice assignment) and compresses it with ``re``'s own lines: 0.06 s of the 0.11 s
left after the memo. It is used only when it answers as ``re`` does on a set of probe classes (checked on
wrapping, so another Python whose ``re`` differs keeps ``re``'s own function); ``tests/extract/
test_charsets.py`` compares the compiled code of every pattern the extractor holds with and without the
wrapper, and the quick path with ``re``'s on any class hypothesis makes. When ``re`` has no such function,
nothing is wrapped.
"""
from __future__ import annotations

import re

#: beyond this many distinct classes the memo starts again (the extractor's own patterns hold about 300)
LIMIT = 4096


def _quick_charset(charset, compiler):
    """``_optimize_charset(charset)`` of Python 3.11's ``re`` for a case-sensitive class (no ``fixup``): the same
    answer, the map of its literals and ranges filled a range at a time (a slice) instead of a code point at a
    time. The compression that follows is ``re``'s own, line for line."""
    LITERAL, RANGE, NEGATE = compiler.LITERAL, compiler.RANGE, compiler.NEGATE
    out, tail = [], []
    charmap = bytearray(256)
    for op, av in charset:
        if op is LITERAL:
            lo = hi = av
        elif op is RANGE:
            lo, hi = av
        elif op is NEGATE:
            out.append((op, av))
            continue
        else:
            tail.append((op, av))
            continue
        if hi >= 256 and len(charmap) == 256:  # re widens its map on the first code point beyond Latin-1
            charmap += b"\0" * 0xff00
        if hi > 0xFFFF:  # beyond the BMP: re sets the range's part inside it, then keeps the item as it is
            if lo <= 0xFFFF:
                charmap[lo:0x10000] = b"\1" * (0x10000 - lo)
            tail.append((op, av))
        elif lo <= hi:
            charmap[lo:hi + 1] = b"\1" * (hi - lo + 1)

    # compress character map (re._compiler._optimize_charset, Python 3.11)
    runs = []
    q = 0
    while True:
        p = charmap.find(1, q)
        if p < 0:
            break
        if len(runs) >= 2:
            runs = None
            break
        q = charmap.find(0, p)
        if q < 0:
            runs.append((p, len(charmap)))
            break
        runs.append((p, q))
    if runs is not None:
        for p, q in runs:
            if q - p == 1:
                out.append((LITERAL, p))
            else:
                out.append((RANGE, (p, q - 1)))
        out += tail
        if len(out) < len(charset):
            return out, False
        return charset, False
    if len(charmap) == 256:
        out.append((compiler.CHARSET, compiler._mk_bitmap(charmap)))
        out += tail
        return out, False
    charmap = bytes(charmap)
    comps: dict = {}
    mapping = bytearray(256)
    block = 0
    data = bytearray()
    for i in range(0, 65536, 256):
        chunk = charmap[i: i + 256]
        if chunk in comps:
            mapping[i // 256] = comps[chunk]
        else:
            mapping[i // 256] = comps[chunk] = block
            block += 1
            data += chunk
    data = compiler._mk_bitmap(data)
    data[0:0] = [block] + compiler._bytes_to_codes(mapping)
    out.append((compiler.BIGCHARSET, data))
    out += tail
    return out, False


#: classes the quick path must answer as ``re`` does before it is used (checked once, on wrapping)
_PROBES = (r"[\u4e00-\u4eff]", r"[^\u4e00-\u4e7fA-Za-z0-9+#&._%\-“”‘’\"]", r"[a-z]", r"[ab]", r"[abx-z\d]",
           r"[\x00-\xff\u0100]", r"[\u3000\s]", r"[😀-😂a]", r"[\uffa0-\U00010010]", r"[“‘「『\"]", r"[0-9０-９.,]",
           r"[一二三四五六七八九十百千万亿两〇○零]", r"[^，,；;。]", r"[\U00010000\U00010002]", r"[\u00ff-\u0101]",
           r"[\u4e00-\u4e80\u5000\u6000-\u6010x]")  # each cheap for re's own loop: checked at every import


def _quick_agrees(compiler, original) -> bool:
    parser = getattr(re, "_parser", None)
    try:
        for probe in _PROBES:
            (op, av), = parser.parse(probe)
            if op is not compiler.IN or _quick_charset(av, compiler) != original(av):
                return False
    except Exception:  # another re: its internals are not these
        return False
    return True


def remember_charsets() -> bool:
    """Wrap ``re``'s character-class optimiser with a memo (once a process); True when it is wrapped. A
    case-sensitive class is optimised by ``_quick_charset`` when it answers as ``re`` does on every probe class."""
    compiler = getattr(re, "_compiler", None)
    original = getattr(compiler, "_optimize_charset", None)
    if original is None:
        return False
    if getattr(original, "remembers", False):
        return True
    memo: dict = {}
    quick = _quick_agrees(compiler, original)

    def optimize_charset(charset, iscased=None, fixup=None, fixes=None):
        try:
            key = (tuple(charset), iscased, fixup, None if fixes is None else id(fixes))
            out, hascased = memo[key]
        except TypeError:  # a class item that cannot be a key: optimised as re would
            return original(charset, iscased, fixup, fixes)
        except KeyError:
            if quick and fixup is None:
                out, hascased = _quick_charset(charset, compiler)
            else:
                out, hascased = original(charset, iscased, fixup, fixes)
            if len(memo) >= LIMIT:
                memo.clear()
            memo[key] = (tuple(out), hascased)
        return list(out), hascased

    optimize_charset.remembers = True  # type: ignore[attr-defined]
    optimize_charset.original = original  # type: ignore[attr-defined]
    optimize_charset.quick = quick  # type: ignore[attr-defined]
    compiler._optimize_charset = optimize_charset
    return True
