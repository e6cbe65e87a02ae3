"""The extractor's compiled patterns kept between processes, as its tokenizer's dictionary is.

A process that imports the extractor compiles about 200 regular expressions at import and about 100 more
on first use, most of them built from its word lists: about 0.06 s of CPU at import and 0.02-0.03 s more
over the first documents (``re``'s parser and code generator are Python), the largest fixed cost of a
process after the interpreter's own start-up (measured 2026-12-04, issue 9). What ``re`` makes of a pattern
is a list of integers (its code) with its flags and group names, which ``_sre.compile`` turns into the
pattern object with no parsing.

``keep_compiled`` wraps ``re._compiler.compile`` (the function ``re.compile`` calls on a miss of its
cache) so that

- a pattern found in the file of this extractor's version (``patterns-<version>-<python>.marshal`` in
  the cache folder, named by the hash of the extractor's code and word lists and by the Python it was
  compiled by) is built from its stored code;
- any other pattern is compiled as ``re`` compiles it, line for line, and when the extractor asked for it
  once a process (a module's body under ``tracker/extract``, one of its functions remembered with
  ``functools.cache``, or a pattern written as a constant: ``_asked_by_extractor``), its code is kept to be
  written (``save``: after the import and after a document whose reading compiled a new one).

A pattern built from the file is the same object ``re`` would build (patterns compare equal when their
code does): ``tests/extract/test_patterns.py`` compares every pattern the extractor holds with ``re``'s
own, and the wrapper is installed only when it builds its probe patterns as ``re`` does (another Python
whose ``re`` differs keeps ``re``'s function). An unreadable or unwritable cache folder leaves every
process compiling, as before.
"""
from __future__ import annotations

import marshal
import os
import re
import sys

try:
    import _sre
except ImportError:  # another Python's re: nothing is wrapped
    _sre = None

#: the folder of the extractor's modules: a compile asked for from there is kept
_HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep
#: the files a compile passes through on its way from the caller (``re``'s own and this one)
_PASSING = (os.path.dirname(os.path.abspath(re.__file__)) + os.sep, os.path.abspath(__file__))

#: (pattern, flags) → (flags, code, groups, groupindex, indexgroup): read from the file, then what was compiled
_stored: dict = {}
#: the keys compiled by this process and not yet written
_new: set = set()
_path: str | None = None
#: how many of the extractor's patterns this process built from the file and how many it compiled
counts = {"read": 0, "compiled": 0}

_DEBUG = int(re.DEBUG)  # a pattern compiled to print its code is compiled by re itself

#: patterns the wrapper must build as ``re`` does (compiled, and rebuilt from their code) before it is installed
_PROBES = (r"(?P<y>\d{4})年(?:(?P<m>\d{1,2})月)?", r"[\u4e00-\u9fff]{2,8}(?:县|区)(?=[^，。]{0,4})",
           r"(?<![将要会])有(?:[一二三]|\d)", r"(?i)ab[c-e]+\s*$", r"(a)|b(?(1)c|d)")


def _compile_keeping(compiler, p, flags):
    """``re._compiler.compile(p, flags)`` of Python 3.11/3.12, line for line, with its code kept."""
    parsed = compiler._parser.parse(p, flags)
    code = compiler._code(parsed, flags)
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    entry = (int(flags | parsed.state.flags), [int(x) for x in code], parsed.state.groups - 1,
             {str(k): int(v) for k, v in groupindex.items()}, tuple(indexgroup))
    return _build(p, entry), entry


def _build(p: str, entry):
    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(p, flags, code, groups, dict(groupindex), indexgroup)


def _agrees(original, compiler) -> bool:
    try:
        for probe in _PROBES:
            pattern, entry = _compile_keeping(compiler, probe, 0)
            rebuilt = _build(probe, marshal.loads(marshal.dumps(entry)))
            expected = original(probe, 0)
            if not (pattern == expected and rebuilt == expected and rebuilt.groupindex == expected.groupindex
                    and rebuilt.groups == expected.groups and rebuilt.flags == expected.flags):
                return False
    except Exception:  # another re: its internals are not these
        return False
    return True


