"""Jinja filters and globals: Chinese labels, dates in Asia/Shanghai, exact numbers."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from urllib.parse import quote_plus, urlencode
from zoneinfo import ZoneInfo

from flask import request, url_for

from tracker.db import enums

SHANGHAI = ZoneInfo("Asia/Shanghai")

FIELD_LABELS = {
    "district": "区县", "district_id": "区县编号", "official": "官员", "official_id": "官员编号",
    "responsible_unit": "牵头单位", "action": "动作", "object": "对象", "qualifier": "限定词",
    "deadline_raw": "时限原文", "due_on": "截止日期", "deadline_precision": "时限精度", "quantities": "数量",
    "review_state": "审核状态", "is_corrected": "经修改", "reject_reason": "驳回理由", "version": "版本",
    "merged": "并入条目", "merged_into_id": "合并到", "document_id": "文档", "start": "起", "end": "止",
    "quote": "原文", "role": "角色", "is_active": "启用", "name": "用户名",
}
ACTION_LABELS = {
    "confirm": "确认", "correct": "修改后确认", "reject": "驳回", "undo": "撤销", "add": "人工添加",
    "merge": "合并重复", "merged_into": "被合并", "create": "创建", "set_role": "改角色", "ingest": "入库",
    "reextract": "重新抽取", "retract": "撤回",
}
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


def label(value) -> str:
    if isinstance(value, enums.Labelled):
        return value.label
    return "" if value is None else str(value)


def quantity_text(q) -> str:
    """One quantity as read: 3 所, 3–5 年. Works on rows, on audit dicts and on the
    ``[value, unit, raw]`` lists early re-extractions recorded."""
    if isinstance(q, (list, tuple)):
        q = dict(zip(("value", "unit", "raw"), q))
    get = (lambda k: q.get(k)) if isinstance(q, dict) else (lambda k: getattr(q, k))
    value, vmax, unit = get("value"), get("value_max"), get("unit")
    text = number(value) if not isinstance(value, str) else value
    if vmax not in (None, ""):
        text += "–" + (number(vmax) if not isinstance(vmax, str) else vmax)
    return f"{text} {unit or ''}".strip()


def audit_value(key: str, value) -> str:
    """An audit trail value as a person reads it."""
    if value is None or value == "":
        return "（空）"
    if key == "quantities" and isinstance(value, list):
        shown = [quantity_text(q) for q in value]
        return "；".join(t for t in shown if t) or "（无）"
    if isinstance(value, bool):
        return "是" if value else "否"
    for enum_cls in (enums.ReviewState, enums.Precision, enums.UserRole, enums.Status):
        try:
            return enum_cls(value).label
        except ValueError:
            continue
    return str(value)


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


#: the characters a query value keeps unescaped, as ``url_for`` (werkzeug) writes them
_SAFE = "!$'()*,/:;?@"


class ViewLinks:
    """The links of one list page that change one argument of its view: ``links.with_("district", 3)``
    gives what ``url_for(endpoint, **f.query(district=3, after=None))`` does, character for character,
    but the other arguments are encoded once per page (not three times a row: a list of 50 rows spent
    more time in ``url_for`` than in everything else it renders)."""

    def __init__(self, endpoint: str, args: dict):
        self.base = url_for(endpoint)
        self.args = {k: v for k, v in args.items() if v is not None and k != "after"}
        self._parts: dict[str, tuple[str, str]] = {}

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
        return f"{head}{quote_plus(str(value), safe=_SAFE)}{tail}"


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


def init_app(app) -> None:
    app.jinja_env.filters.update(local=local, number=number, label=label, quantity=quantity_text)
    app.jinja_env.globals.update(FIELD_LABELS=FIELD_LABELS, ACTION_LABELS=ACTION_LABELS,
                                 STATE_CLASSES=STATE_CLASSES, audit_value=audit_value, url_with=url_with, ViewLinks=ViewLinks, IdLinks=IdLinks,
                                 ReviewState=enums.ReviewState)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
