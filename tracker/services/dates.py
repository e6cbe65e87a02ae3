"""The one reader of a calendar day a person typed: the publication date on the command line
(``--published``) and in ``manifest.csv``, and the dates of the list's filters (web and CLI).

Accepted, with or without leading zeros, ASCII or full-width digits, surrounding spaces ignored:

* 2026-12-03, 2026/12/3, 2026.12.3 (any of ``- / .`` between the parts);
* 2026年12月3日 (the 日 may be left off);
* 20261203 (eight digits).

Two messages, one each, in Chinese: a text that is no date (``不是日期``) and a day that does not
exist (2026-02-30: ``这一天不存在``). Imports nothing heavy: the command line reads it.
"""
from __future__ import annotations

import datetime as dt
import re

from tracker.services.errors import ServiceError

_DAY = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{4})(\d{2})(\d{2})")
EXAMPLE = "2024-06-30"


class BadDate(ServiceError):
    """A day that cannot be read or does not exist; ``str(exc)`` is the Chinese message."""


def unreadable(label: str, text: str) -> str:
    return f"{label}「{text}」不是日期，请写成 YYYY-MM-DD，例如 {EXAMPLE}"


def nonexistent(label: str, text: str) -> str:
    return f"{label}「{text}」这一天不存在"


def parse_day(text: str, label: str = "日期") -> dt.date:
    """The day ``text`` names, else ``BadDate`` naming ``label`` (the field, as the reader knows it)."""
    text = text.strip()
    m = _DAY.fullmatch(text)
    if not m:
        raise BadDate(unreadable(label, text))
    year, month, day = (int(g) for g in (m.groups()[:3] if m.group(1) else m.groups()[3:]))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise BadDate(nonexistent(label, text)) from None
