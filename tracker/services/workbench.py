"""The editor's decisions on pledges: the queue and its claims, confirm (with or without
corrections), reject, undo, add a missed pledge, merge duplicates, and the history.

Every decision checks the role, the optimistic lock (the version the form was loaded
at), and appends an ``audit_event`` with old → new values. Flush, never commit.

Claims: opening a pending pledge for review claims it for ``CLAIM_SECONDS``; the queue
never hands out a pledge someone else holds, and a claim simply expires if the
editor walks away. Claiming is a plain conditional UPDATE (atomic on both
databases) and does not bump the pledge's version: it is not an edit.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from tracker.db.enums import PledgeOrigin, Precision, QuantityRole, ReviewState, UserRole
from tracker.db.models import AuditEvent, District, DistrictAlias, Document, Official, Pledge, PledgeSource, \
    Quantity, User
from tracker.db.types import DECIMAL_PRECISION, DECIMAL_SCALE, canonical_decimal, utcnow
from tracker import glossary
from tracker.services import audit
from tracker.services.errors import NotAllowed, NotFound, ServiceError, StaleEdit
from tracker.services.selection import resolve_deadline

CLAIM_SECONDS = 600
EDIT_ROLES = frozenset({UserRole.EDITOR, UserRole.ADMIN})
DECISIONS = ("confirm", "correct", "reject")
#: Text fields an editor may correct (the quote and its offsets are the source's words: never rewritten).
TEXT_FIELDS = ("responsible_unit", "action", "object", "qualifier", "deadline_raw")
FIELD_LIMITS = {"responsible_unit": 200, "action": 100, "object": 200, "qualifier": 50, "deadline_raw": 100}


class FieldError(ServiceError):
    """A domain rule about one form field; ``field`` names it so the message can sit beside it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def require_editor(user: User | None) -> User:
    if user is None or not user.is_active or user.role not in EDIT_ROLES:
        raise NotAllowed("只有编辑可以审核承诺")
    return user


# --- snapshots for the audit trail -------------------------------------------------------


def quantity_list(pledge: Pledge) -> list[dict]:
    return [{"value": q.value, "value_max": q.value_max, "unit": q.unit} for q in pledge.quantities]


def snapshot(pledge: Pledge) -> dict[str, Any]:
    """The editable fields (``PledgeEdit``) and the review state of a pledge, as the audit trail keeps them."""
    return {
        **PledgeEdit.of(pledge).audit(),
        "review_state": pledge.review_state,
        "is_corrected": pledge.is_corrected,
        "reject_reason": pledge.reject_reason,
    }


def _diff(old: dict, new: dict) -> tuple[dict, dict]:
    keys = [k for k in new if audit.jsonable(old.get(k)) != audit.jsonable(new.get(k))]
    return {k: old.get(k) for k in keys}, {k: new[k] for k in keys}


# --- the queue and claims ----------------------------------------------------------------


@dataclass(frozen=True)
class QueueFilter:
    document_id: int | None = None
    district_id: int | None = None
    official_id: int | None = None
    order: str = "confidence"  # or "oldest"


def _available(user_id: int | None, now: dt.datetime):
    free = sa.or_(Pledge.claimed_by_id.is_(None), Pledge.claim_expires_at.is_(None), Pledge.claim_expires_at < now)
    return sa.or_(free, Pledge.claimed_by_id == user_id) if user_id is not None else free


def _filtered(stmt, filters: QueueFilter):
    if filters.document_id:
        stmt = stmt.where(Pledge.document_id == filters.document_id)
    if filters.district_id:
        stmt = stmt.where(Pledge.district_id == filters.district_id)
    if filters.official_id:
        stmt = stmt.where(Pledge.official_id == filters.official_id)
    return stmt


