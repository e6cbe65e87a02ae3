"""A scripted history for the ``as_of`` tests: editors and reviewers work on six days (and
two quiet ones), through the services, each day's records dated that day. After every
day the script takes the *live* list (no ``as_of``, ``today`` = that day) for several
views; a view rebuilt later with ``as_of`` = that day must equal it row for row.

Document published 2024-01-01; pledges (machine output, pending) recorded on 01-10:

* ``A`` 张店区 · 教育局 · 新建幼儿园30所 · due 2024-12-31 (year)
* ``B`` 临淄区 · 改造老旧小区20个 · due 2024-12-31 (year)
* ``C`` 临淄区 · 交通局 · 新增城市绿道15公里 · no deadline
* ``D`` 张店区 · 教育局 · 幼儿园30所 again (a duplicate of A)

| day | what happens |
| --- | --- |
| 01-10 | A confirmed; B corrected (district → 张店区, unit, action, object, 20 → 25 个, due → 09-30 by month, deadline text) |
| 02-15 | B corrected again (unit, 25–30 个, official 马晓磊); C rejected; A 推进中 6 |
| 03-20 | C confirmed with a new object; D merged into A; E added by the editor (开通公交线路3条, 交通局); B 推进中 as of 03-15 |
| 04-01 | quiet |
| 04-25 | the editor undoes C's confirmation (rejected again, old object); B proposed 未完成 (资金); A 已完成 30 |
| 05-10 | a second reviewer confirms B's 未完成; A's deadline corrected to 2024-06-30; E 停滞 |
| 06-30 | quiet |
"""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

DAYS = [dt.date(2024, 1, 10), dt.date(2024, 2, 15), dt.date(2024, 3, 20), dt.date(2024, 4, 1),
        dt.date(2024, 4, 25), dt.date(2024, 5, 10), dt.date(2024, 6, 30)]
BEFORE = dt.date(2024, 1, 9)
PUBLISHED = dt.date(2024, 1, 1)
TEXT = (
    "2024年民生实事\n"
    "张店区今年新建幼儿园30所。\n"
    "临淄区年内改造老旧小区20个。\n"
    "临淄区新增城市绿道15公里。\n"
    "张店区幼儿园30所年内建成。\n"
    "8月前开通公交线路3条。\n"
)
PLEDGES = {  # key: (district, unit, quote, action, object, value, count unit, due_on)
    "A": ("张店区", "教育局", "今年新建幼儿园30所", "新建", "幼儿园", "30", "所", dt.date(2024, 12, 31)),
    "B": ("临淄区", None, "年内改造老旧小区20个", "改造", "老旧小区", "20", "个", dt.date(2024, 12, 31)),
    "C": ("临淄区", "交通局", "新增城市绿道15公里", "新增", "城市绿道", "15", "公里", None),
    "D": ("张店区", "教育局", "幼儿园30所年内建成", "建成", "幼儿园", "30", "所", dt.date(2024, 12, 31)),
}
#: the views compared, as URL arguments
VIEWS = [
    {"review_state": "all"}, {}, {"district": "张店区", "review_state": "all"}, {"unit": "局", "review_state": "all"},
    {"sort": "-due_on", "review_state": "all"}, {"due_to": "2024-10-31", "review_state": "all"},
    {"status": "in_progress"}, {"review_state": "rejected"}, {"official": "马晓磊"},
]
UTC = dt.timezone.utc


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    """``hour`` o'clock in Shanghai on ``day``, as UTC."""
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=UTC) - dt.timedelta(hours=8)


