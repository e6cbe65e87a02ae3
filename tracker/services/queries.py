"""The queries of the web's pages that are no pledge list: the lists of documents, districts and
officials (feeding both the HTML page and the JSON API, so a filter means the same thing
everywhere), a document's highlights and counts, the queues' pages and the small lookups the
pages need. The web reads the database only through services (``tests/test_layers.py``).
Lists page with a keyset (``?after=<last id>``), never OFFSET. (The pledge list is a view of
``tracker.services.listing``, the builder behind the ledger and its exports.)

Each list runs a fixed number of queries whatever the number of rows (no N+1): the
rows and one ``selectin`` load per collection shown.
"""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session, joinedload, load_only, selectinload

from tracker.db.enums import ReportState, ReviewState
from tracker.db.models import (AuditEvent, District, Document, Official, Pledge, PledgeSource, ProgressReport,
                               Quantity, StatusEvent, Suggestion, Unit, User)
from tracker.services import followup


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def state_counts():
    """Per-document pledge counts by review state (merged duplicates not counted)."""
    def n(state):
        return sa.func.sum(sa.case((Pledge.review_state == state, 1), else_=0)).label(state.value)

    return (sa.select(Pledge.document_id, sa.func.count(Pledge.id).label("total"), n(ReviewState.PENDING),
                      n(ReviewState.CONFIRMED), n(ReviewState.REJECTED))
            .where(Pledge.merged_into_id.is_(None)).group_by(Pledge.document_id).subquery())


def document_page(session: Session, values: dict, *, after: int | None, limit: int):
    """One page of documents (newest id first) with their counts: rows of (Document, total, pending, confirmed, rejected)."""
    counts = state_counts()
    stmt = (sa.select(Document, counts.c.total, counts.c.pending, counts.c.confirmed, counts.c.rejected)
            .options(load_only(Document.id, Document.title, Document.file_name, Document.published_on,
                               Document.format, Document.source, Document.ingested_at))
            .outerjoin(counts, counts.c.document_id == Document.id).order_by(Document.id.desc()))
    if values.get("q"):
        stmt = stmt.where(Document.title.like(_like(values["q"]), escape="\\"))
    if after:
        stmt = stmt.where(Document.id < after)
    return _page(session.execute(stmt.limit(limit + 1)).all(), limit, lambda row: row[0].id)


def _page(rows: list, limit: int, key) -> tuple[list, int | None]:
    """A keyset page: ``rows`` read with one more than ``limit``; the next page's cursor (the last row's id)
    when that extra row came, else None."""
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (key(rows[-1]) if more and rows else None)


def district_page(session: Session, *, after: int | None, limit: int, q: str | None = None):
    stmt = sa.select(District).options(selectinload(District.aliases)).order_by(District.id)
    if q:
        stmt = stmt.where(District.name.like(_like(q), escape="\\"))
    if after:
        stmt = stmt.where(District.id > after)
    return _page(list(session.scalars(stmt.limit(limit + 1))), limit, lambda row: row.id)


def official_page(session: Session, *, after: int | None, limit: int, district: int | None = None,
                  q: str | None = None):
    stmt = (sa.select(Official).options(selectinload(Official.titles),
                                        joinedload(Official.district).load_only(District.id, District.name))
            .order_by(Official.id))
    if district:
        stmt = stmt.where(Official.district_id == district)
    if q:
        stmt = stmt.where(Official.name.like(_like(q), escape="\\"))
    if after:
        stmt = stmt.where(Official.id > after)
    return _page(list(session.scalars(stmt.limit(limit + 1))), limit, lambda row: row.id)


#: The fields of a pledge's JSON (``api.pledge_json``) for a list of ids, read with Core: plain
#: tuples, no ORM objects; built once, so each request reuses the compiled statements. Each statement
#: twice: the ids an expanding ``IN`` list (SQLite), and (PostgreSQL) one array parameter (``= ANY``), whose
#: statement text is one whatever the number of ids (psycopg keeps it prepared) and which SQLAlchemy does
#: not render anew at each execution (an ``IN`` list of 50 ids was a third of the statement's Python time)
_IDS = sa.bindparam("ids", expanding=True)
_ID_ARRAY = sa.bindparam("ids", type_=postgresql.ARRAY(sa.Integer()))