def queue_select(filters: QueueFilter, user_id: int | None, now: dt.datetime | None = None):
    """SELECT of the pledges waiting for review that ``user_id`` may take, in queue order.

    Lowest confidence first walks the (review_state, confidence) index and stops at the
    LIMIT, so the queue costs the same with 100 or 100,000 pending pledges. (Pending
    pledges come from the extractor and always have a confidence; a pledge an editor
    adds is confirmed at once.)
    """
    now = utcnow() if now is None else now  # (or a bound parameter: pages.queue_rows)
    stmt = _filtered(sa.select(Pledge).where(
        Pledge.review_state == ReviewState.PENDING, Pledge.merged_into_id.is_(None), _available(user_id, now)),
        filters)
    if filters.order == "oldest":
        return stmt.order_by(Pledge.created_at, Pledge.id)
    return stmt.order_by(Pledge.confidence, Pledge.id)


def queue_count(session: Session, filters: QueueFilter) -> int:
    """How many pledges wait for review (merged duplicates aside; those someone holds right now included).

    Counted as pending minus pending-and-merged, so both counts use an index
    (review_state; merged_into_id) instead of reading every pending row.
    """
    # count(*), not count(id): PostgreSQL can then answer from the index alone
    pending = _filtered(sa.select(sa.func.count()).select_from(Pledge)
                        .where(Pledge.review_state == ReviewState.PENDING), filters)
    # ``> 0`` rather than IS NOT NULL: SQLite walks the merged_into_id index for a range, not for IS NOT NULL
    merged = _filtered(sa.select(sa.func.count()).select_from(Pledge).where(Pledge.merged_into_id > 0,
                                                                 Pledge.review_state == ReviewState.PENDING), filters)
    return session.scalar(sa.select(pending.scalar_subquery() - merged.scalar_subquery())) or 0


#: ``decided_today``'s count for the usual decisions, built once. The day's start is written into the SQL
#: (``literal_execute``: one statement text a day), the person stays a parameter. psycopg prepares a statement
#: from its sixth run on a connection, and with the time a parameter too PostgreSQL's generic plan walked
#: ``ix_audit_event_at`` over the day's events of every person (10-17 ms at bench/load.sh's 25,801 events of
#: one day, 2,280 of them the person's); knowing the time, it reads the person's rows
#: (``ix_audit_event_user_id``: 1.1 ms) or, on a day of few events, the day's (docs/measuring.md, load18).
_DECIDED_SINCE = sa.select(sa.func.count()).select_from(AuditEvent).where(
    AuditEvent.user_id == sa.bindparam("user_id"), AuditEvent.entity == "pledge", AuditEvent.action.in_(DECISIONS),
    AuditEvent.at >= sa.bindparam("since", type_=AuditEvent.at.type, literal_execute=True))


def decided_today(session: Session, user: User, actions=DECISIONS, now: dt.datetime | None = None) -> int:
    """How many decisions ``user`` took today (the day in Asia/Shanghai): the queues' 今日已审 N. Only
    ``user.id`` is read (the web passes its logged-in account, without loading the ``User``)."""
    local = (now or utcnow()).astimezone(ZoneInfo("Asia/Shanghai"))
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(dt.timezone.utc)
    if tuple(actions) == DECISIONS:
        # (Core on the session's connection: the ORM's execution path cost more than the count)
        return session.connection().execute(_DECIDED_SINCE, {"user_id": user.id, "since": midnight}).scalar() or 0
    return session.scalar(sa.select(sa.func.count()).select_from(AuditEvent).where(
        AuditEvent.user_id == user.id, AuditEvent.entity == "pledge", AuditEvent.action.in_(actions),
        AuditEvent.at >= midnight)) or 0


def claim(session: Session, pledge_id: int, user: User, *, now: dt.datetime | None = None,
          seconds: int = CLAIM_SECONDS) -> bool:
    """Hold a pending pledge for ``user`` for ``seconds``; False when someone else holds it."""
    now = now or utcnow()
    result = session.execute(
        sa.update(Pledge)
        .where(Pledge.id == pledge_id, Pledge.review_state == ReviewState.PENDING, Pledge.merged_into_id.is_(None),
               _available(user.id, now))
        .values(claimed_by_id=user.id, claim_expires_at=now + dt.timedelta(seconds=seconds))
        .execution_options(synchronize_session=False)
    )
    session.expire_all()
    return result.rowcount == 1


