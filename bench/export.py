"""How fast are the exports of a view, and do they stay within memory?

    .venv/bin/python bench/export.py                 # 100,000 pledges
    .venv/bin/python bench/export.py --pledges 20000
    .venv/bin/python bench/export.py --db /tmp/bench.sqlite3   # keep (and reuse) the database

Builds an SQLite database of ``--pledges`` pledges (deterministic, ``--seed``): 1,000
documents, districts from the packaged gazetteer, 500 officials, one quantity per
pledge, 90% confirmed, 40% with a reviewer's verdict and its status_event. Then, in
one run, exports the default view (confirmed pledges, soonest deadline first) as
CSV, XLSX and JSON, each in a fresh child process, and prints the seconds the
export took (query, arithmetic, writing) and the child's peak RSS
(``os.wait4``), beside the floor: Debian's ``sqlite3 -csv`` running the very SQL the
listing builds (``listing.base_select``, literal binds) over the same rows.

Each timing is the fastest of ``--repeat`` interleaved runs (XLSX runs once: it is slow and has no
speed target), so a busy machine disturbs the ratio less; the peak RSS is the largest.

Targets: CSV within 3× the floor; peak memory under 150 MB for every format.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import figures

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2025, 6, 30)
MB = 1024 * 1024


def build(url: str, pledges: int, seed: int) -> None:
    import sqlalchemy as sa

    from tracker.db import migrate
    from tracker.db.engine import make_engine, make_sessionmaker
    from tracker.db.models import Document, Official, Pledge, Quantity, StatusEvent, User
    from tracker.db.types import utcnow
    from tracker.services.places import load_gazetteer

    rng = random.Random(seed)
    migrate.upgrade(url)
    engine = make_engine(url)
    factory = make_sessionmaker(engine)
    with factory() as s:
        load_gazetteer(s)
        s.commit()
        districts = list(s.scalars(sa.select(sa.text("id")).select_from(sa.table("district"))))
    now = utcnow()
    objects = ["幼儿园", "中小学校", "老旧小区", "城市绿道", "口袋公园", "公交线路", "供热管网", "污水管网", "停车位",
               "充电桩", "养老服务中心", "社区食堂", "保障性住房", "农村公路", "标准化厂房"]
    units = ["所", "所", "个", "公里", "个", "条", "公里", "公里", "个", "个", "处", "个", "套", "公里", "万平方米"]
    verbs = ["新建", "改造", "建成", "开通", "新增", "完成"]
    statuses = ["in_progress", "done", "partly_done", "stalled", "in_progress", "done"]
    with engine.begin() as conn:
        conn.execute(sa.insert(User.__table__), [{"name": "bench", "password_hash": "x", "role": "reviewer",
                                                  "is_active": True, "created_at": now}])
        docs = []
        for i in range(1, 1001):
            text = f"第{i}号民生实事清单\n" + "今年将新建幼儿园3所。\n" * 3
            published = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randint(0, 900))
            docs.append({"id": i, "title": f"{published.year}年民生实事清单（第{i}号）", "file_name": f"d{i}.txt",
                         "format": "text", "published_on": published, "text": text, "sha256": f"{i:064d}",
                         "raw_sha256": f"{i:064d}", "encoding": "utf-8", "extractor_version": "bench",
                         "ingested_at": now})
        conn.execute(sa.insert(Document.__table__), docs)
        conn.execute(sa.insert(Official.__table__), [
            {"id": i, "name": f"官员{i}", "district_id": rng.choice(districts), "created_at": now}
            for i in range(1, 501)])
        batch_p, batch_q, batch_e = [], [], []
        for i in range(1, pledges + 1):
            k = rng.randrange(len(objects))
            n = rng.randint(2, 60)
            doc = docs[rng.randrange(len(docs))]
            quote = f"{rng.choice(verbs)}{objects[k]}{n}{units[k]}"
            due = doc["published_on"] + dt.timedelta(days=rng.randint(60, 1200)) if rng.random() < 0.9 else None
            confirmed = rng.random() < 0.9
            rated = confirmed and rng.random() < 0.4
            status = rng.choice(statuses) if rated else "unassessed"
            as_of = min(TODAY, doc["published_on"] + dt.timedelta(days=rng.randint(30, 700))) if rated else None
            batch_p.append({
                "id": i, "document_id": doc["id"], "origin": "machine", "start": 8, "end": 8 + len(quote),
                "quote": quote, "district_id": rng.choice(districts), "official_id": rng.randint(1, 500),
                "responsible_unit": rng.choice(["教育局", "住建局", "交通局", "园林局", None]), "action": quote[:2],
                "object": objects[k], "due_on": due, "deadline_precision": "year" if due else None,
                "deadline_inherited": False, "confidence": 0.8,
                "review_state": "confirmed" if confirmed else "pending", "is_corrected": False,
                "status": status, "status_on": as_of, "version_id": 1, "created_at": now, "updated_at": now})
            achieved = str(rng.randint(0, n)) if rated else None
            batch_q.append({"id": i, "pledge_id": i, "position": 0, "value": str(n), "unit": units[k],
                            "raw": f"{n}{units[k]}", "role": "count", "achieved_value": achieved,
                            "achieved_on": as_of})
            if rated:
                batch_e.append({"pledge_id": i, "kind": "effective", "old_status": "unassessed", "new_status": status,
                                "as_of_on": as_of, "note": "进展顺利", "evidence_url": "https://example.gov.cn/x",
                                "quantity_id": i, "achieved_value": achieved, "user_id": 1, "created_at": now})
            if len(batch_p) == 5000:
                conn.execute(sa.insert(Pledge.__table__), batch_p)
                conn.execute(sa.insert(Quantity.__table__), batch_q)
                if batch_e:
                    conn.execute(sa.insert(StatusEvent.__table__), batch_e)
                batch_p, batch_q, batch_e = [], [], []
        for table, batch in ((Pledge, batch_p), (Quantity, batch_q), (StatusEvent, batch_e)):
            if batch:
                conn.execute(sa.insert(table.__table__), batch)
    engine.dispose()


def peak_mb() -> float:
    """This process's own peak RSS (VmHWM: the memory of this program image only)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def child(url: str, fmt: str, out: str) -> None:
    """Export the default view in ``fmt`` to ``out``; print the seconds, the row count and the peak RSS."""
    from tracker.db.engine import make_engine, make_sessionmaker
    from tracker.services import exports, listing

    engine = make_engine(url)
    with make_sessionmaker(engine)() as session:
        start = time.perf_counter()
        view = listing.parse_filters(session, {}, today=TODAY)
        tally = exports.Tally(listing.iter_rows(session, view))
        with open(out, "wb") as fh:
            exports.write(fmt, tally, fh, view)
        seconds = time.perf_counter() - start
    engine.dispose()
    print(f"{seconds:.3f} {tally.total} {peak_mb():.1f}")


