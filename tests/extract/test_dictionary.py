"""jieba's dictionary read in place (``tracker.extract.tokens``) answers as the whole dictionary does.

The tokenizer reads from its compiled file only the entries a text's characters and pairs of
characters begin; these tests cut the real passages and the seeds with it and with a tokenizer
built the long way (jieba's whole dictionary, then the domain words), in every mode, and want the
same words; and the dictionary read whole equal, entry for entry, to the long way's.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import jieba
import pytest

from tracker.db import fulltext
from tracker.extract import tokens

ROOT = Path(__file__).resolve().parents[2]
TEXTS = sorted((ROOT / "tests" / "extract" / "real").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def whole():
    tok = jieba.Tokenizer()
    tokens.build(tok, tokens.cache_dir())
    return tok


@pytest.fixture(scope="module")
def compiled_file(tmp_path_factory, whole):
    path = tmp_path_factory.mktemp("words") / "words.marshal"
    tokens.Compiled.of(whole.FREQ, whole.total, (), whole.user_word_tag_tab).dump(str(path))
    return str(path)


@pytest.fixture
def in_place(compiled_file):
    """A tokenizer read in place from a compiled file written from the long way's dictionary."""
    tok = type("Tokenizer", (tokens.InPlace, jieba.Tokenizer), {})()
    tok.read_in_place(tokens.Compiled.load(compiled_file))
    return tok


def test_the_project_tokenizer_reads_in_place_from_its_second_process(tmp_path):
    script = ("import sys; from tracker.extract import tokens; t = tokens.tokenizer(); "
              "print(t.compiled is not None, len(t.FREQ), 'pkg_resources' in sys.modules)")
    env = {"TRACKER_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    second = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    built, entries, _ = first.stdout.split()
    assert built == "False" and int(entries) > 300_000  # the first builds it whole and writes it
    assert len(list(tmp_path.glob("words-*.marshal"))) == 1
    assert second.stdout.split() == ["True", "0", "False"]  # nothing read before a cut; no pkg_resources


def test_a_broken_compiled_file_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(tmp_path))
    name = tokens._compiled_name()
    (tmp_path / name).write_bytes(b"\x00not marshal")
    tokens.tokenizer.cache_clear()
    tokens._load.cache_clear()
    try:
        tok = tokens.tokenizer()
        assert tok.compiled is None and tok.lcut("新建幼儿园3所", HMM=False)[:2] == ["新建", "幼儿园"]
        assert tokens.Compiled.load(str(tmp_path / name)).total == tok.total
    finally:
        tokens.tokenizer.cache_clear()
        tokens._load.cache_clear()
        fulltext._freq.cache_clear()  # the index's dictionary is the tokenizer's: read again with it


@pytest.fixture
def words(compiled_file):
    """The extractor's words (no jieba) read in place from the same compiled file."""
    return tokens.Words(tokens.Compiled.load(compiled_file))


