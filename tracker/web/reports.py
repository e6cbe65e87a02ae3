"""Reports: the followed-pledge list (台账) with its exports, status tables, the dashboard,
public scorecards, and the reviewer's red/yellow queue and status form.

Every page here reads one view of ``tracker.services.listing`` (filters in the URL,
``?as_of=`` for the table as it stood that day); its export links hand the same
arguments to ``/reports/export.<format>``, so a file is always "this view".
"""
from __future__ import annotations

import datetime as dt
import re
import tempfile
from types import MappingProxyType
from urllib.parse import quote

from flask import (Blueprint, Response, abort, current_app, flash, redirect, render_template, request,
                   stream_with_context, url_for)
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError
from wtforms import HiddenField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional, URL

from tracker.db.enums import MissReason, Status, StatusEventKind, UserRole
from tracker.services import exports, listing, queries, records, status as status_service, tables, workbench
from tracker.services.errors import ServiceError, StaleEdit
from tracker.services.listing import BadFilter
from tracker.services.schedule import Flag
from tracker.web import caching, charts, rows as rows_html
from tracker.web.auth import roles_required
from tracker.web.db import get_or_404, get_session, unit_of_work
from tracker.web.filters import IdLinks
from tracker.web.forms import ActionForm, DayField, Form, choices, number

bp = Blueprint("reports", __name__, url_prefix="/reports")
REVIEWERS = (UserRole.REVIEWER, UserRole.ADMIN)
EXPORT_FORMATS = ("csv", "xlsx", "json", "ledger")
# per list on the queue page (red, yellow, proposals, undated); the counts are of all, and the
# red and yellow lists link to the whole list in the ledger. 200 a list made a page of 1 MB and
# 190 ms of CPU at 100,000 pledges (bench/pages.py), for a reviewer who works from the top
QUEUE_ROWS = 50
# cards a scorecard page (the figures above them are of all its pledges): a district's ~400 cards made
# a page of ~1 MB and 41-50 ms of CPU at 100,000 pledges (docs/measuring.md)
SCORECARD_CARDS = 50
#: the most audit events a kept scorecard view is brought up to date across (``caching.cached``'s ``most``)
CARD_PATCH_EVENTS = 200


def today() -> dt.date:
    return listing.shanghai_today()


def is_reviewer() -> bool:
    return current_user.is_authenticated and current_user.role in REVIEWERS


@bp.app_context_processor
def report_globals():
    return {"is_reviewer": is_reviewer, "Flag": Flag, "Status": Status, "sort_options": listing.SORTS.items}


def bad_request(message: str):
    return render_template("error.html", code=400, message=message), 400


def view_filters(args=None, known=None, **fixed) -> listing.Filters:
    """The view the request asks for (``BadFilter`` on bad input); ``known``: see ``listing.parse_filters``."""
    merged = dict((args if args is not None else request.args).items())
    merged.update({k: str(v) for k, v in fixed.items()})
    return listing.parse_filters(get_session(), merged, today=today(), known=known)


def attachment(name: str, ascii_name: str) -> str:
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"


def _streamed(chunks) -> object:
    """Stream ``chunks`` (which read the database), then give the request's connection back.

    The request's teardown ran when the view returned, before the server read the stream, so
    the session the stream used would hold its connection until the garbage collector
    found it."""
    session = get_session()

    def generate():
        try:
            yield from chunks
        finally:
            session.close()
    return stream_with_context(generate())


def _stream_file(write) -> object:
    """Run ``write(fh)`` into a temporary file (spilled to disk past 8 MB), then stream it."""
    def generate():
        with tempfile.SpooledTemporaryFile(max_size=8 << 20) as tmp:
            write(tmp)
            tmp.seek(0)
            while chunk := tmp.read(exports.CHUNK):
                yield chunk
    return _streamed(generate())


# --- the list and its exports ------------------------------------------------------------


