"""Deadline words and the last day they allow."""
from __future__ import annotations

import datetime as dt


def find_document_date(text: str) -> dt.date | None:
    return None
