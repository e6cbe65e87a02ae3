"""One vocabulary: the Chinese word a person reads for every code the program keeps.

Every event (audit action), field, enumeration value and unit code shown to a person is
labelled here, once; templates (the ``label`` / ``field_label`` / ``action_label`` Jinja
filters), forms, exports and the command line read it from this module. The enumerations'
own labels stay beside them in ``tracker.db.enums.LABELS`` (one mapping, as the guide wants)
and are reached through ``label``.

The words chosen, one per concept (used everywhere, never a synonym):

======================  ==============================================================
状态                    how far a pledge is (已完成 / 部分完成 / 未完成 / 推进中 …)
进展情况                the reviewer's written account of that (the 台账 column)
审核状态                the editor's check of the machine's reading (待核实 / 已确认 / 已驳回)
责任领导                the official a pledge is credited to (never 官员)
牵头单位                the responsible unit
完成时限                the date a pledge is due (never 截止日期); 时限原文 the words
评议员                  the role that rates status; what they do is 评估, the second
                        reviewer's check of a 未完成 is 复核
编辑                    the role that checks the machine's reading (审核)
======================  ==============================================================

This module imports nothing heavy (only the enumerations), so the command line and the
exports read it without loading Flask or SQLAlchemy.
"""
from __future__ import annotations

import enum
import re
from decimal import Decimal, InvalidOperation

from tracker.db import enums

#: field code (pledge, status, account, document, export) → label
FIELDS: dict[str, str] = {
    "district": "区县", "district_id": "区县", "official": "责任领导", "official_id": "责任领导",
    "responsible_unit": "牵头单位", "action": "动作", "object": "对象", "qualifier": "限定词",
    "deadline_raw": "时限原文", "due_on": "完成时限", "deadline_precision": "时限精度", "quantities": "数量",
    "review_state": "审核状态", "is_corrected": "经修改", "reject_reason": "驳回理由", "version": "版本",
    "merged": "并入条目", "merged_into_id": "合并到", "document_id": "文档", "start": "起", "end": "止",
    "quote": "原文", "role": "角色", "is_active": "启用", "name": "用户名", "candidate_id": "抽取结果",
    "status": "状态", "status_on": "评估日期", "achieved": "完成值", "miss_reason": "未完成原因",
    "miss_note": "未完成说明", "note": "说明", "evidence_url": "佐证链接", "evidence_quote": "佐证原文",
    "evidence_document_id": "佐证文档", "kind": "类别", "as_of_on": "评估日期", "password": "密码",
    "candidates": "抽取结果数", "refreshed": "更新", "added": "新增", "retracted": "撤回", "kept": "保留",
    "disagreements": "分歧", "proposed_status": "提议的状态",
    "suggestion": "后续建议", "evidence_document": "佐证文档", "achieved_value": "完成值", "file": "附件",
    "pledge_id": "承诺", "state": "处理状态", "status_event_id": "状态记录", "email": "电子邮箱",
    "has_webhook": "群机器人", "webhook_kind": "机器人类型",
}

#: export column key → the header a person reads in CSV, XLSX and JSON (the public column contract:
#: ``tracker.services.exports.COLUMNS`` takes each column's label from here; new keys only at the end)
COLUMN_LABELS: dict[str, str] = {
    "id": "编号", "quote": "承诺原文", "district": "区县", "official": "责任领导", "responsible_unit": "牵头单位",
    "action": "动作", "object": "对象", "target_value": "目标值", "target_unit": "单位", "achieved_value": "完成值",
    "achieved_share": "完成比例", "time_share": "序时进度", "progress": "进度", "deadline_raw": "时限原文",
    "due_on": "完成时限", "status": "状态", "status_on": "评估日期", "proposed": "待复核", "miss_reason": "未完成原因",
    "note": "进展说明", "evidence": "佐证", "flag": "标记", "days_overdue": "逾期天数", "review_state": "审核状态",
    "document_id": "文档编号", "document_title": "来源文档", "published_on": "发布日期", "reminders": "催办次数",
}

#: audit action code → label (what happened, as the history reads it)
ACTIONS: dict[str, str] = {
    "confirm": "确认", "correct": "修改后确认", "reject": "驳回", "undo": "撤销", "add": "人工添加",
    "merge": "合并重复", "merged_into": "被合并", "create": "创建账号", "set_role": "改角色",
    "set_password": "改密码", "set_active": "启用/停用", "ingest": "入库", "reextract": "重新抽取",
    "retract": "抽取器撤回", "refresh": "抽取器更新", "set_status": "状态变更", "propose_status": "提议",
    "confirm_status": "复核确认", "withdraw_status": "撤回提议",
    "accept_suggestion": "采纳后续文档的建议", "dismiss_suggestion": "否决后续文档的建议",
    "submit": "报送进展", "accept": "采纳报送", "return": "退回报送", "update": "修改",
}

