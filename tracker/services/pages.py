"""The pledge page's and the review screen's data, read with Core statements built once (no ORM
objects, no eager-load options worked out on every request).

``pledge_for_page`` reads the pledge, its document, district, official, reviewers, candidate and
quantities in two queries, together with one flag a related list (``has_sources``,
``has_history`` …): each flag is an index look-up in the same statement, and a page queries a list
only when its flag says it holds something, so a pledge with no history, suggestions or chain costs
no query for them. What it returns reads as the ``Pledge`` (``pledge.district.name``,
``pledge.quantities[0].unit``, ``pledge.candidate.cues`` …), for the templates and for
``review.fill`` and ``workbench.holder``. Writes still load the ORM ``Pledge`` (``get_pledge``).
"""
from __future__ import annotations

from functools import lru_cache
from types import SimpleNamespace

import sqlalchemy as sa
from sqlalchemy.orm import aliased, joinedload

from tracker.db.enums import ReviewState
from tracker.db.types import utcnow
from tracker.db.models import (AuditEvent, Candidate, District, Document, Official, OfficialTitle, Pledge,
                               PledgeSource, ProgressReport, Quantity, Reminder, Restatement, StatusEvent, Suggestion,
                               User)
from tracker.services import queries, workbench

_ID = sa.bindparam("id")
_reviewer = aliased(User)
_claimer = aliased(User)
_other = aliased(Pledge)


def _exists(*where) -> sa.ColumnElement:
    return sa.exists().where(*where)


_CANDIDATE = ("district_name", "official_name", "official_title", "action", "object", "deadline_raw", "due_on",
              "quantities", "cues", "extractor_version")
_PLEDGE = sa.select(
    *Pledge.__table__.c,
    Document.title.label("d_title"), Document.published_on.label("d_published_on"), Document.text.label("d_text"),
    District.name.label("district_name_"), Official.name.label("official_name_"),
    _reviewer.name.label("reviewer_name"), _claimer.name.label("claimer_name"),
    *[getattr(Candidate, k).label(f"c_{k}") for k in _CANDIDATE],
    _exists(PledgeSource.pledge_id == Pledge.id).label("has_sources"),
    _exists(StatusEvent.pledge_id == Pledge.id).label("has_status_events"),
    _exists(OfficialTitle.official_id == Pledge.official_id).label("has_titles"),
    _exists(AuditEvent.entity == "pledge", AuditEvent.entity_id == Pledge.id).label("has_history"),
    _exists(Restatement.later_pledge_id == Pledge.id).label("has_earlier"),
    _exists(Restatement.earlier_pledge_id == Pledge.id).label("has_later"),
    _exists(Suggestion.pledge_id == Pledge.id).label("has_suggestions"),
    # a later document restated a pledge of this one's document (this one perhaps dropped there)
    _exists(_other.document_id == Pledge.document_id, Restatement.earlier_pledge_id == _other.id)
    .label("has_restated_siblings"),
    _exists(ProgressReport.pledge_id == Pledge.id).label("has_reports"),
    _exists(Reminder.pledge_id == Pledge.id).label("has_reminders"),
).select_from(Pledge).join(Document, Document.id == Pledge.document_id) \
    .outerjoin(District, District.id == Pledge.district_id) \
    .outerjoin(Official, Official.id == Pledge.official_id) \
    .outerjoin(_reviewer, _reviewer.id == Pledge.reviewed_by_id) \
    .outerjoin(_claimer, _claimer.id == Pledge.claimed_by_id) \
    .outerjoin(Candidate, Candidate.id == Pledge.candidate_id) \
    .where(Pledge.id == _ID)

_QUANTITIES = (sa.select(Quantity.value, Quantity.value_max, Quantity.unit, Quantity.raw, Quantity.role,
                         Quantity.start, Quantity.end, Quantity.achieved_value, Quantity.achieved_on)
               .where(Quantity.pledge_id == _ID).order_by(Quantity.position))
_TITLES = sa.select(OfficialTitle.title).where(OfficialTitle.official_id == _ID).order_by(OfficialTitle.id)
_SOURCES = (sa.select(PledgeSource.document_id, PledgeSource.start, PledgeSource.end, PledgeSource.quote,
                      PledgeSource.merged_pledge_id, Document.title)
            .join(Document, Document.id == PledgeSource.document_id)
            .where(PledgeSource.pledge_id == _ID).order_by(PledgeSource.id))
_STATUS_EVENTS = (sa.select(StatusEvent).where(StatusEvent.pledge_id == _ID)
                  .options(joinedload(StatusEvent.user), joinedload(StatusEvent.evidence_document))
                  .order_by(StatusEvent.id))
