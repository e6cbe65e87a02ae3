"""Follow-up in the database: suggestions from a later document, the reviewer's decisions on them,
and carried-over pledges. Real texts: 高阳县's 2017 work report (its plan) and the review of 2017 in
its 2018 report (tests/followup_data, from the shared evaluation pair)."""
from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

from tracker.db.enums import (DeadlineChange, DistrictLevel, FollowupOutcome, MissReason, ReviewState, Status,
                              StatusEventKind, SuggestionState, TargetChange)
from tracker.db.models import AuditEvent, District, Document, Pledge, Restatement, StatusEvent, Suggestion, User
from tracker.services import followup, listing, status, workbench
from tracker.services.errors import NotAllowed, ServiceError, StaleEdit
from tracker.services.ingest import ingest_paths

DATA = Path(__file__).resolve().parents[1] / "followup_data"
TODAY = dt.date(2024, 6, 1)


@pytest.fixture
def pair_dir(tmp_path) -> Path:
    target = tmp_path / "gaoyang"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def pair(session_factory, pair_dir, users):
    """The plan and its review ingested (the review is matched at ingest); the plan's pledges confirmed.
    Returns (plan id, review id)."""
    summary = ingest_paths(session_factory, [pair_dir])
    assert summary.new == 2 and summary.suggestions >= 3, summary
    with session_factory() as s:
        plan, review = s.scalars(sa.select(Document.id).order_by(Document.published_on)).all()
        editor = s.get(User, users["editor"])
        for pledge_id in s.scalars(sa.select(Pledge.id).where(Pledge.document_id == plan)):
            workbench.confirm_pledge(s, pledge_id, editor, version=None)
        s.commit()
    return plan, review


def _suggestion(s, object_words: str) -> Suggestion:
    return s.scalars(sa.select(Suggestion).join(Pledge, Pledge.id == Suggestion.pledge_id)
                     .where(Pledge.quote.contains(object_words))).one()


def _user(s, users, name) -> User:
    return s.get(User, users[name])


def test_ingesting_the_later_report_stores_pending_suggestions_with_their_evidence(session_factory, pair):
    plan, review = pair
    with session_factory() as s:
        text = s.get(Document, review).text
        rows = s.scalars(sa.select(Suggestion)).all()
        assert rows and all(r.document_id == review and r.state is SuggestionState.PENDING for r in rows)
        for r in rows:
            assert r.evidence_quote == text[r.evidence_start:r.evidence_end]
            assert r.outcome not in followup.SILENT
            assert r.matcher_version and 0 <= r.confidence <= 1
            assert s.get(Pledge, r.pledge_id).document_id == plan
        firms = _suggestion(s, "外贸出口企业")
        assert firms.outcome is FollowupOutcome.EXCEEDED and "45家" in firms.evidence_quote
        assert firms.reported[0]["raw"] == "45家"
        assert followup.comparison(firms, firms.pledge).text() == "目标 30家 → 报告 45家：超额 50%"
        roads = _suggestion(s, "农村公路")
        assert roads.outcome is FollowupOutcome.MISSED
        assert followup.comparison(roads, roads.pledge).text() == "目标 50公里 → 报告 43.7公里：未完成（完成 87.4%）"
        # silence is not stored: 淘汰落后织机 is not reported in the review
        assert not s.scalars(sa.select(Suggestion).join(Pledge, Pledge.id == Suggestion.pledge_id)
                             .where(Pledge.quote.contains("淘汰落后织机"))).all()
        # nothing became a status by itself
        assert s.scalar(sa.select(sa.func.count(StatusEvent.id))) == 0


def test_accepting_makes_a_status_with_the_document_the_quote_and_the_figure(session_factory, pair, users):
    _, review = pair
    with session_factory() as s:
        firms = _suggestion(s, "外贸出口企业")
        event = followup.accept_suggestion(s, firms, _user(s, users, "reviewer"), version=firms.version_id,
                                           today=TODAY)
        s.commit()
    with session_factory() as s:
        firms = _suggestion(s, "外贸出口企业")
        event = s.get(StatusEvent, firms.status_event_id)
        assert firms.state is SuggestionState.ACCEPTED and firms.decided_by.name == "reviewer"
        assert (event.new_status, event.kind) == (Status.DONE, StatusEventKind.EFFECTIVE)
        assert event.evidence_document_id == review and event.evidence_quote == firms.evidence_quote
        assert (event.evidence_start, event.evidence_end) == (firms.evidence_start, firms.evidence_end)
        assert event.achieved_value == Decimal("45") and event.as_of_on == dt.date(2018, 1, 31)
        pledge = s.get(Pledge, firms.pledge_id)
        assert pledge.status is Status.DONE and pledge.quantities[0].achieved_value == Decimal("45")
        notes = s.scalars(sa.select(AuditEvent.note).where(AuditEvent.entity_id == pledge.id,
                                                           AuditEvent.action == "accept_suggestion")).all()
        assert len(notes) == 1 and f"文档 #{review}" in notes[0] and "45家" in notes[0]
        assert followup.suggestions_of(s, pledge.id) == [firms]


