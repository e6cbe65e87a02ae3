"""Pledge finding: clauses with a quantity, a forward-looking cue, an action and an object."""
from __future__ import annotations

import datetime as dt

from tracker.extract.model import Candidate
from tracker.extract.normalise import Normalised


def find_pledges(norm: Normalised, published: dt.date | None) -> list[Candidate]:
    return []