def claim_next(session: Session, user: User, filters: QueueFilter = QueueFilter(), *,
               exclude: frozenset[int] | set[int] = frozenset(), now: dt.datetime | None = None,
               seconds: int = CLAIM_SECONDS) -> Pledge | None:
    """Claim the first pledge of the queue nobody else holds (skipping ``exclude``); None when the queue is empty."""
    require_editor(user)
    now = now or utcnow()
    for _ in range(5):  # another editor may take a row between the SELECT and the UPDATE
        stmt = queue_select(filters, user.id, now).with_only_columns(Pledge.id)
        if exclude:
            stmt = stmt.where(Pledge.id.not_in(list(exclude)))
        ids = list(session.scalars(stmt.limit(20)))
        if not ids:
            return None
        for pledge_id in ids:
            if claim(session, pledge_id, user, now=now, seconds=seconds):
                return session.get(Pledge, pledge_id)
    return None


def release(session: Session, pledge_id: int, user: User) -> None:
    """Let go of a claim (skip)."""
    session.execute(
        sa.update(Pledge).where(Pledge.id == pledge_id, Pledge.claimed_by_id == user.id)
        .values(claimed_by_id=None, claim_expires_at=None).execution_options(synchronize_session=False))
    session.expire_all()


def holder(pledge: Pledge, user: User | None, now: dt.datetime | None = None) -> User | None:
    """The other user holding ``pledge`` right now, if any."""
    now = now or utcnow()
    if pledge.claimed_by_id and pledge.claim_expires_at and pledge.claim_expires_at > now \
            and (user is None or pledge.claimed_by_id != user.id):
        return pledge.claimed_by
    return None


# --- corrections ---------------------------------------------------------------------------


def parse_quantities(rows: list[dict]) -> list[dict]:
    """Quantity rows from a form ({value, unit}; blank rows dropped) as exact decimals."""
    out = []
    for i, row in enumerate(rows, 1):
        if not isinstance(row, dict):
            raise ServiceError(f"第 {i} 个数量须含数值和单位")
        value = str(row.get("value") or "").strip()
        unit = str(row.get("unit") or "").strip()
        if not value and not unit:
            continue
        if not value or not unit:
            raise ServiceError(f"第 {i} 个数量须同时填写数值和单位")
        number = _quantity_number(i, "数值", value)
        if len(unit) > 20:
            raise ServiceError(f"第 {i} 个数量的单位过长")
        vmax = row.get("value_max")
        vmax = _quantity_number(i, "上限", str(vmax).strip()) if vmax not in (None, "") else None
        if vmax is not None and vmax < number:
            raise ServiceError(f"第 {i} 个数量的上限 {vmax} 小于数值 {number}")
        out.append({"value": number, "value_max": vmax, "unit": unit})
    return out


#: The first number a quantity column cannot hold (Numeric(24, 6): 18 integer digits).
QUANTITY_LIMIT = 10 ** (DECIMAL_PRECISION - DECIMAL_SCALE)


def _quantity_number(i: int, label: str, text: str) -> Decimal:
    """A quantity's number as the database keeps it: not negative, at most 18 integer digits and 6 decimals."""
    try:
        number = canonical_decimal(text.replace(",", "").replace("，", ""))
    except (InvalidOperation, ValueError):
        raise ServiceError(f"第 {i} 个数量的{label}“{text[:40]}”不是数字") from None
    if number < 0:
        raise ServiceError(f"第 {i} 个数量的{label}不能为负数")
    if number >= QUANTITY_LIMIT or number.as_tuple().exponent < -DECIMAL_SCALE:
        raise ServiceError(f"第 {i} 个数量的{label}“{text[:40]}”超出范围（最多 18 位整数、{DECIMAL_SCALE} 位小数）")
    return number


