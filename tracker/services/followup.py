"""Follow-up: what later documents tell reviewers of earlier pledges. Flush, never commit.

* ``followup_document(session, document_id)`` matches every open pledge of the document's
  districts (the same district, the districts it contains and those it belongs to) published
  earlier against the document (``tracker.extract.followup.follow_up``), and stores each
  finding that reports something as a *pending* ``suggestion`` (machine output: never a
  status). The document's own pledges are linked to the earlier pledges they restate
  (``restatement``). Re-running never touches a decided suggestion (accepted, corrected or
  dismissed: a dismissed suggestion stays dismissed); a newer matcher version refreshes the
  pending ones and retracts those it no longer finds.
* ``accept_suggestion`` makes a status through ``tracker.services.status.set_status`` (so a
  suggested 未完成 is a proposal awaiting a second reviewer, as every 未完成 is), with the
  later document and the quote as evidence and the reported figure as the achieved value;
  the reviewer may correct the status or the figure. ``dismiss_suggestion`` needs a reason.
* ``comparison`` words what the matcher compared (目标 3所 → 报告 3所：已完成).
* ``chain`` and ``dropped_in`` give a pledge's carried-over chain across years.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased, joinedload

from tracker.db.enums import (DeadlineChange, FollowupOutcome, MissReason, ReviewState, Status, SuggestionState,
                              TargetChange)
from tracker.db.models import (AuditEvent, District, DistrictAlias, Document, Official, Pledge, Quantity, Restatement,
                               StatusEvent, Suggestion, User)
from tracker.db.types import canonical_decimal, utcnow
from tracker.db.unit import transaction
from tracker.extract import ExtractedDocument, followup as matcher
from tracker.extract.model import Candidate, Deadline, Official as Person, Precision, Quantity as Q, Role
from tracker.extract.normalise import Block, normalise
from tracker.extract.people import districts_in, generic_divisions
from tracker.services import audit, schedule, status as status_service
from tracker.services.errors import ServiceError, StaleEdit
from tracker.services.places import split_suffix

#: Findings that report nothing from the document: not stored (silence is the commonest answer,
#: and a multi-year target not yet due is told by the dates alone, not by the document).
SILENT = frozenset({FollowupOutcome.NOT_REPORTED, FollowupOutcome.NOT_DUE})
REASON_MAX = 2000
#: how a report's ``skipped`` begins when the matcher failed on the document (not a document it passed over)
FAILED = "后续比对失败："


# --- places ------------------------------------------------------------------------------


class Places:
    """The district tree and names in memory: a document's related districts without a query each.
    One per run of the matcher over a batch of documents; it also keeps the stored pledges already
    read as candidates (by id and version), so a batch does not read and convert them again."""

    def __init__(self, session: Session) -> None:
        self.parent: dict[int, int | None] = {}
        self.by_name: dict[str, int] = {}
        for id_, parent, name in session.execute(sa.select(District.id, District.parent_id, District.name)
                                                 .order_by(District.id)):
            self.parent[id_] = parent
            self.by_name.setdefault(name, id_)
        self.by_alias: dict[str, int] = dict(session.execute(sa.select(DistrictAlias.alias,
                                                                       DistrictAlias.district_id)).all())
        self.children: dict[int, list[int]] = {}
        for child, parent in self.parent.items():
            if parent is not None:
                self.children.setdefault(parent, []).append(child)
        self.candidates: dict[int, tuple[int, object]] = {}  # pledge id -> (version, Candidate)

    def find(self, name: str) -> int | None:
        """A district by name or alias (张店区, 张店), as ``PlaceResolver.find_district`` finds it."""
        found = self.by_name.get(name) or self.by_alias.get(name)
        if found:
            return found
        stem, level = split_suffix(name)
        return (self.by_alias.get(stem) or self.by_name.get(stem)) if level is not None and stem != name else None

    def related(self, ids: Iterable[int]) -> set[int]:
        """``ids``, every district above them and every district below them."""
        out: set[int] = set()
        for start in ids:
            node, seen = start, 0
            while node is not None and seen < 20:
                out.add(node)
                node, seen = self.parent.get(node), seen + 1
            stack = [start]
            while stack:
                node = stack.pop()
                for child in self.children.get(node, ()):
                    if child not in out:
                        out.add(child)
                        stack.append(child)
        return out


def document_districts(document: Document, own: Sequence["Stored"], places: Places) -> tuple[set[int], set[str]]:
    """The districts a document speaks for, as (ids, names): its pledges' districts, and the divisions
    its title names (高阳县2018年政府工作报告) or its opening names among the known ones. A name the
    database does not hold yet still finds the earlier documents whose title carries it."""
    ids = {p.district_id for p in own if p.district_id is not None}
    names = {p.candidate.district for p in own if p.district_id is not None and p.candidate.district}
    found = [name for _, name in districts_in(document.title + "\n" + document.text[:300])]
    found += [name for name in generic_divisions(document.title) if len(name) >= 3]
    for name in found:
        names.add(name)
        district_id = places.find(name)
        if district_id:
            ids.add(district_id)
    return ids, names


# --- pledges as the matcher reads them ---------------------------------------------------


def review_of(document: Document, own: Sequence):
    """The stored document as the matcher reads it (an ``ExtractedDocument``): its stored text, the
    paragraphs normalising finds in it, and its pledges' candidates; no extraction is run again."""
    norm = normalise(document.text)
    if norm.text == document.text:
        blocks = tuple(norm.blocks)
    else:  # offsets must index the stored text: one body block per line
        blocks, pos = [], 0
        for line in document.text.split("\n"):
            if line:
                blocks.append(Block(pos, pos + len(line), "body"))
            pos += len(line) + 1
        blocks = tuple(blocks)
    return ExtractedDocument(document.text, blocks, tuple(own), document.published_on,
                             document.published_source.value if document.published_source else None)


