"""Schedule arithmetic on a frozen calendar: 序时进度, 超/达/欠进度 and the 红/黄/蓝 flags."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tracker.db.enums import ReviewState, Status
from tracker.services import schedule
from tracker.services.schedule import Flag, Progress

D = dt.date
PUBLISHED = D(2024, 1, 1)
DUE = D(2024, 12, 31)  # 365 days later


@pytest.mark.parametrize("today, expected", [
    (D(2023, 12, 1), Decimal(0)),  # before publication: nothing due yet
    (PUBLISHED, Decimal(0)),
    (D(2024, 7, 1), Decimal(182) / Decimal(365)),  # about half way
    (DUE, Decimal(1)),
    (D(2025, 6, 1), Decimal(1)),  # past the deadline: clipped
])
def test_time_share_is_elapsed_over_allowed_days(today, expected):
    assert schedule.time_share(PUBLISHED, DUE, today) == expected


def test_time_share_needs_both_dates_and_handles_a_deadline_on_the_publication_day():
    assert schedule.time_share(None, DUE, PUBLISHED) is None
    assert schedule.time_share(PUBLISHED, None, PUBLISHED) is None
    assert schedule.time_share(PUBLISHED, PUBLISHED, PUBLISHED) == 1
    assert schedule.time_share(PUBLISHED, PUBLISHED, D(2023, 12, 31)) == 0


@pytest.mark.parametrize("target, achieved, status, expected", [
    (Decimal(30), Decimal(18), Status.IN_PROGRESS, Decimal("0.6")),  # 18 of 30 所 → 60%
    (Decimal(30), Decimal(36), Status.IN_PROGRESS, Decimal("1.2")),  # over-fulfilled
    (Decimal(30), None, Status.IN_PROGRESS, None),
    (None, Decimal(3), Status.IN_PROGRESS, None),
    (Decimal(0), Decimal(3), Status.IN_PROGRESS, None),
    (Decimal(30), None, Status.DONE, Decimal(1)),  # done without a number counts as all of it
    (Decimal(30), Decimal(20), Status.DONE, Decimal(1)),
])
def test_achieved_share(target, achieved, status, expected):
    assert schedule.achieved_share(target, achieved, status) == expected


@pytest.mark.parametrize("time, achieved, expected", [
    ("0.5", "0.6", Progress.AHEAD),
    ("0.5", "0.55", Progress.ON_TRACK),  # within the tolerance counts as on track
    ("0.5", "0.5", Progress.ON_TRACK),
    ("0.5", "0.45", Progress.ON_TRACK),
    ("0.5", "0.44", Progress.BEHIND),
    ("1", "0.2", Progress.BEHIND),
])
def test_progress_against_time_proportional_share(time, achieved, expected):
    assert schedule.progress(Decimal(time), Decimal(achieved)) is expected
    assert expected.label in ("超进度", "达进度", "欠进度")


def test_progress_is_unknown_without_both_shares():
    assert schedule.progress(None, Decimal(1)) is None
    assert schedule.progress(Decimal(1), None) is None


TODAY = D(2024, 6, 1)


@pytest.mark.parametrize("due_on, status, pace, review_state, expected", [
    (D(2024, 5, 31), Status.IN_PROGRESS, None, ReviewState.CONFIRMED, Flag.RED),  # a day late: 逾期
    (D(2024, 5, 31), Status.IN_PROGRESS, Progress.BEHIND, ReviewState.CONFIRMED, Flag.RED),  # red beats yellow
    (D(2024, 5, 31), Status.UNASSESSED, None, ReviewState.PENDING, Flag.RED),
    (D(2024, 5, 31), Status.STALLED, None, ReviewState.CONFIRMED, Flag.RED),
    (D(2024, 5, 31), Status.DONE, None, ReviewState.CONFIRMED, None),  # done: nothing to act on
    (D(2024, 5, 31), Status.MISSED, None, ReviewState.CONFIRMED, None),  # judged missed: closed
    (D(2024, 5, 31), Status.UNASSESSABLE, None, ReviewState.CONFIRMED, None),
    (D(2024, 5, 31), Status.IN_PROGRESS, None, ReviewState.REJECTED, None),  # not a pledge after all
    (TODAY, Status.IN_PROGRESS, None, ReviewState.CONFIRMED, Flag.BLUE),  # due today is not yet late
    (D(2024, 7, 1), Status.IN_PROGRESS, None, ReviewState.CONFIRMED, Flag.BLUE),  # 30 days ahead
    (D(2024, 7, 2), Status.IN_PROGRESS, None, ReviewState.CONFIRMED, None),  # 31 days ahead
    (D(2024, 7, 1), Status.IN_PROGRESS, Progress.BEHIND, ReviewState.CONFIRMED, Flag.YELLOW),  # yellow beats blue
    (D(2025, 1, 1), Status.IN_PROGRESS, Progress.BEHIND, ReviewState.CONFIRMED, Flag.YELLOW),
    (D(2025, 1, 1), Status.IN_PROGRESS, Progress.ON_TRACK, ReviewState.CONFIRMED, None),
    (None, Status.IN_PROGRESS, None, ReviewState.CONFIRMED, None),  # no deadline, no flag
])
def test_flags_most_urgent_first(due_on, status, pace, review_state, expected):
    assert schedule.flag(due_on, status, TODAY, pace, review_state) is expected


def test_assess_combines_the_arithmetic_on_a_frozen_day():
    # half the year gone, 9 of 30 built: behind → yellow
    time, share, pace, flag = schedule.assess(published_on=PUBLISHED, due_on=DUE, target=Decimal(30),
                                              achieved=Decimal(9), status=Status.IN_PROGRESS, today=D(2024, 7, 1))
    assert (share, pace, flag) == (Decimal("0.3"), Progress.BEHIND, Flag.YELLOW)
    assert Decimal("0.49") < time < Decimal("0.5")
    # the same pledge the next January, still at 9: red
    assert schedule.assess(published_on=PUBLISHED, due_on=DUE, target=Decimal(30), achieved=Decimal(9),
                           status=Status.IN_PROGRESS, today=D(2025, 1, 1))[3] is Flag.RED
    # 18 of 30 by July: ahead, no flag
    assert schedule.assess(published_on=PUBLISHED, due_on=DUE, target=Decimal(30), achieved=Decimal(18),
                           status=Status.IN_PROGRESS, today=D(2024, 7, 1))[2:] == (Progress.AHEAD, None)


def test_overdue_days_and_done_on_time():
    assert schedule.days_overdue(D(2024, 5, 1), TODAY) == 31
    assert schedule.days_overdue(TODAY, TODAY) == 0
    assert schedule.days_overdue(None, TODAY) == 0
    assert schedule.done_on_time(Status.DONE, D(2024, 5, 1), D(2024, 5, 1))
    assert not schedule.done_on_time(Status.DONE, D(2024, 5, 2), D(2024, 5, 1))
    assert not schedule.done_on_time(Status.IN_PROGRESS, D(2024, 4, 1), D(2024, 5, 1))


@pytest.mark.parametrize("text, expected", [("red", Flag.RED), ("红", Flag.RED), ("黄色", Flag.YELLOW),
                                            ("蓝", Flag.BLUE), (" blue ", Flag.BLUE)])
def test_flag_names_in_both_languages(text, expected):
    assert Flag.parse(text) is expected


def test_an_unknown_flag_name_is_refused():
    with pytest.raises(ValueError):
        Flag.parse("绿")


def test_the_report_services_load_no_flask_and_the_schedule_no_database():
    import subprocess
    import sys

    code = ("import sys, tracker.services.schedule;"
            "a = sorted(m for m in sys.modules if m.split('.')[0] in {'flask', 'sqlalchemy'});"
            "import tracker.services.listing, tracker.services.exports, tracker.services.tables, tracker.services.search;"
            "b = sorted(m for m in sys.modules if m.split('.')[0] in {'flask', 'werkzeug', 'jinja2'});"
            "print(len(a), len(b))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "0"]
