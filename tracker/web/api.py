"""The JSON API under /api/: the same filters as the pages, ``{"items": [...], "next": URL|null}``
with keyset pagination, details, and the editor's decisions as POSTs. ``/api/pledges`` is the
pledge list page's view (``tracker.services.listing``), each item with its schedule flag.

Writes use the login session and need the CSRF token in the ``X-CSRFToken`` header
(``GET /api/csrf`` hands one out). ``openapi.json`` beside this module describes
every route; a test holds the two in step.
"""
from __future__ import annotations

import datetime as dt
from importlib import resources
from urllib.parse import urlencode

import sqlalchemy as sa
from flask import Blueprint, Response, current_app, jsonify, request, url_for
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from sqlalchemy.orm.exc import StaleDataError

from tracker.services import audit, listing, queries, records, workbench
from tracker.services.errors import ServiceError, StaleEdit
from tracker.web.auth import EDITORS, roles_required
from tracker.web.db import get_or_404, get_session, unit_of_work
from tracker.web.pledges import after_arg, get_pledge, list_page
from tracker.web.validation import ID_MAX, int_arg, json_body

bp = Blueprint("api", __name__, url_prefix="/api")


def init_app(app) -> None:
    app.register_blueprint(bp)


def _limit() -> int:
    cap = current_app.config["API_PAGE_SIZE"]
    limit = int_arg("limit", minimum=1)
    return cap if limit is None else min(cap, limit)


def _page(items: list, next_after: int | str | None):
    """The page and the address of the next one: this request's path and query string with the new
    cursor, relative to the site's root (never built from the Host header, nor through url_for, whose
    ``_external``, ``_method`` or ``endpoint`` arguments a query string must not reach)."""
    nxt = None
    if next_after is not None:
        args = [(k, v) for k, v in request.args.items(multi=True) if k != "after"] + [("after", str(next_after))]
        nxt = f"{request.path}?{urlencode(args)}"
    return jsonify(items=items, next=nxt)


def _date(value) -> str | None:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else None


def pledge_json(p, *, full: bool = False) -> dict:
    out = {
        "id": p.id,
        "url": url_for("pledges.view", pledge_id=p.id),
        "document_id": p.document_id,
        "document_title": p.document.title if p.document else None,
        "start": p.start,
        "end": p.end,
        "quote": p.quote,
        "district_id": p.district_id,
        "district": p.district.name if p.district else None,
        "official_id": p.official_id,
        "official": p.official.name if p.official else None,
        "responsible_unit": p.responsible_unit,
        "action": p.action,
        "object": p.object,
        "quantities": [{"value": format(q.value, "f"),
                        "value_max": format(q.value_max, "f") if q.value_max is not None else None,
                        "unit": q.unit, "raw": q.raw, "role": q.role.value} for q in p.quantities],
        "qualifier": p.qualifier,
        "deadline_raw": p.deadline_raw,
        "due_on": _date(p.due_on),
        "deadline_precision": p.deadline_precision.value if p.deadline_precision else None,
        "confidence": p.confidence,
        "origin": p.origin.value,
        "review_state": p.review_state.value,
        "is_corrected": p.is_corrected,
        "reject_reason": p.reject_reason,
        "status": p.status.value,
        "version": p.version_id,
    }
    if full:
        out["sources"] = [{"document_id": s.document_id, "start": s.start, "end": s.end, "quote": s.quote,
                           "merged_pledge_id": s.merged_pledge_id} for s in p.sources]
        out["merged_into_id"] = p.merged_into_id
    return out


def pledge_urls() -> str:
    """The start of every pledge page's URL (``pledges.view`` is ``/pledges/<id>``), relative as every
    link of the API is (never built from the ``Host`` header): one ``url_for`` a request, not one an item."""
    return url_for("pledges.index")


def record_json(record, quantities, sources=None, *, base: str) -> dict:
    """``pledge_json`` from the tuples of ``queries.pledge_records`` (no ORM objects): the same keys and values.
    (The tuples are unpacked by position, in ``queries.RECORD``'s order: cheaper than a name a field.)"""
    (ident, document_id, document_title, start, end, quote, district_id, district, official_id, official,
     responsible_unit, action, object_, qualifier, deadline_raw, due_on, deadline_precision, confidence, origin,
     review_state, is_corrected, reject_reason, status, version_id, merged_into_id) = record
    out = {
        "id": ident, "url": f"{base}{ident}", "document_id": document_id, "document_title": document_title,
        "start": start, "end": end, "quote": quote, "district_id": district_id, "district": district,
        "official_id": official_id, "official": official, "responsible_unit": responsible_unit,
        "action": action, "object": object_,
        "quantities": [{"value": format(value, "f"),
                        "value_max": format(value_max, "f") if value_max is not None else None,
                        "unit": unit, "raw": raw, "role": role.value}
                       for _, value, value_max, unit, raw, role in quantities],
        "qualifier": qualifier, "deadline_raw": deadline_raw, "due_on": _date(due_on),
        "deadline_precision": deadline_precision.value if deadline_precision else None,
        "confidence": confidence, "origin": origin.value, "review_state": review_state.value,
        "is_corrected": is_corrected, "reject_reason": reject_reason, "status": status.value,
        "version": version_id,
    }
    if sources is not None:
        out["sources"] = [{"document_id": s.document_id, "start": s.start, "end": s.end, "quote": s.quote,
                           "merged_pledge_id": s.merged_pledge_id} for s in sources]
        out["merged_into_id"] = merged_into_id
    return out


