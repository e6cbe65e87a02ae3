"""Jinja filters and globals: Chinese labels, dates in Asia/Shanghai, exact numbers."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from flask import request

from tracker import glossary
from tracker.db import enums

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


LIST_VIEW_COOKIE = "list_view"
LIST_VIEWS = ("compact", "full")
COMPACT_ROLES = ("editor", "reviewer", "admin")


def compact_lists() -> bool:
    """Lists one line a row (紧凑) or with their second lines (详细): ``?view=`` chooses and is
    remembered in a cookie; by default compact for editors and reviewers, who work through many."""
    from flask_login import current_user

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
    from tracker.services import workbench
    from tracker.web.db import get_session

    return workbench.queue_count(get_session(), workbench.QueueFilter())


def init_app(app) -> None:
    app.jinja_env.filters.update(local=local, number=number, label=label, quantity=quantity_text,
                            field_label=glossary.field_label, action_label=glossary.action_label,
                            audit_note=glossary.note,
                            percent=glossary.percent, unit_label=glossary.unit_label)
    app.jinja_env.globals.update(FIELD_LABELS=FIELD_LABELS, ACTION_LABELS=ACTION_LABELS,
                                 STATE_CLASSES=STATE_CLASSES, HIDDEN_FIELDS=glossary.HIDDEN_FIELDS,
                                 audit_value=audit_value, url_with=url_with,
                                 ReviewState=enums.ReviewState, compact_lists=compact_lists,
                                 pending_total=pending_total)
    app.after_request(remember_list_view)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