@bp.get("/")
def pledges():
    session = get_session()
    try:
        f = view_filters()
        rows, next_after = listing.page(session, f, after=request.args.get("after") or None,
                                        limit=current_app.config["PAGE_SIZE"])
    except BadFilter as exc:
        return bad_request(str(exc))
    # the count and the districts' menu are kept until the data changes, as the pledge list's count
    total = caching.cached_count(session, "reports.pledges", tuple(sorted(f.args.items())),
                                 lambda: listing.count(session, f),
                                 patch=lambda kept, ids: listing.count_after_confirming(session, f, kept, ids))
    # (a confirmation as read moves no pledge to another district)
    districts = caching.cached(session, "districts_with_pledges", (),
                               lambda: tuple(queries.districts_with_pledges(session)), patch=lambda kept, ids: kept)
    return render_template("reports/list.html", rows=rows, f=f, total=total, next_after=next_after,
                           districts=districts)


@bp.get("/export.<fmt>")
def export(fmt: str):
    if fmt not in EXPORT_FORMATS:
        abort(404)
    session = get_session()
    try:
        f = view_filters()
    except BadFilter as exc:
        return bad_request(str(exc))
    suffix, media = exports.FORMATS[fmt]
    name = exports.filename(fmt, f)
    ascii_name = f"{'ledger' if fmt == 'ledger' else 'pledges'}-{f.day.isoformat()}{suffix}"
    # one district's or official's pledges (hundreds) are read in one go, as their scorecards are: the
    # statement prepared and each row's latest verdict probed by its index; a wider view is streamed.
    # The few are read here, in the request's transaction: read by the stream, after the request's
    # teardown gave its connection back, they took a second connection's checkout, BEGIN and COMMIT
    small = bool(f.values.get("official") or f.values.get("district"))
    rows = listing.iter_rows(session, f, stream=not small)
    if small:
        rows = list(rows)
    if fmt == "csv":
        body = _streamed(exports.csv_chunks(rows, header=request.args.get("header", "label")))
    elif fmt == "json":
        body = _streamed(exports.json_chunks(rows, f))
    else:
        writer = exports.write_xlsx if fmt == "xlsx" else exports.write_ledger
        body = _stream_file(lambda fh: writer(rows, fh, f))
    response = Response(body, content_type=media)
    response.headers["Content-Disposition"] = attachment(name, ascii_name)
    return response


# --- status tables -----------------------------------------------------------------------


def _by() -> str:
    by = request.args.get("by", "district")
    if by not in ("district", "official"):
        raise BadFilter("分组须为 district（按区县）或 official（按责任领导）")
    return by


@bp.get("/status")
def status_table():
    try:
        by = _by()
        f = view_filters({k: v for k, v in request.args.items() if k != "by"})
    except BadFilter as exc:
        return bad_request(str(exc))
    groups, total = tables.view_table(get_session(), f, by)
    return render_template("reports/status.html", groups=groups, total=total, f=f, by=by)


@bp.get("/status.<fmt>")
def status_export(fmt: str):
    if fmt not in ("csv", "xlsx", "json"):
        abort(404)
    try:
        by = _by()
        f = view_filters({k: v for k, v in request.args.items() if k != "by"})
    except BadFilter as exc:
        return bad_request(str(exc))
    groups, total = tables.view_table(get_session(), f, by)
    records = [g.record() for g in groups] + [total.record()]
    title = "按区县" if by == "district" else "按责任领导"
    suffix, media = exports.FORMATS[fmt]
    if fmt == "csv":
        body = exports.table_csv(tables.TABLE_COLUMNS, records, header=request.args.get("header", "label"))
    elif fmt == "json":
        body = exports.table_json(tables.TABLE_COLUMNS, records, f, by)
    else:
        body = _stream_file(lambda fh: exports.write_table_xlsx(tables.TABLE_COLUMNS, records, fh, f, title))
    response = Response(body, content_type=media)
    response.headers["Content-Disposition"] = attachment(f"进展统计-{title}-{f.day.isoformat()}{suffix}",
                                                         f"status-{by}-{f.day.isoformat()}{suffix}")
    return response


