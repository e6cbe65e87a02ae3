"""The status tables and the dashboard counted by the database (tables.view_table / view_summary)
give the numbers the row-by-row definitions give (status_table / summarise over iter_rows), on a
database with every status, flag and review state, for many views; the schedule rules written
in SQL agree with schedule.py on a table of cases; the red queue counted and limited in SQL is
the red rows; the month-end replay of completion is the straightforward one."""
from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
import random

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from report_cases import build
from tracker.db.enums import ReviewState, Status
from tracker.services import listing, schedule, tables
from tracker.services.schedule import Flag, Progress

TODAY = listing.shanghai_today()


@pytest.fixture
def cases(session_factory):
    return build(session_factory, TODAY)


def views() -> list[dict]:
    day = TODAY - dt.timedelta(days=150)
    return [
        {}, {"review_state": "all"}, {"review_state": "pending"}, {"district": "张店区"}, {"unit": "教育局"},
        {"status": "in_progress"}, {"status": "done", "review_state": "all"}, {"flag": "red"},
        {"flag": "yellow"}, {"flag": "blue"}, {"flag": "red", "review_state": "all"},
        {"due_from": TODAY.isoformat(), "due_to": (TODAY + dt.timedelta(days=30)).isoformat()},
        {"q": "幼儿园"}, {"as_of": day.isoformat()}, {"as_of": day.isoformat(), "review_state": "all"},
        {"as_of": (TODAY - dt.timedelta(days=1)).isoformat(), "flag": "red"},
    ]


def records(groups, total) -> list[dict]:
    return [g.record() for g in groups] + [total.record()]


def test_the_cases_hold_every_status_flag_proposal_and_group(session_factory, cases):
    with session_factory() as s:
        rows = list(listing.iter_rows(s, listing.parse_filters(s, {"review_state": "all"}, today=TODAY)))
    assert {r.status for r in rows} == set(Status)
    assert {r.flag for r in rows} == {Flag.RED, Flag.YELLOW, Flag.BLUE, None}
    assert {r.review_state for r in rows} == set(ReviewState)
    assert any(r.proposed for r in rows) and any(r.district_id is None for r in rows)
    assert any(r.official_id is None for r in rows) and any(r.published_on is None for r in rows)
    assert any(schedule.done_on_time(r.status, r.status_on, r.due_on) for r in rows)
    assert any(r.status is Status.DONE and not schedule.done_on_time(r.status, r.status_on, r.due_on) for r in rows)
    names = [r.official for r in rows if r.official == "马晓磊"]
    assert len({r.official_id for r in rows if r.official == "马晓磊"}) == 2 and names  # two people, one name


@pytest.mark.parametrize("by", ["district", "official"])
def test_the_database_counts_the_status_table_the_rows_give(session_factory, cases, by):
    with session_factory() as s:
        for args in views():
            f = listing.parse_filters(s, args, today=TODAY)
            expected = records(*tables.status_table(listing.iter_rows(s, f), by, f.day))
            assert records(*tables.view_table(s, f, by)) == expected, args
            assert expected[-1]["total"] > 0 or args.get("review_state") == "pending", args


def scorecard_views(official: int) -> list[dict]:
    """A scorecard's views: a district's, an official's and those of a district with no pledge (周村区),
    with the filters its URL takes (as_of, status, flag, q)."""
    day = (TODAY - dt.timedelta(days=150)).isoformat()
    out = []
    for subject in ({"district": "张店区"}, {"official": str(official)}, {"district": "周村区"}):
        for extra in ({}, {"as_of": day}, {"status": "in_progress"}, {"flag": "red"}, {"flag": "yellow"},
                      {"q": "幼儿园"}, {"as_of": day, "flag": "red"}, {"status": "done", "as_of": day}):
            out.append({**subject, **extra})
    return out


def test_a_scorecards_figures_ids_and_cards_read_lightly_are_the_rows(session_factory, cases):
    """tables.view_card (the ids in order and the figures, from one light reading) and listing.rows_of (one
    page's cards) give what reading the scorecard's rows whole (iter_rows(card=True)) gives."""
    with session_factory() as s:
        seen_empty = seen_full = False
        official = s.scalar(sa.text("SELECT min(id) FROM official"))
        for args in scorecard_views(official):
            for sort in ("due_on", "-id", "-published_on"):
                f = listing.parse_filters(s, {**args, "sort": sort}, today=TODAY)
                rows = list(listing.iter_rows(s, f, stream=False, card=True))
                assert tables.view_card(s, f)[0] == [r.id for r in rows], (args, sort)
            f = listing.parse_filters(s, args, today=TODAY)
            rows = list(listing.iter_rows(s, f, stream=False, card=True))
            total = tables.Group(None, "合计")
            for row in rows:
                total.add(row, f.day)
            ids, got, meter = tables.view_card(s, f)
            assert got.record() == total.record() and meter == tables.meter(rows), args
            # without the open proposals (a scorecard does not show them): the rest the same
            unproposed = tables.view_card(s, f, proposed=False)
            assert unproposed[1].record() == total.record() | {"proposed": None} and unproposed[0] == ids, args
            assert unproposed[2] == meter, args
            assert ids == [r.id for r in rows], args
            assert listing.rows_of(s, f, ids[1:4], card=True) == rows[1:4], args
            seen_empty |= not rows
            seen_full |= len(rows) > 3 and total.behind + total.overdue > 0
        assert seen_empty and seen_full


