"""The query builders of the lists that are no pledge list (documents, districts, officials),
feeding both the HTML page and the JSON API, so a filter means the same thing everywhere.
Lists page with a keyset (``?after=<last id>``), never OFFSET. (The pledge list is a view of
``tracker.services.listing``, the builder behind the ledger and its exports.)

Each list runs a fixed number of queries whatever the number of rows (no N+1): the
rows and one ``selectin`` load per collection shown.
"""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session, joinedload, load_only, selectinload

from tracker.db.enums import ReviewState
from tracker.db.models import District, Document, Official, Pledge, PledgeSource, Quantity


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
    rows = session.execute(stmt.limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (rows[-1][0].id if more and rows else None)


def district_page(session: Session, *, after: int | None, limit: int, q: str | None = None):
    stmt = sa.select(District).options(selectinload(District.aliases)).order_by(District.id)
    if q:
        stmt = stmt.where(District.name.like(_like(q), escape="\\"))
    if after:
        stmt = stmt.where(District.id > after)
    rows = list(session.scalars(stmt.limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (rows[-1].id if more and rows else None)


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
    rows = list(session.scalars(stmt.limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (rows[-1].id if more and rows else None)


#: The fields of a pledge's JSON (``api.pledge_json``) for a list of ids, read with Core: plain
#: tuples, no ORM objects; built once, so each request reuses the compiled statements.
_IDS = sa.bindparam("ids", expanding=True)
RECORD = (sa.select(Pledge.id, Pledge.document_id, Document.title.label("document_title"), Pledge.start,
                    Pledge.end, Pledge.quote, Pledge.district_id, District.name.label("district"), Pledge.official_id,
                    Official.name.label("official"), Pledge.responsible_unit, Pledge.action, Pledge.object,
                    Pledge.qualifier, Pledge.deadline_raw, Pledge.due_on, Pledge.deadline_precision,
                    Pledge.confidence, Pledge.origin, Pledge.review_state, Pledge.is_corrected,
                    Pledge.reject_reason, Pledge.status, Pledge.version_id, Pledge.merged_into_id)
          .join(Document, Document.id == Pledge.document_id)
          .outerjoin(District, District.id == Pledge.district_id)
          .outerjoin(Official, Official.id == Pledge.official_id)
          .where(Pledge.id.in_(_IDS)))
#: ``RECORD`` and, last, whether the pledge has sources
RECORD_SOURCED = RECORD.add_columns(sa.exists().where(PledgeSource.pledge_id == Pledge.id).label("has_sources"))
QUANTITIES = (sa.select(Quantity.pledge_id, Quantity.value, Quantity.value_max, Quantity.unit, Quantity.raw,
                        Quantity.role)
              .where(Quantity.pledge_id.in_(_IDS)).order_by(Quantity.pledge_id, Quantity.position))
SOURCES = (sa.select(PledgeSource.pledge_id, PledgeSource.document_id, PledgeSource.start, PledgeSource.end,
                     PledgeSource.quote, PledgeSource.merged_pledge_id)
           .where(PledgeSource.pledge_id.in_(_IDS)).order_by(PledgeSource.id))


def pledge_records(session: Session, ids: list[int], *, sources: bool = False):
    """``{id: (record, quantities, sources)}`` for the pledges ``ids`` names (missing ids left out):
    three queries whatever the number."""
    if not ids:
        return {}
    conn = session.connection()  # Core: the kept statements stay as built
    if sources:  # each row says whether the pledge has sources: most have none, and then no query asks
        rows = conn.execute(RECORD_SOURCED, {"ids": ids}).all()
        out = {r[0]: (r[:-1], [], []) for r in rows}
        sourced = [r[0] for r in rows if r[-1]]
    else:
        out = {r[0]: (r, [], []) for r in conn.execute(RECORD, {"ids": ids})}
    for q in conn.execute(QUANTITIES, {"ids": ids}):
        out[q[0]][1].append(q)
    if sources and sourced:
        for src in conn.execute(SOURCES, {"ids": sourced}):
            out[src.pledge_id][2].append(src)
    return out


__all__ = ["document_page", "state_counts", "district_page", "official_page", "pledge_records"]
