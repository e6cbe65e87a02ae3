"""The extractor's compiled patterns kept between processes (tracker.extract.patterns): a pattern built from
its stored code is the pattern ``re`` compiles, the second process compiles none of the extractor's, and a
damaged file or entry is compiled again."""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import tracker
import extract_helpers
import tracker.extract
from tracker.extract import extract_document, patterns

_compiler = getattr(re, "_compiler", None)
pytestmark = pytest.mark.skipif(_compiler is None or not getattr(_compiler.compile, "keeps", False),
                                reason="re has no _compiler.compile to wrap, or builds patterns otherwise")

REAL = Path(__file__).parent / "real"


def test_every_pattern_the_extractor_holds_is_res_own():
    """Patterns compare equal when their pattern, flags and code do; the group names are compared too."""
    original = _compiler.compile.original
    held = extract_helpers.extractor_patterns()
    assert len(held) > 150
    for p in held:
        own = original(p.pattern, p.flags)
        assert p == own and p.groupindex == own.groupindex and p.groups == own.groups, p.pattern
    for (text, flags), entry in patterns._stored.items():  # every stored entry, whether this process used it or not
        built, own = patterns._build(text, entry), original(text, flags)
        assert built == own and built.groupindex == own.groupindex and built.groups == own.groups, text


def test_the_next_process_builds_the_extractors_patterns_from_the_file(tmp_path):
    script = ("import datetime as dt, json, sys\n"
              "from tracker.extract import extract_document, patterns\n"
              "doc = extract_document(open(sys.argv[1], encoding='utf-8').read(), published=dt.date(2026, 2, 1))\n"
              "print(json.dumps([[c.to_dict(), c.why] for c in doc.candidates], ensure_ascii=False, default=str))\n"
              "print(patterns.counts['read'], patterns.counts['compiled'])\n")
    env = dict(os.environ, TRACKER_CACHE_DIR=str(tmp_path), PYTHONPATH=str(Path(tracker.__file__).parents[1]))
    passage = str(REAL / "anhui_minsheng_2026.txt")  # a passage with candidates read bare (its 今年… lead)
    first = subprocess.run([sys.executable, "-c", script, passage], capture_output=True, text=True, env=env,
                           check=True).stdout.splitlines()
    second = subprocess.run([sys.executable, "-c", script, passage], capture_output=True, text=True, env=env,
                            check=True).stdout.splitlines()
    assert len(list(tmp_path.glob("patterns-*.marshal"))) == 1
    read, compiled = map(int, first[1].split())
    assert read == 0 and compiled > 150  # the first compiles them and writes them
    read, compiled = map(int, second[1].split())
    assert read > 150 and compiled == 0  # the second compiles none of them
    assert json.loads(first[0]) == json.loads(second[0]) and json.loads(first[0])


@pytest.mark.parametrize("content", [b"", b"\x00not marshal", b"\xe9\x00\x00\x00", b"[]"])
def test_a_damaged_file_reads_as_none(tmp_path, content):
    path = tmp_path / "patterns-x.marshal"
    path.write_bytes(content)
    assert patterns.read(str(path)) == {}
    assert patterns.read(str(tmp_path / "missing.marshal")) == {}


def test_a_damaged_entry_is_compiled_as_re_compiles_it():
    text = r"(?P<damaged>测试[\u4e00-\u9fff]{2})第\d+条"
    entry = (32, [1, 2, 3], 0, {}, (None,))  # code _sre refuses
    patterns._stored[text, 0] = entry
    try:
        got = re.compile(text)
        assert got == _compiler.compile.original(text, 0) and got.match("测试新建第12条")
        assert (text, 0) not in patterns._stored  # dropped; asked for by a test, not the extractor: not kept
    finally:
        patterns._stored.pop((text, 0), None)
        re.purge()


def test_the_words_of_a_document_are_not_kept():
    """The extractor looks for the officials a document names with patterns made of their names
    (``re.escape(name)``): compiled as re compiles them, never written to the file."""
    read = {}
    for path in sorted(REAL.glob("*.txt")):
        doc = extract_document(path.read_text(encoding="utf-8"), published=dt.date(2026, 2, 1))
        for c in doc.candidates:
            if c.official and c.official.name:
                read[c.official.name] = path.name
    assert len(read) >= 5  # officials of several passages, their names matched by those patterns
    assert not [name for name in read if (re.escape(name), 0) in patterns._stored]
    assert not [text for text, _ in patterns._stored if any(name in text for name in read)]


def test_other_code_s_patterns_are_not_kept():
    text = r"someone else's (pattern)\d{3}"
    re.compile(text)
    assert (text, 0) not in patterns._stored
    re.purge()


def test_wrapped_once():
    fn = _compiler.compile
    assert patterns.keep_compiled(None, "x") is True
    assert _compiler.compile is fn