def completion_replayed(s, ids: list[int], until: dt.date, months: int = 24) -> list[tuple[dt.date, int]]:
    """completion_over_time as first written: every pledge's events replayed at every month's end."""
    from tracker.db.enums import StatusEventKind
    from tracker.db.models import StatusEvent

    events: dict[int, list] = {}
    for pledge_id, as_of_on, new_status in s.execute(
            sa.select(StatusEvent.pledge_id, StatusEvent.as_of_on, StatusEvent.new_status)
            .where(StatusEvent.pledge_id.in_(ids),
                   StatusEvent.kind.in_([StatusEventKind.EFFECTIVE, StatusEventKind.CONFIRMATION]))
            .order_by(StatusEvent.id)):
        events.setdefault(pledge_id, []).append((as_of_on, new_status))
    if not events:
        return []
    first = min(day for evs in events.values() for day, _ in evs)
    start = max(first, dt.date(until.year - months // 12, until.month, 1))
    out = []
    for end in tables.month_ends(start.replace(day=1), until):
        done = 0
        for evs in events.values():
            current = None
            for day, verdict in evs:
                if day <= end:
                    current = verdict
            done += current is Status.DONE
        out.append((end, done))
    return out


def test_the_database_summarises_the_dashboard_the_rows_give(session_factory, cases):
    with session_factory() as s:
        for args in views():
            f = listing.parse_filters(s, args, today=TODAY)
            expected = tables.summarise(listing.iter_rows(s, f), f.day)
            summary = tables.view_summary(s, f)
            assert records(summary.groups, summary.total) == records(expected.groups, expected.total), args
            assert summary.meter == expected.meter and summary.months == expected.months, args
            completion = tables.completion_over_time(s, summary.ids, f.day)
            assert completion == tables.completion_over_time(s, expected.ids, f.day), args
            assert completion == completion_replayed(s, expected.ids, f.day), args
            if not args:
                assert completion and completion[-1][1] > 0 and summary.total.behind and summary.total.overdue


@pytest.mark.parametrize("flag", list(Flag))
def test_a_flag_view_counts_and_pages_as_the_rows_carry_the_flag(session_factory, cases, flag):
    with session_factory() as s:
        every = [r for r in listing.iter_rows(s, listing.parse_filters(s, {}, today=TODAY)) if r.flag is flag]
        f = listing.parse_filters(s, {"flag": flag.value, "sort": "due_on"}, today=TODAY)
        assert [r.id for r in listing.iter_rows(s, f)] == [r.id for r in every]
        assert listing.count(s, f) == len(every) > 1
        first, after = listing.page(s, f, limit=len(every) - 1)
        assert [r.id for r in first] == [r.id for r in every[:-1]] and after is not None


DAY = dt.date(2024, 9, 1)
OFFSETS = (None, -10, -1, 0, 1, 30, 31)  # days from DAY


def _when(offset):
    return None if offset is None else DAY + dt.timedelta(days=offset)


def _evaluate(conn, expressions: list) -> list[bool]:
    return [bool(v) for v in conn.execute(sa.select(*[sa.case((e, 1), else_=0) for e in expressions])).one()]


def test_the_schedule_rules_in_sql_are_the_ones_in_schedule_py(engine):
    """Every status × review state × deadline × rating day × publication × achieved value, on both databases."""
    cases = list(itertools.product(Status, ReviewState, OFFSETS, (None, -20, 0, 5), (None, -300), (None, "3")))
    with engine.connect() as conn:
        for status, state, due_offset, rated_offset, published_offset, achieved in cases:
            due_on = _when(due_offset)
            status_on = None if rated_offset is None else (due_on or DAY) + dt.timedelta(days=rated_offset)
            published_on = _when(published_offset)
            col = {"status": sa.literal(status.value, sa.String()), "state": sa.literal(state.value, sa.String()),
                   "due": sa.literal(due_on, sa.Date()), "rated": sa.literal(status_on, sa.Date()),
                   "published": sa.literal(published_on, sa.Date()), "achieved": sa.literal(achieved, sa.String())}
            got = _evaluate(conn, [
                tables.is_open_sql(col["status"], col["state"]),
                tables.overdue_sql(col["status"], col["state"], col["due"], DAY),
                tables.due_sql(col["status"], col["due"], DAY),
                tables.done_on_time_sql(col["status"], col["rated"], col["due"]),
                tables.maybe_behind_sql(col["status"], col["state"], col["due"], col["published"], col["achieved"],
                                        DAY)])
            # behind needs both shares: a time share (publication and deadline) and an achieved value
            could_be_behind = schedule.flag(due_on, status, DAY, Progress.BEHIND, state) is Flag.YELLOW \
                and schedule.time_share(published_on, due_on, DAY) is not None and achieved is not None
            expected = [schedule.is_open(status, state),
                        schedule.flag(due_on, status, DAY, None, state) is Flag.RED,
                        status is Status.DONE or (due_on is not None and due_on < DAY),
                        schedule.done_on_time(status, status_on, due_on),
                        could_be_behind]
            assert got == expected, (status, state, due_on, status_on, published_on, achieved)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.tuples(st.integers(0, 40), st.sampled_from([Status.DONE, Status.IN_PROGRESS,
                                                                        Status.MISSED])), max_size=6),
                max_size=8),
       st.lists(st.integers(0, 45), min_size=1, max_size=10, unique=True))