def run_child(url: str, fmt: str, out: Path) -> tuple[float, int, float]:
    """(seconds, rows, peak RSS in MB) of one export in a fresh process.

    The peak is the child's own VmHWM, the larger of it and ``wait4``'s figure being
    the same here because this parent stays small (it imports no SQLAlchemy): a forked
    child's ru_maxrss starts from its parent's size."""
    proc = subprocess.Popen([sys.executable, __file__, "--child", fmt, "--url", url, "--out", str(out)],
                            stdout=subprocess.PIPE, text=True)
    output = proc.stdout.read()
    proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"the {fmt} export failed")
    seconds, rows, hwm = output.split()
    return float(seconds), int(rows), max(float(hwm), usage.ru_maxrss / 1024)


def python(*args: str) -> str:
    """Run this script in a child with ``args``; its standard output."""
    return subprocess.run([sys.executable, __file__, *args], check=True, stdout=subprocess.PIPE, text=True).stdout


def floor_sql(url: str) -> str:
    from tracker.db.engine import make_engine, make_sessionmaker
    from tracker.services import listing

    engine = make_engine(url)
    with make_sessionmaker(engine)() as session:
        view = listing.parse_filters(session, {}, today=TODAY)
        stmt = listing._ordered(listing.base_select(view), view, None)
        sql = str(stmt.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True}))
    engine.dispose()
    return sql


