"""The one place input enters: every request's query string, form fields and JSON body are checked
here before any view sees them, and the JSON API's bodies against the schemas ``openapi.json``
publishes (the forms take their limits from the same schemas).

``init_app(app)`` (create_app calls it before any blueprint) adds:

* a check of every request: query-string keys and values, form fields and every string (keys
  too) of a JSON body refuse C0 control characters (NUL, BEL, ESC, CR …) and DEL, and lone
  surrogates (``\\ud800``), with a Chinese message naming the field; ``\\n`` and ``\\t`` are
  allowed in the multi-line fields only (``MULTILINE``; a browser's CRLF in a textarea becomes
  ``\\n``). A JSON body nested deeper than ``MAX_JSON_DEPTH``, or one Python's parser gives up on
  (100,000 brackets), and integers beyond 64 bits anywhere in it are refused too;
* the ``int`` URL converter bounded to the largest id (``/pledges/<int:id>`` beyond it is a 404,
  never a database error);
* 400 answers for ``BadInput`` (JSON ``{"error", "field"}`` under /api/, else the error page),
  and 413 with a Chinese message for a body larger than ``MAX_CONTENT_LENGTH``.

Routes use ``json_body(schema)`` for a JSON body checked against ``openapi.json``'s
``components.schemas[schema]`` (jsonschema, Draft 2020-12: a ``true`` is no integer, 1,000
quantities are more than ``maxItems``), ``int_arg(name)`` for an id or cursor in the query
string, and ``check_text(value, field)`` for text reaching them another way. A route with a
multi-line field of its own adds the field's name with ``multiline(name)``.
"""
from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Any

from flask import Flask, current_app, jsonify, render_template, request
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from markupsafe import escape
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.routing import IntegerConverter