def test_done_at_is_the_replay_at_each_day(timelines, ends):
    """The sweep over each timeline's change days gives what replaying every event at every day gives."""
    start = dt.date(2024, 1, 1)
    timelines = [[(start + dt.timedelta(days=d), verdict) for d, verdict in evs] for evs in timelines]
    days = sorted(start + dt.timedelta(days=d) for d in ends)
    expected = []
    for end in days:
        done = 0
        for evs in timelines:
            current = None
            for day, verdict in evs:
                if day <= end:
                    current = verdict
            done += current is Status.DONE
        expected.append(done)
    assert tables.done_at(timelines, days) == expected


def test_done_at_on_a_year_of_random_histories():
    rng = random.Random(5)
    start = dt.date(2023, 1, 1)
    timelines = [[(start + dt.timedelta(days=rng.randint(0, 700)), rng.choice(list(Status)))
                  for _ in range(rng.randint(1, 5))] for _ in range(500)]
    ends = tables.month_ends(start, dt.date(2024, 12, 20))
    replayed = [sum(next((v for d, v in reversed(evs) if d <= end), None) is Status.DONE for evs in timelines)
                for end in ends]
    assert tables.done_at(timelines, ends) == replayed and max(replayed) > 0


@pytest.mark.parametrize("sort", sorted(listing.SORTS))
def test_the_view_is_ordered_by_the_stand_in_dates_and_then_the_id(session_factory, cases, sort):
    """Missing dates sort as 9999-12-31 (0001-01-01 descending), ties by id: the order the cursor walks."""
    _, key, descending = listing.SORTS[sort]
    stand_in = listing.FAR_PAST if descending else listing.FAR_FUTURE
    with session_factory() as s:
        rows = list(listing.iter_rows(s, listing.parse_filters(s, {"sort": sort, "review_state": "all"},
                                                               today=TODAY)))
    assert len(rows) == len(cases["ids"]) + len(cases["extra"])
    expected = sorted(rows, key=lambda r: (getattr(r, key) or stand_in, r.id) if key != "id" else r.id,
                      reverse=descending)
    assert [r.id for r in rows] == [r.id for r in expected]


def test_behind_schedule_in_sql_is_schedule_py_on_its_boundaries(engine):
    """欠进度 multiplied out in SQL (listing.behind_sql) against schedule.progress, on both
    databases: exactly 5 points behind is not behind, a hair more is; decimals; no time passed;
    a zero, missing or decimal target; the as-stored text of SQLite's exact decimals."""
    published = DAY - dt.timedelta(days=50)
    dues = [DAY + dt.timedelta(days=d) for d in (-60, -50, -1, 0, 1, 50, 950)]
    values = [None, "0", "8.99", "9", "9.01", "0.45", "4.5", "10", "18", "20", "1.2"]
    targets = [None, "0", "20", "1", "7.3"]
    rows = []
    for due_on, pub, target, achieved in itertools.product(dues, [published, DAY, DAY + dt.timedelta(days=3), None],
                                                          targets, values):
        rows.append((due_on, pub, target, achieved))
    with engine.connect() as conn:
        for chunk in range(0, len(rows), 100):
            part = rows[chunk:chunk + 100]
            got = _evaluate(conn, [listing.behind_sql(sa.literal(pub, sa.Date()), sa.literal(due_on, sa.Date()), DAY,
                                                      sa.literal(target, sa.String()), sa.literal(achieved, sa.String()))
                                   for due_on, pub, target, achieved in part])
            for (due_on, pub, target, achieved), behind in zip(part, got):
                time = schedule.time_share(pub, due_on, DAY)
                share = schedule.achieved_share(None if target is None else Decimal(target),
                                                None if achieved is None else Decimal(achieved))
                assert behind == (schedule.progress(time, share) is Progress.BEHIND), (due_on, pub, target, achieved)
    assert sum(1 for due_on, pub, target, achieved in rows if due_on == DAY + dt.timedelta(days=50)
               and pub == published and target == "20" and achieved in ("8.99", "9")) == 2  # the boundary is in the table
