"""``set_status`` holds the domain rule on achieved values itself, whoever calls it (the reviewer's
form and the API refuse them too, but a script calling the service directly must meet the same rule)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import sqlalchemy as sa

from tracker.db.enums import Status
from tracker.db.models import AuditEvent, Pledge, StatusEvent, User
from tracker.services import status, workbench
from tracker.services.errors import ServiceError

TODAY = dt.date(2024, 6, 1)


@pytest.mark.parametrize("value, message", [
    ("-1", "不能为负数"),
    (Decimal("-0.5"), "不能为负数"),
    (-3, "不能为负数"),
    ("1e30", "超出范围"),
    ("1000000000000000000", "超出范围"),  # 19 integer digits: the column holds 18
    ("0.0000001", "超出范围"),  # 7 decimals: the column holds 6
    ("NaN", "不是有效的数字"),
    ("Infinity", "不是有效的数字"),
])
def test_set_status_called_directly_refuses_a_negative_or_absurd_achieved_value(session_factory, ingested, users,
                                                                                 value, message):
    with session_factory() as s:
        pledge = s.scalars(sa.select(Pledge).order_by(Pledge.id).limit(1)).one()
        workbench.confirm_pledge(s, pledge.id, s.get(User, users["editor"]), version=None)
        s.commit()
        version, audits = pledge.version_id, s.scalar(sa.select(sa.func.count(AuditEvent.id)))
        with pytest.raises(ServiceError, match=message):
            status.set_status(s, pledge, s.get(User, users["reviewer"]), status.StatusChange(
                    Status.IN_PROGRESS, as_of_on=TODAY, achieved_value=value), today=TODAY)
        s.rollback()
        assert s.scalar(sa.select(sa.func.count(StatusEvent.id))) == 0
        assert s.scalar(sa.select(sa.func.count(AuditEvent.id))) == audits
        pledge = s.get(Pledge, pledge.id)
        assert (pledge.status, pledge.version_id) == (Status.UNASSESSED, version)
        assert all(q.achieved_value is None for q in pledge.quantities)


@pytest.mark.parametrize("value, stored", [("0", Decimal(0)), ("999999999999999999.5", Decimal("999999999999999999.5")),
                                           ("12.000001", Decimal("12.000001"))])
def test_set_status_keeps_zero_and_the_largest_values_the_column_holds(session_factory, ingested, users, value,
                                                                       stored):
    with session_factory() as s:
        pledge = s.scalars(sa.select(Pledge).order_by(Pledge.id).limit(1)).one()
        workbench.confirm_pledge(s, pledge.id, s.get(User, users["editor"]), version=None)
        status.set_status(s, pledge, s.get(User, users["reviewer"]), status.StatusChange(
                Status.IN_PROGRESS, as_of_on=TODAY, achieved_value=value), today=TODAY)
        s.commit()
        s.expire_all()
        assert s.get(Pledge, pledge.id).quantities[0].achieved_value == stored
