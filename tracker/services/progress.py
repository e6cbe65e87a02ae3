"""Responsible units (牵头单位) as accounts, and the progress they report.

A ``unit`` names a responsible unit exactly as pledges write it (``pledge.responsible_unit``);
its accounts (role ``unit``) may report progress on the confirmed pledges it leads, and on no
other: a note, a figure (the achieved amount of the primary quantity), evidence (a link or a
quote) and one attached file. A report changes no status. A reviewer accepts it, which records
a status through ``tracker.services.status.set_status`` (every rule of that service holds), or
returns it with a reason. Flush, never commit.

Attached files are checked here (size bound, type read from the bytes themselves and matched to
the name's suffix) and kept under a folder by their sha256, never by the name given.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.db.enums import ReportState, ReviewState, Status, UserRole, WebhookKind
from tracker.db.models import Pledge, ProgressReport, Unit, User
from tracker.db.types import DECIMAL_PRECISION, DECIMAL_SCALE, canonical_decimal, utcnow
from tracker.services import audit, status as status_service, users
from tracker.services.errors import NotAllowed, ServiceError

UNIT_NAME_MAX = 200
NOTE_MAX = 4000
MAX_FILE_BYTES = 10 * 1024 * 1024  # the default; the web app's UPLOAD_MAX_BYTES may lower it
EMAIL = re.compile(r"[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+")

#: suffix → (media type, a test on the first bytes, Chinese name)
FILE_TYPES: dict[str, tuple[str, object, str]] = {
    ".pdf": ("application/pdf", lambda b: b.startswith(b"%PDF-"), "PDF"),
    ".png": ("image/png", lambda b: b.startswith(b"\x89PNG\r\n\x1a\n"), "PNG 图片"),
    ".jpg": ("image/jpeg", lambda b: b.startswith(b"\xff\xd8\xff"), "JPEG 图片"),
    ".jpeg": ("image/jpeg", lambda b: b.startswith(b"\xff\xd8\xff"), "JPEG 图片"),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              lambda b: b.startswith(b"PK\x03\x04"), "Word 文档"),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              lambda b: b.startswith(b"PK\x03\x04"), "Excel 表格"),
}
ALLOWED_NAMES = "、".join(dict.fromkeys(v[2] for v in FILE_TYPES.values()))


# --- units -------------------------------------------------------------------------------


def find_unit(session: Session, name: str) -> Unit | None:
    return session.scalar(sa.select(Unit).where(Unit.name == (name or "").strip()))


def _clean_emails(text: str | None) -> str | None:
    parts = [p.strip() for p in re.split(r"[,，;；\s]+", text or "") if p.strip()]
    for p in parts:
        if not EMAIL.fullmatch(p):
            raise ServiceError(f"「{p}」不是有效的电子邮件地址")
    return ", ".join(parts) or None


def save_unit(session: Session, name: str, *, email: str | None = None, webhook_url: str | None = None,
              webhook_kind: WebhookKind | str | None = None, webhook_secret: str | None = None,
              by: User | None = None) -> Unit:
    """Create the unit ``name`` or update its contacts (a None leaves a field as it is)."""
    name = (name or "").strip()
    if not name or len(name) > UNIT_NAME_MAX:
        raise ServiceError(f"单位名称须为 1–{UNIT_NAME_MAX} 个字符")
    unit = find_unit(session, name)
    created = unit is None
    if created:
        unit = Unit(name=name)
        session.add(unit)
    if email is not None:
        unit.email = _clean_emails(email)
    if webhook_url is not None:
        url = webhook_url.strip()
        if url and not re.match(r"https?://[^\s]+$", url):
            raise ServiceError("群机器人地址须以 http:// 或 https:// 开头")
        unit.webhook_url = url or None
    if webhook_kind is not None:
        try:
            unit.webhook_kind = WebhookKind(webhook_kind) if webhook_kind else None
        except ValueError:
            raise ServiceError(f"未知的群机器人类型「{webhook_kind}」，可选：{'、'.join(k.value for k in WebhookKind)}") \
                from None
    if webhook_secret is not None:
        unit.webhook_secret = webhook_secret.strip() or None
    if unit.webhook_url and unit.webhook_kind is None:
        unit.webhook_kind = WebhookKind.JSON
    session.flush()
    audit.record(session, entity="unit", entity_id=unit.id, action="create" if created else "update", user=by,
                 actor=None if by else "tracker",
                 new={"name": unit.name, "email": unit.email, "webhook_kind": unit.webhook_kind,
                      "has_webhook": bool(unit.webhook_url)})
    return unit


def create_unit_user(session: Session, name: str, password: str, unit_name: str, *, email: str | None = None,
                     by: User | None = None) -> User:
    """An account of role ``unit`` for the unit ``unit_name`` (which must exist)."""
    unit = find_unit(session, unit_name)
    if unit is None:
        raise ServiceError(f"没有名为「{unit_name}」的牵头单位，请先添加（tracker unit add）")
    return users.create_user(session, name, password, UserRole.UNIT, by=by, unit_id=unit.id,
                             email=_clean_emails(email))


def unit_of(user: User | None) -> Unit:
    """The unit of an active unit account, else ``NotAllowed``."""
    if user is None or not user.is_active or user.role is not UserRole.UNIT or user.unit is None:
        raise NotAllowed("只有责任单位的账户可以报送进展")
    return user.unit


def unit_pledges(unit: Unit):
    """The SELECT of the pledges the unit leads: confirmed, not merged away, its exact name."""
    return (sa.select(Pledge).where(Pledge.responsible_unit == unit.name,
                                    Pledge.review_state == ReviewState.CONFIRMED,
                                    Pledge.merged_into_id.is_(None)))


def is_units_pledge(unit: Unit, pledge: Pledge) -> bool:
    return (pledge.responsible_unit or "").strip() == unit.name and pledge.review_state is ReviewState.CONFIRMED \
        and pledge.merged_into_id is None


def own_pledge(session: Session, user: User, pledge_id: int) -> Pledge:
    """The pledge, when the user's unit leads it; else ``NotAllowed`` (the same answer for a
    pledge that does not exist, so a unit learns nothing about others')."""
    unit = unit_of(user)
    pledge = session.get(Pledge, pledge_id)
    if pledge is None or not is_units_pledge(unit, pledge):
        raise NotAllowed("这条承诺不由本单位牵头")
    return pledge


