"""The index's words: every dictionary word of two or more Chinese characters in a text, exactly
what jieba's own DAG of the text lists (our walk only skips what the index never holds)."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings, strategies as st

from tracker.db import fulltext
from tracker.extract.tokens import tokenizer as _tokenizer

SEEDS = "".join(p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[2] / "seeds").glob("*.txt")))
PIECES = sorted(set(_tokenizer().lcut(SEEDS[:20000], HMM=False))) + ["PPP", "5G", "，", " ", "\n", "（", "·", "𠀀"]


def by_get_dag(text: str) -> set[str]:
    out = set()
    for start, ends in _tokenizer().get_DAG(text).items():
        for end in ends:
            word = text[start:end + 1]
            if end > start and all("\u4e00" <= ch <= "\u9fff" for ch in word):
                out.add(word)
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_the_words_are_those_of_jiebas_dag(text):
    assert fulltext.words_in(text) == by_get_dag(text)


def test_the_words_of_real_sentences():
    sentences = [s for s in SEEDS.replace("\n", "。").split("。") if s]
    assert len(sentences) > 100
    for sentence in sentences:
        assert fulltext.words_in(sentence) == by_get_dag(sentence), sentence
    assert {"中小学校", "学校", "小学", "中小"} <= fulltext.words_in("持续推进科技苑等9所中小学校建设")
    assert "学校" in fulltext.words_in("新建中小学校舍5所")  # whatever the cut (中小学 / 校舍)


def test_what_the_index_answers_is_a_dictionary_word_of_chinese_characters():
    assert fulltext.is_word("学校") and fulltext.is_word("标准厂房")
    assert not fulltext.is_word("校")  # one character
    assert not fulltext.is_word("儿园")  # no word
    assert not fulltext.is_word("张店")  # a prefix of 张店区, no word itself
    assert not fulltext.is_word("T恤") and not fulltext.is_word("PPP")  # not all Chinese characters
