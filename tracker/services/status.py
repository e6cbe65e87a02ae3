"""A reviewer's verdicts on confirmed pledges: the dated status timeline.

``set_status`` (a ``StatusChange``) appends a ``status_event`` (as of a day, with note, evidence, a
miss reason and the achieved quantity) and, unless it is a proposal, puts the
status in force on the pledge. Flush, never commit.

Rules held here (one place each):
* only reviewers and admins rate, and only a confirmed pledge that is not merged away;
* 已完成 and 未完成 need evidence (a URL, a quote, or a later document in the database);
* 未完成 needs a reason from ``MissReason`` and is a *proposal* until a second,
  different reviewer confirms it (``confirm_status``) or someone withdraws it;
* a status may move to any other (back and forth) but never back to 未评估
  (``ALLOWED_STATUS``); the as-of day may not lie in the future;
* an achieved value is a finite number, not negative, that the column holds (at most 18 integer
  digits and 6 decimals), whoever calls: the form refuses the same, but the rule lives here.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.db.enums import MissReason, ReviewState, Status, StatusEventKind, UserRole
from tracker.db.models import Document, Pledge, Quantity, StatusEvent, User
from tracker.db.types import DECIMAL_PRECISION, DECIMAL_SCALE, canonical_decimal, utcnow
from tracker.services import audit
from tracker.services.errors import EvidenceRequired, NotAllowed, ServiceError, StaleEdit

#: The first achieved value the quantity column cannot hold (Numeric(24, 6): 18 integer digits).
ACHIEVED_LIMIT = 10 ** (DECIMAL_PRECISION - DECIMAL_SCALE)
REVIEW_ROLES = frozenset({UserRole.REVIEWER, UserRole.ADMIN})
NEEDS_EVIDENCE = frozenset({Status.DONE, Status.MISSED})
NEEDS_SECOND_REVIEWER = frozenset({Status.MISSED})
#: status -> the statuses a reviewer may move it to
ALLOWED_STATUS: dict[Status, frozenset[Status]] = {
    s: frozenset(t for t in Status if t is not Status.UNASSESSED) for s in Status
}


def require_reviewer(user: User | None) -> User:
    if user is None or not user.is_active or user.role not in REVIEW_ROLES:
        raise NotAllowed("只有评议员可以评估承诺的进展")
    return user


def status_snapshot(pledge: Pledge) -> dict:
    return audit.jsonable({
        "status": pledge.status, "status_on": pledge.status_on, "miss_reason": pledge.miss_reason,
        "miss_note": pledge.miss_note,
        "achieved": [q.achieved_value for q in pledge.quantities],
    })


def _record(session: Session, pledge: Pledge, user: User, action: str, before: dict, note: str | None) -> None:
    after = status_snapshot(pledge)
    keys = [k for k in after if before.get(k) != after[k]]
    audit.record(session, entity="pledge", entity_id=pledge.id, action=action, user=user,
                 old={k: before.get(k) for k in keys}, new={**{k: after[k] for k in keys}, "version": pledge.version_id},
                 note=note)


def _apply(pledge: Pledge, status: Status, as_of_on: dt.date, reason: MissReason | None, note: str | None) -> None:
    pledge.status = status
    pledge.status_on = as_of_on
    pledge.miss_reason = reason if status is Status.MISSED else None
    pledge.miss_note = note if status is Status.MISSED else None


def _check_evidence_document(session: Session, pledge: Pledge, document_id: int, start: int | None,
                             end: int | None) -> None:
    """Evidence from the database: a document that exists, published no earlier than the pledge's,
    and (when given) a span inside its text."""
    document = session.get(Document, document_id)
    if document is None:
        raise ServiceError(f"没有编号为 {document_id} 的文档，无法作为佐证")
    source = pledge.document
    if document.published_on and source is not None and source.published_on \
            and document.published_on < source.published_on:
        raise ServiceError(f"佐证文档（{document.published_on}）早于承诺出处（{source.published_on}），"
                           "请选后续报道")
    if (start is None) != (end is None) or (start is not None and not 0 <= start < end <= len(document.text)):
        raise ServiceError("佐证引文的位置不在该文档正文之内")


@dataclass(frozen=True)
class StatusChange:
    """A reviewer's verdict as submitted: the status, the day it holds as of, the note, the evidence
    (a URL, a quote, or a span of a later document in the database), the miss reason, the achieved
    value (of ``quantity_id``; default the pledge's primary quantity) and ``version``, the optimistic
    lock the form carried (None: not checked)."""

    status: Status | str
    as_of_on: dt.date
    note: str | None = None
    evidence_url: str | None = None
    evidence_quote: str | None = None
    evidence_document_id: int | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None
    miss_reason: MissReason | str | None = None
    achieved_value: Decimal | int | str | None = None
    quantity_id: int | None = None
    version: int | None = None


def _check_allowed(pledge: Pledge, change: StatusChange, status: Status, today: dt.date) -> None:
    """The rules on who may move what where, when (the user is checked before)."""
    if change.version is not None and pledge.version_id != change.version:
        raise StaleEdit(f"此条已被他人修改（版本 {pledge.version_id}，你打开时为版本 {change.version}），请对照后重新提交",
                        current=pledge)
    if pledge.review_state is not ReviewState.CONFIRMED or pledge.merged_into_id is not None:
        raise ServiceError("只能评估已确认的承诺")
    if status not in ALLOWED_STATUS[pledge.status]:
        raise ServiceError(f"不能从「{pledge.status.label}」改为「{status.label}」")
    if change.as_of_on > today:
        raise ServiceError("评估日期不能晚于今天")


def _check_evidence(session: Session, pledge: Pledge, change: StatusChange, status: Status) -> MissReason | None:
    """Evidence where the status needs it, a database document that may serve, and the miss reason
    (returned) where 未完成 needs one."""
    if status in NEEDS_EVIDENCE and not ((change.evidence_url or "").strip() or (change.evidence_quote or "").strip()
                                         or change.evidence_document_id):
        raise EvidenceRequired(f"「{status.label}」需要佐证：链接、引文或库中的后续报道")
    if change.evidence_document_id is not None:
        _check_evidence_document(session, pledge, change.evidence_document_id, change.evidence_start,
                                 change.evidence_end)
    reason = MissReason(change.miss_reason) if change.miss_reason else None
    if status is Status.MISSED and reason is None:
        raise ServiceError("「未完成」需要选择原因")
    return reason


def _achieved_number(text) -> Decimal:
    """An achieved value the quantity column holds: finite, not negative, within its digits."""
    try:
        number = Decimal(str(text).strip())
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise ServiceError("完成值不是有效的数字")
    if number < 0:
        raise ServiceError("完成值不能为负数")
    value = canonical_decimal(number) if number < ACHIEVED_LIMIT else None
    if value is None or value.as_tuple().exponent < -DECIMAL_SCALE:
        raise ServiceError(f"完成值超出范围（最多 {DECIMAL_PRECISION - DECIMAL_SCALE} 位整数、{DECIMAL_SCALE} 位小数）")
    return value


def _achieved(pledge: Pledge, change: StatusChange) -> tuple[Decimal | None, Quantity | None]:
    """The achieved value given (None when blank) and the quantity it is of."""
    if change.achieved_value is None or not str(change.achieved_value).strip():
        return None, None
    value = _achieved_number(change.achieved_value)
    if change.quantity_id is not None:
        quantity = next((q for q in pledge.quantities if q.id == change.quantity_id), None)
    else:
        quantity = pledge.quantities[0] if pledge.quantities else None
    if quantity is None:
        raise ServiceError("该承诺没有可记录完成值的数量")
    return value, quantity


def set_status(session: Session, pledge: Pledge, user: User, change: StatusChange, *,
               today: dt.date | None = None) -> StatusEvent:
    """Rate a confirmed pledge as of a day (``change``); returns the new ``status_event``.

    未完成 becomes a proposal; every other status is in force at once.
    """
    require_reviewer(user)
    status = Status(change.status)
    _check_allowed(pledge, change, status, today or dt.date.today())
    reason = _check_evidence(session, pledge, change, status)
    achieved_value, quantity = _achieved(pledge, change)
    before = status_snapshot(pledge)
    note = (change.note or "").strip() or None
    kind = StatusEventKind.PROPOSED if status in NEEDS_SECOND_REVIEWER else StatusEventKind.EFFECTIVE
    event = StatusEvent(
        pledge_id=pledge.id, kind=kind, old_status=pledge.status, new_status=status, as_of_on=change.as_of_on,
        note=note, evidence_url=(change.evidence_url or "").strip() or None,
        evidence_quote=(change.evidence_quote or "").strip() or None,
        evidence_document_id=change.evidence_document_id, evidence_start=change.evidence_start,
        evidence_end=change.evidence_end, miss_reason=reason, quantity_id=quantity.id if quantity is not None else None,
        achieved_value=achieved_value, user_id=user.id,
    )
    session.add(event)
    if quantity is not None:
        quantity.achieved_value, quantity.achieved_on = achieved_value, change.as_of_on
        pledge.updated_at = utcnow()  # the record changed: bump its version
    if kind is StatusEventKind.EFFECTIVE:
        _apply(pledge, status, change.as_of_on, reason, note)
    session.flush()
    _record(session, pledge, user, "propose_status" if kind is StatusEventKind.PROPOSED else "set_status", before,
            note)
    session.flush()
    return event


def open_proposal(session: Session, pledge_id: int) -> StatusEvent | None:
    """The pledge's latest proposal still awaiting a second reviewer, if any."""
    answered = sa.select(StatusEvent.responds_to_id).where(StatusEvent.responds_to_id.is_not(None))
    return session.scalars(
        sa.select(StatusEvent)
        .where(StatusEvent.pledge_id == pledge_id, StatusEvent.kind == StatusEventKind.PROPOSED,
               StatusEvent.id.not_in(answered))
        .order_by(StatusEvent.id.desc()).limit(1)
    ).first()


def _answer(session: Session, proposal: StatusEvent, user: User, kind: StatusEventKind,
            note: str | None) -> tuple[Pledge, StatusEvent]:
    require_reviewer(user)
    if proposal.kind is not StatusEventKind.PROPOSED:
        raise ServiceError("这条记录不是待复核的评估")
    if session.scalar(sa.select(StatusEvent.id).where(StatusEvent.responds_to_id == proposal.id)) is not None:
        raise ServiceError("这条待复核的评估已处理")
    pledge = session.get(Pledge, proposal.pledge_id)
    event = StatusEvent(pledge_id=pledge.id, kind=kind, old_status=pledge.status, new_status=proposal.new_status,
                        as_of_on=proposal.as_of_on, note=(note or "").strip() or None,
                        miss_reason=proposal.miss_reason, responds_to_id=proposal.id, user_id=user.id)
    session.add(event)
    return pledge, event


def confirm_status(session: Session, proposal: StatusEvent, user: User, *, note: str | None = None) -> StatusEvent:
    """A second reviewer confirms a proposed 未完成: it takes effect as of the proposal's day."""
    if proposal.user_id == user.id:
        raise NotAllowed("「未完成」需要另一位评议员复核")
    pledge, event = _answer(session, proposal, user, StatusEventKind.CONFIRMATION, note)
    before = status_snapshot(pledge)
    _apply(pledge, proposal.new_status, proposal.as_of_on, proposal.miss_reason, proposal.note)
    session.flush()
    _record(session, pledge, user, "confirm_status", before, note)
    session.flush()
    return event


def withdraw_status(session: Session, proposal: StatusEvent, user: User, *, note: str | None = None) -> StatusEvent:
    """Withdraw (or overrule) a proposal; the pledge keeps the status it had."""
    pledge, event = _answer(session, proposal, user, StatusEventKind.WITHDRAWAL, note)
    session.flush()
    audit.record(session, entity="pledge", entity_id=pledge.id, action="withdraw_status", user=user,
                 old={"proposed_status": proposal.new_status.value}, new=None, note=note)
    session.flush()
    return event
