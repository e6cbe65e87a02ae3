"""The values the extractor hands out: plain frozen dataclasses, no behaviour beyond serialisation."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum


class Precision(str, Enum):
    """How exactly a deadline is known; the due date is always the last day the words allow."""

    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    PLAN = "plan"  # a plan period such as 十四五


class Role(str, Enum):
    COUNT = "count"
    AMOUNT = "amount"
    LENGTH = "length"
    AREA = "area"
    RATIO = "ratio"
    DURATION = "duration"
    OTHER = "other"


def json_number(value: Decimal | None) -> int | float | None:
    """A Decimal as the JSON number a reader expects: 24, not 24.0; 8.5 stays 8.5."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


@dataclass(frozen=True)
class Quantity:
    """A number of a pledge as read: its value (and upper bound), unit, role and the words it was written in."""

    value: Decimal
    unit: str
    raw: str
    start: int  # offsets of raw in the text handed to the extractor
    end: int
    role: Role = Role.OTHER
    value_max: Decimal | None = None

    def to_dict(self) -> dict:
        out = {"value": json_number(self.value), "unit": self.unit, "raw": self.raw, "role": self.role.value}
        if self.value_max is not None:
            out["value_max"] = json_number(self.value_max)
        return out


@dataclass(frozen=True)
class Deadline:
    """When a pledge is due: the words that say it, the day they stand for and its precision."""

    raw: str | None = None
    date: dt.date | None = None
    precision: Precision | None = None
    inherited: bool = False  # the words govern the pledge from outside its quote

    def to_dict(self) -> dict:
        return {
            "raw": self.raw,
            "date": self.date.isoformat() if self.date else None,
            "precision": self.precision.value if self.precision else None,
        }


NO_DEADLINE = Deadline()


@dataclass(frozen=True)
class Official:
    """An official a pledge is credited to: a name and, when the text gives one, a title."""

    name: str
    title: str | None = None

    def to_dict(self) -> dict:
        return {"name": self.name, "title": self.title}


@dataclass(frozen=True)
class Candidate:
    """One extracted pledge: the machine's reading, never a human decision."""

    quote: str
    start: int
    end: int
    quantities: tuple[Quantity, ...]
    action: str | None = None
    object: str | None = None
    qualifier: str | None = None
    deadline: Deadline = NO_DEADLINE
    district: str | None = None
    official: Official | None = None
    confidence: float = 0.5
    cues: tuple[str, ...] = field(default=(), compare=False)  # why it was judged forward-looking
    responsible_unit: str | None = None  # the unit the text makes responsible (牵头单位): 县教育局
    # which named rule decided each field: (("pledge", "forward_quantity"), ("deadline", "list_lead_inherits"), …)
    why: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def to_dict(self) -> dict:
        return {
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "district": self.district,
            "official": self.official.to_dict() if self.official else None,
            "action": self.action,
            "object": self.object,
            "quantities": [q.to_dict() for q in self.quantities],
            "qualifier": self.qualifier,
            "deadline": self.deadline.to_dict(),
            "responsible_unit": self.responsible_unit,
            "confidence": round(self.confidence, 3),
        }

    def why_dict(self) -> dict[str, str]:
        """Field → the id of the rule that decided it (``tracker extract --explain``)."""
        return dict(self.why)
