"""A reviewer's verdicts: the rules of ``tracker.services.status``."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import sqlalchemy as sa

from tracker.db.enums import MissReason, Status, StatusEventKind
from tracker.db.models import AuditEvent, Pledge, StatusEvent, User
from tracker.services import status, workbench
from tracker.services.errors import EvidenceRequired, NotAllowed, ServiceError, StaleEdit

TODAY = dt.date(2024, 6, 1)


def _user(s, users, name):
    return s.get(User, users[name])


def _confirmed(s, users, n=1) -> list[Pledge]:
    ids = s.scalars(sa.select(Pledge.id).order_by(Pledge.id).limit(n)).all()
    return [workbench.confirm_pledge(s, i, _user(s, users, "editor"), version=None) for i in ids]


def test_only_a_confirmed_pledge_is_rated(session_factory, ingested, users):
    with session_factory() as s:
        pending, rejected = s.scalars(sa.select(Pledge).order_by(Pledge.id).limit(2)).all()
        workbench.reject_pledge(s, rejected.id, _user(s, users, "editor"), version=None, reason="项目名称")
        for pledge in (pending, rejected):
            with pytest.raises(ServiceError, match="已确认"):
                status.set_status(s, pledge, _user(s, users, "reviewer"), status.StatusChange(
                        Status.IN_PROGRESS, as_of_on=TODAY), today=TODAY)


def test_roles_evidence_dates_and_the_version_are_checked(session_factory, ingested, users):
    with session_factory() as s:
        [pledge] = _confirmed(s, users)
        reviewer = _user(s, users, "reviewer")
        with pytest.raises(NotAllowed, match="评议员"):
            status.set_status(s, pledge, _user(s, users, "editor"), status.StatusChange(
                    Status.IN_PROGRESS, as_of_on=TODAY), today=TODAY)
        with pytest.raises(EvidenceRequired, match="佐证"):
            status.set_status(s, pledge, reviewer, status.StatusChange(
                    Status.DONE, as_of_on=TODAY, evidence_url="  "), today=TODAY)
        with pytest.raises(ServiceError, match="晚于今天"):
            status.set_status(s, pledge, reviewer, status.StatusChange(
                    Status.IN_PROGRESS, as_of_on=TODAY + dt.timedelta(days=1)), today=TODAY)
        with pytest.raises(StaleEdit):
            status.set_status(s, pledge, reviewer, status.StatusChange(
                    Status.IN_PROGRESS, as_of_on=TODAY, version=pledge.version_id - 1), today=TODAY)
        with pytest.raises(ServiceError, match="有效的数字"):
            status.set_status(s, pledge, reviewer, status.StatusChange(
                    Status.IN_PROGRESS, as_of_on=TODAY, achieved_value="十八"), today=TODAY)
        assert pledge.status is Status.UNASSESSED
        assert s.scalar(sa.select(sa.func.count(StatusEvent.id))) == 0


def test_done_with_evidence_and_the_achieved_quantity(session_factory, ingested, users):
    with session_factory() as s:
        [pledge] = _confirmed(s, users)
        version = pledge.version_id
        status.set_status(s, pledge, _user(s, users, "reviewer"), status.StatusChange(
                Status.IN_PROGRESS, as_of_on=dt.date(2021, 6, 30), achieved_value="18", note="已开工"), today=TODAY)
        event = status.set_status(s, pledge, _user(s, users, "reviewer"), status.StatusChange(
                Status.DONE, as_of_on=TODAY, evidence_url="https://example.gov.cn/done", achieved_value=Decimal("30"),
                version=pledge.version_id), today=TODAY)
        s.commit()
        assert (pledge.status, pledge.status_on) == (Status.DONE, TODAY)
        assert pledge.version_id > version
        assert (event.kind, event.old_status, event.new_status) == (
            StatusEventKind.EFFECTIVE, Status.IN_PROGRESS, Status.DONE)
        assert (pledge.quantities[0].achieved_value, pledge.quantities[0].achieved_on) == (Decimal(30), TODAY)
        timeline = s.scalars(sa.select(StatusEvent).where(StatusEvent.pledge_id == pledge.id)
                             .order_by(StatusEvent.as_of_on)).all()
        assert [(e.new_status, e.achieved_value) for e in timeline] == [
            (Status.IN_PROGRESS, Decimal(18)), (Status.DONE, Decimal(30))]
        actions = s.scalars(sa.select(AuditEvent.action).where(AuditEvent.entity == "pledge",
                                                               AuditEvent.entity_id == pledge.id)
                            .order_by(AuditEvent.id)).all()
        assert actions == ["confirm", "set_status", "set_status"]


def test_missed_is_a_proposal_until_a_second_reviewer_confirms_it(session_factory, ingested, users):
    with session_factory() as s:
        [pledge] = _confirmed(s, users)
        first, second = _user(s, users, "reviewer"), _user(s, users, "reviewer2")
        status.set_status(s, pledge, first, status.StatusChange(
                Status.IN_PROGRESS, as_of_on=dt.date(2021, 3, 1)), today=TODAY)
        with pytest.raises(ServiceError, match="原因"):
            status.set_status(s, pledge, first, status.StatusChange(
                    Status.MISSED, as_of_on=TODAY, evidence_quote="未建成"), today=TODAY)
        proposal = status.set_status(s, pledge, first, status.StatusChange(
                Status.MISSED, as_of_on=TODAY, evidence_quote="年底仅建成1所", miss_reason=MissReason.FUNDING), today=TODAY)
        s.commit()
        assert proposal.kind is StatusEventKind.PROPOSED
        assert pledge.status is Status.IN_PROGRESS  # not in force yet
        assert status.open_proposal(s, pledge.id).id == proposal.id
        with pytest.raises(NotAllowed, match="另一位"):
            status.confirm_status(s, proposal, first)
        status.confirm_status(s, proposal, second, note="核实无误")
        s.commit()
        assert (pledge.status, pledge.status_on, pledge.miss_reason) == (Status.MISSED, TODAY, MissReason.FUNDING)
        assert status.open_proposal(s, pledge.id) is None
        with pytest.raises(ServiceError, match="已处理"):
            status.withdraw_status(s, proposal, second)
        kinds = s.scalars(sa.select(StatusEvent.kind).where(StatusEvent.pledge_id == pledge.id)
                          .order_by(StatusEvent.id)).all()
        assert kinds == [StatusEventKind.EFFECTIVE, StatusEventKind.PROPOSED, StatusEventKind.CONFIRMATION]


def test_a_withdrawn_proposal_leaves_the_status_as_it_was(session_factory, ingested, users):
    with session_factory() as s:
        [pledge] = _confirmed(s, users)
        proposal = status.set_status(s, pledge, _user(s, users, "reviewer"), status.StatusChange(
                Status.MISSED, as_of_on=TODAY, evidence_url="https://x", miss_reason="policy"), today=TODAY)
        status.withdraw_status(s, proposal, _user(s, users, "reviewer2"))
        s.commit()
        assert pledge.status is Status.UNASSESSED and status.open_proposal(s, pledge.id) is None


def test_a_status_moves_back_and_forth_but_never_back_to_unassessed(session_factory, ingested, users):
    with session_factory() as s:
        [pledge] = _confirmed(s, users)
        reviewer = _user(s, users, "reviewer")
        for verdict in (Status.STALLED, Status.IN_PROGRESS, Status.STALLED):
            status.set_status(s, pledge, reviewer, status.StatusChange(verdict, as_of_on=TODAY), today=TODAY)
        assert pledge.status is Status.STALLED
        with pytest.raises(ServiceError, match="不能从"):
            status.set_status(s, pledge, reviewer, status.StatusChange(
                    Status.UNASSESSED, as_of_on=TODAY), today=TODAY)
