"""Load test: waitress (``tracker serve``) against PostgreSQL on loopback with 100,000 pledges,
driven by wrk for 60 s at 32 connections as a mix of logged-in readers, editors and reviewers.

    bench/load.sh                                  # the full run (throwaway PostgreSQL, 100,000 pledges)
    bench/load.sh --pledges 20000 --duration 20    # a shorter one
    bench/load.sh --pg-url postgresql+psycopg://user@127.0.0.1/postgres   # a server you have
    PYTHONPATH=CHECKOUT bench/load.sh …            # an older tree's server (and fill), this bench driving it

Steps: start a throwaway PostgreSQL (``tracker/db/throwaway.py``) unless ``--pg-url``; make a
new database and fill it with bench/web.py's generator (50 pledges a document; a third each
pending, confirmed, rejected); give the confirmed ones deadlines and reviewers' status
histories (bench/load/history.py; ``--no-history`` leaves them unrated, as bench/web.py fills);
add 10 readers, 12 editors and 6 reviewers; start ``tracker serve`` (or gunicorn); log each
person in through the login form (cookie + CSRF token); time each route alone; write their
sessions and the ids to visit into bench/out/load-sessions.lua; run ``wrk -t2 -c32 -d60s -s
bench/load/mix.lua``. The mix: pledge list, pledge pages, review queue, the 台账 list, CSV
export of one official's view, official and district scorecards, the reviewer's queue, the
JSON API, and 8% real POST decisions (confirm of a pending pledge at its version, each pledge
once). Prints requests/s, p50/p90/p99, status counts and errors, checks the server log for
tracebacks and the database for the decisions, notes the load average (``uptime``) before and
after, the CPU of the server (in all and by process: its master and each worker apart), of PostgreSQL
(when its files are readable) and of wrk itself a request, how many connections each server process
holds halfway through, and writes bench/out/load.json. ``--server-arg`` adds an argument to the
server's command (e.g. ``--server gunicorn --server-arg=--reuse-port``). Every step is bounded in time.
"""
from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "bench" / "out"
PASSWORD = "load-password-1"
SECRET = "load-bench-secret-" + uuid.uuid4().hex
PEOPLE = {"reader": 10, "editor": 12, "reviewer": 6}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


#: the one User-Agent of every request, the logins' and wrk's: a browser keeps its own. Flask-Login's session
#: protection compares a session's agent and address with the request's; with another agent it marks the session
#: not fresh, and since wrk sends back the login's cookie unchanged (it keeps no cookies), the server wrote the
#: session cookie anew on every request of the mix (about 6% of the workers' CPU in py-spy, 2026-12-04), which a
#: browser, keeping the cookie it is sent, costs once
AGENT = "tracker-load-bench"


def log_in(base: str, name: str) -> dict:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.addheaders = [("User-Agent", AGENT)]
    html = opener.open(base + "/login", timeout=30).read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    data = urllib.parse.urlencode({"csrf_token": token, "name": name, "password": PASSWORD}).encode()
    page = opener.open(base + "/login", data=data, timeout=30).read().decode()
    assert "欢迎" in page, page[:300]
    csrf = json.loads(opener.open(base + "/api/csrf", timeout=30).read())["csrf_token"]
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    return {"name": name, "cookie": cookie, "csrf": csrf}


def probe_routes(base: str, people: dict, max_pledge: int, officials: list, districts: list) -> dict:
    """Each route of the mix alone, one request at a time (5 each): the median in ms."""
    import statistics

    routes = {
        "/pledges/": ("reader", "/pledges/"),
        "/pledges/<id>": ("reader", f"/pledges/{max_pledge // 2}"),
        "/review/": ("editor", "/review/"),
        "/reports/": ("reader", "/reports/"),
        "/reports/export.csv?official=<id>": ("reader", f"/reports/export.csv?official={officials[0]}"),
        "/reports/officials/<id>": ("reader", f"/reports/officials/{officials[0]}"),
        "/reports/districts/<id>": ("reader", f"/reports/districts/{districts[0]}"),
        "/reports/queue": ("reviewer", "/reports/queue"),
        "/api/pledges?limit=50": ("reader", "/api/pledges?limit=50"),
        # not in the wrk mix: the status table and the dashboard summarise the whole view
        "/reports/status": ("reader", "/reports/status"),
        "/reports/dashboard": ("reader", "/reports/dashboard"),
    }
    out = {}
    for label, (role, path) in routes.items():
        times = []
        for _ in range(5):
            req = urllib.request.Request(base + path, headers={"Cookie": people[role][0]["cookie"], "User-Agent": AGENT})
            t = time.perf_counter()
            with urllib.request.urlopen(req, timeout=60) as response:
                response.read()
            times.append((time.perf_counter() - t) * 1000)
        out[label] = statistics.median(times)
    return out


