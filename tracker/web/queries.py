"""One query builder per list, feeding both the HTML page and the JSON API, so a filter
means the same thing everywhere. Filters come from the query string (``?district=3``),
describe themselves in a sentence (区县 = 张店区 且 审核状态 = 待核实), and lists page
with a keyset (``?after=<last id>``), never OFFSET.

Each list runs a fixed number of queries whatever the number of rows (no N+1): the
rows, one ``selectin`` load per collection shown, and one look-up per active filter.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session, joinedload, load_only, selectinload
from werkzeug.datastructures import MultiDict

from tracker.db.enums import PledgeOrigin, ReviewState, Status
from tracker.db.models import District, DistrictAlias, Document, Official, Pledge

PLEDGE_FILTERS = ("document", "district", "official", "review_state", "status", "origin", "q")
DOCUMENT_FILTERS = ("q",)


class BadFilter(ValueError):
    pass


@dataclass
class Filters:
    values: dict = field(default_factory=dict)
    words: list[tuple[str, str]] = field(default_factory=list)  # (label, value as read)
    names: dict = field(default_factory=dict)  # district / official: the name the filter form shows

    def sentence(self) -> str:
        return " 且 ".join(f"{k} = {v}" for k, v in self.words)

    def args(self) -> dict:
        return {k: v for k, v in self.values.items() if v not in (None, "")}


def _int(args: MultiDict, key: str) -> int | None:
    raw = (args.get(key) or "").strip()
    if not raw:
        return None
    try:
        value = int(raw)
    except ValueError:
        raise BadFilter(f"{key} 须为整数") from None
    if value < 1:
        raise BadFilter(f"{key} 须为正整数")
    return value


def _enum(args: MultiDict, key: str, enum_cls):
    raw = (args.get(key) or "").strip()
    if not raw:
        return None
    try:
        return enum_cls(raw)
    except ValueError:
        raise BadFilter(f"{key} 须为 {', '.join(m.value for m in enum_cls)} 之一") from None


def _district(session: Session, args: MultiDict) -> tuple[int | None, str | None]:
    """``?district=51`` or ``?district=张店区`` (a name or an alias): (id, name)."""
    raw = (args.get("district") or "").strip()
    if not raw:
        return None, None
    if raw.isdigit():
        value = _int(args, "district")
        return value, session.scalar(sa.select(District.name).where(District.id == value)) or f"#{value}"
    row = session.execute(sa.select(District.id, District.name).where(District.name == raw)
                          .order_by(District.id).limit(1)).first()
    if row is None:
        row = session.execute(sa.select(District.id, District.name).join(DistrictAlias)
                              .where(DistrictAlias.alias == raw).limit(1)).first()
    if row is None:
        raise BadFilter(f"没有名为“{raw[:50]}”的区县")
    return row[0], row[1]


def _official(session: Session, args: MultiDict) -> tuple[int | None, str | None]:
    """``?official=3`` or ``?official=马晓磊`` (the first person of that name): (id, name)."""
    raw = (args.get("official") or "").strip()
    if not raw:
        return None, None
    if raw.isdigit():
        value = _int(args, "official")
        return value, session.scalar(sa.select(Official.name).where(Official.id == value)) or f"#{value}"
    found = session.scalar(sa.select(Official.id).where(Official.name == raw).order_by(Official.id).limit(1))
    if found is None:
        raise BadFilter(f"没有名为“{raw[:50]}”的官员")
    return found, raw


def pledge_filters(session: Session, args: MultiDict) -> Filters:
    """The list's filters from the query string; district and official by id or by name."""
    f = Filters()
    f.values["document"] = _int(args, "document")
    f.values["district"], district_name = _district(session, args)
    f.values["official"], official_name = _official(session, args)
    f.values["review_state"] = _enum(args, "review_state", ReviewState)
    f.values["status"] = _enum(args, "status", Status)
    f.values["origin"] = _enum(args, "origin", PledgeOrigin)
    f.values["q"] = (args.get("q") or "").strip()[:100] or None
    if f.values["document"]:
        title = session.scalar(sa.select(Document.title).where(Document.id == f.values["document"]))
        f.words.append(("文档", title or f"#{f.values['document']}"))
    if district_name:
        f.words.append(("区县", district_name))
        f.names["district"] = district_name
    if official_name:
        f.words.append(("官员", official_name))
        f.names["official"] = official_name
    for key, label in (("review_state", "审核状态"), ("status", "进展"), ("origin", "来源")):
        if f.values[key]:
            f.words.append((label, f.values[key].label))
    if f.values["q"]:
        f.words.append(("包含", f.values["q"]))
    return f


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def pledge_where(stmt, values: dict):
    v = values
    stmt = stmt.where(Pledge.merged_into_id.is_(None))
    if v.get("document"):
        stmt = stmt.where(Pledge.document_id == v["document"])
    if v.get("district"):
        stmt = stmt.where(Pledge.district_id == v["district"])
    if v.get("official"):
        stmt = stmt.where(Pledge.official_id == v["official"])
    if v.get("review_state"):
        stmt = stmt.where(Pledge.review_state == v["review_state"])
    if v.get("status"):
        stmt = stmt.where(Pledge.status == v["status"])
    if v.get("origin"):
        stmt = stmt.where(Pledge.origin == v["origin"])
    if v.get("q"):
        pattern = _like(v["q"])
        stmt = stmt.where(sa.or_(Pledge.quote.like(pattern, escape="\\"), Pledge.object.like(pattern, escape="\\")))
    return stmt


PLEDGE_LIST_OPTIONS = (
    joinedload(Pledge.district).load_only(District.id, District.name),
    joinedload(Pledge.official).load_only(Official.id, Official.name),
    joinedload(Pledge.document).load_only(Document.id, Document.title, Document.published_on),
    selectinload(Pledge.quantities),
)


def pledge_page(session: Session, values: dict, *, after: int | None, limit: int) -> tuple[list[Pledge], int | None]:
    """One page of pledges (newest id first) and the ``after`` of the next page (None at the end)."""
    stmt = pledge_where(sa.select(Pledge), values).options(*PLEDGE_LIST_OPTIONS).order_by(Pledge.id.desc())
    if after:
        stmt = stmt.where(Pledge.id < after)
    rows = list(session.scalars(stmt.limit(limit + 1)).unique())
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (rows[-1].id if more and rows else None)


COUNT_CAP = 10_000


def pledge_count(session: Session, values: dict, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """(how many pledges match, whether there are more than ``cap``): counting stops at the cap,
    as Datasette's does, so a list of 100,000 pledges costs what a list of 10,000 does."""
    sub = pledge_where(sa.select(sa.literal(1)).select_from(Pledge), values).limit(cap + 1).subquery()
    n = session.scalar(sa.select(sa.func.count()).select_from(sub)) or 0
    return min(n, cap), n > cap


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


__all__ = ["BadFilter", "Filters", "document_page", "pledge_filters", "pledge_page",
           "pledge_where", "state_counts", "district_page", "official_page"]