def run_floor(path: Path, sql: str, out: Path) -> tuple[float, int, float]:
    sqlite3 = shutil.which("sqlite3")
    if sqlite3 is None:
        sys.exit("sqlite3 (the command-line shell) is missing: apt-get install sqlite3")
    start = time.perf_counter()
    with open(out, "wb") as fh:
        proc = subprocess.Popen([sqlite3, "-csv", "-header", str(path), sql], stdout=fh)
        _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("sqlite3 failed")
    with open(out, "rb") as fh:
        rows = sum(1 for _ in fh) - 1
    return seconds, rows, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pledges", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--db", help="SQLite file to build (or reuse when it exists)")
    parser.add_argument("--repeat", type=int, default=5,
                        help="runs of the floor and of CSV and JSON; the fastest counts (XLSX runs once)")
    figures.add_flag(parser)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--sql", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.url, args.child, args.out)
        return
    if args.build:
        build(args.url, args.pledges, args.seed)
        return
    if args.sql:
        sys.stdout.write(floor_sql(args.url))
        return

    folder = Path(tempfile.mkdtemp(prefix="tracker-bench-export-"))
    try:
        path = Path(args.db) if args.db else folder / "bench.sqlite3"
        url = f"sqlite:///{path}"
        if not path.exists():
            start = time.perf_counter()
            python("--build", "--url", url, "--pledges", str(args.pledges), "--seed", str(args.seed))
            print(f"built {args.pledges:,} pledges in {time.perf_counter() - start:.1f} s ({path})", file=sys.stderr)
        print(f"tracker bench/export.py · {args.pledges:,} pledges · default view (confirmed, soonest deadline "
              f"first) · Python {sys.version.split()[0]} · {dt.date.today()}")
        sql = python("--sql", "--url", url)
        runs: dict[str, list] = {"floor": [], "csv": [], "json": [], "xlsx": []}
        for _ in range(max(1, args.repeat)):  # interleaved, so a busy spell hits floor and exports alike
            runs["floor"].append(run_floor(path, sql, folder / "floor.csv"))
            for fmt in ("csv", "json"):
                runs[fmt].append(run_child(url, fmt, folder / f"export.{fmt}"))
        runs["xlsx"].append(run_child(url, "xlsx", folder / "export.xlsx"))
        floor = min(runs["floor"])
        results = {"sqlite3 -csv (floor)": floor}
        for fmt in ("csv", "xlsx", "json"):
            best = min(runs[fmt])
            results[fmt] = (best[0], best[1], max(r[2] for r in runs[fmt]),
                            (folder / f"export.{fmt}").stat().st_size)
        print(f"{'format':<22}{'rows':>9}{'seconds':>10}{'× floor':>9}{'peak RSS MB':>13}{'file MB':>9}")
        for name, (seconds, rows, rss, *size) in results.items():
            ratio = seconds / floor[0]
            file_mb = f"{size[0] / MB:>9.1f}" if size else f"{(folder / 'floor.csv').stat().st_size / MB:>9.1f}"
            print(f"{name:<22}{rows:>9,}{seconds:>10.2f}{ratio:>9.2f}{rss:>13.1f}{file_mb}")
        csv_ratio = results["csv"][0] / floor[0]
        worst = max(results[f][2] for f in ("csv", "xlsx", "json"))
        print(f"targets: CSV ≤ 3× floor: {'yes' if csv_ratio <= 3 else 'NO'} ({csv_ratio:.2f}×); "
              f"peak RSS < 150 MB: {'yes' if worst < 150 else 'NO'} (worst {worst:.1f} MB)")
        if args.write_figures:
            measured = [figures.figure("pledges", args.pledges), figures.figure("rows in the default view", floor[1]),
                        figures.figure("sqlite3 -csv (floor)", round(floor[0], 2), "s")]
            for fmt in ("csv", "json", "xlsx"):
                seconds, _, rss, _ = results[fmt]
                measured += [figures.figure(fmt.upper(), round(seconds, 2), "s"),
                             figures.figure(f"{fmt.upper()} ÷ floor", round(seconds / floor[0], 2), "×", key=fmt == "csv"),
                             figures.figure(f"{fmt.upper()} peak RSS", round(rss, 1), "MB")]
            figures.record("export", figures.command("bench/export.py"), measured,
                           extra=f"fastest of {max(1, args.repeat)} interleaved runs (XLSX once)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