ACCESS_FORMAT = "%(m)s %(U)s %(s)s %(D)s"  # method, path, status, microseconds in the server
ROUTES = [(re.compile(p), label) for p, label in (
    (r"^GET /pledges/$", "/pledges/"), (r"^GET /pledges/\d+$", "/pledges/<id>"), (r"^GET /review/$", "/review/"),
    (r"^GET /reports/$", "/reports/"), (r"^GET /reports/export\.csv$", "/reports/export.csv?official=<id>"),
    (r"^GET /reports/officials/\d+$", "/reports/officials/<id>"),
    (r"^GET /reports/districts/\d+$", "/reports/districts/<id>"), (r"^GET /reports/queue$", "/reports/queue"),
    (r"^GET /api/pledges$", "/api/pledges?limit=50"), (r"^POST /api/pledges/\d+/confirm$", "POST confirm"))]


TICK = os.sysconf("SC_CLK_TCK")


def _proc_stats():
    """(pid, parent pid, the fields after the command name) of every live process, from /proc/<pid>/stat."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        yield int(stat.parent.name), int(fields[1]), fields


def cpu_seconds(root: int | None) -> float:
    """CPU time (user + system) of a process tree: ``root``, its exited children, its live children."""
    if root is None:
        return 0.0
    total = 0.0
    for pid, ppid, fields in _proc_stats():
        if pid == root:
            total += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
        elif ppid == root:
            total += int(fields[11]) + int(fields[12])
    return total / TICK


def process_cpu(root: int | None) -> dict[int, float]:
    """CPU seconds (user + system) of ``root`` and of each of its live children, by pid: the server's
    master and its workers, each apart."""
    out: dict[int, float] = {}
    if root is None:
        return out
    for pid, ppid, fields in _proc_stats():
        if pid == root or ppid == root:
            out[pid] = (int(fields[11]) + int(fields[12])) / TICK
    return out


def per_worker(before: dict[int, float], after: dict[int, float], root: int) -> list[dict]:
    """Each server process's CPU during the run (a worker started meanwhile: all of its CPU; one that
    ended meanwhile is missing, its CPU is in the master's children's), busiest first; the master last."""
    rows = [{"pid": pid, "cpu_seconds": round(cpu - before.get(pid, 0.0), 2), "started_during_run": pid not in before}
            for pid, cpu in after.items() if pid != root]
    rows.sort(key=lambda r: -r["cpu_seconds"])
    total = sum(r["cpu_seconds"] for r in rows) or 1.0
    for r in rows:
        r["share"] = round(r["cpu_seconds"] / total, 3)
    master = after.get(root, 0.0) - before.get(root, 0.0)
    return rows + [{"pid": root, "cpu_seconds": round(master, 2), "master": True}]


def connections_by_process(root: int, port: int) -> dict[int, int]:
    """How many established client connections to ``port`` ``root`` and each of its children hold now (Linux:
    /proc/net/tcp* for the sockets, /proc/<pid>/fd for who holds them); {} elsewhere."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "01":  # local port, ESTABLISHED
                inodes.add(fields[9])
    out: dict[int, int] = {}
    for pid, ppid, _ in _proc_stats():
        if root not in (pid, ppid):
            continue
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        links = []
        for fd in fds:
            try:
                links.append(os.readlink(f"/proc/{pid}/fd/{fd}"))
            except OSError:  # closed meanwhile
                pass
        out[pid] = sum(1 for link in links if link.startswith("socket:[") and link[8:-1] in inodes)
    return out


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def per_route(lines: list[str]) -> dict:
    """Server-side time per route from gunicorn's access log (``ACCESS_FORMAT``): n, p50, p99 in ms, the
    route's share of the server's time (``time_share``) and of the slowest 1% of all requests
    (``slowest_1pct_share``: which routes make the tail in the server)."""
    times: dict[str, list[float]] = {}
    for line in lines:
        parts = line.split()
        if len(parts) != 4 or not parts[3].isdigit():
            continue
        label = next((label for pattern, label in ROUTES if pattern.match(f"{parts[0]} {parts[1]}")), None)
        if label:
            times.setdefault(label, []).append(int(parts[3]) / 1000)
    every = sorted((t, label) for label, values in times.items() for t in values)
    slowest = every[len(every) - max(1, len(every) // 100):] if every else []
    total = sum(t for t, _ in every) or 1.0
    out = {}
    for label in [label for _, label in ROUTES if label in times]:
        values = sorted(times[label])
        out[label] = {"n": len(values), "p50_ms": values[len(values) // 2],
                      "p99_ms": values[min(len(values) - 1, int(len(values) * 0.99))],
                      "time_share": round(sum(values) / total, 3),
                      "slowest_1pct_share": round(sum(1 for _, l in slowest if l == label) / max(len(slowest), 1), 3)}
    return out


def lua(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"[{json.dumps(k)}] = {lua(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "{" + ", ".join(lua(v) for v in value) + "}"
    return json.dumps(value)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pledges", type=int, default=100_000)
    ap.add_argument("--duration", type=int, default=60, help="seconds of load")
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--wrk-threads", type=int, default=2)
    ap.add_argument("--server-threads", type=int, default=4,
                    help="threads per server process (tracker serve's default, 4)")
    ap.add_argument("--server", choices=["tracker", "waitress", "gunicorn"], default="tracker",
                    help="tracker serve --workers N (default), waitress (tracker serve --workers 1: one process) "
                         "or gunicorn by hand (tracker.web.wsgi, with an access log)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="server processes (tracker, gunicorn)")
    ap.add_argument("--pg-url", help="a PostgreSQL server URL whose user may CREATE DATABASE")
    ap.add_argument("--database-url", help="a database these steps filled before (people included), used as it "
                                           "is and kept: for runs back to back on the same data")
    ap.add_argument("--server-arg", action="append", default=[], metavar="ARG",
                    help="one more argument for the server's command line, as is (repeatable): e.g. "
                         "--server-arg=--reuse-port with --server gunicorn")
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--no-history", action="store_true",
                    help="no deadlines or status histories (every pledge unrated, as bench/web.py fills)")
    ap.add_argument("--write-figures", action="store_true",
                    help="also add this run's figures to docs/figures/load.json (then: python docs/render_figures.py)")
    args = ap.parse_args()

    sys.path.insert(0, str(ROOT / "bench"))
    import figures
    import sqlalchemy as sa

    from tracker.db.engine import make_engine
    from tracker.db.throwaway import ThrowawayPostgres, create_database, drop_database
    from tracker.services import users
    from web import fill  # bench/web.py's generator

    sys.path.insert(0, str(ROOT / "bench" / "load"))
    from history import add_history

    OUT.mkdir(exist_ok=True)
    pg = None
    postmaster = None
    server_url = args.pg_url
    if not server_url and not args.database_url:
        pg = ThrowawayPostgres()
        server_url = pg.start()
    name = None if args.database_url else f"tracker_load_{uuid.uuid4().hex[:8]}"
    server = None
    try:
        if args.database_url:
            url = args.database_url
            engine = make_engine(url)
            with engine.connect() as conn:
                counts = {"pledges": conn.execute(sa.text("SELECT count(*) FROM pledge")).scalar_one()}
        else:
            url = create_database(server_url, name)
            t0 = time.perf_counter()
            counts = fill(url, args.pledges, args.seed)
            print(f"filled {counts['pledges']:,} pledges in {time.perf_counter() - t0:.0f} s", flush=True)
            if not args.no_history:
                t0 = time.perf_counter()
                history = add_history(url, args.seed)
                print(f"history: {history} in {time.perf_counter() - t0:.0f} s", flush=True)
            engine = make_engine(url)
            from tracker.db.engine import make_sessionmaker

            with make_sessionmaker(engine)() as session:
                for role, n in PEOPLE.items():
                    for i in range(n):
                        users.create_user(session, f"{role}{i}", PASSWORD, role)
                session.commit()
        with engine.connect() as conn:
            if pg is None:  # a server on this machine whose files we may read: its CPU is measured too
                try:
                    data = Path(conn.execute(sa.text("SHOW data_directory")).scalar_one())
                    postmaster = int((data / "postmaster.pid").read_text().split()[0])
                except (sa.exc.DBAPIError, OSError, ValueError):
                    postmaster = None
            max_pledge = conn.execute(sa.text("SELECT max(id) FROM pledge")).scalar_one()
            officials = list(conn.execute(sa.text("SELECT id FROM official ORDER BY id LIMIT 200")).scalars())
            districts = list(conn.execute(sa.text(
                "SELECT DISTINCT district_id FROM pledge WHERE district_id IS NOT NULL")).scalars())
            pending = list(conn.execute(sa.text(
                "SELECT id FROM pledge WHERE review_state = 'pending' ORDER BY id DESC LIMIT 20000")).scalars())
            audit_before = conn.execute(sa.text("SELECT count(*) FROM audit_event")).scalar_one()
            decisions_before = conn.execute(sa.text(  # (a database used before holds earlier runs')
                "SELECT count(*) FROM audit_event WHERE action IN ('confirm', 'correct')")).scalar_one()

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {k: v for k, v in os.environ.items() if k != "TRACKER_INSTANCE"}
        env.update(DATABASE_URL=url, SECRET_KEY=SECRET, TRACKER_INSTANCE=str(OUT / "load-instance"))
        log_path = OUT / "load-server.log"
        log = log_path.open("w")
        access_log = OUT / "load-access.log"
        access_log.unlink(missing_ok=True)
        if args.server == "gunicorn":
            cmd = [str(Path(sys.executable).with_name("gunicorn")), "--bind", f"127.0.0.1:{port}", "--preload",
                   "--workers", str(args.workers), "--threads", str(args.server_threads), "--timeout", "60",
                   "--access-logfile", str(access_log), "--access-logformat", ACCESS_FORMAT, "tracker.web.wsgi:app"]
        else:
            workers = args.workers if args.server == "tracker" else 1
            cmd = [sys.executable, "-c", "from tracker.cli import main; main()", "serve", "--workers", str(workers),
                   "--port", str(port), "--threads", str(args.server_threads)]
        cmd += args.server_arg
        # The server runs the tracker this script imports (PYTHONPATH=CHECKOUT measures an older tree): started in
        # that tree's root, since ``python -c`` and gunicorn put the working directory before PYTHONPATH.
        import tracker

        code = Path(tracker.__file__).resolve().parents[1]
        print(f"server code: {code}", flush=True)
        server = subprocess.Popen(cmd, env=env, cwd=code, stdout=log, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/login", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit(f"server did not start:\n{log_path.read_text()}")
                time.sleep(0.3)
        people = {role: [log_in(base, f"{role}{i}") for i in range(n)] for role, n in PEOPLE.items()}
        probe = probe_routes(base, people, max_pledge, officials, districts)
        for route, ms in probe.items():
            print(f"  alone: {route:<34} median {ms:7.1f} ms", flush=True)
        sessions = OUT / "load-sessions.lua"
        sessions.write_text("return " + lua({
            "people": people, "max_pledge": max_pledge, "officials": officials, "districts": districts,
            "pending": pending, "threads": args.wrk_threads, "agent": AGENT}) + "\n", encoding="utf-8")
        print(f"serving {base} ({args.server}, {args.workers if args.server != 'waitress' else 1} process(es) × "
              f"{args.server_threads} threads); "
              f"wrk -t{args.wrk_threads} -c{args.connections} -d{args.duration}s", flush=True)
        sessions_sql = sa.text("SELECT sessions FROM pg_stat_database WHERE datname = current_database()")
        with engine.connect() as conn:
            sessions_before = conn.execute(sessions_sql).scalar_one()  # connections opened to the database
        access_skip = len(read_lines(access_log))  # the logins and the probes
        if pg is not None:
            postmaster = int((pg.data / "postmaster.pid").read_text().split()[0])
        cpu_before = cpu_seconds(server.pid), cpu_seconds(postmaster)
        workers_before = process_cpu(server.pid)
        load_before = os.getloadavg()
        import resource
        children = resource.getrusage(resource.RUSAGE_CHILDREN)  # wrk's CPU: the child that ends meanwhile
        wrk_before = children.ru_utime + children.ru_stime
        wrk_process = subprocess.Popen(
            ["wrk", f"-t{args.wrk_threads}", f"-c{args.connections}", f"-d{args.duration}s", "--timeout", "10s",
             "--latency", "-s", str(ROOT / "bench" / "load" / "mix.lua"), base],
            env={**os.environ, "LOAD_SESSIONS": str(sessions)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True)
        time.sleep(args.duration / 2)  # how wrk's connections are spread over the workers, halfway through
        held = connections_by_process(server.pid, port)
        out, err = wrk_process.communicate(timeout=args.duration + 120)
        wrk = subprocess.CompletedProcess(wrk_process.args, wrk_process.returncode, out, err)
        load_after = os.getloadavg()
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_wrk = children.ru_utime + children.ru_stime - wrk_before
        cpu_app, cpu_db = (after - before for after, before in zip((cpu_seconds(server.pid),
                                                                    cpu_seconds(postmaster)), cpu_before))
        workers_cpu = per_worker(workers_before, process_cpu(server.pid), server.pid)
        print(wrk.stdout, wrk.stderr, sep="\n")
        routes = per_route(read_lines(access_log)[access_skip:])
        line = next(l for l in wrk.stdout.splitlines() if l.startswith("LOAD-RESULT "))
        result = json.loads(line[len("LOAD-RESULT "):])
        with engine.connect() as conn:
            decisions = conn.execute(sa.text(
                "SELECT count(*) FROM audit_event WHERE action IN ('confirm', 'correct')")).scalar_one() - decisions_before
            audit_after = conn.execute(sa.text("SELECT count(*) FROM audit_event")).scalar_one()
            connections_opened = conn.execute(sessions_sql).scalar_one() - sessions_before - 1
        engine.dispose()
        server.send_signal(signal.SIGINT)
        server.wait(30)
        log.close()
        server_log = log_path.read_text(encoding="utf-8", errors="replace")
        status = {int(k): v for k, v in result["status"].items()}
        errors_5xx = sum(v for k, v in status.items() if k >= 500)
        result.update(
            pledges=counts["pledges"], connections=args.connections, server=args.server,
            workers=args.workers if args.server != "waitress" else 1,
            server_threads=args.server_threads, server_args=args.server_arg, history=not args.no_history,
            requests_per_second=result["requests"] / result["seconds"],
            errors_5xx=errors_5xx, decisions_applied=decisions, audit_events_added=audit_after - audit_before,
            tracebacks_in_server_log=server_log.count("Traceback"), alone_median_ms=probe,
            load_average_before=load_before, load_average_after=load_after, server_time_per_route=routes,
            connections_opened=connections_opened, cpu_seconds_app=cpu_app, cpu_seconds_database=cpu_db,
            cpu_ms_per_request_app=1000 * cpu_app / max(result["requests"], 1),
            cpu_ms_per_request_database=1000 * cpu_db / max(result["requests"], 1),
            cpu_seconds_wrk=cpu_wrk, cpu_ms_per_request_wrk=1000 * cpu_wrk / max(result["requests"], 1),
            cpu_seconds_per_server_process=workers_cpu,
            connections_per_server_process_halfway={str(pid): n for pid, n in held.items()}, server_code=str(code))
        (OUT / "load.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        print(f"\n{result['requests']:,} requests in {result['seconds']:.1f} s = {result['requests_per_second']:.1f} req/s; "
              f"p50 {result['p50_ms']:.1f} ms, p90 {result['p90_ms']:.1f} ms, p99 {result['p99_ms']:.1f} ms, "
              f"max {result['max_ms']:.0f} ms")
        print(f"status {dict(sorted(status.items()))}; 5xx {errors_5xx}; socket errors {result['socket_errors']}, "
              f"timeouts {result['timeouts']}; decisions sent {result['decisions_sent']}, applied {decisions}; "
              f"tracebacks in the server log {result['tracebacks_in_server_log']}; responses setting a cookie "
              f"{result.get('responses_setting_a_cookie', 0)}")
        ok = errors_5xx == 0 and result["socket_errors"] == 0 and result["tracebacks_in_server_log"] == 0
        for route, r in routes.items():
            print(f"  under load, in the server: {route:<34} n {r['n']:5d}  p50 {r['p50_ms']:7.1f} ms  "
                  f"p99 {r['p99_ms']:7.1f} ms  time {100 * r['time_share']:4.1f}%  slowest 1% "
                  f"{100 * r['slowest_1pct_share']:4.1f}%")
        print(f"database connections opened during the run: {connections_opened}")
        per = (result["cpu_ms_per_request_app"], result["cpu_ms_per_request_database"])
        print(f"CPU during wrk: server {cpu_app:.1f} s, PostgreSQL {cpu_db:.1f} s = {per[0]:.1f} + {per[1]:.1f} ms "
              f"a request; {os.cpu_count()} cores to ourselves would serve at most "
              f"{1000 * os.cpu_count() / max(sum(per), 0.1):.0f} req/s; the client (wrk) {cpu_wrk:.1f} s = "
              f"{result['cpu_ms_per_request_wrk']:.2f} ms a request")
        workers_line = ", ".join(f"{w['pid']} {w['cpu_seconds']:.1f} s ({100 * w['share']:.0f}%)"
                                 for w in workers_cpu if not w.get("master"))
        print(f"CPU by server process during wrk: {workers_line or 'one process'}; the master "
              f"{workers_cpu[-1]['cpu_seconds']:.1f} s (a worker's share far from 1/{max(len(workers_cpu) - 1, 1)} "
              "would be keep-alive imbalance: a connection stays with the worker that accepted it, see "
              "docs/operations.md)")
        print("connections held halfway through, by server process: "
              + (", ".join(f"{pid} {n}" for pid, n in held.items()) or "not known (no /proc)"), flush=True)
        print("load average (1, 5, 15 min) before wrk " + " ".join(f"{x:.2f}" for x in load_before)
              + ", after " + " ".join(f"{x:.2f}" for x in load_after))
        print(f"target: zero 5xx, p99 <= 250 ms: {'met' if ok and result['p99_ms'] <= 250 else 'NOT met'}")
        if args.write_figures:
            figures.record("load", "bench/load.sh " + " ".join(a for a in sys.argv[1:] if a != "--write-figures"), [
                figures.figure("requests", result["requests"]),
                figures.figure("throughput", round(result["requests_per_second"], 1), "req/s", key=True),
                figures.figure("p50", round(result["p50_ms"]), "ms"), figures.figure("p90", round(result["p90_ms"]), "ms"),
                figures.figure("p99", round(result["p99_ms"]), "ms", key=True), figures.figure("max", round(result["max_ms"]), "ms"),
                figures.figure("5xx", errors_5xx), figures.figure("socket errors", result["socket_errors"]),
                figures.figure("timeouts", result["timeouts"]),
                figures.figure("decisions sent", result["decisions_sent"]), figures.figure("applied", decisions),
                figures.figure("CPU a request, server", round(per[0], 1), "ms"),
                figures.figure("PostgreSQL", round(per[1], 1), "ms"),
                figures.figure("wrk", round(result["cpu_ms_per_request_wrk"], 2), "ms")]
                + [figures.figure(f"worker {i + 1} of the workers' CPU", round(100 * w["share"]), "%")
                   for i, w in enumerate(w for w in workers_cpu if not w.get("master"))][:8],
                extra=(f"{result['workers']} process(es) × {args.server_threads} threads ({args.server}), "
                       f"{args.connections} connections, {args.duration} s; load average before "
                       + " ".join(f"{x:.1f}" for x in load_before)))
        return 0 if ok else 1
    finally:
        if server is not None and server.poll() is None:
            server.kill()
            server.wait()
        try:
            if name is not None:
                drop_database(server_url, name)
        finally:
            if pg is not None:
                pg.stop()


if __name__ == "__main__":
    sys.exit(main())