def id_in(column, array: bool):
    """``column`` among the ids of the parameter ``ids``: an ``IN`` list, or with ``array`` ``= ANY (ids)``."""
    return column == sa.any_(_ID_ARRAY) if array else column.in_(_IDS)


def _record_statements(array: bool):
    record = (sa.select(Pledge.id, Pledge.document_id, Document.title.label("document_title"), Pledge.start,
                        Pledge.end, Pledge.quote, Pledge.district_id, District.name.label("district"),
                        Pledge.official_id, Official.name.label("official"), Pledge.responsible_unit,
                        Pledge.action, Pledge.object, Pledge.qualifier, Pledge.deadline_raw, Pledge.due_on,
                        Pledge.deadline_precision, Pledge.confidence, Pledge.origin, Pledge.review_state,
                        Pledge.is_corrected, Pledge.reject_reason, Pledge.status, Pledge.version_id,
                        Pledge.merged_into_id)
              .join(Document, Document.id == Pledge.document_id)
              .outerjoin(District, District.id == Pledge.district_id)
              .outerjoin(Official, Official.id == Pledge.official_id)
              .where(id_in(Pledge.id, array)))
    #: ``record`` and, last, whether the pledge has sources
    sourced = record.add_columns(sa.exists().where(PledgeSource.pledge_id == Pledge.id).label("has_sources"))
    quantities = (sa.select(Quantity.pledge_id, Quantity.value, Quantity.value_max, Quantity.unit, Quantity.raw,
                            Quantity.role)
                  .where(id_in(Quantity.pledge_id, array)).order_by(Quantity.pledge_id, Quantity.position))
    sources = (sa.select(PledgeSource.pledge_id, PledgeSource.document_id, PledgeSource.start, PledgeSource.end,
                         PledgeSource.quote, PledgeSource.merged_pledge_id)
               .where(id_in(PledgeSource.pledge_id, array)).order_by(PledgeSource.id))
    return record, sourced, quantities, sources


#: (RECORD, RECORD_SOURCED, QUANTITIES, SOURCES) by whether the ids are an array (PostgreSQL)
_RECORD_STATEMENTS = {False: _record_statements(False), True: _record_statements(True)}
RECORD, RECORD_SOURCED, QUANTITIES, SOURCES = _RECORD_STATEMENTS[False]


def pledge_records(session: Session, ids: list[int], *, sources: bool = False, quantities: bool = True):
    """``{id: (record, quantities, sources)}`` for the pledges ``ids`` names (missing ids left out):
    three queries whatever the number; ``quantities=False``: not read (empty lists), for a caller that
    has them."""
    if not ids:
        return {}
    conn = session.connection()  # Core: the kept statements stay as built
    record, record_sourced, quantity, source = _RECORD_STATEMENTS[conn.dialect.name == "postgresql"]
    ids = list(ids)
    sourced: list[int] = []
    if sources:  # each row says whether the pledge has sources: most have none, and then no query asks
        rows = conn.execute(record_sourced, {"ids": ids}).all()
        out = {r[0]: (r[:-1], [], []) for r in rows}
        sourced = [r[0] for r in rows if r[-1]]
    else:
        out = {r[0]: (r, [], []) for r in conn.execute(record, {"ids": ids})}
    for q in conn.execute(quantity, {"ids": ids}) if quantities else ():
        out[q[0]][1].append(q)
    if sourced:
        for src in conn.execute(source, {"ids": sourced}):
            out[src.pledge_id][2].append(src)
    return out


def document_count(session: Session) -> int:
    return session.execute(sa.select(sa.func.count(Document.id))).scalar_one()