#: The largest integer a query string, a URL or a JSON body may carry (a signed 64-bit integer).
INT_MAX = 2**63 - 1
#: The largest id the database holds (ids are INTEGER: 32 bits on PostgreSQL).
ID_MAX = 2**31 - 1
MAX_JSON_DEPTH = 32
#: Request bodies larger than this are refused (413) before they are read: forms and JSON bodies are small.
MAX_CONTENT_LENGTH = 1 * 2**20
#: Fields where ``\n`` and ``\t`` are allowed (textareas; JSON keys of the same meaning).
MULTILINE: set[str] = {"reject_reason", "reason", "note", "evidence_quote"}

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # \t (09) and \n (0a) allowed
_CONTROL_SINGLE = re.compile(r"[\x00-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_NAMES = {0: "NUL", 7: "BEL", 8: "BS", 9: "TAB", 10: "换行", 13: "CR", 27: "ESC", 127: "DEL"}


TOO_LARGE_PAGE = ('<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>413 请求体过大</title>'
                  '<link rel="stylesheet" href="/static/app.css"></head><body><main><h1>413</h1><p>{message}</p>'
                  '<p><a href="/">返回首页</a></p></main></body></html>\n')


class BadInput(ValueError):
    """Input refused before it reaches a view or a service; the message is Chinese and names the field."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def multiline(*names: str) -> None:
    """Allow ``\\n`` and ``\\t`` in these fields (a route's textarea, a JSON key of the same meaning)."""
    MULTILINE.update(names)


def text_problem(value: str, *, multiline: bool = False) -> str | None:
    """What is wrong with ``value`` as text a person typed, or None."""
    bad = (_CONTROL_MULTILINE if multiline else _CONTROL_SINGLE).search(value)
    if bad:
        code = ord(bad.group())
        name = _NAMES.get(code, "控制字符")
        return f"含不允许的控制字符 U+{code:04X}（{name}），请删去后重试"
    bad = _SURROGATE.search(value)
    if bad:
        return f"含无效的 Unicode 代理字符 U+{ord(bad.group()):04X}（不成对），请删去后重试"
    return None


def check_text(value: Any, field: str | None, *, multiline: bool | None = None) -> None:
    """Raise BadInput when ``value`` (a string) holds a control character or a lone surrogate."""
    if not isinstance(value, str):
        return
    if multiline is None:
        multiline = field in MULTILINE
    problem = text_problem(value, multiline=multiline)
    if problem:
        raise BadInput(f"{field_label(field)}{problem}", field)


def field_label(field: str | None) -> str:
    if not field:
        return ""
    label = LABELS.get(field)
    return f"{label}（{field}）" if label else f"{field} "


LABELS = {"district": "区县", "official": "官员", "responsible_unit": "牵头单位", "action": "动作", "object": "对象",
          "qualifier": "限定词", "deadline_raw": "时限原文", "due_on": "截止日期", "deadline_precision": "时限精度",
          "quantities": "数量", "version": "版本号", "reason": "驳回理由", "reject_reason": "驳回理由",
          "duplicate": "重复条目编号", "start": "选区起点", "end": "选区终点", "changes": "修改", "after": "翻页游标",
          "note": "进展说明", "evidence_quote": "佐证引文", "next": "跳转地址", "q": "搜索词"}


def int_arg(name: str, *, minimum: int = 0, maximum: int = INT_MAX) -> int | None:
    """The integer ``?name=`` (None when absent or blank); BadInput when it is no integer in range."""
    raw = (request.args.get(name) or "").strip()
    if not raw:
        return None
    if not re.fullmatch(r"[+-]?\d{1,20}", raw):
        raise BadInput(f"{field_label(name)}须为整数", name)
    value = int(raw)
    if not minimum <= value <= maximum:
        raise BadInput(f"{field_label(name)}须在 {minimum} 到 {maximum} 之间", name)
    return value


# --- the request check -------------------------------------------------------------------------


def _json_problem(value: Any) -> None:
    """Walk a parsed JSON body (without recursion): depth, text, integers."""
    stack: list[tuple[Any, str | None, int]] = [(value, None, 1)]
    while stack:
        node, field, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise BadInput(f"JSON 嵌套过深（最多 {MAX_JSON_DEPTH} 层）")
        if isinstance(node, dict):
            for key, item in node.items():
                check_text(key, field)
                stack.append((item, key if isinstance(key, str) else field, depth + 1))
        elif isinstance(node, list):
            stack.extend((item, field, depth + 1) for item in node)
        elif isinstance(node, str):
            check_text(node, field)
        elif isinstance(node, int) and not isinstance(node, bool) and not -INT_MAX - 1 <= node <= INT_MAX:
            raise BadInput(f"{field_label(field)}数值超出范围（须在 64 位整数之内）", field)


def check_request() -> None:
    """Every request, before its view: query string, form fields, JSON body."""
    for key, value in request.args.items(multi=True):
        check_text(key, None, multiline=False)
        check_text(value, key, multiline=False)
    if request.method in ("POST", "PUT", "PATCH", "DELETE"):
        if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = request.form
            changed = False
            items = []
            for key, value in form.items(multi=True):
                check_text(key, None, multiline=False)
                if key in MULTILINE or key.rsplit("-", 1)[-1] in MULTILINE:
                    if "\r" in value:  # a browser sends a textarea's line ends as CRLF: kept as \n
                        value, changed = value.replace("\r\n", "\n"), True
                    check_text(value, key, multiline=True)
                else:
                    check_text(value, key, multiline=False)
                items.append((key, value))
            if changed:
                request.form = ImmutableMultiDict(items)  # what every view and form reads from now on
        elif request.is_json:
            try:
                body = request.get_json(silent=True)
            except RecursionError:
                raise BadInput(f"JSON 嵌套过深（最多 {MAX_JSON_DEPTH} 层）") from None
            if body is not None:
                _json_problem(body)


def _answer(message: str, field: str | None, status: int):
    if request.path.startswith("/api/"):
        payload = {"error": message}
        if field:
            payload["field"] = field
        return jsonify(payload), status
    return render_template("error.html", code=status, message=message), status


class BoundedInt(IntegerConverter):
    """``<int:…>`` (every one is an id) that matches no more than the largest id the database holds:
    a larger number is a 404, not a database error (PostgreSQL refuses it for an INTEGER column)."""

    def __init__(self, map, fixed_digits: int = 0, min: int | None = None, max: int | None = ID_MAX,
                 signed: bool = False) -> None:
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=ID_MAX if max is None else max,
                         signed=signed)


def init_app(app: Flask) -> None:
    app.url_map.converters["int"] = BoundedInt
    if app.config.get("MAX_CONTENT_LENGTH") is None:  # Flask's default is None: no bound at all
        app.config["MAX_CONTENT_LENGTH"] = MAX_CONTENT_LENGTH
    app.before_request(check_request)

    @app.errorhandler(BadInput)
    def bad_input(exc: BadInput):
        return _answer(str(exc), exc.field, 400)

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(exc):
        limit = current_app.config.get("MAX_CONTENT_LENGTH") or MAX_CONTENT_LENGTH
        message = f"请求体过大（最多 {limit // 1024:,} KB），没有保存"
        if request.path.startswith("/api/"):
            return jsonify(error=message), 413
        # a page of its own: the site's templates read the form (its CSRF token), which is the body refused
        return TOO_LARGE_PAGE.format(message=escape(message)), 413, {"Content-Type": "text/html; charset=utf-8"}


# --- the API's schemas --------------------------------------------------------------------------


@functools.cache
def openapi() -> dict:
    return json.loads(resources.files("tracker.web").joinpath("openapi.json").read_text(encoding="utf-8"))


@functools.cache
def _validator(name: str):
    document = openapi()
    root = Resource(contents=document, specification=DRAFT202012)
    registry = Registry().with_resource(uri="urn:openapi", resource=root)
    schema = {"$ref": f"urn:openapi#/components/schemas/{name}"}
    return Draft202012Validator(schema, registry=registry)


def schema(name: str) -> dict:
    """``components.schemas[name]`` of openapi.json."""
    return openapi()["components"]["schemas"][name]


_TYPES = {"integer": "整数", "string": "字符串", "array": "数组", "object": "对象", "null": "空（null）",
          "boolean": "true 或 false", "number": "数字"}
_QUANTITY_PARTS = {"value": "数值", "value_max": "上限", "unit": "单位", "raw": "原文", "role": "角色"}


def _label_of(path: list) -> tuple[str, str | None]:
    """A Chinese label for the place ``path`` points at, and the field to name in the answer."""
    keys = list(path)
    if keys and keys[0] == "changes":
        keys = keys[1:]
        if not keys:
            return "修改（changes）", "changes"
    if not keys:
        return "请求体", None
    field = str(keys[0])
    if field == "quantities" and len(keys) >= 2 and isinstance(keys[1], int):
        label = f"第 {keys[1] + 1} 个数量"
        if len(keys) >= 3:
            label += f"的{_QUANTITY_PARTS.get(str(keys[2]), str(keys[2]))}"
        return label, field
    return field_label(field).rstrip(), field


def schema_message(error) -> tuple[str, str | None]:
    """A jsonschema ValidationError as a Chinese sentence and the field it concerns."""
    label, field = _label_of(list(error.absolute_path))
    kind, value, sub = error.validator, error.validator_value, error.schema
    if kind == "type":
        wanted = value if isinstance(value, list) else [value]
        text = "或".join(_TYPES.get(t, t) for t in wanted if t != "null")
        if sub.get("format") == "date":
            text = "YYYY-MM-DD 格式的日期"
        if label.endswith(("数值", "上限")):
            return f"{label}不是数字字符串：须写成字符串，如 \"3\" 或 \"12.5\"", field
        return f"{label} 须为{text}", field
    if kind == "maxLength":
        if label.endswith("单位"):
            return f"{label}过长（最多 {value} 个字符）", field
        return f"{label} 最多 {value} 个字符", field
    if kind == "minLength":
        return f"{label} 不能为空", field
    if kind == "maxItems":
        return f"{label} 最多 {value} 项", field
    if kind in ("minimum", "maximum"):
        low, high = sub.get("minimum"), sub.get("maximum")
        return f"{label} 须在 {low if low is not None else '…'} 到 {high if high is not None else '…'} 之间", field
    if kind == "required":
        missing = next((name for name in value if name not in (error.instance or {})), value[0])
        return f"缺少{field_label(missing).rstrip()}", missing
    if kind == "additionalProperties":
        allowed = ", ".join(sub.get("properties", {}))
        extra = ", ".join(sorted(set(error.instance) - set(sub.get("properties", {}))))
        return f"{label} 不能含 {extra}；只能含 {allowed}", field
    if kind == "enum":
        return f"{label} 须为 {'、'.join(str(v) for v in value if v not in (None, ''))} 之一", field
    if kind == "pattern":
        return f"{label} 格式不对" + ("，须为 YYYY-MM-DD" if sub.get("format") == "date" else ""), field
    return f"{label}：{error.message}", field


def json_body(name: str) -> dict:
    """The request's JSON body, an object valid under ``components.schemas[name]``; BadInput otherwise."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise BadInput("请求体须为 JSON 对象")
    error = best_match(_validator(name).iter_errors(body))
    if error is not None:
        raise BadInput(*schema_message(error))
    return body


def change_limits() -> dict[str, int]:
    """The limits of a pledge's fields as openapi.json states them (the forms use these):
    ``{field: maxLength}``, ``quantities`` (most rows), ``quantity_value``, ``quantity_unit``."""
    changes = schema("PledgeChanges")["properties"]
    out = {name: spec["maxLength"] for name, spec in changes.items() if "maxLength" in spec}
    quantity = schema("QuantityInput")["properties"]
    out["quantities"] = changes["quantities"]["maxItems"]
    out["quantity_value"] = quantity["value"]["maxLength"]
    out["quantity_unit"] = quantity["unit"]["maxLength"]
    return out


__all__ = ["BadInput", "ID_MAX", "INT_MAX", "MAX_CONTENT_LENGTH", "MULTILINE", "change_limits", "check_text",
           "init_app", "int_arg", "json_body", "multiline", "schema", "schema_message", "text_problem"]
