"""``workbench.PledgeEdit``: the one list of a pledge's editable fields that the snapshot, the form's
corrections and undo share (on SQLite and PostgreSQL)."""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from tests.services.test_review_web import world  # noqa: F401  (the fixture)
from tracker.db.enums import DistrictLevel, Precision, ReviewState
from tracker.db.models import District
from tracker.services import workbench


def test_the_snapshot_records_every_editable_field_and_the_review():
    fields = [f.name for f in dataclasses.fields(workbench.PledgeEdit)]
    assert fields == ["district", "official", *workbench.TEXT_FIELDS, "due_on", "deadline_precision", "quantities"]
    assert workbench.PledgeEdit().given() == {}


def test_every_field_corrected_is_put_back_by_undo(session, world):  # noqa: F811
    _, (kinder, _, _), people = world
    session.add(District(name="张店区", level=DistrictLevel.DISTRICT))
    session.commit()
    before = workbench.snapshot(kinder)
    workbench.confirm_pledge(session, kinder.id, people["ed"], version=kinder.version_id, changes={
        "district": "张店区", "official": "马晓磊", "responsible_unit": " 教育局 ", "action": "新建",
        "object": "公办幼儿园", "qualifier": "至少", "deadline_raw": "年底前", "due_on": dt.date(2021, 12, 31),
        "deadline_precision": "year", "quantities": [{"value": "4", "unit": "所"}, {"value": "1", "unit": "处"}]})
    session.commit()
    after = workbench.snapshot(kinder)
    assert (after["district"], after["official"], after["responsible_unit"], after["qualifier"]) == (
        "张店区", "马晓磊", "教育局", "至少")
    assert (after["due_on"], after["deadline_precision"]) == (dt.date(2021, 12, 31), Precision.YEAR)
    assert after["quantities"] == [{"value": Decimal("4"), "value_max": None, "unit": "所"},
                                   {"value": Decimal("1"), "value_max": None, "unit": "处"}]
    assert after["review_state"] is ReviewState.CONFIRMED and after["is_corrected"]
    workbench.undo_last(session, people["ed"])
    session.commit()
    assert workbench.snapshot(kinder) == before


@pytest.mark.parametrize("changes, field", [
    ({"district": "火星区", "responsible_unit": "x" * 300}, "district"),  # the first field refused is named
    ({"official": "马" * 51, "deadline_precision": "century"}, "official"),
    ({"action": "x" * 101, "quantities": [{"value": "-1", "unit": "所"}]}, "action"),
    ({"deadline_precision": "century"}, "deadline_precision"),
    ({"quantities": [{"value": "四", "unit": "所"}]}, "quantities"),
])
def test_a_bad_field_is_named_and_nothing_changes(session, world, changes, field):  # noqa: F811
    _, (kinder, _, _), people = world
    before = workbench.snapshot(kinder)
    with pytest.raises(workbench.FieldError) as exc:
        workbench.confirm_pledge(session, kinder.id, people["ed"], version=kinder.version_id, changes=changes)
    assert exc.value.field == field
    session.rollback()
    assert workbench.snapshot(kinder) == before