_HISTORY = (sa.select(AuditEvent.at, AuditEvent.actor, AuditEvent.action, AuditEvent.note, AuditEvent.old,
                      AuditEvent.new, User.name)
            .outerjoin(User, User.id == AuditEvent.user_id)
            .where(AuditEvent.entity == "pledge", AuditEvent.entity_id == _ID)
            .order_by(AuditEvent.at, AuditEvent.id))


def pledge_for_page(session, pledge_id: int, *, titles: bool = True):
    """The pledge as the pledge page and the review screen read it, or None when there is none."""
    conn = session.connection()
    row = conn.execute(_PLEDGE, {"id": pledge_id}).first()
    if row is None:
        return None
    m = row._mapping
    p = SimpleNamespace(**{c.name: m[c.name] for c in Pledge.__table__.c})
    for key in ("has_sources", "has_status_events", "has_titles", "has_history", "has_earlier", "has_later",
                "has_suggestions", "has_restated_siblings", "has_reports", "has_reminders"):
        setattr(p, key, bool(m[key]))
    p.document = SimpleNamespace(id=p.document_id, title=m["d_title"], published_on=m["d_published_on"],
                                 text=m["d_text"])
    p.district = SimpleNamespace(id=p.district_id, name=m["district_name_"]) if p.district_id else None
    p.official = None
    if p.official_id:
        names = ([t for (t,) in conn.execute(_TITLES, {"id": p.official_id})]
                 if titles and p.has_titles else [])
        p.official = SimpleNamespace(id=p.official_id, name=m["official_name_"],
                                     titles=[SimpleNamespace(title=t) for t in names])
    p.reviewed_by = SimpleNamespace(id=p.reviewed_by_id, name=m["reviewer_name"]) if p.reviewed_by_id else None
    p.claimed_by = SimpleNamespace(id=p.claimed_by_id, name=m["claimer_name"]) if p.claimed_by_id else None
    p.candidate = (SimpleNamespace(id=p.candidate_id, **{k: m[f"c_{k}"] for k in _CANDIDATE})
                   if p.candidate_id else None)
    p.quantities = conn.execute(_QUANTITIES, {"id": pledge_id}).all()
    p.sources = ([SimpleNamespace(document_id=r.document_id, start=r.start, end=r.end, quote=r.quote,
                                  merged_pledge_id=r.merged_pledge_id, document=SimpleNamespace(title=r.title))
                  for r in conn.execute(_SOURCES, {"id": pledge_id})] if p.has_sources else [])
    p.status_events = list(session.scalars(_STATUS_EVENTS, {"id": pledge_id})) if p.has_status_events else []
    return p


def history(session, pledge) -> list:
    """``workbench.history`` of the pledge as the history macro reads it (``e.user.name`` …), one query."""
    if not pledge.has_history:
        return []
    return [SimpleNamespace(at=r.at, actor=r.actor, action=r.action, note=r.note, old=r.old, new=r.new,
                            user=SimpleNamespace(name=r.name) if r.name is not None else None)
            for r in session.connection().execute(_HISTORY, {"id": pledge.id})]


def _duplicates(district: bool, quantity: bool):
    stmt = (sa.select(Pledge.id, Pledge.quote, Pledge.review_state, Document.title, Document.published_on)
            .join(Document, Document.id == Pledge.document_id)
            .where(Pledge.id != _ID, Pledge.document_id != sa.bindparam("document_id"),
                   Pledge.object == sa.bindparam("object"), Pledge.merged_into_id.is_(None),
                   Pledge.review_state != ReviewState.REJECTED)
            .order_by(Pledge.id).limit(10))
    if district:
        stmt = stmt.where(Pledge.district_id == sa.bindparam("district_id"))
    if quantity:
        stmt = stmt.where(sa.exists().where(Quantity.pledge_id == Pledge.id, Quantity.position == 0,
                                            Quantity.value == sa.bindparam("value", type_=Quantity.value.type),
                                            Quantity.unit == sa.bindparam("unit")))
    return stmt


_DUPLICATES = {(d, q): _duplicates(d, q) for d in (False, True) for q in (False, True)}


def possible_duplicates(session, pledge) -> list:
    """``workbench.possible_duplicates`` (same object, district and primary quantity; not merged, not
    rejected; the first ten), as rows the page reads (``d.document.title``)."""
    if not pledge.object or pledge.merged_into_id is not None:
        return []
    q = pledge.quantities[0] if pledge.quantities else None
    params = {"id": pledge.id, "document_id": pledge.document_id, "object": pledge.object,
              "district_id": pledge.district_id}
    if q is not None:
        params.update(value=q.value, unit=q.unit)
    stmt = _DUPLICATES[(bool(pledge.district_id), q is not None)]
    return [SimpleNamespace(id=r.id, quote=r.quote, review_state=r.review_state,
                            document=SimpleNamespace(title=r.title, published_on=r.published_on))
            for r in session.connection().execute(stmt, params)]


