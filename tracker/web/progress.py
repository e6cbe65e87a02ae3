"""Progress reports (进展报送): a unit's account reports on the pledges its unit leads; a reviewer
accepts (a status through ``tracker.services.status``) or returns each report; the printable
督办通知单 per unit.

Accounts of role ``unit`` see only this blueprint, their own unit's pledge pages and their
account pages: ``init_app`` turns every other page away (``unit_fence``).
"""
from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from flask import (Blueprint, Response, abort, current_app, flash, redirect, render_template, request,
                   url_for)
from flask_login import current_user
from flask_wtf.file import FileField
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional, URL

from tracker.db.enums import MissReason, Status, UserRole
from tracker.services import listing, progress as service, queries, records, remind
from tracker.services.errors import NotAllowed, ServiceError
from tracker.web.auth import login_manager, roles_required
from tracker.web.db import get_or_404, get_session, unit_of_work
from tracker.web.forms import DayField, Form, choices, number

bp = Blueprint("progress", __name__, url_prefix="/progress")
REVIEWERS = (UserRole.REVIEWER, UserRole.ADMIN)
#: what a unit's account may open besides this blueprint (pledges.view: its own pledges only)
UNIT_ENDPOINTS = frozenset({"auth.login", "auth.logout", "auth.password", "static", "pledges.view"})
NOTICE_ROWS = 14  # rows a notice prints on its one A4 page; the rest are counted and pointed to
REPLY_DAYS = 7  # the notice asks for a report within this many days


TOO_LARGE_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>413 · 承诺台账</title></head>
<body><h1>413</h1><p>{message}</p><p><a href="{back}">返回</a></p></body></html>"""


def too_large_page():
    """413 as a page of its own: base.html builds a form, which would read the oversized body again."""
    limit = int(current_app.config["UPLOAD_MAX_BYTES"]) / 1048576
    message = f"提交的内容过大：附件最大 {limit:.0f} MB，请压缩或拆分后重新报送"
    return TOO_LARGE_PAGE.format(message=message, back=url_for("progress.index")), 413


def today() -> dt.date:
    return listing.shanghai_today()


def is_unit() -> bool:
    return current_user.is_authenticated and current_user.role is UserRole.UNIT


def unit_fence():
    """Before each request: a unit's account goes nowhere but its own pages."""
    if not is_unit() or request.endpoint is None:
        return None
    if request.endpoint.startswith("progress.") and not request.endpoint.startswith("progress.notice"):
        return None
    if request.endpoint == "progress.notice" and (request.view_args or {}).get("unit_id") == current_user.user.unit_id:
        return None
    if request.endpoint in UNIT_ENDPOINTS:
        if request.endpoint == "pledges.view":
            pledge = records.plain_pledge(get_session(), (request.view_args or {}).get("pledge_id"))
            user = current_user.user
            if pledge is None or user.unit is None or not service.is_units_pledge(user.unit, pledge):
                abort(404)
        return None
    if request.endpoint == "index" or request.method == "GET" and not request.path.startswith("/api/"):
        flash("责任单位的账户只能查看和报送本单位牵头的承诺", "warning")
        return redirect(url_for("progress.index"))
    abort(403)


@bp.errorhandler(413)  # a report's file too large: its own page; elsewhere validation's answer
def too_large(exc):
    return too_large_page()


def init_app(app) -> None:
    app.config.setdefault("UPLOAD_MAX_BYTES", service.MAX_FILE_BYTES)
    app.config.setdefault("NOTICE_ISSUER", "督查督办室")
    app.before_request(unit_fence)

    app.jinja_env.globals.update(pledge_reminders=_pledge_reminders, pledge_reports=_pledge_reports)
    app.register_blueprint(bp)


def _pledge_reminders(pledge_id: int):
    return remind.grouped(remind.reminders_of(get_session(), pledge_id))


def _pledge_reports(pledge_id: int):
    return service.reports_of(get_session(), pledge_id=pledge_id)


def upload_folder() -> str:
    return current_app.config.get("UPLOAD_FOLDER") or f"{current_app.instance_path}/uploads"


# --- forms -------------------------------------------------------------------------------


class ReportForm(Form):
    as_of_on = DayField("截至日期", format="%Y-%m-%d", validators=[InputRequired("请填写截至日期")])
    note = TextAreaField("进展说明", validators=[InputRequired("请填写进展说明"),
                                             Length(max=service.NOTE_MAX, message=f"最多 {service.NOTE_MAX} 个字符")])
    achieved_value = StringField("完成值", validators=[Optional(), Length(max=30), number])
    evidence_url = StringField("佐证链接", validators=[Optional(), Length(max=2000), URL(message="请填写完整的网址")])
    evidence_text = TextAreaField("佐证说明", validators=[Optional(), Length(max=service.NOTE_MAX)])
    file = FileField("附件")


