"""催办: digests of what is due, behind (黄) or overdue (红), to each unit and each reviewer.

``plan`` reads the ledger view (``tracker.services.listing``: the same flags and schedule
arithmetic as every list and export) on a day and groups the pledges that need chasing:

* 红: the deadline has passed and the pledge is not closed (逾期);
* 黄: behind schedule (欠进度);
* 到期: open, with a deadline within ``days`` days of the day.

Each unit (``unit``, matched to ``pledge.responsible_unit`` by its exact name) gets the
pledges it leads, by e-mail (``unit.email``) and by its group robot (``unit.webhook_url``);
each active reviewer with an e-mail address gets all of them, and so does the office's
group robot when one is configured. A delivery is one digest to one recipient by one channel.

``deliver`` sends one (``smtplib`` for e-mail; a JSON POST in the format the robot expects:
企业微信 ``msgtype`` markdown or text, 钉钉 markdown with the optional 加签, or a plain JSON
document) and raises ``DeliveryError`` with a Chinese message when it fails. ``record_sent``
appends a ``reminder`` row per pledge of a delivery that went out: the pledge's 催办 history,
and what makes a second run on the same day send nothing again (unless forced). Flush, never
commit: the command commits after each delivery, so one failure loses no other's record.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import smtplib
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from typing import Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.db.enums import Channel, RecipientKind, ReviewState, UserRole, WebhookKind
from tracker.db.models import Reminder, Unit, User
from tracker.services import listing, schedule
from tracker.services.listing import Row
from tracker.services.schedule import Flag

DEFAULT_DAYS = 30
#: how much text each robot takes (bytes of UTF-8); a longer digest is cut and says how many were left off
WEBHOOK_LIMITS = {WebhookKind.WECOM: 4000, WebhookKind.WECOM_TEXT: 2000, WebhookKind.DINGTALK: 15000,
                  WebhookKind.JSON: 1_000_000}
#: why a pledge is in a digest, most urgent first
REASONS = {"red": "逾期", "yellow": "欠进度", "due": "即将到期"}
OFFICE_ROBOT = "评议组群机器人"


class DeliveryError(Exception):
    """A reminder could not be sent; ``str(exc)`` says why, in Chinese."""


@dataclass
class Settings:
    """Where reminders go and how: from the app's configuration (``from_config``)."""

    base_url: str = ""
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_from: str | None = None
    smtp_starttls: bool = False
    smtp_ssl: bool = False
    timeout: float = 15.0
    office_webhook_url: str | None = None
    office_webhook_kind: WebhookKind = WebhookKind.JSON
    office_webhook_secret: str | None = None

    @classmethod
    def from_config(cls, cfg) -> "Settings":
        kind = cfg.get("REMIND_WEBHOOK_KIND") or "json"
        return cls(
            base_url=str(cfg.get("REMIND_BASE_URL") or "").rstrip("/"),
            smtp_host=cfg.get("SMTP_HOST") or None, smtp_port=int(cfg.get("SMTP_PORT") or 25),
            smtp_user=cfg.get("SMTP_USER") or None, smtp_password=cfg.get("SMTP_PASSWORD") or None,
            smtp_from=cfg.get("SMTP_FROM") or None, smtp_starttls=bool(cfg.get("SMTP_STARTTLS")),
            smtp_ssl=bool(cfg.get("SMTP_SSL")), timeout=float(cfg.get("REMIND_TIMEOUT") or 15),
            office_webhook_url=cfg.get("REMIND_WEBHOOK_URL") or None, office_webhook_kind=WebhookKind(kind),
            office_webhook_secret=cfg.get("REMIND_WEBHOOK_SECRET") or None,
        )

    def link(self, path: str) -> str:
        return f"{self.base_url}{path}"


@dataclass
class Item:
    row: Row
    reason: str  # red / yellow / due

    @property
    def words(self) -> str:
        if self.reason == "red":
            return f"红·逾期 {self.row.days_overdue} 天"
        if self.reason == "yellow":
            return "黄·欠进度"
        return "即将到期"


