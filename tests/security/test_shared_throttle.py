"""Login throttling across server processes: two real ``tracker serve`` processes count failed
logins together in one Redis (``TRACKER_RATELIMIT_STORAGE_URI=redis://…``), where the default
``memory://`` gives each process its own count; and when Redis goes away, logins keep working and
each process throttles on its own. The test starts its own ``redis-server`` on loopback and is
skipped when the binary is absent (Debian: ``apt-get install redis-server``)."""
from __future__ import annotations

import re
import os
import shutil
import subprocess
import time
import urllib.parse

import pytest

from live import PASSWORD, Client, Server, free_port

REDIS = shutil.which("redis-server")


class Redis:
    """``redis-server`` on 127.0.0.1, nothing saved to disk; ``stop()`` ends it."""

    def __init__(self, cwd) -> None:
        import redis

        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen([REDIS, "--bind", "127.0.0.1", "--port", str(self.port), "--save", "",
                                      "--appendonly", "no", "--dir", str(cwd)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        self.client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + 20
        while True:
            try:
                if self.client.ping():
                    return
            except redis.ConnectionError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    self.stop()
                    raise AssertionError("redis-server did not answer")
                time.sleep(0.1)

    def stop(self) -> None:
        self.client.close()
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)


def attempt(base: str, name: str, password: str) -> int:
    """One login through the form, as a new browser would; the status code."""
    client = Client(base)
    status, body, _ = client.request("/login")
    assert status == 200, body[:300]
    token = re.search(rb'name="csrf_token" type="hidden" value="([^"]+)"', body).group(1).decode()
    form = urllib.parse.urlencode({"csrf_token": token, "name": name, "password": password}).encode()
    status, body, headers = client.request("/login", form)
    if status == 429:
        assert "登录失败次数过多".encode() in body and int(headers["Retry-After"]) > 0
    return status


@pytest.fixture
def redis_server(tmp_path):
    if REDIS is None:
        if os.environ.get("TRACKER_REQUIRE_REDIS") == "1":  # .ci/run installs it
            pytest.fail("redis-server required (TRACKER_REQUIRE_REDIS=1) but absent")
        pytest.skip("redis-server is absent: apt-get install redis-server to test a shared throttle store")
    server = Redis(tmp_path)
    yield server
    server.stop()


def test_two_server_processes_count_failed_logins_together_in_redis(seeded, tmp_path, redis_server):
    env = {"TRACKER_RATELIMIT_STORAGE_URI": redis_server.url}
    one, two = Server(seeded, tmp_path, threads=2, env=env), Server(seeded, tmp_path, threads=2, env=env)
    try:
        # Five failures for one name, spread over both processes: the next attempt is refused by
        # either, even with the right password; another name is not.
        for server in (one, two, one, two, one):
            assert attempt(server.base, "editor", "wrong-password") == 400
        assert attempt(two.base, "editor", PASSWORD) == 429
        assert attempt(one.base, "editor", PASSWORD) == 429
        assert attempt(two.base, "reviewer", PASSWORD) == 200
        keys = [k.decode() for k in redis_server.client.keys("*")]
        assert keys and all("editor" not in k for k in keys)  # names are hashed in the store

        # Redis goes away: logins keep working, and each process throttles on its own.
        redis_server.stop()
        for _ in range(5):
            assert attempt(one.base, "admin", "wrong-password") == 400
        assert attempt(one.base, "admin", PASSWORD) == 429
        assert attempt(two.base, "admin", PASSWORD) == 200
    finally:
        one.stop()
        two.stop()


def test_with_the_default_memory_store_each_process_keeps_its_own_count(seeded, tmp_path):
    """What docs/operations.md says of several workers without a shared store: the quota is per process."""
    one, two = Server(seeded, tmp_path, threads=2), Server(seeded, tmp_path, threads=2)
    try:
        for server in (one, two, one, two, one):
            assert attempt(server.base, "editor", "wrong-password") == 400
        assert attempt(two.base, "editor", PASSWORD) == 200  # two has seen only 2 failures
        for _ in range(2):
            assert attempt(one.base, "editor", "wrong-password") == 400
        assert attempt(one.base, "editor", PASSWORD) == 429  # one has seen 5
    finally:
        one.stop()
        two.stop()


def test_a_shared_store_that_does_not_answer_is_named_in_the_log_at_start(seeded, caplog):
    from live import SECRET
    from tracker.web import create_app

    url = f"redis://127.0.0.1:{free_port()}"  # nothing listens there
    with caplog.at_level("WARNING"):
        app = create_app({"DATABASE_URL": seeded, "SECRET_KEY": SECRET, "RATELIMIT_STORAGE_URI": url})
    assert any("does not answer" in r.getMessage() and url.split("//")[1] in r.getMessage() for r in caplog.records)
    app.extensions["tracker.engine"].dispose()