# --- figures -----------------------------------------------------------------------------

_SCALES = (("万亿", Decimal(10) ** 12), ("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4), ("千", Decimal(1000)),
           ("百", Decimal(100)))
_UNSCALED = frozenset({"百分点", "百分比"})


def split_unit(unit: str) -> tuple[Decimal, str]:
    """(scale, base) of a unit: 万人 → (10000, 人); 亿元 → (10^8, 元); 所 → (1, 所)."""
    unit = (unit or "").strip()
    if unit not in _UNSCALED:
        for prefix, scale in _SCALES:
            if unit.startswith(prefix) and len(unit) > len(prefix):
                return scale, unit[len(prefix):]
    return Decimal(1), unit


def convert(value: Decimal, unit: str, to_unit: str) -> Decimal | None:
    """``value`` in ``unit`` expressed in ``to_unit`` (8000家 → 0.8 万家), or None when they measure different things."""
    if unit == to_unit:
        return value
    s_from, base_from = split_unit(unit)
    s_to, base_to = split_unit(to_unit)
    if base_from != base_to or not base_from:
        return None
    return canonical_decimal(value * s_from / s_to)


def _decimal(text) -> Decimal | None:
    try:
        d = Decimal(str(text))
    except (InvalidOperation, ValueError):
        return None
    return d if d.is_finite() else None


def reported_figure(suggestion: Suggestion, pledge: Pledge) -> tuple[Decimal | None, dict | None]:
    """The first reported figure that measures what the pledge's primary quantity measures, in its unit."""
    target = pledge.quantities[0] if pledge.quantities else None
    for q in suggestion.reported or []:
        value = _decimal(q.get("value"))
        if value is None:
            continue
        if target is None:
            return value, q
        converted = convert(value, q.get("unit") or "", target.unit)
        if converted is not None:
            return converted, q
    return None, None


def _plain(value: Decimal) -> str:
    text = format(canonical_decimal(value), "f")
    return text


def _percent(share: Decimal) -> str:
    text = format((share * 100).quantize(Decimal("0.1")), "f")
    return (text.rstrip("0").rstrip(".") if "." in text else text) + "%"


@dataclass(frozen=True)
class Comparison:
    target: str | None  # 目标 1.2万人
    reported: str | None  # 报告 1.35万人
    verdict: str  # 超额 12.5%

    def text(self) -> str:
        parts = [p for p in (self.target, self.reported) if p]
        return (" → ".join(parts) + "：" if parts else "") + self.verdict


def comparison(suggestion: Suggestion, pledge: Pledge) -> Comparison:
    """What the matcher compared, in words: 目标 3所 → 报告 3所：已完成; 目标 1.2万人 → 报告 1.35万人：超额 12.5%."""
    target = pledge.quantities[0] if pledge.quantities else None
    value, raw = reported_figure(suggestion, pledge)
    target_text = f"目标 {_plain(target.value)}{target.unit}" if target is not None else None
    if raw is not None:
        reported_text = f"报告 {raw.get('raw') or _plain(value) + (raw.get('unit') or '')}"
    elif suggestion.reported:
        reported_text = "报告 " + "、".join(q.get("raw") or "" for q in suggestion.reported)
    else:
        reported_text = None
    outcome = suggestion.outcome
    verdict = outcome.label
    if target is not None and value is not None and target.value > 0:
        share = value / target.value
        if outcome is FollowupOutcome.EXCEEDED and share > 1:
            verdict = f"超额 {_percent(share - 1)}"
        elif outcome in (FollowupOutcome.PARTIAL, FollowupOutcome.MISSED) and share < 1:
            verdict = f"{outcome.label}（完成 {_percent(share)}）"
    return Comparison(target_text, reported_text, verdict)


def suggested_status(suggestion: Suggestion, pledge: Pledge, document: Document | None = None) -> Status:
    """The status a suggestion proposes: 已完成 for done or exceeded, 未完成 for missed; progress short of
    the target is 推进中 while the deadline lies after the document, else 部分完成."""
    outcome = suggestion.outcome
    if outcome in (FollowupOutcome.DONE, FollowupOutcome.EXCEEDED):
        return Status.DONE
    if outcome is FollowupOutcome.MISSED:
        return Status.MISSED
    document = document or suggestion.document
    day = document.published_on if document is not None else None
    if outcome is FollowupOutcome.PARTIAL and pledge.due_on and day and day < pledge.due_on:
        return Status.IN_PROGRESS
    if outcome is FollowupOutcome.PARTIAL:
        return Status.PARTLY_DONE
    return Status.IN_PROGRESS


# --- running the matcher -----------------------------------------------------------------


@dataclass
class FollowupReport:
    document_id: int
    matcher_version: str = ""
    pledges: int = 0  # earlier open pledges matched against the document
    added: int = 0
    refreshed: int = 0
    retracted: int = 0
    kept: int = 0  # decided by a reviewer: left alone
    unchanged: int = 0
    restatements: int = 0
    skipped: str | None = None


@dataclass(frozen=True)
class Stored:
    """A stored pledge as the matcher reads it: its id, district and its fields as a ``Candidate``."""

    id: int
    document_id: int
    district_id: int | None
    candidate: object


_PLEDGE_COLUMNS = (Pledge.id, Pledge.version_id, Pledge.document_id, Pledge.district_id, Pledge.quote, Pledge.start,
                   Pledge.end, Pledge.action, Pledge.object, Pledge.qualifier, Pledge.deadline_raw, Pledge.due_on,
                   Pledge.deadline_precision, Pledge.deadline_inherited, Pledge.confidence)


def _read_pledges(session: Session, places: Places, where) -> list[Stored]:
    """The pledges ``where`` selects (with ``pledge`` joined to ``document``), as ``Stored``, in order;
    with Core rows, and with the candidates of pledges already read at the same version reused."""
    rows = session.execute(
        sa.select(*_PLEDGE_COLUMNS, District.name, Official.name)
        .join(Document, Document.id == Pledge.document_id)
        .outerjoin(District, District.id == Pledge.district_id)
        .outerjoin(Official, Official.id == Pledge.official_id)
        .where(where).order_by(Pledge.start, Pledge.id)).all()
    cache = places.candidates
    wanted = [r.id for r in rows if cache.get(r.id, (None,))[0] != r.version_id]
    quantities: dict[int, list] = {}
    for chunk in range(0, len(wanted), 900):
        for q in session.execute(
                sa.select(Quantity.pledge_id, Quantity.value, Quantity.value_max, Quantity.unit, Quantity.raw,
                          Quantity.role, Quantity.start, Quantity.end)
                .where(Quantity.pledge_id.in_(wanted[chunk:chunk + 900])).order_by(Quantity.pledge_id,
                                                                                    Quantity.position)):
            quantities.setdefault(q.pledge_id, []).append(q)
    out = []
    for r in rows:
        if r.id in quantities or cache.get(r.id, (None,))[0] != r.version_id:
            qs = tuple(Q(value=q.value, unit=q.unit, raw=q.raw,
                         start=q.start if q.start is not None else r.start,
                         end=q.end if q.end is not None else r.end,
                         role=Role(getattr(q.role, "value", q.role)), value_max=q.value_max)
                       for q in quantities.get(r.id, ()))
            precision = getattr(r.deadline_precision, "value", r.deadline_precision)
            candidate = Candidate(
                quote=r.quote, start=r.start, end=r.end, quantities=qs, action=r.action, object=r.object,
                qualifier=r.qualifier, deadline=Deadline(raw=r.deadline_raw, date=r.due_on,
                                                         precision=Precision(precision) if precision else None,
                                                         inherited=r.deadline_inherited),
                district=r[-2], official=Person(r[-1]) if r[-1] else None,
                confidence=r.confidence if r.confidence is not None else 0.5)
            cache[r.id] = (r.version_id, candidate)
        out.append(Stored(r.id, r.document_id, r.district_id, cache[r.id][1]))
    return out


def _open_pledges(session: Session, places: Places, districts: set[int], names: set[str], before: dt.date,
                  document_id: int) -> list[Stored]:
    """Pledges still followed (not rejected, merged or closed) from documents published before: those of
    these districts, and those without a district in a document whose title names one of ``names``."""
    where = []
    if districts:
        where.append(Pledge.district_id.in_(sorted(districts)))
    if names:
        where.append(sa.and_(Pledge.district_id.is_(None),
                             sa.or_(*[Document.title.contains(n, autoescape=True) for n in sorted(names)])))
    if not where:
        return []
    return _read_pledges(session, places, sa.and_(
        sa.or_(*where), Document.published_on < before, Pledge.document_id != document_id,
        Pledge.merged_into_id.is_(None), Pledge.review_state != ReviewState.REJECTED,
        Pledge.status.not_in(sorted(schedule.CLOSED))))


def _own_pledges(session: Session, places: Places, document_id: int) -> list[Stored]:
    return _read_pledges(session, places, sa.and_(Pledge.document_id == document_id,
                                                  Pledge.merged_into_id.is_(None),
                                                  Pledge.review_state != ReviewState.REJECTED))


def _reported_json(quantities) -> list[dict]:
    return [{"value": format(canonical_decimal(q.value), "f"),
             "value_max": format(canonical_decimal(q.value_max), "f") if q.value_max is not None else None,
             "unit": q.unit, "raw": q.raw, "role": getattr(q.role, "value", q.role), "start": q.start, "end": q.end}
            for q in quantities]


def _target_change(changes: Sequence[str]) -> TargetChange:
    if "target_raised" in changes:
        return TargetChange.RAISED
    if "target_lowered" in changes:
        return TargetChange.LOWERED
    return TargetChange.SAME if "same" in changes else TargetChange.UNKNOWN


def _deadline_change(changes: Sequence[str]) -> DeadlineChange:
    if "deadline_later" in changes:
        return DeadlineChange.LATER
    if "deadline_earlier" in changes:
        return DeadlineChange.EARLIER
    return DeadlineChange.SAME if "same" in changes else DeadlineChange.UNKNOWN


def followup_document(session: Session, document_id: int, *, places: Places | None = None,
                      review=None) -> FollowupReport:
    """Match the earlier open pledges of the document's districts against it and store the findings
    as pending suggestions, and its own pledges' restatements of them (flush only). ``review`` is the
    document as the extractor read it, when the caller has it (ingest); else it is rebuilt from the
    stored text and pledges."""
    report = FollowupReport(document_id, matcher.MATCHER_VERSION)
    document = session.get(Document, document_id)
    if document is None:
        raise ServiceError(f"没有编号为 {document_id} 的文档")
    if document.published_on is None:
        report.skipped = "发布日期未知，无法判断哪些承诺在它之前"
        return report
    places = places or Places(session)
    own = _own_pledges(session, places, document_id)
    own_ids, names = document_districts(document, own, places)
    districts = places.related(own_ids)
    earlier = _open_pledges(session, places, districts, names, document.published_on, document_id)
    report.pledges = len(earlier)
    if not earlier:
        return report
    if review is None or review.text != document.text:
        review = review_of(document, [p.candidate for p in own])
    findings = matcher.follow_up([p.candidate for p in earlier], review, review_published=document.published_on)
    if len(findings) != len(earlier):
        raise RuntimeError(f"the matcher answered {len(findings)} findings for {len(earlier)} pledges")
    existing = {s.pledge_id: s for s in session.scalars(
        sa.select(Suggestion).where(Suggestion.document_id == document_id,
                                    Suggestion.pledge_id.in_([p.id for p in earlier])))}
    version = matcher.MATCHER_VERSION
    new_rows: list[dict] = []  # inserted together with Core: no ORM object a suggestion
    for pledge, finding in zip(earlier, findings):
        suggestion = existing.get(pledge.id)
        outcome = FollowupOutcome(getattr(finding.outcome, "value", finding.outcome))
        if suggestion is not None and suggestion.state is not SuggestionState.PENDING:
            report.kept += 1
            continue
        if suggestion is not None and suggestion.matcher_version == version:
            report.unchanged += 1
            continue
        if outcome in SILENT or finding.evidence is None:
            if suggestion is not None:  # a newer matcher no longer finds it: retract the pending one
                session.delete(suggestion)
                report.retracted += 1
            continue
        evidence = finding.evidence
        start, end = evidence.start, evidence.end
        if not (0 <= start < end <= len(document.text)):
            continue  # an evidence span outside the text cannot be shown or stored
        values = {
            "outcome": outcome, "evidence_start": start, "evidence_end": end,
            "evidence_quote": document.text[start:end], "reported": _reported_json(finding.reported),
            "confidence": min(1.0, max(0.0, float(finding.confidence))), "matcher_version": version,
        }
        if suggestion is None:
            new_rows.append({"pledge_id": pledge.id, "document_id": document_id, **values})
            report.added += 1
        else:
            for key, value in values.items():
                setattr(suggestion, key, value)
            report.refreshed += 1
    session.flush()
    if new_rows:
        session.connection().execute(_INSERT_SUGGESTION, new_rows)
    report.restatements = _store_restatements(session, matcher, earlier, own)
    session.flush()
    return report


def _store_restatements(session: Session, matcher, earlier: Sequence[Stored], own: Sequence[Stored]) -> int:
    """Replace the links from the document's own pledges to the earlier pledges they restate."""
    if not own:
        return 0
    conn = session.connection()  # Core: no ORM bulk-delete bookkeeping (nothing of these rows is in the session)
    conn.execute(_DELETE_RESTATEMENTS, {"ids": [p.id for p in own]})
    index_e = {id(p.candidate): p for p in earlier}
    index_l = {id(p.candidate): p for p in own}
    seen: set[tuple[int, int]] = set()
    rows = []
    for link in matcher.restatements([p.candidate for p in earlier], [p.candidate for p in own]):
        e, l_ = index_e.get(id(link.earlier)), index_l.get(id(link.later))
        if e is None or l_ is None:  # the matcher handed back copies: find them by value
            e = e or next((p for p in earlier if p.candidate == link.earlier), None)
            l_ = l_ or next((p for p in own if p.candidate == link.later), None)
        if e is None or l_ is None or e.id == l_.id or (e.id, l_.id) in seen:
            continue
        seen.add((e.id, l_.id))
        changes = [str(getattr(c, "value", c)) for c in link.changes]
        rows.append({"earlier_pledge_id": e.id, "later_pledge_id": l_.id, "changes": changes,
                     "target_change": _target_change(changes), "deadline_change": _deadline_change(changes),
                     "confidence": min(1.0, max(0.0, float(link.confidence))),
                     "matcher_version": matcher.MATCHER_VERSION})
    if rows:
        conn.execute(_INSERT_RESTATEMENT, rows)
    return len(rows)


_DELETE_RESTATEMENTS = sa.delete(Restatement.__table__).where(
    Restatement.__table__.c.later_pledge_id.in_(sa.bindparam("ids", expanding=True)))
_INSERT_RESTATEMENT = sa.insert(Restatement.__table__)
_INSERT_SUGGESTION = sa.insert(Suggestion.__table__)


def followup_documents(session_factory, document_ids: Iterable[int], *,
                       on_report: Callable[[FollowupReport], None] | None = None,
                       reviews: dict | None = None) -> list[FollowupReport]:
    """Run ``followup_document`` for each document in a transaction of its own (committed); a failure
    is reported (``skipped``) and leaves nothing of that document's run."""
    reports = []
    places = None
    for document_id in document_ids:
        try:
            with transaction(session_factory) as session:  # SQLite: the write lock at BEGIN
                if places is None:
                    places = Places(session)
                report = followup_document(session, document_id, places=places,
                                           review=(reviews or {}).get(document_id))
        except Exception as exc:  # noqa: BLE001 - the document is stored; its follow-up can run again
            report = FollowupReport(document_id, skipped=f"{FAILED}{exc.__class__.__name__}: {exc}")
        reports.append(report)
        if on_report is not None:
            on_report(report)
    return reports


# --- the reviewer's decisions ------------------------------------------------------------


def _pending(suggestion: Suggestion, version: int | None) -> None:
    if version is not None and suggestion.version_id != version:
        raise StaleEdit(f"此建议已被他人处理或更新（版本 {suggestion.version_id}，你打开时为版本 {version}），"
                        "请对照后重新提交", current=suggestion)
    if suggestion.state is not SuggestionState.PENDING:
        who = suggestion.decided_by.name if suggestion.decided_by else "他人"
        raise StaleEdit(f"此建议已由 {who} 处理（{suggestion.state.label}）", current=suggestion)


def _source_words(suggestion: Suggestion) -> str:
    document = suggestion.document
    return f"文档 #{document.id}《{document.title}》"


def accept_suggestion(session: Session, suggestion: Suggestion, user: User, *, version: int | None = None,
                      status: Status | str | None = None, achieved_value: Decimal | str | None = None,
                      miss_reason: MissReason | str | None = None, note: str | None = None,
                      as_of_on: dt.date | None = None, today: dt.date | None = None) -> StatusEvent:
    """Make the suggestion a status (``set_status``: role, confirmed pledge, evidence, the 未完成 reason and
    its second reviewer are checked there). ``status`` and ``achieved_value`` correct the suggestion's;
    without them its own are taken. As of the later document's publication day (never after today)."""
    status_service.require_reviewer(user)
    _pending(suggestion, version)
    pledge = suggestion.pledge
    document = suggestion.document
    proposed = suggested_status(suggestion, pledge, document)
    chosen = Status(status) if status else proposed
    figure, _ = reported_figure(suggestion, pledge)
    if achieved_value is not None and str(achieved_value).strip():
        value = str(achieved_value).strip().replace(",", "").replace("，", "")
    else:
        value = format(figure, "f") if figure is not None and pledge.quantities else None
    corrected = chosen is not proposed or (value is not None and (figure is None or _decimal(value) != figure))
    today = today or dt.date.today()
    day = as_of_on or min(document.published_on or today, today)
    event = status_service.set_status(session, pledge, user, status_service.StatusChange(
            chosen, as_of_on=day, note=note, evidence_quote=suggestion.evidence_quote,
            evidence_document_id=document.id, evidence_start=suggestion.evidence_start,
            evidence_end=suggestion.evidence_end, miss_reason=miss_reason, achieved_value=value), today=today)
    suggestion.state = SuggestionState.CORRECTED if corrected else SuggestionState.ACCEPTED
    suggestion.decided_status = chosen
    suggestion.decided_value = event.achieved_value
    suggestion.reason = (note or "").strip()[:REASON_MAX] or None
    suggestion.decided_by_id, suggestion.decided_at = user.id, utcnow()
    suggestion.status_event_id = event.id
    session.flush()
    word = "修正后采纳" if corrected else "采纳"
    audit.record(session, entity="pledge", entity_id=pledge.id, action="accept_suggestion", user=user,
                 old={"suggestion": suggestion.outcome.label},
                 new={"status": chosen, "achieved": event.achieved_value, "evidence_document": document.id},
                 note=f"{word}建议 #{suggestion.id}，据{_source_words(suggestion)}：“{suggestion.evidence_quote}”")
    session.flush()
    return event


def dismiss_suggestion(session: Session, suggestion: Suggestion, user: User, *, reason: str,
                       version: int | None = None) -> Suggestion:
    """Dismiss a suggestion with a reason; it stays dismissed whatever the matcher says later."""
    status_service.require_reviewer(user)
    _pending(suggestion, version)
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError("否决建议须写明理由")
    if len(reason) > REASON_MAX:
        raise ServiceError(f"理由最多 {REASON_MAX} 个字符")
    suggestion.state = SuggestionState.DISMISSED
    suggestion.reason = reason
    suggestion.decided_by_id, suggestion.decided_at = user.id, utcnow()
    session.flush()
    audit.record(session, entity="pledge", entity_id=suggestion.pledge_id, action="dismiss_suggestion", user=user,
                 old={"suggestion": suggestion.outcome.label}, new=None,
                 note=f"否决建议 #{suggestion.id}（{_source_words(suggestion)}）：{reason}")
    session.flush()
    return suggestion


# --- the queue ---------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueFilter:
    district: int | None = None
    official: int | None = None
    outcome: FollowupOutcome | None = None
    document: int | None = None  # the later document the suggestions come from
    exclude: frozenset[int] = field(default_factory=frozenset)


def queue_select(f: QueueFilter):
    """Pending suggestions a reviewer can act on (their pledge confirmed, followed and not closed), most
    confident first."""
    stmt = (sa.select(Suggestion).join(Pledge, Pledge.id == Suggestion.pledge_id)
            .where(Suggestion.state == SuggestionState.PENDING, Pledge.review_state == ReviewState.CONFIRMED,
                   Pledge.merged_into_id.is_(None), Pledge.status.not_in(sorted(schedule.CLOSED))))
    if f.district:
        stmt = stmt.where(Pledge.district_id == f.district)
    if f.official:
        stmt = stmt.where(Pledge.official_id == f.official)
    if f.outcome:
        stmt = stmt.where(Suggestion.outcome == f.outcome)
    if f.document:
        stmt = stmt.where(Suggestion.document_id == f.document)
    if f.exclude:
        stmt = stmt.where(Suggestion.id.not_in(sorted(f.exclude)))
    return stmt.order_by(Suggestion.confidence.desc(), Suggestion.id)


def queue_count(session: Session, f: QueueFilter) -> int:
    return session.scalar(sa.select(sa.func.count()).select_from(queue_select(f).order_by(None).subquery())) or 0


def awaiting_confirmation(session: Session) -> int:
    """Pending suggestions whose pledge an editor has not confirmed yet (not in the queue until then)."""
    return session.scalar(
        sa.select(sa.func.count()).select_from(Suggestion).join(Pledge, Pledge.id == Suggestion.pledge_id)
        .where(Suggestion.state == SuggestionState.PENDING, Pledge.review_state == ReviewState.PENDING)) or 0


def next_suggestion(session: Session, f: QueueFilter) -> Suggestion | None:
    return session.scalars(queue_select(f).limit(1)).first()


# --- the pledge's page -------------------------------------------------------------------


def suggestions_of(session: Session, pledge_id: int) -> list[Suggestion]:
    """Every suggestion of the pledge, oldest document first, with its fate."""
    return list(session.scalars(
        sa.select(Suggestion).where(Suggestion.pledge_id == pledge_id)
        .options(joinedload(Suggestion.document), joinedload(Suggestion.decided_by),
                 joinedload(Suggestion.status_event))
        .join(Document, Document.id == Suggestion.document_id)
        .order_by(Document.published_on, Suggestion.id)))


@dataclass(frozen=True)
class Link:
    """One step of a carried-over chain: ``pledge`` restated ``of`` (or was restated by it)."""

    restatement: Restatement
    pledge: Pledge  # the other pledge of the link
    direction: str  # "earlier" (this pledge restates it) or "later" (it restates this pledge)


def chain(session: Session, pledge: Pledge, *, depth: int = 10) -> tuple[list[Link], list[Link]]:
    """(earlier links, later links) of the pledge: the restatements followed back and forward, each a
    few years at most; the nearest first."""
    def walk(start: int, forward: bool) -> list[Link]:
        out, seen, frontier = [], {start}, [start]
        for _ in range(depth):
            if not frontier:
                break
            col_from = Restatement.earlier_pledge_id if forward else Restatement.later_pledge_id
            links = session.scalars(
                sa.select(Restatement).where(col_from.in_(frontier))
                .options(joinedload(Restatement.earlier).joinedload(Pledge.document),
                         joinedload(Restatement.later).joinedload(Pledge.document),
                         joinedload(Restatement.earlier).selectinload(Pledge.quantities),
                         joinedload(Restatement.later).selectinload(Pledge.quantities))
                .order_by(Restatement.id)).unique().all()
            frontier = []
            for link in links:
                other = link.later if forward else link.earlier
                if other.id in seen:
                    continue
                seen.add(other.id)
                frontier.append(other.id)
                out.append(Link(link, other, "later" if forward else "earlier"))
        return out
    return walk(pledge.id, False), walk(pledge.id, True)


def dropped_in(session: Session, pledge: Pledge) -> list[Document]:
    """Later documents that restated other pledges of this pledge's document but neither restated this one
    nor told its outcome: the pledge was dropped there without a word."""
    earlier = aliased(Pledge)
    later = aliased(Pledge)
    restating_docs = (sa.select(later.document_id)
                      .join(Restatement, Restatement.later_pledge_id == later.id)
                      .join(earlier, earlier.id == Restatement.earlier_pledge_id)
                      .where(earlier.document_id == pledge.document_id).distinct())
    mine = (sa.select(later.document_id).join(Restatement, Restatement.later_pledge_id == later.id)
            .where(Restatement.earlier_pledge_id == pledge.id))
    told = sa.select(Suggestion.document_id).where(Suggestion.pledge_id == pledge.id,
                                                   Suggestion.state != SuggestionState.DISMISSED)
    return list(session.scalars(
        sa.select(Document).where(Document.id.in_(restating_docs), Document.id.not_in(mine),
                                  Document.id.not_in(told)).order_by(Document.published_on, Document.id)))


def restated_pledge_ids(kind: str):
    """A SELECT of the pledges restated later with a lower target (``lower``), a later deadline
    (``later``) or either (``weaker``): for the lists' ``restated`` filter."""
    cond = {
        "lower": Restatement.target_change == TargetChange.LOWERED,
        "later": Restatement.deadline_change == DeadlineChange.LATER,
        "weaker": sa.or_(Restatement.target_change == TargetChange.LOWERED,
                         Restatement.deadline_change == DeadlineChange.LATER),
        "any": sa.true(),
    }[kind]
    return sa.select(Restatement.earlier_pledge_id).where(cond)


#: the ``restated`` filter's values and how the list's sentence reads them
RESTATED_KINDS = {"lower": "目标下调", "later": "时限推迟", "weaker": "目标下调或时限推迟", "any": "后续重述"}


def history_of_documents(session: Session, pledge_id: int) -> list[AuditEvent]:
    """The pledge's audit events that came from follow-up decisions (accepted, dismissed)."""
    return list(session.scalars(
        sa.select(AuditEvent).where(AuditEvent.entity == "pledge", AuditEvent.entity_id == pledge_id,
                                    AuditEvent.action.in_(["accept_suggestion", "dismiss_suggestion"]))
        .order_by(AuditEvent.id)))
