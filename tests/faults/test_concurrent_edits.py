"""20 editors edit the same 50 pledges at once through the JSON API of a real server (waitress in a
subprocess), on SQLite and on PostgreSQL. Every edit is applied (200) or refused as stale (409);
the history holds each applied edit exactly once and none of the refused ones; each event's old
value is the previous event's new value (no lost update); the final state is the history replayed."""
from __future__ import annotations

import random
import threading
from collections import Counter
from decimal import Decimal

import sqlalchemy as sa

from live import Client, Server, seed_pledges

WORKERS = 20
PLEDGES = 50
EDITS_PER_WORKER = 12  # 240 attempts; bounded, and every request has a 30 s timeout


def _worker(base: str, name: str, pledge_ids: list[int], seed: int, results: list, errors: list) -> None:
    rng = random.Random(seed)
    client = Client(base)
    try:
        client.login(name)
        seen: dict[int, int] = {}  # pledge id -> the version this editor last read (may be stale)
        for n in range(EDITS_PER_WORKER):
            pid = rng.choice(pledge_ids[:10] if n % 2 else pledge_ids)  # a hot set, so edits collide
            if pid not in seen or rng.random() < 0.5:
                status, body = client.get_json(f"/api/pledges/{pid}")
                assert status == 200, (status, body)
                seen[pid] = body["version"]
            value = str(100000 + seed * 1000 + n)  # unique per attempt, never a pledge's first value
            status, body = client.post_json(f"/api/pledges/{pid}/confirm", {
                "version": seen[pid], "changes": {"quantities": [{"value": value, "unit": "所"}]}})
            results.append((pid, value, status, body))
            if status == 200:
                seen[pid] = body["version"]
            elif status == 409:
                seen[pid] = body["current"]["version"]
    except BaseException as exc:  # reported by the test, never swallowed
        errors.append(f"{name}: {exc!r}")


def test_twenty_editors_on_fifty_pledges_lose_nothing(db_url, tmp_path):
    from tracker.db.engine import make_engine
    from tracker.db.models import AuditEvent, Pledge, Quantity

    editors = [f"editor{i:02d}" for i in range(WORKERS)]
    pledge_ids = seed_pledges(db_url, PLEDGES, editors)
    server = Server(db_url, tmp_path, threads=8)
    results: list = []
    errors: list = []
    try:
        threads = [threading.Thread(target=_worker, args=(server.base, name, pledge_ids, i, results, errors))
                   for i, name in enumerate(editors)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(240)
        assert not any(t.is_alive() for t in threads), "a worker did not finish in 240 s"
    finally:
        server.stop()
    assert not errors, errors
    assert "Traceback" not in server.output, server.output[-3000:]

    statuses = Counter(status for _, _, status, _ in results)
    assert set(statuses) <= {200, 409}, [(s, b) for _, _, s, b in results if s not in (200, 409)][:3]
    assert len(results) == WORKERS * EDITS_PER_WORKER
    assert statuses[200] >= PLEDGES // 2 and statuses[409] > 0, statuses  # both outcomes really happened
    for _, _, status, body in results:
        if status == 409:
            assert "已被他人修改" in body["error"] and body["current"]["version"] >= 1

    applied = {(pid, value) for pid, value, status, _ in results if status == 200}
    refused = {(pid, value) for pid, value, status, _ in results if status == 409}

    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            events = conn.execute(sa.select(AuditEvent.entity_id, AuditEvent.action, AuditEvent.old,
                                            AuditEvent.new)
                                  .where(AuditEvent.entity == "pledge").order_by(AuditEvent.id)).all()
            final = dict(conn.execute(sa.select(Pledge.id, Pledge.version_id)).all())
            quantities = {pid: (value, unit) for pid, value, unit in conn.execute(
                sa.select(Quantity.pledge_id, Quantity.value, Quantity.unit).where(Quantity.position == 0))}
            counts = Counter(pid for (pid,) in conn.execute(sa.select(Quantity.pledge_id)))
    finally:
        engine.dispose()

    recorded = Counter((pid, new["quantities"][0]["value"]) for pid, action, _, new in events)
    assert all(action == "correct" for _, action, _, _ in events)
    assert set(recorded) == applied  # every applied edit is in the history, no refused one is
    assert max(recorded.values()) == 1  # exactly once each
    assert not refused & set(recorded)

    # Replay: each event starts from the state the previous one left (no lost update), and the
    # history replayed ends where the database is.
    state = {pid: (Decimal(i), None) for i, pid in enumerate(pledge_ids, 1)}
    last_version = {pid: 1 for pid in pledge_ids}
    for pid, _, old, new in events:
        assert Decimal(old["quantities"][0]["value"]) == state[pid][0], (pid, old, state[pid])
        state[pid] = (Decimal(new["quantities"][0]["value"]), new["version"])
        assert new["version"] > last_version[pid]
        last_version[pid] = new["version"]
    for pid in pledge_ids:
        assert quantities[pid] == (state[pid][0], "所")
        assert counts[pid] == 1
        assert final[pid] == last_version[pid]
