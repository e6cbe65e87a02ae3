"""The extractor reads a text the same way in every process: nothing it decides may hang on the
order of a set or a dict of strings, which Python's hash seed changes from one run to the next (the
credited speaker of a news item was once whichever of two credited names a set gave first)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REAL = Path(__file__).parent / "real"


def _extract(files: list[Path], seed: str) -> str:
    run = subprocess.run([sys.executable, "-m", "tracker.cli", "extract", "--explain", *map(str, files)],
                         capture_output=True, text=True, encoding="utf-8", timeout=600,
                         env={**os.environ, "PYTHONHASHSEED": seed})
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_every_real_passage_reads_the_same_under_two_hash_seeds():
    files = sorted(REAL.glob("*.txt"))
    assert len(files) >= 40
    first, second = _extract(files, "1"), _extract(files, "2")
    assert first.count("\n") > 300  # the pledges of every passage, not an empty output twice
    assert first == second