def _share(value) -> str | None:
    return None if value is None else format(value, "f")


def list_item(p: dict, row: listing.Row) -> dict:
    """A pledge of the list: its fields (``record_json``), with status and schedule as the view computes them for its day."""
    return {**p, "status": row.status.value, "status_on": _date(row.status_on),
            "proposed": row.proposed.value if row.proposed else None,
            "flag": row.flag.value if row.flag else None, "days_overdue": row.days_overdue,
            "progress": row.progress.value if row.progress else None,
            "time_share": _share(row.time_share), "achieved_share": _share(row.achieved_share)}


def document_json(d, counts=None, *, text: bool = False) -> dict:
    out = {"id": d.id, "url": url_for("documents.view", document_id=d.id), "title": d.title,
           "file_name": d.file_name, "source": d.source, "format": d.format.value,
           "published_on": _date(d.published_on)}
    if counts is not None:
        total, pending, confirmed, rejected = counts
        out["pledges"] = {"total": total or 0, "pending": pending or 0, "confirmed": confirmed or 0,
                          "rejected": rejected or 0}
    if text:
        out["text"] = d.text
        out["sha256"] = d.sha256
    return out


def district_json(d) -> dict:
    return {"id": d.id, "name": d.name, "level": d.level.value, "parent_id": d.parent_id, "code": d.code,
            "aliases": [a.alias for a in d.aliases]}


def official_json(o) -> dict:
    return {"id": o.id, "name": o.name, "district_id": o.district_id,
            "district": o.district.name if o.district else None,
            "titles": [{"title": t.title, "first_seen_on": _date(t.first_seen_on)} for t in o.titles]}


def _bad(message: str, status: int = 400):
    return jsonify(error=message), status


@bp.get("/openapi.json")
def openapi():
    text = resources.files("tracker.web").joinpath("openapi.json").read_text(encoding="utf-8")
    return Response(text, mimetype="application/json")


@bp.get("/csrf")
def csrf_token():
    return jsonify(csrf_token=generate_csrf())


@bp.get("/pledges")
def pledges():
    """The list page's view as JSON: the rows come from the listing, each pledge's fields from one load."""
    try:
        _, rows, next_after = list_page(_limit())
    except listing.BadFilter as exc:
        return _bad(str(exc))
    records = queries.pledge_records(get_session(), [r.id for r in rows])
    base = pledge_urls()
    return _page([list_item(record_json(*records[r.id][:2], base=base), r) for r in rows
                  if r.id in records], next_after)  # (one deleted since the page was read is left out)


@bp.get("/pledges/<int:pledge_id>")
def pledge(pledge_id: int):
    found = get_or_404(lambda session, ident: queries.pledge_records(session, [ident], sources=True).get(ident),
                       pledge_id)
    return jsonify(record_json(*found, base=pledge_urls()))


@bp.get("/pledges/<int:pledge_id>/history")
def pledge_history(pledge_id: int):
    get_pledge(pledge_id)
    events = workbench.history(get_session(), pledge_id)
    return jsonify(items=[{"id": e.id, "at": e.at.isoformat(), "user": e.user.name if e.user else None,
                           "actor": e.actor, "action": e.action, "old": e.old, "new": e.new, "note": e.note}
                          for e in events], next=None)


def _decision(pledge_id: int, fn, schema: str, *, needs_version: bool = True):
    session = get_session()
    # held while the service runs: the session keeps loaded objects by weak reference, and the service
    # finds this one (its quantities, district and official loaded) there instead of reading it again
    pledge = get_pledge(pledge_id)
    body = json_body(schema)  # openapi.json's schema: types, lengths, ranges, at most 12 quantities
    version = body.get("version")
    if needs_version and not isinstance(version, int):
        return _bad("version 须为整数（读取时的版本）")
    # the editor's User, which the login check of a writing request read as the object (auth.load_user: not
    # a second SELECT); held, as the pledge is, while the service runs
    editor = current_user.user
    try:
        with unit_of_work():  # any other service error: the app's handler answers it (tracker.web.errors)
            done = fn(session, body, version)
            # the answer read in the decision's own transaction, before its COMMIT: what it wrote, without
            # a second transaction (BEGIN, reads, COMMIT) after it
            answer = _pledge_answer(done)
        del pledge, editor
    except (StaleEdit, StaleDataError):
        session.expire_all()
        current = get_pledge(pledge_id, full=True)
        return jsonify(error="此条已被他人修改，你的修改没有保存", current=pledge_json(current, full=True),
                       submitted=audit.jsonable(body)), 409
    return jsonify(answer)


