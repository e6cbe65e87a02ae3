"""``as_of`` against a scripted history (tests/as_of_script.py): the list rebuilt for a past
day equals, row for row, the live list the script saw at the end of that day, for several
views, on SQLite and PostgreSQL; pledge fields, quantities and review states included."""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from as_of_script import BEFORE, DAYS, VIEWS, play
from tracker.db.enums import ReviewState, Status
from tracker.services import listing

LATER = dt.date(2024, 7, 31)


def live(session, day):
    """What the list showed at the end of ``day``, view by view."""
    return [list(listing.iter_rows(session, listing.parse_filters(session, args, today=day))) for args in VIEWS]


@pytest.fixture
def script(session_factory):
    return play(session_factory, live)


def rebuilt(session, day, **extra):
    return [list(listing.iter_rows(session, listing.parse_filters(session, {**args, "as_of": day.isoformat(), **extra},
                                                                  today=LATER)))
            for args in VIEWS]


def test_the_list_as_of_each_day_is_the_list_as_it_was_that_day(session_factory, script):
    with session_factory() as s:
        for day in DAYS:
            then = script["snapshots"][day]
            assert sum(len(rows) for rows in then) > 0
            for args, expected, got in zip(VIEWS, then, rebuilt(s, day)):
                assert [r.id for r in got] == [r.id for r in expected], (day, args)
                for a, b in zip(got, expected):
                    assert dataclasses.asdict(a) == dataclasses.asdict(b), (day, args, a.id)
        assert all(rows == [] for rows in rebuilt(s, BEFORE))


def _row(s, script, key, day):
    f = listing.parse_filters(s, {"review_state": "all", "as_of": day.isoformat()}, today=LATER)
    return next((r for r in listing.iter_rows(s, f) if r.id == script["ids"][key]), None)


def test_fields_corrected_later_show_their_old_values(session_factory, script):
    with session_factory() as s:
        b1, b2, now = (_row(s, script, "B", d) for d in (DAYS[0], DAYS[1], LATER))
        # the machine's reading never shows: B was corrected on the day it was recorded
        assert (b1.district, b1.responsible_unit, b1.action, b1.object, b1.official) == (
            "张店区", "住建局", "完成改造", "老旧小区住宅", None)
        assert (b1.target_value, b1.target_value_max, b1.due_on, b1.deadline_raw) == (
            Decimal(25), None, dt.date(2024, 9, 30), "9月底前")
        assert (b2.responsible_unit, b2.official, b2.target_text) == ("城管局", "马晓磊", "25–30个")
        b4, b5 = _row(s, script, "B", DAYS[4]), _row(s, script, "B", DAYS[5])
        assert (b4.status, b4.proposed, b5.status, b5.proposed) == (Status.IN_PROGRESS, Status.MISSED, Status.MISSED, None)
        assert (now.district, now.responsible_unit, now.target_text) == ("张店区", "城管局", "25–30个")
        a = [_row(s, script, "A", d) for d in (DAYS[4], DAYS[5])]
        assert [r.due_on for r in a] == [dt.date(2024, 12, 31), dt.date(2024, 6, 30)]


def test_review_states_merges_and_additions_as_they_were(session_factory, script):
    with session_factory() as s:
        c = [_row(s, script, "C", d) for d in DAYS]
        assert [r.review_state for r in c] == [ReviewState.PENDING, ReviewState.REJECTED, ReviewState.CONFIRMED,
                                              ReviewState.CONFIRMED, ReviewState.REJECTED, ReviewState.REJECTED,
                                              ReviewState.REJECTED]
        assert [r.object for r in c[1:5]] == ["城市绿道", "城市绿道（环城）", "城市绿道（环城）", "城市绿道"]
        assert _row(s, script, "D", DAYS[1]) is not None and _row(s, script, "D", DAYS[2]) is None  # merged on 03-20
        assert _row(s, script, "E", DAYS[1]) is None and _row(s, script, "E", DAYS[2]).status is Status.UNASSESSED