def find_district(session: Session, name: str) -> District | None:
    name = name.strip()
    found = session.scalar(sa.select(District).where(District.name == name).order_by(District.id).limit(1))
    if found is None:
        found = session.scalar(sa.select(District).join(DistrictAlias).where(DistrictAlias.alias == name).limit(1))
    return found


def resolve_official(session: Session, name: str, district_id: int | None) -> Official:
    """The person called ``name`` (preferring one in the district); a new person when nobody is."""
    name = name.strip()
    people = list(session.scalars(sa.select(Official).where(Official.name == name).order_by(Official.id)))
    person = next((p for p in people if p.district_id == district_id), None) or (people[0] if people else None)
    if person is None:
        person = Official(name=name, district_id=district_id)
        session.add(person)
        session.flush()
    return person


OFFICIAL_NAME_MAX = 50  # official.name is String(50)


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


#: a ``PledgeEdit`` field left as the pledge has it
UNSET: Any = _Unset()


@dataclass(frozen=True)
class PledgeEdit:
    """The fields of a pledge an editor may set, typed and checked: the district and the official (rows),
    the ``TEXT_FIELDS``, the deadline (day and precision) and the quantities (``{value, value_max, unit}``,
    exact decimals). A field left ``UNSET`` is not touched. Built from a form (``read``), from a pledge
    (``of``: what ``snapshot`` records) or from an audit record's old values (``undoing``); ``apply`` puts
    it on a pledge."""

    district: District | None = UNSET
    official: Official | None = UNSET
    responsible_unit: str | None = UNSET
    action: str | None = UNSET
    object: str | None = UNSET
    qualifier: str | None = UNSET
    deadline_raw: str | None = UNSET
    due_on: dt.date | None = UNSET
    deadline_precision: Precision | None = UNSET
    quantities: list[dict] = UNSET

    def given(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if getattr(self, f.name) is not UNSET}

    @classmethod
    def of(cls, pledge: Pledge) -> PledgeEdit:
        """Every field as the pledge has it."""
        return cls(district=pledge.district, official=pledge.official,
                   **{f: getattr(pledge, f) for f in TEXT_FIELDS}, due_on=pledge.due_on,
                   deadline_precision=pledge.deadline_precision, quantities=quantity_list(pledge))

    def audit(self) -> dict[str, Any]:
        """The given fields as the audit trail keeps them (the district and official by id and name)."""
        out: dict[str, Any] = {}
        for key, value in self.given().items():
            if key in ("district", "official"):
                out[f"{key}_id"], out[key] = (value.id, value.name) if value is not None else (None, None)
            else:
                out[key] = value
        return out

    @classmethod
    def read(cls, session: Session, pledge: Pledge, changes: dict[str, Any]) -> PledgeEdit:
        """Form values ({district, official, text fields, due_on, deadline_precision, quantities}, any
        subset) checked in that order; ``FieldError`` names the first field that cannot be taken."""
        out: dict[str, Any] = {}
        district_id = pledge.district_id
        if "district" in changes:
            out["district"] = _read_district(session, pledge, changes["district"])
            district_id = out["district"].id if out["district"] is not None else None
        if "official" in changes:
            out["official"] = _read_official(session, pledge, changes["official"], district_id)
        for field in TEXT_FIELDS:
            if field in changes:
                value = (changes[field] or "").strip() or None
                if value is not None and len(value) > FIELD_LIMITS[field]:
                    raise FieldError(field, f"最多 {FIELD_LIMITS[field]} 字")
                out[field] = value
        if "due_on" in changes:
            out["due_on"] = changes["due_on"]
        if "deadline_precision" in changes:
            p = changes["deadline_precision"]
            try:
                out["deadline_precision"] = Precision(p) if p else None
            except ValueError:
                raise FieldError("deadline_precision", "时限精度须为 " + "、".join(x.value for x in Precision)) from None
        if "quantities" in changes:
            try:
                out["quantities"] = parse_quantities(changes["quantities"])
            except FieldError:
                raise
            except ServiceError as exc:
                raise FieldError("quantities", str(exc)) from None
        return cls(**out)

    @classmethod
    def undoing(cls, session: Session, old: dict[str, Any]) -> PledgeEdit:
        """The fields an audit record's ``old`` values hold (JSON: ids, ISO days, decimal strings)."""
        out: dict[str, Any] = {f: old[f] for f in TEXT_FIELDS if f in old}
        if "district_id" in old:
            out["district"] = session.get(District, old["district_id"]) if old["district_id"] is not None else None
        if "official_id" in old:
            out["official"] = session.get(Official, old["official_id"]) if old["official_id"] is not None else None
        if "due_on" in old:
            out["due_on"] = dt.date.fromisoformat(old["due_on"]) if old["due_on"] else None
        if "deadline_precision" in old:
            out["deadline_precision"] = Precision(old["deadline_precision"]) if old["deadline_precision"] else None
        if "quantities" in old:
            out["quantities"] = [
                {"value": canonical_decimal(q["value"]),
                 "value_max": canonical_decimal(q["value_max"]) if q.get("value_max") is not None else None,
                 "unit": q["unit"]} for q in old["quantities"]]
        return cls(**out)

    def apply(self, session: Session, pledge: Pledge) -> None:
        for key, value in self.given().items():
            if key == "quantities":
                _apply_quantities(session, pledge, value)
            elif key in ("district", "official"):
                if getattr(pledge, key) is not value:
                    setattr(pledge, key, value)
            else:
                setattr(pledge, key, value)


