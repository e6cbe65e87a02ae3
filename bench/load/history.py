"""A year of reviewers' work on a filled database, for bench/load.sh: deadlines and status histories.

bench/web.py's generator leaves every pledge without a deadline and unrated, so the
reviewer's queue, the flags, the scorecards' timelines and the status tables have
nothing to show. ``add_history(url, seed)`` gives the confirmed pledges what a
tracker a few years old holds (fixed shares, reproducible from the seed):

* 85% a deadline at a month's end, 3 months to 4 years after publication (most have passed);
* statuses: 35% 未评估, 25% 推进中 (60% with an achieved value), 20% 已完成 (80% on time,
  some after a 推进中), 5% 部分完成, 5% 停滞, 5% 未完成 (proposed, then confirmed by a
  second reviewer), 3% 无法评估, 2% 推进中 with a 未完成 proposal still open;
* each verdict a ``status_event`` as ``tracker.services.status`` writes it (evidence on
  已完成 and 未完成, the achieved value on the primary quantity), recorded the day after its
  as-of day; the pledge's status, status_on and miss reason are those of the latest.

Bulk SQL (Core inserts and updates), as bench/web.py fills; prints nothing, returns counts.
"""
from __future__ import annotations

import calendar
import datetime as dt
import random
from decimal import Decimal

SHARES = [("unassessed", 35), ("in_progress", 25), ("done", 20), ("partly_done", 5), ("stalled", 5),
          ("missed", 5), ("unassessable", 3), ("proposed", 2)]


def month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def add_history(url: str, seed: int, today: dt.date | None = None) -> dict:
    import sqlalchemy as sa

    from tracker.db.engine import make_engine
    from tracker.db.models import Document, Pledge, Quantity, StatusEvent, User
    from tracker.services.listing import shanghai_today
    from werkzeug.security import generate_password_hash

    rng = random.Random(seed)
    today = today or shanghai_today()
    engine = make_engine(url)
    statuses = [s for s, share in SHARES for _ in range(share)]
    counts: dict[str, int] = {}
    with engine.begin() as conn:
        reviewers = list(conn.execute(sa.insert(User).returning(User.id, sort_by_parameter_order=True), [
            {"name": f"history_reviewer{i}", "is_active": True, "password_hash": generate_password_hash(f"history-password-{i}"),
             "role": "reviewer"} for i in (1, 2)]).scalars())
        rows = conn.execute(
            sa.select(Pledge.id, Document.published_on, Quantity.id, Quantity.value)
            .join(Document, Document.id == Pledge.document_id)
            .outerjoin(Quantity, sa.and_(Quantity.pledge_id == Pledge.id, Quantity.position == 0))
            .where(Pledge.review_state == "confirmed").order_by(Pledge.id)).all()
        pledge_updates, quantity_updates, events, answers = [], [], [], []

        def event(pledge_id, kind, new, as_of, old=None, **more):
            recorded = min(as_of + dt.timedelta(days=1), today)
            at = dt.datetime(recorded.year, recorded.month, recorded.day, 2, tzinfo=dt.timezone.utc)
            row = {"pledge_id": pledge_id, "kind": kind, "old_status": old, "new_status": new, "as_of_on": as_of,
                   "note": None, "evidence_url": None, "evidence_quote": None, "miss_reason": None,
                   "quantity_id": None, "achieved_value": None, "user_id": reviewers[0], "created_at": at}
            row.update(more)
            return row

        for pledge_id, published, quantity_id, target in rows:
            target = Decimal(target) if target is not None else None
            due = month_end(published + dt.timedelta(days=rng.randint(90, 1460))) if rng.random() < 0.85 else None
            kind = rng.choice(statuses)
            counts[kind] = counts.get(kind, 0) + 1
            update = {"b_id": pledge_id, "due_on": due, "deadline_precision": "month" if due else None,
                      "deadline_raw": f"{due.year}年{due.month}月底前" if due else None,
                      "status": "unassessed", "status_on": None, "miss_reason": None, "miss_note": None}
            pledge_updates.append(update)
            if kind == "unassessed":
                continue
            last = min(today, due or today)
            span = max((last - published).days, 1)

            def day_between(lo: float, hi: float) -> dt.date:
                return min(today, published + dt.timedelta(days=max(1, int(span * rng.uniform(lo, hi)))))

            achieved = None
            mine = []
            if kind in ("in_progress", "proposed") or (kind == "done" and rng.random() < 0.5):
                as_of = day_between(0.2, 0.6)
                if quantity_id is not None and rng.random() < 0.6:
                    achieved = (target * Decimal(rng.randint(10, 95)) / 100).quantize(Decimal(1))
                mine.append(event(pledge_id, "effective", "in_progress", as_of, "unassessed", note="按计划推进",
                                  quantity_id=quantity_id if achieved is not None else None, achieved_value=achieved))
                update.update(status="in_progress", status_on=as_of)
            if kind == "done":
                as_of = day_between(0.7, 1.0) if rng.random() < 0.8 or due is None or due >= today \
                    else min(today, due + dt.timedelta(days=rng.randint(10, 200)))
                achieved = target if quantity_id is not None else None
                mine.append(event(pledge_id, "effective", "done", as_of, update["status"], note="已完成",
                                  evidence_url=f"https://example.gov.cn/done/{pledge_id}",
                                  quantity_id=quantity_id, achieved_value=achieved))
                update.update(status="done", status_on=as_of)
            elif kind in ("partly_done", "stalled", "unassessable"):
                as_of = day_between(0.5, 1.0)
                if kind == "partly_done" and quantity_id is not None:
                    achieved = (target * Decimal(rng.randint(30, 90)) / 100).quantize(Decimal(1))
                mine.append(event(pledge_id, "effective", kind, as_of, "unassessed", note="见说明",
                                  quantity_id=quantity_id if achieved is not None else None, achieved_value=achieved))
                update.update(status=kind, status_on=as_of)
            elif kind in ("missed", "proposed"):
                as_of = day_between(0.8, 1.0)
                mine.append(event(pledge_id, "proposed", "missed", as_of, update["status"], note="资金未到位",
                                  evidence_quote="项目暂缓实施", miss_reason="funding"))
                if kind == "missed":
                    answers.append((len(events) + len(mine) - 1, event(
                        pledge_id, "confirmation", "missed", as_of, update["status"], miss_reason="funding",
                        user_id=reviewers[1])))
                    update.update(status="missed", status_on=as_of, miss_reason="funding", miss_note="资金未到位")
            events.extend(mine)
            if achieved is not None:
                quantity_updates.append({"b_id": quantity_id, "achieved_value": achieved,
                                         "achieved_on": max(e["as_of_on"] for e in mine)})
        ids = list(conn.execute(sa.insert(StatusEvent).returning(StatusEvent.id, sort_by_parameter_order=True),
                                events).scalars())
        if answers:
            conn.execute(sa.insert(StatusEvent), [{**row, "responds_to_id": ids[i]} for i, row in answers])
        pledge = Pledge.__table__
        conn.execute(sa.update(pledge).where(pledge.c.id == sa.bindparam("b_id")), pledge_updates)  # SET: the keys
        if quantity_updates:
            quantity = Quantity.__table__
            conn.execute(sa.update(quantity).where(quantity.c.id == sa.bindparam("b_id")), quantity_updates)
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
        else:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    engine.dispose()
    return {"rated": len(rows), "status_events": len(events) + len(answers), **counts}