def test_filters_and_sorting_read_the_values_of_that_day(session_factory, script):
    with session_factory() as s:
        def ids(day, **args):
            f = listing.parse_filters(s, {"review_state": "all", "as_of": day.isoformat(), **args}, today=LATER)
            by_id = {v: k for k, v in script["ids"].items()}
            return [by_id[r.id] for r in listing.iter_rows(s, f)]

        assert ids(BEFORE) == []
        assert ids(DAYS[0], district="临淄区") == ["C"]  # B moved to 张店区 that day
        assert ids(DAYS[0], unit="住建局") == ["B"] and ids(DAYS[1], unit="住建局") == []
        assert ids(DAYS[1], official="马晓磊") == ["B"] and ids(DAYS[0], official="马晓磊") == []
        assert ids(DAYS[4], due_to="2024-08-31") == ["E"]  # A's deadline moved to 06-30 on 05-10
        assert ids(DAYS[5], due_to="2024-08-31") == ["A", "E"]
        assert ids(DAYS[4], sort="due_on") == ["E", "B", "A", "C"]
        assert ids(DAYS[4], review_state="rejected") == ["C"] and ids(DAYS[3], review_state="rejected") == []
        f = listing.parse_filters(s, {"review_state": "all", "as_of": DAYS[4].isoformat()}, today=LATER)
        first, after = listing.page(s, f, limit=2)
        rest, end = listing.page(s, f, after=after, limit=2)
        assert [r.id for r in first + rest] == [script["ids"][k] for k in ("E", "B", "A", "C")] and end is None
        assert listing.count(s, f) == 4


def test_a_change_at_the_last_second_of_a_day_counts_for_that_day(session_factory, script):
    """The day ends at midnight in Shanghai (16:00 UTC): a change recorded at 23:59:59 there belongs to it."""
    import sqlalchemy as sa

    from tracker.db.models import AuditEvent

    with session_factory() as s:
        second_correction = s.scalars(sa.select(AuditEvent).where(
            AuditEvent.entity == "pledge", AuditEvent.entity_id == script["ids"]["B"],
            AuditEvent.action == "correct").order_by(AuditEvent.id)).all()[1]
        second_correction.at = dt.datetime(2024, 2, 14, 15, 59, 59, tzinfo=dt.timezone.utc)
        s.commit()
        assert _row(s, script, "B", dt.date(2024, 2, 14)).responsible_unit == "城管局"
        second_correction.at = dt.datetime(2024, 2, 14, 16, 0, 0, tzinfo=dt.timezone.utc)
        s.commit()
        assert _row(s, script, "B", dt.date(2024, 2, 14)).responsible_unit == "住建局"


def test_a_pending_pledge_the_extractor_refreshed_later_shows_its_earlier_reading(session_factory, ingested):
    """Re-extraction records the old quantities as {value, value_max, unit, raw}; older events held
    [value, unit, raw] lists, which are read too (the range's upper bound then reads as empty)."""
    import sqlalchemy as sa

    from tracker.db.models import AuditEvent, Pledge
    from tracker.extract import extract_document
    from tracker.services.reextract import reextract_all

    def reads_more(text, published=None):  # every first quantity one more, with a range
        doc = extract_document(text, published=published)
        candidates = tuple(dataclasses.replace(c, object=f"{c.object}（新读）", quantities=(
            dataclasses.replace(c.quantities[0], value=c.quantities[0].value + 1,
                                value_max=c.quantities[0].value + 2), *c.quantities[1:])) if c.quantities else c
            for c in doc.candidates)
        return dataclasses.replace(doc, candidates=candidates)

    recorded = dt.datetime(2024, 3, 1, 2, tzinfo=dt.timezone.utc)
    with session_factory() as s:
        s.execute(sa.update(Pledge).values(created_at=recorded))
        s.execute(sa.update(AuditEvent).values(at=recorded))
        s.commit()
        before = {p.id: (p.object, p.quantities[0].value, p.quantities[0].unit)
                  for p in s.scalars(sa.select(Pledge)) if p.quantities}
    assert [r.failed for r in reextract_all(session_factory, version="test-more", extract=reads_more)] == [None] * 5
    with session_factory() as s:
        f = listing.parse_filters(s, {"review_state": "all", "as_of": "2024-03-01"}, today=LATER)
        then = {r.id: r for r in listing.iter_rows(s, f)}
        now = {r.id: r for r in listing.iter_rows(s, listing.parse_filters(s, {"review_state": "all"}, today=LATER))}
        refreshed = [i for i in before if i in now and now[i].target_value != before[i][1]]
        assert refreshed
        for i in refreshed:
            assert (then[i].object, then[i].target_value, then[i].target_unit, then[i].target_value_max) == (
                *before[i], None)
            assert now[i].target_value == before[i][1] + 1 and now[i].target_value_max == before[i][1] + 2
        event = s.scalars(sa.select(AuditEvent).where(AuditEvent.action == "refresh",
                                                      AuditEvent.entity_id == refreshed[0])).one()
        assert event.old["quantities"][0]["value"] == format(before[refreshed[0]][1], "f")
        # an event written before re-extraction recorded dicts: [value, unit, raw]
        event.old = {**event.old, "quantities": [[format(before[refreshed[0]][1], "f"), "旧单位", "旧"]]}
        s.commit()
        row = next(r for r in listing.iter_rows(s, f) if r.id == refreshed[0])
        assert (row.target_value, row.target_unit, row.target_value_max) == (before[refreshed[0]][1], "旧单位", None)