# --- dashboard and scorecards ------------------------------------------------------------


@bp.get("/dashboard")
def dashboard():
    session = get_session()
    try:
        f = view_filters()
    except BadFilter as exc:
        return bad_request(str(exc))
    summary = tables.view_summary(session, f)
    groups, total, months = summary.groups, summary.total, summary.months[-36:]
    completion = tables.completion_over_time(session, summary.ids, f.day)
    by_district = [(g.name, dict(g.status)) for g in groups[:15]]
    return render_template(
        "reports/dashboard.html", f=f, total=total, meter=summary.meter,
        chart_districts=charts.stacked_bars(by_district, "各区县承诺进展"),
        chart_months=charts.month_columns(months, "按完成时限月份的承诺数", f.day),
        chart_completion=charts.line(completion, total.total, "累计已完成"),
        legend=charts.legend(), months=months, completion=completion, groups=groups[:15])


#: the filters a scorecard reads from its URL (its pager's links keep them)
SCORECARD_FILTERS = ("as_of", "status", "flag", "q")
_PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,8}")


def card_page() -> int:
    """The scorecard page the request asks for (``?page=``, 1 when absent); ``BadFilter`` when it is
    not a whole number from 1 (past the last page is the view's to answer: 404)."""
    raw = request.args.get("page")
    if raw is None:
        return 1
    if not _PAGE_NUMBER.fullmatch(raw):
        raise BadFilter(f"页码「{raw[:20]}」无法识别：须为从 1 起的整数，如 page=2")
    return int(raw)


def page_numbers(page: int, pages: int, around: int = 2) -> list[int | None]:
    """The page numbers a pager links: the first, the last and ``around`` on each side of ``page``;
    None where numbers are left out (shown as …)."""
    shown = sorted({1, pages, *range(max(1, page - around), min(pages, page + around) + 1)})
    out: list[int | None] = []
    for n in shown:
        if out and n - out[-1] > 1:
            out.append(None)
        out.append(n)
    return out


