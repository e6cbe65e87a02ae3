"""How fast are the editor's pages with 100,000 pledges? p50/p95 per page, beside the bare SQL it runs.

    .venv/bin/python bench/web.py                      # 100,000 pledges, SQLite and a throwaway PostgreSQL
    .venv/bin/python bench/web.py --pledges 20000      # a smaller run
    .venv/bin/python bench/web.py --pg-url postgresql+psycopg://user@host/db   # a server you have (a new database is made on it)
    .venv/bin/python bench/web.py --no-pg              # SQLite only

For each database: migrate a new one, fill it with ``--pledges`` pledges (50 to a
document, one quantity each, a third of them pending, spread over districts and
officials) with bulk inserts, then send ``--requests`` requests (default 200) to
each page through the app in-process (Flask's test client: the whole WSGI app,
templates included, no network), logged in as an editor:

* ``queue``     GET /review/                 (the review queue, lowest confidence first)
* ``list``      GET /pledges/                (the pledge list, newest first)
* ``search``    GET /pledges/?q=幼儿园        (the list searched for a word 10% of the pledges hold)
* ``pledge``    GET /pledges/<random id>     (a pledge page with its history)
* ``document``  GET /documents/<random id>   (a whole document with every pledge highlighted)

Every SQL statement a request runs is recorded (with its parameters) and then run
again, alone, on a raw DB-API cursor with its rows fetched: that is the page's
"bare SQL" time, and page p50 / SQL p50 is the page's overhead. Target: p95 <= 100 ms.

Then the text search alone, index against scan: for each query in ``SEARCHES``, what
the list runs for it (its first page and its count, ``tracker.services.listing``),
``--requests`` times answered by the full-text index and as many times by the old
substring scan (every word a LIKE over quote, object and title:
``search.Query.scan_only``), interleaved; p50 of each and scan ÷ index.
Results are printed and written to bench/out/web.json.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import figures

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PER_DOCUMENT = 50
OBJECTS = [("幼儿园", "所"), ("小学", "处"), ("城市绿道", "公里"), ("老旧小区", "个"), ("停车位", "个"),
           ("公园", "处"), ("充电桩", "台"), ("投资", "亿元"), ("道路", "公里"), ("养老床位", "张")]
ACTIONS = ["新建", "改造", "建成", "新增", "完成"]
PAGES = ("queue", "list", "search", "pledge", "document")
#: (query, what it is): a common word, two words, a rare word, and a piece the index cannot answer
SEARCHES = (("幼儿园", "a word 10% hold"), ("新建 幼儿园", "two words"), ("标准厂房", "a word 0.1% hold"),
            ("儿园", "no word: the scan"))
RARE = 1000  # every RARE-th pledge is about 标准厂房


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def fill(url: str, pledges: int, seed: int) -> dict:
    """Migrate and fill a new database; returns counts and the time taken."""
    import sqlalchemy as sa

    from tracker.db import fulltext, migrate
    from tracker.db.engine import make_engine, make_sessionmaker
    from tracker.db.enums import DocumentFormat, PledgeOrigin, QuantityRole, ReviewState
    from tracker.db.models import Document, Official, Pledge, Quantity
    from tracker.reading import sha256_text
    from tracker.services import users
    from tracker.services.places import load_gazetteer

    rng = random.Random(seed)
    started = time.perf_counter()
    migrate.upgrade(url)
    engine = make_engine(url)
    factory = make_sessionmaker(engine)
    with factory() as session:
        load_gazetteer(session)
        users.create_user(session, "bench", "bench-password", "editor")
        session.commit()
        districts = list(session.scalars(sa.select(sa.text("id")).select_from(sa.table("district"))))
        official_ids = list(session.scalars(sa.insert(Official).returning(Official.id, sort_by_parameter_order=True),
                                            [{"name": f"官员{i}", "district_id": rng.choice(districts)}
                                             for i in range(500)]))
        session.commit()
    documents = pledges // PER_DOCUMENT
    now = dt.datetime.now(dt.timezone.utc)
    with factory() as session:
        for batch in range(0, documents, 200):
            doc_rows, spans = [], []
            for d in range(batch, min(documents, batch + 200)):
                parts, offset, doc_spans = [f"第{d}号文件：某区{2020 + d % 5}年工作报告\n"], 0, []
                offset = len(parts[0])
                for j in range(PER_DOCUMENT):
                    obj, unit = OBJECTS[(d + j) % len(OBJECTS)]
                    if (d * PER_DOCUMENT + j) % RARE == RARE - 1:
                        obj, unit = "标准厂房", "平方米"
                    n = rng.randint(1, 500)
                    quote = f"{ACTIONS[j % len(ACTIONS)]}{obj}{n}{unit}"
                    sentence = f"今年将{quote}，确保按期完成。" + ("\n" if j % 5 == 4 else "")
                    start = offset + 3
                    doc_spans.append((start, start + len(quote), quote, obj, n, unit))
                    parts.append(sentence)
                    offset += len(sentence)
                text = "".join(parts)
                doc_rows.append({"title": f"某区工作报告 {d}", "file_name": f"d{d}.txt", "format": DocumentFormat.TEXT,
                                 "published_on": dt.date(2020 + d % 5, 1 + d % 12, 1 + d % 28), "text": text,
                                 "sha256": sha256_text(text), "raw_sha256": sha256_text(text + "raw"),
                                 "encoding": "utf-8", "extractor_version": "bench"})
                spans.append(doc_spans)
            doc_ids = list(session.scalars(sa.insert(Document).returning(Document.id, sort_by_parameter_order=True),
                                           doc_rows))
            pledge_rows, quantity_values = [], []
            for doc_id, doc_spans in zip(doc_ids, spans):
                for start, end, quote, obj, n, unit in doc_spans:
                    k = len(pledge_rows)
                    pledge_rows.append({
                        "document_id": doc_id, "origin": PledgeOrigin.MACHINE, "start": start, "end": end,
                        "quote": quote, "object": obj, "action": quote[:2], "confidence": round(rng.random(), 3),
                        "district_id": rng.choice(districts), "official_id": rng.choice(official_ids),
                        "review_state": (ReviewState.PENDING, ReviewState.CONFIRMED, ReviewState.REJECTED)[k % 3],
                        "created_at": now - dt.timedelta(seconds=k)})
                    quantity_values.append((n, unit, start + len(quote) - len(f"{n}{unit}"), end))
            pledge_ids = list(session.scalars(sa.insert(Pledge).returning(Pledge.id, sort_by_parameter_order=True),
                                              pledge_rows))
            session.execute(sa.insert(Quantity), [
                {"pledge_id": pid, "position": 0, "value": n, "unit": unit, "raw": f"{n}{unit}",
                 "role": QuantityRole.COUNT, "start": s, "end": e}
                for pid, (n, unit, s, e) in zip(pledge_ids, quantity_values)])
            session.commit()
    indexing = time.perf_counter()
    with engine.begin() as conn:  # the ORM's bulk INSERTs above fire no events: index them all at once
        fulltext.rebuild(conn)
    indexing = time.perf_counter() - indexing
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")  # as autovacuum would
        else:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    engine.dispose()
    return {"documents": documents, "pledges": documents * PER_DOCUMENT, "fill_seconds": time.perf_counter() - started,
            "index_seconds": indexing}


def measure(url: str, requests: int, seed: int) -> dict:
    """p50/p95 of each page and of the bare SQL it ran."""
    import sqlalchemy as sa
    from sqlalchemy import event

    from tracker.web import create_app

    rng = random.Random(seed)
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench-only-secret-key-0123456789abcdef", "WTF_CSRF_ENABLED": False})
    engine = app.extensions["tracker.engine"]
    client = app.test_client()
    assert client.post("/login", data={"name": "bench", "password": "bench-password"}).status_code == 302
    with engine.connect() as conn:
        max_pledge = conn.execute(sa.text("SELECT max(id) FROM pledge")).scalar_one()
        max_doc = conn.execute(sa.text("SELECT max(id) FROM document")).scalar_one()
    paths = {
        "queue": lambda: "/review/",
        "list": lambda: "/pledges/",
        "search": lambda: "/pledges/?q=幼儿园",
        "pledge": lambda: f"/pledges/{rng.randint(1, max_pledge)}",
        "document": lambda: f"/documents/{rng.randint(1, max_doc)}",
    }
    recorded: list = []

    def on_execute(conn, cursor, statement, parameters, context, executemany):
        recorded.append((statement, parameters))

    results = {}
    for name in PAGES:
        for _ in range(5):  # warm up: caches, the first connection
            client.get(paths[name]())
        page_ms, sql_ms, statements = [], [], []
        event.listen(engine, "before_cursor_execute", on_execute)
        try:
            for _ in range(requests):
                recorded.clear()
                path = paths[name]()
                t0 = time.perf_counter()
                response = client.get(path)
                page_ms.append((time.perf_counter() - t0) * 1000)
                assert response.status_code == 200, (path, response.status_code)
                statements.append(list(recorded))
        finally:
            event.remove(engine, "before_cursor_execute", on_execute)
        raw = engine.raw_connection()
        try:
            for batch in statements:
                cursor = raw.cursor()
                t0 = time.perf_counter()
                for statement, parameters in batch:
                    cursor.execute(statement, parameters)
                    if cursor.description is not None:
                        cursor.fetchall()
                sql_ms.append((time.perf_counter() - t0) * 1000)
                cursor.close()
                raw.rollback()
        finally:
            raw.close()
        results[name] = {
            "page_p50_ms": statistics.median(page_ms), "page_p95_ms": percentile(page_ms, 0.95),
            "sql_p50_ms": statistics.median(sql_ms), "sql_p95_ms": percentile(sql_ms, 0.95),
            "queries": round(statistics.mean(len(b) for b in statements), 1),
        }
        results[name]["overhead"] = results[name]["page_p50_ms"] / max(results[name]["sql_p50_ms"], 1e-6)
    engine.dispose()
    return results


def measure_search(url: str, requests: int) -> dict:
    """p50 of the list's search queries (first page + count), by the index and by the substring scan."""
    from tracker.db.engine import make_engine, make_sessionmaker
    from tracker.services import listing

    engine = make_engine(url)
    results = {}
    try:
        with make_sessionmaker(engine)() as session:
            for q, _ in SEARCHES:
                ways = {}
                for way in ("index", "scan"):
                    f = listing.parse_filters(session, {"q": q, "review_state": "all", "sort": "-id"})
                    if way == "scan":
                        f.values["terms"] = f.values["terms"].scan_only()
                    ways[way] = f
                times: dict[str, list[float]] = {"index": [], "scan": []}
                counts = {}
                for i in range(requests + 2):
                    for way, f in ways.items():
                        t0 = time.perf_counter()
                        rows, _ = listing.page(session, f, limit=50)
                        counts[way] = listing.count(session, f)
                        if i >= 2:  # the first two warm up
                            times[way].append((time.perf_counter() - t0) * 1000)
                assert counts["index"] == counts["scan"], (q, counts)
                results[q] = {"rows": counts["index"], "index_p50_ms": statistics.median(times["index"]),
                              "scan_p50_ms": statistics.median(times["scan"])}
                results[q]["ratio"] = results[q]["scan_p50_ms"] / max(results[q]["index_p50_ms"], 1e-6)
    finally:
        engine.dispose()
    return results


