"""Status tables, meters and chart series, all computed from a view's rows (``listing``), so a
table, a dashboard and a scorecard always agree with the list they summarise.

* ``status_table(rows, by)``: per district or per official, the pledges by status, how
  many were done on time (已完成 rated no later than the deadline) out of those due
  (deadline passed, or done), that share, the overdue (红) and behind (黄) counts, and
  the 未完成 verdicts awaiting a second reviewer.
* ``meter(rows)``: kept / in progress / missed / not yet rated, as in promise meters.
* ``by_deadline_month(rows)``: pledges by the month of their deadline and status.
* ``completion_over_time(session, ids, until)``: at each month's end, how many of the
  pledges were 已完成 (the verdict in force by then, replayed from ``status_event``).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.db.enums import Status, StatusEventKind
from tracker.db.models import StatusEvent
from tracker.services import schedule
from tracker.services.listing import Row
from tracker.services.schedule import Flag

#: key, label of the status-table columns (a public contract, as the pledge columns)
TABLE_COLUMNS: list[tuple[str, str]] = (
    [("group_id", "编号"), ("name", "名称"), ("total", "承诺数")]
    + [(f"status_{s.value}", s.label) for s in Status]
    + [("due", "已到期或已完成"), ("done_on_time", "按时完成"), ("on_time_share", "按时完成率"),
       ("overdue", "逾期（红）"), ("behind", "欠进度（黄）"), ("proposed", "未完成待复核")]
)
METER = (("kept", "已兑现", (Status.DONE,)), ("partly", "部分兑现", (Status.PARTLY_DONE,)),
         ("in_progress", "推进中", (Status.IN_PROGRESS,)), ("stalled", "停滞", (Status.STALLED,)),
         ("missed", "未兑现", (Status.MISSED,)), ("unrated", "未评估", (Status.UNASSESSED, Status.UNASSESSABLE)))


@dataclass
class Group:
    group_id: int | None
    name: str
    total: int = 0
    status: Counter = field(default_factory=Counter)
    due: int = 0
    done_on_time: int = 0
    overdue: int = 0
    behind: int = 0
    proposed: int = 0

    @property
    def on_time_share(self) -> Decimal | None:
        return None if not self.due else Decimal(self.done_on_time) / Decimal(self.due)

    def add(self, row: Row, day: dt.date) -> None:
        self.total += 1
        self.status[row.status] += 1
        if row.status is Status.DONE or (row.due_on is not None and row.due_on < day):
            self.due += 1
        if schedule.done_on_time(row.status, row.status_on, row.due_on):
            self.done_on_time += 1
        self.overdue += row.flag is Flag.RED
        self.behind += row.flag is Flag.YELLOW
        self.proposed += row.proposed is not None

    def record(self) -> dict:
        out = {"group_id": self.group_id, "name": self.name, "total": self.total}
        out.update({f"status_{s.value}": self.status.get(s, 0) for s in Status})
        out.update(due=self.due, done_on_time=self.done_on_time, on_time_share=self.on_time_share,
                   overdue=self.overdue, behind=self.behind, proposed=self.proposed)
        return out


def status_table(rows: Iterable[Row], by: str, day: dt.date) -> tuple[list[Group], Group]:
    """Groups (most pledges first) and the total line; ``by`` is ``district`` or ``official``."""
    if by not in ("district", "official"):
        raise ValueError(by)
    groups: dict[int | None, Group] = {}
    total = Group(None, "合计")
    for row in rows:
        key = getattr(row, f"{by}_id")
        group = groups.get(key)
        if group is None:
            group = groups[key] = Group(key, getattr(row, by) or ("（未注明区县）" if by == "district" else "（未注明）"))
        group.add(row, day)
        total.add(row, day)
    return sorted(groups.values(), key=lambda g: (-g.total, g.name)), total


def meter(rows: Iterable[Row]) -> list[tuple[str, str, int]]:
    counts = Counter(r.status for r in rows)
    return [(key, label, sum(counts.get(s, 0) for s in statuses)) for key, label, statuses in METER]


def by_deadline_month(rows: Iterable[Row]) -> list[tuple[str, Counter]]:
    months: dict[str, Counter] = {}
    for row in rows:
        if row.due_on is None:
            continue
        months.setdefault(row.due_on.strftime("%Y-%m"), Counter())[row.status] += 1
    return sorted(months.items())


def month_ends(start: dt.date, until: dt.date) -> list[dt.date]:
    out, year, month = [], start.year, start.month
    while True:
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        end = min(nxt - dt.timedelta(days=1), until)
        out.append(end)
        if end >= until:
            return out
        year, month = nxt.year, nxt.month


def completion_over_time(session: Session, ids: list[int], until: dt.date, *, months: int = 24
                         ) -> list[tuple[dt.date, int]]:
    """(month end, pledges 已完成 by then) for the last ``months`` months up to ``until``."""
    if not ids:
        return []
    events: dict[int, list[tuple[dt.date, Status]]] = {}
    kinds = [StatusEventKind.EFFECTIVE, StatusEventKind.CONFIRMATION]
    for chunk in range(0, len(ids), 5000):
        part = ids[chunk:chunk + 5000]
        for pledge_id, as_of_on, new_status in session.execute(
                sa.select(StatusEvent.pledge_id, StatusEvent.as_of_on, StatusEvent.new_status)
                .where(StatusEvent.pledge_id.in_(part), StatusEvent.kind.in_(kinds))
                .order_by(StatusEvent.id)):
            events.setdefault(pledge_id, []).append((as_of_on, new_status))
    if not events:
        return []
    first = min(day for evs in events.values() for day, _ in evs)
    start = max(first, dt.date(until.year - months // 12, until.month, 1) if months else first)
    out = []
    for end in month_ends(start.replace(day=1), until):
        done = 0
        for evs in events.values():
            current = None
            for day, status in evs:  # recorded order; the latest that describes a day by ``end`` holds
                if day <= end:
                    current = status
            done += current is Status.DONE
        out.append((end, done))
    return out


def open_proposals(session: Session) -> list[StatusEvent]:
    """未完成 verdicts awaiting a second reviewer, oldest first, with their pledges loaded."""
    from sqlalchemy.orm import joinedload

    answer = sa.orm.aliased(StatusEvent)
    answered = sa.select(answer.id).where(answer.responds_to_id == StatusEvent.id)
    return list(session.scalars(
        sa.select(StatusEvent).options(joinedload(StatusEvent.pledge), joinedload(StatusEvent.user))
        .where(StatusEvent.kind == StatusEventKind.PROPOSED, ~answered.exists())
        .order_by(StatusEvent.id)))


@dataclass
class Summary:
    """Everything the dashboard draws, gathered in one pass over a view's rows."""

    groups: list[Group]
    total: Group
    meter: list[tuple[str, str, int]]
    months: list[tuple[str, Counter]]
    ids: list[int]


def summarise(rows: Iterable[Row], day: dt.date) -> Summary:
    """Status table by district, meter, deadline months and the pledge ids, without keeping the rows."""
    ids: list[int] = []
    statuses: Counter = Counter()
    months: dict[str, Counter] = {}

    def tap():
        for row in rows:
            ids.append(row.id)
            statuses[row.status] += 1
            if row.due_on is not None:
                months.setdefault(row.due_on.strftime("%Y-%m"), Counter())[row.status] += 1
            yield row

    groups, total = status_table(tap(), "district", day)
    parts = [(key, label, sum(statuses.get(s, 0) for s in members)) for key, label, members in METER]
    return Summary(groups, total, parts, sorted(months.items()), ids)