# --- files -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Upload:
    name: str  # as the browser gave it
    data: bytes


def clean_file_name(name: str) -> str:
    """The name to show and to offer on download: its last path part, no control characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(ch for ch in base if ch >= " " and ch != "\x7f").strip().strip(".")
    return base[-UNIT_NAME_MAX:] or "附件"


def check_file(upload: Upload, limit: int = MAX_FILE_BYTES) -> tuple[str, str]:
    """(clean name, media type) of an acceptable file, else ``ServiceError`` saying why."""
    name = clean_file_name(upload.name)
    if not upload.data:
        raise ServiceError("附件是空文件")
    if len(upload.data) > limit:
        raise ServiceError(f"附件过大（{len(upload.data) / 1048576:.1f} MB），最大 {limit / 1048576:.0f} MB")
    suffix = os.path.splitext(name)[1].lower()
    kind = FILE_TYPES.get(suffix)
    if kind is None:
        raise ServiceError(f"附件类型「{suffix or '无后缀'}」不受支持，可选：{ALLOWED_NAMES}")
    media_type, sniff, label = kind
    if not sniff(upload.data[:16]):
        raise ServiceError(f"附件「{name}」的内容不是{label}，与后缀不符")
    return name, media_type


def file_path(folder: str | Path, sha256: str) -> Path:
    if not re.fullmatch(r"[0-9a-f]{64}", sha256 or ""):
        raise ServiceError("附件编号无效")
    return Path(folder) / sha256[:2] / sha256


def store_file(folder: str | Path, data: bytes) -> str:
    """Keep ``data`` under ``folder`` by its sha256 (written whole, then renamed); returns the sha256."""
    digest = hashlib.sha256(data).hexdigest()
    path = file_path(folder, digest)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.part")
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    return digest


# --- reports -----------------------------------------------------------------------------


def _achieved(text) -> Decimal | None:
    if text is None or not str(text).strip():
        return None
    raw = str(text).strip().replace(",", "").replace("，", "")
    try:
        number = Decimal(raw)
    except InvalidOperation:
        raise ServiceError("完成值不是有效的数字") from None
    if not number.is_finite():
        raise ServiceError("完成值不是有效的数字")
    if number < 0:
        raise ServiceError("完成值不能为负数")
    if number >= status_service.ACHIEVED_LIMIT or number.as_tuple().exponent < -DECIMAL_SCALE:
        raise ServiceError(f"完成值超出范围（最多 {DECIMAL_PRECISION - DECIMAL_SCALE} 位整数、{DECIMAL_SCALE} 位小数）")
    return canonical_decimal(number)


def submit_report(session: Session, user: User, pledge_id: int, *, as_of_on: dt.date, note: str,
                  achieved_value=None, evidence_url: str | None = None, evidence_text: str | None = None,
                  upload: Upload | None = None, folder: str | Path | None = None,
                  max_bytes: int = MAX_FILE_BYTES, today: dt.date | None = None) -> ProgressReport:
    """A unit's progress report on one of its pledges, awaiting a reviewer."""
    pledge = own_pledge(session, user, pledge_id)
    note = (note or "").strip()
    if not note:
        raise ServiceError("请填写进展说明")
    if len(note) > NOTE_MAX:
        raise ServiceError(f"进展说明最多 {NOTE_MAX} 个字符")
    if as_of_on > (today or dt.date.today()):
        raise ServiceError("报送的截至日期不能晚于今天")
    value = _achieved(achieved_value)
    if value is not None and not pledge.quantities:
        raise ServiceError("这条承诺没有数量，无法填写完成值")
    url = (evidence_url or "").strip() or None
    if url and (len(url) > 2000 or not re.match(r"https?://\S+$", url)):
        raise ServiceError("佐证链接须为以 http:// 或 https:// 开头的完整网址")
    report = ProgressReport(pledge_id=pledge.id, unit_id=user.unit_id, user_id=user.id, as_of_on=as_of_on, note=note,
                            achieved_value=value, evidence_url=url,
                            evidence_text=(evidence_text or "").strip()[:NOTE_MAX] or None)
    if upload is not None and (upload.name or upload.data):
        if folder is None:
            raise ServiceError("未配置附件目录，无法保存附件")
        name, media_type = check_file(upload, max_bytes)
        report.file_name, report.file_type, report.file_size = name, media_type, len(upload.data)
        report.file_sha256 = store_file(folder, upload.data)
    session.add(report)
    session.flush()
    audit.record(session, entity="progress_report", entity_id=report.id, action="submit", user=user,
                 new={"pledge_id": pledge.id, "as_of_on": as_of_on, "achieved_value": value,
                      "file": report.file_name})
    return report