class AcceptForm(Form):
    status = SelectField("采纳为", choices=choices([(s.value, s.label) for s in Status if s is not Status.UNASSESSED]),
                         validators=[InputRequired("请选择状态")])
    as_of_on = DayField("截至日期", format="%Y-%m-%d", validators=[InputRequired("请填写截至日期")])
    miss_reason = SelectField("未完成原因", choices=choices([("", "（不适用）")] + MissReason.choices()),
                              validators=[Optional()])
    note = TextAreaField("评议意见", validators=[Optional(), Length(max=2000, message="最多 2000 个字符")])


class ReturnForm(Form):
    reason = TextAreaField("退回理由", validators=[InputRequired("退回须写明理由"),
                                               Length(max=2000, message="最多 2000 个字符")])


# --- pages -------------------------------------------------------------------------------


def unit_rows(unit, day: dt.date | None = None) -> list[listing.Row]:
    """The unit's confirmed pledges as rows of the ledger view, soonest deadline first."""
    f = listing.parse_filters(get_session(), {"unit": unit.name, "sort": "due_on"}, today=day or today())
    return [r for r in listing.iter_rows(get_session(), f) if (r.responsible_unit or "").strip() == unit.name]


@bp.get("/")
def index():
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    session = get_session()
    if is_unit():
        unit = current_user.user.unit
        rows = unit_rows(unit)
        reports = service.reports_of(session, unit_id=unit.id)
        counts = remind.counts(session, [r.id for r in rows])
        return render_template("progress/unit.html", unit=unit, rows=rows, reports=reports, counts=counts,
                               day=today())
    if current_user.role not in REVIEWERS:
        abort(403)
    waiting = service.submitted(session)
    answered = queries.answered_reports(session, 30)
    units = queries.units(session)
    return render_template("progress/queue.html", waiting=waiting, answered=answered, units=units)


@bp.route("/pledges/<int:pledge_id>/new", methods=["GET", "POST"])
@roles_required(UserRole.UNIT)
def new(pledge_id: int):
    session = get_session()
    try:
        pledge = service.own_pledge(session, current_user.user, pledge_id)
    except NotAllowed:
        abort(404)
    limit = int(current_app.config["UPLOAD_MAX_BYTES"])
    request.max_content_length = limit + 256 * 1024  # the form's fields besides the file
    if request.method == "POST" and (request.content_length or 0) > request.max_content_length:
        return too_large_page()  # said before a byte of the body is read
    form = ReportForm()
    code = 200
    if request.method == "GET":
        form.as_of_on.data = today()
    elif form.validate_on_submit():
        upload = None
        storage = form.file.data
        if storage is not None and getattr(storage, "filename", ""):
            upload = service.Upload(storage.filename, storage.read(limit + 1))
        try:
            with unit_of_work():
                report = service.submit_report(
                    session, current_user.user, pledge.id, as_of_on=form.as_of_on.data, note=form.note.data,
                    achieved_value=form.achieved_value.data, evidence_url=form.evidence_url.data,
                    evidence_text=form.evidence_text.data, upload=upload, folder=upload_folder(),
                    max_bytes=limit, today=today())
        except ServiceError as exc:
            (form.file if "附件" in str(exc) else form.achieved_value if "完成值" in str(exc)
             else form.note).errors.append(str(exc))
            code = 400
        else:
            flash(f"已报送 #{pledge.id} 的进展（报送 #{report.id}），待评议员审阅", "success")
            return redirect(url_for("progress.view", report_id=report.id))
    else:
        code = 400
    row = listing.one(session, pledge.id, today=today())
    return render_template("progress/new.html", form=form, row=row, pledge=pledge,
                           reports=service.reports_of(session, pledge_id=pledge.id),
                           limit_mb=limit / 1048576, allowed=service.ALLOWED_NAMES), code


def _csrf_failed(form) -> bool:
    token = getattr(form, "csrf_token", None)
    return bool(token is not None and token.errors)


def _report(report_id: int):
    """The report, when the user may see it; else 404 (a unit learns nothing of others' reports)."""
    report = get_or_404(records.progress_report, report_id)
    if not current_user.is_authenticated or not service.can_see_report(current_user.user, report):
        abort(404)
    return report