_DISTRICT_NAMES = sa.select(District.name).order_by(District.name)


def district_names(session) -> list[str]:
    """Every district's name, for the district inputs' datalist."""
    return list(session.connection().execute(_DISTRICT_NAMES).scalars())


_DISTRICTS = sa.select(District.id, District.name)


def district_by_id(session) -> dict[int, str]:
    """Every district's name by its id (a list filtered by ``district=<id>`` names it without a look-up)."""
    return dict(session.connection().execute(_DISTRICTS).all())


#: the queue page's quantities of its pledges, the ids an ``IN`` list or (PostgreSQL) one array (``queries.id_in``)
_QUEUE_QUANTITIES = {array: (sa.select(Quantity.pledge_id, Quantity.value, Quantity.value_max, Quantity.unit)
                             .where(queries.id_in(Quantity.pledge_id, array))
                             .order_by(Quantity.pledge_id, Quantity.position))
                     for array in (False, True)}


_QUEUE_DOCUMENT, _QUEUE_DISTRICT, _QUEUE_OFFICIAL = (sa.bindparam(k, type_=sa.Integer())
                                                     for k in ("q_document", "q_district", "q_official"))
_QUEUE_USER = sa.bindparam("q_user", type_=sa.Integer())
_QUEUE_NOW = sa.bindparam("q_now", type_=Pledge.claim_expires_at.type)


@lru_cache(maxsize=32)
def _queue_page(shape: tuple, limit: int):
    """The queue page's statement for one shape (which filters are given, the order), built once: its
    values (the filters, the user, the time) are bound parameters. ``workbench.queue_select``'s
    conditions, written with parameters instead of values."""
    document, district, official, order = shape
    stmt = workbench.queue_select(workbench.QueueFilter(order=order), _QUEUE_USER, _QUEUE_NOW)
    for given, column, param in ((document, Pledge.document_id, _QUEUE_DOCUMENT),
                                 (district, Pledge.district_id, _QUEUE_DISTRICT),
                                 (official, Pledge.official_id, _QUEUE_OFFICIAL)):
        if given:  # (workbench's own filter, as a parameter)
            stmt = stmt.where(column == param)
    return (stmt
            .with_only_columns(Pledge.id, Pledge.quote, Pledge.document_id, Pledge.district_id, Pledge.official_id,
                               Pledge.confidence, Document.title, District.name, Official.name.label("official"))
            .join(Document, Document.id == Pledge.document_id)
            .outerjoin(District, District.id == Pledge.district_id)
            .outerjoin(Official, Official.id == Pledge.official_id)
            # the limit written into the text, not a parameter: with ``LIMIT $n`` PostgreSQL's generic plan
            # expects a tenth of the 30,000 pending rows, costs more than any custom plan, so it planned the
            # statement anew at every run (pg_prepared_statements: 0 generic, 25 custom plans; 1.1-1.3 ms of
            # planning a request); with ``LIMIT 50`` it keeps the generic plan from the sixth run (0.01 ms)
            .limit(sa.literal_column(str(int(limit)))))


def queue_rows(session, filt: workbench.QueueFilter, user_id: int, limit: int) -> list:
    """The first ``limit`` pledges of the review queue (``workbench.queue_select``) that ``user_id`` may
    take, as the queue page reads them (``p.document.title``, ``p.district.name``, ``p.quantities``):
    two Core queries, the first a statement built once per shape."""
    shape = (bool(filt.document_id), bool(filt.district_id), bool(filt.official_id), filt.order)
    rows = session.connection().execute(_queue_page(shape, limit), {
        "q_document": filt.document_id, "q_district": filt.district_id, "q_official": filt.official_id,
        "q_user": user_id, "q_now": utcnow()}).all()
    quantities: dict[int, list] = {}
    if rows:
        conn = session.connection()
        quantities_of = _QUEUE_QUANTITIES[conn.dialect.name == "postgresql"]
        for q in conn.execute(quantities_of, {"ids": [r.id for r in rows]}):
            quantities.setdefault(q.pledge_id, []).append(q)
    return [SimpleNamespace(id=r.id, quote=r.quote, document_id=r.document_id, district_id=r.district_id,
                            official_id=r.official_id, confidence=r.confidence,
                            document=SimpleNamespace(id=r.document_id, title=r.title),
                            district=SimpleNamespace(name=r.name) if r.district_id else None,
                            official=SimpleNamespace(name=r.official) if r.official_id else None,
                            quantities=quantities.get(r.id, []))
            for r in rows]
