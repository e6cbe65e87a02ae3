"""Human work is sacred: re-ingest and re-extraction never change what people decided."""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from tracker.db.enums import ReviewState, Status
from tracker.db.models import Candidate, Document, Pledge, Quantity, User
from tracker.services import status, workbench
from tracker.services.ingest import ingest_paths
from tracker.services.reextract import reextract_all


def _rows(s, ids):
    """Every column of the pledges and their quantities, as stored."""
    pledges = s.execute(sa.select(Pledge.__table__).where(Pledge.id.in_(ids)).order_by(Pledge.id)).mappings().all()
    quantities = s.execute(sa.select(Quantity.__table__).where(Quantity.pledge_id.in_(ids))
                           .order_by(Quantity.id)).mappings().all()
    return [dict(r) for r in pledges], [dict(r) for r in quantities]


def test_confirmed_corrected_rejected_and_rated_pledges_survive_reingest_and_reextract(
        session_factory, ingested, users, seeds_dir):
    with session_factory() as s:
        editor, reviewer = s.get(User, users["editor"]), s.get(User, users["reviewer"])
        first, second, third, fourth = s.scalars(sa.select(Pledge.id).order_by(Pledge.id).limit(4)).all()
        workbench.confirm_pledge(s, first, editor, version=None)
        corrected = workbench.confirm_pledge(s, second, editor, version=None, changes={
            "object": "人工改过的对象", "responsible_unit": "区发改局",
            "quantities": [{"value": "99", "unit": "个"}]})
        assert corrected.is_corrected
        workbench.reject_pledge(s, third, editor, version=None, reason="不是承诺")
        rated = workbench.confirm_pledge(s, fourth, editor, version=None)
        status.set_status(s, rated, reviewer, status.StatusChange(
                Status.IN_PROGRESS, as_of_on=dt.date(2024, 1, 31), evidence_url="https://example.gov.cn/progress",
                achieved_value=1), today=dt.date(2024, 6, 1))
        s.commit()
        human = [first, second, third, fourth]
        before = _rows(s, human)
        machine_before = {p.id: p.candidate_id for p in s.scalars(sa.select(Pledge).where(Pledge.id.not_in(human)))}

    again = ingest_paths(session_factory, [seeds_dir])
    assert (again.new, again.unchanged, again.pledges) == (0, 5, 0)

    reports = reextract_all(session_factory, version="test-2")
    assert [r.failed for r in reports] == [None] * 5
    assert all(r.skipped is None for r in reports), [r.skipped for r in reports]
    assert sum(r.kept for r in reports) == 4

    with session_factory() as s:
        assert _rows(s, human) == before  # every column, version and timestamp unchanged
        states = dict(s.execute(sa.select(Pledge.id, Pledge.review_state).where(Pledge.id.in_(human))).all())
        assert states == {first: ReviewState.CONFIRMED, second: ReviewState.CONFIRMED,
                          third: ReviewState.REJECTED, fourth: ReviewState.CONFIRMED}
        # Untouched pending pledges now carry the new run's reading (or were retracted).
        refreshed = s.execute(sa.select(Pledge.id, Candidate.extractor_version)
                              .join(Candidate, Pledge.candidate_id == Candidate.id)
                              .where(Pledge.id.in_(list(machine_before)))).all()
        assert refreshed and {v for _, v in refreshed} == {"test-2"}
        assert sum(r.refreshed for r in reports) == len(refreshed)
        assert all(d.extractor_version == "test-2" for d in s.scalars(sa.select(Document)))
        # The old run's candidates are still there, unchanged: machine output is immutable.
        versions = s.execute(sa.select(Candidate.extractor_version, sa.func.count()).group_by(
            Candidate.extractor_version)).all()
        assert dict(versions)["test-2"] == sum(r.candidates for r in reports)
        assert len(dict(versions)) == 2

    disagreements = {(d.pledge_id, d.field) for r in reports for d in r.disagreements}
    assert (second, "object") in disagreements  # the correction differs from the machine: reported, not applied
    assert (second, "quantities") in disagreements
    assert any(pid == third and field == "review_state" for pid, field in disagreements)

    # A second run has nothing to do.
    assert {r.skipped for r in reextract_all(session_factory, version="test-2")} == {"已由抽取器 test-2 读过"}
    with session_factory() as s:
        assert _rows(s, human) == before


def test_reextract_retracts_pending_pledges_the_rules_no_longer_find(session_factory, ingested, users):
    from tracker.extract import extract_document

    def finds_nothing(text, published=None):
        doc = extract_document(text, published=published)
        return type(doc)(doc.text, doc.blocks, (), doc.published, doc.published_source)

    with session_factory() as s:
        editor = s.get(User, users["editor"])
        kept = s.scalars(sa.select(Pledge.id).order_by(Pledge.id).limit(1)).one()
        workbench.confirm_pledge(s, kept, editor, version=None)
        s.commit()
    reports = reextract_all(session_factory, version="nothing", extract=finds_nothing)
    with session_factory() as s:
        assert s.scalars(sa.select(Pledge.id)).all() == [kept]
    assert sum(r.retracted for r in reports) == ingested.pledges - 1
    assert [(d.pledge_id, d.field, d.machine) for r in reports for d in r.disagreements] == [
        (kept, "pledge", "no longer found")]
