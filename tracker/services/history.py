"""A pledge's fields as they stood at an instant, rebuilt from the audit trail in SQL.

Every change a person or the extractor makes to a pledge appends an ``audit_event``
holding the old and the new value of each field it changed (``workbench``: confirm,
correct, reject, undo, merge; ``reextract``: refresh). So the value a field had at an
instant is the *old* value of the first change to it recorded after that instant, or
its value now when nothing has changed it since. No replay from the pledge's first
state is needed (ingest records none per pledge), and pledges nobody touched since
cost nothing but an outer join that finds no row.

``columns(bound)`` gives, for a bound (the first instant after the day of the view),
an expression per field named like the ``Pledge`` attribute (``district_id``,
``official_id``, ``responsible_unit``, ``action``, ``object``, ``qualifier``,
``deadline_raw``, ``quote``, ``due_on``, ``deadline_precision``, ``review_state``,
``merged_into_id``) and for the primary quantity (``value``, ``value_max``, ``unit``),
plus the join that brings them in. The listing filters, sorts and pages on these
expressions, so the view stays one streamed query on both databases.

"First change after" is the lowest event id among the pledge's events at or after the
bound that hold the field in ``old``: events of one pledge are written in the order its
changes commit (each bumps the pledge's version under its row lock).

What the trail does not hold: a pending pledge that re-extraction retracted is deleted
(its event keeps the quote and span only), so a view of an earlier day cannot show it;
re-extraction recorded quantities as ``[value, unit, raw]`` lists before it recorded
``{value, value_max, unit, raw}``, so for those older events the upper bound of a range
reads as empty.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.expression import ColumnElement, FunctionElement

from tracker.db.models import AuditEvent, Pledge

#: field → how its JSON value becomes a column ("int", "text", "date")
FIELDS = {
    "district_id": "int", "official_id": "int", "responsible_unit": "text", "action": "text", "object": "text",
    "qualifier": "text", "deadline_raw": "text", "quote": "text", "due_on": "date",
    "deadline_precision": "text", "review_state": "text", "merged_into_id": "int",
}


class _HasKey(FunctionElement):
    """``json_col`` holds ``key`` (even with a null value)."""

    type = sa.Boolean()
    inherit_cache = True
    name = "json_has_key"


@compiles(_HasKey)
def _has_key_sqlite(element, compiler, **kw):
    column, key = element.clauses
    return f"(json_type({compiler.process(column, **kw)}, '$.' || {compiler.process(key, **kw)}) IS NOT NULL)"


@compiles(_HasKey, "postgresql")
def _has_key_postgresql(element, compiler, **kw):
    column, key = element.clauses
    return f"jsonb_exists({compiler.process(column, **kw)}, {compiler.process(key, **kw)})"


class _Typed(FunctionElement):
    """A JSON text as a date or a number: SQLite keeps both as text already (as ``ExactDecimal``
    and ``Date`` store them), PostgreSQL casts."""

    inherit_cache = True
    name = "json_typed"

    def __init__(self, expr, type_):
        super().__init__(expr)
        self.type = type_


@compiles(_Typed)
def _typed_sqlite(element, compiler, **kw):
    [expr] = element.clauses
    return compiler.process(expr, **kw)


@compiles(_Typed, "postgresql")
def _typed_postgresql(element, compiler, **kw):
    [expr] = element.clauses
    target = "DATE" if isinstance(element.type, sa.Date) else "NUMERIC"
    return f"CAST({compiler.process(expr, **kw)} AS {target})"


def has_key(column, key: str) -> ColumnElement:
    return _HasKey(column, sa.literal(key, sa.String()))


def _value(event: type[AuditEvent], name: str, kind: str):
    if kind == "int":
        return event.old[name].as_integer()
    text = event.old[name].as_string()
    return _Typed(text, sa.Date()) if kind == "date" else text


def _quantity(event, key: str, position: int | None):
    """The primary quantity's ``key`` in ``old["quantities"]``: ``{value, value_max, unit}``, or
    ``[value, unit, raw]`` in re-extraction's older events (``position``)."""
    found = event.old[("quantities", 0, key)].as_string()
    if position is not None:
        found = sa.func.coalesce(found, event.old[("quantities", 0, position)].as_string())
    return found


@dataclass(frozen=True)
class Columns:
    """The expressions of one view's pledge fields (current ones when ``later`` is None)."""

    fields: dict
    quantity_fields: dict
    later: sa.Subquery | None

    def __getitem__(self, name: str) -> ColumnElement:
        return self.fields[name]

    def quantity(self, name: str, current: ColumnElement) -> ColumnElement:
        """The primary quantity's ``name`` (value, value_max, unit), ``current`` when not changed since."""
        if self.later is None:
            return current
        changed, old = self.quantity_fields[name]
        if name != "unit":
            old = _Typed(old, current.type)
        return sa.case((changed.is_not(None), old), else_=current)

    def join(self, stmt):
        """``stmt`` (selecting from ``pledge``) with the later changes joined in."""
        if self.later is None:
            return stmt
        return stmt.outerjoin(self.later, self.later.c.pledge_id == Pledge.id)


CURRENT = Columns({name: getattr(Pledge, name) for name in FIELDS}, {}, None)


@lru_cache(maxsize=64)
def columns(bound: dt.datetime | None) -> Columns:
    """The fields as they stood just before ``bound`` (None: as they are). Cached, so the list's
    query and its ORDER BY / keyset conditions share the very same subquery."""
    if bound is None:
        return CURRENT
    changes = (AuditEvent.entity == "pledge", AuditEvent.at >= bound)
    keys = list(FIELDS) + ["quantities"]
    first = (sa.select(AuditEvent.entity_id.label("pledge_id"),
                       *[sa.func.min(sa.case((has_key(AuditEvent.old, key), AuditEvent.id))).label(key)
                         for key in keys])
             .where(*changes).group_by(AuditEvent.entity_id).subquery("first_change"))

    def old(expr, event_id):
        event = aliased(AuditEvent)
        value = expr(event)
        return sa.select(value).where(event.id == event_id).scalar_subquery()

    later = sa.select(
        first.c.pledge_id,
        *[first.c[key].label(f"{key}_event") for key in keys],
        *[old(lambda e, n=name, k=kind: _value(e, n, k), first.c[name]).label(name)
          for name, kind in FIELDS.items()],
        old(lambda e: _quantity(e, "value", 0), first.c.quantities).label("q_value"),
        old(lambda e: _quantity(e, "value_max", None), first.c.quantities).label("q_value_max"),
        old(lambda e: _quantity(e, "unit", 1), first.c.quantities).label("q_unit"),
    ).subquery("later_change")
    fields = {name: sa.case((later.c[f"{name}_event"].is_not(None), later.c[name]), else_=getattr(Pledge, name))
              for name in FIELDS}
    quantity_fields = {name: (later.c.quantities_event, later.c[f"q_{name}"])
                       for name in ("value", "value_max", "unit")}
    return Columns(fields, quantity_fields, later)
