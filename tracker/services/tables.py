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

These row-by-row functions are the definitions. ``view_table(session, filters, by)`` and
``view_summary(session, filters)`` give the same numbers for a whole view with GROUP BY
queries over ``listing.base_select``, so a page summarising 100,000 pledges does not stream
them through Python. The schedule rules they need in SQL are the ``*_sql`` expressions,
written from ``schedule`` and held to it by a test on a table of cases; whether a pledge is
behind schedule (黄) needs both shares and stays ``schedule.assess``'s, run on the few rows
that could be (open, deadline not passed, an achieved value recorded).
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Iterable

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session, aliased

from tracker.db.enums import MissReason, ReviewState, Status, StatusEventKind
from tracker.db.models import District, Pledge, StatusEvent, User
from tracker.services import listing, schedule
from tracker.services.listing import Filters, Row
from tracker.services.schedule import Flag

#: key, label of the status-table columns (a public contract, as the pledge columns)
TABLE_COLUMNS: list[tuple[str, str]] = (
    [("group_id", "编号"), ("name", "名称"), ("total", "承诺数")]
    + [(f"status_{s.value}", s.label) for s in Status]
    + [("due", "已到期或已完成"), ("done_on_time", "按时完成"), ("on_time_share", "按时完成率"),
       ("overdue", "逾期（红）"), ("behind", "欠进度（黄）"), ("proposed", "未完成待复核")]
)
METER = (("kept", Status.DONE.label, (Status.DONE,)), ("partly", Status.PARTLY_DONE.label, (Status.PARTLY_DONE,)),
         ("in_progress", Status.IN_PROGRESS.label, (Status.IN_PROGRESS,)), ("stalled", Status.STALLED.label, (Status.STALLED,)),
         ("missed", Status.MISSED.label, (Status.MISSED,)), ("unrated", Status.UNASSESSED.label, (Status.UNASSESSED, Status.UNASSESSABLE)))


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
            group = groups[key] = Group(key, getattr(row, by) or _unnamed(by))
        group.add(row, day)
        total.add(row, day)
    return _ordered(groups.values()), total


def _ordered(groups: Iterable[Group]) -> list[Group]:
    """Most pledges first, then by name (and id, for two officials of one name)."""
    return sorted(groups, key=lambda g: (-g.total, g.name, g.group_id or 0))


def _unnamed(by: str) -> str:
    return "（未注明区县）" if by == "district" else "（未注明）"


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