def _pledge_answer(pledge) -> dict:
    """The decided pledge as ``GET /api/pledges/<id>`` gives it (``queries.pledge_records``' Core rows), its
    quantities taken from the ``Pledge`` the service decided when they are loaded (a service that changes them
    does so through it: a confirmation with corrections reads them again), else read with it."""
    loaded = "quantities" not in sa.inspect(pledge).unloaded
    record, quantities, sources = queries.pledge_records(get_session(), [pledge.id], sources=True,
                                                         quantities=not loaded)[pledge.id]
    if loaded:
        quantities = [(pledge.id, q.value, q.value_max, q.unit, q.raw, q.role) for q in pledge.quantities]
    return record_json(record, quantities, sources, base=pledge_urls())


CHANGE_KEYS = ("district", "official", *workbench.TEXT_FIELDS, "due_on", "deadline_precision", "quantities",
               "non_quantified", "no_deadline")  # the last two: a pledge added by hand without either


def _changes(body: dict) -> dict:
    """``body["changes"]`` checked for shape: known keys, a real date, a list of quantities."""
    changes = body.get("changes") or {}
    if not isinstance(changes, dict) or set(changes) - set(CHANGE_KEYS):
        raise ServiceError(f"changes 只能含 {', '.join(CHANGE_KEYS)}")
    changes = dict(changes)
    if changes.get("due_on"):
        try:
            changes["due_on"] = dt.date.fromisoformat(changes["due_on"])
        except (TypeError, ValueError):
            raise workbench.FieldError("due_on", "due_on 须为 YYYY-MM-DD") from None
    if "quantities" in changes and not isinstance(changes["quantities"], list):
        raise workbench.FieldError("quantities", "quantities 须为数组")
    return changes


@bp.post("/pledges/<int:pledge_id>/confirm")
@roles_required(*EDITORS)
def confirm(pledge_id: int):
    def run(session, body, version):
        return workbench.confirm_pledge(session, pledge_id, current_user.user, version=version,
                                        changes=_changes(body))

    return _decision(pledge_id, run, "ConfirmRequest")


@bp.post("/pledges/<int:pledge_id>/reject")
@roles_required(*EDITORS)
def reject(pledge_id: int):
    def run(session, body, version):
        return workbench.reject_pledge(session, pledge_id, current_user.user, version=version,
                                       reason=str(body.get("reason") or ""))

    return _decision(pledge_id, run, "RejectRequest")


@bp.post("/pledges/<int:pledge_id>/merge")
@roles_required(*EDITORS)
def merge(pledge_id: int):
    """Merge the pledge ``{"duplicate": id}`` into this one (it becomes a further source)."""
    def run(session, body, version):
        duplicate = body.get("duplicate")
        if not isinstance(duplicate, int):
            raise workbench.FieldError("duplicate", "duplicate 须为整数（要并入的承诺编号）")
        return workbench.merge_pledges(session, current_user.user, pledge_id, duplicate)

    return _decision(pledge_id, run, "MergeRequest", needs_version=False)


@bp.post("/documents/<int:document_id>/pledges")
@roles_required(*EDITORS)
def add_pledge(document_id: int):
    """Add a pledge the extractor missed: ``{"start", "end", "changes"}`` (offsets into the stored text)."""
    session = get_session()
    body = json_body("AddRequest")
    start, end = body.get("start"), body.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return _bad("start 和 end 须为整数")
    with unit_of_work():  # a service error (404 for a document that is not there): tracker.web.errors
        pledge = workbench.add_pledge(session, current_user.user, document_id, start, end, _changes(body))
    return jsonify(pledge_json(get_pledge(pledge.id, full=True), full=True)), 201


@bp.get("/documents")
def documents():
    q = (request.args.get("q") or "").strip() or None
    rows, next_after = queries.document_page(get_session(), {"q": q}, after=after_arg(), limit=_limit())
    return _page([document_json(r[0], r[1:]) for r in rows], next_after)


@bp.get("/documents/<int:document_id>")
def document(document_id: int):
    return jsonify(document_json(get_or_404(records.document, document_id), text=True))


@bp.get("/districts")
def districts():
    q = (request.args.get("q") or "").strip() or None
    rows, next_after = queries.district_page(get_session(), after=after_arg(), limit=_limit(), q=q)
    return _page([district_json(d) for d in rows], next_after)


@bp.get("/districts/<int:district_id>")
def district(district_id: int):
    return jsonify(district_json(get_or_404(records.district, district_id)))


@bp.get("/officials")
def officials():
    q = (request.args.get("q") or "").strip() or None
    district_id = int_arg("district", maximum=ID_MAX)
    rows, next_after = queries.official_page(get_session(), after=after_arg(), limit=_limit(), district=district_id,
                                             q=q)
    return _page([official_json(o) for o in rows], next_after)


@bp.get("/officials/<int:official_id>")
def official(official_id: int):
    return jsonify(official_json(get_or_404(records.official, official_id)))


__all__ = ["bp", "init_app"]