def _read_district(session: Session, pledge: Pledge, text: str | None) -> District | None:
    name = (text or "").strip()
    if not name:
        return None
    if pledge.district is not None and pledge.district.name == name:
        return pledge.district  # unchanged (two districts may share a name: never swap one for the other)
    district = find_district(session, name)
    if district is None:
        raise FieldError("district", f"没有名为“{name}”的区县")
    return district


def _read_official(session: Session, pledge: Pledge, text: str | None, district_id: int | None) -> Official | None:
    name = (text or "").strip()
    if not name:
        return None
    if len(name) > OFFICIAL_NAME_MAX:
        raise FieldError("official", f"最多 {OFFICIAL_NAME_MAX} 字")
    if pledge.official is not None and pledge.official.name == name:
        return pledge.official
    return resolve_official(session, name, district_id)


def _apply(session: Session, pledge: Pledge, changes: dict[str, Any]) -> None:
    """Apply form values ({district, official, text fields, due_on, deadline_precision, quantities})."""
    PledgeEdit.read(session, pledge, changes).apply(session, pledge)


def _apply_quantities(session: Session, pledge: Pledge, rows: list[dict]) -> None:
    current = list(pledge.quantities)
    if [(q["value"], q["value_max"], q["unit"]) for q in quantity_list(pledge)] == \
            [(r["value"], r["value_max"], r["unit"]) for r in rows]:
        return
    for position, row in enumerate(rows):
        if position < len(current):
            q = current[position]
            if (q.value, q.value_max, q.unit) != (row["value"], row["value_max"], row["unit"]):
                q.value, q.value_max, q.unit = row["value"], row["value_max"], row["unit"]
        else:
            pledge.quantities.append(Quantity(position=position, value=row["value"], value_max=row["value_max"],
                                              unit=row["unit"], raw=f"{row['value']}{row['unit']}"[:50],
                                              role=QuantityRole.OTHER))
    for q in current[len(rows):]:
        pledge.quantities.remove(q)
    session.flush()


# --- decisions -----------------------------------------------------------------------------


def _load(session: Session, pledge_id: int) -> Pledge:
    pledge = session.get(Pledge, pledge_id, options=[selectinload(Pledge.quantities)])
    if pledge is None:
        raise ServiceError(f"没有编号为 {pledge_id} 的承诺")
    return pledge


