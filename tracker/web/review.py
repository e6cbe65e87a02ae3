"""The editor's path: the review queue and the one-pledge review screen.

Opening a pending pledge claims it for ``CLAIM_SECONDS``; a decision releases the
claim and claims the next pledge of the same filtered queue. Skipped pledges are
kept in the login session so the queue never offers them again that session.
"""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, make_response, redirect, render_template, request, \
    session as web_session, url_for
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from tracker.db.enums import ReviewState
from tracker.services import listing, pages, workbench
from tracker.services.provenance import machine_reasons
from tracker.services.errors import NotAllowed, ServiceError, StaleEdit
from tracker.web import caching, highlight
from tracker.web.auth import EDITORS, roles_required
from tracker.web.db import get_or_404, get_session, unit_of_work
from tracker.web.forms import ActionForm, ReviewForm
from tracker.web.pledges import district_options, get_pledge

bp = Blueprint("review", __name__, url_prefix="/review")

FILTER_ARGS = ("document", "district", "official")
QUEUE_ARGS = (*FILTER_ARGS, "order")
SKIP_KEY = "review_skipped"
SKIP_MAX = 500


def queue_args() -> dict:
    return {k: request.args[k] for k in QUEUE_ARGS if request.args.get(k)}


def queue_filter() -> tuple[workbench.QueueFilter, listing.Filters]:
    """The queue's filters, read as the pledge list reads them (district and official by id, name or alias)."""
    try:
        words = listing.parse_filters(get_session(), {k: request.args[k] for k in FILTER_ARGS if k in request.args},
                                      default_review_state=None)
    except listing.BadFilter as exc:
        abort(make_response(render_template("error.html", code=400, message=str(exc)), 400))
    order = "oldest" if request.args.get("order") == "oldest" else "confidence"
    v = words.values
    return workbench.QueueFilter(v.get("document"), v.get("district"), v.get("official"), order), words


def skipped() -> set[int]:
    return set(web_session.get(SKIP_KEY, []))


def remember_skip(pledge_id: int) -> None:
    ids = [i for i in web_session.get(SKIP_KEY, []) if i != pledge_id] + [pledge_id]
    web_session[SKIP_KEY] = ids[-SKIP_MAX:]


@bp.get("/")
@roles_required(*EDITORS)
def queue():
    session = get_session()
    filt, words = queue_filter()
    rows = pages.queue_rows(session, filt, current_user.id, current_app.config["PAGE_SIZE"])
    total = caching.cached_count(session, "review", (filt.document_id, filt.district_id, filt.official_id),
                                 lambda: workbench.queue_count(session, filt), patch=_count_after_confirming(filt))
    # 今日已审 N: kept as the counts are, until the data changes (a decision is an audit event, which moves the
    # data version) or the day does (the key's day is Asia/Shanghai's, as the count's midnight); its id: no User loaded.
    # After confirmations as read only: the kept number and this person's among them
    me = current_user.id
    done = caching.cached(session, "decided_today", (me,), lambda: workbench.decided_today(session, current_user),
                          patch=lambda kept, ids: kept + sum(user_id == me for user_id in ids.users))
    return render_template("review/queue.html", rows=rows, total=total, words=words, order=filt.order, done=done,
                           args=queue_args(), skipped=len(skipped()), district_options=district_options(session))


def _count_after_confirming(filt: workbench.QueueFilter):
    """The queue's count after pending pledges were confirmed as read (and nothing else changed): the whole
    queue held each of them (a merged pledge cannot be confirmed), so it holds that many fewer; a filtered
    queue is counted anew (None)."""
    if filt.document_id or filt.district_id or filt.official_id:
        return None
    return lambda kept, ids: kept - len(ids)


@bp.post("/next")
@roles_required(*EDITORS)
def next_item():
    if not ActionForm().validate_on_submit():
        abort(400)
    return _go_next(exclude=skipped())


def _go_next(exclude: set[int]):
    session = get_session()
    filt, _ = queue_filter()
    with unit_of_work():
        pledge = workbench.claim_next(session, current_user.user, filt, exclude=exclude,
                                      seconds=current_app.config["CLAIM_SECONDS"])
    if pledge is None:
        flash("队列里没有更多待核实的承诺了", "success")
        return redirect(url_for("review.queue", **queue_args()))
    return redirect(url_for("review.screen", pledge_id=pledge.id, **queue_args()))


def _render(pledge, form: ReviewForm, *, status: int = 200, stale: dict | None = None,
            mine: dict | None = None, held_by=None):
    document = pledge.document
    left, right = highlight.paragraph_bounds(document.text, pledge.start, pledge.end)
    spans = [highlight.Span(pledge.start, pledge.end, ("hl", "hl-current"))]
    spans += [highlight.Span(q.start, q.end, ("hl-qty",)) for q in pledge.quantities if q.start is not None]
    passage = highlight.render(document.text[left:right], spans, base=left)
    session = get_session()
    undo = workbench.last_undoable(session, current_user.user)
    filt = queue_filter()[0]
    # the queue page's count (the same cache entry): a claim leaves it as it is, a decision moves the data version
    progress = (workbench.decided_today(session, current_user.user),
                caching.cached_count(session, "review", (filt.document_id, filt.district_id, filt.official_id),
                                     lambda: workbench.queue_count(session, filt)))
    return render_template("review/screen.html", pledge=pledge, document=document, passage=passage, form=form,
                           progress=progress,
                           stale=stale, mine=mine, held_by=held_by, args=queue_args(), undo=undo,
                           claim_seconds=current_app.config["CLAIM_SECONDS"],
                           district_options=district_options(session),
                           machine=machine_reasons(pledge.candidate.cues) if pledge.candidate else ([], [])), status