def test_the_extractors_words_need_no_jieba_from_the_second_process(tmp_path):
    script = ("import sys; from tracker.extract import tokens; w = tokens.words(); "
              "cut = tokens.cut('新建幼儿园3所，改造城乡供水一体化管网120公里'); "
              "print(type(w).__name__, 'jieba' in sys.modules, '|'.join(cut))")
    env = {"TRACKER_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    second = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    kind, imported, cut = first.stdout.split()
    assert (kind, imported) == ("Tokenizer", "True")  # the first builds the file with jieba
    assert second.stdout.split() == ["Words", "False", cut]  # the next reads it without importing jieba


def test_jiebas_patterns_copied_are_jiebas():
    for ours, theirs in zip(tokens.cut_patterns(), (jieba.re_han_default, jieba.re_skip_default, jieba.re_eng)):
        assert (ours.pattern, ours.flags) == (theirs.pattern, theirs.flags)


def test_the_compiled_name_follows_jiebas_files():
    init, source = tokens._jieba_files()
    assert init == jieba.__file__ and source == str(Path(jieba.__file__).parent / "dict.txt")


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_cuts_in_place_are_the_whole_dictionarys_cuts(path, whole, in_place, words):
    """Every text in the extractor's mode (precise, no HMM); every fifth in jieba's other modes too."""
    text = path.read_text(encoding="utf-8-sig")
    assert words.cut_precise(text) == whole.lcut(text, HMM=False)  # the extractor's words, without jieba
    assert in_place.lcut(text, HMM=False) == whole.lcut(text, HMM=False)
    # the extractor's own cut (no generators, jieba's graph and route rewritten) against jieba's, line by line too
    assert in_place.cut_precise(text) == whole.lcut(text, HMM=False)
    for line in text.splitlines()[:40]:
        assert in_place.cut_precise(line) == whole.lcut(line, HMM=False)
    assert len(in_place.FREQ) < len(whole.FREQ) / 2  # a passage reads a part of the dictionary
    if TEXTS.index(path) % 5 == 0:
        assert in_place.lcut(text) == whole.lcut(text)  # jieba's HMM mode, through our get_DAG and calc
        assert in_place.lcut_for_search(text) == whole.lcut_for_search(text)
        assert in_place.lcut(text, cut_all=True) == whole.lcut(text, cut_all=True)


def test_a_word_added_in_place_is_kept_and_so_are_its_neighbours(in_place):
    whole = jieba.Tokenizer()
    tokens.build(whole, tokens.cache_dir())
    for tok in (whole, in_place):
        tok.add_word("城乡供水一体化", 500)
    text = "投资2.6亿元实施城乡供水一体化提升工程"
    assert in_place.lcut(text, HMM=False) == whole.lcut(text, HMM=False)
    assert in_place.total == whole.total
    in_place.read_everything()
    assert in_place.FREQ == whole.FREQ


def test_the_dictionary_read_whole_is_the_long_ways(whole, in_place, words):
    in_place.read_everything()
    words.read_everything()
    assert in_place.FREQ == whole.FREQ and in_place.total == whole.total
    assert words.FREQ == whole.FREQ and words.total == whole.total
    assert in_place.user_word_tag_tab == whole.user_word_tag_tab and in_place.user_word_tag_tab


def test_a_word_with_a_tab_is_not_compiled():
    with pytest.raises(ValueError):
        tokens.Compiled.of({"a\tb": 1, "a": 0}, 1, (), {})
    with pytest.raises(ValueError):  # the mark of "no entry of its own" is no frequency
        tokens.Compiled.of({"a": tokens.Compiled.NONE}, 1, (), {})


def test_a_compiled_files_records_answer_as_its_entries():
    freq = {"上": 5, "上海": 9, "上海市": 3, "上海滩": 0, "上海滩头": 1, "下雨": 2, "下": 0, "雨": 0}
    compiled = tokens.Compiled.of(freq, 20, (), {})
    assert compiled.record("上")[:2] == (5, "海") and compiled.record("下")[:2] == (0, "雨")
    assert compiled.record("无") is None
    assert sorted(compiled.group("上", "海")) == [("上海", 9), ("上海市", 3), ("上海滩", 0), ("上海滩头", 1)]
    assert compiled.group("下", "雨") == [("下雨", 2)] and compiled.group("上", "午") == []
    w = tokens.Words(compiled)
    w.read_everything()
    assert w.FREQ == freq


def test_a_compiled_file_mapped_answers_as_written_and_a_damaged_one_is_refused(tmp_path):
    freq = {"上": 5, "上海": 9, "上海市": 3, "上海滩": 0, "上海滩头": 1, "下雨": 2, "下": 0, "雨": 0}
    path = tmp_path / "words.marshal"
    tokens.Compiled.of(freq, 20, ("上海",), {"上海": "ns"}).dump(str(path))
    loaded = tokens.Compiled.load(str(path))
    assert (loaded.total, loaded.force_split, loaded.tags) == (20, ("上海",), {"上海": "ns"})
    w = tokens.Words(loaded)
    w.read_everything()
    assert w.FREQ == freq
    whole = path.read_bytes()
    for damaged in (whole[:-1], whole + b"x", whole[:20], b"\xff" * 8 + whole[8:], b""):
        path.write_bytes(damaged)
        with pytest.raises((ValueError, EOFError, TypeError)):
            tokens.Compiled.load(str(path))