def _span_statements(window: bool):
    """The document's pledges (not merged away) and the spans of pledges merged from it, built once;
    with ``window``, only those overlapping [:lo, :hi)."""
    pledges = (sa.select(Pledge.id, Pledge.start, Pledge.end, Pledge.review_state, Pledge.origin)
               .where(Pledge.document_id == sa.bindparam("doc"), Pledge.merged_into_id.is_(None))
               .order_by(Pledge.start))
    sources = (sa.select(PledgeSource.pledge_id, PledgeSource.start, PledgeSource.end, Pledge.review_state)
               .join(Pledge, Pledge.id == PledgeSource.pledge_id).where(PledgeSource.document_id == sa.bindparam("doc")))
    if window:
        pledges = pledges.where(Pledge.start < sa.bindparam("hi"), Pledge.end > sa.bindparam("lo"))
        sources = sources.where(PledgeSource.start < sa.bindparam("hi"), PledgeSource.end > sa.bindparam("lo"))
    return pledges, sources


_SPANS = {False: _span_statements(False), True: _span_statements(True)}
_STATE_COUNTS = (sa.select(Pledge.review_state, sa.func.count())
                 .where(Pledge.document_id == sa.bindparam("doc"), Pledge.merged_into_id.is_(None))
                 .group_by(Pledge.review_state))


def document_pledges(session: Session, document_id: int, window: tuple[int, int] | None = None):
    """(the document's own pledges not merged away, rows of (id, start, end, review_state, origin) in text
    order; the spans of pledges merged from it: rows of (pledge_id, start, end, review_state)), those
    overlapping ``window`` (start, end) only when given. Statements built once."""
    stmt_pledges, stmt_sources = _SPANS[window is not None]
    params = {"doc": document_id}
    if window is not None:
        params.update(lo=window[0], hi=window[1])
    conn = session.connection()
    return conn.execute(stmt_pledges, params).all(), conn.execute(stmt_sources, params).all()


def review_state_counts(session: Session, document_id: int) -> dict:
    """``{ReviewState: n}`` of the document's pledges not merged away (one grouped query)."""
    return dict(session.connection().execute(_STATE_COUNTS, {"doc": document_id}).all())


def districts_with_pledges(session: Session):
    """(id, name) of the districts that have pledges, by name."""
    has_pledges = sa.select(Pledge.id).where(Pledge.district_id == District.id)  # an index probe per district
    return session.execute(sa.select(District.id, District.name).where(has_pledges.exists())
                           .order_by(District.name)).all()


def followup_queue(session: Session, filt: followup.QueueFilter, limit: int) -> list[Suggestion]:
    """The first ``limit`` suggestions of the reviewer's follow-up queue, with what the queue page shows."""
    stmt = followup.queue_select(filt).options(
        joinedload(Suggestion.document), joinedload(Suggestion.pledge).joinedload(Pledge.district),
        joinedload(Suggestion.pledge).joinedload(Pledge.official),
        joinedload(Suggestion.pledge).joinedload(Pledge.document),
        joinedload(Suggestion.pledge).selectinload(Pledge.quantities))
    return list(session.scalars(stmt.limit(limit)).unique())


def status_timelines(session: Session, ids: list[int]) -> dict[int, list[StatusEvent]]:
    """Each pledge's status events, oldest first."""
    out: dict[int, list[StatusEvent]] = {}
    for chunk in range(0, len(ids), 1000):
        for event in session.scalars(sa.select(StatusEvent).where(StatusEvent.pledge_id.in_(ids[chunk:chunk + 1000]))
                                     .order_by(StatusEvent.id)):
            out.setdefault(event.pledge_id, []).append(event)
    return out


def updated_at(session: Session, ids: list[int]) -> dict:
    """``{pledge id: updated_at}``."""
    if not ids:
        return {}
    return dict(session.execute(sa.select(Pledge.id, Pledge.updated_at).where(Pledge.id.in_(ids))).all())


def units(session: Session) -> list[Unit]:
    return session.scalars(sa.select(Unit).order_by(Unit.name)).all()


def answered_reports(session: Session, limit: int = 30) -> list[ProgressReport]:
    """The latest reports a reviewer accepted or returned."""
    return list(session.scalars(sa.select(ProgressReport).where(ProgressReport.state != ReportState.SUBMITTED)
                                .order_by(ProgressReport.reviewed_at.desc(), ProgressReport.id.desc()).limit(limit)))


