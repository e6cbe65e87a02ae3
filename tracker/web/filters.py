"""Jinja filters and globals: Chinese labels, dates in Asia/Shanghai, exact numbers."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from urllib.parse import quote_plus, urlencode
from zoneinfo import ZoneInfo

from markupsafe import Markup, escape
from flask import has_request_context, request, url_for
from flask_login import current_user

from tracker import glossary
from tracker.db import enums
from tracker.services import workbench
from tracker.services.schedule import Flag, Progress
from tracker.web.db import get_session

SHANGHAI = ZoneInfo("Asia/Shanghai")

FIELD_LABELS = glossary.FIELDS
ACTION_LABELS = glossary.ACTIONS
STATE_CLASSES = {"pending": "st-pending", "confirmed": "st-confirmed", "rejected": "st-rejected"}


def local(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def number(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


label = glossary.label
quantity_text = glossary.quantity
audit_value = glossary.value


def url_with(**changes) -> str:
    """This page's URL with some query arguments changed (None removes one): the URL is the state.

    Built from ``request.path`` rather than ``url_for`` (it runs a few times per row of a list)."""
    args = request.args.to_dict()
    for k, v in changes.items():
        if v is None or v == "":
            args.pop(k, None)
        else:
            args[k] = v
    return request.script_root + request.path + ("?" + urlencode(args) if args else "")


class PageLinks:
    """``url_with(key=value)`` for many values of one key on one page: this page's other arguments are
    encoded once (``url_with`` a row re-encoded them all three times a row), character for character
    what ``url_with`` gives."""

    def __init__(self):
        self.base = request.script_root + request.path
        self.args = request.args.to_dict()
        self._parts: dict[str, tuple[str, str]] = {}

    def with_(self, key: str, value) -> str:
        if value is None or value == "":
            return url_with(**{key: value})
        parts = self._parts.get(key)
        if parts is None:
            keys = list(self.args)
            at = keys.index(key) if key in keys else len(keys)
            before = urlencode([(k, self.args[k]) for k in keys[:at]])
            after = urlencode([(k, self.args[k]) for k in keys[at + 1:]])
            parts = self._parts[key] = (f"{self.base}?{before + '&' if before else ''}{quote_plus(key)}=",
                                        "&" + after if after else "")
        return f"{parts[0]}{value if type(value) is int else quote_plus(str(value))}{parts[1]}"


LIST_VIEW_COOKIE = "list_view"
LIST_VIEWS = ("compact", "full")
COMPACT_ROLES = ("editor", "reviewer", "admin")


def compact_lists() -> bool:
    """Lists one line a row (紧凑) or with their second lines (详细): ``?view=`` chooses and is
    remembered in a cookie; by default compact for editors and reviewers, who work through many."""
    view = request.args.get("view") or request.cookies.get(LIST_VIEW_COOKIE)
    if view in LIST_VIEWS:
        return view == "compact"
    return bool(current_user.is_authenticated and current_user.role.value in COMPACT_ROLES)


def remember_list_view(response):
    view = request.args.get("view")
    if view in LIST_VIEWS and request.cookies.get(LIST_VIEW_COOKIE) != view:
        response.set_cookie(LIST_VIEW_COOKIE, view, max_age=365 * 24 * 3600, samesite="Lax", httponly=True,
                            secure=request.is_secure)
    return response


def pending_total() -> int:
    """Pledges waiting for an editor (what an empty first-run page points to)."""
    return workbench.queue_count(get_session(), workbench.QueueFilter())


#: the characters a query value keeps unescaped, as ``url_for`` (werkzeug) writes them
_SAFE = "!$'()*,/:;?@"


class ViewLinks:
    """The links of one list page that change one argument of its view: ``links.with_("district", 3)``
    gives what ``url_for(endpoint, **f.query(district=3, after=None))`` does, character for character,
    but the other arguments are encoded once per page (not three times a row: a list of 50 rows spent
    more time in ``url_for`` than in everything else it renders)."""

    def __init__(self, endpoint: str, args: dict):
        self.endpoint = endpoint
        self.base = url_for(endpoint)
        self.args = {k: v for k, v in args.items() if v is not None and k != "after"}
        self._parts: dict[str, tuple[str, str]] = {}
        self._query: str | None = None

    def with_(self, key: str, value) -> str:
        parts = self._parts.get(key)
        if parts is None:
            keys = list(self.args)
            at = keys.index(key) if key in keys else len(keys)
            before = urlencode([(k, self.args[k]) for k in keys[:at]], safe=_SAFE)
            after = urlencode([(k, self.args[k]) for k in keys[at + 1:]], safe=_SAFE)
            parts = self._parts[key] = (f"{self.base}?{before + '&' if before else ''}{quote_plus(key, safe=_SAFE)}=",
                                        "&" + after if after else "")
        head, tail = parts
        # an id (most of a list's links) needs no quoting
        return f"{head}{value if type(value) is int else quote_plus(str(value), safe=_SAFE)}{tail}"

    def whole(self, endpoint: str, after=None, **path) -> str:
        """``url_for(endpoint, **path, **args, after=after)`` (None: no ``after``), character for character,
        the view's arguments encoded once a page: the list's export, feed, JSON and next-page links (seven
        ``url_for`` with every argument of the view, a tenth of the page's CPU before)."""
        query = self._query
        if query is None:
            query = self._query = urlencode(list(self.args.items()), safe=_SAFE)
        if after is not None and after != "":
            query = (f"{query}&" if query else "") + f"after={quote_plus(str(after), safe=_SAFE)}"
        base = self.base if endpoint == self.endpoint and not path else url_for(endpoint, **path)
        return f"{base}?{query}" if query else base

    def exports(self) -> Markup:
        """What reports/_macros.html's ``exports(f)`` macro writes for the view (its default endpoint, no extra
        arguments): the CSV, Excel, JSON and 台账 links, from ``whole`` (tests/web/test_rows.py holds the two alike)."""
        links = "".join(f'  <a class="button" id="export-{fmt}" href="{_esc(self.whole("reports.export", fmt=fmt))}" '
                        f'download>{label}</a>\n' for fmt, label in (("csv", "CSV"), ("xlsx", "Excel"), ("json", "JSON")))
        ledger = _esc(self.whole("reports.export", fmt="ledger"))
        return Markup(f'<p class="exports">导出此视图：\n{links}<a class="button" id="export-ledger" href="{ledger}" '
                      'download>台账（Excel）</a></p>\n')


class IdLinks:
    """``url_for(endpoint, **{key: id}, **args)`` for many ids of one page, built once:
    ``IdLinks("review.screen", "pledge_id", **args).of(12)``. (The id is an ``int`` path part, so
    it stands alone in the URL; a placeholder id marks where.)"""

    _MARK = 987654321987

    def __init__(self, endpoint: str, key: str, **args):
        url = url_for(endpoint, **{key: self._MARK}, **args)
        mark = str(self._MARK)
        if url.count(mark) != 1:  # the arguments hold the mark: build each link in full
            self.head, self.tail, self._full = None, None, (endpoint, key, args)
        else:
            self.head, _, self.tail = url.partition(mark)
            self._full = None

    def of(self, ident: int) -> str:
        if self._full is not None:
            endpoint, key, args = self._full
            return url_for(endpoint, **{key: ident}, **args)
        return f"{self.head}{int(ident)}{self.tail}"


def memo_url_for():
    """The templates' ``url_for``: a link with no arguments (the menu, the stylesheets: a dozen a page)
    built once per app and script root instead of on every render; any other call is ``url_for``'s."""
    built: dict[tuple, str] = {}

    def url_for_(endpoint: str, **values) -> str:
        if (values and values.keys() != {"filename"}) or not has_request_context():
            return url_for(endpoint, **values)
        key = (request.script_root, endpoint, values.get("filename"))
        url = built.get(key)
        if url is None:
            url = built[key] = url_for(endpoint, **values)
        return url

    return url_for_


def _replaced(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
            .replace('"', "&#34;"))


#: markupsafe's own C loop (``_escape_inner``) would be ~0.3 µs a value cheaper, but it is a private name of
#: another package (tests/test_layers.py), so the five characters are replaced here
_esc = _replaced
#: ``_esc(text)``: ``markupsafe.escape``'s text of a ``str`` (the same five characters replaced) as a ``str``: the
#: badges, timelines and cards below escape thousands of values a scorecard, and a ``Markup`` built for each value
#: and each piece cost more than the replacing (a district's ~400 cards: 21 ms, most of it that); five ``replace``
#: calls in Python were still a sixth of a scorecard's or the reviewer's queue's CPU in a profile
escape_text = _esc  # the name the rows (tracker.web.rows) import


#: each status's badge, and each open proposal's (written once: a list writes one a row)
_STATUS_BADGES = {s: f'<span class="status status-{_esc(s.value)}">{_esc(s.label)}</span>' for s in enums.Status}
_PROPOSED_BADGES = {s: f' <span class="status status-proposed" title="待另一位评议员复核">{_esc(s.label)}·待复核</span>'
                    for s in enums.Status}


def _status_text(row) -> str:
    html = _STATUS_BADGES[row.status]
    return html + _PROPOSED_BADGES[row.proposed] if row.proposed else html


def status_html(row) -> Markup:
    """A row's status badge (and its open proposal's): the ``status`` macro of reports/_macros.html, which
    calls this. A Python function, not a macro, because a list calls it on every row and a Jinja macro
    call cost more than the badge (tests/web/test_filters.py holds the two to the same text)."""
    return Markup(_status_text(row))


def _flag_text(row) -> str:
    html = ""
    if row.status.value == "done" and row.due_on and row.status_on and row.status_on > row.due_on:
        html = '<span class="flag flag-late" title="完成日期晚于完成时限">逾期完成</span>'
    flag = row.flag
    if flag:
        days = f" · 逾期 {int(row.days_overdue)} 天" if row.days_overdue else ""
        html += f"{_FLAG_HEADS[flag]}{days}</span>"
    return html


def flag_html(row) -> Markup:
    """A row's flags (完成晚于时限; 红 / 黄 / 蓝 with its days overdue): the ``flag`` macro, as ``status_html``."""
    return Markup(_flag_text(row))


#: each flag's badge up to its days overdue (written once: a list calls ``flag_html`` on every row)
_FLAG_HEADS = {flag: f'<span class="flag flag-{escape(flag.value)}" title="{escape(flag.meaning)}">{escape(flag.label)}'
               for flag in Flag}


_TIMELINE_WORDS = {"confirmation": "复核确认「{}」\n", "withdrawal": "撤回「{}」提议\n", "proposed": "提议「{}」（待复核）\n"}
#: an event's line up to its day, and its words or badge, by kind (and new status): written once
_EVENT_HEADS = {k: f'  <li class="ev-{_esc(k.value)}"><time>' for k in enums.StatusEventKind}
_EVENT_WORDS = {(k, s): (_TIMELINE_WORDS[k.value].format(_esc(s.label)) if k.value in _TIMELINE_WORDS
                         else _STATUS_BADGES[s]) for k in enums.StatusEventKind for s in enums.Status}
_REASONS = {r: f" · 原因：{_esc(r.label)}" for r in enums.MissReason}


def _timeline_text(events) -> str:
    parts = ['<ol class="timeline">\n']
    for e in events:
        parts.append(f"{_EVENT_HEADS[e.kind]}{e.as_of_on.isoformat()}</time>\n{_EVENT_WORDS[e.kind, e.new_status]}")
        if e.achieved_value is not None:
            parts.append(f" · 完成 {_esc(number(e.achieved_value))}")
        if e.miss_reason:
            parts.append(_REASONS[e.miss_reason])
        if e.note:
            parts.append(f'<span class="sub">{_esc(e.note)}</span>')
        if e.evidence_url:
            url = _esc(e.evidence_url)
            parts.append(f'<span class="sub">佐证：<a href="{url}" rel="nofollow noopener" target="_blank">{url}</a></span>')
        if e.evidence_quote:
            parts.append(f'<span class="sub">佐证：“{_esc(e.evidence_quote)}”</span>')
        parts.append("  </li>\n")
    if len(parts) == 1:
        parts.append('<li class="muted">尚无评估</li>\n')
    parts.append("</ol>\n")
    return "".join(parts)


def timeline_html(events) -> Markup:
    """A pledge's status timeline (the ``timeline`` macro of reports/_macros.html, which calls this): a
    Python function for the reason of ``status_html``: a scorecard shows one a pledge, hundreds a page.
    ``events`` are ``StatusEvent``s or rows with their columns (``tracker.services.tables.timelines``).
    The text is the macro's as it was, whitespace included (tests/web/test_scorecard_html.py)."""
    return Markup(_timeline_text(events))


def share_pct(value) -> str:
    """A share as a whole percentage (0.456 → 46%), "" for None: the ``pct`` macro's text, without a macro
    call (the list's progress bars called it three times a row)."""
    return "" if value is None else "%.0f%%" % (value * 100)


def bar_length(share, most) -> object:
    """A progress bar's length in SVG units: the share × 100 rounded to 0.1, kept within [0, ``most``]
    (the value itself, as Jinja's ``round``, ``min`` and ``max`` filters gave it: the same text)."""
    return max(min(round(share * 100, 1), most), 0)


def _progress_text(row) -> str:
    achieved, time_share = row.achieved_share, row.time_share
    if achieved is None and time_share is None:
        return ""
    # (a bar's length is a number: its text needs no escaping; each pace's words are written once, _PACES)
    mark = ("" if time_share is None else
            f'<rect class="time" x="{bar_length(time_share, 99)}" width="1" height="8"/>')
    achieved_pct = share_pct(achieved)  # (each share formatted once: a Decimal's formatting is most of the bar)
    shown = "" if achieved is None else f"（{achieved_pct}）"
    pace = "" if not row.progress else _PACES[row.progress]
    return (
        f'<div class="pace" title="完成 {achieved_pct or "—"} / 序时 {share_pct(time_share) or "—"}">\n'
        '  <svg class="pace-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"><rect class="track" '
        f'width="100" height="8" rx="3"/><rect class="done" width="{bar_length(achieved or 0, 100)}" height="8" '
        f'rx="3"/>\n{mark}</svg>\n  <span class="sub">{_esc(row.achieved_text or "—")}{shown}{pace}</span>\n</div>\n')


def progress_html(row) -> Markup:
    """A row's pace bar (achieved against time elapsed): the ``progress`` macro of reports/_macros.html,
    which calls this; a Python function for the reason of ``status_html`` (a list and a scorecard show one
    a row). The text is the macro's as it was (tests/web/test_scorecard_html.py)."""
    return Markup(_progress_text(row))


#: each pace's words in a bar (``progress_html`` writes one a row)
_PACES = {p: f' · <strong class="pace-{escape(p.value)}">{escape(p.label)}</strong>' for p in Progress}


def scorecard_card_html(r, events, link: str) -> Markup:
    """One pledge's card on a scorecard (reports/scorecard.html writes one for each of a district's or an
    official's confirmed pledges, hundreds a page): its quote linked to ``link``, badges, target, deadline,
    unit, document, pace bar and timeline. A Python function for the reason of ``status_html``; the text is
    the template's as it was (tests/web/test_scorecard_html.py). Its parts are written as ``str`` and the
    card made ``Markup`` once (``_esc``)."""
    due = r.due_on.isoformat() if r.due_on else (r.deadline_raw or "未定")
    unit = f"<span>牵头 {_esc(r.responsible_unit)}</span>" if r.responsible_unit else ""
    return Markup(
        f'<article class="card pledge-card" id="pledge-{int(r.id)}">\n'
        f'  <header><h2><a href="{_esc(link) if type(link) is str else escape(link)}">{_esc(r.quote)}</a></h2>\n'
        f"    <p>{_status_text(r)} {_flag_text(r)}</p></header>\n"
        f'  <p class="meta"><span>目标 {_esc(r.target_text or "—")}</span><span>完成时限 {_esc(due)}</span>\n'
        f"{unit}<span>出自 {_esc(r.document_title)}</span></p>\n"
        f"  {_progress_text(r)}\n  {_timeline_text(events)}\n</article>")  # (the template's line ends it)


def scorecard_cards_html(rows, timelines: dict, pledge_link) -> Markup:
    """Every card of a scorecard (``scorecard_card_html`` of each row, its timeline from ``timelines`` and its
    link from ``pledge_link``, a ``IdLinks``), a line apart: what reports/scorecard.html's loop wrote less
    its last line end, without three Jinja calls a card (a district's 400 cards: 1,200 calls)."""
    of, get = pledge_link.of, timelines.get
    return Markup("\n".join([scorecard_card_html(r, get(r.id, ()), of(r.id)) for r in rows]))


def init_app(app) -> None:
    app.jinja_env.filters.update(local=local, number=number, label=label, quantity=quantity_text,
                            field_label=glossary.field_label, action_label=glossary.action_label,
                            audit_note=glossary.note,
                            percent=glossary.percent, unit_label=glossary.unit_label,
                            share_pct=share_pct, bar_length=bar_length)
    app.jinja_env.globals.update(FIELD_LABELS=FIELD_LABELS, ACTION_LABELS=ACTION_LABELS,
                                 STATE_CLASSES=STATE_CLASSES, HIDDEN_FIELDS=glossary.HIDDEN_FIELDS,
                                 audit_value=audit_value, url_with=url_with, PageLinks=PageLinks, ViewLinks=ViewLinks, IdLinks=IdLinks,
                                 ReviewState=enums.ReviewState, compact_lists=compact_lists,
                                 pending_total=pending_total, url_for=memo_url_for(),
                                 status_html=status_html, flag_html=flag_html,
                                 timeline_html=timeline_html, progress_html=progress_html,
                                 scorecard_card_html=scorecard_card_html,
                                 scorecard_cards_html=scorecard_cards_html)
    app.after_request(remember_list_view)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
