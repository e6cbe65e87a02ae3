"""The reviewer's follow-up queue and screen, and what the pledge page shows of follow-ups, on the
real 高阳县 pair (its 2017 plan and the review of 2017 in its 2018 report)."""
from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

from web_helpers import BOTH, login

DATA = Path(__file__).resolve().parents[1] / "followup_data"


@pytest.fixture
def pair(seeded_url, tmp_path, db):
    """The pair ingested into the test database (the review matched at ingest), the plan's pledges
    confirmed by the editor; returns (plan id, review id)."""
    from tracker.db.engine import make_engine, make_sessionmaker
    from tracker.db.models import Document, Pledge, User
    from tracker.services import workbench
    from tracker.services.ingest import ingest_paths

    shutil.copytree(DATA, tmp_path / "gaoyang")
    engine = make_engine(seeded_url)
    try:
        factory = make_sessionmaker(engine)
        summary = ingest_paths(factory, [tmp_path / "gaoyang"])
        assert summary.new == 2 and summary.suggestions >= 3
        with factory() as s:
            plan, review = s.scalars(sa.select(Document.id).where(Document.file_name.like("gaoyang%"))
                                     .order_by(Document.published_on)).all()
            editor = s.scalar(sa.select(User).where(User.name == "editor"))
            for pledge_id in s.scalars(sa.select(Pledge.id).where(Pledge.document_id == plan)):
                workbench.confirm_pledge(s, pledge_id, editor, version=None)
            s.commit()
    finally:
        engine.dispose()
    return plan, review


def _suggestion_id(db, words: str) -> int:
    from tracker.db.models import Pledge, Suggestion

    db.rollback()
    return db.scalar(sa.select(Suggestion.id).join(Pledge, Pledge.id == Suggestion.pledge_id)
                     .where(Pledge.quote.contains(words)))


def _version(html: str) -> int:
    return int(re.search(r'name="version" type="hidden" value="(\d+)"', html).group(1))


def test_the_queue_is_for_reviewers_most_confident_first_with_the_comparison(client, pair):
    assert client.get("/followup/").status_code == 302  # anonymous: to the login
    login(client, "editor")
    assert client.get("/followup/").status_code == 403
    client.post("/logout")
    login(client, "reviewer")
    html = client.get("/followup/").get_data(as_text=True)
    assert "后续建议" in html and "目标 30家 → 报告 45家：超额 50%" in html
    scores = [float(x) for x in re.findall(r'<td class="num">(\d\.\d\d)</td>', html)]
    assert scores and scores == sorted(scores, reverse=True)
    missed = client.get("/followup/?outcome=未完成").get_data(as_text=True)
    assert "农村公路" in missed and "外贸出口企业30家" not in missed and "结果 = 未完成" in missed
    bad = client.get("/followup/?outcome=很好")
    assert bad.status_code == 400 and "无法识别" in bad.get_data(as_text=True)
    assert client.get("/followup/?district=不存在的县").status_code == 400


def test_the_screen_shows_the_pledge_beside_the_evidence_highlighted(client, pair, db):
    login(client, "reviewer")
    sid = _suggestion_id(db, "外贸出口企业")
    html = client.get(f"/followup/{sid}").get_data(as_text=True)
    assert re.search(r'<mark [^>]*class="hl hl-current"[^>]*>新增外贸出口企业', html)
    assert re.search(r'<mark [^>]*class="hl hl-evidence[^"]*"[^>]*>', html)
    assert "45家" in html and "目标 30家 → 报告 45家：超额 50%" in html
    assert 'id="followup-form"' in html and '<option selected value="done">已完成</option>' in html
    assert re.search(r'<input [^>]*name="achieved_value"[^>]*value="45"', html)


@pytest.mark.parametrize("backend", BOTH, indirect=True)
def test_accepting_records_the_status_its_evidence_and_the_history(client, pair, db):
    from tracker.db.enums import Status, SuggestionState
    from tracker.db.models import Pledge, StatusEvent, Suggestion

    _, review = pair
    login(client, "reviewer")
    sid = _suggestion_id(db, "外贸出口企业")
    html = client.get(f"/followup/{sid}").get_data(as_text=True)
    response = client.post(f"/followup/{sid}", data={"version": _version(html), "status": "done",
                                                     "achieved_value": "45", "accept": "1"})
    assert response.status_code == 302 and "/followup/" in response.headers["Location"]
    db.rollback()
    suggestion = db.get(Suggestion, sid)
    assert suggestion.state is SuggestionState.ACCEPTED
    event = db.get(StatusEvent, suggestion.status_event_id)
    assert event.evidence_document_id == review and event.achieved_value == Decimal("45")
    pledge = db.get(Pledge, suggestion.pledge_id)
    assert pledge.status is Status.DONE
    page = client.get(f"/pledges/{pledge.id}").get_data(as_text=True)
    assert f'href="/documents/{review}"' in page and suggestion.evidence_quote in page
    assert "采纳后续文档的建议" in page and "已采纳" in page and "reviewer" in page