def _open_report(session: Session, report_id: int, user: User) -> ProgressReport:
    status_service.require_reviewer(user)
    report = session.get(ProgressReport, report_id)
    if report is None:
        raise ServiceError(f"没有编号为 {report_id} 的进展报送")
    if report.state is not ReportState.SUBMITTED:
        raise ServiceError(f"这份报送{report.state.label}，不能再处理")
    return report


def accept_report(session: Session, report_id: int, user: User, status: Status | str, *,
                  as_of_on: dt.date | None = None, note: str | None = None, miss_reason=None,
                  file_url: str | None = None, today: dt.date | None = None):
    """A reviewer accepts a report: ``status.set_status`` records ``status`` with the report's
    figure, note and evidence (the attached file's address standing in when it is the only
    evidence), as of the report's day unless ``as_of_on`` is given."""
    report = _open_report(session, report_id, user)
    pledge = report.pledge
    unit = report.unit
    text = f"采纳{unit.name}报送（#{report.id}）：{report.note}"
    if (note or "").strip():
        text += f"\n评议员：{note.strip()}"
    evidence_url = report.evidence_url or (file_url if report.file_sha256 else None)
    event = status_service.set_status(session, pledge, user, status_service.StatusChange(
            status, as_of_on=as_of_on or report.as_of_on, note=text, evidence_url=evidence_url,
            evidence_quote=report.evidence_text, miss_reason=miss_reason,
            achieved_value=report.achieved_value), today=today)
    report.state = ReportState.ACCEPTED
    report.reviewed_by_id, report.reviewed_at = user.id, utcnow()
    report.status_event_id = event.id
    session.flush()
    audit.record(session, entity="progress_report", entity_id=report.id, action="accept", user=user,
                 old={"state": ReportState.SUBMITTED}, new={"state": ReportState.ACCEPTED,
                                                            "status_event_id": event.id, "status": event.new_status})
    return event


def return_report(session: Session, report_id: int, user: User, reason: str) -> ProgressReport:
    """A reviewer returns a report to its unit, saying why; nothing about the pledge changes."""
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError("退回须写明理由")
    report = _open_report(session, report_id, user)
    report.state = ReportState.RETURNED
    report.return_reason = reason[:NOTE_MAX]
    report.reviewed_by_id, report.reviewed_at = user.id, utcnow()
    session.flush()
    audit.record(session, entity="progress_report", entity_id=report.id, action="return", user=user,
                 old={"state": ReportState.SUBMITTED}, new={"state": ReportState.RETURNED}, note=report.return_reason)
    return report


def can_see_report(user: User | None, report: ProgressReport) -> bool:
    """Reviewers and admins see every report; a unit account the reports of its unit."""
    if user is None or not user.is_active:
        return False
    if user.role in status_service.REVIEW_ROLES:
        return True
    return user.role is UserRole.UNIT and user.unit_id == report.unit_id


def submitted(session: Session) -> list[ProgressReport]:
    """Reports awaiting a reviewer, oldest first."""
    return list(session.scalars(sa.select(ProgressReport).where(ProgressReport.state == ReportState.SUBMITTED)
                                .order_by(ProgressReport.id)))


def reports_of(session: Session, *, unit_id: int | None = None, pledge_id: int | None = None
               ) -> list[ProgressReport]:
    stmt = sa.select(ProgressReport).order_by(ProgressReport.id.desc())
    if unit_id is not None:
        stmt = stmt.where(ProgressReport.unit_id == unit_id)
    if pledge_id is not None:
        stmt = stmt.where(ProgressReport.pledge_id == pledge_id)
    return list(session.scalars(stmt))
