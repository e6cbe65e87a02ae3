"""Column types that behave the same on SQLite and PostgreSQL.

* ``UTCDateTime``: timezone-aware UTC datetimes in and out. PostgreSQL stores
  ``timestamptz``; SQLite has no time zones, so the value is stored as naive UTC
  and made aware again when read.
* ``ExactDecimal``: a ``Decimal`` that comes back exactly as it went in.
  PostgreSQL stores ``NUMERIC(24, 6)``; SQLite would store a float (and warn),
  so there the canonical decimal string is stored instead.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator

DECIMAL_PRECISION = 24
DECIMAL_SCALE = 6


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class UTCDateTime(TypeDecorator):
    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: pass an aware UTC datetime")
        value = value.astimezone(dt.timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc)


def canonical_decimal(value: Decimal | int | str | float) -> Decimal:
    """The value as a Decimal without exponent or trailing zeros: 41, 0.5, 417."""
    if isinstance(value, float):
        value = repr(value)
    d = Decimal(value)
    if not d.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


#: ``canonical_decimal`` of the numbers read back, by the value read: a list page of 50 pledges reads up to
#: 150 of them, most the same few round targets, and each costs ~1 µs to work out anew (a fifth of the
#: filtered list's extra time over the plain one, docs/measuring.md, pgpages). Two equal non-zero numbers
#: have one canonical form, so the value the driver hands (PostgreSQL ``Decimal('41.000000')``, SQLite the
#: string) is the key; zero is never kept (``Decimal('-0') == Decimal('0')``, their forms differ).
_READ: dict = {}
_READ_MAX = 4096


def canonical_decimal_read(value) -> Decimal:
    """``canonical_decimal(value)`` of a number read from the database (not None), kept (``_READ``)."""
    found = _READ.get(value) if value else None
    if found is None:
        found = canonical_decimal(value)
        if value:
            if len(_READ) >= _READ_MAX:
                _READ.clear()
            _READ[value] = found
    return found


class ExactDecimal(TypeDecorator):
    impl = sa.Numeric(DECIMAL_PRECISION, DECIMAL_SCALE)
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "sqlite":
            return dialect.type_descriptor(sa.String(40))
        return dialect.type_descriptor(sa.Numeric(DECIMAL_PRECISION, DECIMAL_SCALE, asdecimal=True))

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        d = canonical_decimal(value)
        if d.as_tuple().exponent < -DECIMAL_SCALE:
            raise ValueError(f"{value} has more than {DECIMAL_SCALE} decimal places")
        return format(d, "f") if dialect.name == "sqlite" else d

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return canonical_decimal_read(value)
