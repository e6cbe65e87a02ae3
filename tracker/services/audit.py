"""The append-only audit trail: one ``audit_event`` row per change, old and new values as JSON."""
from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from tracker.db.models import AuditEvent, User


def jsonable(value: Any) -> Any:
    """A value as JSON keeps it: dates ISO, decimals as exact strings, enums by value."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value.value if isinstance(value, enum.Enum) else value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    raise TypeError(f"cannot record {type(value).__name__} in the audit trail")


def record(session: Session, *, entity: str, entity_id: int, action: str, user: User | None = None,
           actor: str | None = None, old: dict | None = None, new: dict | None = None,
           note: str | None = None) -> AuditEvent:
    """Append one audit event. ``actor`` defaults to the user's name; machine changes pass it."""
    if user is None and not actor:
        raise ValueError("an audit event needs a user or an actor")
    event = AuditEvent(
        user_id=user.id if user is not None else None,
        actor=actor or user.name,
        entity=entity,
        entity_id=entity_id,
        action=action,
        old=jsonable(old) if old is not None else None,
        new=jsonable(new) if new is not None else None,
        note=note,
    )
    session.add(event)
    return event