def _scorecard(kind: str, subject_id: int, name: str, extra: str | None = None):
    session = get_session()
    try:
        kept = {k: v for k, v in request.args.items() if k in SCORECARD_FILTERS}
        # (the district's or official's name read with the heading's, not again for the filters' words)
        f = view_filters(kept, known={kind: (subject_id, name)}, **{kind: subject_id})
        page = card_page()
    except BadFilter as exc:
        return bad_request(str(exc))
    # one district's or official's: a few hundred, with what their cards show. The figures (the total
    # line, the meter) are of all of them; the cards of one page (SCORECARD_CARDS), in the view's order
    size = SCORECARD_CARDS
    if f.values.get("flag") in listing.SQL_EXACT_FLAGS:
        # the view's ids in order and its figures from one light reading (a few numbers a row), then the
        # rows of one page's cards: building and assessing a district's ~400 rows was half the page's CPU
        # kept until the data changes (``caching.cached``), a confirmation joining the kept view (each district's
        # or official's asked every few seconds under bench/load.sh's mix, a decision every tenth of a second)
        card = caching.cached(session, "reports.card", (kind, tuple(sorted(f.args.items()))),
                              lambda: tables.card_view(session, f, proposed=False),  # (a figure the card does not show)
                              patch=lambda kept, confirmed: tables.card_after_confirming(session, f, kept, confirmed,
                                                                                         proposed=False),
                              most=CARD_PATCH_EVENTS)
        ids, total, parts = card.ids, card.total, card.parts
        count = len(ids)
        pages = max(1, -(-count // size))
        if page > pages:
            return render_template("error.html", code=404, message=f"第 {page} 页不存在：此记分卡共 {pages} 页"), 404
        shown = listing.rows_of(session, f, ids[(page - 1) * size:page * size], card=True)
    else:  # a flag decided in Python: the view's rows read whole
        rows = list(listing.iter_rows(session, f, stream=False, card=True))
        count = len(rows)
        pages = max(1, -(-count // size))
        if page > pages:
            return render_template("error.html", code=404, message=f"第 {page} 页不存在：此记分卡共 {pages} 页"), 404
        # the card's figures: the total line only (a status table's groups would add each row twice), the
        # meter counted once
        total = tables.Group(None, "合计")
        day, add = f.day, total.add
        for row in rows:
            add(row, day)
        parts = tables.meter(rows)
        shown = rows[(page - 1) * size:page * size]
    endpoint = "reports.district_card" if kind == "district" else "reports.official_card"
    path_arg = "district_id" if kind == "district" else "official_id"

    def page_url(n: int) -> str:  # page 1 is the scorecard's own address (no ?page=1)
        return url_for(endpoint, **{path_arg: subject_id}, **kept, **({"page": n} if n > 1 else {}))
    pager = {"page": page, "pages": pages, "count": count, "first": (page - 1) * size + 1 if count else 0,
             "last": (page - 1) * size + len(shown),
             "links": [(n, n and page_url(n)) for n in page_numbers(page, pages)],
             "prev": page_url(page - 1) if page > 1 else None, "next": page_url(page + 1) if page < pages else None}
    return render_template("reports/scorecard.html", kind=kind, subject_id=subject_id, name=name, extra=extra,
                           f=f, rows=shown, total=total, meter_parts=parts, meter=charts.meter(parts), pager=pager,
                           timelines=tables.timelines(session, [r.id for r in shown]))


@bp.get("/districts/<int:district_id>")
def district_card(district_id: int):
    name = get_or_404(records.district_name, district_id)
    return _scorecard("district", district_id, name)


@bp.get("/officials/<int:official_id>")
def official_card(official_id: int):
    name, titles = get_or_404(records.official_titles, official_id)
    return _scorecard("official", official_id, name, "、".join(titles) or None)


# --- the reviewer's queue and status form ------------------------------------------------


@bp.get("/queue")
@roles_required(*REVIEWERS)
def queue():
    session = get_session()
    try:
        red = view_filters(flag="red", sort="due_on")
        yellow = view_filters(flag="yellow", sort="due_on")
    except BadFilter as exc:
        return bad_request(str(exc))
    reds, yellows, proposals, undated, counts = caching.cached(
        session, "reports.queue", (QUEUE_ROWS,), lambda: _queue_lists(session, red, yellow),
        patch=lambda kept, ids: _queue_confirmed(session, red, yellow, kept, ids))
    rated = workbench.decided_today(session, current_user,  # (its id: the User is not loaded)
                                    actions=("set_status", "propose_status", "confirm_status", "withdraw_status"))
    rate_link = IdLinks("reports.set_status", "pledge_id")
    written = {"red": _queue_html("red", reds, rate_link, rows_html.queue_rows),
               "yellow": _queue_html("yellow", yellows, rate_link, rows_html.queue_rows),
               "undated": _queue_html("undated", undated, rate_link, rows_html.undated_rows)}
    return render_template("reports/queue.html", reds=reds, yellows=yellows, counts=counts, proposals=proposals,
                           undated=undated, rated=rated, f=red, rate_link=rate_link, written=written)


def _queue_html(name: str, rows: tuple, rate_link: IdLinks, write):
    """``write(rows, rate_link)``, or what it gave last for the same tuple of rows: the queue's lists are the
    kept answer's tuples (``caching.cached``), the same objects until a change moves one (``_queue_confirmed``
    keeps a list no confirmed pledge joins), and a row's text depends on the row and the link alone (its
    progress and flag were worked out for the day when it was read). Each process keeps the last one a list."""
    if rate_link.head is None:  # (links built in full: not kept)
        return write(rows, rate_link)
    kept = current_app.extensions.setdefault("tracker.queue_html", {})
    key = (name, rate_link.head, rate_link.tail)
    found = kept.get(key)
    if found is not None and found[0] is rows:
        return found[1]
    html = write(rows, rate_link)
    kept[key] = (rows, html)  # (one assignment: another thread sees the old pair or the new)
    return html


def _queue_lists(session, red: listing.Filters, yellow: listing.Filters) -> tuple:
    """The reviewer's queue's lists and counts: the same for every reviewer, so kept until the data
    changes (``caching.cached``: a version read first, a day, a minute at most), as the list's counts are.
    Red and yellow are decided in SQL (listing.SQL_EXACT_FLAGS). Red: a LIMIT along the index of open
    deadlines and a count(*) (of a partial index on PostgreSQL); yellow, whose rule is worked out for every
    open pledge with a deadline ahead: its page and count from one reading of it."""
    reds, _ = listing.page(session, red, limit=QUEUE_ROWS)
    yellows, yellow_count = listing.page_and_count(session, yellow, limit=QUEUE_ROWS)
    counts = {"red": listing.count(session, red), "yellow": yellow_count}
    proposals = tables.open_proposals(session, QUEUE_ROWS)
    counts["proposals"] = (len(proposals) if len(proposals) < QUEUE_ROWS
                           else tables.count_open_proposals(session))
    undated, counts["undated"] = tables.undated(session, QUEUE_ROWS)
    return tuple(reds), tuple(yellows), tuple(proposals), tuple(undated), MappingProxyType(counts)


def _queue_confirmed(session, red: listing.Filters, yellow: listing.Filters, kept: tuple, ids: list[int]):
    """``_queue_lists``' answer after pledges ``ids`` were confirmed from pending (and nothing else changed),
    from the answer ``kept`` before: each such pledge joins the red, yellow or undated list (and count) that
    holds it now, in the list's order, as reading the lists anew would give; no other row moves (a row
    shows its own pledge only) and the proposals stay (a pledge never rated has none). None when a pledge
    was listed already (not the change this knows: the lists are read anew)."""
    reds, yellows, proposals, undated, counts = kept
    lists = {"red": list(reds), "yellow": list(yellows), "undated": list(undated)}
    counts = dict(counts)
    # which lists hold which of them: one statement a list for all the ids (most confirmed pledges join
    # none, so red's and yellow's are asked with no column computed; their rows are read only for those held)
    holding = {"red": listing.held(session, red, ids), "yellow": listing.held(session, yellow, ids)}
    undated_rows = tables.undated_of(session, ids)
    for pledge_id in ids:
        for name, filters in (("red", red), ("yellow", yellow), ("undated", None)):
            if filters is None:
                row, key = undated_rows.get(pledge_id), tables.undated_key
            else:
                row = listing.one_in_view(session, filters, pledge_id) if pledge_id in holding[name] else None
                key = listing.sort_key(filters)
            if row is None:
                continue
            if any(r.id == pledge_id for r in lists[name]):
                return None
            rows = lists[name]
            rows.append(row)
            rows.sort(key=key)
            del rows[QUEUE_ROWS:]
            counts[name] += 1
    # a list no pledge joined stays the kept tuple itself (its written rows are kept with it: ``_queue_html``)
    before = {"red": reds, "yellow": yellows, "undated": undated}
    same = {name: before[name] if len(rows) == len(before[name]) and all(a is b for a, b in zip(rows, before[name]))
            else tuple(rows) for name, rows in lists.items()}
    return same["red"], same["yellow"], proposals, same["undated"], MappingProxyType(counts)


class StatusForm(Form):
    status = SelectField("状态", choices=choices([(s.value, s.label) for s in Status if s is not Status.UNASSESSED]),
                         validators=[InputRequired("请选择状态")])
    as_of_on = DayField("截至日期", format="%Y-%m-%d", validators=[InputRequired("请填写截至日期")])
    achieved_value = StringField("完成值", validators=[Optional(), Length(max=30), number])
    note = TextAreaField("进展说明", validators=[Optional(), Length(max=2000, message="最多 2000 个字符")])
    evidence_url = StringField("佐证链接", validators=[Optional(), Length(max=2000), URL(message="请填写完整的网址")])
    evidence_quote = TextAreaField("佐证引文", validators=[Optional(), Length(max=4000)])
    evidence_document = IntegerField("佐证文档编号", validators=[
        Optional(), NumberRange(min=1, max=listing.MAX_ID, message="请填写库中文档的编号")])
    miss_reason = SelectField("未完成原因", choices=choices([("", "（不适用）")] + MissReason.choices()),
                              validators=[Optional()])
    version = HiddenField(validators=[InputRequired("缺少版本号，请刷新页面")])


@bp.route("/pledges/<int:pledge_id>/status", methods=["GET", "POST"])
@roles_required(*REVIEWERS)
def set_status(pledge_id: int):
    session = get_session()
    pledge = get_or_404(records.plain_pledge, pledge_id)
    form = StatusForm()
    if request.method == "GET":
        form.as_of_on.data = today()
        form.version.data = str(pledge.version_id)
        form.status.data = pledge.status.value if pledge.status is not Status.UNASSESSED else Status.IN_PROGRESS.value
    elif form.validate_on_submit():
        try:
            version = int(form.version.data)
        except ValueError:
            version = -1
        try:
            with unit_of_work():
                event = status_service.set_status(session, pledge, current_user.user, status_service.StatusChange(
                        form.status.data, as_of_on=form.as_of_on.data, version=version, note=form.note.data,
                        evidence_url=form.evidence_url.data, evidence_quote=form.evidence_quote.data,
                        evidence_document_id=form.evidence_document.data, miss_reason=form.miss_reason.data or None,
                        achieved_value=(form.achieved_value.data or "").replace(",", "").replace("，", "") or None),
                    today=today())
        except (StaleEdit, StaleDataError) as exc:
            form.form_errors.append(str(exc) if isinstance(exc, StaleEdit) else "此条已被他人修改，请刷新后重试")
            return _status_page(pledge_id, form, 409)
        except ServiceError as exc:
            form.form_errors.append(str(exc))
            return _status_page(pledge_id, form, 400)
        if event.kind is StatusEventKind.PROPOSED:
            flash(f"#{pledge_id} 已提议「{event.new_status.label}」，待另一位评议员复核后生效", "success")
        else:
            flash(f"#{pledge_id} 已记为「{event.new_status.label}」（截至 {event.as_of_on.isoformat()}）", "success")
        return redirect(request.args.get("next") if (request.args.get("next") or "").startswith("/reports/")
                        else url_for("reports.queue"))
    else:
        return _status_page(pledge_id, form, 400)
    return _status_page(pledge_id, form, 200)


def _status_page(pledge_id: int, form: StatusForm, code: int):
    session = get_session()
    row = listing.one(session, pledge_id, today=today())
    if row is None:
        abort(404)
    events = queries.status_timelines(session, [pledge_id]).get(pledge_id, [])
    proposal = status_service.open_proposal(session, pledge_id)
    return render_template("reports/status_form.html", row=row, form=form, events=events, proposal=proposal), code


@bp.post("/proposals/<int:event_id>/<action>")
@roles_required(*REVIEWERS)
def answer_proposal(event_id: int, action: str):
    if action not in ("confirm", "withdraw"):
        abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    session = get_session()
    proposal = get_or_404(records.status_event, event_id)
    with unit_of_work(back=url_for("reports.queue")):  # a refusal: flashed, back to the queue
        if action == "confirm":
            status_service.confirm_status(session, proposal, current_user.user)
        else:
            status_service.withdraw_status(session, proposal, current_user.user)
    word = "已复核确认，「未完成」生效" if action == "confirm" else "已撤回提议"
    flash(f"#{proposal.pledge_id} {word}", "success")
    return redirect(url_for("reports.queue"))