def _check(pledge: Pledge, user: User, version: int | None) -> None:
    if pledge.merged_into_id is not None:
        raise ServiceError(f"此条已合并到 #{pledge.merged_into_id}，请在那里审核")
    other = holder(pledge, user)
    if other is not None:
        raise NotAllowed(f"此条正由 {other.name} 审核，请稍后再试")
    if version is not None and pledge.version_id != version:
        who = pledge.reviewed_by.name if pledge.reviewed_by else "他人"
        raise StaleEdit(f"此条已被 {who} 修改（版本 {pledge.version_id}，你打开时为版本 {version}）；"
                        "你的修改没有保存，请对照后重新提交", current=pledge)


def _decide(session: Session, pledge: Pledge, user: User, action: str, old: dict, note: str | None) -> Pledge:
    pledge.reviewed_by_id = user.id
    pledge.reviewed_at = utcnow()
    pledge.claimed_by_id = None
    pledge.claim_expires_at = None
    # the pledge's UPDATE and its audit event in one flush: the version the UPDATE gives it is the mapper's
    # counter, one more than it has (``reviewed_at`` changes, so the UPDATE is always written), checked after
    # (no refresh of the district and official here: a caller that changed them, confirm_pledge with
    # corrections, read them again after its own flush; the others change neither)
    version = pledge.version_id + 1
    new = snapshot(pledge)
    old_d, new_d = _diff(old, new)
    new_d["version"] = version
    audit.record(session, entity="pledge", entity_id=pledge.id, action=action, user=user, old=old_d, new=new_d,
                 note=note)
    session.flush()
    if pledge.version_id != version:  # (the audit trail's version is what undo and the history rely on)
        raise RuntimeError(f"pledge {pledge.id}: version {pledge.version_id} after the decision, {version} recorded")
    return pledge


def confirm_pledge(session: Session, pledge_id: int, user: User, *, version: int | None,
                   changes: dict[str, Any] | None = None) -> Pledge:
    """Confirm a pledge, applying the editor's corrections; with any correction it counts as 修改后确认."""
    require_editor(user)
    pledge = _load(session, pledge_id)
    _check(pledge, user, version)
    old = snapshot(pledge)
    corrected_now = {}
    if changes:  # (a confirmation as read, most of them, has nothing to apply, flush or read again)
        _apply(session, pledge, changes)
        session.flush()
        session.refresh(pledge, ["district", "official", "quantities"])
        corrected_now = _diff({k: v for k, v in old.items()},
                              {k: v for k, v in snapshot(pledge).items()
                               if k not in ("review_state", "is_corrected", "reject_reason")})[0]
    pledge.review_state = ReviewState.CONFIRMED
    pledge.reject_reason = None
    pledge.is_corrected = bool(corrected_now) or (pledge.is_corrected and old["review_state"] is ReviewState.CONFIRMED)
    return _decide(session, pledge, user, "correct" if corrected_now else "confirm", old, None)


def reject_pledge(session: Session, pledge_id: int, user: User, *, version: int | None, reason: str) -> Pledge:
    """Reject a pledge with a reason (the extractor's reading was not a pledge)."""
    require_editor(user)
    reason = (reason or "").strip()
    if not reason:
        raise FieldError("reject_reason", "驳回须写明理由")
    pledge = _load(session, pledge_id)
    _check(pledge, user, version)
    old = snapshot(pledge)
    pledge.review_state = ReviewState.REJECTED
    pledge.reject_reason = reason
    pledge.is_corrected = False
    return _decide(session, pledge, user, "reject", old, reason)


_LAST_UNDOABLE = (sa.select(AuditEvent).join(Pledge, Pledge.id == AuditEvent.entity_id)
                  .where(AuditEvent.user_id == sa.bindparam("user_id"), AuditEvent.entity == "pledge",
                         AuditEvent.action.in_(DECISIONS), Pledge.version_id == AuditEvent.new["version"].as_integer())
                  .order_by(AuditEvent.id.desc()).limit(1))


def last_undoable(session: Session, user: User) -> AuditEvent | None:
    """The user's latest decision whose pledge nobody has changed since (its version is the one recorded)."""
    return session.scalar(_LAST_UNDOABLE, {"user_id": user.id})