def report_search(results: dict) -> None:
    print(f"{'search (first page + count)':<32}{'rows':>8}{'index p50':>11}{'LIKE p50':>10}{'LIKE/index':>12}")
    for q, what in SEARCHES:
        r = results[q]
        print(f"{q + ' (' + what + ')':<32}{r['rows']:>8}{r['index_p50_ms']:>11.1f}{r['scan_p50_ms']:>10.1f}"
              f"{r['ratio']:>11.1f}x")


def report(backend: str, filled: dict, results: dict) -> None:
    print(f"\n{backend}: {filled['pledges']:,} pledges in {filled['documents']:,} documents "
          f"(filled in {filled['fill_seconds']:.0f} s, of which the search index {filled['index_seconds']:.0f} s)")
    print(f"{'page':<10}{'p50 ms':>9}{'p95 ms':>9}{'SQL p50':>9}{'SQL p95':>9}{'page/SQL':>10}{'queries':>9}  p95<=100ms")
    for name, r in results.items():
        ok = "yes" if r["page_p95_ms"] <= 100 else "NO"
        print(f"{name:<10}{r['page_p50_ms']:>9.1f}{r['page_p95_ms']:>9.1f}{r['sql_p50_ms']:>9.1f}{r['sql_p95_ms']:>9.1f}"
              f"{r['overhead']:>9.1f}x{r['queries']:>9}  {ok}")


