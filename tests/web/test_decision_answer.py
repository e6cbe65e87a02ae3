"""A decision through the API (confirm, correct, reject, merge) answers the pledge as ``GET /api/pledges/<id>``
gives it afterwards, read in the decision's own transaction (one transaction a request, the editor's row read
once), with its audit event carrying the version the pledge now has; a stale version changes nothing."""
from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from tracker.db.enums import ReviewState
from tracker.db.models import AuditEvent, Pledge
from web_helpers import BOTH, login, pending_ids

pytestmark = pytest.mark.parametrize("backend", BOTH, indirect=True)


class Statements:
    """The statements and transactions of the app's engine while the block runs."""

    def __init__(self, app):
        self.engine = app.extensions["tracker.engine"]

    def __enter__(self):
        self.sql, self.begins, self.commits = [], 0, 0
        self._hooks = [("before_cursor_execute", lambda conn, cur, stmt, *a: self.sql.append(" ".join(stmt.split()))),
                       ("begin", self._begin), ("commit", self._commit)]
        for name, fn in self._hooks:
            event.listen(self.engine, name, fn)
        return self

    def _begin(self, conn):
        self.begins += 1

    def _commit(self, conn):
        self.commits += 1

    def __exit__(self, *exc):
        for name, fn in self._hooks:
            event.remove(self.engine, name, fn)


def last_audit(db, pledge_id: int) -> AuditEvent:
    db.rollback()
    return db.scalars(sa.select(AuditEvent).where(AuditEvent.entity == "pledge", AuditEvent.entity_id == pledge_id)
                      .order_by(AuditEvent.id.desc())).first()


def test_a_confirmation_answers_what_a_read_gives_in_one_transaction(app, client, db):
    login(client, "editor")
    pid = pending_ids(db)[0]
    with Statements(app) as seen:
        r = client.post(f"/api/pledges/{pid}/confirm", json={"version": 1})
    assert r.status_code == 200, r.get_json()
    assert r.get_json() == client.get(f"/api/pledges/{pid}").get_json()
    assert r.get_json()["review_state"] == "confirmed" and r.get_json()["version"] == 2
    assert (seen.begins, seen.commits) == (1, 1), seen.sql  # the answer read before the COMMIT, not after
    users = [s for s in seen.sql if s.startswith("SELECT") and " FROM user " in f"{s} ".replace('"user"', "user")]
    assert len(users) == 1, users  # the login check's row; the editor's User is not read again
    event_ = last_audit(db, pid)
    assert (event_.action, event_.actor, event_.new["version"]) == ("confirm", "editor", 2)
    assert event_.new["review_state"] == "confirmed" and event_.old["review_state"] == "pending"
    assert db.get(Pledge, pid).version_id == 2


def test_a_correction_a_rejection_and_a_merge_answer_what_a_read_gives(client, db):
    login(client, "editor")
    corrected, rejected, keep, dup = pending_ids(db)[:4]
    r = client.post(f"/api/pledges/{corrected}/confirm",
                    json={"version": 1, "changes": {"quantities": [{"value": "7", "unit": "所"}], "district": "临淄区"}})
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert body == client.get(f"/api/pledges/{corrected}").get_json()
    assert body["quantities"][0]["value"] == "7" and body["district"] == "临淄区" and body["is_corrected"]
    assert last_audit(db, corrected).new["version"] == body["version"] == db.get(Pledge, corrected).version_id
    r = client.post(f"/api/pledges/{rejected}/reject", json={"version": 1, "reason": "不是承诺"})
    assert r.status_code == 200 and r.get_json() == client.get(f"/api/pledges/{rejected}").get_json()
    assert r.get_json()["reject_reason"] == "不是承诺"
    assert last_audit(db, rejected).new["version"] == r.get_json()["version"]
    r = client.post(f"/api/pledges/{keep}/merge", json={"duplicate": dup})
    assert r.status_code == 200 and r.get_json() == client.get(f"/api/pledges/{keep}").get_json()
    assert [s["merged_pledge_id"] for s in r.get_json()["sources"]] == [dup]


def test_a_stale_decision_writes_nothing_and_undo_finds_the_decision_by_its_recorded_version(client, db):
    login(client, "editor")
    pid = pending_ids(db)[0]
    assert client.post(f"/api/pledges/{pid}/confirm", json={"version": 1}).status_code == 200
    db.rollback()  # a new snapshot: the confirmation's audit event in it
    before = db.scalar(sa.select(sa.func.count(AuditEvent.id)))
    stale = client.post(f"/api/pledges/{pid}/reject", json={"version": 1, "reason": "重复"})
    assert stale.status_code == 409 and stale.get_json()["current"]["version"] == 2
    db.rollback()
    assert db.scalar(sa.select(sa.func.count(AuditEvent.id))) == before
    assert db.get(Pledge, pid).review_state is ReviewState.CONFIRMED and db.get(Pledge, pid).version_id == 2
    # the undo of the confirmation finds it by the version its audit event recorded
    assert client.post("/review/undo").status_code in (302, 303)
    db.rollback()
    assert db.get(Pledge, pid).review_state is ReviewState.PENDING