def test_a_suggested_miss_is_a_proposal_until_a_second_reviewer_confirms(session_factory, pair, users):
    with session_factory() as s:
        roads = _suggestion(s, "农村公路")
        with pytest.raises(ServiceError, match="原因"):
            followup.accept_suggestion(s, roads, _user(s, users, "reviewer"), today=TODAY)
        s.rollback()
        roads = _suggestion(s, "农村公路")
        event = followup.accept_suggestion(s, roads, _user(s, users, "reviewer"), miss_reason=MissReason.FUNDING,
                                           today=TODAY)
        assert event.kind is StatusEventKind.PROPOSED and event.achieved_value == Decimal("43.7")
        assert roads.pledge.status is Status.UNASSESSED
        with pytest.raises(NotAllowed, match="另一位"):
            status.confirm_status(s, event, _user(s, users, "reviewer"))
        status.confirm_status(s, event, _user(s, users, "reviewer2"))
        assert roads.pledge.status is Status.MISSED
        s.commit()


def test_a_corrected_status_or_figure_is_recorded_as_a_correction(session_factory, pair, users):
    with session_factory() as s:
        schools = _suggestion(s, "项目校")
        event = followup.accept_suggestion(s, schools, _user(s, users, "reviewer"), status=Status.IN_PROGRESS,
                                           achieved_value="20", note="40所仍在建设", today=TODAY)
        assert schools.state is SuggestionState.CORRECTED and schools.decided_status is Status.IN_PROGRESS
        assert event.new_status is Status.IN_PROGRESS and event.achieved_value == Decimal("20")
        assert schools.reason == "40所仍在建设"


def test_only_reviewers_decide_and_a_pending_pledge_must_be_confirmed_first(session_factory, pair_dir, users):
    ingest_paths(session_factory, [pair_dir])
    with session_factory() as s:
        firms = _suggestion(s, "外贸出口企业")
        with pytest.raises(NotAllowed):
            followup.accept_suggestion(s, firms, _user(s, users, "editor"), today=TODAY)
        with pytest.raises(ServiceError, match="已确认"):
            followup.accept_suggestion(s, firms, _user(s, users, "reviewer"), today=TODAY)
        s.rollback()
        # not in the reviewer's queue until an editor confirms the pledge
        assert followup.queue_count(s, followup.QueueFilter()) == 0
        assert followup.awaiting_confirmation(s) >= 3


def test_dismissing_needs_a_reason_and_a_decision_is_taken_once(session_factory, pair, users):
    with session_factory() as s:
        firms = _suggestion(s, "外贸出口企业")
        reviewer = _user(s, users, "reviewer")
        with pytest.raises(ServiceError, match="理由"):
            followup.dismiss_suggestion(s, firms, reviewer, reason="  ")
        version = firms.version_id
        followup.dismiss_suggestion(s, firms, reviewer, reason="45家是另一口径", version=version)
        s.commit()
        with pytest.raises(StaleEdit):
            followup.accept_suggestion(s, firms, _user(s, users, "reviewer2"), version=version, today=TODAY)
        with pytest.raises(StaleEdit, match="已由 reviewer 处理"):
            followup.accept_suggestion(s, firms, _user(s, users, "reviewer2"), today=TODAY)


def test_running_again_keeps_decisions_and_a_newer_matcher_refreshes_only_pending(session_factory, pair, users,
                                                                                  monkeypatch):
    from tracker.extract import followup as matcher

    _, review = pair
    with session_factory() as s:
        firms, roads = _suggestion(s, "外贸出口企业"), _suggestion(s, "农村公路")
        followup.accept_suggestion(s, firms, _user(s, users, "reviewer"), today=TODAY)
        followup.dismiss_suggestion(s, roads, _user(s, users, "reviewer"), reason="另一口径")
        s.commit()
        before = {r.id: (r.state, r.matcher_version, r.version_id) for r in s.scalars(sa.select(Suggestion))}
    with session_factory() as s:
        report = followup.followup_document(s, review)
        s.commit()
    # the accepted pledge is done (closed: no longer matched); the dismissed one is kept as it is
    assert report.added == report.refreshed == report.retracted == 0 and report.kept == 1
    monkeypatch.setattr(matcher, "MATCHER_VERSION", "newer-for-test")
    with session_factory() as s:
        report = followup.followup_document(s, review)
        s.commit()
        after = {r.id: (r.state, r.matcher_version, r.version_id) for r in s.scalars(sa.select(Suggestion))}
    assert report.kept == 1 and report.refreshed == len(before) - 2
    for ident, (state, version, row_version) in before.items():
        if state is SuggestionState.PENDING:
            assert after[ident][1] == "newer-for-test" and after[ident][2] == row_version + 1
        else:
            assert after[ident] == (state, version, row_version)  # decided: not touched
    with session_factory() as s:
        assert _suggestion(s, "农村公路").state is SuggestionState.DISMISSED


