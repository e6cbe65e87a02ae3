"""CPU per request of tracker beside Datasette, serving the same 100,000-pledge SQLite file, in one run.

    .venv/bin/pip install -e '.[bench]'            # datasette and psutil (not needed to run tracker)
    .venv/bin/python bench/peer.py                 # fill a new file (bench/web.py's generator), 300 requests a route
    .venv/bin/python bench/peer.py --db FILE.sqlite3 --requests 200    # a file bench/web.py's generator filled

Both servers run as one process each on loopback: ``tracker serve --workers 1`` (waitress) and
``datasette serve -i FILE`` (immutable, facet suggestions off; ``/bench/`` below stands for the file's name). One client sends a fixed number of
requests to each route over one keep-alive connection, one at a time, the two servers taking turns in
rounds; what is measured is the server process's CPU time (user + system, from ``/proc`` through
psutil) over those requests, divided by their number, so the load from other work on the machine
weighs on both alike and the ratio is what to read. The pairs:

* ``list.json``  ``/api/pledges?limit=50``      vs ``/bench/pledge.json?_size=50&_sort_desc=id``
* ``one.json``   ``/api/pledges/<id>``          vs ``/bench/pledge/<id>.json``
* ``list.html``  ``/pledges/``                  vs ``/bench/pledge?_size=50&_sort_desc=id``
* ``one.html``   ``/pledges/<id>``              vs ``/bench/pledge/<id>``

and tracker alone (an editor logged in): ``/review/``, ``/documents/<id>``, the list filtered by district and
review state, by status, and searched for 幼儿园 (a word 10% of the generator's pledges hold). Random
ids, the same sequence for both. Results are printed and written to bench/out/peer.json.
"""
from __future__ import annotations

import argparse
import http.client
import http.cookiejar
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
OUT = ROOT / "bench" / "out"
import figures  # noqa: E402
SECRET = "peer-bench-secret-key-0123456789abcdefghijklmnop"

