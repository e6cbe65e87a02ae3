"""PostgreSQL restarts under load: while it is down every request fails cleanly (503 with a Chinese
message, no traceback page, a decision changes nothing); once it is back the same server process
answers again, without a restart (the pool pre-pings). Uses a PostgreSQL server of its own, since
it stops it."""
from __future__ import annotations

import threading
import time

import pytest

from live import Client, Server, seed_pledges

PATHS = ("/pledges/", "/api/pledges?limit=5", "/reports/", "/review/")


def _load(base: str, stop: threading.Event, log: list) -> None:
    client = Client(base, timeout=15)
    client.login("editor")
    n = 0
    while not stop.is_set() and n < 5000:  # bounded in count; the test sets stop within seconds
        path = PATHS[n % len(PATHS)]
        n += 1
        try:
            status, body, headers = client.request(path)
        except OSError as exc:
            log.append((time.monotonic(), path, "error", repr(exc).encode(), {}))
            continue
        log.append((time.monotonic(), path, status, body, headers))


def test_requests_fail_cleanly_while_postgres_restarts_and_the_app_recovers(tmp_path):
    from tracker.db import migrate
    from tracker.db.throwaway import PostgresUnavailable, ThrowawayPostgres, create_database

    try:
        pg = ThrowawayPostgres()
        server_url = pg.start()
    except PostgresUnavailable as exc:
        import os

        if os.environ.get("TRACKER_REQUIRE_PG") == "1":
            pytest.fail(f"PostgreSQL required: {exc}")
        pytest.skip(f"needs the PostgreSQL binaries: {exc}")
    try:
        db_url = create_database(server_url, "restart")
        migrate.upgrade(db_url)
        pledge_ids = seed_pledges(db_url, 10, ["editor"])
        app = Server(db_url, tmp_path, threads=4)
        stop = threading.Event()
        log: list = []
        workers = [threading.Thread(target=_load, args=(app.base, stop, log)) for _ in range(3)]
        try:
            for w in workers:
                w.start()
            time.sleep(1.5)
            down_at = time.monotonic()
            pg._run(pg.pg_ctl, "-D", str(pg.data), "-m", "fast", "-w", "stop")
            time.sleep(2.0)
            # A decision while the database is down: refused cleanly.
            editor = Client(app.base, timeout=15)
            status_during, body_during, _ = editor.request("/api/pledges/1")
            up_at = time.monotonic()
            pg._run(pg.pg_ctl, "-D", str(pg.data), "-l", str(pg.root / "log"), "-o",
                    f"-h 127.0.0.1 -p {pg.port} -k {pg.root} -c fsync=off", "-w", "start")
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and not any(t > up_at + 0.5 and s == 200 for t, _, s, *_ in log):
                time.sleep(0.1)
            time.sleep(1.0)
        finally:
            stop.set()
            for w in workers:
                w.join(30)
            app_alive = app.proc.poll() is None
            app.stop()
        assert app_alive  # the same process served before, during and after
        assert status_during == 503 and "数据库暂时无法连接".encode() in body_during

        before = [e for e in log if e[0] < down_at]
        during = [e for e in log if down_at + 0.5 < e[0] < up_at]
        after = [e for e in log if e[0] > up_at + 0.5]
        assert before and all(e[2] == 200 for e in before), {e[2] for e in before}
        assert during, "no request was made while the database was down"
        for _, path, status, body, headers in during:
            assert status == 503, (path, status, body[:300])
            assert "数据库暂时无法连接".encode() in body and b"Traceback" not in body
            assert headers.get("Retry-After") == "5"
        assert after, "no request after the restart"
        first_ok = next(i for i, e in enumerate(after) if e[2] == 200)
        assert all(e[2] == 200 for e in after[first_ok:]), [e[2] for e in after]  # recovered for good
        assert all(e[2] in (200, 503) for e in after[:first_ok])
        assert "Traceback" not in app.output, app.output[-3000:]

        # Nothing the outage touched changed: the pledges are as seeded, their history empty.
        from tracker.db.engine import make_engine
        import sqlalchemy as sa

        engine = make_engine(db_url)
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM audit_event WHERE entity = 'pledge'")).scalar_one() == 0
            assert conn.execute(sa.text("SELECT max(version_id) FROM pledge")).scalar_one() == 1
        engine.dispose()
        assert len(pledge_ids) == 10
    finally:
        pg.stop()
