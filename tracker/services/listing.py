"""The one query builder behind the pledge list, its CSV / XLSX / JSON / 台账 exports, the
status tables, the dashboard and the scorecards: "export" always means "this view, as a file".

* ``parse_filters(session, args)`` reads a flat mapping (a query string, CLI options)
  into ``Filters``: checked values, the URL arguments that reproduce them, and a
  sentence (区县 = 张店区 且 状态 = 已完成). Bad input raises ``BadFilter`` with a
  Chinese message and nothing runs.
* ``iter_rows(session, filters)`` streams ``Row`` objects (plain values, no ORM
  objects), with the schedule arithmetic done on the view's day; ``page`` is one
  keyset page of it; ``count`` the number of rows.
* ``as_of``: the table as it stood at the end of that day (Asia/Shanghai), rebuilt
  from the append-only histories: pledges recorded by then, not merged away by
  then; their fields (district, official, unit, action, object, deadline, target
  quantity, review state) as they were then, from ``audit_event``
  (``tracker.services.history``); the latest verdict in force by then (a proposed
  未完成 only once confirmed) and the achieved value last reported by then, from
  ``status_event``; deadlines, flags and progress computed for that day. Filters,
  sorting and pages apply to those values.
"""
from __future__ import annotations

import datetime as dt
import dataclasses
from dataclasses import dataclass, field
from functools import lru_cache
from decimal import Decimal
from typing import Iterator, Mapping
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.expression import FunctionElement
from sqlalchemy.sql import util as sql_util

from tracker import glossary
from tracker.db.enums import (MissReason, PledgeOrigin, Precision, RecipientKind, ReviewState, Status,
                              StatusEventKind)
from tracker.db.models import (District, DistrictAlias, Document, Official, Pledge, Quantity, Reminder,
                               StatusEvent)
from tracker.db import fulltext
from tracker.db.types import canonical_decimal_read
from tracker.services import dates, history, schedule, search
from tracker.services.errors import ServiceError
from tracker.services.followup import RESTATED_KINDS, restated_pledge_ids
from tracker.services.schedule import Flag, Progress

SHANGHAI = ZoneInfo("Asia/Shanghai")
BATCH = 1000

#: URL / CLI argument → label in the sentence, in the order the sentence reads
FILTER_LABELS = {
    "district": "区县", "official": "责任领导", "unit": "牵头单位", "document": "文档", "status": "状态",
    "review_state": "审核状态", "origin": "来源", "flag": "标记", "due_from": "完成时限不早于",
    "due_to": "完成时限不晚于", "q": "包含", "as_of": "截至", "restated": "后续重述",
}
FILTER_KEYS = tuple(FILTER_LABELS) + ("sort",)
ALL = "all"

#: sort argument → (label, column key, descending)
SORTS = {
    "id": ("编号", "id", False), "-id": ("编号倒序", "id", True),
    "due_on": ("完成时限由近到远", "due_on", False), "-due_on": ("完成时限由远到近", "due_on", True),
    "published_on": ("发布日期由早到晚", "published_on", False),
    "-published_on": ("发布日期由晚到早", "published_on", True),
}
DEFAULT_SORT = "due_on"
FAR_FUTURE, FAR_PAST = dt.date(9999, 12, 31), dt.date(1, 1, 1)


def shanghai_today() -> dt.date:
    """Today in Asia/Shanghai: the calendar the pledges and their readers live by."""
    return dt.datetime.now(SHANGHAI).date()


class BadFilter(ServiceError):
    """A filter the user gave cannot be read; the message says which and why, in Chinese."""


@dataclass
class Filters:
    values: dict = field(default_factory=dict)  # checked values (ids, enums, dates)
    args: dict = field(default_factory=dict)  # the URL / CLI arguments that give this view again
    words: list[tuple[str, str]] = field(default_factory=list)  # (label, value as read)
    today: dt.date = field(default_factory=lambda: shanghai_today())

    @property
    def day(self) -> dt.date:
        """The day the view describes: ``as_of`` when given, else today."""
        return self.values.get("as_of") or self.today

    @property
    def sort(self) -> str:
        return self.values.get("sort") or DEFAULT_SORT

    def sentence(self) -> str:
        return " 且 ".join(f"{k} = {v}" for k, v in self.words) or "全部承诺"

    def query(self, **changes) -> dict:
        """The URL arguments, with some changed (None removes one)."""
        out = dict(self.args)
        for k, v in changes.items():
            if v is None or v == "":
                out.pop(k, None)
            else:
                out[k] = v
        return out


@dataclass(slots=True)
class Row:
    id: int
    document_id: int
    document_title: str
    published_on: dt.date | None
    quote: str
    district_id: int | None
    district: str | None
    official_id: int | None
    official: str | None
    responsible_unit: str | None
    action: str | None
    object: str | None
    target_value: Decimal | None
    target_value_max: Decimal | None
    target_unit: str | None
    achieved_value: Decimal | None
    deadline_raw: str | None
    due_on: dt.date | None
    deadline_precision: Precision | None
    review_state: ReviewState
    status: Status
    status_on: dt.date | None
    miss_reason: MissReason | None
    note: str | None
    evidence: str | None
    proposed: Status | None  # an open proposal (未完成 awaiting a second reviewer)
    reminders: int = 0  # 催办次数: the days its unit was sent a reminder (by the view's day)
    time_share: Decimal | None = None
    achieved_share: Decimal | None = None
    progress: Progress | None = None
    flag: Flag | None = None
    days_overdue: int = 0

    @property
    def target_text(self) -> str:
        if self.target_value is None:
            return ""
        return glossary.quantity_text(self.target_value, self.target_unit, self.target_value_max).replace(" ", "")

    @property
    def achieved_text(self) -> str:
        if self.achieved_value is None:
            return ""
        return glossary.quantity_text(self.achieved_value, self.target_unit).replace(" ", "")


#: The columns the view's query selects, in ``Row`` order, each with how its stored value becomes the
#: row's: ``None`` (as the driver gives it), ``"number"`` (an exact decimal) or an enumeration (its
#: stored string → member). ``_select`` labels each selected expression with its name and selects them
#: in this order; ``_fill`` decodes by this list; ``Row``'s first fields are these names (``_check_row``).
#: The rest of ``Row`` (shares, progress, flag, days overdue) is worked out per row on the view's day.
SELECTED: tuple[tuple[str, str | type | None], ...] = (
    ("id", None), ("document_id", None), ("document_title", None), ("published_on", None), ("quote", None),
    ("district_id", None), ("district", None), ("official_id", None), ("official", None),
    ("responsible_unit", None), ("action", None), ("object", None), ("target_value", "number"),
    ("target_value_max", "number"), ("target_unit", None), ("achieved_value", "number"), ("deadline_raw", None),
    ("due_on", None), ("deadline_precision", Precision), ("review_state", ReviewState), ("status", Status),
    ("status_on", None), ("miss_reason", MissReason), ("note", None), ("evidence", None), ("proposed", Status),
    ("reminders", None),
)
SELECTED_NAMES = tuple(name for name, _ in SELECTED)
#: ``Row``'s fields after ``SELECTED``, worked out by ``_fill`` in this order
ASSESSED = ("time_share", "achieved_share", "progress", "flag", "days_overdue")


