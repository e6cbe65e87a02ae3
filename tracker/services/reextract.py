"""Re-extraction after the rules improve: new machine output, human work untouched.

For each document not yet read by the current extractor version, the stored text
is extracted again and the run is kept as new immutable ``candidate`` rows. Then:

* a pledge no person has touched (``Pledge.is_machine_owned``) is refreshed from the
  new candidate that overlaps it most, or retracted (deleted, with an audit event)
  when the new rules no longer find it;
* a new candidate that overlaps no pledge becomes a new pending pledge;
* a pledge an editor confirmed, corrected or rejected, or a reviewer rated, is never
  changed or deleted: where the new reading disagrees with it, a ``Disagreement`` is
  reported, not applied.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload, sessionmaker

from tracker.db.enums import DateSource, ReviewState
from tracker.db.models import Candidate, Document, Pledge, Quantity
from tracker.db.unit import unit_of_work
from tracker.extract import EXTRACTOR_VERSION, extract_document
from tracker.services import audit
from tracker.services.ingest import (
    MACHINE_FIELDS,
    candidate_row,
    given_to_extractor,
    insert_candidate_rows,
    insert_pending_pledges,
    pledge_fields,
    quantity_rows,
)
from tracker.services.places import PlaceResolver

COMPARED = ("action", "object", "qualifier", "deadline_raw", "due_on", "responsible_unit")


@dataclass(frozen=True)
class Disagreement:
    pledge_id: int
    review_state: str
    field: str
    human: object
    machine: object


@dataclass
class ReextractReport:
    document_id: int
    version: str
    skipped: str | None = None
    failed: str | None = None
    candidates: int = 0
    refreshed: int = 0  # machine pledges matched to a new candidate, changed or not
    changed: int = 0  # of those, the ones whose reading changed
    added: int = 0
    retracted: int = 0
    kept: int = 0  # pledges with human work, left as they were
    disagreements: list[Disagreement] = field(default_factory=list)


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _quantities_key(items) -> list[tuple[str, str]]:
    return [(q["value"], q["unit"]) for q in items]


def _published_for(document: Document):
    """The date the document's relative deadlines resolved against, when a person gave it."""
    if document.published_source in (DateSource.GIVEN, DateSource.MANIFEST):
        return document.published_on
    return None


def reextract_document(session: Session, document: Document, *, resolver: PlaceResolver, extract=None,
                       version: str | None = None) -> ReextractReport:
    """Run the extractor on one stored document and reconcile (flush only); see the module docstring."""
    version = version or EXTRACTOR_VERSION
    report = ReextractReport(document.id, version)
    done = session.scalar(sa.select(Candidate.id).where(Candidate.document_id == document.id,
                                                         Candidate.extractor_version == version).limit(1))
    if done is not None or document.extractor_version == version:
        report.skipped = f"已由抽取器 {version} 读过"
        return report
    extracted = (extract or extract_document)(document.text, published=_published_for(document), **given_to_extractor(
        document.given_district, document.given_official, document.given_official_title))
    if extracted.text != document.text:
        report.skipped = "规范化会改变已存的文本，新的位置对不上原文；保持原样"
        return report

    rows = [candidate_row(c, document_id=document.id, version=version, ordinal=i)
            for i, c in enumerate(extracted.candidates)]
    insert_candidate_rows(session, rows)
    report.candidates = len(rows)

    pledges = session.scalars(
        sa.select(Pledge).where(Pledge.document_id == document.id, Pledge.merged_into_id.is_(None))
        .options(selectinload(Pledge.quantities), selectinload(Pledge.district)).order_by(Pledge.id)
    ).all()
    human = [p for p in pledges if not p.is_machine_owned]
    machine = [p for p in pledges if p.is_machine_owned]
    covered: set[int] = set()

    for pledge in human:
        report.kept += 1
        best = max(rows, key=lambda r: _overlap(pledge.start, pledge.end, r["start"], r["end"]), default=None)
        if best is None or _overlap(pledge.start, pledge.end, best["start"], best["end"]) == 0:
            if pledge.review_state is ReviewState.CONFIRMED:
                report.disagreements.append(Disagreement(pledge.id, pledge.review_state.value, "pledge",
                                                         "confirmed", "no longer found"))
            continue
        covered.add(best["id"])
        report.disagreements.extend(_compare(pledge, best))

    pairs = sorted(((_overlap(p.start, p.end, r["start"], r["end"]), p.id, r["id"], p, r)
                    for p in machine for r in rows), key=lambda t: (-t[0], t[1], t[2]))
    taken_p: set[int] = set()
    taken_r: set[int] = set()
    for size, pid, rid, pledge, row in pairs:
        if size == 0 or pid in taken_p or rid in taken_r:
            continue
        taken_p.add(pid)
        taken_r.add(rid)
        if _refresh(session, pledge, row, document, resolver, version):
            report.changed += 1
        report.refreshed += 1

    for pledge in machine:
        if pledge.id not in taken_p:
            audit.record(session, entity="pledge", entity_id=pledge.id, action="retract", actor=f"extractor {version}",
                         old={"quote": pledge.quote, "start": pledge.start, "end": pledge.end,
                              "candidate_id": pledge.candidate_id}, note="no longer found by the extractor")
            session.delete(pledge)
            report.retracted += 1

    new_rows = [r for r in rows if r["id"] not in taken_r and r["id"] not in covered
                and not any(_overlap(p.start, p.end, r["start"], r["end"]) for p in human)]
    report.added = insert_pending_pledges(session, document.id, document.published_on, new_rows, resolver)

    document.extractor_version = version
    audit.record(session, entity="document", entity_id=document.id, action="reextract", actor=f"extractor {version}",
                 new={"candidates": report.candidates, "refreshed": report.refreshed, "changed": report.changed,
                      "added": report.added,
                      "retracted": report.retracted, "kept": report.kept,
                      "disagreements": len(report.disagreements)})
    session.flush()
    return report


