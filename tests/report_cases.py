"""A database with every status, every flag and every review state, for the tests that hold the
status tables, the dashboard and the reviewer's queue counted in SQL to the same numbers as
counted row by row (tables.status_table / summarise over listing.iter_rows).

``build(session_factory, today)`` writes, with the real services (confirm, set_status, the
second reviewer's confirmation, withdrawal), one pledge for each verdict script × deadline:

* verdicts: none; 推进中 behind / ahead of schedule / without an achieved value; 已完成 on time
  and late; 部分完成; 停滞; 无法评估; 未完成 (proposed, then confirmed by a second reviewer);
  推进中 with a 未完成 proposal still open; a proposal withdrawn;
* deadlines: none, 100 days past, today, in 10 days (蓝), in 200 days;

spread over two districts and none, and three officials (two of one name, in different
districts) and none; a few on a document without a publication day (no time share), a few
pending and rejected ones. Each verdict is recorded the day after its as-of day and each
pledge on the day after publication, so ``as_of`` views rebuild them.
"""
from __future__ import annotations

import datetime as dt
import itertools

PASSWORD = "password-123"
DUES = (None, -100, 0, 10, 200)  # days from today
SCRIPTS = ("unrated", "behind", "ahead", "in_progress", "done", "done_late", "partly_done", "stalled",
           "unassessable", "missed", "proposed", "withdrawn")
UTC = dt.timezone.utc


def at(day: dt.date) -> dt.datetime:
    """10:00 in Shanghai on ``day``, as UTC."""
    return dt.datetime(day.year, day.month, day.day, 2, tzinfo=UTC)


def build(session_factory, today: dt.date) -> dict:
    """Write the cases; returns {"ids": {(script, due offset): pledge id}, "extra": [ids], "today": today}."""
    from tracker.db.enums import DocumentFormat, PledgeOrigin, QuantityRole, ReviewState, Status
    import sqlalchemy as sa

    from tracker.db.models import AuditEvent, Document, Official, Pledge, Quantity
    from tracker.reading import sha256_text
    from tracker.services import status, users, workbench
    from tracker.services.places import PlaceResolver, load_gazetteer

    published = today - dt.timedelta(days=400)
    with session_factory() as s:
        load_gazetteer(s)
        resolver = PlaceResolver(s)
        editor = users.ensure_user(s, "cases_editor", PASSWORD, "editor")
        reviewer = users.ensure_user(s, "cases_reviewer", PASSWORD, "reviewer")
        second = users.ensure_user(s, "cases_reviewer2", PASSWORD, "reviewer")
        zhangdian, linzi = resolver.district(s, "张店区"), resolver.district(s, "临淄区")
        officials = [Official(name="马晓磊", district_id=zhangdian), Official(name="马晓磊", district_id=linzi),
                     Official(name="王芳", district_id=linzi)]
        s.add_all(officials)
        docs = []
        for title, day in (("民生实事清单", published), ("未注明日期的通知", None)):
            text = f"{title}\n" + "新建幼儿园30所。" * 80
            docs.append(Document(title=title, file_name=f"{title}.txt", format=DocumentFormat.TEXT, published_on=day,
                                 text=text, sha256=sha256_text(text), raw_sha256=sha256_text(text),
                                 encoding="utf-8", extractor_version="test"))
        s.add_all(docs)
        s.flush()
        districts = itertools.cycle([zhangdian, linzi, None])
        people = itertools.cycle([officials[0].id, officials[1].id, officials[2].id, None])
        n = itertools.count()

        def pledge(due_on, state=ReviewState.CONFIRMED, document=docs[0]) -> Pledge:
            k = next(n)
            start = len(document.title) + 1 + 8 * (k % 80)
            p = Pledge(document_id=document.id, origin=PledgeOrigin.MANUAL, start=start, end=start + 8,
                       quote=f"新建幼儿园30所（{k}）", object="幼儿园", district_id=next(districts),
                       official_id=next(people), responsible_unit="教育局" if k % 2 else None, due_on=due_on,
                       created_at=at(published + dt.timedelta(days=1)))
            p.quantities.append(Quantity(position=0, value=30, unit="所", raw="30所", role=QuantityRole.COUNT,
                                         start=start + 5, end=start + 8))
            s.add(p)
            s.flush()
            if state is ReviewState.CONFIRMED:
                workbench.confirm_pledge(s, p.id, editor, version=None)
            elif state is ReviewState.REJECTED:
                workbench.reject_pledge(s, p.id, editor, version=None, reason="不是承诺")
            # the editor decided the day after publication, so views as of a past day see the decision
            s.execute(sa.update(AuditEvent).where(AuditEvent.entity == "pledge", AuditEvent.entity_id == p.id)
                      .values(at=at(published + dt.timedelta(days=2))))
            return p

        def rate(p, verdict, as_of_on, by=reviewer, **kw):
            event = status.set_status(s, p, by, status.StatusChange(verdict, as_of_on=as_of_on, **kw), today=today)
            event.created_at = at(min(as_of_on + dt.timedelta(days=1), today))
            s.flush()
            return event

        def answer(proposal, confirm: bool):
            act = status.confirm_status if confirm else status.withdraw_status
            event = act(s, proposal, second)
            event.created_at = at(min(proposal.as_of_on + dt.timedelta(days=2), today))
            s.flush()

        ids = {}
        for script, offset in itertools.product(SCRIPTS, DUES):
            due = None if offset is None else today + dt.timedelta(days=offset)
            document = docs[1] if script == "behind" and offset == 200 else docs[0]
            p = pledge(due, document=document)
            ids[(script, offset)] = p.id
            early = published + dt.timedelta(days=200)  # half the time to a deadline 200 days out has passed
            if script == "behind":
                rate(p, Status.IN_PROGRESS, early, achieved_value="3")  # 10% done
            elif script == "ahead":
                rate(p, Status.IN_PROGRESS, early, achieved_value="29")
            elif script == "in_progress":
                rate(p, Status.IN_PROGRESS, early, note="开工")
            elif script in ("done", "done_late"):
                day = min(today, due or today) - dt.timedelta(days=5)
                if script == "done_late" and due is not None and due + dt.timedelta(days=5) <= today:
                    day = due + dt.timedelta(days=5)
                if script == "done_late":
                    rate(p, Status.IN_PROGRESS, early, achieved_value="12")
                rate(p, Status.DONE, day, evidence_url="https://example.gov.cn/done", achieved_value="30")
            elif script in ("partly_done", "stalled", "unassessable"):
                rate(p, Status(script), early + dt.timedelta(days=30), note="见说明")
            elif script in ("missed", "proposed", "withdrawn"):
                if script == "proposed":
                    rate(p, Status.IN_PROGRESS, early, achieved_value="6")
                proposal = rate(p, Status.MISSED, early + dt.timedelta(days=60), evidence_quote="项目暂缓",
                                miss_reason="funding")
                if script != "proposed":
                    answer(proposal, script == "missed")
        extra = [pledge(today - dt.timedelta(days=100), ReviewState.PENDING).id,
                 pledge(today + dt.timedelta(days=10), ReviewState.PENDING).id,
                 pledge(today - dt.timedelta(days=100), ReviewState.REJECTED).id,
                 pledge(None, ReviewState.REJECTED).id]
        s.commit()
    return {"ids": ids, "extra": extra, "today": today}
