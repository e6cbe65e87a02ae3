"""CPU per request of each page, in one process, on SQLite or PostgreSQL, the database's own CPU included.

    .venv/bin/python bench/pages.py --pg postgresql+psycopg://postgres@127.0.0.1:5432/postgres
        # makes a new database on that server, fills it (bench/web.py's generator, 100,000 pledges, and
        # bench/load/history.py's deadlines and verdicts), measures, drops it
    .venv/bin/python bench/pages.py --url postgresql+psycopg://.../tracker_x   # a database filled so before
    .venv/bin/python bench/pages.py                                            # a new SQLite file
    .venv/bin/python bench/pages.py --url ... --profile search.html            # cProfile of one page, top 30
    .venv/bin/python bench/pages.py --url ... --after-change --pages queue.html,ledger.html
        # each page right after a change: a decision (unmeasured) before each measured request

The app runs in this process (``create_app`` and Flask's test client: no HTTP server, so what is
measured is the app and its database, not waitress). A person of each role logs in through the login
form (CSRF on, as served). Each page is asked ``--requests`` times (random ids, the same sequence every
run, after 3 warm-up requests); the figures per request are:

* ``app``: this process's CPU time (user + system, ``time.process_time``);
* ``db``: on PostgreSQL, the CPU time of the server backends of the measured database (``/proc/<pid>/stat``
  of each ``pg_stat_activity`` row; the server must run on this machine and be readable: root, or its
  user); on SQLite the database works inside this process and is already in ``app``;
* ``total`` = app + db, the figure issue 14's targets speak of (≤ 8 ms on SQLite, ≤ 10 ms on PostgreSQL).

The pages: those of the targets (the list default, filtered by district and review state, by status,
searched; the review queue; a pledge; a document) and those of bench/load.sh's mix (the 台账, the CSV
export of one official's view, the official and district scorecards, the reviewer's queue, the JSON list),
the floor every logged-in request pays (``csrf.json``: ``/api/csrf``) and the mix's decision (``confirm.post``:
a POST confirm of a pending pledge at version 1, each pledge once, so the database changes).
With ``--after-change`` each GET page is measured right after a change, as under bench/load.sh's mix,
whose decisions move the data version almost every view: before each measured request the editor
confirms another pending pledge (that POST is not measured), so what ``caching.cached`` keeps "until
the data changes" is worked out again; such a page is reported as ``<page>+change``.
Results are printed and written to bench/out/pages-<backend>.json; ``--write-figures`` adds them to
docs/figures/pages.json.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import re
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "bench" / "load"))
OUT = ROOT / "bench" / "out"
import figures  # noqa: E402

SECRET = "pages-bench-secret-key-0123456789abcdefghijklmnop"
PASSWORD = "pages-password-1"
TICK = os.sysconf("SC_CLK_TCK")

#: name → (role, path); {id} a random pledge, {doc} a random document, {district}/{official} one with many pledges
PAGES = {
    "list.html": ("editor", "/pledges/"),
    "filtered.html": ("editor", "/pledges/?district={district}&review_state=confirmed"),
    "status.html": ("editor", "/pledges/?status=unassessed"),
    "search.html": ("editor", "/pledges/?q=%E5%B9%BC%E5%84%BF%E5%9B%AD"),  # 幼儿园: 10% of the pledges
    "review.html": ("editor", "/review/"),
    "one.html": ("editor", "/pledges/{id}"),
    "document.html": ("editor", "/documents/{doc}"),
    "ledger.html": ("reader", "/reports/"),
    "export.csv": ("reader", "/reports/export.csv?official={any_official}"),
    "official.html": ("reader", "/reports/officials/{any_official}"),
    "district.html": ("reader", "/reports/districts/{any_district}"),
    "queue.html": ("reviewer", "/reports/queue"),
    "list.json": ("reader", "/api/pledges?limit=50"),
    # not pages: the floor every logged-in request pays (session, user, CSRF, hooks; one query), and the
    # mix's decision (POST confirm of a pending pledge at version 1, each pledge once: the database changes)
    "csrf.json": ("reader", "/api/csrf"),
    "confirm.post": ("editor", "POST /api/pledges/{pending}/confirm"),
}
TARGETS = ("list.html", "filtered.html", "status.html", "search.html", "review.html", "one.html", "document.html")


def backend_cpu(pids) -> float:
    """CPU seconds (user + system) of these processes now; a process gone meanwhile counts 0."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / TICK


