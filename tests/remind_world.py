"""A small world for the 催办 tests: two units with accounts and six confirmed pledges whose
deadlines sit around a given day (red, yellow, due soon, far off, done, and one without a unit)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PASSWORD = "password-123"
TEXT = (
    "张店区2026年民生实事\n"
    "年底前新建幼儿园3所。\n"
    "改造老旧小区10个。\n"
    "新增城市绿道15公里。\n"
    "建成学校食堂5处。\n"
    "完成棚户区改造800户。\n"
    "新建口袋公园6个。\n"
)
#: key, quote, unit, days from the day to the deadline, target value, unit of measure, status
PLEDGES = (
    ("red", "年底前新建幼儿园3所", "区教育局", -10, "3", "所", "in_progress"),
    ("yellow", "改造老旧小区10个", "区教育局", 10, "10", "个", "in_progress"),
    ("due", "新增城市绿道15公里", "区住建局", 20, "15", "公里", "unassessed"),
    ("far", "建成学校食堂5处", "区教育局", 300, "5", "处", "unassessed"),
    ("done", "完成棚户区改造800户", "区住建局", -3, "800", "户", "done"),
    ("orphan", "新建口袋公园6个", None, -5, "6", "个", "unassessed"),
)


@dataclass
class World:
    day: dt.date
    pledges: dict[str, int]
    units: dict[str, int]
    users: dict[str, int]


def build(session, day: dt.date, *, unit_email: dict | None = None, unit_webhook: dict | None = None,
          reviewer_email: str | None = "reviewer@example.org") -> World:
    """Commit the world into ``session``'s database; ``unit_webhook`` maps a unit name to
    (url, kind, secret)."""
    from decimal import Decimal

    from tracker.db.enums import DocumentFormat, PledgeOrigin, QuantityRole, ReviewState, Status, UserRole
    from tracker.db.models import Document, Pledge, Quantity
    from tracker.reading import sha256_text
    from tracker.services import progress, users

    unit_email = unit_email if unit_email is not None else {"区教育局": "jyj@example.org",
                                                            "区住建局": "zjj@example.org"}
    unit_webhook = unit_webhook or {}
    doc = Document(title="张店区民生实事（催办测试）", file_name="remind.txt", format=DocumentFormat.TEXT,
                   published_on=day - dt.timedelta(days=200), text=TEXT, sha256=sha256_text(TEXT),
                   raw_sha256=sha256_text(TEXT), encoding="utf-8", extractor_version="test")
    session.add(doc)
    session.flush()
    ids = {}
    for key, quote, unit, offset, value, measure, status in PLEDGES:
        start = TEXT.index(quote)
        pledge = Pledge(document_id=doc.id, origin=PledgeOrigin.MANUAL, start=start, end=start + len(quote),
                        quote=quote, responsible_unit=unit, object=quote[-6:], due_on=day + dt.timedelta(days=offset),
                        review_state=ReviewState.CONFIRMED, status=Status(status),
                        status_on=day - dt.timedelta(days=1) if status != "unassessed" else None)
        raw = value + measure
        q_start = start + quote.index(raw)
        pledge.quantities.append(Quantity(position=0, value=Decimal(value), unit=measure, raw=raw,
                                          role=QuantityRole.COUNT, start=q_start, end=q_start + len(raw),
                                          achieved_value=Decimal(0) if key == "yellow" else None))
        session.add(pledge)
        session.flush()
        ids[key] = pledge.id
    units = {}
    for name in ("区教育局", "区住建局"):
        url, kind, secret = unit_webhook.get(name, ("", None, None))
        unit = progress.save_unit(session, name, email=unit_email.get(name, ""), webhook_url=url,
                                  webhook_kind=kind or "", webhook_secret=secret or "")
        units[name] = unit.id
    people = {
        "jyj": progress.create_unit_user(session, "jyj", PASSWORD, "区教育局"),
        "zjj": progress.create_unit_user(session, "zjj", PASSWORD, "区住建局"),
        "reviewer": users.create_user(session, "reviewer", PASSWORD, UserRole.REVIEWER, email=reviewer_email),
        "reviewer2": users.create_user(session, "reviewer2", PASSWORD, UserRole.REVIEWER),
        "editor": users.create_user(session, "editor", PASSWORD, UserRole.EDITOR),
        "admin": users.create_user(session, "admin", PASSWORD, UserRole.ADMIN),
    }
    session.commit()
    return World(day=day, pledges=ids, units=units, users={k: u.id for k, u in people.items()})


def user(session, name: str):
    import sqlalchemy as sa

    from tracker.db.models import User

    return session.scalar(sa.select(User).where(User.name == name))
