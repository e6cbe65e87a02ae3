"""``tracker demo``, ``tracker serve`` and ``tracker user add``, run as a newcomer would."""
from __future__ import annotations

import http.client
import http.cookiejar
import inspect
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.processes import TRACKER, TrackerProcess, free_port
from tracker.cli import main
from tracker.cli.serve import BALANCED_WORKER, _serve, gunicorn_server, serve

try:
    from tracker.cli import workers
except ImportError:  # no gunicorn (Windows)
    workers = None

ROOT = Path(__file__).resolve().parents[2]


class Demo(TrackerProcess):
    """``tracker demo --port P`` in ``cwd`` as a subprocess, until it prints its address and answers."""

    def __init__(self, cwd: Path, env: dict | None = None) -> None:
        full_env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TRACKER_INSTANCE")}
        full_env.update(env or {})
        super().__init__(["demo"], cwd, full_env, timeout=90, ready_path="/")


def log_in(base: str, name: str, password: str):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(base + "/login").read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    data = urllib.parse.urlencode({"csrf_token": token, "name": name, "password": password}).encode()
    page = opener.open(base + "/login", data=data).read().decode()
    return opener, page


@pytest.fixture
def project(tmp_path) -> Path:
    """A directory laid out like the project root: seeds/ with its manifest."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


def test_demo_migrates_ingests_seeds_creates_logins_and_serves_twice(project):
    demo = Demo(project)
    try:
        out = demo.output
        assert f"http://127.0.0.1:{demo.port}/" in out
        assert re.search(r"editor\s+editor-demo\s+编辑", out) and "reviewer-demo" in out and "admin-demo" in out
        assert "新入库 5，" in out
        assert (project / "instance" / "tracker.sqlite3").is_file()
        key_file = project / "instance" / "secret_key"  # made up for the demo, and it says so
        assert f"密钥：{key_file}" in out and "tracker serve 需要设置 SECRET_KEY" in out
        assert len(key_file.read_text().strip()) == 64 and key_file.stat().st_mode & 0o077 == 0
        home = urllib.request.urlopen(demo.base + "/").read().decode()
        assert '<html lang="zh-CN">' in home and "张店" in home
        opener, page = log_in(demo.base, "editor", "editor-demo")
        assert "欢迎，editor" in page
        queue = opener.open(demo.base + "/review/").read().decode()
        assert "审核队列" in queue and re.search(r"今日已审 0 · 剩余 [1-9]\d*", queue)
    finally:
        demo.stop()
    key = key_file.read_text()
    again = Demo(project)  # running it twice works: nothing ingested twice, the logins still work
    try:
        assert "新入库 0，已在库中 5" in again.output
        assert key_file.read_text() == key  # the same key: demo logins survive a restart
        assert "欢迎，admin" in log_in(again.base, "admin", "admin-demo")[1]
    finally:
        again.stop()


def test_demo_honours_database_url(project):
    url = f"sqlite:///{project / 'elsewhere.sqlite3'}"
    demo = Demo(project, env={"DATABASE_URL": url, "SECRET_KEY": "demo-test-secret-key-0123456789abcdef"})
    try:
        assert url in demo.output
        assert "密钥" not in demo.output and not (project / "instance" / "secret_key").exists()  # a set key is used
        assert (project / "elsewhere.sqlite3").is_file()
        assert not (project / "instance" / "tracker.sqlite3").exists()
    finally:
        demo.stop()


def test_user_add_and_serve_refuses_an_unmigrated_database(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    url = f"sqlite:///{tmp_path / 't.sqlite3'}"
    runner = CliRunner()
    env = {"DATABASE_URL": url, "TRACKER_NEW_PASSWORD": "long-enough-1"}
    result = runner.invoke(main, ["serve", "--port", str(free_port())],
                           env={**env, "SECRET_KEY": "serve-test-secret-key-0123456789abcdef"})
    assert result.exit_code == 1 and "tracker db upgrade" in result.output
    result = runner.invoke(main, ["user", "add", "小王", "--role", "editor"], env=env)
    assert result.exit_code == 1 and "tracker db upgrade" in result.output
    assert runner.invoke(main, ["db", "upgrade"], env=env).exit_code == 0
    result = runner.invoke(main, ["user", "add", "小王", "--role", "editor"], env=env)
    assert result.exit_code == 0, result.output
    assert "已添加账号 小王（编辑）" in result.output
    result = runner.invoke(main, ["user", "add", "小王", "--role", "editor"], env=env)
    assert result.exit_code == 1 and "已存在" in result.output
    result = runner.invoke(main, ["user", "add", "小李"], env={**env, "TRACKER_NEW_PASSWORD": "short"})
    assert result.exit_code == 1 and "密码至少 10 个字符" in result.output


def _children(pid: int) -> list[int]:
    """The live child processes of ``pid`` (from /proc)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def test_gunicorn_gets_the_workers_threads_and_the_balanced_worker():
    app = object()
    server = gunicorn_server(app, "127.0.0.1", 5123, 3, 5)
    cfg = server.cfg
    assert (cfg.workers, cfg.threads, cfg.bind) == (3, 5, ["127.0.0.1:5123"])
    if workers is not None and workers.usable():  # one shared socket, new connections dealt to the worker holding the fewest
        assert cfg.worker_class_str == BALANCED_WORKER and cfg.worker_class is workers.BalancedThreadWorker
        assert cfg.reuse_port is False
    else:  # an older gunicorn: gthread, a socket per worker on Linux
        assert cfg.worker_class_str == "gthread" and cfg.reuse_port is sys.platform.startswith("linux")
    assert cfg.keepalive == 0  # each response closes its connection (load20: the next request to the least busy worker)
    assert cfg.worker_connections == 1000  # gunicorn's: no cap on connections a worker
    assert server.load() is app