def undo_last(session: Session, user: User) -> Pledge | None:
    """Put back what the user's latest decision changed (while nobody changed the pledge since)."""
    require_editor(user)
    event = last_undoable(session, user)
    if event is None:
        return None
    pledge = _load(session, event.entity_id)
    before = snapshot(pledge)
    old = event.old or {}
    PledgeEdit.undoing(session, old).apply(session, pledge)
    if "review_state" in old:
        pledge.review_state = ReviewState(old["review_state"])
    if "is_corrected" in old:
        pledge.is_corrected = old["is_corrected"]
    if "reject_reason" in old:
        pledge.reject_reason = old["reject_reason"]
    if pledge.review_state is ReviewState.PENDING:
        pledge.reviewed_by_id = None
        pledge.reviewed_at = None
    session.flush()
    session.refresh(pledge, ["district", "official", "quantities"])
    old_d, new_d = _diff(before, snapshot(pledge))
    new_d["version"] = pledge.version_id
    audit.record(session, entity="pledge", entity_id=pledge.id, action="undo", user=user, old=old_d, new=new_d,
                 note=f"撤销{glossary.action_label(event.action)}（记录 #{event.id}）")
    session.flush()
    return pledge


def _added_deadline(changes: dict[str, Any], published: dt.date | None) -> dict[str, Any]:
    """Typed deadline words without a date (三年, 年底前) resolved to one as the extractor would."""
    raw = (changes.get("deadline_raw") or "").strip()
    if changes.get("due_on") or not raw:
        return changes
    deadline = resolve_deadline(raw, published)
    if deadline.date is None:
        if changes.get("no_deadline"):
            return changes
        raise FieldError("deadline_raw", f"无法从“{raw}”读出日期：请填写完成时限，或勾选“无时限”")
    return {**changes, "due_on": deadline.date,
            "deadline_precision": changes.get("deadline_precision") or deadline.precision.value}


def _require_added(pledge: Pledge, changes: dict[str, Any]) -> None:
    """A pledge added by hand is confirmed at once, so it must say what a confirmed pledge says."""
    if pledge.district_id is None:
        raise FieldError("district", "请填写区县")
    if not pledge.quantities and not changes.get("non_quantified"):
        raise FieldError("quantities", "请至少填写一个数量（数值 + 单位），或勾选“非量化”")
    if pledge.due_on is None and not changes.get("no_deadline"):
        raise FieldError("due_on", "请填写完成时限（或时限原文，如“三年内”），或勾选“无时限”")


def add_pledge(session: Session, user: User, document_id: int, start: int, end: int,
               changes: dict[str, Any]) -> Pledge:
    """A pledge the extractor missed, from a passage an editor selected: confirmed by that editor.

    It needs a district, a quantity (or ``changes["non_quantified"]``) and a deadline (or
    ``changes["no_deadline"]``); deadline words without a date (三年) are resolved as the
    extractor would, against the document's publication date."""
    require_editor(user)
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound("没有这篇文档")
    if not (0 <= start < end <= len(document.text)):
        raise ServiceError("选区不在文档范围内")
    quote = document.text[start:end]
    if not quote.strip():
        raise ServiceError("选区是空白")
    changes = _added_deadline(changes, document.published_on)
    pledge = Pledge(document_id=document.id, origin=PledgeOrigin.MANUAL, start=start, end=end, quote=quote,
                    confidence=None, review_state=ReviewState.CONFIRMED, reviewed_by_id=user.id,
                    reviewed_at=utcnow())
    session.add(pledge)
    session.flush()
    _apply(session, pledge, changes)
    session.flush()
    session.refresh(pledge, ["district", "official", "quantities"])
    _require_added(pledge, changes)
    marks = [word for key, word in (("non_quantified", "非量化"), ("no_deadline", "无时限")) if changes.get(key)]
    audit.record(session, entity="pledge", entity_id=pledge.id, action="add", user=user,
                 new={**snapshot(pledge), "document_id": document.id, "start": start, "end": end,
                      "quote": quote, "version": pledge.version_id}, note="、".join(marks) or None)
    session.flush()
    return pledge


