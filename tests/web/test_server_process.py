"""A server process: it keeps as many database connections as it has threads (DB_POOL_SIZE), and
the WSGI entry point (tracker.web.wsgi) hides the app's lifelong objects from the collector."""
from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from sqlalchemy import event

from web_helpers import BOTH

pytestmark = pytest.mark.parametrize("backend", BOTH, indirect=True)


def test_the_pool_keeps_a_connection_per_thread_instead_of_reopening_them(seeded_url):
    from tracker.web import create_app

    app = create_app({"TESTING": True, "DATABASE_URL": seeded_url, "SECRET_KEY": "test", "DB_POOL_SIZE": 12})
    engine = app.extensions["tracker.engine"]
    opened, statuses = [], []
    event.listen(engine, "connect", lambda *args: opened.append(1))
    barrier = threading.Barrier(10)

    def request():
        with app.test_client() as client:
            barrier.wait(timeout=30)
            statuses.append(client.get("/reports/").status_code)

    try:
        for _ in range(2):  # two rounds of 10 concurrent requests
            threads = [threading.Thread(target=request) for _ in range(10)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(60)
        assert statuses == [200] * 20 and engine.pool.size() == 12
        assert len(opened) <= 10  # the second round reused the first round's connections
    finally:
        engine.dispose()


def test_the_wsgi_entry_point_builds_the_app_and_freezes_what_lives_as_long_as_the_process(seeded_url, tmp_path):
    code = ("import gc; from tracker.web.wsgi import app; "
            "print(app.name, app.extensions['tracker.engine'].pool.checkedout(), gc.get_freeze_count())")
    env = {**os.environ, "DATABASE_URL": seeded_url, "SECRET_KEY": "wsgi-test-secret-key-0123456789abcdefghij",
           "TRACKER_INSTANCE": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    name, checked_out, frozen = out.stdout.split()
    assert (name, checked_out) == ("tracker.web", "0") and int(frozen) > 10_000