def fill(url: str, pledges: int, seed: int) -> None:
    from history import add_history
    from web import fill as fill_pledges

    t0 = time.perf_counter()
    counts = fill_pledges(url, pledges, seed)
    history = add_history(url, seed)
    print(f"filled {counts['pledges']:,} pledges, {history} in {time.perf_counter() - t0:.0f} s", flush=True)


def add_people(url: str) -> None:
    import sqlalchemy as sa

    from tracker.db.engine import make_engine, make_sessionmaker
    from tracker.services import users

    engine = make_engine(url)
    with make_sessionmaker(engine)() as session:
        for role in ("reader", "editor", "reviewer"):
            if session.scalar(sa.text('SELECT count(*) FROM "user" WHERE name = :n'), {"n": f"pages-{role}"}) == 0:
                users.create_user(session, f"pages-{role}", PASSWORD, role)
        session.commit()
    engine.dispose()


def log_in(app, role: str):
    client = app.test_client()
    html = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    page = client.post("/login", data={"csrf_token": token, "name": f"pages-{role}", "password": PASSWORD},
                       follow_redirects=True).get_data(as_text=True)
    assert "欢迎" in page, page[:300]
    return client


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--pg", help="a PostgreSQL server URL whose user may CREATE DATABASE: a new database is filled")
    where.add_argument("--url", help="a database filled by this script (or bench/load.sh's steps) before")
    parser.add_argument("--pledges", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="requests per page")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--pages", help="comma-separated page names (default: all)")
    parser.add_argument("--profile", metavar="PAGE", help="cProfile this page instead, print the top 30 (cumulative)")
    parser.add_argument("--after-change", action="store_true",
                        help="measure each GET page right after a decision (one before each request, unmeasured)")
    figures.add_flag(parser)
    args = parser.parse_args()
    import sqlalchemy as sa

    from tracker.db.throwaway import create_database, drop_database

    tmp = tempfile.TemporaryDirectory(prefix="tracker-bench-pages-")
    os.environ["TRACKER_INSTANCE"] = tmp.name
    made = None
    if args.url:
        url = args.url
    elif args.pg:
        made = f"tracker_pages_{uuid.uuid4().hex[:8]}"
        url = create_database(args.pg, made)
        fill(url, args.pledges, args.seed)
    else:
        url = f"sqlite:///{tmp.name}/pages.sqlite3"
        fill(url, args.pledges, args.seed)
    try:
        return measure(url, args, sa)
    finally:
        if made:
            drop_database(args.pg, made)
        tmp.cleanup()