def test_each_response_closes_its_connection_unless_keep_alive_is_asked():
    """``tracker serve`` closes each connection after its response (gunicorn's keepalive 0: the next request is
    dealt to the worker holding the fewest); ``--keep-alive 2`` gives gunicorn's own default back."""
    assert gunicorn_server(object(), "127.0.0.1", 5123, 2, 4, keep_alive=2).cfg.keepalive == 2
    option = next(p for p in serve.params if p.name == "keep_alive")
    assert option.default == 0 and option.opts == ["--keep-alive"]


@pytest.mark.skipif(workers is None, reason="gunicorn (POSIX)")
def test_a_balanced_worker_accepts_only_while_no_live_worker_holds_fewer(monkeypatch):
    monkeypatch.setattr(workers, "_shared", workers.multiprocessing.RawArray("d", workers.SLOTS * 3))
    worker = workers.BalancedThreadWorker.__new__(workers.BalancedThreadWorker)
    worker._cap, worker.age, worker.nr_conns = 1000, 2, 5
    worker.cfg = gunicorn_server(object(), "127.0.0.1", 5123, 2, 4).cfg
    assert worker.takes_part()
    worker.cfg.set("reuse_port", True)  # a socket a worker: the kernel's deal stands, no gate
    assert not worker.takes_part()
    worker._slot = worker._claim_slot()
    assert worker._slot == 1 and workers._shared[3] == os.getpid()
    now = time.monotonic()
    workers._shared[0:3] = [os.getpid() + 1, 4, now]  # another worker holding 4
    assert worker.worker_connections == 0  # gated: the loop unregisters its listener
    assert workers._shared[4] == 5  # and its count is published
    worker.nr_conns = 4
    assert worker.worker_connections == 1000  # as many: both accept
    workers._shared[0:3] = [os.getpid() + 1, 1, now - workers.STALE_SECONDS]  # a worker whose loop stopped
    assert worker.may_accept(time.monotonic())
    workers._shared[0:3] = [0, 1, now]  # a worker gone
    assert worker.may_accept(time.monotonic())


def _sockets(pid: int) -> int:
    """How many sockets process ``pid`` holds open (Linux: /proc)."""
    return sum(1 for fd in Path(f"/proc/{pid}/fd").iterdir() if os.readlink(fd).startswith("socket:"))