#: the field keys a history shows no row for (bookkeeping, or shown by name beside)
HIDDEN_FIELDS = frozenset({"version", "district_id", "official_id"})

#: unit codes the extractor stores for a unit-less share (一半, 两成): shown as a percentage
RATIO_UNITS = frozenset({"ratio"})

#: which enumeration a field's stored value belongs to
FIELD_ENUMS: dict[str, type] = {
    "status": enums.Status, "proposed_status": enums.Status, "review_state": enums.ReviewState, "deadline_precision": enums.Precision,
    "miss_reason": enums.MissReason, "role": enums.UserRole, "kind": enums.StatusEventKind,
    "origin": enums.PledgeOrigin, "state": enums.ReportState, "webhook_kind": enums.WebhookKind,
}


def label(value) -> str:
    """The Chinese label of an enumeration member (any with a ``label``); other values as text, None empty."""
    if value is None:
        return ""
    if isinstance(value, enums.Labelled):
        return value.label
    if isinstance(value, enum.Enum) and hasattr(value, "label"):
        return value.label
    return str(value)


def field_label(key: str) -> str:
    return FIELDS.get(key, key)


def action_label(action: str) -> str:
    return ACTIONS.get(action, action)


def _number(value) -> str:
    if isinstance(value, Decimal):
        return format(value.normalize() if value == value.to_integral_value() else value, "f")
    return str(value)


def percent(value) -> str:
    """A share as a percentage: 0.5 → 50%, 0.125 → 12.5%."""
    try:
        share = Decimal(str(value)) * 100
    except InvalidOperation:
        return str(value)
    share = share.quantize(Decimal(1)) if share == share.to_integral_value() else share.normalize()
    return f"{format(share, 'f')}%"


def quantity_text(value, unit, value_max=None) -> str:
    """One quantity as a person reads it: 3 所, 3–5 年, 一半 → 50%."""
    if value is None or value == "":
        return (unit or "").strip() if unit not in RATIO_UNITS else ""
    if unit in RATIO_UNITS:
        text = percent(value)
        return text + ("–" + percent(value_max) if value_max not in (None, "") else "")
    text = _number(value)
    if value_max not in (None, ""):
        text += "–" + _number(value_max)
    return f"{text} {unit or ''}".strip()


def unit_label(unit: str | None) -> str:
    """A unit as a column shows it beside a value already written as a percentage."""
    if unit in RATIO_UNITS:
        return "%"
    return unit or ""


def quantity(q) -> str:
    """``quantity_text`` of a row, an audit dict, or the ``[value, unit, raw]`` list early re-extractions recorded."""
    if isinstance(q, (list, tuple)):
        q = dict(zip(("value", "unit", "raw"), q))
    get = (lambda k: q.get(k)) if isinstance(q, dict) else (lambda k: getattr(q, k, None))
    return quantity_text(get("value"), get("unit"), get("value_max"))


def value(key: str, value) -> str:
    """An audit trail value as a person reads it: enumeration values by their label, lists joined."""
    if value is None or value == "":
        return "（空）"
    if key == "quantities" and isinstance(value, list):
        return "；".join(t for t in (quantity(q) for q in value) if t) or "（无）"
    if isinstance(value, list):
        return "；".join(globals()["value"](key, v) for v in value) or "（无）"
    if isinstance(value, bool):
        return "是" if value else "否"
    cls = FIELD_ENUMS.get(key)
    if cls is not None:
        try:
            return cls(value).label
        except ValueError:
            pass
    if isinstance(value, dict):
        return "；".join(f"{field_label(k)}：{globals()['value'](k, v)}" for k, v in value.items())
    return str(value)


def note(text: str | None) -> str:
    """An audit note as a person reads it: undo notes written before this glossary named the action
    by its code (撤销 reject（记录 #13）); they read 撤销驳回（记录 #13） now."""
    if not text:
        return ""
    return re.sub(r"^撤销 ([a-z_]+)（", lambda m: f"撤销{action_label(m.group(1))}（", text)


def code_names() -> frozenset[str]:
    """Every code a person must never read: enumeration values, field keys, audit actions and unit
    codes (used by the tests that render every page and export)."""
    from tracker.services.schedule import Flag, Progress  # services import the glossary: a real cycle

    codes = {m.value for cls in (*FIELD_ENUMS.values(), enums.DistrictLevel, enums.DocumentFormat,
                                 enums.DateSource, enums.QuantityRole, Flag, Progress) for m in cls}
    codes |= set(FIELDS) | set(ACTIONS) | RATIO_UNITS
    return frozenset(codes)