def test_correcting_and_dismissing_by_form(client, pair, db):
    from tracker.db.enums import Status, SuggestionState
    from tracker.db.models import Suggestion

    login(client, "reviewer")
    sid = _suggestion_id(db, "项目校")
    html = client.get(f"/followup/{sid}").get_data(as_text=True)
    response = client.post(f"/followup/{sid}", data={"version": _version(html), "status": "in_progress",
                                                     "achieved_value": "", "note": "仍在建设", "accept": "1"})
    assert response.status_code == 302
    db.rollback()
    assert db.get(Suggestion, sid).state is SuggestionState.CORRECTED
    assert db.get(Suggestion, sid).decided_status is Status.IN_PROGRESS

    sid = _suggestion_id(db, "农村公路")
    html = client.get(f"/followup/{sid}").get_data(as_text=True)
    refused = client.post(f"/followup/{sid}", data={"version": _version(html), "status": "missed", "dismiss": "1",
                                                    "reason": "  "})
    assert refused.status_code == 400 and "否决建议须写明理由" in refused.get_data(as_text=True)
    no_reason = client.post(f"/followup/{sid}", data={"version": _version(html), "status": "missed", "accept": "1"})
    assert no_reason.status_code == 400 and "原因" in no_reason.get_data(as_text=True)
    done = client.post(f"/followup/{sid}", data={"version": _version(html), "status": "missed", "dismiss": "1",
                                                 "reason": "43.7公里含改建，口径不同"})
    assert done.status_code == 302
    db.rollback()
    suggestion = db.get(Suggestion, sid)
    assert suggestion.state is SuggestionState.DISMISSED and suggestion.reason == "43.7公里含改建，口径不同"
    page = client.get(f"/pledges/{suggestion.pledge_id}").get_data(as_text=True)
    assert "已否决" in page and "口径不同" in page


def test_a_stale_form_is_refused_and_keeps_the_reviewers_values(client, pair, db):
    login(client, "reviewer")
    sid = _suggestion_id(db, "外贸出口企业")
    html = client.get(f"/followup/{sid}").get_data(as_text=True)
    version = _version(html)
    assert client.post(f"/followup/{sid}", data={"version": version, "status": "done", "accept": "1"}).status_code == 302
    again = client.post(f"/followup/{sid}", data={"version": version, "status": "partly_done", "accept": "1",
                                                  "note": "我的说明"})
    body = again.get_data(as_text=True)
    assert again.status_code == 409 and "保存失败" in body and "我的说明" in body and "已采纳" in body


def test_the_lists_filter_pledges_restated_lower_or_later(client, pair):
    assert client.get("/pledges/?restated=lower").status_code == 200
    page = client.get("/reports/?restated=weaker").get_data(as_text=True)
    assert "后续重述 = 目标下调或时限推迟" in page
    bad = client.get("/pledges/?restated=higher")
    assert bad.status_code == 400 and "后续重述" in bad.get_data(as_text=True)


def test_the_pledge_page_shows_the_carried_over_chain_and_a_dropped_pledge(client, pair, db):
    from tracker.db.enums import DeadlineChange, TargetChange
    from tracker.db.models import Pledge, Restatement, Suggestion

    plan, review = pair
    db.rollback()
    db.execute(sa.delete(Restatement))
    earlier = db.scalars(sa.select(Pledge).where(Pledge.document_id == plan).order_by(Pledge.start)).all()
    later = db.scalars(sa.select(Pledge).where(Pledge.document_id == review).order_by(Pledge.start)).all()
    told = set(db.scalars(sa.select(Suggestion.pledge_id).where(Suggestion.document_id == review)))
    restated, dropped = earlier[0], next(p for p in earlier[1:] if p.id not in told)
    db.add(Restatement(earlier_pledge_id=restated.id, later_pledge_id=later[0].id, changes=["target_lowered"],
                       target_change=TargetChange.LOWERED, deadline_change=DeadlineChange.LATER, confidence=0.7,
                       matcher_version="t"))
    db.commit()
    page = client.get(f"/pledges/{restated.id}").get_data(as_text=True)
    assert "跨年延续" in page and f'href="/pledges/{later[0].id}"' in page and "目标下调，时限推迟" in page
    back = client.get(f"/pledges/{later[0].id}").get_data(as_text=True)
    assert f'href="/pledges/{restated.id}"' in back and "本条重述它" in back
    gone = client.get(f"/pledges/{dropped.id}").get_data(as_text=True)
    assert "对本条未置一词" in gone
    assert str(restated.id) in client.get("/pledges/?restated=weaker&review_state=all").get_data(as_text=True)
