"""Word lists drawn from another source are what their script builds, and hand additions are read too."""
from __future__ import annotations

import subprocess
import sys

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