def users(session: Session) -> list[User]:
    return session.scalars(sa.select(User).order_by(User.id)).all()


def _last(model, column):
    top = sa.select(sa.func.max(model.id)).scalar_subquery()
    return top, sa.select(column).where(model.id == top).scalar_subquery()


_audit_id, _audit_at = _last(AuditEvent, AuditEvent.at)
_status_id, _status_at = _last(StatusEvent, StatusEvent.created_at)
#: the newest audit event (id, time) and status event (id, time), the largest pledge and document ids
VERSION = sa.select(_audit_id, _audit_at, _status_id, _status_at, sa.select(sa.func.max(Pledge.id)).scalar_subquery(),
                    sa.select(sa.func.max(Document.id)).scalar_subquery())


def data_version(session: Session):
    """(audit id, audit time, status event id, status event time, max pledge id, max document id): one row
    of each trail, which changes whenever the public data does (``tracker.web.caching``)."""
    return session.connection().execute(VERSION).one()


# (of ``old`` only the review state it held, read by the database: the whole JSON decoded for each of up to
# ``most`` events was a third of the statement's time on PostgreSQL)
_CHANGES = (sa.select(AuditEvent.id, AuditEvent.entity, AuditEvent.entity_id, AuditEvent.action,
                      AuditEvent.old["review_state"].as_string(), AuditEvent.user_id)
            .where(AuditEvent.id > sa.bindparam("after_id"), AuditEvent.id <= sa.bindparam("upto_id"))
            .order_by(AuditEvent.id))
_RATED = sa.select(StatusEvent.pledge_id).where(StatusEvent.pledge_id.in_(sa.bindparam("ids", expanding=True))).limit(1)
# PostgreSQL: the ids one array parameter, one statement text however many (prepared once; an IN list of each
# length was a statement of its own, parsed and planned anew: 1.4 of 1.9 ms for 93 confirmations)
_RATED_ANY = sa.select(StatusEvent.pledge_id).where(
    StatusEvent.pledge_id == sa.any_(sa.bindparam("ids", type_=postgresql.ARRAY(sa.Integer())))).limit(1)


class Confirmations(list):
    """``confirmed_pending``'s pledge ids, in order, with ``users``: who confirmed each (the same order)."""

    users: tuple = ()


def confirmed_pending(session: Session, after_id: int, upto_id: int, *, most: int = 20) -> Confirmations | None:
    """The pledges that the audit events after ``after_id`` up to ``upto_id`` confirmed from pending as read
    (action ``confirm``: no correction), in order, when that is all those events did: every id of the range
    present (no gap a transaction still open may fill), each a plain confirmation of a pending pledge that
    has no status event (none rated, none proposed: one confirmed, then undone, may have some). Else None
    (also for more than ``most`` events): the caller works its answer out anew. Who confirmed each is the
    answer's ``users``."""
    if not 0 < upto_id - after_id <= most:
        return None
    events = session.connection().execute(_CHANGES, {"after_id": after_id, "upto_id": upto_id}).all()
    if len(events) != upto_id - after_id:
        return None
    ids, users = Confirmations(), []
    for _, entity, entity_id, action, old_state, user_id in events:
        if entity != "pledge" or action != "confirm" or old_state != "pending":
            return None
        ids.append(entity_id)
        users.append(user_id)
    connection = session.connection()
    rated = _RATED_ANY if connection.dialect.name == "postgresql" else _RATED
    if connection.execute(rated, {"ids": list(ids)}).first() is not None:
        return None
    ids.users = tuple(users)
    return ids


__all__ = ["Confirmations", "answered_reports", "confirmed_pending", "data_version", "district_page", "districts_with_pledges",
           "document_count", "document_page", "document_pledges", "followup_queue", "official_page",
           "pledge_records", "review_state_counts", "state_counts", "status_timelines", "units",
           "updated_at", "users"]