def _listening(port: int) -> int:
    """How many sockets listen on ``port`` (Linux: /proc/net/tcp)."""
    rows = Path("/proc/net/tcp").read_text().splitlines()[1:]
    return sum(1 for row in rows if int(row.split()[1].rsplit(":", 1)[1], 16) == port and row.split()[3] == "0A")


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="counts worker processes through /proc (Linux)")
def test_serve_runs_worker_processes_that_answer_and_stop_together(tmp_path):
    url = f"sqlite:///{tmp_path / 't.sqlite3'}"
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TRACKER_INSTANCE")}
    env.update(DATABASE_URL=url, TRACKER_INSTANCE=str(tmp_path / "instance"),
               SECRET_KEY="serve-test-secret-key-0123456789abcdef", TRACKER_NEW_PASSWORD="long-enough-1")
    for args in (["db", "upgrade"], ["user", "add", "小王", "--role", "editor"]):
        done = subprocess.run([*TRACKER, *args], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = tmp_path / "serve.log"
    with log_path.open("w") as log:
        # --keep-alive 2: the deal of connections a client keeps open (a proxy's pool) is what this test watches;
        # the default closes each after its response (test_the_default_closes_each_connection_after_its_response)
        proc = subprocess.Popen([*TRACKER, "serve", "--port", str(port), "--workers", "2", "--threads", "2",
                                 "--keep-alive", "2"],
                                cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, log_path.read_text()
            try:
                with urllib.request.urlopen(base + "/pledges/", timeout=5) as response:
                    assert response.status == 200 and "承诺" in response.read().decode()
                    break
            except OSError:
                assert time.monotonic() < deadline, log_path.read_text()
                time.sleep(0.3)
        workers_ = _children(proc.pid)
        assert len(workers_) == 2, (workers_, log_path.read_text())
        if workers is not None and workers.usable():
            assert _listening(port) == 1  # one socket; each new connection to the worker holding the fewest
            held = {pid: _sockets(pid) for pid in workers_}
            idle, waits = [], []
            for _ in range(9):  # nine kept-alive connections, one after the other, each left idle
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                started = time.monotonic()
                conn.request("GET", "/api/csrf")
                conn.getresponse().read()
                waits.append(time.monotonic() - started)
                idle.append(conn)
            assert sorted(_sockets(pid) - held[pid] for pid in workers_) == [4, 5]
            # no client waited for a gated worker's loop (asleep in its poller up to a second) to turn
            assert max(waits) < 0.5, waits
            for conn in idle:
                conn.close()
        else:
            assert _listening(port) == 2  # reuse_port: a socket each worker, the kernel deals connections
        statuses = []
        for path in ("/", "/api/pledges?limit=5", "/reports/", "/reports/dashboard") * 5:
            with urllib.request.urlopen(base + path, timeout=30) as response:
                statuses.append(response.status)
        assert statuses == [200] * 20
        opener, page = log_in(base, "小王", "long-enough-1")  # a login session works across the workers
        assert "欢迎" in page
        assert all(opener.open(base + "/review/", timeout=30).status == 200 for _ in range(6))
        assert "2 个进程 × 2 个线程（gunicorn）" in log_path.read_text()
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)
    assert proc.returncode == 0, log_path.read_text()
    assert not [pid for pid in workers_ if Path(f"/proc/{pid}").exists()]  # no worker outlives the server
    assert "Traceback" not in log_path.read_text()


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="starts worker processes (POSIX)")
def test_the_default_closes_each_connection_after_its_response(tmp_path):
    """``tracker serve`` as started with no option: a response says ``Connection: close`` and the server closes
    the socket after it, so a client's next request comes on a new connection, dealt to the least busy worker."""
    url = f"sqlite:///{tmp_path / 't.sqlite3'}"
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TRACKER_INSTANCE")}
    env.update(DATABASE_URL=url, TRACKER_INSTANCE=str(tmp_path / "instance"),
               SECRET_KEY="serve-test-secret-key-0123456789abcdef")
    done = subprocess.run([*TRACKER, "db", "upgrade"], env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    port = free_port()
    log_path = tmp_path / "serve.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen([*TRACKER, "serve", "--port", str(port), "--workers", "2"], cwd=tmp_path, env=env,
                                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, log_path.read_text()
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request("GET", "/api/csrf")  # HTTP/1.1: the client asks to keep the connection
                response = conn.getresponse()
                break
            except OSError:
                assert time.monotonic() < deadline, log_path.read_text()
                time.sleep(0.3)
        assert response.status == 200
        assert response.getheader("Connection", "").lower() == "close"
        response.read()
        conn.sock.settimeout(10) if conn.sock is not None else None
        assert conn.sock is None or conn.sock.recv(1) == b""  # the server has closed its end
        conn.close()
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)
    assert proc.returncode == 0, log_path.read_text()


def test_four_threads_a_process_by_default_and_the_load_bench_measures_that():
    """``tracker serve``'s default threads (4 since load16: in three pairs of full bench/load.sh runs, lower
    p99 and CPU than 8, docs/operations.md), and bench/load.sh's default is the same, so it measures the default."""
    threads = next(p for p in serve.params if p.name == "threads")
    assert threads.default == 4 == inspect.signature(_serve).parameters["threads"].default
    run = (Path(__file__).resolve().parents[2] / "bench" / "load" / "run.py").read_text(encoding="utf-8")
    assert re.search(r'"--server-threads", type=int, default=4\b', run)
