"""``tracker ingest`` on SQLite while a real server (``tracker serve``, waitress, in a subprocess)
takes editors' decisions at the same time. SQLite has one writer at a time: both sides take the
write lock when their transaction begins and wait for it (busy timeout), so no "database is
locked" reaches an editor or the ingest; every decision is applied, every document ingested, and
the database is consistent afterwards."""
from __future__ import annotations

import json
import subprocess
import threading
import time
from decimal import Decimal

import pytest
import sqlalchemy as sa

from live import TRACKER, Client, Server, assert_consistent, make_corpus, seed_pledges, tracker_env

EDITORS = 6
PLEDGES_EACH = 5  # each editor decides on pledges of their own, so no decision is stale (409)
DOCUMENTS = 300  # six of ingest's 50-document batches
MAX_DECISIONS = 400  # per editor: bounded, the editors stop soon after the ingest finishes


@pytest.fixture(params=["sqlite"])
def backend(request) -> str:
    return request.param


def _decide(base: str, name: str, pledge_ids: list[int], seed: int, stop: threading.Event, outcomes: list,
            errors: list) -> None:
    """Confirm this editor's pledges over and over, each time with a new value, until told to stop."""
    try:
        client = Client(base, timeout=60)
        client.login(name)
        for n in range(MAX_DECISIONS):
            if stop.is_set():
                return
            pid = pledge_ids[n % len(pledge_ids)]
            value = str(100000 + seed * 1000 + n)
            status, body = client.get_json(f"/api/pledges/{pid}")
            assert status == 200, (status, body)
            started = time.monotonic()
            status, body = client.post_json(f"/api/pledges/{pid}/confirm", {
                "version": body["version"], "changes": {"quantities": [{"value": value, "unit": "所"}]}})
            outcomes.append((status, pid, value, started, time.monotonic(), body))
    except BaseException as exc:  # reported by the test, never swallowed
        errors.append(f"{name}: {exc!r}")


def test_ingest_and_editors_decisions_at_once_on_sqlite_lose_nothing_and_never_lock(db_url, tmp_path):
    from tracker.db.engine import make_engine

    editors = [f"editor{i}" for i in range(EDITORS)]
    pledge_ids = seed_pledges(db_url, EDITORS * PLEDGES_EACH, editors)
    mine = {name: pledge_ids[i * PLEDGES_EACH:(i + 1) * PLEDGES_EACH] for i, name in enumerate(editors)}
    corpus = make_corpus(tmp_path / "corpus", DOCUMENTS)
    server = Server(db_url, tmp_path, threads=8)
    stop = threading.Event()
    outcomes: list = []
    errors: list = []
    threads = [threading.Thread(target=_decide, args=(server.base, name, mine[name], i, stop, outcomes, errors))
               for i, name in enumerate(editors)]
    ingest_log = tmp_path / "ingest.log"
    try:
        for t in threads:
            t.start()
        deadline = time.monotonic() + 60
        while len(outcomes) < 10 and time.monotonic() < deadline and not errors:
            time.sleep(0.02)  # the editors are at work before the ingest starts
        with ingest_log.open("w") as log:
            ingest_started = time.monotonic()
            ingest = subprocess.run([*TRACKER, "ingest", "--published", "2021-03-01", str(corpus)], cwd=tmp_path,
                                    env=tracker_env(db_url), stdout=log, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, timeout=600)
            ingest_ended = time.monotonic()
        time.sleep(0.5)  # a few decisions after it, too
    finally:
        stop.set()
        for t in threads:
            t.join(120)
        server.stop()
    output = ingest_log.read_text(encoding="utf-8")
    during = [o for o in outcomes if o[3] < ingest_ended and o[4] > ingest_started]

    # The ingest: every document in, nothing locked.
    assert ingest.returncode == 0, output
    assert f"{DOCUMENTS} 个文件：新入库 {DOCUMENTS}，已在库中 0，失败 0" in output, output[-2000:]
    assert "locked" not in output.lower()
    # The editors: every decision answered 200 (none stale, none refused, no 5xx), none of it locked.
    assert not errors, errors
    assert len(during) >= 20, f"only {len(during)} decisions overlapped the ingest: the test proved nothing"
    assert {o[0] for o in outcomes} == {200}, [o for o in outcomes if o[0] != 200][:3]
    assert "locked" not in server.output.lower() and "Traceback" not in server.output, server.output[-3000:]

    # Every decision applied, in order: each pledge's history is exactly its editor's decisions,
    # and its quantity is the last value sent.
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            history = conn.execute(sa.text(
                "SELECT entity_id, new FROM audit_event WHERE entity = 'pledge' ORDER BY id")).all()
            values = dict(conn.execute(sa.text(
                "SELECT q.pledge_id, q.value FROM quantity q WHERE q.pledge_id IN (%s)"
                % ",".join(str(p) for p in pledge_ids))).all())
            seeded = frozenset(conn.execute(sa.text(
                "SELECT DISTINCT document_id FROM pledge WHERE id IN (%s)" % ",".join(str(p) for p in pledge_ids)
            )).scalars())
            assert conn.execute(sa.text("PRAGMA integrity_check")).scalar_one() == "ok"
            assert conn.execute(sa.text("PRAGMA foreign_key_check")).all() == []
    finally:
        engine.dispose()
    sent: dict[int, list[str]] = {pid: [] for pid in pledge_ids}
    for o in sorted(outcomes, key=lambda o: o[3]):  # one editor per pledge: send order is commit order
        sent[o[1]].append(o[2])
    recorded: dict[int, list[str]] = {pid: [] for pid in pledge_ids}
    for pid, new in history:
        if pid in recorded:
            new = new if isinstance(new, dict) else json.loads(new)
            recorded[pid].append(new["quantities"][0]["value"])
    assert recorded == sent
    assert all(Decimal(values[pid]) == Decimal(sent[pid][-1]) for pid in pledge_ids if sent[pid])
    assert sum(len(v) for v in sent.values()) == len(outcomes)

    # Every document whole (its ingest event, candidates and pledges agree), nothing orphaned.
    assert assert_consistent(db_url, seeded) == DOCUMENTS
