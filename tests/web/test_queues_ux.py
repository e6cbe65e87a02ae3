"""The queues as users met them: a pledge without a deadline reaches the reviewer's queue, a merged
duplicate no longer looks pending, and both queues show today's progress."""
from __future__ import annotations

import sqlalchemy as sa

from web_helpers import login, pending_ids, user


def test_a_pledge_without_a_deadline_is_in_the_reviewers_queue(client, db):
    from tracker.db.models import Pledge
    from tracker.services import workbench

    first = pending_ids(db)[0]
    pledge = db.get(Pledge, first)
    assert pledge.due_on is None
    workbench.confirm_pledge(db, first, user(db, "editor"), version=pledge.version_id)
    db.commit()
    login(client, "reviewer")
    html = client.get("/reports/queue").get_data(as_text=True)
    undated = html.split('id="queue-undated"')[1].split("</section>")[0]
    assert f'id="q-{first}"' in undated and "从未" in undated
    assert 'id="undated-count">1<' in html and "今日已评估 0" in html


def test_a_merged_duplicate_reads_merged_not_pending(client, db):
    from tracker.services import workbench

    keep, dup = pending_ids(db)[:2]
    workbench.merge_pledges(db, user(db, "editor"), keep, dup)
    db.commit()
    html = client.get(f"/pledges/{dup}").get_data(as_text=True)
    head = html.split("<h1>")[1].split("</h1>")[0]
    assert "已合并" in head and "待核实" not in head
    assert f"已合并到 #{keep}" in html


def test_the_review_queue_counts_todays_decisions(client, db):
    from tracker.db.models import Pledge
    from tracker.services import workbench

    first = pending_ids(db)[0]
    workbench.confirm_pledge(db, first, user(db, "editor"), version=db.get(Pledge, first).version_id)
    db.commit()
    login(client, "editor")
    html = client.get("/review/").get_data(as_text=True)
    assert "今日已审 1 · 剩余 4" in html
    assert db.scalar(sa.select(sa.func.count(Pledge.id))) == 5


def test_the_review_queues_count_of_todays_decisions_moves_with_a_decision_between_two_views(client, db):
    """今日已审 N is kept until the data changes: a decision between two views (an audit event) moves it."""
    from tracker.db.models import Pledge
    from tracker.services import workbench

    login(client, "editor")
    assert "今日已审 0 · 剩余 5" in client.get("/review/").get_data(as_text=True)
    assert "今日已审 0 · 剩余 5" in client.get("/review/").get_data(as_text=True)  # (the kept answer)
    first = pending_ids(db)[0]
    workbench.confirm_pledge(db, first, user(db, "editor"), version=db.get(Pledge, first).version_id)
    db.commit()
    assert "今日已审 1 · 剩余 4" in client.get("/review/").get_data(as_text=True)
