"""Atom feeds (feedgen), so readers follow without an account:

* ``/pledges/feed.atom`` takes the pledge list's filters (``district``, ``official``, ``unit``,
  ``flag``, ``status``, ``q`` …, read by the same ``listing`` view as the page) and gives its
  newest pledges, each with its status, flag and deadline;
* ``/pledges/<id>/feed.atom`` gives one pledge's history: every recorded change, every status
  event and every 催办 sent.

Both honour ``PUBLIC_READ`` like the pages (the app's login gate runs first).
"""
from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator
from flask import Blueprint, Response, render_template, url_for

from tracker.services import listing, queries, records, remind, workbench
from tracker.web.db import get_or_404, get_session
from tracker.web.filters import ACTION_LABELS
from tracker.web.pledges import list_filters

bp = Blueprint("feeds", __name__)
ATOM = "application/atom+xml; charset=utf-8"
FEED_ROWS = 50
EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


def _aware(value: dt.datetime | None) -> dt.datetime:
    if value is None:
        return EPOCH
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _day(value: dt.date) -> dt.datetime:
    return dt.datetime.combine(value, dt.time(), listing.SHANGHAI)


def _generator(feed_url: str, page_url: str, title: str, subtitle: str):
    fg = FeedGenerator()
    fg.id(feed_url)
    fg.title(title)
    fg.subtitle(subtitle)
    fg.link(href=feed_url, rel="self", type="application/atom+xml")
    fg.link(href=page_url, rel="alternate", type="text/html")
    fg.language("zh-CN")
    fg.author({"name": "承诺台账"})
    fg.generator("承诺台账")
    return fg


def _atom(fg, entries_updated: list[dt.datetime]) -> Response:
    fg.updated(max(entries_updated, default=EPOCH))
    return Response(fg.atom_str(pretty=True), mimetype="application/atom+xml",
                    headers={"Content-Type": ATOM})


def _row_summary(r: listing.Row) -> str:
    parts = [f"状态：{r.status.label}"]
    if r.flag is not None:
        parts.append(f"标记：{r.flag.label}（{r.flag.meaning}{f'，逾期 {r.days_overdue} 天' if r.days_overdue else ''}）")
    if r.due_on:
        parts.append(f"完成时限：{r.due_on.isoformat()}")
    elif r.deadline_raw:
        parts.append(f"时限：{r.deadline_raw}")
    for label, value in (("区县", r.district), ("责任领导", r.official), ("牵头单位", r.responsible_unit),
                         ("目标", r.target_text), ("已完成", r.achieved_text), ("审核状态", r.review_state.label),
                         ("来源", r.document_title)):
        if value:
            parts.append(f"{label}：{value}")
    return "\n".join([r.quote, ""] + parts)


@bp.get("/pledges/feed.atom")
def pledge_list():
    session = get_session()
    try:
        f = list_filters()
        rows, _ = listing.page(session, f, limit=FEED_ROWS)
    except listing.BadFilter as exc:
        return render_template("error.html", code=400, message=str(exc)), 400
    args = {k: v for k, v in f.args.items()}
    feed_url = url_for("feeds.pledge_list", _external=True, **args)
    page_url = url_for("pledges.index", _external=True, **args)
    fg = _generator(feed_url, page_url, f"承诺：{f.sentence()}", f"承诺台账 · {f.sentence()} · 最新 {FEED_ROWS} 条")
    updated = queries.updated_at(session, [r.id for r in rows])
    stamps = []
    for r in reversed(rows):  # feedgen prepends: the newest ends up first
        fe = fg.add_entry()
        link = url_for("pledges.view", pledge_id=r.id, _external=True)
        fe.id(link)
        fe.title(f"#{r.id} {r.quote[:60]}")
        fe.link(href=link, rel="alternate", type="text/html")
        stamp = _aware(updated.get(r.id))
        stamps.append(stamp)
        fe.updated(stamp)
        if r.published_on:
            fe.published(_day(r.published_on))
        fe.content(_row_summary(r), type="text")
        fe.category(term=r.status.value, label=r.status.label)
    return _atom(fg, stamps)


@bp.get("/pledges/<int:pledge_id>/feed.atom")
def pledge_history(pledge_id: int):
    session = get_session()
    pledge = get_or_404(records.plain_pledge, pledge_id)
    page_url = url_for("pledges.view", pledge_id=pledge.id, _external=True)
    feed_url = url_for("feeds.pledge_history", pledge_id=pledge.id, _external=True)
    fg = _generator(feed_url, page_url, f"承诺 #{pledge.id} 的记录", pledge.quote)
    entries: list[tuple[dt.datetime, str, str, str]] = []  # (when, id, title, text)
    for e in workbench.history(session, pledge.id):
        who = e.user.name if e.user else e.actor
        label = ACTION_LABELS.get(e.action, "修改")
        entries.append((_aware(e.at), f"{page_url}#audit-{e.id}", f"{label}（{who}）", e.note or label))
    events = queries.status_timelines(session, [pledge.id]).get(pledge.id, [])
    for s in events:
        old = s.old_status.label if s.old_status else "—"
        who = f"（{s.user.name}）" if s.user else ""
        text = f"截至 {s.as_of_on.isoformat()}：{old} → {s.new_status.label}（{s.kind.label}）"
        if s.achieved_value is not None:
            text += f"，完成值 {format(s.achieved_value, 'f')}"
        if s.note:
            text += f"\n{s.note}"
        entries.append((_aware(s.created_at), f"{page_url}#status-{s.id}", f"进展：{s.new_status.label}{who}", text))
    for r in remind.reminders_of(session, pledge.id):
        entries.append((_aware(r.created_at), f"{page_url}#remind-{r.id}",
                        f"催办：{r.recipient_kind.label}「{r.recipient}」",
                        f"{r.sent_on.isoformat()} 经{r.channel.label}催办{r.recipient_kind.label}「{r.recipient}」"))
    entries.sort(key=lambda x: (x[0], x[1]))
    for when, ident, title, text in entries:
        fe = fg.add_entry()
        fe.id(ident)
        fe.title(title)
        fe.link(href=page_url, rel="alternate", type="text/html")
        fe.updated(when)
        fe.content(text, type="text")
    return _atom(fg, [e[0] for e in entries])


def init_app(app) -> None:
    app.register_blueprint(bp)
    app.jinja_env.globals["feed_url_for_list"] = lambda f: url_for("feeds.pledge_list", **f.args)
