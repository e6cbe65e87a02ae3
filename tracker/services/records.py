"""The records the pages open by id, each with what its page shows loaded in the same few queries.
Each loader returns the record or ``None``; the web answers 404 for ``None`` in one place
(``tracker.web.db.get_or_404``)."""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session, joinedload, selectinload

from tracker.db.models import (District, Document, Official, OfficialTitle, Pledge, PledgeSource, ProgressReport,
                               StatusEvent, Suggestion, Unit, User)


#: the loader options of ``pledge``, built once
_BRIEF = (selectinload(Pledge.quantities), joinedload(Pledge.district), joinedload(Pledge.official))
_FULL = (selectinload(Pledge.quantities), joinedload(Pledge.district),
         # the other documents' titles, not whole texts
         joinedload(Pledge.document),  # its text: the passage (one query with the pledge, not two)
         selectinload(Pledge.sources).joinedload(PledgeSource.document).load_only(Document.id, Document.title),
         selectinload(Pledge.status_events).joinedload(StatusEvent.user),
         selectinload(Pledge.status_events).joinedload(StatusEvent.evidence_document),
         joinedload(Pledge.reviewed_by),
         joinedload(Pledge.candidate),  # the review screen shows what the machine read, field by field
         joinedload(Pledge.official).selectinload(Official.titles))


def pledge(session: Session, pledge_id: int, *, full: bool = False) -> Pledge | None:
    """The pledge with its quantities, district and official; ``full``: all its page shows."""
    return session.get(Pledge, pledge_id, options=_FULL if full else _BRIEF)


def plain_pledge(session: Session, pledge_id: int) -> Pledge | None:
    """The pledge row alone (its relations load when read)."""
    return session.get(Pledge, pledge_id)


def suggestion(session: Session, suggestion_id: int) -> Suggestion | None:
    """The suggestion with its later document, its decider and its pledge's document, district and quantities."""
    return session.get(Suggestion, suggestion_id, options=[
        joinedload(Suggestion.document), joinedload(Suggestion.decided_by),
        joinedload(Suggestion.pledge).selectinload(Pledge.quantities),
        joinedload(Suggestion.pledge).joinedload(Pledge.document),
        joinedload(Suggestion.pledge).joinedload(Pledge.district)])


def document(session: Session, document_id: int) -> Document | None:
    return session.get(Document, document_id)


def district(session: Session, district_id: int) -> District | None:
    return session.get(District, district_id)


def official(session: Session, official_id: int) -> Official | None:
    return session.get(Official, official_id)


def unit(session: Session, unit_id: int) -> Unit | None:
    return session.get(Unit, unit_id)


def user(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


_LOGIN_ROW = sa.select(User.id, User.name, User.role, User.is_active, User.session_version,
                       User.password_hash).where(User.id == sa.bindparam("id"))


def login_row(session: Session, user_id: int):
    """What a request's login check reads of an account (id, name, role, is_active, session_version,
    password_hash), as one Core row built once, or ``None``: cheaper than the ``User`` object every
    request would otherwise load."""
    return session.connection().execute(_LOGIN_ROW, {"id": user_id}).first()


_DISTRICT_NAME = sa.select(District.name).where(District.id == sa.bindparam("id"))
_OFFICIAL_TITLES = (sa.select(Official.name, OfficialTitle.title)
                    .outerjoin(OfficialTitle, OfficialTitle.official_id == Official.id)
                    .where(Official.id == sa.bindparam("id")).order_by(OfficialTitle.id))


def district_name(session: Session, district_id: int) -> str | None:
    """The district's name (a scorecard's heading), one Core row built once, or ``None``."""
    return session.connection().execute(_DISTRICT_NAME, {"id": district_id}).scalar()


def official_titles(session: Session, official_id: int) -> tuple[str, list[str]] | None:
    """The official's name and titles in ``Official.titles``' order (a scorecard's heading), from one Core
    statement built once (not the ``Official`` and then its titles, two ORM loads), or ``None``."""
    rows = session.connection().execute(_OFFICIAL_TITLES, {"id": official_id}).all()
    if not rows:
        return None
    return rows[0][0], [title for _, title in rows if title is not None]


def status_event(session: Session, event_id: int) -> StatusEvent | None:
    return session.get(StatusEvent, event_id)


def progress_report(session: Session, report_id: int) -> ProgressReport | None:
    return session.get(ProgressReport, report_id)


__all__ = ["district", "district_name", "document", "login_row", "official", "official_titles", "plain_pledge", "pledge", "progress_report",
           "status_event", "suggestion", "unit", "user"]