def _compare(pledge: Pledge, row: dict) -> list[Disagreement]:
    state = pledge.review_state.value
    out = []
    if pledge.review_state is ReviewState.REJECTED:
        return [Disagreement(pledge.id, state, "review_state", "rejected", f"still found: {row['quote']}")]
    for name in COMPARED:
        human, machine = getattr(pledge, name), row[name]
        if human != machine:
            out.append(Disagreement(pledge.id, state, name, audit.jsonable(human), audit.jsonable(machine)))
    district = pledge.district.name if pledge.district is not None else None
    if row["district_name"] and district != row["district_name"]:
        out.append(Disagreement(pledge.id, state, "district", district, row["district_name"]))
    mine = [(format(q.value, "f"), q.unit) for q in pledge.quantities]
    theirs = _quantities_key(row["quantities"])
    if mine != theirs:
        out.append(Disagreement(pledge.id, state, "quantities", mine, theirs))
    return out


def _refresh(session: Session, pledge: Pledge, row: dict, document: Document, resolver: PlaceResolver,
             version: str) -> bool:
    """Refresh a machine pledge from a new candidate row; whether anything of its reading changed."""
    old = {f: getattr(pledge, f) for f in (*MACHINE_FIELDS, "district_id", "official_id", "candidate_id")}
    # quantities as the workbench records them (value, value_max, unit), plus raw: the as-of views read them
    old["quantities"] = [{"value": q.value, "value_max": q.value_max, "unit": q.unit, "raw": q.raw}
                         for q in pledge.quantities]
    district_id = resolver.district(session, row["district_name"])
    official_id = resolver.official(session, row["official_name"], row["official_title"], district_id,
                                    document.published_on)
    for key, value in pledge_fields(row, district_id=district_id, official_id=official_id).items():
        setattr(pledge, key, value)
    pledge.candidate_id = row["id"]
    fresh = quantity_rows(row["quantities"], pledge.id)
    current = list(pledge.quantities)
    for position, fields in enumerate(fresh):  # in place: (pledge_id, position) is unique
        fields = {k: v for k, v in fields.items() if k != "pledge_id"}
        if position < len(current):
            for key, value in fields.items():
                setattr(current[position], key, value)
        else:
            pledge.quantities.append(Quantity(**fields))
    for quantity in current[len(fresh):]:
        pledge.quantities.remove(quantity)
    new = {f: getattr(pledge, f) for f in old if f != "quantities"}
    new["quantities"] = [{"value": q.value, "value_max": q.value_max, "unit": q.unit, "raw": q.raw}
                         for q in pledge.quantities]
    changed = [k for k in new if k != "candidate_id" and audit.jsonable(old[k]) != audit.jsonable(new[k])]
    audit.record(session, entity="pledge", entity_id=pledge.id, action="refresh", actor=f"extractor {version}",
                 old={k: old[k] for k in changed}, new={k: new[k] for k in changed})
    return bool(changed)


def reextract_all(session_factory: sessionmaker, *, document_ids=None, extract=None, version: str | None = None,
                  on_report: Callable[[ReextractReport], None] | None = None) -> list[ReextractReport]:
    """Re-extract every document (or those given), one transaction per document."""
    with session_factory() as session:
        query = sa.select(Document.id).order_by(Document.id)
        if document_ids is not None:
            query = query.where(Document.id.in_(list(document_ids)))
        ids = list(session.scalars(query))
        resolver = PlaceResolver(session)
    reports = []
    for document_id in ids:
        with session_factory() as session:
            try:
                with unit_of_work(session):  # one document, whole or not at all
                    document = session.get(Document, document_id)
                    report = reextract_document(session, document, resolver=resolver, extract=extract,
                                                version=version)
            except Exception as exc:  # noqa: BLE001 - one document's failure leaves it as it was
                session.rollback()  # (the unit of work did, unless BEGIN itself failed)
                resolver.reset(session)
                session.rollback()
                report = ReextractReport(document_id, version or "?", failed=f"{exc.__class__.__name__}: {exc}")
        reports.append(report)
        if on_report is not None:
            on_report(report)
    return reports

