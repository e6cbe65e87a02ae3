"""A recorded history for the list, export and as-of tests: one document published 2024-01-01,
seven pledges in two districts, reviewers' verdicts recorded on known days (each event's
``created_at`` set to the day it was recorded, as if the reviewers had worked then).

The pledges (by key), as confirmed by an editor unless said otherwise:

* ``kindergartens`` 张店区 · 马晓磊 · 教育局 · 新建幼儿园30所 · due 2024-12-31:
  推进中 6 as of 2024-03-31 (recorded 04-01), 推进中 18 as of 2024-06-30 (recorded 07-01)
* ``housing``  张店区 · 住建局 · 改造老旧小区20个 · due 2024-06-30: 已完成 (URL) as of 06-20 (recorded 06-21)
* ``schools``  临淄区 · 新建中小学校5所 · due 2024-07-15: 未完成 (资金) proposed as of 06-25 (recorded 06-25),
  confirmed by a second reviewer on 06-28
* ``greenway`` 临淄区 · 新增城市绿道15公里 · no deadline: 停滞 as of 05-01 (recorded 05-02)
* ``late``     张店区 · 建成口袋公园8个 · due 2024-07-10: never rated
* ``soon``     临淄区 · 开通公交线路3条 · due 2024-08-10: never rated
* ``pending``  张店区 · 改造供热管网12公里 · due 2024-03-01: not reviewed (pending)

Every pledge was recorded, and (but ``pending``) confirmed, on 2024-01-02: the editor's
audit events carry that day too.
"""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

PUBLISHED = dt.date(2024, 1, 1)
PASSWORD = "password-123"
TEXT = (
    "2024年民生实事\n"
    "张店区委书记马晓磊表示，今年新建幼儿园30所。\n"
    "年中前改造老旧小区20个。\n"
    "临淄区7月中旬前新建中小学校5所。\n"
    "新增城市绿道15公里。\n"
    "7月10日前建成口袋公园8个。\n"
    "8月10日前开通公交线路3条。\n"
    "3月前改造供热管网12公里。\n"
)
PLEDGES = {  # key: (district, official, unit, quote, object, value, unit of count, due_on)
    "kindergartens": ("张店区", "马晓磊", "教育局", "今年新建幼儿园30所", "幼儿园", "30", "所", dt.date(2024, 12, 31)),
    "housing": ("张店区", None, "住建局", "年中前改造老旧小区20个", "老旧小区", "20", "个", dt.date(2024, 6, 30)),
    "schools": ("临淄区", None, "教育局", "临淄区7月中旬前新建中小学校5所", "中小学校", "5", "所",
                dt.date(2024, 7, 15)),
    "greenway": ("临淄区", None, None, "新增城市绿道15公里", "城市绿道", "15", "公里", None),
    "late": ("张店区", None, "园林局", "7月10日前建成口袋公园8个", "口袋公园", "8", "个", dt.date(2024, 7, 10)),
    "soon": ("临淄区", None, "交通局", "8月10日前开通公交线路3条", "公交线路", "3", "条", dt.date(2024, 8, 10)),
    "pending": ("张店区", None, None, "3月前改造供热管网12公里", "供热管网", "12", "公里", dt.date(2024, 3, 1)),
}
UTC = dt.timezone.utc


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    """10:00 in Shanghai on ``day``, as UTC."""
    return dt.datetime(day.year, day.month, day.day, hour - 8, tzinfo=UTC)


def build(session_factory) -> dict:
    """Write the history; returns {"ids": {key: pledge id}, "users": {name: user id}, "document": id}."""
    from tracker.db.enums import DocumentFormat, PledgeOrigin, QuantityRole, Status
    from tracker.db.models import AuditEvent, Document, Pledge, Quantity, StatusEvent, User
    from tracker.reading import sha256_text
    from tracker.services import status, users, workbench
    from tracker.services.places import PlaceResolver, load_gazetteer

    with session_factory() as s:
        load_gazetteer(s)
        resolver = PlaceResolver(s)
        people = {name: users.ensure_user(s, name, PASSWORD, role) for name, role in (
            ("ledger_editor", "editor"), ("ledger_reviewer", "reviewer"), ("ledger_reviewer2", "reviewer"))}
        doc = Document(title="2024年民生实事清单", file_name="minsheng-2024.txt", format=DocumentFormat.TEXT,
                       published_on=PUBLISHED, text=TEXT, sha256=sha256_text(TEXT), raw_sha256=sha256_text(TEXT),
                       encoding="utf-8", extractor_version="test")
        s.add(doc)
        s.flush()
        ids = {}
        for key, (district, official, unit, quote, obj, value, count_unit, due_on) in PLEDGES.items():
            district_id = resolver.district(s, district)
            official_id = resolver.official(s, official, f"{district}委书记", district_id, PUBLISHED) \
                if official else None
            start = TEXT.index(quote)
            raw = value + count_unit
            q_start = start + quote.index(raw)
            pledge = Pledge(document_id=doc.id, origin=PledgeOrigin.MANUAL, start=start, end=start + len(quote),
                            quote=quote, district_id=district_id, official_id=official_id, responsible_unit=unit,
                            object=obj, due_on=due_on, created_at=at(dt.date(2024, 1, 2)))
            pledge.quantities.append(Quantity(position=0, value=value, unit=count_unit, raw=raw,
                                              role=QuantityRole.COUNT, start=q_start, end=q_start + len(raw)))
            s.add(pledge)
            s.flush()
            ids[key] = pledge.id
            if key != "pending":
                workbench.confirm_pledge(s, pledge.id, people["ledger_editor"], version=None)
        s.execute(sa.update(AuditEvent).where(AuditEvent.entity == "pledge").values(at=at(dt.date(2024, 1, 2))))
        s.flush()

        reviewer, second = people["ledger_reviewer"], people["ledger_reviewer2"]

        def rate(key, verdict, as_of_on, recorded_on, by=reviewer, **kw):
            event = status.set_status(s, s.get(Pledge, ids[key]), by, status.StatusChange(
                    verdict, as_of_on=as_of_on, **kw), today=recorded_on)
            event.created_at = at(recorded_on)
            s.flush()
            return event

        rate("kindergartens", Status.IN_PROGRESS, dt.date(2024, 3, 31), dt.date(2024, 4, 1), achieved_value="6",
             note="已开工6所")
        rate("greenway", Status.STALLED, dt.date(2024, 5, 1), dt.date(2024, 5, 2), note="征地未完成")
        rate("housing", Status.DONE, dt.date(2024, 6, 20), dt.date(2024, 6, 21),
             evidence_url="https://example.gov.cn/housing-done", achieved_value="20", note="全部完工")
        proposal = rate("schools", Status.MISSED, dt.date(2024, 6, 25), dt.date(2024, 6, 25),
                        evidence_quote="仅开工2所", miss_reason="funding", note="资金未到位")
        confirmation = status.confirm_status(s, proposal, second, note="核实")
        confirmation.created_at = at(dt.date(2024, 6, 28))
        rate("kindergartens", Status.IN_PROGRESS, dt.date(2024, 6, 30), dt.date(2024, 7, 1), achieved_value="18",
             note="已建成18所")
        s.execute(sa.update(StatusEvent).where(StatusEvent.id == confirmation.id)
                  .values(created_at=at(dt.date(2024, 6, 28))))
        s.commit()
        user_ids = {name: u.id for name, u in people.items()}
        user_ids.update({u.name: u.id for u in s.scalars(sa.select(User))})
        return {"ids": ids, "users": user_ids, "document": doc.id}