def test_the_queue_puts_the_most_confident_first_and_filters(session_factory, pair, users):
    _, review = pair
    with session_factory() as s:
        rows = s.scalars(followup.queue_select(followup.QueueFilter())).all()
        assert [r.confidence for r in rows] == sorted((r.confidence for r in rows), reverse=True)
        missed = s.scalars(followup.queue_select(followup.QueueFilter(outcome=FollowupOutcome.MISSED))).all()
        assert missed and all(r.outcome is FollowupOutcome.MISSED for r in missed)
        assert followup.queue_count(s, followup.QueueFilter(document=review)) == len(rows)
        assert followup.queue_count(s, followup.QueueFilter(document=review + 100)) == 0
        first = rows[0]
        assert followup.next_suggestion(s, followup.QueueFilter(exclude=frozenset({first.id}))).id != first.id


def test_units_of_another_scale_compare():
    assert followup.convert(Decimal(8000), "家", "万家") == Decimal("0.8")
    assert followup.convert(Decimal("1.35"), "万人", "人") == Decimal("13500")
    assert followup.convert(Decimal(3), "所", "所") == Decimal(3)
    assert followup.convert(Decimal(3), "%", "亿元") is None
    assert followup.convert(Decimal(2), "百分点", "分点") is None
    assert followup.split_unit("亿美元") == (Decimal(10) ** 8, "美元")


def test_the_district_tree_gives_the_districts_above_and_below(session):
    city = District(name="保定市", level=DistrictLevel.CITY)
    session.add(city)
    session.flush()
    county = District(name="高阳县", level=DistrictLevel.COUNTY, parent_id=city.id)
    other = District(name="清苑区", level=DistrictLevel.DISTRICT, parent_id=city.id)
    session.add_all([county, other])
    session.flush()
    town = District(name="庞口镇", level=DistrictLevel.TOWN, parent_id=county.id)
    session.add(town)
    session.flush()
    places = followup.Places(session)
    assert places.related([county.id]) == {county.id, city.id, town.id}
    assert places.related([city.id]) >= {city.id, county.id, other.id, town.id}


def _restate(s, earlier: Pledge, later: Pledge, *changes: str) -> None:
    s.add(Restatement(earlier_pledge_id=earlier.id, later_pledge_id=later.id, changes=list(changes),
                      target_change=followup._target_change(changes),
                      deadline_change=followup._deadline_change(changes), confidence=0.8, matcher_version="t"))
    s.flush()


def test_the_carried_over_chain_the_dropped_pledge_and_the_list_filter(session_factory, pair, users):
    plan, review = pair
    with session_factory() as s:
        s.execute(sa.delete(Restatement))
        earlier = s.scalars(sa.select(Pledge).where(Pledge.document_id == plan).order_by(Pledge.start)).all()
        editor = s.get(User, users["editor"])
        # the later document's pledges, added by an editor (a review holds results, which the extractor turns down)
        text = s.get(Document, review).text
        if workbench.find_district(s, "高阳县") is None:
            s.add(District(name="高阳县", level=DistrictLevel.COUNTY))
            s.flush()
        later = []
        for fragment, value, unit in (("新增规模以上工业企业30家", "30", "家"), ("新增外贸出口企业45家", "45", "家")):
            start = text.index(fragment)
            later.append(workbench.add_pledge(s, editor, review, start, start + len(fragment), {
                "object": fragment[2:-3], "quantities": [{"value": value, "unit": unit}],
                "district": "高阳县", "no_deadline": True}))
        a, b, c = earlier[3], earlier[4], earlier[5]
        _restate(s, a, later[0], "target_lowered")
        _restate(s, b, later[1], "deadline_later")
        s.commit()
        back, forward = followup.chain(s, later[0])
        assert [link.pledge.id for link in back] == [a.id] and forward == []
        back, forward = followup.chain(s, a)
        assert back == [] and [link.pledge.id for link in forward] == [later[0].id]
        assert forward[0].restatement.target_change is TargetChange.LOWERED
        # c was neither restated nor reported in a document that restated its neighbours
        told = {r.pledge_id for r in s.scalars(sa.select(Suggestion).where(Suggestion.document_id == review))}
        if c.id not in told:
            assert [d.id for d in followup.dropped_in(s, c)] == [review]
        assert followup.dropped_in(s, a) == []

        def ids(kind):
            f = listing.parse_filters(s, {"restated": kind, "review_state": "all"})
            return {r.id for r in listing.iter_rows(s, f)}
        assert ids("lower") == {a.id}
        assert ids("later") == {b.id}
        assert ids("目标下调或时限推迟") == {a.id, b.id}
        f = listing.parse_filters(s, {"restated": "lower"})
        assert ("后续重述", "目标下调") in f.words and listing.count(s, f) == 1
        with pytest.raises(listing.BadFilter, match="后续重述"):
            listing.parse_filters(s, {"restated": "higher"})
        assert {r.deadline_change for r in s.scalars(sa.select(Restatement))} == {DeadlineChange.UNKNOWN,
                                                                                  DeadlineChange.LATER}
        assert ReviewState.CONFIRMED in {p.review_state for p in later[:2]}
