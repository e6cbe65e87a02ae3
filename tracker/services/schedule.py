"""Schedule arithmetic: how far along a pledge should be, how far it is, and its flag.

Pure functions over dates and numbers (no database, no clock: every function that
needs "today" takes it), so the rules are tested on a frozen calendar.

* 序时进度 (``time_share``): the share of the time from publication to the deadline
  that has passed on ``today``, clipped to [0, 1].
* 完成进度 (``achieved_share``): achieved ÷ target of the pledge's primary quantity
  (18 of 30 所 → 0.6); a pledge rated 已完成 counts as 1.
* ``progress``: 超进度 when the achieved share runs more than ``TOLERANCE`` ahead of
  the time share, 欠进度 when it lags by more than ``TOLERANCE``, else 达进度.
* ``flag`` (three colours, the most urgent wins): 红 when the deadline has passed and
  the pledge is not done (逾期); 黄 when it is behind schedule (欠进度); 蓝 when the
  deadline falls within ``BLUE_DAYS`` days. Closed pledges (已完成, a confirmed
  未完成, 无法评估) and rejected ones carry no flag: nobody needs to act on them.
"""
from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

from tracker.db.enums import ReviewState, Status

BLUE_DAYS = 30
TOLERANCE = Decimal("0.05")
CLOSED = frozenset({Status.DONE, Status.MISSED, Status.UNASSESSABLE})
_ONE, _ZERO = Decimal(1), Decimal(0)


class Progress(str, enum.Enum):
    AHEAD = "ahead"
    ON_TRACK = "on_track"
    BEHIND = "behind"

    @property
    def label(self) -> str:
        return {"ahead": "超进度", "on_track": "达进度", "behind": "欠进度"}[self.value]


class Flag(str, enum.Enum):
    """Ordered most urgent first (``Flag.RED < Flag.YELLOW`` by ``rank``)."""

    RED = "red"
    YELLOW = "yellow"
    BLUE = "blue"

    @property
    def label(self) -> str:
        return {"red": "红", "yellow": "黄", "blue": "蓝"}[self.value]

    @property
    def meaning(self) -> str:
        return {"red": "逾期未完成", "yellow": "欠进度", "blue": "30 天内到期"}[self.value]

    @property
    def rank(self) -> int:
        return {"red": 0, "yellow": 1, "blue": 2}[self.value]

    @classmethod
    def parse(cls, text: str) -> "Flag":
        """``red`` or ``红`` (also 红色, 红旗)."""
        text = text.strip()
        for member in cls:
            if text == member.value or text.rstrip("色旗") == member.label:
                return member
        raise ValueError(text)


def time_share(published_on: dt.date | None, due_on: dt.date | None, today: dt.date) -> Decimal | None:
    """序时进度 on ``today``: elapsed ÷ allowed days, in [0, 1]; None without both dates.

    A deadline on or before the publication day gives 1 from that day on."""
    if published_on is None or due_on is None:
        return None
    total = (due_on - published_on).days
    elapsed = (today - published_on).days
    if total <= 0:
        return _ONE if elapsed >= 0 else _ZERO
    share = Decimal(elapsed) / Decimal(total)
    return min(_ONE, max(_ZERO, share))


def achieved_share(target: Decimal | None, achieved: Decimal | None, status: Status | None = None) -> Decimal | None:
    """完成进度: achieved ÷ target (may exceed 1); 1 for 已完成; None when unknown."""
    if status is Status.DONE:
        return Decimal(1) if achieved is None or not target else max(Decimal(1), achieved / target)
    if achieved is None or target is None or target <= 0:
        return None
    return achieved / target


def progress(time: Decimal | None, achieved: Decimal | None, tolerance: Decimal = TOLERANCE) -> Progress | None:
    """超进度 / 达进度 / 欠进度, or None when either share is unknown."""
    if time is None or achieved is None:
        return None
    gap = achieved - time
    if gap > tolerance:
        return Progress.AHEAD
    if gap < -tolerance:
        return Progress.BEHIND
    return Progress.ON_TRACK


def is_open(status: Status, review_state: ReviewState | None = None) -> bool:
    """Someone still has to act on it: not closed and not rejected."""
    return status not in CLOSED and review_state is not ReviewState.REJECTED


def flag(due_on: dt.date | None, status: Status, today: dt.date, pace: Progress | None = None,
         review_state: ReviewState | None = None) -> Flag | None:
    """红 / 黄 / 蓝 or None, the most urgent that applies."""
    if not is_open(status, review_state):
        return None
    if due_on is not None and due_on < today:
        return Flag.RED
    if pace is Progress.BEHIND:
        return Flag.YELLOW
    if due_on is not None and (due_on - today).days <= BLUE_DAYS:
        return Flag.BLUE
    return None


def days_overdue(due_on: dt.date | None, today: dt.date) -> int:
    """Days past the deadline (0 when not past or unknown)."""
    if due_on is None or due_on >= today:
        return 0
    return (today - due_on).days


def done_on_time(status: Status, status_on: dt.date | None, due_on: dt.date | None) -> bool:
    """已完成, rated as of a day no later than the deadline (no deadline: any day)."""
    return status is Status.DONE and (due_on is None or (status_on is not None and status_on <= due_on))


def assess(*, published_on, due_on, target, achieved, status: Status, today: dt.date,
           review_state: ReviewState | None = None) -> tuple[Decimal | None, Decimal | None, Progress | None,
                                                             Flag | None]:
    """(time share, achieved share, progress, flag) of one pledge on ``today``."""
    time = time_share(published_on, due_on, today)
    share = achieved_share(target, achieved, status)
    pace = progress(time, share) if is_open(status, review_state) or status is Status.DONE else None
    return time, share, pace, flag(due_on, status, today, pace, review_state)
