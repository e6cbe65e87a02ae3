"""Word lists drawn from another source are what their script builds, and hand additions are read too."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tracker.extract import build_lexicon, lexicons
from tracker.extract.people import _not_place_words, _place_like


def test_not_place_words_is_exactly_what_build_lexicon_writes():
    assert build_lexicon.NOT_PLACE.read_text(encoding="utf-8") == build_lexicon.not_place_words()


def test_build_lexicon_check_passes_as_a_user_runs_it():
    r = subprocess.run([sys.executable, "-m", "tracker.extract.build_lexicon", "--check"], capture_output=True,
                       text=True, encoding="utf-8")
    assert r.returncode == 0 and "一致" in r.stderr, r.stderr


def test_hand_additions_live_apart_and_are_merged_at_load():
    extra = lexicons.words("not_place_words_extra")
    assert "据" in extra and "据" not in lexicons.words("not_place_words")
    assert "据" in _not_place_words() and "主持" in _not_place_words()


def test_place_words_are_told_from_verbs():
    assert not _place_like("明主持召开")  # 市长陈明主持召开市政府 names no 明主持召开市
    assert _place_like("绍兴")


@pytest.mark.parametrize("text, rows", [
    ("所\tcount\n# 注释\n\n  \n个 # 量词\n\t\n亿元\tamount\t \n一\t \tx\n",
     [["所", "count"], ["个"], ["亿元", "amount"], ["一", "", "x"]]),
    ("  前后有空格  \n#\n词#紧接注释\n", [["前后有空格"], ["词"]]),
])
def test_a_lexicon_line_reads_as_its_fields(text, rows):
    """Comments after #, blank lines and white space around fields dropped; a tab separates fields."""
    from tracker.extract.lexicons import _lines

    assert _lines(text) == rows