#: name → (tracker path, Datasette path or None); {id} a random pledge, {doc} a random document
ROUTES = {
    "list.json": ("/api/pledges?limit=50", "/bench/pledge.json?_size=50&_sort_desc=id"),
    "one.json": ("/api/pledges/{id}", "/bench/pledge/{id}.json"),
    "list.html": ("/pledges/", "/bench/pledge?_size=50&_sort_desc=id"),
    "one.html": ("/pledges/{id}", "/bench/pledge/{id}"),
    "filtered.html": ("/pledges/?district={district}&review_state=confirmed", None),
    "status.html": ("/pledges/?status=unassessed", None),
    "search.html": ("/pledges/?q=%E5%B9%BC%E5%84%BF%E5%9B%AD", None),  # 幼儿园: a word 10% of the pledges hold
    "review.html": ("/review/", None),
    "document.html": ("/documents/{doc}", None),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(base: str, proc: subprocess.Popen, log: Path, path: str = "/") -> None:
    deadline = time.monotonic() + 120
    while True:
        if proc.poll() is not None:
            raise SystemExit(f"server exited:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(base + path, timeout=5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise SystemExit(f"server did not answer:\n{log.read_text()}")
            time.sleep(0.3)


def log_in(base: str) -> str:
    """The cookie of the generator's editor (``bench`` / ``bench-password``), logged in through the form."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(base + "/login", timeout=30).read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    data = urllib.parse.urlencode({"csrf_token": token, "name": "bench", "password": "bench-password"}).encode()
    opener.open(base + "/login", data=data, timeout=30).read()
    return "; ".join(f"{c.name}={c.value}" for c in jar)


class Client:
    """One keep-alive connection; ``get`` reads the whole answer and checks its status."""

    def __init__(self, port: int, cookie: str | None = None):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.headers = {"Cookie": cookie} if cookie else {}

    def get(self, path: str) -> int:
        try:
            self.conn.request("GET", path, headers=self.headers)
            response = self.conn.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # a server closed the idle connection while the other took its turn (uvicorn after 5 s)
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            self.conn.request("GET", path, headers=self.headers)
            response = self.conn.getresponse()
        body = response.read()
        if response.status != 200:
            raise SystemExit(f"GET {path}: {response.status} {body[:300]!r}")
        return len(body)


def cpu(proc) -> float:
    """CPU seconds of a server process (a ``psutil.Process``) and its children."""
    total = 0.0
    for p in [proc, *proc.children(recursive=True)]:
        t = p.cpu_times()
        total += t.user + t.system
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="a SQLite file bench/web.py's generator filled (else one is made)")
    parser.add_argument("--pledges", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300, help="requests per route and server")
    parser.add_argument("--rounds", type=int, default=3, help="turns each server takes per route")
    parser.add_argument("--seed", type=int, default=1)
    figures.add_flag(parser)
    args = parser.parse_args()
    import psutil
    import sqlalchemy as sa

    with tempfile.TemporaryDirectory(prefix="tracker-bench-peer-") as tmp:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TRACKER_INSTANCE")}
        env["TRACKER_INSTANCE"] = tmp
        if args.db:
            db_path = Path(args.db).resolve()
        else:
            import web

            db_path = Path(tmp) / "bench.sqlite3"
            os.environ["TRACKER_INSTANCE"] = tmp
            filled = web.fill(f"sqlite:///{db_path}", args.pledges, args.seed)
            print(f"filled {filled['pledges']:,} pledges in {filled['fill_seconds']:.0f} s")
        url = f"sqlite:///{db_path}"
        engine = sa.create_engine(url)
        with engine.connect() as conn:
            max_pledge = conn.execute(sa.text("SELECT max(id) FROM pledge")).scalar_one()
            max_doc = conn.execute(sa.text("SELECT max(id) FROM document")).scalar_one()
            pledges = conn.execute(sa.text("SELECT count(*) FROM pledge")).scalar_one()
            district = conn.execute(sa.text("SELECT district_id FROM pledge WHERE district_id IS NOT NULL "
                                            "GROUP BY district_id ORDER BY count(*) DESC LIMIT 1")).scalar_one()
        engine.dispose()

        servers = {}
        try:
            port = free_port()
            log = Path(tmp) / "tracker.log"
            with log.open("w") as out:
                proc = subprocess.Popen(
                    [sys.executable, "-c", "from tracker.cli import main; main()", "serve", "--port", str(port),
                     "--workers", "1", "--threads", "4"],
                    env={**env, "DATABASE_URL": url, "SECRET_KEY": SECRET}, stdout=out, stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL)
            servers["tracker"] = (proc, port)
            wait_for(f"http://127.0.0.1:{port}", proc, log)
            port = free_port()
            log = Path(tmp) / "datasette.log"
            datasette = str(Path(sys.executable).with_name("datasette"))
            with log.open("w") as out:
                proc = subprocess.Popen(
                    [datasette, "serve", "-i", str(db_path), "--port", str(port), "--setting", "suggest_facets", "off",
                     "--setting", "default_cache_ttl", "0"],
                    env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
            servers["datasette"] = (proc, port)
            wait_for(f"http://127.0.0.1:{port}", proc, log, "/-/versions.json")

            cookie = log_in(f"http://127.0.0.1:{servers['tracker'][1]}")
            clients = {"tracker": Client(servers["tracker"][1], cookie), "datasette": Client(servers["datasette"][1])}
            watched = {name: psutil.Process(p.pid) for name, (p, _) in servers.items()}
            results = {}
            per_round = max(1, args.requests // args.rounds)
            for route, paths in ROUTES.items():
                names = [n for n, p in zip(("tracker", "datasette"), paths) if p]
                seconds = {n: 0.0 for n in names}
                sizes = {n: 0 for n in names}
                for r in range(args.rounds):
                    rng_seed = args.seed * 1000 + r
                    for name in names:
                        template = paths[0] if name == "tracker" else paths[1].replace("/bench/", f"/{db_path.stem}/", 1)
                        rng = random.Random(rng_seed)  # the same ids for both

                        def path():
                            return template.format(id=rng.randint(1, max_pledge), doc=rng.randint(1, max_doc),
                                                   district=district)
                        client = clients[name]
                        for _ in range(3):  # warm up
                            client.get(path())
                        before = cpu(watched[name])
                        for _ in range(per_round):
                            sizes[name] = client.get(path())
                        seconds[name] += cpu(watched[name]) - before
                n = per_round * args.rounds
                results[route] = {name: {"cpu_ms": seconds[name] / n * 1000, "bytes": sizes[name]} for name in names}
                if len(names) == 2:
                    results[route]["ratio"] = results[route]["tracker"]["cpu_ms"] / max(
                        results[route]["datasette"]["cpu_ms"], 1e-9)
        finally:
            for proc, _ in servers.values():
                if proc.poll() is None:
                    proc.send_signal(signal.SIGTERM)
                    try:
                        proc.wait(20)
                    except subprocess.TimeoutExpired:
                        proc.kill()

    load = os.getloadavg()
    print(f"\n{pledges:,} pledges, {per_round * args.rounds} requests a route and server, one client, "
          f"load average {load[0]:.1f} at the end")
    print(f"{'route':<15}{'tracker':>28}{'Datasette':>26}{'tracker ÷ Datasette':>22}")
    for route, r in results.items():
        t = r["tracker"]
        line = f"{route:<15}{t['cpu_ms']:>11.2f} ms CPU/request  {ROUTES[route][0][:12]:<12}"
        if "datasette" in r:
            line += f"{r['datasette']['cpu_ms']:>10.2f} ms CPU/request{r['ratio']:>14.2f}"
        print(line)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "peer.json").write_text(json.dumps({"pledges": pledges, "requests": per_round * args.rounds,
                                               "load_average": load, "routes": results}, indent=1), encoding="utf-8")
    print(f"\nwritten: {OUT / 'peer.json'}")
    if args.write_figures:
        measured = []
        for route, r in results.items():
            measured.append(figures.figure(f"{route}", round(r["tracker"]["cpu_ms"], 1), "ms CPU"))
            if "datasette" in r:
                measured += [figures.figure(f"Datasette {ROUTES[route][0]}", round(r["datasette"]["cpu_ms"], 1), "ms"),
                             figures.figure("ratio", round(r["ratio"], 2), key=True)]
        figures.record("peer", figures.command("bench/peer.py"), measured,
                       extra=f"{pledges:,} pledges, {per_round * args.rounds} requests a route and server, one client")
    return 0


if __name__ == "__main__":
    sys.exit(main())
