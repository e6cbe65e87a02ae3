"""The reviewer's follow-up queue: what later documents suggest became of each pledge.

One suggestion per screen: the pledge highlighted in its source paragraph beside the evidence
highlighted in the later document, the computed comparison (目标 30家 → 报告 45家：超额 50%),
and keys to accept (``Y``), correct the status or figure (``E``, then ``Ctrl+Enter``), dismiss
with a reason (``R``, then ``Enter``), pass (``N``) or go back (``Q``). Decisions go through
``tracker.services.followup``; a stale form (someone decided first, or the matcher refreshed the
suggestion) is refused with the current state shown and the reviewer's values kept.
"""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, make_response, redirect, render_template, request, \
    session as web_session, url_for
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError
from wtforms import HiddenField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from tracker.db.enums import FollowupOutcome, MissReason, Status
from tracker.services import followup, listing, queries, records
from tracker.services.errors import ServiceError, StaleEdit
from tracker.web import highlight
from tracker.web.auth import roles_required
from tracker.web.db import get_or_404, get_session, unit_of_work
from tracker.web.forms import ActionForm, Form, number, choices
from tracker.web.reports import REVIEWERS, today

bp = Blueprint("followup", __name__, url_prefix="/followup")

FILTER_ARGS = ("district", "official", "outcome", "document")
SKIP_KEY = "followup_skipped"
SKIP_MAX = 500
STATUS_CHOICES = [(s.value, s.label) for s in Status if s is not Status.UNASSESSED]
OUTCOME_CHOICES = [o for o in FollowupOutcome if o not in followup.SILENT]


class DecisionForm(Form):
    status = SelectField("记为", choices=choices(STATUS_CHOICES), validators=[InputRequired("请选择状态")])
    achieved_value = StringField("完成值", validators=[Optional(), Length(max=30), number])
    miss_reason = SelectField("未完成原因", choices=choices([("", "（不适用）")] + MissReason.choices()),
                              validators=[Optional()])
    note = TextAreaField("说明", validators=[Optional(), Length(max=2000, message="最多 2000 个字符")])
    reason = TextAreaField("否决理由", validators=[Optional(), Length(max=2000, message="最多 2000 个字符")])
    version = HiddenField(validators=[InputRequired("缺少版本号，请刷新页面")])
    accept = SubmitField("采纳")
    dismiss = SubmitField("否决")

    def chosen(self) -> str:
        return "dismiss" if self.dismiss.data else "accept"


@bp.app_context_processor
def followup_globals():
    return {"RESTATED_KINDS": followup.RESTATED_KINDS}


def queue_args() -> dict:
    return {k: request.args[k] for k in FILTER_ARGS if request.args.get(k)}


def queue_filter(exclude: set[int] | None = None) -> tuple[followup.QueueFilter, list[tuple[str, str]]]:
    """The queue's filters as the lists read them (district and official by id, name or alias; the later
    document by id; the outcome by value or label) and their words; a bad one answers 400 in Chinese."""
    args = {k: request.args[k] for k in ("district", "official", "document") if request.args.get(k)}
    try:
        words = listing.parse_filters(get_session(), args, default_review_state=None)
    except listing.BadFilter as exc:
        abort(make_response(render_template("error.html", code=400, message=str(exc)), 400))
    outcome = None
    text = (request.args.get("outcome") or "").strip()
    if text:
        outcome = next((o for o in OUTCOME_CHOICES if text in (o.value, o.label)), None)
        if outcome is None:
            message = f"结果「{text}」无法识别，可选：{'、'.join(o.label for o in OUTCOME_CHOICES)}"
            abort(make_response(render_template("error.html", code=400, message=message), 400))
    v = words.values
    said = [(label, value) for label, value in words.words if label != "审核状态"]
    if outcome is not None:
        said.append(("结果", outcome.label))
    return followup.QueueFilter(v.get("district"), v.get("official"), outcome, v.get("document"),
                                frozenset(exclude or ())), said


def skipped() -> set[int]:
    return set(web_session.get(SKIP_KEY, []))


@bp.get("/")
@roles_required(*REVIEWERS)
def queue():
    session = get_session()
    filt, said = queue_filter()
    rows = queries.followup_queue(session, filt, current_app.config["PAGE_SIZE"])
    total = followup.queue_count(session, filt)
    comparisons = {r.id: followup.comparison(r, r.pledge) for r in rows}
    return render_template("followup/queue.html", rows=rows, total=total, said=said, args=queue_args(),
                           comparisons=comparisons, outcomes=OUTCOME_CHOICES, skipped=len(skipped()),
                           waiting=followup.awaiting_confirmation(session))


@bp.post("/next")
@roles_required(*REVIEWERS)
def next_item():
    if not ActionForm().validate_on_submit():
        abort(400)
    return _go_next(skipped())


def _go_next(exclude: set[int]):
    filt, _ = queue_filter(exclude)
    nxt = followup.next_suggestion(get_session(), filt)
    if nxt is None:
        flash("队列里没有更多待处理的后续建议了", "success")
        return redirect(url_for("followup.queue", **queue_args()))
    return redirect(url_for("followup.screen", suggestion_id=nxt.id, **queue_args()))


