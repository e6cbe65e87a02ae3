"""今日已审 N (``workbench.decided_today``): a person's decisions since midnight in Asia/Shanghai, and no one else's."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from tracker.db.models import AuditEvent, Pledge, User
from tracker.db.types import utcnow
from tracker.services import workbench


def test_decided_today_counts_the_persons_decisions_since_midnight_also_once_the_statement_is_prepared(
        session_factory, ingested, users):
    with session_factory() as s:
        editor, admin = s.get(User, users["editor"]), s.get(User, users["admin"])
        first, second, third, fourth = s.scalars(sa.select(Pledge.id).order_by(Pledge.id).limit(4)).all()
        workbench.confirm_pledge(s, first, editor, version=None)
        workbench.reject_pledge(s, second, editor, version=None, reason="不是承诺")
        workbench.confirm_pledge(s, third, editor, version=None, changes={"object": "人工改过的对象"})
        workbench.confirm_pledge(s, fourth, admin, version=None)
        now = utcnow()
        midnight = now.astimezone(ZoneInfo("Asia/Shanghai")).replace(hour=0, minute=0, second=0, microsecond=0)
        # the editor's decision of yesterday (a minute before midnight in Asia/Shanghai) is not today's
        s.add(AuditEvent(at=(midnight - dt.timedelta(minutes=1)).astimezone(dt.timezone.utc), user_id=editor.id,
                         actor=editor.name, entity="pledge", entity_id=first, action="confirm"))
        s.commit()
        # the day's start is written into the statement; the count stays right past psycopg's prepare threshold
        counts = [workbench.decided_today(s, editor, now=now) for _ in range(8)]
        assert counts == [3] * 8
        assert workbench.decided_today(s, admin, now=now) == 1
        assert workbench.decided_today(s, editor, now=now + dt.timedelta(days=1)) == 0