def measure(url: str, args, sa) -> int:
    from tracker.web import create_app

    add_people(url)
    postgres = url.startswith("postgresql")
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": SECRET})
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        ids = {
            "id": conn.execute(sa.text("SELECT max(id) FROM pledge")).scalar_one(),
            "doc": conn.execute(sa.text("SELECT max(id) FROM document")).scalar_one(),
        }
        pledges = conn.execute(sa.text("SELECT count(*) FROM pledge")).scalar_one()
        district = conn.execute(sa.text("SELECT district_id FROM pledge WHERE district_id IS NOT NULL "
                                        "GROUP BY district_id ORDER BY count(*) DESC LIMIT 1")).scalar_one()
        officials = list(conn.execute(sa.text("SELECT id FROM official ORDER BY id LIMIT 200")).scalars())
        districts = list(conn.execute(sa.text(
            "SELECT DISTINCT district_id FROM pledge WHERE district_id IS NOT NULL ORDER BY 1")).scalars())
        pending = list(conn.execute(sa.text(
            "SELECT id FROM pledge WHERE review_state = 'pending' AND version_id = 1 ORDER BY id DESC LIMIT 5000"
        )).scalars())
        database = conn.execute(sa.text("SELECT current_database()")).scalar_one() if postgres else None
        me = conn.execute(sa.text("SELECT pg_backend_pid()")).scalar_one() if postgres else None
    clients = {role: log_in(app, role) for role in ("reader", "editor", "reviewer")}

    def backends() -> list[int]:
        if not postgres:
            return []
        with engine.connect() as conn:
            return list(conn.execute(sa.text("SELECT pid FROM pg_stat_activity WHERE datname = :d AND pid <> :me"),
                                     {"d": database, "me": me}).scalars())

    tokens = {role: client.get("/api/csrf").get_json()["csrf_token"] for role, client in clients.items()}
    names = [n for n in PAGES if not args.pages or n in args.pages.split(",")]
    if args.profile:
        names = [args.profile]
    results = {}
    editor = clients["editor"]

    def decide():
        """A change, unmeasured: the editor confirms one more pending pledge (version 1)."""
        response = editor.post(f"/api/pledges/{pending.pop()}/confirm", json={"version": 1, "changes": {}},
                               headers={"X-CSRFToken": tokens["editor"]})
        assert response.status_code == 200, (response.status_code, response.get_data()[:300])
        response.close()

    for name in names:
        role, template = PAGES[name]
        client = clients[role]
        rng = random.Random(args.seed)
        changing = args.after_change and not template.startswith("POST ")
        label = f"{name}+change" if changing else name

        def path():
            return template.format(id=rng.randint(1, ids["id"]), doc=rng.randint(1, ids["doc"]), district=district,
                                   any_official=rng.choice(officials), any_district=rng.choice(districts),
                                   pending=pending.pop() if "{pending}" in template else None)

        def ask(where: str):
            method, _, where = where.rpartition(" ")
            if method == "POST":
                return client.post(where, json={"version": 1, "changes": {}}, headers={"X-CSRFToken": tokens[role]})
            return client.get(where)

        if ("{pending}" in template or changing) and len(pending) < args.requests + 3:
            raise SystemExit(f"{name}: only {len(pending)} pending pledges at version 1 left")
        for _ in range(3):  # warm up
            if changing:
                decide()
            response = ask(path())
            assert response.status_code == 200, (name, response.status_code, response.get_data()[:300])
            response.close()
        if args.profile:
            profiler = cProfile.Profile()
            for _ in range(args.requests):
                if changing:
                    decide()
                profiler.enable()
                ask(path()).close()
                profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
            return 0
        pids = backends()
        app_s = db_s = wall = 0.0
        size = 0
        for _ in range(args.requests):
            if changing:
                decide()
            where = path()
            db_before, app_before, wall_before = backend_cpu(pids), time.process_time(), time.perf_counter()
            response = ask(where)
            if response.status_code != 200:
                raise SystemExit(f"{name}: {response.status_code} {response.get_data()[:300]!r}")
            size = len(response.get_data())
            response.close()
            app_s += time.process_time() - app_before
            wall += time.perf_counter() - wall_before
            db_s += backend_cpu(pids) - db_before
        pids_after = backends()
        if set(pids_after) - set(pids):  # a connection opened meanwhile: a request's figures miss its CPU
            print(f"  ({name}: a database connection opened during the run; its CPU is not counted)")
        n = args.requests
        results[label] = {"app_ms": 1000 * app_s / n, "db_ms": 1000 * db_s / n, "total_ms": 1000 * (app_s + db_s) / n,
                          "wall_ms": 1000 * wall / n, "bytes": size}
        r = results[label]
        print(f"{label:<22} {template[:46]:<46} app {r['app_ms']:6.2f}  db {r['db_ms']:6.2f}  "
              f"= {r['total_ms']:6.2f} ms CPU  (wall {r['wall_ms']:6.2f} ms, {size:,} bytes)", flush=True)
    engine.dispose()
    backend = "postgresql" if postgres else "sqlite"
    load = os.getloadavg()
    limit = 10 if postgres else 8
    over = [n for n in TARGETS if n in results and results[n]["total_ms"] > limit]
    print(f"\n{pledges:,} pledges on {backend}, {args.requests} requests a page, load average "
          + " ".join(f"{x:.2f}" for x in load) + f"; target ≤ {limit} ms: "
          + ("met" if not over else "NOT met by " + ", ".join(over)))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"pages-{backend}.json").write_text(json.dumps(
        {"pledges": pledges, "backend": backend, "requests": args.requests, "load_average": load, "pages": results},
        indent=1), encoding="utf-8")
    if args.write_figures:
        measured = [figures.figure(f"{backend} {name}", round(r["total_ms"], 1), "ms CPU", key=name in TARGETS)
                    for name, r in results.items()]
        figures.record("pages", figures.command("bench/pages.py"), measured,
                       extra=f"{pledges:,} pledges on {backend}, {args.requests} requests a page, in-process "
                             "(app + database backends)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
