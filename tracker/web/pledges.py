"""Pledges: the filtered list, the pledge page (every field, its sources, its history) and merging duplicates."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from tracker.db.models import District, Official, Pledge, PledgeSource, StatusEvent
from tracker.services import workbench
from tracker.services.errors import ServiceError
from tracker.web import highlight, queries
from tracker.web.auth import EDITORS, roles_required
from tracker.web.db import get_session
from tracker.web.forms import MergeForm

bp = Blueprint("pledges", __name__, url_prefix="/pledges")


def district_names(session) -> list[str]:
    """Every district's name, for the district inputs' datalist."""
    return list(session.scalars(sa.select(District.name).order_by(District.name)))


def get_pledge(pledge_id: int, *, full: bool = False) -> Pledge:
    """The pledge or 404: the one place that answers 404 for a pledge."""
    options = [selectinload(Pledge.quantities), joinedload(Pledge.district)]
    if not full:
        options.append(joinedload(Pledge.official))
    else:
        options += [selectinload(Pledge.sources).joinedload(PledgeSource.document),
                    selectinload(Pledge.status_events).joinedload(StatusEvent.user),
                    joinedload(Pledge.reviewed_by), joinedload(Pledge.candidate),
                    joinedload(Pledge.official).selectinload(Official.titles)]
    pledge = get_session().get(Pledge, pledge_id, options=options)
    if pledge is None:
        abort(404)
    return pledge


def after_arg() -> int | None:
    """The keyset cursor ``?after=N`` of a list page or API list; 400 when it is no number."""
    raw = request.args.get("after", "").strip()
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        abort(400)


@bp.get("/")
def index():
    session = get_session()
    try:
        filters = queries.pledge_filters(session, request.args)
    except queries.BadFilter as exc:
        return render_template("error.html", code=400, message=str(exc)), 400
    rows, next_after = queries.pledge_page(session, filters.values, after=after_arg(),
                                           limit=current_app.config["PAGE_SIZE"])
    total, more = queries.pledge_count(session, filters.values)
    return render_template("pledges/index.html", rows=rows, next_after=next_after, filters=filters, total=total,
                           more=more,
                           district_names=district_names(session))


@bp.get("/<int:pledge_id>")
def view(pledge_id: int):
    session = get_session()
    pledge = get_pledge(pledge_id, full=True)
    document = pledge.document
    left, right = highlight.paragraph_bounds(document.text, pledge.start, pledge.end)
    spans = [highlight.Span(pledge.start, pledge.end, ("hl", "hl-current"))]
    spans += [highlight.Span(q.start, q.end, ("hl-qty",)) for q in pledge.quantities if q.start is not None]
    passage = highlight.render(document.text[left:right], spans, base=left)
    events = workbench.history(session, pledge.id)
    duplicates = workbench.possible_duplicates(session, pledge) if pledge.merged_into_id is None else []
    return render_template("pledges/view.html", pledge=pledge, document=document, passage=passage, events=events,
                           merge_form=MergeForm(), duplicates=duplicates)


@bp.post("/<int:pledge_id>/merge")
@roles_required(*EDITORS)
def merge(pledge_id: int):
    session = get_session()
    form = MergeForm()
    if not form.validate_on_submit():
        if form.csrf_token.errors:
            abort(400)
        flash("请填写要并入的重复条目编号", "error")
        return redirect(url_for("pledges.view", pledge_id=pledge_id))
    get_pledge(pledge_id)
    try:
        workbench.merge_pledges(session, current_user.user, pledge_id, form.duplicate.data)
    except ServiceError as exc:
        session.rollback()
        flash(str(exc), "error")
    else:
        session.commit()
        flash(f"已把 #{form.duplicate.data} 并入 #{pledge_id}", "success")
    return redirect(url_for("pledges.view", pledge_id=pledge_id))