def completion_over_time(session: Session, ids: list[int] | sa.Select, until: dt.date, *, months: int = 24
                         ) -> list[tuple[dt.date, int]]:
    """(month end, pledges 已完成 by then) for the last ``months`` months up to ``until``.

    ``ids``: the pledges, as a list or as a query of their ids (``Summary.ids``)."""
    query = (sa.select(StatusEvent.pledge_id, StatusEvent.as_of_on, StatusEvent.new_status)
             .where(StatusEvent.kind.in_([StatusEventKind.EFFECTIVE, StatusEventKind.CONFIRMATION])))
    if isinstance(ids, sa.Select):
        queries = [query.where(StatusEvent.pledge_id.in_(ids))]
    else:
        queries = [query.where(StatusEvent.pledge_id.in_(ids[i:i + 5000])) for i in range(0, len(ids), 5000)]
    events: dict[int, list[tuple[dt.date, Status]]] = {}
    connection = session.connection()  # Core rows: none of the ORM's per-row work
    for stmt in queries:
        for pledge_id, as_of_on, new_status in connection.execute(stmt.order_by(StatusEvent.id)):
            if pledge_id in events:
                events[pledge_id].append((as_of_on, new_status))
            else:
                events[pledge_id] = [(as_of_on, new_status)]
    if not events:
        return []
    first = min(day for evs in events.values() for day, _ in evs)
    start = max(first, dt.date(until.year - months // 12, until.month, 1) if months else first)
    ends = month_ends(start.replace(day=1), until)
    return list(zip(ends, done_at(events.values(), ends)))


def done_at(timelines: Iterable[list[tuple[dt.date, Status]]], ends: list[dt.date]) -> list[int]:
    """How many timelines are 已完成 on each day of ``ends`` (ascending). A timeline is one
    pledge's (as-of day, status) events in recorded order; on a day, the latest recorded
    event describing a day no later than it holds."""
    change = [0] * (len(ends) + 1)
    for events in timelines:
        if len(events) == 1:  # most pledges: one verdict
            day, status = events[0]
            if status is Status.DONE:
                change[bisect_left(ends, day)] += 1
                change[-1] -= 1
            continue
        by_day = sorted(range(len(events)), key=lambda i: events[i][0])
        spans: list[tuple[dt.date, Status]] = []  # (from this day on, the status in force)
        latest = -1
        for k, i in enumerate(by_day):
            latest = max(latest, i)
            day = events[i][0]
            if k + 1 == len(by_day) or events[by_day[k + 1]][0] != day:
                spans.append((day, events[latest][1]))
        for k, (day, status) in enumerate(spans):
            if status is Status.DONE:
                change[bisect_left(ends, day)] += 1
                change[bisect_left(ends, spans[k + 1][0]) if k + 1 < len(spans) else len(ends)] -= 1
    out, running = [], 0
    for delta in change[:-1]:
        running += delta
        out.append(running)
    return out


_INT_ARRAY = postgresql.ARRAY(sa.Integer())
_TIMELINE = (StatusEvent.pledge_id, StatusEvent.kind, StatusEvent.new_status, StatusEvent.as_of_on,
             StatusEvent.achieved_value, StatusEvent.miss_reason, StatusEvent.note, StatusEvent.evidence_url,
             StatusEvent.evidence_quote)


def timelines(session: Session, ids: list[int]) -> dict[int, list[sa.Row]]:
    """Each pledge's status events, oldest first, as rows of the columns a timeline shows (kind, new status,
    day, achieved value, reason, note, evidence): a scorecard's hundreds of pledges without building an
    ORM object for each event (``queries.status_timelines`` gives the ``StatusEvent``s)."""
    out: dict[int, list[sa.Row]] = {}
    if not ids:
        return out
    conn = session.connection()  # Core: plain rows, without the ORM's execution steps
    if conn.dialect.name == "postgresql":  # one array parameter: one statement text, prepared once (not 400 values)
        runs = [(_TIMELINES_ANY, {"timeline_ids": list(ids)})]
    else:
        runs = [(_TIMELINES_IN, {"timeline_ids": ids[at:at + 1000]}) for at in range(0, len(ids), 1000)]
    for stmt, params in runs:
        for row in conn.execute(stmt, params).all():  # (fetched in one call, not row by row)
            found = out.get(row[0])
            if found is None:
                out[row[0]] = [row]
            else:
                found.append(row)
    return out


# built once (a statement built for each call is walked again for its cache key)
_TIMELINES_ANY = sa.select(*_TIMELINE).where(
    StatusEvent.pledge_id == sa.any_(sa.bindparam("timeline_ids", type_=_INT_ARRAY))).order_by(StatusEvent.id)
_TIMELINES_IN = sa.select(*_TIMELINE).where(
    StatusEvent.pledge_id.in_(sa.bindparam("timeline_ids", expanding=True))).order_by(StatusEvent.id)


@dataclass(slots=True)
class Proposal:
    """A 未完成 verdict awaiting a second reviewer, as the reviewer's queue lists it."""

    id: int
    pledge_id: int
    quote: str
    user_id: int | None
    user_name: str | None
    new_status: Status
    as_of_on: dt.date
    miss_reason: MissReason | None
    note: str | None
    evidence_url: str | None
    evidence_quote: str | None


def open_proposals(session: Session, limit: int | None = None) -> list[Proposal]:
    """未完成 verdicts awaiting a second reviewer, oldest first (the first ``limit``), with their pledge's
    quote and proposer."""
    # the quote and the name looked up per proposal (an index probe each): as joins, PostgreSQL
    # hashed the whole pledge table for a few hundred proposals
    quote = sa.select(Pledge.quote).where(Pledge.id == StatusEvent.pledge_id).scalar_subquery()
    name = sa.select(User.name).where(User.id == StatusEvent.user_id).scalar_subquery()
    rows = session.connection().execute(  # plain rows: a queue may hold hundreds
        sa.select(StatusEvent.id, StatusEvent.pledge_id, quote, StatusEvent.user_id, name,
                  StatusEvent.new_status, StatusEvent.as_of_on, StatusEvent.miss_reason, StatusEvent.note,
                  StatusEvent.evidence_url, StatusEvent.evidence_quote)
        .where(*_open_proposal())
        .order_by(StatusEvent.id).limit(limit))
    return [Proposal(*row) for row in rows]


def count_open_proposals(session: Session) -> int:
    """How many 未完成 verdicts await a second reviewer (``open_proposals`` without a limit, counted)."""
    return session.scalar(sa.select(sa.func.count()).select_from(StatusEvent).where(*_open_proposal())) or 0


_answer = aliased(StatusEvent, name="answer")


def _open_proposal() -> tuple:
    """A proposal no confirmation or withdrawal answers. NOT EXISTS, not NOT IN (the answers' ids): PostgreSQL
    runs it as an anti-join on the index of ``responds_to_id`` (2.6 ms at 27,000 events, not 17)."""
    answered = sa.select(_answer.id).where(_answer.responds_to_id == StatusEvent.id)
    return StatusEvent.kind == StatusEventKind.PROPOSED, ~answered.exists()


@dataclass
class Undated:
    id: int
    quote: str
    district: str | None
    status: Status
    status_on: dt.date | None


def _undated_where():
    return (Pledge.review_state == ReviewState.CONFIRMED, Pledge.merged_into_id.is_(None), Pledge.due_on.is_(None),
            Pledge.status.not_in(list(schedule.CLOSED)))


def _undated_select():
    district = sa.select(District.name).where(District.id == Pledge.district_id).scalar_subquery()
    return sa.select(Pledge.id, Pledge.quote, district, Pledge.status, Pledge.status_on).where(*_undated_where())


def undated_key(row: Undated):
    """``undated``'s order as a key: the never rated first, then the longest unrated, then by id."""
    return (row.status_on is not None, row.status_on or dt.date.min, row.id)


@lru_cache(maxsize=1)
def _undated_of_select():
    return _undated_select().where(Pledge.id.in_(sa.bindparam("ids", expanding=True)))


def undated_of(session: Session, ids: list[int]) -> dict[int, Undated]:
    """Those of the pledges ``ids`` that ``undated``'s list holds, as its rows by id, from one statement
    (built once): the reviewer's queue after confirmations asks this, not each pledge apart."""
    if not ids:
        return {}
    return {row[0]: Undated(*row) for row in session.execute(_undated_of_select(), {"ids": list(ids)})}


def undated(session: Session, limit: int) -> tuple[list[Undated], int]:
    """Confirmed pledges still open that name no deadline (no flag ever turns them red or yellow):
    the reviewer's queue lists them too, the never rated and the longest unrated first; and their count."""
    where = _undated_where()
    rows = session.execute(
        _undated_select()
        # (the never rated first: NULLS FIRST, the order of PostgreSQL's partial index of these pledges, 0010)
        .order_by(Pledge.status_on.asc().nulls_first(), Pledge.id).limit(limit)).all()
    count = session.scalar(sa.select(sa.func.count()).select_from(Pledge).where(*where)) or 0
    return [Undated(*row) for row in rows], count


@dataclass
class Summary:
    """Everything the dashboard draws, gathered in one pass over a view's rows."""

    groups: list[Group]
    total: Group
    meter: list[tuple[str, str, int]]
    months: list[tuple[str, Counter]]
    ids: list[int] | sa.Select  # the view's pledges (a query of their ids from ``view_summary``)


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


# --- the same numbers, aggregated in the database ----------------------------------------

CLOSED = sorted(s.value for s in schedule.CLOSED)


def is_open_sql(status, review_state):
    """``schedule.is_open``: not closed and not rejected."""
    return sa.and_(status.not_in(CLOSED), review_state != ReviewState.REJECTED.value)


def overdue_sql(status, review_state, due_on, day: dt.date):
    """``schedule.flag`` is 红: open and the deadline has passed."""
    return sa.and_(is_open_sql(status, review_state), due_on < day)


def due_sql(status, due_on, day: dt.date):
    """Counts towards the on-time share (``Group.add``): done, or the deadline has passed."""
    return sa.or_(status == Status.DONE.value, due_on < day)


def done_on_time_sql(status, status_on, due_on):
    """``schedule.done_on_time``: 已完成 as of a day no later than the deadline (or no deadline)."""
    return sa.and_(status == Status.DONE.value,
                   sa.or_(due_on.is_(None), sa.and_(status_on.is_not(None), status_on <= due_on)))


def maybe_behind_sql(status, review_state, due_on, published_on, achieved, day: dt.date):
    """The rows that can be 黄 (behind schedule): open, deadline not passed, both shares known."""
    return sa.and_(is_open_sql(status, review_state), due_on >= day, published_on.is_not(None),
                   achieved.is_not(None))


def _view(filters: Filters):
    """The view as a subquery and its columns by ``Row`` field name."""
    view = listing.base_select(filters).subquery("view")
    return view, {name: view.c[name] for name in listing.SELECTED_NAMES}


def _tally(condition):
    return sa.func.sum(sa.case((condition, 1), else_=0))


def view_table(session: Session, filters: Filters, by: str) -> tuple[list[Group], Group]:
    """``status_table(listing.iter_rows(session, filters), by, filters.day)``, counted by the database."""
    if by not in ("district", "official"):
        raise ValueError(by)
    if filters.values.get("flag") not in listing.SQL_EXACT_FLAGS:  # a few rows, each flag decided in Python
        return status_table(listing.iter_rows(session, filters), by, filters.day)
    day = filters.day
    view, c = _view(filters)
    key, name, status = c[f"{by}_id"], c[by], c["status"]
    groups: dict[int | None, Group] = {}

    def group(group_id, group_name=None) -> Group:
        if group_id not in groups:
            groups[group_id] = Group(group_id, group_name or _unnamed(by))
        return groups[group_id]

    for group_id, group_name, status_value, n, due, on_time, overdue in session.execute(
            sa.select(key, name, status, sa.func.count(), _tally(due_sql(status, c["due_on"], day)),
                      _tally(done_on_time_sql(status, c["status_on"], c["due_on"])),
                      _tally(overdue_sql(status, c["review_state"], c["due_on"], day)))
            .group_by(key, name, status)):
        g = group(group_id, group_name)
        g.total += n
        g.status[Status(status_value)] += n
        g.due += due
        g.done_on_time += on_time
        g.overdue += overdue
    for group_id, published_on, due_on, target, achieved, status_value, review_state in session.execute(
            sa.select(key, c["published_on"], c["due_on"], c["target_value"], c["achieved_value"], status,
                      c["review_state"])
            .where(maybe_behind_sql(status, c["review_state"], c["due_on"], c["published_on"],
                                    c["achieved_value"], day))):
        *_, flag = schedule.assess(published_on=published_on, due_on=due_on, target=listing._number(target),
                                   achieved=listing._number(achieved), status=Status(status_value), today=day,
                                   review_state=ReviewState(review_state))
        group(group_id).behind += flag is Flag.YELLOW
    # the open proposal of each pledge that ever had one (the view's subquery runs for those rows only;
    # as a WHERE condition the database would run it for every row)
    proposals = sa.select(StatusEvent.pledge_id).where(StatusEvent.kind == StatusEventKind.PROPOSED)
    for group_id, proposed in session.execute(sa.select(key, c["proposed"]).where(c["id"].in_(proposals))):
        group(group_id).proposed += proposed is not None
    total = Group(None, "合计")
    for g in groups.values():
        total.total += g.total
        total.status.update(g.status)
        total.due += g.due
        total.done_on_time += g.done_on_time
        total.overdue += g.overdue
        total.behind += g.behind
        total.proposed += g.proposed
    return _ordered(groups.values()), total


_CARD_DAY = sa.bindparam("f_card_day", type_=sa.Date())


def _one_if(condition):
    return sa.case((condition, 1), else_=0)


_CARD_IDS = sa.bindparam("f_card_ids", expanding=True)
_CARD_ID_ARRAY = sa.bindparam("f_card_id_array", type_=_INT_ARRAY)


@lru_cache(maxsize=64)
def _card_select(shape: tuple, sort: str, proposed: bool = True, some: str | None = None):
    """A scorecard's view (``listing._shape``) as its card rows (``iter_rows(card=True)``) are, in its order: of
    each row its id and what its figures count (``Group.add``: due, done on time, overdue (红), an open
    proposal (``proposed``; else 0, and the view's probe for it left out)), worked out by the database, and
    what ``schedule.assess`` reads for a row that can be 黄. ``some``: only the view's rows among the ids of
    a parameter, ``"array"`` (PostgreSQL: ``f_card_id_array``, one statement text whatever their number) or
    ``"in"`` (``f_card_ids``)."""
    view = listing._select(*shape, card=True).subquery("view")
    c = view.c
    status, due_on, review_state = c.status, c.due_on, c.review_state
    stmt = sa.select(c.id, status, _one_if(due_sql(status, due_on, _CARD_DAY)),
                     _one_if(done_on_time_sql(status, c.status_on, due_on)),
                     _one_if(overdue_sql(status, review_state, due_on, _CARD_DAY)),
                     _one_if(c.proposed.is_not(None)) if proposed else sa.literal_column("0"),
                     _one_if(maybe_behind_sql(status, review_state, due_on, c.published_on, c.achieved_value,
                                              _CARD_DAY)),
                     c.published_on, due_on, c.target_value, c.achieved_value, review_state)
    if some == "array":
        stmt = stmt.where(c.id == sa.any_(_CARD_ID_ARRAY))
    elif some == "in":
        stmt = stmt.where(c.id.in_(_CARD_IDS))
    _, key, descending = listing.SORTS[sort]  # listing._ordered_by's order
    id_order = c.id.desc() if descending else c.id.asc()
    if key == "id":
        return stmt.order_by(id_order)
    return stmt.order_by(c[key].desc().nulls_last() if descending else c[key].asc().nulls_last(), id_order)


#: PostgreSQL's cost of a random page read while a scorecard's view is read (the server's default, 4, is a
#: spinning disk's): a district's few hundred pledges joined to their first quantity by its unique index
#: (pledge_id, position) cost more than hashing all of the quantity table at 4, so the planner read the
#: whole table (100,000 rows: 20 ms of a district's 27 ms of database CPU); at 1.1 (pages in memory or on
#: an SSD) it probes the index for each pledge, 7 ms. Only for that statement (SET LOCAL, then back).
CARD_RANDOM_PAGE_COST = 1.1


@dataclass(frozen=True)
class Card:
    """A scorecard's view as ``card_view`` reads it: its pledge ids in order, each one's place in that order
    (``keys``: ``_card_key``), the total line and the meter. Kept and shared between requests
    (``caching.cached``): never changed, ``card_after_confirming`` makes a new one."""

    ids: tuple[int, ...]
    keys: tuple
    total: Group
    parts: tuple[tuple[str, str, int], ...]
    #: the statuses counted (the meter's source), by value
    statuses: tuple[tuple[str, int], ...]


def _card_key(sort: str):
    """The view's order (``listing.sort_key``) as a key of ``_card_select``'s rows: the date (missing last),
    then the id."""
    _, key, descending = listing.SORTS[sort]
    if key == "id":
        return (lambda r: -r[0]) if descending else (lambda r: r[0])
    at = 7 if key == "published_on" else 8  # (the columns of ``_card_select``)
    if descending:
        return lambda r: (r[at] is None, -(r[at] or listing.FAR_PAST).toordinal(), -r[0])
    return lambda r: (r[at] is None, r[at] or listing.FAR_FUTURE, r[0])


def _add_card_rows(found, day: dt.date, total: Group, statuses: Counter) -> None:
    """Add ``_card_select``'s rows to ``total`` (all but ``total.total`` and ``total.status``) and ``statuses``."""
    number = listing._number
    for (_, status_value, due, on_time, overdue, proposed, maybe_behind, published_on, due_on, target,
         achieved, review_state) in found:
        statuses[status_value] += 1
        total.due += due
        total.done_on_time += on_time
        total.overdue += overdue
        total.proposed += proposed
        if maybe_behind:
            *_, flag = schedule.assess(published_on=published_on, due_on=due_on, target=number(target),
                                       achieved=number(achieved), status=Status(status_value), today=day,
                                       review_state=ReviewState(review_state))
            total.behind += flag is Flag.YELLOW


def _card(ids: tuple, keys: tuple, total: Group, statuses: Counter, proposed: bool) -> Card:
    total.total = len(ids)
    if not proposed:
        total.proposed = None
    for status_value, n in statuses.items():
        total.status[Status(status_value)] += n
    parts = tuple((key, label, sum(total.status.get(s, 0) for s in members)) for key, label, members in METER)
    return Card(ids, keys, total, parts, tuple(statuses.items()))


def _sql_exact(filters: Filters, what: str) -> None:
    if filters.values.get("flag") not in listing.SQL_EXACT_FLAGS:
        raise ValueError(f"{what}: a view whose flag is decided in Python")


def card_view(session: Session, filters: Filters, *, proposed: bool = True) -> Card:
    """A scorecard's view: its pledge ids in order, the total line of ``status_table`` and the ``meter``, as
    its rows read whole (``iter_rows(card=True)``) give them, from one statement whose rows are a few
    numbers each: no ``Row`` built, ``schedule.assess`` run only for the rows that can be 黄. For a view whose
    flag, if any, is decided in SQL (``listing.SQL_EXACT_FLAGS``); ``listing.rows_of`` reads one page's cards.
    Without ``proposed`` the open proposals are not counted (the total's ``proposed`` is None): a scorecard
    does not show that figure, and probing each row's proposals was a quarter of a district's statement."""
    _sql_exact(filters, "card_view")
    day = filters.day
    stmt = _card_select(listing._shape(filters), filters.sort, proposed)
    connection = session.connection()
    costed = connection.dialect.name == "postgresql"
    if costed:  # see CARD_RANDOM_PAGE_COST
        connection.exec_driver_sql(f"SET LOCAL random_page_cost = {CARD_RANDOM_PAGE_COST}")
    found = connection.execute(stmt, {**listing._bound(filters), "f_card_day": day}).all()
    if costed:  # (an error rolls the transaction back, and the setting with it)
        connection.exec_driver_sql("SET LOCAL random_page_cost TO DEFAULT")
    total, statuses = Group(None, "合计"), Counter()
    _add_card_rows(found, day, total, statuses)
    key = _card_key(filters.sort)
    return _card(tuple(r[0] for r in found), tuple(key(r) for r in found), total, statuses, proposed)


def view_card(session: Session, filters: Filters, *, proposed: bool = True
              ) -> tuple[list[int], Group, list[tuple[str, str, int]]]:
    """``card_view``'s ids, total line and meter."""
    card = card_view(session, filters, proposed=proposed)
    return list(card.ids), card.total, list(card.parts)


def card_after_confirming(session: Session, filters: Filters, kept: Card, ids: list[int], *,
                          proposed: bool = True) -> Card | None:
    """``card_view`` of a view of confirmed pledges after the pending pledges ``ids`` were confirmed as read (and
    nothing else changed: ``queries.confirmed_pending``), from ``kept``, its answer before: none of them was
    in it, each the view holds now joins it in its place, its figures added; no other row moved (a card row
    is its own pledge's alone). One statement, the view's rows among ``ids``. None for another view (one of
    pending pledges loses them; ``restated`` reads other pledges): read it anew."""
    _sql_exact(filters, "card_after_confirming")
    if filters.values.get("review_state") is not ReviewState.CONFIRMED or "restated" in filters.values:
        return None
    if not ids:
        return kept
    day = filters.day
    connection = session.connection()
    array = connection.dialect.name == "postgresql"
    stmt = _card_select(listing._shape(filters), filters.sort, proposed, "array" if array else "in")
    found = connection.execute(stmt, {**listing._bound(filters), "f_card_day": day,
                                      ("f_card_id_array" if array else "f_card_ids"): list(ids)}).all()
    if not found:
        return kept
    if not set(kept.ids).isdisjoint(r[0] for r in found):  # (not the change this knows)
        return None
    was = kept.total
    total = Group(None, "合计", due=was.due, done_on_time=was.done_on_time, overdue=was.overdue, behind=was.behind,
                  proposed=was.proposed or 0)
    statuses = Counter(dict(kept.statuses))
    _add_card_rows(found, day, total, statuses)
    card_ids, keys, key = list(kept.ids), list(kept.keys), _card_key(filters.sort)
    for r in found:
        at = bisect_left(keys, key(r))
        card_ids.insert(at, r[0])
        keys.insert(at, key(r))
    return _card(tuple(card_ids), tuple(keys), total, statuses, proposed)


def view_summary(session: Session, filters: Filters) -> Summary:
    """``summarise(listing.iter_rows(session, filters), filters.day)``, counted by the database;
    ``ids`` is a query of the view's pledge ids (for ``completion_over_time``)."""
    if filters.values.get("flag") not in listing.SQL_EXACT_FLAGS:
        return summarise(listing.iter_rows(session, filters), filters.day)
    groups, total = view_table(session, filters, "district")
    parts = [(key, label, sum(total.status.get(s, 0) for s in members)) for key, label, members in METER]
    view, c = _view(filters)
    months: dict[str, Counter] = {}
    for due_on, status_value, n in session.execute(
            sa.select(c["due_on"], c["status"], sa.func.count()).where(c["due_on"].is_not(None))
            .group_by(c["due_on"], c["status"])):
        months.setdefault(due_on.strftime("%Y-%m"), Counter())[Status(status_value)] += n
    return Summary(groups, total, parts, sorted(months.items()), sa.select(c["id"]))