@dataclass
class Delivery:
    kind: RecipientKind
    recipient: str
    channel: Channel
    items: list[Item]
    day: dt.date
    days: int
    address: str = ""  # e-mail addresses or the webhook URL
    webhook_kind: WebhookKind | None = None
    webhook_secret: str | None = None
    unit: Unit | None = None
    user: User | None = None
    already_sent: bool = False

    @property
    def counts(self) -> dict[str, int]:
        out = {k: 0 for k in REASONS}
        for item in self.items:
            out[item.reason] += 1
        return out

    def describe(self) -> str:
        return f"{self.kind.label}「{self.recipient}」（{self.channel.label}）"


# --- what needs chasing ------------------------------------------------------------------


def reason_of(row: Row, day: dt.date, days: int) -> str | None:
    if row.review_state is not ReviewState.CONFIRMED or row.status in schedule.CLOSED:
        return None
    if row.flag is Flag.RED:
        return "red"
    if row.flag is Flag.YELLOW:
        return "yellow"
    if row.due_on is not None and day <= row.due_on <= day + dt.timedelta(days=days):
        return "due"
    return None


def items_due(session: Session, day: dt.date, days: int = DEFAULT_DAYS) -> list[Item]:
    """Every confirmed pledge to chase on ``day``, most urgent first, then by deadline: three views
    of the ledger's query builder, each narrowed in SQL (``flag=red``; ``flag=yellow``, which is
    ``listing.behind_sql``; and the deadline window), so a day's run reads only what it sends."""
    views = ({"flag": "red"}, {"flag": "yellow"},
             {"due_from": day.isoformat(), "due_to": (day + dt.timedelta(days=days)).isoformat()})
    found: dict[int, Item] = {}
    for args in views:
        filters = listing.parse_filters(session, {**args, "sort": "due_on"}, today=day)
        for row in listing.iter_rows(session, filters):
            reason = reason_of(row, day, days)
            if reason is not None and row.id not in found:
                found[row.id] = Item(row, reason)
    order = list(REASONS)
    return sorted(found.values(), key=lambda i: (order.index(i.reason), i.row.due_on or listing.FAR_FUTURE, i.row.id))


def _sent(session: Session, day: dt.date, kind: RecipientKind, recipient: str, channel: Channel) -> bool:
    return session.scalar(sa.select(sa.exists().where(
        Reminder.sent_on == day, Reminder.recipient_kind == kind, Reminder.recipient == recipient,
        Reminder.channel == channel))) or False


def plan(session: Session, settings: Settings, *, day: dt.date, days: int = DEFAULT_DAYS) -> list[Delivery]:
    """Every delivery of ``day``: per unit and channel, per reviewer with an e-mail address, and
    the office's robot; ``already_sent`` marks those that went out that day already."""
    items = items_due(session, day, days)
    out: list[Delivery] = []
    if not items:
        return out
    by_unit: dict[str, list[Item]] = {}
    for item in items:
        if item.row.responsible_unit:
            by_unit.setdefault(item.row.responsible_unit.strip(), []).append(item)
    units = session.scalars(sa.select(Unit).where(Unit.name.in_(list(by_unit))).order_by(Unit.name)).all()
    for unit in units:
        mine = by_unit[unit.name]
        if unit.email:
            out.append(Delivery(RecipientKind.UNIT, unit.name, Channel.EMAIL, mine, day, days, address=unit.email,
                                unit=unit))
        if unit.webhook_url:
            out.append(Delivery(RecipientKind.UNIT, unit.name, Channel.WEBHOOK, mine, day, days,
                                address=unit.webhook_url, webhook_kind=unit.webhook_kind or WebhookKind.JSON,
                                webhook_secret=unit.webhook_secret, unit=unit))
    reviewers = session.scalars(sa.select(User).where(User.role == UserRole.REVIEWER, User.is_active.is_(True),
                                                      User.email.is_not(None)).order_by(User.name)).all()
    for user in reviewers:
        out.append(Delivery(RecipientKind.REVIEWER, user.name, Channel.EMAIL, items, day, days, address=user.email,
                            user=user))
    if settings.office_webhook_url:
        out.append(Delivery(RecipientKind.REVIEWER, OFFICE_ROBOT, Channel.WEBHOOK, items, day, days,
                            address=settings.office_webhook_url, webhook_kind=settings.office_webhook_kind,
                            webhook_secret=settings.office_webhook_secret))
    for d in out:
        d.already_sent = _sent(session, day, d.kind, d.recipient, d.channel)
    return out