PAGE_LABELS = {"queue": "queue `/review/`", "list": "list `/pledges/`", "search": "search `/pledges/?q=幼儿园`",
               "pledge": "pledge page", "document": "document page"}


def write_figures(out: dict) -> None:
    """The two tables the docs quote (docs/figures/web.json): pages, and search by index vs LIKE."""
    backends = [b for b in ("sqlite", "postgresql") if b in out["backends"]]
    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
    pages = {"columns": ["page"], "rows": []}
    for b in backends:
        pages["columns"] += [names[b], "SQL", "ratio"]
    for page in PAGES:
        row = [PAGE_LABELS[page]]
        for b in backends:
            r = out["backends"][b]["pages"][page]
            row += [f"{r['page_p50_ms']:.1f} / {r['page_p95_ms']:.1f}", f"{r['sql_p50_ms']:.1f} / {r['sql_p95_ms']:.1f}",
                    f"{r['overhead']:.2g}"]
        pages["rows"].append(row)
    search = {"columns": ["query", "rows"], "rows": []}
    for b in backends:
        search["columns"] += [f"{names[b]} index / LIKE", "LIKE ÷ index"]
    for q, what in SEARCHES:
        row = [f"{q} ({what})", f"{out['backends'][backends[0]]['search'][q]['rows']:,}"]
        for b in backends:
            r = out["backends"][b]["search"][q]
            row += [f"{r['index_p50_ms']:.1f} / {r['scan_p50_ms']:.1f}", f"{r['ratio']:.1f}×"]
        search["rows"].append(row)
    measured = [figures.figure("pledges", out["pledges"]), figures.figure("requests a page", out["requests"])]
    for b in backends:
        measured.append(figures.figure(f"{names[b]}: search index built in", round(out["backends"][b]["index_seconds"]), "s"))
    figures.record("web", figures.command("bench/web.py"), measured, extra="in-process, logged in as an editor",
                   tables={"pages": dict(pages, caption="p50 / p95 in ms, and page p50 ÷ SQL p50"),
                           "search": dict(search, caption="p50 in ms of the list's first page and count")})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pledges", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pg-url", help="a PostgreSQL server URL whose user may CREATE DATABASE")
    parser.add_argument("--no-pg", action="store_true")
    figures.add_flag(parser)
    args = parser.parse_args()
    os.environ.pop("DATABASE_URL", None)
    out: dict = {"pledges": args.pledges, "requests": args.requests, "backends": {}}
    with tempfile.TemporaryDirectory(prefix="tracker-bench-web-") as tmp:
        os.environ["TRACKER_INSTANCE"] = tmp
        url = f"sqlite:///{tmp}/bench.sqlite3"
        filled = fill(url, args.pledges, args.seed)
        results = measure(url, args.requests, args.seed)
        report("SQLite", filled, results)
        searched = measure_search(url, args.requests)
        report_search(searched)
        out["backends"]["sqlite"] = {**filled, "pages": results, "search": searched}
        if not args.no_pg:
            from tracker.db.throwaway import PostgresUnavailable, ThrowawayPostgres, create_database, drop_database

            server, server_url = None, args.pg_url or os.environ.get("TRACKER_TEST_PG_URL")
            try:
                if server_url is None:
                    server = ThrowawayPostgres()
                    server_url = server.start()
                name = f"tracker_bench_{uuid.uuid4().hex[:8]}"
                pg = create_database(server_url, name)
                try:
                    filled = fill(pg, args.pledges, args.seed)
                    results = measure(pg, args.requests, args.seed)
                    report("PostgreSQL", filled, results)
                    searched = measure_search(pg, args.requests)
                    report_search(searched)
                    out["backends"]["postgresql"] = {**filled, "pages": results, "search": searched}
                finally:
                    drop_database(server_url, name)
            except PostgresUnavailable as exc:
                print(f"\nPostgreSQL skipped: {exc}")
            finally:
                if server is not None:
                    server.stop()
    target = ROOT / "bench" / "out"
    target.mkdir(parents=True, exist_ok=True)
    (target / "web.json").write_text(json.dumps(out, indent=1), encoding="utf-8")
    print(f"\nwritten: {target / 'web.json'}")
    if args.write_figures:
        write_figures(out)
    slow = [(b, p) for b, v in out["backends"].items() for p, r in v["pages"].items() if r["page_p95_ms"] > 100]
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
