"""SIGKILL in the middle of the work: a ``tracker ingest`` subprocess once its first documents are in,
and a server while editors' decisions are in flight. On SQLite and PostgreSQL the database stays
consistent (no half document, no pledge without its document, no history row without its change)
and the ingest picks up where it stopped when run again."""
from __future__ import annotations

import signal
import subprocess
import threading
import time
from decimal import Decimal

import sqlalchemy as sa

from live import (DOCUMENTS, TRACKER, Client, Server, assert_consistent, count, make_corpus, seed_pledges,
                  tracker_env)


def test_sigkill_during_ingest_leaves_whole_documents_and_the_rerun_finishes(db_url, tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    env = tracker_env(db_url)
    from tracker.db.engine import make_engine

    engine = make_engine(db_url)
    proc = subprocess.Popen([*TRACKER, "ingest", "--published", "2021-03-01", str(corpus)], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        stored = 0
        while time.monotonic() < deadline and proc.poll() is None:
            with engine.connect() as conn:
                stored = count(conn, "document")
            if stored >= 1:
                break
            time.sleep(0.05)
        assert proc.poll() is None, f"ingest finished before it could be killed: {proc.stdout.read()!r}"
        assert stored >= 1
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        engine.dispose()
    assert proc.returncode == -signal.SIGKILL
    before = assert_consistent(db_url)
    assert 1 <= before < DOCUMENTS  # killed in the middle

    again = subprocess.run([*TRACKER, "ingest", "--published", "2021-03-01", str(corpus)], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert again.returncode == 0, again.stdout + again.stderr
    assert f"{DOCUMENTS} 个文件：新入库 {DOCUMENTS - before}，已在库中 {before}，失败 0" in again.stdout + again.stderr
    assert assert_consistent(db_url) == DOCUMENTS


EDITORS = 8


def _decide_forever(base: str, name: str, pledge_ids: list[int], seed: int, stop: threading.Event,
                    outcomes: list) -> None:
    client = Client(base, timeout=10)
    try:
        client.login(name)
    except OSError as exc:  # the server may be killed before this editor logged in
        outcomes.append(("login", repr(exc)))
        return
    except Exception as exc:  # noqa: BLE001 - anything else is a failure the test reports
        outcomes.append(("login failed", repr(exc)))
        return
    n = 0
    while not stop.is_set() and n < 400:  # bounded: the test kills the server long before
        pid = pledge_ids[(seed * 7 + n) % len(pledge_ids)]
        value = str(500000 + seed * 1000 + n)
        n += 1
        try:
            status, body = client.get_json(f"/api/pledges/{pid}")
            status, body = client.post_json(f"/api/pledges/{pid}/confirm", {
                "version": body["version"], "changes": {"quantities": [{"value": value, "unit": "所"}]}})
            outcomes.append((status, pid, value))
        except Exception as exc:  # noqa: BLE001 - the connection dies with the server; that is the point
            outcomes.append(("dead", pid, value, repr(exc)))
            return


def test_sigkill_of_the_server_during_decisions_keeps_every_decision_whole(db_url, tmp_path):
    from tracker.db.engine import make_engine

    pledge_ids = seed_pledges(db_url, 20, [f"editor{i}" for i in range(EDITORS)])
    server = Server(db_url, tmp_path, threads=8)
    stop = threading.Event()
    outcomes: list = []
    threads = [threading.Thread(target=_decide_forever, args=(server.base, f"editor{i}", pledge_ids, i, stop, outcomes))
               for i in range(EDITORS)]
    try:
        for t in threads:
            t.start()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and sum(1 for o in outcomes if o[0] == 200) < 30:
            time.sleep(0.02)
        server.kill()  # SIGKILL while other decisions are in flight
    finally:
        stop.set()
        for t in threads:
            t.join(30)
        if server.proc.poll() is None:
            server.kill()
    assert sum(1 for o in outcomes if o[0] == 200) >= 30, outcomes[:5]
    assert not [o for o in outcomes if o[0] == "login failed"], [o for o in outcomes if o[0] == "login failed"]
    assert {o[0] for o in outcomes} <= {200, 409, "dead", "login"}, {o[0] for o in outcomes}
    acknowledged = {(o[1], o[2]) for o in outcomes if o[0] == 200}

    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            events = conn.execute(sa.text("SELECT entity_id, old, new FROM audit_event WHERE entity = 'pledge' "
                                          "ORDER BY id")).all()
            state = {pid: (Decimal(v), version) for pid, v, version in conn.execute(sa.text(
                "SELECT p.id, q.value, p.version_id FROM pledge p JOIN quantity q ON q.pledge_id = p.id"))}
    finally:
        engine.dispose()
    import json

    replay = {pid: (Decimal(i), 1) for i, pid in enumerate(pledge_ids, 1)}
    recorded = set()
    for pid, old, new in events:
        old = old if isinstance(old, dict) else json.loads(old)
        new = new if isinstance(new, dict) else json.loads(new)
        assert Decimal(old["quantities"][0]["value"]) == replay[pid][0]
        replay[pid] = (Decimal(new["quantities"][0]["value"]), new["version"])
        recorded.add((pid, new["quantities"][0]["value"]))
    assert replay == state  # every change has its history row and every history row its change
    assert acknowledged <= recorded  # nothing the server acknowledged is lost

    # The same database serves again, without repair: a decision goes through.
    again = Server(db_url, tmp_path, threads=2)
    try:
        client = Client(again.base)
        client.login("editor0")
        status, body = client.get_json(f"/api/pledges/{pledge_ids[0]}")
        status, body = client.post_json(f"/api/pledges/{pledge_ids[0]}/confirm",
                                        {"version": body["version"], "changes": {"quantities": [{"value": "1", "unit": "所"}]}})
        assert status == 200, body
    finally:
        again.stop()