def _report_page(report, accept: AcceptForm | None = None, back: ReturnForm | None = None,
                 code: int = 200):
    session = get_session()
    row = listing.one(session, report.pledge_id, today=today())
    if accept is None:
        accept = AcceptForm()
        accept.as_of_on.data = report.as_of_on
        target = row.target_value if row is not None else None
        accept.status.data = (Status.DONE.value if target is not None and report.achieved_value is not None
                              and report.achieved_value >= target else Status.IN_PROGRESS.value)
    return render_template("progress/view.html", report=report, row=row, accept=accept, back=back or ReturnForm(),
                           is_reviewer=current_user.role in REVIEWERS), code


@bp.get("/<int:report_id>")
def view(report_id: int):
    return _report_page(_report(report_id))


@bp.post("/<int:report_id>/accept")
@roles_required(*REVIEWERS)
def accept(report_id: int):
    session = get_session()
    report = _report(report_id)
    form = AcceptForm()
    if not form.validate_on_submit():
        if _csrf_failed(form):
            abort(400)
        return _report_page(report, accept=form, code=400)
    try:
        with unit_of_work():
            event = service.accept_report(
                session, report.id, current_user.user, form.status.data, as_of_on=form.as_of_on.data,
                note=form.note.data, miss_reason=form.miss_reason.data or None,
                file_url=url_for("progress.file", report_id=report.id, _external=True), today=today())
    except ServiceError as exc:
        form.status.errors.append(str(exc))
        return _report_page(records.progress_report(session, report_id), accept=form, code=400)
    word = "已提议" if event.kind.value == "proposed" else "已记为"
    flash(f"已采纳报送 #{report.id}：#{report.pledge_id} {word}「{event.new_status.label}」", "success")
    return redirect(url_for("progress.index"))


@bp.post("/<int:report_id>/return")
@roles_required(*REVIEWERS)
def return_(report_id: int):
    session = get_session()
    report = _report(report_id)
    form = ReturnForm()
    if not form.validate_on_submit():
        if _csrf_failed(form):
            abort(400)
        return _report_page(report, back=form, code=400)
    try:
        with unit_of_work():
            service.return_report(session, report.id, current_user.user, form.reason.data)
    except ServiceError as exc:
        form.reason.errors.append(str(exc))
        return _report_page(records.progress_report(session, report_id), back=form, code=400)
    flash(f"已退回报送 #{report.id}", "success")
    return redirect(url_for("progress.index"))


@bp.get("/<int:report_id>/file")
def file(report_id: int):
    """The attached file: only to those who may see the report, always as a download, never
    rendered by the browser in the site's origin."""
    report = _report(report_id)
    if not report.file_sha256:
        abort(404)
    path = service.file_path(upload_folder(), report.file_sha256)
    if not path.is_file():
        abort(404)
    # read whole (files are bounded by UPLOAD_MAX_BYTES): no file handle outlives the request
    response = Response(path.read_bytes(), mimetype=report.file_type)
    ascii_name = report.file_name.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    response.headers["Content-Disposition"] = (f"attachment; filename=\"{ascii_name}\"; "
                                               f"filename*=UTF-8''{quote(report.file_name)}")
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response


# --- 督办通知单 ----------------------------------------------------------------------------


def notices_for(units: list, day: dt.date, days: int) -> list[dict]:
    items = remind.items_due(get_session(), day, days)
    by_unit: dict[str, list] = {}
    for item in items:
        by_unit.setdefault((item.row.responsible_unit or "").strip(), []).append(item)
    out = []
    for unit in units:
        mine = by_unit.get(unit.name, [])
        counts = {k: sum(1 for i in mine if i.reason == k) for k in remind.REASONS}
        out.append({"unit": unit, "entries": mine[:NOTICE_ROWS], "more": max(0, len(mine) - NOTICE_ROWS),
                    "counts": counts, "total": len(mine)})
    return out


def _days_arg() -> int:
    try:
        days = int(request.args.get("days") or remind.DEFAULT_DAYS)
    except ValueError:
        abort(400)
    return max(0, min(days, 366))


@bp.get("/notices/")
def notices():
    """One 督办通知单 per unit that has pledges to chase, one A4 page each."""
    units = queries.units(get_session())
    day, days = today(), _days_arg()
    sheets = [n for n in notices_for(units, day, days) if n["total"]]
    return render_template("progress/notices.html", sheets=sheets, day=day, days=days,
                           reply_by=day + dt.timedelta(days=REPLY_DAYS), issuer=current_app.config["NOTICE_ISSUER"])


@bp.get("/notices/<int:unit_id>")
def notice(unit_id: int):
    unit = get_or_404(records.unit, unit_id)
    day, days = today(), _days_arg()
    return render_template("progress/notices.html", sheets=notices_for([unit], day, days), day=day, days=days,
                           reply_by=day + dt.timedelta(days=REPLY_DAYS), issuer=current_app.config["NOTICE_ISSUER"])