def play(session_factory, snapshot) -> dict:
    """Run the script; after each day call ``snapshot(session, day)``. Returns {"ids", "document",
    "snapshots": {day: what snapshot returned}}."""
    from tracker.db.enums import DocumentFormat, PledgeOrigin, QuantityRole, Status
    from tracker.db.models import AuditEvent, Document, Pledge, Quantity, StatusEvent, User
    from tracker.reading import sha256_text
    from tracker.services import status, users, workbench
    from tracker.services.places import PlaceResolver, load_gazetteer

    snapshots = {}
    with session_factory() as s:
        load_gazetteer(s)
        resolver = PlaceResolver(s)
        editor = users.ensure_user(s, "script_editor", "password-123", "editor")
        reviewer = users.ensure_user(s, "script_reviewer", "password-123", "reviewer")
        second = users.ensure_user(s, "script_reviewer2", "password-123", "reviewer")
        resolver.official(s, "马晓磊", "张店区委书记", resolver.district(s, "张店区"), PUBLISHED)
        doc = Document(title="2024年民生实事", file_name="script.txt", format=DocumentFormat.TEXT,
                       published_on=PUBLISHED, text=TEXT, sha256=sha256_text(TEXT), raw_sha256=sha256_text(TEXT),
                       encoding="utf-8", extractor_version="test")
        s.add(doc)
        s.commit()
        marks = {"audit": 0, "status": 0}

        def stamp(day: dt.date) -> None:
            """Date everything recorded since the last call on ``day``, as if it had been done then."""
            when = at(day)
            s.flush()
            s.execute(sa.update(AuditEvent).where(AuditEvent.id > marks["audit"]).values(at=when))
            s.execute(sa.update(StatusEvent).where(StatusEvent.id > marks["status"]).values(created_at=when))
            marks["audit"] = s.scalar(sa.select(sa.func.max(AuditEvent.id))) or 0
            marks["status"] = s.scalar(sa.select(sa.func.max(StatusEvent.id))) or 0
            s.commit()
            snapshots[day] = snapshot(s, day)

        ids = {}
        for key, (district, unit, quote, action, obj, value, count_unit, due_on) in PLEDGES.items():
            start = TEXT.index(quote)
            raw = value + count_unit
            pledge = Pledge(document_id=doc.id, origin=PledgeOrigin.MACHINE, start=start, end=start + len(quote),
                            quote=quote, district_id=resolver.district(s, district), responsible_unit=unit,
                            action=action, object=obj, due_on=due_on, deadline_precision="year" if due_on else None,
                            deadline_raw="年内" if due_on else None, confidence=0.8, created_at=at(DAYS[0], 9))
            pledge.quantities.append(Quantity(position=0, value=value, unit=count_unit, raw=raw,
                                              role=QuantityRole.COUNT))
            s.add(pledge)
            s.flush()
            ids[key] = pledge.id

        def get(key):
            return s.get(Pledge, ids[key])

        def rate(key, verdict, day, by=reviewer, as_of_on=None, **kw):
            return status.set_status(s, get(key), by, status.StatusChange(
                    verdict, as_of_on=as_of_on or day, **kw), today=day)

        day = DAYS[0]
        workbench.confirm_pledge(s, ids["A"], editor, version=None)
        workbench.confirm_pledge(s, ids["B"], editor, version=None, changes={
            "district": "张店区", "responsible_unit": "住建局", "action": "完成改造", "object": "老旧小区住宅",
            "quantities": [{"value": "25", "unit": "个"}], "due_on": dt.date(2024, 9, 30),
            "deadline_precision": "month", "deadline_raw": "9月底前"})
        stamp(day)

        day = DAYS[1]
        workbench.confirm_pledge(s, ids["B"], editor, version=None, changes={
            "responsible_unit": "城管局", "official": "马晓磊",
            "quantities": [{"value": "25", "value_max": "30", "unit": "个"}]})
        workbench.reject_pledge(s, ids["C"], editor, version=None, reason="不是承诺")
        rate("A", Status.IN_PROGRESS, day, achieved_value="6", note="已开工6所")
        stamp(day)

        day = DAYS[2]
        workbench.confirm_pledge(s, ids["C"], editor, version=None, changes={"object": "城市绿道（环城）"})
        workbench.merge_pledges(s, editor, ids["A"], ids["D"])
        quote = "开通公交线路3条"
        start = TEXT.index(quote)
        ids["E"] = workbench.add_pledge(s, editor, doc.id, start, start + len(quote), {
            "district": "临淄区", "responsible_unit": "交通局", "action": "开通", "object": "公交线路",
            "quantities": [{"value": "3", "unit": "条"}], "due_on": dt.date(2024, 8, 31),
            "deadline_precision": "month", "deadline_raw": "8月前"}).id
        s.execute(sa.update(Pledge).where(Pledge.id == ids["E"]).values(created_at=at(day)))
        rate("B", Status.IN_PROGRESS, day, as_of_on=dt.date(2024, 3, 15), note="已开工")
        stamp(day)

        stamp(DAYS[3])  # quiet

        day = DAYS[4]
        assert workbench.undo_last(s, editor).id == ids["C"]
        proposal = rate("B", Status.MISSED, day, miss_reason="funding", evidence_quote="资金未到位", note="停工")
        rate("A", Status.DONE, day, evidence_url="https://example.gov.cn/a-done", achieved_value="30")
        stamp(day)

        day = DAYS[5]
        status.confirm_status(s, proposal, second, note="核实")
        workbench.confirm_pledge(s, ids["A"], editor, version=None, changes={"due_on": dt.date(2024, 6, 30)})
        rate("E", Status.STALLED, day, note="车辆未到")
        stamp(day)

        stamp(DAYS[6])  # quiet
        user_ids = {u.name: u.id for u in s.scalars(sa.select(User))}
    return {"ids": ids, "document": doc.id, "snapshots": snapshots, "users": user_ids}