def units_without_contact(session: Session, *, day: dt.date, days: int = DEFAULT_DAYS) -> list[str]:
    """Names of units that lead pledges to chase but have no unit record or no address: the
    command says so, as nobody would otherwise notice them."""
    names = {i.row.responsible_unit.strip() for i in items_due(session, day, days) if i.row.responsible_unit}
    reachable = set(session.scalars(sa.select(Unit.name).where(
        Unit.name.in_(list(names)), sa.or_(Unit.email.is_not(None), Unit.webhook_url.is_not(None)))))
    return sorted(names - reachable)


# --- the message -------------------------------------------------------------------------


def subject(d: Delivery) -> str:
    c = d.counts
    parts = [f"逾期 {c['red']} 项" if c["red"] else "", f"欠进度 {c['yellow']} 项" if c["yellow"] else "",
             f"{d.days} 天内到期 {c['due']} 项" if c["due"] else ""]
    return f"【催办】{d.recipient}：{'、'.join(p for p in parts if p)}（{d.day.isoformat()}）"


def _item_line(item: Item, settings: Settings) -> tuple[str, str]:
    r = item.row
    due = r.due_on.isoformat() if r.due_on else "未定"
    target = f"，目标 {r.target_text}" if r.target_text else ""
    done = f"，已报完成 {r.achieved_text}" if r.achieved_text else ""
    unit = f"，牵头单位 {r.responsible_unit}" if r.responsible_unit else ""
    what = (r.quote or "").replace("\n", " ")
    text = f"[{item.words}] #{r.id} {what}（完成时限 {due}{target}{done}{unit}）"
    link = settings.link(f"/pledges/{r.id}")
    return text, link


def _intro(d: Delivery, settings: Settings) -> list[str]:
    if d.kind is RecipientKind.UNIT:
        lines = [f"{d.recipient}：", f"截至 {d.day.isoformat()}，贵单位牵头的以下承诺事项需要推进并报送进展："]
    else:
        lines = [f"{d.recipient}：", f"截至 {d.day.isoformat()}，以下承诺事项逾期、欠进度或 {d.days} 天内到期："]
    return lines


def _outro(d: Delivery, settings: Settings) -> list[str]:
    if d.kind is RecipientKind.UNIT:
        lines = [f"报送进展：{settings.link('/progress/')}"]
        if d.unit is not None:
            lines.append(f"督办通知单：{settings.link(f'/progress/notices/{d.unit.id}')}")
    else:
        lines = [f"评估队列：{settings.link('/reports/queue')}", f"待审阅的报送：{settings.link('/progress/')}"]
    lines.append("（承诺台账自动发送）")
    return lines


def plain_text(d: Delivery, settings: Settings) -> str:
    lines = _intro(d, settings) + [""]
    for n, item in enumerate(d.items, 1):
        text, link = _item_line(item, settings)
        lines += [f"{n}. {text}", f"   {link}"]
    return "\n".join(lines + [""] + _outro(d, settings)) + "\n"


def _md_escape(text: str) -> str:
    return text.replace("[", "［").replace("]", "］").replace("*", "＊").replace("`", "｀")


def markdown(d: Delivery, settings: Settings, limit: int = 1_000_000) -> str:
    """The digest as robot markdown, cut to ``limit`` bytes with a note of how many were left off."""
    head = f"### {_md_escape(subject(d))}\n" + "\n".join(_md_escape(x) for x in _intro(d, settings)[1:]) + "\n"
    colour = {"red": "warning", "yellow": "comment", "due": "info"}
    tail = "\n" + "\n".join(_outro(d, settings)) + "\n"
    lines: list[str] = []
    size = len((head + tail).encode())
    for n, item in enumerate(d.items, 1):
        text, link = _item_line(item, settings)
        text = _md_escape(text)
        if d.webhook_kind is WebhookKind.WECOM:
            line = f"{n}. <font color=\"{colour[item.reason]}\">{text}</font> [查看]({link})"
        else:
            line = f"{n}. {text} [查看]({link})"
        more = f"\n……另有 {len(d.items) - n + 1} 项，见上面的链接"
        if size + len(line.encode()) + 1 + len(more.encode()) > limit:
            lines.append(more.strip())
            break
        lines.append(line)
        size += len(line.encode()) + 1
    return head + "\n".join(lines) + tail