def _check_row() -> None:
    """``Row``'s fields begin with ``SELECTED``, name by name (a shifted column fails at import)."""
    names = tuple(f.name for f in dataclasses.fields(Row))[:len(SELECTED)]
    if names != SELECTED_NAMES:
        raise AssertionError(f"Row and listing.SELECTED disagree: {names} != {SELECTED_NAMES}")
    assessed = tuple(f.name for f in dataclasses.fields(Row))[len(SELECTED):]
    if assessed != ASSESSED:  # ``_fill`` passes them by position after the selected values
        raise AssertionError(f"Row's fields after listing.SELECTED are {assessed}, not {ASSESSED}")


_check_row()


# --- reading the filters -----------------------------------------------------------------


def _text(args: Mapping, key: str, limit: int = 200) -> str:
    value = args.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    value = value.strip()[:limit]
    if any(ch < " " or ch == "\x7f" for ch in value):
        raise BadFilter(f"筛选条件 {key} 含有控制字符，请只填写文字")
    return value


def parse_date(text: str, label: str) -> dt.date:
    """A day as ``dates.parse_day`` reads it, else ``BadFilter`` naming the field."""
    try:
        return dates.parse_day(text, label)
    except dates.BadDate as exc:
        raise BadFilter(str(exc)) from None


def _enum(text: str, enum_cls, label: str):
    for member in enum_cls:
        if text in (member.value, member.label):
            return member
    names = "、".join(m.label for m in enum_cls)
    raise BadFilter(f"{label}「{text}」无法识别，可选：{names}")


MAX_ID = 2**31 - 1