def fill(form: ReviewForm, pledge) -> None:
    form.district.data = pledge.district.name if pledge.district else ""
    form.official.data = pledge.official.name if pledge.official else ""
    for f in workbench.TEXT_FIELDS:
        getattr(form, f).data = getattr(pledge, f) or ""
    form.due_on.data = pledge.due_on
    form.deadline_precision.data = pledge.deadline_precision.value if pledge.deadline_precision else ""
    while form.quantities.entries:
        form.quantities.pop_entry()
    for q in pledge.quantities:
        form.quantities.append_entry({"value": format(q.value, "f"), "unit": q.unit})
    form.quantities.append_entry()
    form.version.data = str(pledge.version_id)
    form.reject_reason.data = pledge.reject_reason or ""


@bp.get("/<int:pledge_id>")
@roles_required(*EDITORS)
def screen(pledge_id: int):
    session = get_session()
    # Opening a pending pledge claims it (the UPDATE only matches a pending pledge nobody else holds).
    with unit_of_work():
        workbench.claim(session, pledge_id, current_user.user, seconds=current_app.config["CLAIM_SECONDS"])
    pledge = get_or_404(pages.pledge_for_page, pledge_id, titles=False)  # read only here: no ORM objects
    held_by = workbench.holder(pledge, current_user.user) if pledge.review_state is ReviewState.PENDING else None
    form = ReviewForm(formdata=None)
    fill(form, pledge)
    return _render(pledge, form, held_by=held_by)


@bp.post("/<int:pledge_id>")
@roles_required(*EDITORS)
def decide(pledge_id: int):
    session = get_session()
    pledge = get_pledge(pledge_id, full=True)
    form = ReviewForm()
    if not form.validate_on_submit():
        return _render(pledge, form, status=400)
    decision = form.chosen()
    try:
        version = int(form.version.data)
    except ValueError:
        abort(400)
    try:
        with unit_of_work():
            if decision == "reject":
                done = workbench.reject_pledge(session, pledge.id, current_user.user, version=version,
                                               reason=form.reject_reason.data)
            else:
                done = workbench.confirm_pledge(session, pledge.id, current_user.user, version=version,
                                                changes=form.changes())
    except (StaleEdit, StaleDataError):
        session.expire_all()
        current = get_pledge(pledge_id, full=True)
        mine = form.changes()
        mine["reject_reason"] = form.reject_reason.data
        mine["decision"] = decision
        form.version.data = str(current.version_id)
        return _render(current, form, status=409, stale=workbench.snapshot(current), mine=mine)
    except workbench.FieldError as exc:
        field = getattr(form, exc.field, None)
        (field.errors if field is not None and isinstance(field.errors, list) else form.form_errors).append(str(exc))
        return _render(get_pledge(pledge_id, full=True), form, status=400)
    except NotAllowed as exc:
        form.form_errors.append(str(exc))
        return _render(get_pledge(pledge_id, full=True), form, status=409)
    except ServiceError as exc:
        form.form_errors.append(str(exc))
        return _render(get_pledge(pledge_id, full=True), form, status=400)
    word = {"confirm": "已确认", "correct": "已修改并确认", "reject": "已驳回"}
    action = "reject" if decision == "reject" else ("correct" if done.is_corrected else "confirm")
    flash(f"#{done.id} {word[action]}（按 U 撤销）", "success")
    if request.args.get("return") == "pledge":
        return redirect(url_for("pledges.view", pledge_id=done.id))
    return _go_next(exclude=skipped())


@bp.post("/<int:pledge_id>/skip")
@roles_required(*EDITORS)
def skip(pledge_id: int):
    """Skip (``s``): not offered again this session. Next (``n``, ``?keep=1``): only passed over this once."""
    if not ActionForm().validate_on_submit():
        abort(400)
    session = get_session()
    with unit_of_work():
        workbench.release(session, pledge_id, current_user.user)
    if request.args.get("keep"):
        return _go_next(exclude=skipped() | {pledge_id})
    remember_skip(pledge_id)
    return _go_next(exclude=skipped())


@bp.post("/undo")
@roles_required(*EDITORS)
def undo():
    if not ActionForm().validate_on_submit():
        abort(400)
    with unit_of_work(back=url_for("review.queue", **queue_args())) as session:
        pledge = workbench.undo_last(session, current_user.user)
    if pledge is None:
        flash("没有可以撤销的操作", "warning")
        return redirect(url_for("review.queue", **queue_args()))
    flash(f"已撤销对 #{pledge.id} 的操作", "success")
    return redirect(url_for("review.screen", pledge_id=pledge.id, **queue_args()))