def payload(d: Delivery, settings: Settings) -> dict:
    """The JSON body for the recipient's robot."""
    kind = d.webhook_kind or WebhookKind.JSON
    limit = WEBHOOK_LIMITS[kind]
    if kind is WebhookKind.WECOM:
        return {"msgtype": "markdown", "markdown": {"content": markdown(d, settings, limit)}}
    if kind is WebhookKind.WECOM_TEXT:
        text = subject(d) + "\n" + plain_text(d, settings)
        while len(text.encode()) > limit:
            text = text[: len(text) * 9 // 10]
        return {"msgtype": "text", "text": {"content": text}}
    if kind is WebhookKind.DINGTALK:
        return {"msgtype": "markdown", "markdown": {"title": subject(d), "text": markdown(d, settings, limit)}}
    return {
        "title": subject(d), "day": d.day.isoformat(), "recipient": d.recipient, "recipient_kind": d.kind.value,
        "text": plain_text(d, settings),
        "items": [{"id": i.row.id, "reason": i.reason, "reason_label": REASONS[i.reason], "quote": i.row.quote,
                   "responsible_unit": i.row.responsible_unit,
                   "due_on": i.row.due_on.isoformat() if i.row.due_on else None,
                   "days_overdue": i.row.days_overdue, "link": settings.link(f"/pledges/{i.row.id}")}
                  for i in d.items],
    }


def dingtalk_signed_url(url: str, secret: str, timestamp_ms: int | None = None) -> str:
    """钉钉 加签: ``timestamp`` (ms) and ``sign`` = base64(HMAC-SHA256(secret, "timestamp\\nsecret")), URL-encoded."""
    timestamp = str(timestamp_ms if timestamp_ms is not None else int(time.time() * 1000))
    digest = hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()
    sign = urllib.parse.quote_plus(base64.b64encode(digest))
    return f"{url}{'&' if '?' in url else '?'}timestamp={timestamp}&sign={sign}"


# --- sending -----------------------------------------------------------------------------


def send_email(d: Delivery, settings: Settings) -> None:
    if not settings.smtp_host:
        raise DeliveryError("未配置邮件服务器（TRACKER_SMTP_HOST），无法发送邮件")
    if not settings.smtp_from:
        raise DeliveryError("未配置发件人（TRACKER_SMTP_FROM），无法发送邮件")
    to = [a.strip() for a in d.address.split(",") if a.strip()]
    msg = EmailMessage()
    msg["Subject"] = subject(d)
    msg["From"] = formataddr(("承诺台账", settings.smtp_from))
    msg["To"] = ", ".join(to)
    msg["Message-ID"] = make_msgid(domain=settings.smtp_from.rpartition("@")[2] or None)
    msg.set_content(plain_text(d, settings))
    try:
        if settings.smtp_ssl:
            smtp = smtplib.SMTP_SSL(settings.smtp_host, settings.smtp_port, timeout=settings.timeout,
                                    context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.timeout)
        with smtp:
            if settings.smtp_starttls and not settings.smtp_ssl:
                smtp.starttls(context=ssl.create_default_context())
            if settings.smtp_user:
                smtp.login(settings.smtp_user, settings.smtp_password or "")
            refused = smtp.send_message(msg)
    except smtplib.SMTPAuthenticationError:
        raise DeliveryError("邮件服务器拒绝了登录（用户名或密码不对）") from None
    except smtplib.SMTPRecipientsRefused as exc:
        raise DeliveryError(f"邮件服务器拒收收件人：{'、'.join(exc.recipients)}") from None
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(f"邮件发送失败（{settings.smtp_host}:{settings.smtp_port}）：{exc}") from None
    if refused:
        raise DeliveryError(f"邮件服务器拒收部分收件人：{'、'.join(refused)}")


def post_webhook(d: Delivery, settings: Settings) -> None:
    url = d.address
    if d.webhook_kind is WebhookKind.DINGTALK and d.webhook_secret:
        url = dingtalk_signed_url(url, d.webhook_secret)
    body = json.dumps(payload(d, settings), ensure_ascii=False).encode()
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": "application/json; charset=utf-8"})
    host = urllib.parse.urlsplit(d.address).netloc
    try:
        with urllib.request.urlopen(request, timeout=settings.timeout) as response:
            answer = response.read(65536)
    except urllib.error.HTTPError as exc:
        raise DeliveryError(f"群机器人（{host}）答复 HTTP {exc.code}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise DeliveryError(f"连不上群机器人（{host}）：{reason}") from None
    if d.webhook_kind in (WebhookKind.WECOM, WebhookKind.WECOM_TEXT, WebhookKind.DINGTALK):
        try:
            data = json.loads(answer.decode("utf-8"))
        except ValueError:
            raise DeliveryError(f"群机器人（{host}）的答复不是 JSON") from None
        if not isinstance(data, dict) or data.get("errcode") not in (0, "0"):
            code = data.get("errcode") if isinstance(data, dict) else None
            message = data.get("errmsg") if isinstance(data, dict) else None
            raise DeliveryError(f"群机器人（{host}）拒收：errcode={code} {message or ''}".rstrip())


def deliver(d: Delivery, settings: Settings) -> None:
    """Send one delivery; ``DeliveryError`` when it did not go out."""
    if d.channel is Channel.EMAIL:
        send_email(d, settings)
    else:
        post_webhook(d, settings)


def record_sent(session: Session, d: Delivery) -> list[Reminder]:
    """The delivery went out: one ``reminder`` per pledge it listed."""
    rows = [Reminder(pledge_id=i.row.id, sent_on=d.day, recipient_kind=d.kind, recipient=d.recipient,
                     unit_id=d.unit.id if d.unit is not None else None,
                     user_id=d.user.id if d.user is not None else None, channel=d.channel, flag=i.reason)
            for i in d.items]
    session.add_all(rows)
    session.flush()
    return rows


# --- reading the history -----------------------------------------------------------------


def reminders_of(session: Session, pledge_id: int) -> list[Reminder]:
    return list(session.scalars(sa.select(Reminder).where(Reminder.pledge_id == pledge_id)
                                .order_by(Reminder.sent_on, Reminder.id)))


def count_sql(pledge_id_column):
    """催办次数 of a pledge: the days on which its unit was sent a reminder (any channel)."""
    return (sa.select(sa.func.count(sa.distinct(Reminder.sent_on)))
            .where(Reminder.pledge_id == pledge_id_column, Reminder.recipient_kind == RecipientKind.UNIT)
            .correlate_except(Reminder).scalar_subquery())


def counts(session: Session, pledge_ids: Iterable[int]) -> dict[int, int]:
    ids = list(pledge_ids)
    out: dict[int, int] = {}
    for start in range(0, len(ids), 1000):
        chunk = ids[start:start + 1000]
        for pid, n in session.execute(
                sa.select(Reminder.pledge_id, sa.func.count(sa.distinct(Reminder.sent_on)))
                .where(Reminder.pledge_id.in_(chunk), Reminder.recipient_kind == RecipientKind.UNIT)
                .group_by(Reminder.pledge_id)):
            out[pid] = n
    return out


def grouped(reminders: Iterable[Reminder]) -> list[tuple[dt.date, str, list[str]]]:
    """(day, recipient, channels) for a pledge page: one line per day and recipient."""
    out: dict[tuple[dt.date, str], list[str]] = {}
    for r in reminders:
        key = (r.sent_on, f"{r.recipient_kind.label}「{r.recipient}」")
        label = r.channel.label
        if label not in out.setdefault(key, []):
            out[key].append(label)
    return [(day, who, channels) for (day, who), channels in out.items()]


__all__ = ["DeliveryError", "Delivery", "Item", "Settings", "count_sql", "counts", "deliver", "dingtalk_signed_url",
           "grouped", "items_due", "markdown", "payload", "plain_text", "plan", "record_sent", "reminders_of",
           "subject", "units_without_contact"]
