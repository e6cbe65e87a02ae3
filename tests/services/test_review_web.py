"""tracker.services.workbench: the editor's decisions, on SQLite and PostgreSQL (``session`` runs on both)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import sqlalchemy as sa

from tracker.db.enums import DistrictLevel, DocumentFormat, PledgeOrigin, QuantityRole, ReviewState, UserRole
from tracker.db.models import AuditEvent, District, Document, Pledge, PledgeSource, Quantity, User
from tracker.services import users, workbench
from tracker.services.errors import NotAllowed, ServiceError, StaleEdit

TEXT = "今年将新建幼儿园3所。\n确保建成小学2处。\n改造道路5公里。\n"


@pytest.fixture
def world(session):
    doc = Document(title="t", file_name="t.txt", format=DocumentFormat.TEXT, text=TEXT, sha256="a" * 64,
                   raw_sha256="a" * 64, encoding="utf-8", extractor_version="t")
    session.add(doc)
    session.flush()
    pledges = []
    for quote, value, unit, confidence in (("新建幼儿园3所", "3", "所", 0.9), ("建成小学2处", "2", "处", 0.6),
                                           ("改造道路5公里", "5", "公里", 0.8)):
        start = TEXT.index(quote)
        p = Pledge(document_id=doc.id, origin=PledgeOrigin.MACHINE, start=start, end=start + len(quote),
                   quote=quote, object=quote[2:-2], confidence=confidence)
        p.quantities.append(Quantity(position=0, value=Decimal(value), unit=unit, raw=value + unit,
                                     role=QuantityRole.COUNT))
        session.add(p)
        pledges.append(p)
    people = {name: users.create_user(session, name, "password-123", role)
              for name, role in (("ed", "editor"), ("ed2", "editor"), ("rev", "reviewer"))}
    session.commit()
    return doc, pledges, people


def test_the_queue_is_lowest_confidence_first_and_claims_are_exclusive(session, world):
    _, (kinder, school, road), people = world
    now = dt.datetime.now(dt.timezone.utc)
    first = workbench.claim_next(session, people["ed"], now=now)
    second = workbench.claim_next(session, people["ed2"], now=now)
    assert (first.id, second.id) == (school.id, road.id)
    assert workbench.claim(session, school.id, people["ed2"], now=now) is False
    assert workbench.claim(session, school.id, people["ed"], now=now) is True  # one's own claim is renewed
    later = now + dt.timedelta(seconds=workbench.CLAIM_SECONDS + 1)
    assert workbench.claim(session, school.id, people["ed2"], now=later) is True  # an expired claim is free


def test_confirm_checks_role_version_and_holder(session, world):
    _, (kinder, school, road), people = world
    with pytest.raises(NotAllowed):
        workbench.confirm_pledge(session, kinder.id, people["rev"], version=kinder.version_id)
    workbench.claim(session, kinder.id, people["ed"])
    with pytest.raises(NotAllowed, match="正由 ed 审核"):
        workbench.confirm_pledge(session, kinder.id, people["ed2"], version=kinder.version_id)
    with pytest.raises(StaleEdit) as stale:
        workbench.confirm_pledge(session, kinder.id, people["ed"], version=kinder.version_id - 1)
    assert stale.value.current.id == kinder.id
    done = workbench.confirm_pledge(session, kinder.id, people["ed"], version=kinder.version_id)
    session.commit()
    assert done.review_state is ReviewState.CONFIRMED and not done.is_corrected and done.claimed_by_id is None


def test_a_correction_is_recorded_old_to_new_and_can_be_undone(session, world):
    _, (kinder, _, _), people = world
    workbench.confirm_pledge(session, kinder.id, people["ed"], version=kinder.version_id,
                             changes={"quantities": [{"value": "4", "unit": "所"}], "object": "公办幼儿园",
                                      "due_on": dt.date(2021, 12, 31), "deadline_precision": "year"})
    session.commit()
    assert kinder.is_corrected and [q.value for q in kinder.quantities] == [Decimal("4")]
    event = session.scalars(sa.select(AuditEvent).where(AuditEvent.entity == "pledge",
                                                        AuditEvent.entity_id == kinder.id)).one()
    assert event.action == "correct"
    assert event.old["quantities"] == [{"value": "3", "value_max": None, "unit": "所"}]
    assert event.new["quantities"] == [{"value": "4", "value_max": None, "unit": "所"}]
    assert (event.old["object"], event.new["object"]) == ("幼儿园", "公办幼儿园")
    undone = workbench.undo_last(session, people["ed"])
    session.commit()
    assert undone.id == kinder.id and undone.review_state is ReviewState.PENDING
    assert (undone.object, [q.value for q in undone.quantities], undone.due_on) == ("幼儿园", [Decimal("3")], None)
    assert workbench.undo_last(session, people["ed"]) is None  # the undo is not itself undone


def test_undo_refuses_once_someone_else_changed_the_pledge(session, world):
    _, (kinder, _, _), people = world
    workbench.confirm_pledge(session, kinder.id, people["ed"], version=kinder.version_id)
    workbench.reject_pledge(session, kinder.id, people["ed2"], version=kinder.version_id, reason="重复")
    session.commit()
    assert workbench.undo_last(session, people["ed"]) is None
    assert workbench.undo_last(session, people["ed2"]).review_state is ReviewState.CONFIRMED


def test_reject_needs_a_reason_and_unknown_districts_are_refused_by_field(session, world):
    _, (kinder, _, _), people = world
    with pytest.raises(workbench.FieldError) as exc:
        workbench.reject_pledge(session, kinder.id, people["ed"], version=kinder.version_id, reason="  ")
    assert exc.value.field == "reject_reason"
    with pytest.raises(workbench.FieldError) as exc:
        workbench.confirm_pledge(session, kinder.id, people["ed"], version=kinder.version_id,
                                 changes={"district": "火星区"})
    assert exc.value.field == "district"
    with pytest.raises(workbench.FieldError) as exc:
        workbench.confirm_pledge(session, kinder.id, people["ed"], version=kinder.version_id,
                                 changes={"quantities": [{"value": "三", "unit": "所"}]})
    assert exc.value.field == "quantities"


def test_add_a_pledge_from_a_selection(session, world):
    doc, _, people = world
    start, end = TEXT.index("确保"), TEXT.index("2处") + 2
    session.add(District(name="张店区", level=DistrictLevel.DISTRICT))
    session.flush()
    pledge = workbench.add_pledge(session, people["ed"], doc.id, start, end,
                                  {"object": "小学", "quantities": [{"value": "2", "unit": "处"}], "official": "张三",
                                   "district": "张店区", "deadline_raw": "2022年底"})
    session.commit()
    assert (pledge.origin, pledge.review_state, pledge.quote) == (PledgeOrigin.MANUAL, ReviewState.CONFIRMED,
                                                                  "确保建成小学2处")
    assert pledge.official.name == "张三" and pledge.confidence is None
    with pytest.raises(ServiceError):
        workbench.add_pledge(session, people["ed"], doc.id, 5, len(TEXT) + 1, {})
    with pytest.raises(NotAllowed):
        workbench.add_pledge(session, people["rev"], doc.id, start, end, {})


def test_merge_moves_sources_and_earlier_merges_along(session, world):
    doc, (a, b, c), people = world
    workbench.merge_pledges(session, people["ed"], b.id, c.id)
    workbench.merge_pledges(session, people["ed"], a.id, b.id)
    session.commit()
    sources = session.scalars(sa.select(PledgeSource).where(PledgeSource.pledge_id == a.id)
                              .order_by(PledgeSource.id)).all()
    assert {(s.start, s.merged_pledge_id) for s in sources} == {(b.start, b.id), (c.start, c.id)}
    assert session.get(Pledge, c.id).merged_into_id == a.id and session.get(Pledge, b.id).merged_into_id == a.id
    assert workbench.queue_count(session, workbench.QueueFilter()) == 1
    with pytest.raises(ServiceError, match="已合并"):
        workbench.merge_pledges(session, people["ed"], a.id, b.id)
    with pytest.raises(ServiceError, match="已合并"):
        workbench.confirm_pledge(session, b.id, people["ed"], version=None)


def test_users_hash_passwords_and_authenticate(session):
    u = users.create_user(session, "小王", "password-123", UserRole.EDITOR)
    assert u.password_hash != "password-123" and users.authenticate(session, "小王", "password-123").id == u.id
    assert users.authenticate(session, "小王", "wrong") is None and users.authenticate(session, "nobody", "x") is None
    with pytest.raises(ServiceError, match="已存在"):
        users.create_user(session, "小王", "password-123")
    again = users.ensure_user(session, "小王", "another-pass", "admin")  # idempotent, for the demo
    assert again.id == u.id and again.role is UserRole.ADMIN
    assert users.authenticate(session, "小王", "another-pass") is not None
    assert session.scalar(sa.select(sa.func.count(User.id))) == 1


def test_an_unchanged_district_name_keeps_its_district_when_names_repeat(session, world):
    from tracker.db.enums import DistrictLevel
    from tracker.db.models import District

    _, (kinder, _, _), people = world
    first = District(name="新城区", level=DistrictLevel.DISTRICT)
    session.add(first)
    session.flush()
    second = District(name="新城区", level=DistrictLevel.DISTRICT, parent_id=first.id)  # another city's
    session.add(second)
    session.flush()
    kinder.district_id = second.id
    session.commit()
    done = workbench.confirm_pledge(session, kinder.id, people["ed"], version=kinder.version_id,
                                    changes={"district": "新城区"})
    assert done.district_id == second.id and not done.is_corrected