def merge_pledges(session: Session, user: User, keep_id: int, duplicate_id: int) -> Pledge:
    """The same pledge reported twice: ``duplicate`` becomes a further source of ``keep``."""
    require_editor(user)
    if keep_id == duplicate_id:
        raise ServiceError("不能把一条承诺合并到它自己")
    keep, dup = _load(session, keep_id), _load(session, duplicate_id)
    for p in (keep, dup):
        if p.merged_into_id is not None:
            raise ServiceError(f"#{p.id} 已合并到 #{p.merged_into_id}")
    have = {(s.document_id, s.start, s.end) for s in keep.sources} | {(keep.document_id, keep.start, keep.end)}
    moved = [(dup.document_id, dup.start, dup.end, dup.quote, dup.id)]
    moved += [(s.document_id, s.start, s.end, s.quote, s.merged_pledge_id or dup.id) for s in dup.sources]
    for document_id, start, end, quote, merged_id in moved:
        if (document_id, start, end) in have:
            continue
        keep.sources.append(PledgeSource(document_id=document_id, start=start, end=end, quote=quote,
                                         merged_pledge_id=merged_id, added_by_id=user.id))
        have.add((document_id, start, end))
    for p in session.scalars(sa.select(Pledge).where(Pledge.merged_into_id == dup.id)):
        p.merged_into_id = keep.id
    dup.merged_into_id = keep.id
    dup.claimed_by_id = dup.claim_expires_at = None
    session.flush()
    audit.record(session, entity="pledge", entity_id=keep.id, action="merge", user=user,
                 new={"merged": dup.id, "document_id": dup.document_id, "version": keep.version_id})
    audit.record(session, entity="pledge", entity_id=dup.id, action="merged_into", user=user,
                 old={"merged_into_id": None}, new={"merged_into_id": keep.id, "version": dup.version_id})
    session.flush()
    return keep


def possible_duplicates(session: Session, pledge: Pledge, limit: int = 10) -> list[Pledge]:
    """Pledges in other documents that may be this one: same object, same district (when known),
    and the same primary quantity (value and unit). Not merged, not rejected."""
    if not pledge.object:
        return []
    # the documents' titles and dates only: their texts are what the page needs least
    stmt = (sa.select(Pledge).options(selectinload(Pledge.document).load_only(Document.id, Document.title,
                                                                               Document.published_on))
            .where(Pledge.id != pledge.id, Pledge.document_id != pledge.document_id, Pledge.object == pledge.object,
                   Pledge.merged_into_id.is_(None), Pledge.review_state != ReviewState.REJECTED)
            .order_by(Pledge.id))
    if pledge.district_id:
        stmt = stmt.where(Pledge.district_id == pledge.district_id)
    if pledge.quantities:
        q = pledge.quantities[0]
        stmt = stmt.where(sa.exists().where(Quantity.pledge_id == Pledge.id, Quantity.position == 0,
                                            Quantity.value == q.value, Quantity.unit == q.unit))
    return list(session.scalars(stmt.limit(limit)))


def history(session: Session, pledge_id: int) -> list[AuditEvent]:
    """Every recorded change of the pledge, oldest first, with its user loaded."""
    return list(session.scalars(
        sa.select(AuditEvent).options(selectinload(AuditEvent.user))
        .where(AuditEvent.entity == "pledge", AuditEvent.entity_id == pledge_id)
        .order_by(AuditEvent.at, AuditEvent.id)))


__all__ = [
    "CLAIM_SECONDS", "EDIT_ROLES", "FieldError", "QueueFilter", "add_pledge", "claim", "claim_next", "confirm_pledge",
    "history", "holder", "possible_duplicates", "last_undoable", "merge_pledges", "queue_count", "queue_select", "reject_pledge",
    "release", "require_editor", "snapshot", "undo_last",
]
