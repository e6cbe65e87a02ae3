"""What does storing cost on top of extracting? Ingest a generated corpus into SQLite and PostgreSQL.

    .venv/bin/python bench/ingest.py                      # 5,000 documents, SQLite and a throwaway PostgreSQL
    .venv/bin/python bench/ingest.py --docs 500           # a smaller run
    .venv/bin/python bench/ingest.py --pg-url postgresql+psycopg://user@host/db   # a server you have
    .venv/bin/python bench/ingest.py --no-pg              # SQLite only

The corpus is ``bench/extract.py``'s: the seed articles' paragraphs shuffled and
mixed, numbers, years and places swapped (deterministic with ``--seed``),
written as ``--docs`` files with a ``manifest.csv`` of publication dates.

Each phase runs in a fresh child process, after the same warm-up (jieba and the
lexicons loaded by extracting the seeds once), so each pays no start-up and
reports its own peak RSS:

1. ``extract``: ``read_document`` + ``extract_document`` per file, exactly the
   work ingest does before it touches the database;
2. ``sqlite``: ``tracker.services.ingest.ingest_paths`` into a new migrated
   SQLite file (WAL, as in production);
3. ``postgresql``: the same into a new database on PostgreSQL.

It prints documents per second for each, and for each database the storage
overhead: (ingest time - extraction time) / extraction time (target <= 50%), in
wall-clock time and in the benchmark process's CPU time (on a busy machine the
CPU figure is the steadier one; PostgreSQL's server work shows in wall time only).
Memory is flat when the peak RSS of ingesting half the corpus and the whole
corpus are about the same (``--half`` adds those runs).
"""
from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import figures

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def corpus_module():
    """bench/extract.py, for its corpus generator (one corpus recipe for both benchmarks)."""
    spec = importlib.util.spec_from_file_location("bench_extract", ROOT / "bench" / "extract.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_corpus(folder: Path, docs: int, seed: int) -> int:
    """``docs`` varied seed articles as files, with manifest.csv; returns the characters written."""
    import datetime as dt

    gen = corpus_module()
    rng = random.Random(seed)
    articles = gen.seed_articles()
    pool = [line for _, lines in articles for line in lines[6:]]
    chars = 0
    with open(folder / "manifest.csv", "w", encoding="utf-8", newline="") as fh:
        manifest = csv.writer(fh)
        manifest.writerow(["file", "title", "source", "published"])
        for n in range(1, docs + 1):
            seed_id, lines = rng.choice(articles)
            lines = lines + rng.sample(pool, k=min(len(pool), rng.randint(0, 30)))
            shift = rng.randint(-3, 3)
            text = gen.vary(lines, rng, shift)
            published = dt.date(gen.SEED_YEARS.get(seed_id, 2022) + shift, rng.randint(1, 12), rng.randint(1, 28))
            name = f"doc_{n:06d}.txt"
            (folder / name).write_text(text, encoding="utf-8")
            manifest.writerow([name, f"生成文档 {n}", f"https://example.gov.cn/{n}.html", published.isoformat()])
            chars += len(text)
    return chars


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6


def warm_up() -> None:
    import datetime as dt

    from tracker.extract import extract_document

    for path in sorted((ROOT / "seeds").glob("*.txt")):
        extract_document(path.read_text(encoding="utf-8-sig"), published=dt.date(2021, 1, 15))


def phase(name: str, folder: Path, url: str | None, limit: int | None) -> dict:
    """One measurement, in this (child) process."""
    warm_up()
    files = sorted(folder.glob("doc_*.txt"))[:limit]
    if name == "extract":
        from tracker.extract import extract_document
        from tracker.services.ingest import read_manifest

        meta = read_manifest(folder / "manifest.csv")
        cpu = cpu_seconds()
        start = time.perf_counter()
        found = 0
        for path in files:
            from tracker.reading import read_document

            decoded = read_document(path)
            found += len(extract_document(decoded.text, published=meta[path.name].published).candidates)
        seconds = time.perf_counter() - start
        return {"phase": name, "docs": len(files), "seconds": seconds, "cpu": cpu_seconds() - cpu,
                "candidates": found, "rss_mb": peak_rss_mb()}

    from tracker.db import migrate
    from tracker.db.engine import make_engine, make_sessionmaker
    from tracker.services.ingest import ingest_paths

    migrate.upgrade(url)
    engine = make_engine(url, pool_pre_ping=False)  # as the tracker ingest command does
    try:
        session_factory = make_sessionmaker(engine)
        cpu = cpu_seconds()
        start = time.perf_counter()
        summary = ingest_paths(session_factory, files)
        seconds = time.perf_counter() - start
        cpu = cpu_seconds() - cpu
    finally:
        engine.dispose()
    if summary.failed:
        bad = next(o for o in summary.outcomes if o.state == "failed")
        raise SystemExit(f"{summary.failed} documents failed, e.g. {bad.path}: {bad.reason}")
    return {"phase": name, "docs": summary.new, "seconds": seconds, "cpu": cpu, "pledges": summary.pledges,
            "rss_mb": peak_rss_mb()}


def run_child(name: str, folder: Path, url: str | None, limit: int | None) -> dict:
    cmd = [sys.executable, __file__, "--phase", name, "--folder", str(folder)]
    if url:
        cmd += ["--url", url]
    if limit:
        cmd += ["--limit", str(limit)]
    out = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    if out.returncode != 0:
        raise SystemExit(f"phase {name} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pg-url", help="a PostgreSQL server URL whose user may CREATE DATABASE")
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    parser.add_argument("--half", action="store_true", help="also ingest half the corpus, to see memory stay flat")
    figures.add_flag(parser)
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.phase:
        print(json.dumps(phase(args.phase, Path(args.folder), args.url, args.limit)))
        return

    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        chars = write_corpus(folder, args.docs, args.seed)
        print(f"corpus: {args.docs} documents, {chars / 1e6:.1f} M characters (seed {args.seed})")

        results = {"extract": run_child("extract", folder, None, None)}
        sqlite_url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        results["sqlite"] = run_child("sqlite", folder, sqlite_url, None)
        if args.half:
            half_url = f"sqlite:///{Path(tmp) / 'half.sqlite3'}"
            results["sqlite (half)"] = run_child("sqlite", folder, half_url, args.docs // 2)

        server = None
        if not args.no_pg:
            from tracker.db.throwaway import ThrowawayPostgres, create_database

            pg = args.pg_url
            if pg is None:
                server = ThrowawayPostgres()
                pg = server.start()
            try:
                url = create_database(pg, f"tracker_bench_{uuid.uuid4().hex[:8]}")
                results["postgresql"] = run_child("postgresql", folder, url, None)
                if args.half:
                    url = create_database(pg, f"tracker_bench_{uuid.uuid4().hex[:8]}")
                    results["postgresql (half)"] = run_child("postgresql", folder, url, args.docs // 2)
            finally:
                if server is not None:
                    server.stop()

    extract = results["extract"]
    print(f"{'phase':<18}{'docs':>7}{'seconds':>9}{'docs/s':>8}{'overhead':>10}"
          f"{'cpu s':>8}{'cpu overhead':>14}{'peak RSS':>10}")
    for name, r in results.items():
        overhead = cpu_overhead = ""
        if name in ("sqlite", "postgresql"):
            overhead = f"{(r['seconds'] - extract['seconds']) / extract['seconds']:+.0%}"
            cpu_overhead = f"{(r['cpu'] - extract['cpu']) / extract['cpu']:+.0%}"
        print(f"{name:<18}{r['docs']:>7}{r['seconds']:>9.1f}{r['docs'] / r['seconds']:>8.1f}{overhead:>10}"
              f"{r['cpu']:>8.1f}{cpu_overhead:>14}{r['rss_mb']:>8.0f} MB")
    stored = ", ".join(f"{k} {v['pledges']}" for k, v in results.items() if "pledges" in v)
    print(f"candidates found by extraction alone: {extract['candidates']}; pledges stored: {stored}")
    print("overhead = (ingest seconds - extraction seconds) / extraction seconds, wall clock; target <= +50%")
    print("cpu overhead: the same in this process's CPU time (PostgreSQL's own work is in its server process)")
    if args.write_figures:
        measured = [figures.figure("documents", args.docs), figures.figure("characters", chars),
                    figures.figure("candidates", extract["candidates"])]
        for name, r in results.items():
            measured.append(figures.figure(name, round(r["docs"] / r["seconds"], 1), "docs/s"))
            if name in ("sqlite", "postgresql"):
                measured += [
                    figures.figure(f"{name} wall overhead", round(100 * (r["seconds"] - extract["seconds"]) / extract["seconds"]), "%"),
                    figures.figure(f"{name} CPU overhead", round(100 * (r["cpu"] - extract["cpu"]) / extract["cpu"]), "%")]
            measured.append(figures.figure(f"{name} peak RSS", round(r["rss_mb"]), "MB"))
        figures.record("ingest", figures.command("bench/ingest.py"), measured, extra="one run each")


if __name__ == "__main__":
    main()