def _is_id(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _id(text: str, what: str) -> int:
    """A row id as the user typed it: ASCII digits within the range of an id, else ``BadFilter``."""
    value = int(text)
    if not 1 <= value <= MAX_ID:
        raise BadFilter(f"没有编号为 {text} 的{what}")
    return value


#: a district's or an official's name by id (Core, built once: the ORM's execution path cost more than the look-up)
_DISTRICT_NAME = sa.select(District.name).where(District.id == sa.bindparam("ident", type_=sa.Integer()))
_OFFICIAL_NAME = sa.select(Official.name).where(Official.id == sa.bindparam("ident", type_=sa.Integer()))


def _district(session: Session, text: str) -> tuple[int, str]:
    if _is_id(text):
        ident = _id(text, "区县")
        name = session.connection().execute(_DISTRICT_NAME, {"ident": ident}).scalar()
        if name is None:
            raise BadFilter(f"没有编号为 {text} 的区县")
        return ident, name
    rows = session.execute(sa.select(District.id, District.name).where(District.name == text)).all()
    if not rows:
        rows = session.execute(sa.select(District.id, District.name).join(DistrictAlias)
                               .where(DistrictAlias.alias == text)).all()
    if not rows:
        raise BadFilter(f"未知的区县「{text}」")
    if len(rows) > 1:
        raise BadFilter(f"区县「{text}」有 {len(rows)} 个同名，请用编号（district=编号）")
    return rows[0].id, rows[0].name


def _official(session: Session, text: str) -> tuple[int, str]:
    if _is_id(text):
        ident = _id(text, "责任领导")
        name = session.connection().execute(_OFFICIAL_NAME, {"ident": ident}).scalar()
        if name is None:
            raise BadFilter(f"没有编号为 {text} 的责任领导")
        return ident, name
    rows = session.execute(sa.select(Official.id, Official.name).where(Official.name == text)).all()
    if not rows:
        raise BadFilter(f"未知的责任领导「{text}」")
    if len(rows) > 1:
        raise BadFilter(f"责任领导「{text}」有 {len(rows)} 位同名，请用编号（official=编号）")
    return rows[0].id, rows[0].name


def _document(session: Session, text: str, label: str) -> tuple[int, str]:
    if not _is_id(text):
        raise BadFilter(f"文档须为编号（正整数），收到「{text}」")
    ident = _id(text, "文档")
    title = session.scalar(sa.select(Document.title).where(Document.id == ident))
    if title is None:
        raise BadFilter(f"没有编号为 {text} 的文档")
    return ident, title


def _labelled(enum_cls):
    def read(session: Session, text: str, label: str):
        member = _enum(text, enum_cls, label)
        return member, member.label
    return read


def _review_state(session: Session, text: str, label: str):
    if text == ALL:
        return ALL, None  # every state: nothing to say in the sentence
    member = _enum(text, ReviewState, label)
    return member, member.label


def _flag(session: Session, text: str, label: str) -> tuple[Flag, str]:
    try:
        flag = Flag.parse(text)
    except ValueError:
        raise BadFilter(f"标记「{text}」无法识别，可选：红（逾期）、黄（欠进度）、蓝（30 天内到期）") from None
    return flag, f"{flag.label}（{flag.meaning}）"


def _day(session: Session, text: str, label: str) -> tuple[dt.date, str]:
    day = parse_date(text, label)
    return day, day.isoformat()


def _restated(session: Session, text: str, label: str) -> tuple[str, str]:
    found = next((k for k, word in RESTATED_KINDS.items() if text in (k, word)), None)
    if found is None:
        raise BadFilter(f"后续重述「{text}」无法识别，可选：{'、'.join(RESTATED_KINDS.values())}"
                        f"（{'、'.join(RESTATED_KINDS)}）")
    return found, RESTATED_KINDS[found]


def _sort(session: Session, text: str, label: str) -> tuple[str, None]:
    if text not in SORTS:
        raise BadFilter(f"排序「{text}」无法识别，可选：{'、'.join(SORTS)}")
    return text, None


#: filter key → reader(session, text, label) → (checked value, the value as the sentence says it, or None)
READERS = {
    "district": lambda session, text, label: _district(session, text),
    "official": lambda session, text, label: _official(session, text),
    "unit": lambda session, text, label: (text, text),
    "document": _document,
    "status": _labelled(Status),
    "review_state": _review_state,
    "origin": _labelled(PledgeOrigin),
    "flag": _flag,
    "due_from": _day, "due_to": _day, "as_of": _day,
    "q": lambda session, text, label: (text, text),
    "restated": _restated,
    "sort": _sort,
}


def _check_together(f: Filters) -> None:
    """The rules between filters: a span of deadlines that runs forwards, a history that looks back."""
    v = f.values
    if v.get("due_from") and v.get("due_to") and v["due_from"] > v["due_to"]:
        raise BadFilter(f"完成时限的起点 {v['due_from']} 晚于终点 {v['due_to']}")
    if v.get("as_of") and v["as_of"] > f.today:
        raise BadFilter(f"截至日期 {v['as_of']} 在今天（{f.today}）之后，历史只能回看")


def parse_filters(session: Session, args: Mapping, *, today: dt.date | None = None,
                  default_review_state: ReviewState | None = ReviewState.CONFIRMED,
                  known: Mapping[str, tuple] | None = None) -> Filters:
    """Read the filters from ``args`` (strings). Unknown keys are ignored; bad values raise ``BadFilter``.

    Without ``review_state`` the view holds confirmed pledges only (``review_state=all``
    shows every state), because unreviewed machine output is not yet a pledge to follow.
    ``known``: filters whose value the caller has read already, key → what ``READERS`` would give for
    ``args[key]`` (the value and its words: a scorecard's district or official, id and name), not read again.
    """
    f = Filters(today=today or shanghai_today())
    v, words = f.values, {}
    for key in FILTER_KEYS:
        text = _text(args, key, 100 if key == "q" else 200)
        if not text:
            continue
        f.args[key] = text
        v[key], word = (known[key] if known and key in known
                        else READERS[key](session, text, FILTER_LABELS.get(key)))
        if word is not None:
            words[key] = word
        if key == "q":
            v["terms"] = search.terms(text)
    if "review_state" not in v and default_review_state is not None:
        v["review_state"] = default_review_state
        words["review_state"] = default_review_state.label
    _check_together(f)
    f.words = [(FILTER_LABELS[k], words[k]) for k in FILTER_LABELS if k in words]
    return f


# --- the query ---------------------------------------------------------------------------


def end_of_day_utc(day: dt.date) -> dt.datetime:
    """The first instant after ``day`` in Asia/Shanghai, in UTC."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), SHANGHAI).astimezone(dt.timezone.utc)


# built once: an alias's columns are adapted on first use, which costs more than the whole query on SQLite
latest_verdict, latest_report = aliased(StatusEvent, name="latest"), aliased(StatusEvent, name="latest_report")


def _latest(latest, kinds, as_of: dt.date | None, bound: dt.datetime | None, *, achieved: bool = False,
            lateral: str | None = None):
    """The id of the pledge's latest status event of ``kinds`` that counts by the view's day: a
    correlated lookup (an index probe per row), so a page or a filtered view does not group the
    whole history first. ``latest`` is one of the aliases above (never a new one per call).

    A scalar subquery (``ev.id = (SELECT max(id) …)``, any database), or with ``lateral`` (its name)
    a LATERAL subquery of one row whose ``event_id`` is that id, for PostgreSQL: there the scalar
    form in a join's condition becomes a hash join that reads and hashes the whole status_event table
    (EXPLAIN of a district scorecard's 383 rows: 13.5 of its 25 ms), the LATERAL one a probe of the
    index on status_event.pledge_id and one of its primary key a row. SQLite has no LATERAL."""
    cond = [latest.pledge_id == Pledge.id] + ([latest.kind.in_(kinds)] if kinds else [])
    if achieved:
        cond.append(latest.achieved_value.is_not(None))
    if as_of is not None:
        cond += [latest.as_of_on <= as_of, latest.created_at < bound]
    found = sa.select(sa.func.max(latest.id).label("event_id")).where(*cond).correlate(Pledge)
    return found.lateral(lateral) if lateral else found.scalar_subquery()


def _join_latest(stmt, latest, alias):
    """``stmt`` with ``alias`` joined as the event ``latest`` (from ``_latest``) names."""
    if isinstance(latest, sa.Lateral):  # one row a pledge (an aggregate): joined on true
        return stmt.outerjoin(latest, sa.true()).outerjoin(alias, alias.id == latest.c.event_id)
    return stmt.outerjoin(alias, alias.id == latest)


def _pledge_columns(filters: Filters) -> history.Columns:
    """The view's pledge fields: as they are, or (``as_of``) as they stood at the end of that day."""
    as_of = filters.values.get("as_of")
    return history.columns(end_of_day_utc(as_of) if as_of else None)


# built once: an alias's columns are adapted on first use, which costs more than the whole query on SQLite
ev, proposal_of, rep, answer, open_prop = (aliased(StatusEvent, name=n) for n in ("ev", "proposal_of", "rep", "answer",
                                                                                 "open_prop"))
q0 = aliased(Quantity, name="q0")
reminder = aliased(Reminder, name="reminder_sent")


#: filters whose values reach the database as bound parameters: a view's statement is built (and
#: compiled) once per shape (which of these are given, and the rest of ``_shape``), then reused
BOUND_FILTERS = ("district", "official", "unit", "document", "status", "review_state", "origin", "due_from",
                 "due_to")


def _bound(filters: Filters) -> dict:
    """The values of the view's ``BOUND_FILTERS``, by parameter name (``f_<filter>``)."""
    v, out = filters.values, {}
    for key in BOUND_FILTERS:
        value = v.get(key)
        if not value or (key == "review_state" and not isinstance(value, ReviewState)):
            continue
        if key in ("status", "review_state"):
            value = value.value
        elif key == "unit":
            value = search._like(value)
        out["f_" + key] = value
    return out


def _shape(filters: Filters) -> tuple:
    """What decides the statement's text: the bound filters given, and the values that are not bound
    (the day of an ``as_of`` view, the search words, the flag and the day it is judged on, the kind of
    restatement asked for)."""
    v = filters.values
    flag = v.get("flag")
    return (tuple(sorted(_bound(filters))), v.get("as_of"), v.get("terms") or None, flag,
            filters.day if flag is not None else None, v.get("restated") or None)


def base_select(filters: Filters):
    """The SELECT of the view (the ``SELECTED`` columns, each labelled with its name), filters applied except ``flag``
    (its values bound). A new statement, for callers that build on it and run it through the ORM (whose
    compile step stamps its options on the subqueries); this module's own queries reuse the kept ones.)"""
    return _select.__wrapped__(*_shape(filters)).params(_bound(filters))


def _open_proposal(as_of: dt.date | None, bound: dt.datetime | None):
    """The status an open proposal asks for: proposed by the view's day and not answered by then.
    NOT EXISTS, a probe of the index on status_event.responds_to_id for each proposal of the rows
    read (NOT IN over the answered ids hashed every answered event of the trail for each query)."""
    answered = sa.select(answer.id).where(answer.responds_to_id == open_prop.id)
    prop_cond = [open_prop.pledge_id == Pledge.id, open_prop.kind == StatusEventKind.PROPOSED]
    if as_of is not None:
        answered = answered.where(answer.created_at < bound)
        prop_cond += [open_prop.created_at < bound, open_prop.as_of_on <= as_of]
    # a scalar subquery, not NOT EXISTS: PostgreSQL turns NOT EXISTS into an anti-join hashing the whole trail
    answered = answered.limit(1).correlate(open_prop).scalar_subquery()
    return (sa.select(open_prop.new_status).where(*prop_cond, answered.is_(None))
            .order_by(open_prop.id.desc()).limit(1).correlate(Pledge).scalar_subquery())


def _verdict_columns(as_of: dt.date | None):
    """status, status_on, miss_reason and the achieved value: the pledge's own, or (``as_of``) those of the
    latest verdict (``ev``) and report (``rep``) by the view's day."""
    if as_of is None:
        status = Pledge.status
        status_on = Pledge.status_on
        miss_reason = Pledge.miss_reason
        achieved = q0.achieved_value
    else:
        status = sa.func.coalesce(ev.new_status, Status.UNASSESSED.value)
        status_on = ev.as_of_on
        miss_reason = sa.case((ev.new_status == Status.MISSED.value, ev.miss_reason), else_=None)
        achieved = rep.achieved_value
    return status, status_on, miss_reason, achieved


def _reminders(as_of: dt.date | None):
    """催办次数: the days on which the pledge's unit was sent a reminder, up to the view's day."""
    reminded = [reminder.pledge_id == Pledge.id, reminder.recipient_kind == RecipientKind.UNIT.value]
    if as_of is not None:
        reminded.append(reminder.sent_on <= as_of)
    return (sa.select(sa.func.count(sa.distinct(reminder.sent_on))).where(*reminded)
            .correlate(Pledge).scalar_subquery())


@lru_cache(maxsize=256)
def _select(keys: tuple, as_of: dt.date | None, terms, flag, day: dt.date | None, restated: str | None = None,
            lateral: bool = False, card: bool = False):
    """The view's statement for one shape (see ``_shape``), its bound filters as ``f_<filter>`` parameters.
    Built once and kept: SQLAlchemy memoises a statement's cache key, so a request that reuses it
    neither rebuilds it nor walks it again to look up its compiled form. ``lateral``: the latest verdict
    and report joined as LATERAL subqueries (PostgreSQL only, see ``_latest``). ``card``: the columns a
    scorecard's cards and totals show (``CARD_UNSHOWN`` are NULL, reminders 0), without the joins only
    they need (see ``iter_rows``)."""
    # the review state is written into the statement's text at execution (``literal_execute``: one compiled
    # form still, a text a state): PostgreSQL's partial indexes on confirmed pledges (migration 0009) match
    # a literal only, so with a parameter its generic plan could not use them and it planned the statement
    # anew for every run (the 台账's: 8 ms of the database's CPU a request, 1.5 ms with its plan kept)
    v = {key[2:]: sa.bindparam(key, literal_execute=key == "f_review_state") for key in keys}
    if as_of is not None:
        v["as_of"] = as_of
    if terms:
        v["terms"] = terms
    if restated:
        v["restated"] = restated
    bound = end_of_day_utc(as_of) if as_of else None
    p = history.columns(bound)  # Pledge's own columns, or as they stood that day

    verdict = _latest(latest_verdict, [StatusEventKind.EFFECTIVE, StatusEventKind.CONFIRMATION], as_of, bound,
                      lateral="last_verdict" if lateral else None)
    reported = _latest(latest_report, None, as_of, bound, achieved=True, lateral="last_report" if lateral else None)
    proposed = _open_proposal(as_of, bound)

    status, status_on, miss_reason, achieved = _verdict_columns(as_of)
    evidence = sa.func.coalesce(ev.evidence_url, ev.evidence_quote, proposal_of.evidence_url,
                                proposal_of.evidence_quote)
    reminders = _reminders(as_of)
    note = sa.func.coalesce(proposal_of.note, ev.note)  # a confirmation: the proposer's note

    selected = {
        "id": Pledge.id, "document_id": Pledge.document_id, "document_title": Document.title,
        "published_on": Document.published_on, "quote": p["quote"], "district_id": p["district_id"],
        "district": District.name, "official_id": p["official_id"], "official": Official.name,
        "responsible_unit": p["responsible_unit"], "action": p["action"], "object": p["object"],
        "target_value": _raw_number(p.quantity("value", q0.value)),
        "target_value_max": _raw_number(p.quantity("value_max", q0.value_max)),
        "target_unit": p.quantity("unit", q0.unit), "achieved_value": _raw_number(achieved),
        "deadline_raw": p["deadline_raw"], "due_on": p["due_on"], "deadline_precision": _raw(p["deadline_precision"]),
        "review_state": _raw(p["review_state"]), "status": _raw(status), "status_on": status_on,
        "miss_reason": _raw(miss_reason), "note": note, "evidence": evidence, "proposed": _raw(proposed),
        "reminders": reminders,
    }
    if card:
        selected.update({name: sa.null() for name in CARD_UNSHOWN}, reminders=sa.literal_column("0"))
    stmt = (
        sa.select(*(selected[name].label(name) for name in SELECTED_NAMES))
        .select_from(Pledge)
        .join(Document, Document.id == Pledge.document_id)
    )
    stmt = p.join(stmt)
    if not card:
        stmt = (stmt.outerjoin(District, District.id == p["district_id"])
                .outerjoin(Official, Official.id == p["official_id"]))
    stmt = stmt.outerjoin(q0, sa.and_(q0.pledge_id == Pledge.id, q0.position == 0))
    if not card or as_of is not None:  # (a card's status is the latest verdict's only as of a past day)
        stmt = _join_latest(stmt, verdict, ev)
    if not card:
        stmt = stmt.outerjoin(proposal_of, proposal_of.id == ev.responds_to_id)
    stmt = stmt.where(p["merged_into_id"].is_(None))
    if as_of is not None:
        stmt = _join_latest(stmt, reported, rep).where(Pledge.created_at < bound)
    return _filtered(stmt, v, p, status, achieved, flag, day)


#: what a scorecard's cards and totals do not show: NULL in its rows (``iter_rows(card=True)``)
CARD_UNSHOWN = ("district", "official", "note", "evidence")


def _filtered(stmt, v: dict, p, status, achieved, flag, day: dt.date | None):
    """``stmt`` with the view's filters (``v``: bound parameters and plain values) as conditions; a flag
    narrows to the rows that can carry it (``SQL_EXACT_FLAGS``: exactly them)."""
    if v.get("district") is not None:
        stmt = stmt.where(p["district_id"] == v["district"])
    if v.get("official") is not None:
        stmt = stmt.where(p["official_id"] == v["official"])
    if v.get("unit") is not None:
        stmt = stmt.where(p["responsible_unit"].like(v["unit"], escape="\\"))
    if v.get("document") is not None:
        stmt = stmt.where(Pledge.document_id == v["document"])
    if v.get("status") is not None:
        stmt = stmt.where(status == v["status"])
    if v.get("review_state") is not None:
        stmt = stmt.where(p["review_state"] == v["review_state"])
    if v.get("origin") is not None:
        stmt = stmt.where(Pledge.origin == v["origin"])
    if v.get("due_from") is not None:
        stmt = stmt.where(p["due_on"] >= v["due_from"])
    if v.get("due_to") is not None:
        stmt = stmt.where(p["due_on"] <= v["due_to"])
    if v.get("restated"):  # restated by a later plan (with a lower target, a later deadline …)
        stmt = stmt.where(Pledge.id.in_(restated_pledge_ids(v["restated"])))
    if v.get("terms"):
        stmt = stmt.where(search.match(v["terms"], Pledge.id, Pledge.quote, Pledge.object, Document.title))
    if flag is not None:  # narrow in SQL to what can carry the flag; the exact rule is schedule.flag
        due_on = p["due_on"]
        stmt = stmt.where(status.not_in([s.value for s in schedule.CLOSED]),
                          p["review_state"] != ReviewState.REJECTED.value, due_on.is_not(None))
        if flag is Flag.RED:  # exactly the red rule (see SQL_EXACT_FLAGS)
            stmt = stmt.where(due_on < day)
        else:
            stmt = stmt.where(due_on >= day)
            if flag is Flag.BLUE:
                stmt = stmt.where(due_on <= day + dt.timedelta(days=schedule.BLUE_DAYS))
            else:  # behind schedule: both shares known, and the rule itself (see behind_sql)
                stmt = stmt.where(behind_sql(Document.published_on, due_on, day,
                                             p.quantity("value", q0.value), achieved))
    return stmt


class _DaysBetween(FunctionElement):
    """Whole days from ``earlier`` to ``later`` (two dates): PostgreSQL subtracts dates; SQLite,
    which keeps dates as ISO text, subtracts their Julian day numbers."""

    type = sa.Integer()
    inherit_cache = True
    name = "days_between"


@compiles(_DaysBetween)
def _days_between_sqlite(element, compiler, **kw):
    later, earlier = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"


@compiles(_DaysBetween, "postgresql")
def _days_between_postgresql(element, compiler, **kw):
    later, earlier = (compiler.process(c, **kw) for c in element.clauses)
    return f"({later} - {earlier})"


def behind_sql(published_on, due_on, day: dt.date, target, achieved):
    """欠进度 on ``day`` as ``schedule.progress`` decides it: achieved ÷ target falls more than
    ``TOLERANCE`` (1/20) behind the time share (elapsed ÷ allowed days, clamped to [0, 1]; 1 from
    the publication day on when the deadline is not after it). Multiplied out to stay exact:
    20·achieved·allowed < (20·elapsed − allowed)·target inside the span, 20·achieved < 19·target
    at its end, 20·achieved < −target before it; a target above 0 and both shares known."""
    tolerance = schedule.TOLERANCE
    assert tolerance == Decimal(1) / 20, "behind_sql multiplies out a tolerance of 1/20"
    target, achieved = sa.cast(target, sa.Numeric()), sa.cast(achieved, sa.Numeric())  # SQLite keeps them as text
    allowed = _DaysBetween(due_on, published_on)
    elapsed = _DaysBetween(sa.literal(day, sa.Date()), published_on)
    at_end = sa.or_(sa.and_(allowed <= 0, elapsed >= 0), sa.and_(allowed > 0, elapsed >= allowed))
    return sa.and_(published_on.is_not(None), due_on.is_not(None), achieved.is_not(None), target > 0, sa.case(
        (at_end, 20 * achieved < 19 * target),
        (elapsed <= 0, 20 * achieved < -target),
        else_=20 * achieved * allowed < (20 * elapsed - allowed) * target))


#: flags whose SQL narrowing in ``base_select`` is the rule itself: the database may count and
#: limit such a view; the other flags are decided row by row (``schedule.flag``) after it
SQL_EXACT_FLAGS = frozenset({None, Flag.RED, Flag.YELLOW})


def _sort_column(key: str, as_of: dt.date | None):
    return {"due_on": history.columns(end_of_day_utc(as_of) if as_of else None)["due_on"],
            "published_on": Document.published_on}[key]


def _ordered_by(stmt, sort: str, as_of: dt.date | None, cursor: bool):
    """``stmt`` in the order of ``sort``; with ``cursor``, after the row the parameters ``f_after_value``
    (the sort value, a date) and ``f_after_id`` name."""
    _, key, descending = SORTS[sort]
    if cursor:
        after_id = sa.bindparam("f_after_id", type_=sa.Integer())
        if key == "id":
            stmt = stmt.where(Pledge.id < after_id if descending else Pledge.id > after_id)
        else:
            sort_col = sa.func.coalesce(_sort_column(key, as_of), FAR_PAST if descending else FAR_FUTURE)
            after_value = sa.bindparam("f_after_value", type_=sa.Date())
            if descending:
                stmt = stmt.where(sa.or_(sort_col < after_value, sa.and_(sort_col == after_value, Pledge.id < after_id)))
            else:
                stmt = stmt.where(sa.or_(sort_col > after_value, sa.and_(sort_col == after_value, Pledge.id > after_id)))
    id_order = Pledge.id.desc() if descending else Pledge.id.asc()
    if key == "id":
        return stmt.order_by(id_order)
    # The date itself with missing dates last: the order of the stand-ins the cursor uses (no date
    # is 9999-12-31 or 0001-01-01), and one the index on pledge.due_on gives without a sort
    column = _sort_column(key, as_of)
    return stmt.order_by(column.desc().nulls_last() if descending else column.asc().nulls_last(), id_order)


def _cursor_params(filters: Filters, after: str | None) -> dict:
    if not after:
        return {}
    _, key, _ = SORTS[filters.sort]
    value, ident = parse_cursor(after, key)
    return {"f_after_id": ident} if key == "id" else {"f_after_id": ident, "f_after_value": value}


def _ordered(stmt, filters: Filters, after: str | None):
    """``stmt`` (the view's ``base_select``) in the view's order, after the row the cursor ``after`` names."""
    stmt = _ordered_by(stmt, filters.sort, filters.values.get("as_of"), bool(after))
    return stmt.params(_cursor_params(filters, after)) if after else stmt


def cursor_of(row: Row, filters: Filters) -> str:
    """The keyset cursor after ``row``: ``<sort value>~<id>`` (a missing date as the stand-in it sorts by)."""
    _, key, descending = SORTS[filters.sort]
    if key == "id":
        return str(row.id)
    value = getattr(row, key) or (FAR_PAST if descending else FAR_FUTURE)
    return f"{value.isoformat()}~{row.id}"


def parse_cursor(text: str, key: str) -> tuple[dt.date | None, int]:
    try:
        value, _, ident = text.rpartition("~") if key != "id" else ("", "", text)
        if not (_is_id(ident) and int(ident) <= MAX_ID):
            raise ValueError(text)
        return (None if key == "id" else dt.date.fromisoformat(value)), int(ident)
    except ValueError:
        raise BadFilter(f"翻页参数「{text}」无效，请从第一页重新开始") from None


def _raw(column):
    """An enum column as its stored string (``_fill`` maps it with a dict: cheaper per row)."""
    return sa.type_coerce(column, sa.String())


def _raw_number(column):
    """An exact decimal as the driver hands it (SQLite: the canonical string; PostgreSQL: a Decimal)."""
    return sa.type_coerce(column, sa.types.NullType())


def _number(value) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, str):  # SQLite stores the canonical form already
        return Decimal(value)
    return canonical_decimal_read(value)


# where ``_fill`` decodes, by position in the selected row: worked out from ``SELECTED``, never by hand
_NUMBERS = tuple(i for i, (_, decode) in enumerate(SELECTED) if decode == "number")
_ENUMS = [(i, {m.value: m for m in decode}) for i, (_, decode) in enumerate(SELECTED)
          if isinstance(decode, type)]


_AT = {name: i for i, name in enumerate(SELECTED_NAMES)}
_PUBLISHED, _DUE, _TARGET, _ACHIEVED, _STATUS, _REVIEW = (
    _AT[k] for k in ("published_on", "due_on", "target_value", "achieved_value", "status", "review_state"))


def _fill(values, day: dt.date) -> Row:
    """The selected values decoded, with the shares, progress, flag and days overdue worked out on ``day``:
    one ``Row(...)`` call with every field (``SELECTED`` is ``Row``'s first fields, the assessed ones follow)."""
    values = list(values)
    for i in _NUMBERS:
        values[i] = _number(values[i])
    for i, members in _ENUMS:
        if values[i] is not None:
            values[i] = members[values[i]]
    due = values[_DUE]
    time, share, pace, flag = schedule.assess(
        published_on=values[_PUBLISHED], due_on=due, target=values[_TARGET], achieved=values[_ACHIEVED],
        status=values[_STATUS], today=day, review_state=values[_REVIEW])
    return Row(*values, time, share, pace, flag, schedule.days_overdue(due, day) if flag is Flag.RED else 0)


def _page_ids_by_hits(shape: tuple, sort: str, cursor: bool, limit: int):
    """SQLite, a page in id order of a view searched by index words: the page's ids found by walking the
    FTS5 table in rowid order (``fulltext.SQLITE_HITS``), the view's other conditions tested on each hit
    until the page is full; the same ids, in the same order, as the view's ids query."""
    keys, as_of, terms, flag, day, restated = shape
    _, _, descending = SORTS[sort]
    hits = fulltext.SQLITE_HITS
    rest = search.Query((), terms.substrings)  # the words' condition is the join's
    ids = (_select(keys, as_of, rest or None, flag, day, restated).with_only_columns(Pledge.id)
           .join(hits, hits.c.rowid == Pledge.id).where(fulltext.MatchesWords(terms.words)))
    if cursor:
        after_id = sa.bindparam("f_after_id", type_=sa.Integer())
        ids = ids.where(*((Pledge.id < after_id, hits.c.rowid < after_id) if descending else
                          (Pledge.id > after_id, hits.c.rowid > after_id)))
    return (ids.order_by(hits.c.rowid.desc() if descending else hits.c.rowid.asc())
            .limit(sa.literal_column(str(int(limit)))).correlate(None))


@lru_cache(maxsize=256)
def _rows_select(shape: tuple, sort: str, cursor: bool, limit: int | None, stream: bool = True,
                 by_hits: bool = False, lateral: bool = False, card: bool = False):
    """The statement of a view's rows (``iter_rows``) for one shape, order, cursor and SQL limit; ``by_hits``:
    SQLite, whose index words page in id order through the FTS5 table (``_page_ids_by_hits``); ``lateral``
    (a whole view, no SQL limit): the rows' latest verdict and report joined LATERAL (``_latest``)."""
    base = _select(*shape, lateral=lateral and limit is None, card=card)
    as_of = shape[1]
    stmt = _ordered_by(base, sort, as_of, cursor)
    if limit is not None and by_hits:
        ids = _page_ids_by_hits(shape, sort, cursor, limit)
        stmt = _ordered_by(_select((), as_of, None, None, None).where(Pledge.id.in_(ids)), sort, as_of, False)
    elif limit is not None:
        # the page's ids first (the database leaves out the joins and lookups they do not need),
        # then the page's rows: else every row of the view is built before the sort picks a few
        # The outer statement holds none of the view's filters (they are the ids'): with them a
        # search's outer query walked every pledge the words match (10,000) to keep the page's 51
        ids = stmt.with_only_columns(Pledge.id).limit(sa.literal_column(str(int(limit)))).correlate(None)
        stmt = _ordered_by(_select((), as_of, None, None, None).where(Pledge.id.in_(ids)), sort, as_of, False)
    # Core execution (plain tuples, none of the ORM's per-row bookkeeping). A whole view (an export)
    # is streamed in batches; a page (its few rows) is not: on PostgreSQL streaming is a server-side
    # cursor (DECLARE, FETCH, CLOSE: three round trips, planned anew each time), a page one statement
    # that psycopg prepares once a connection has run it a few times
    # that psycopg prepares once a connection has run it a few times. A scorecard (a district's or an
    # official's few hundred rows, all kept) is read as a page is: its statement prepared, not planned
    # anew for each reader (PostgreSQL spent 5-15 ms planning the view's statement)
    return stmt if limit is not None or not stream else stmt.execution_options(yield_per=BATCH)


#: PostgreSQL, a searched page in id order: how many of the view's rows (in its order, without the words)
#: the walk reads before it gives up on filling the page that way (``_walked_rows``), as a multiple of the page
WALK_WINDOW = 20
#: ... and the share of the pledges the words must hold (PostgreSQL's statistics of the index) for the walk
#: to be tried: 1.5 pages' worth of hits expected in the window
WALK_SHARE = 1.5 / WALK_WINDOW


def _walks(shape: tuple, sort: str, session: Session) -> bool:
    """PostgreSQL, a page in id order of a view searched by index words that its statistics say are common
    (``WALK_SHARE``), otherwise at most narrowed to a review state (the search box's views: the list, the
    台账, the API): ``_walked_rows``."""
    keys, as_of, terms, flag, _, restated = shape
    if not (terms is not None and terms.words and SORTS[sort][1] == "id" and as_of is None and flag is None
            and not restated and set(keys) <= {"f_review_state"} and session.get_bind().dialect.name == "postgresql"):
        return False
    shares = fulltext.word_shares(session.connection())
    share = 1.0
    for word in terms.words:  # as the planner reckons words together: independent
        share *= shares.get(word, 0.0)
    return share >= WALK_SHARE


@lru_cache(maxsize=64)
def _walk_selects(shape: tuple, sort: str, cursor: bool, limit: int):
    """A searched page walked in id order (``_walked_rows``): the rows of the first ``limit`` of the view's
    first ``WALK_WINDOW × limit`` rows (its conditions but the index words) whose entry holds the words
    (``fulltext.EntryHolds``); and the last id of that window and its size."""
    keys, as_of, terms, flag, day, restated = shape
    _, _, descending = SORTS[sort]
    rest = search.Query((), terms.substrings)  # the index words are tested row by row
    window = (_ordered_by(_select(keys, as_of, rest or None, flag, day, restated), sort, as_of, cursor)
              .with_only_columns(Pledge.id.label("id"))
              .limit(sa.literal_column(str(int(limit * WALK_WINDOW)))).correlate(None).subquery("walk"))
    hits = (sa.select(window.c.id).where(fulltext.EntryHolds(window.c.id, terms.words))
            .order_by(window.c.id.desc() if descending else window.c.id.asc())
            .limit(sa.literal_column(str(int(limit)))).correlate(None))
    rows = _ordered_by(_select((), as_of, None, None, None).where(Pledge.id.in_(hits)), sort, as_of, False)
    end = sa.select(sa.func.min(window.c.id) if descending else sa.func.max(window.c.id), sa.func.count())
    return rows, end


def _walked_rows(session: Session, filters: Filters, shape: tuple, params: dict, cursor: bool, limit: int):
    """PostgreSQL, a searched page in id order whose words are common (``_walks``). ``HoldsWords``'s
    ``id = ANY (ARRAY(…))`` reads every pledge the words match from the GIN index and its table before the
    page keeps ``limit``, since the index gives them in no order (10,000 for 幼儿园 at 100,000 pledges: 4.7 ms
    of the statement's 5.7, most of it fetching those rows of pledge_search; 100,000 for 报告: 48 ms). A
    common word fills a page within a few hundred rows of the view walked in id order, each row's entry
    probed by its key (``EntryHolds``: 1.6 ms for 幼儿园's 509 rows). The walk stops at the end of its window
    (``WALK_WINDOW`` pages' worth of rows); a page it has not filled by then goes on with the index as
    before, after the window's last row. Rows, order and page are the same as ``_rows_select``'s."""
    conn = session.connection()
    rows_select, end_select = _walk_selects(shape, filters.sort, cursor, limit)
    day = filters.day
    found = [_fill(values, day) for values in conn.execute(rows_select, params)]
    yield from found
    if len(found) >= limit:
        return
    last, walked = conn.execute(end_select, params).one()
    if walked < limit * WALK_WINDOW:  # the view ended inside the window: the page is all there is
        return
    rest = _rows_select(shape, filters.sort, True, limit, True, False, False)
    result = conn.execute(rest, {**params, "f_after_id": last})
    try:
        for n, values in enumerate(result, start=len(found)):
            if n >= limit:
                return
            yield _fill(values, day)
    finally:
        result.close()


def iter_rows(session: Session, filters: Filters, *, after: str | None = None, limit: int | None = None,
              stream: bool = True, card: bool = False) -> Iterator[Row]:
    """The view's rows in order, streamed from the database in batches (``stream``; else read in one go:
    for a view known to be small, whose statement PostgreSQL may then keep prepared, see ``_rows_select``).

    ``card``: a scorecard's rows, whose cards and totals show neither the district's nor the official's
    name, nor the verdict's note and evidence, nor the reminders: those (``CARD_UNSHOWN``) are None and
    reminders 0, and the statement leaves out the joins and lookups only they need (the latest verdict
    and the proposal it confirms, district, official, a count of reminders a row): on PostgreSQL a
    district's ~400 rows cost the server 10.4 → ~6 ms of CPU."""
    wanted = filters.values.get("flag")
    params = {**_bound(filters), **_cursor_params(filters, after)}
    shape = _shape(filters)
    limit_sql = limit if wanted in SQL_EXACT_FLAGS else None
    terms = shape[2]
    by_hits = bool(limit_sql is not None and terms is not None and terms.words and SORTS[filters.sort][1] == "id"
                   and session.get_bind().dialect.name == "sqlite")
    # PostgreSQL, a small view read whole (a scorecard): the latest verdict LATERAL (``_latest``). Not a
    # page's rows: the planner, misjudging the page's ids at a few, joined the LATERAL subqueries to
    # every pledge before keeping the page's (yellow flag: 17 → 1,060 ms); not a streamed view (an
    # export of up to every pledge), for which hashing the trail once costs less than a probe a row
    lateral = limit_sql is None and not stream and session.get_bind().dialect.name == "postgresql"
    if limit_sql is not None and _walks(shape, filters.sort, session):
        yield from _walked_rows(session, filters, shape, params, bool(after), limit_sql)
        return
    stmt = _rows_select(shape, filters.sort, bool(after), limit_sql, stream, by_hits, lateral, card)
    day = filters.day
    n = 0
    result = session.connection().execute(stmt, params)
    try:
        # a page or a view read whole: its rows fetched in one call (iterating a result fetches them one by
        # one, a few microseconds each through SQLAlchemy and psycopg); a streamed view in its batches
        for values in (result if limit_sql is None and stream else result.all()):
            row = _fill(values, day)
            if wanted is not None and row.flag is not wanted:
                continue
            yield row
            n += 1
            if limit is not None and n >= limit:
                return
    finally:
        result.close()


def page(session: Session, filters: Filters, *, after: str | None = None, limit: int = 50
         ) -> tuple[list[Row], str | None]:
    """One page of the view and the cursor of the next (None on the last page)."""
    rows = list(iter_rows(session, filters, after=after, limit=limit + 1))
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (cursor_of(rows[-1], filters) if more and rows else None)


def _ids_select(shape: tuple):
    """The view's pledge ids, with no column computed and no join the conditions do not need."""
    view = _select(*shape)
    where = view.whereclause
    read = {t.name for t in sql_util.find_tables(where, check_columns=True, include_aliases=True)}
    if read <= {"pledge", "document"}:
        # the view's other joins are outer joins on unique keys: they add no row, so without a
        # condition on them the count needs pledge (and document, for the title) only
        stmt = sa.select(Pledge.id).where(where)
        if "document" in read:
            stmt = stmt.join(Document, Document.id == Pledge.document_id)
    else:  # the ids only: the joins stay (the filters read them) but no column is computed
        stmt = view.with_only_columns(Pledge.id, maintain_column_froms=False)
    return stmt


_SOME = sa.bindparam("f_some_ids", expanding=True)


@lru_cache(maxsize=64)
def _held_select(shape: tuple):
    return _ids_select(shape).where(Pledge.id.in_(_SOME))


def held(session: Session, filters: Filters, ids: list[int]) -> set[int]:
    """Which of the pledges ``ids`` the view holds (as ``count`` counts it: a view whose flag, if any, is decided
    in SQL), in one statement for all of them, no column computed."""
    if filters.values.get("flag") not in SQL_EXACT_FLAGS:
        raise ValueError("held: a view whose flag is decided in Python")
    if not ids:
        return set()
    return set(session.connection().execute(_held_select(_shape(filters)),
                                            {**_bound(filters), "f_some_ids": list(ids)}).scalars())


def count_after_confirming(session: Session, filters: Filters, kept: int, ids: list[int], *,
                           cap: int | None = None) -> int | None:
    """``count`` of a view after the pending pledges ``ids`` were confirmed as read (and nothing else changed),
    from ``kept``, its count before. A view of confirmed pledges: none of them was in it, each is now if the
    view holds it. A view of every review state without a flag (the editor's list, ``/pledges/``): the same
    count, no statement (none of its conditions reads the review state, and a plain confirmation changes no
    other field a condition reads; ``restated`` reads other pledges: read anew). None for another view (one
    of pending pledges loses them: read it anew)."""
    values = filters.values
    if values.get("review_state") == ALL and values.get("flag") is None and not values.get("restated"):
        return kept if cap is None else min(kept, cap + 1)
    if values.get("review_state") is not ReviewState.CONFIRMED or values.get("flag") not in SQL_EXACT_FLAGS:
        return None
    found = held(session, filters, ids)
    total = kept + sum(pledge_id in found for pledge_id in ids)
    return total if cap is None else min(total, cap + 1)


@lru_cache(maxsize=256)
def _count_select(shape: tuple, cap: int | None):
    stmt = _ids_select(shape)
    if cap is not None:
        stmt = stmt.limit(cap + 1)
    return sa.select(sa.func.count()).select_from(stmt.subquery())


_PAGE_IDS = sa.bindparam("f_page_ids", expanding=True)


@lru_cache(maxsize=64)
def _page_and_count_selects(shape: tuple, sort: str, limit: int):
    """The first ``limit`` ids of a view in its order, each with the view's row count (``count(*) OVER ()``,
    counted before the LIMIT), and the rows of the ids ``f_page_ids`` names, in the same order."""
    as_of = shape[1]
    ids = (_ordered_by(_select(*shape), sort, as_of, False)
           .with_only_columns(Pledge.id, sa.func.count().over().label("total"))
           .limit(sa.literal_column(str(int(limit)))))
    rows = _ordered_by(_select((), as_of, None, None, None).where(Pledge.id.in_(_PAGE_IDS)), sort, as_of, False)
    return ids, rows


def page_and_count(session: Session, filters: Filters, *, limit: int = 50) -> tuple[list[Row], int]:
    """The view's first ``limit`` rows and how many it holds (``page(...)[0]`` and ``count(...)``), for a view
    whose flag is decided in SQL (``SQL_EXACT_FLAGS``): its conditions are worked out once, not once for
    the page and again for the count. For the reviewer's queue's yellow list, whose condition (progress
    against the time share, ``behind_sql``) is computed for every open pledge with a deadline ahead."""
    if filters.values.get("flag") not in SQL_EXACT_FLAGS:
        raise ValueError("page_and_count: a view whose flag is decided in Python")
    ids_select, rows_select = _page_and_count_selects(_shape(filters), filters.sort, limit)
    conn = session.connection()
    found = conn.execute(ids_select, _bound(filters)).all()
    if not found:
        return [], 0
    day = filters.day
    rows = [_fill(values, day) for values in conn.execute(rows_select, {"f_page_ids": [i for i, _ in found]})]
    return rows, found[0][1]


_PAGE_ID_ARRAY = sa.bindparam("f_page_id_array", type_=sa.ARRAY(sa.Integer()))


@lru_cache(maxsize=16)
def _rows_of_select(as_of: dt.date | None, sort: str, card: bool, array: bool):
    """The rows of the ids ``f_page_ids`` names, as of ``as_of``, in the order of ``sort``; ``array`` (PostgreSQL):
    the ids one array parameter (``= ANY``), so that the statement's text is one whatever their number and
    psycopg keeps it prepared (an ``IN`` list of each length is a statement of its own, planned anew)."""
    ids = Pledge.id == sa.any_(_PAGE_ID_ARRAY) if array else Pledge.id.in_(_PAGE_IDS)
    return _ordered_by(_select((), as_of, None, None, None, card=card).where(ids), sort, as_of, False)


def rows_of(session: Session, filters: Filters, pledge_ids: list[int], *, card: bool = False) -> list[Row]:
    """The rows of ``pledge_ids`` (ids of the view ``filters`` names: ``tables.view_card``) as the view shows them,
    in its order: a scorecard's page of cards without reading the rest of its view (``card``: see ``iter_rows``)."""
    if not pledge_ids:
        return []
    day = filters.day
    conn = session.connection()
    array = conn.dialect.name == "postgresql"
    stmt = _rows_of_select(filters.values.get("as_of"), filters.sort, card, array)
    params = {"f_page_id_array" if array else "f_page_ids": list(pledge_ids)}
    return [_fill(values, day) for values in conn.execute(stmt, params).all()]


def count(session: Session, filters: Filters, *, cap: int | None = None) -> int:
    """How many rows the view holds; with ``cap``, counting stops past it (at most ``cap + 1``), as
    Datasette's does, so a list of 100,000 rows costs what one of 10,000 does."""
    if filters.values.get("flag") in SQL_EXACT_FLAGS:
        # Core execution, here and below: the ORM's compile step would stamp its own options on the
        # kept statement's subqueries, changing its cache key after its first use
        return session.connection().execute(_count_select(_shape(filters), cap), _bound(filters)).scalar() or 0
    return sum(1 for _ in iter_rows(session, filters, limit=None if cap is None else cap + 1))


_ONE = sa.bindparam("f_one_id", type_=sa.Integer())


@lru_cache(maxsize=8)
def _one_select(shape: tuple):
    return _select(*shape).where(Pledge.id == _ONE)


def one_in_view(session: Session, filters: Filters, pledge_id: int) -> Row | None:
    """The pledge as a row of the view ``filters`` names, or None when the view does not hold it: for a
    view whose flag, if any, is decided in SQL (``SQL_EXACT_FLAGS``), as ``page`` and ``count`` read it."""
    wanted = filters.values.get("flag")
    if wanted is not None and wanted not in SQL_EXACT_FLAGS:
        raise ValueError("one_in_view: a view whose flag is decided in Python")
    values = session.connection().execute(_one_select(_shape(filters)),
                                          {**_bound(filters), "f_one_id": pledge_id}).first()
    if values is None:
        return None
    row = _fill(values, filters.day)
    return None if wanted is not None and row.flag is not wanted else row


def sort_key(filters: Filters):
    """The view's order as a key of its rows (``_ordered_by``: the date with missing dates last, then the id)."""
    _, key, descending = SORTS[filters.sort]
    if key == "id":
        return (lambda row: -row.id) if descending else (lambda row: row.id)
    if descending:
        return lambda row: (getattr(row, key) is None, -(getattr(row, key) or FAR_PAST).toordinal(), -row.id)
    return lambda row: (getattr(row, key) is None, getattr(row, key) or FAR_FUTURE, row.id)


def one(session: Session, pledge_id: int, *, today: dt.date | None = None) -> Row | None:
    """One pledge as a row of the view (any review state), or None."""
    f = parse_filters(session, {"review_state": ALL}, today=today)
    values = session.connection().execute(_one_select(_shape(f)), {**_bound(f), "f_one_id": pledge_id}).first()
    return None if values is None else _fill(values, f.day)