def _asked_by_extractor(p: str) -> bool:
    """Whether the compile of ``p`` under way was asked for by the extractor once a process: by the body of one
    of its modules (a pattern compiled at import), by one of its functions remembered with ``functools.cache``
    (a pattern built from a word list on first use), or by a function naming the pattern's text as a constant
    of its own or a name of its module (``re.search(r"…", text)``, ``re.match(_PER_MAGNITUDE, …)``: found in
    ``re``'s cache after the first time). The first frame outside ``re`` and this module decides. A pattern the
    extractor makes of what it reads (``re.finditer(re.escape(name), …)`` for an official's name) is none of
    these: compiled as ``re`` compiles it and not kept, so the file holds no words of the documents and stops
    growing after the first documents."""
    frame = sys._getframe(2)
    while frame is not None:
        name = os.path.abspath(frame.f_code.co_filename)
        if not (name.startswith(_PASSING[0]) or name == _PASSING[1]):
            if not name.startswith(_HERE):
                return False
            code = frame.f_code
            if code.co_name == "<module>" or p in code.co_consts:
                return True
            builder = getattr(frame.f_globals.get(code.co_name), "__wrapped__", None)
            return getattr(builder, "__code__", None) is code or any(v is p for v in frame.f_globals.values())
        frame = frame.f_back
    return False


def read(path: str) -> dict:
    """The stored patterns of the file ``path``: empty when it is missing or unreadable (then the patterns are
    compiled as ``re`` compiles them, and written)."""
    try:
        with open(path, "rb") as fh:
            stored = marshal.loads(fh.read())  # one read: marshal.load reads a file object in small pieces
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(stored, dict):
        return {}
    return {k: v for k, v in stored.items()
            if isinstance(k, tuple) and len(k) == 2 and isinstance(k[0], str) and isinstance(v, tuple) and len(v) == 5}


def keep_compiled(folder: str | None, version: str) -> bool:
    """Wrap ``re``'s compiler (once a process) to build the patterns of the file of ``version`` in ``folder``
    from their stored code; True when it is wrapped."""
    global _path
    compiler = getattr(re, "_compiler", None)
    original = getattr(compiler, "compile", None)
    if original is None or _sre is None:
        return False
    if getattr(original, "keeps", False):
        return True
    if not _agrees(original, compiler):
        return False
    if folder:
        tag = f"{sys.implementation.cache_tag}-{_sre.MAGIC}"
        _path = os.path.join(folder, f"patterns-{version}-{tag}.marshal")
        _stored.update(read(_path))

    def compile(p, flags=0):  # noqa: A001  (re._compiler's name)
        if isinstance(p, str) and not flags & _DEBUG:
            entry = _stored.get((p, flags))
            if entry is not None:
                try:
                    pattern = _build(p, entry)
                    counts["read"] += 1
                    return pattern
                except (RuntimeError, TypeError, ValueError):  # a damaged entry (_sre checks the code it is given)
                    del _stored[p, flags]
            if _asked_by_extractor(p):
                pattern, entry = _compile_keeping(compiler, p, flags)
                _stored[p, flags] = entry
                _new.add((p, flags))
                counts["compiled"] += 1
                return pattern
        return original(p, flags)

    compile.keeps = True  # type: ignore[attr-defined]
    compile.original = original  # type: ignore[attr-defined]
    compiler.compile = compile
    return True


def save() -> None:
    """Write the patterns compiled since the file was read or last written (nothing when none was)."""
    if not _new or _path is None:
        return
    _new.clear()
    tmp = f"{_path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(_path), exist_ok=True)
        with open(tmp, "wb") as fh:
            marshal.dump(_stored, fh)
        os.replace(tmp, _path)
    except (OSError, ValueError):
        try:
            os.unlink(tmp)
        except OSError:
            pass