def get_suggestion(suggestion_id: int):
    """The suggestion (``records.suggestion``) or 404."""
    return get_or_404(records.suggestion, suggestion_id)


def passages(suggestion):
    """(the pledge in its paragraph, the evidence in its paragraph), highlighted on the server."""
    pledge, source, later = suggestion.pledge, suggestion.pledge.document, suggestion.document
    left, right = highlight.paragraph_bounds(source.text, pledge.start, pledge.end)
    spans = [highlight.Span(pledge.start, pledge.end, ("hl", "hl-current"))]
    spans += [highlight.Span(q.start, q.end, ("hl-qty",)) for q in pledge.quantities if q.start is not None]
    pledge_html = highlight.render(source.text[left:right], spans, base=left)
    if suggestion.evidence_start is None:
        return pledge_html, None
    left, right = highlight.paragraph_bounds(later.text, suggestion.evidence_start, suggestion.evidence_end)
    spans = [highlight.Span(suggestion.evidence_start, suggestion.evidence_end, ("hl", "hl-evidence"))]
    for q in suggestion.reported or []:
        start, end = q.get("start"), q.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(later.text):
            spans.append(highlight.Span(start, end, ("hl-qty",)))
    return pledge_html, highlight.render(later.text[left:right], spans, base=left)


def fill(form: DecisionForm, suggestion) -> None:
    pledge = suggestion.pledge
    form.status.data = followup.suggested_status(suggestion, pledge).value
    figure, _ = followup.reported_figure(suggestion, pledge)
    form.achieved_value.data = format(figure, "f") if figure is not None and pledge.quantities else ""
    form.version.data = str(suggestion.version_id)


def _render(suggestion, form: DecisionForm, *, status: int = 200, stale: str | None = None):
    pledge_html, evidence_html = passages(suggestion)
    pledge = suggestion.pledge
    return render_template(
        "followup/screen.html", s=suggestion, pledge=pledge, form=form, pledge_html=pledge_html,
        evidence_html=evidence_html, comparison=followup.comparison(suggestion, pledge),
        suggested=followup.suggested_status(suggestion, pledge), stale=stale, args=queue_args(),
        others=[o for o in followup.suggestions_of(get_session(), pledge.id) if o.id != suggestion.id]), status


@bp.get("/<int:suggestion_id>")
@roles_required(*REVIEWERS)
def screen(suggestion_id: int):
    suggestion = get_suggestion(suggestion_id)
    form = DecisionForm(formdata=None)
    fill(form, suggestion)
    return _render(suggestion, form)


@bp.post("/<int:suggestion_id>")
@roles_required(*REVIEWERS)
def decide(suggestion_id: int):
    session = get_session()
    suggestion = get_suggestion(suggestion_id)
    form = DecisionForm()
    if not form.validate_on_submit():
        return _render(suggestion, form, status=400)
    try:
        version = int(form.version.data)
    except ValueError:
        abort(400)
    decision = form.chosen()
    try:
        with unit_of_work():
            if decision == "dismiss":
                followup.dismiss_suggestion(session, suggestion, current_user.user, reason=form.reason.data,
                                            version=version)
                event = None
            else:
                event = followup.accept_suggestion(
                    session, suggestion, current_user.user, version=version, status=form.status.data,
                    achieved_value=(form.achieved_value.data or "").replace(",", "").replace("，", "") or None,
                    miss_reason=form.miss_reason.data or None, note=form.note.data, today=today())
    except (StaleEdit, StaleDataError) as exc:
        session.expire_all()
        current = get_suggestion(suggestion_id)
        form.version.data = str(current.version_id)
        message = str(exc) if isinstance(exc, StaleEdit) else "此建议已被他人处理，请对照后重新提交"
        return _render(current, form, status=409, stale=message)
    except ServiceError as exc:
        form.form_errors.append(str(exc))
        return _render(get_suggestion(suggestion_id), form, status=400)
    if event is None:
        flash(f"已否决建议 #{suggestion_id}（承诺 #{suggestion.pledge_id}）", "success")
    elif event.kind.value == "proposed":
        flash(f"承诺 #{suggestion.pledge_id} 已提议「{event.new_status.label}」，待另一位评议员复核后生效", "success")
    else:
        flash(f"承诺 #{suggestion.pledge_id} 已记为「{event.new_status.label}」（{suggestion.state.label}）", "success")
    return _go_next(skipped())


@bp.post("/<int:suggestion_id>/skip")
@roles_required(*REVIEWERS)
def skip(suggestion_id: int):
    """Pass (``N``): not offered again this session; it stays pending for everyone."""
    if not ActionForm().validate_on_submit():
        abort(400)
    ids = [i for i in web_session.get(SKIP_KEY, []) if i != suggestion_id] + [suggestion_id]
    web_session[SKIP_KEY] = ids[-SKIP_MAX:]
    return _go_next(set(ids))
