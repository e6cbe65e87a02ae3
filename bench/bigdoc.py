"""Big documents against the bounds: `python bench/bigdoc.py [--megabytes 50] [--keep DIR]`.

Generates, in a temporary folder, on a fresh SQLite database:

1. the red team's file: 50 MB on one line of repeated pledges (about 2,000,000 of them);
2. a file of 1,000,000 characters on one line, all pledges (some 100,000: beyond the pledge bound);
3. a file at the bounds: just under 1,000,000 characters on one line holding 4,900 pledges;

ingests each with ``tracker ingest`` (a subprocess with the default settings) and prints its
outcome, wall time and peak memory (the child's maximum resident set); then opens the stored
document's page, each of its parts, a pledge's page and ``/api/documents/<id>`` in-process
(Flask's test client, logged out, 5 times each) and prints the slowest answer and its size.
Bounds to hold: every ingest under 500 MB peak, every page under 1 s.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import figures

ROOT = Path(__file__).resolve().parents[1]
PLEDGE = "今年新建幼儿园3所，"  # 10 characters, 28 bytes of UTF-8
FILLER = "会议强调要坚持稳中求进工作总基调完整准确全面贯彻新发展理念"  # no number: no pledge


def write_repeated(path: Path, unit: str, total_bytes: int | None = None, total_chars: int | None = None) -> int:
    """``unit`` repeated on one line up to ``total_bytes`` or ``total_chars``; returns the characters written."""
    block = unit * 1024
    data = block.encode("utf-8")
    written = chars = 0
    with path.open("wb") as fh:
        while (total_bytes is None or written < total_bytes) and (total_chars is None or chars + len(block) < total_chars):
            fh.write(data)
            written += len(data)
            chars += len(block)
        fh.write("。".encode("utf-8"))
    return chars + 1


def write_at_bounds(path: Path, chars: int, pledges: int) -> int:
    """``pledges`` pledges spread evenly through ``chars`` characters of one line."""
    gap = max(0, (chars - pledges * (len(PLEDGE) + 1)) // pledges)
    filler = (FILLER * (gap // len(FILLER) + 1))[:gap]
    unit = PLEDGE[:-1] + "。" + filler
    with path.open("w", encoding="utf-8") as fh:
        for _ in range(pledges):
            fh.write(unit)
    return pledges * len(unit)


def ingest(path: Path, db_url: str, cwd: Path) -> tuple[int, float, float, str]:
    """(exit status, seconds, peak MB, last line) of ``tracker ingest path`` in a process of its own."""
    probe = ("import resource, subprocess, sys, json; "
             "r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
             "print(json.dumps([r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "
             "(r.stdout + r.stderr)[-3000:]]))")
    env = {k: v for k, v in os.environ.items() if k != "TRACKER_INSTANCE"}
    env["DATABASE_URL"] = db_url
    began = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", probe, sys.executable, "-c", "from tracker.cli import main; main()",
                          "ingest", "--published", "2021-01-15", str(path)], cwd=cwd, env=env, capture_output=True,
                         text=True, timeout=900)
    seconds = time.perf_counter() - began
    import json

    status, peak_kb, text = json.loads(out.stdout.strip().splitlines()[-1])
    lines = [line for line in text.splitlines() if line.strip()]
    return status, seconds, peak_kb / 1024, " | ".join(lines[-2:])


def time_pages(db_url: str) -> list[tuple[str, float, int]]:
    """(page, slowest seconds of 5, bytes) for the big document's pages."""
    import sqlalchemy as sa

    from tracker.web import create_app

    app = create_app({"TESTING": True, "DATABASE_URL": db_url, "SECRET_KEY": "bench"})
    client = app.test_client()
    engine = app.extensions["tracker.engine"]
    with engine.connect() as conn:
        doc_id = conn.execute(sa.text("SELECT id FROM document ORDER BY length(text) DESC LIMIT 1")).scalar_one()
        pledge_id = conn.execute(sa.text("SELECT max(id) FROM pledge WHERE document_id = :d"), {"d": doc_id}).scalar()
    first = client.get(f"/documents/{doc_id}").get_data(as_text=True)
    import re

    parts = int(re.search(r"第 1 / (\d+) 部分", first).group(1)) if "部分显示" in first else 1
    urls = [f"/documents/{doc_id}", f"/documents/{doc_id}?part={parts}", f"/documents/{doc_id}?part={(parts + 1) // 2}",
            f"/api/documents/{doc_id}", f"/api/pledges?document={doc_id}&limit=100"]
    if pledge_id:
        urls += [f"/pledges/{pledge_id}", f"/documents/{doc_id}?at={0}"]
    out = []
    for url in urls:
        worst, size = 0.0, 0
        for _ in range(5):
            began = time.perf_counter()
            response = client.get(url)
            body = response.get_data()
            worst = max(worst, time.perf_counter() - began)
            assert response.status_code == 200, (url, response.status_code)
            size = len(body)
        out.append((url, worst, size))
    out.append((f"(the document has {parts} parts)", 0.0, 0))
    engine.dispose()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=50)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    figures.add_flag(parser)
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bigdoc-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        from tracker.db import migrate

        db_url = f"sqlite:///{work / 'bigdoc.sqlite3'}"
        migrate.upgrade(db_url)
        cases = []
        red = work / "red-team-50mb.txt"
        chars = write_repeated(red, PLEDGE, total_bytes=args.megabytes * 2**20)
        cases.append((red, f"{red.stat().st_size / 2**20:.1f} MB, {chars:,} chars, ~{chars // len(PLEDGE):,} pledges"))
        dense = work / "dense-1m-chars.txt"
        chars = write_repeated(dense, PLEDGE, total_chars=999_000)
        cases.append((dense, f"{dense.stat().st_size / 2**20:.1f} MB, {chars:,} chars, ~{chars // len(PLEDGE):,} pledges"))
        bounds = work / "at-bounds.txt"
        chars = write_at_bounds(bounds, 990_000, 4_900)
        cases.append((bounds, f"{bounds.stat().st_size / 2**20:.1f} MB, {chars:,} chars, 4,900 pledges"))
        print(f"{'file':<22} {'what':<44} {'exit':>4} {'seconds':>8} {'peak MB':>8}  outcome")
        files = {"columns": ["file", "exit", "seconds", "peak MB", "outcome"], "rows": []}
        for path, what in cases:
            status, seconds, peak, last = ingest(path, db_url, work)
            print(f"{path.name:<22} {what:<44} {status:>4} {seconds:>8.1f} {peak:>8.0f}  {last}")
            files["rows"].append([what, status, round(seconds, 1), round(peak), last])
        print()
        print(f"{'page':<48} {'slowest of 5 (s)':>16} {'bytes':>10}")
        pages = []
        for url, worst, size in time_pages(db_url):
            print(f"{url:<48} {worst:>16.3f} {size:>10,}")
            pages.append(figures.figure(f"`{url}`", round(worst, 3), f"s ({size:,} bytes)"))
        if args.write_figures:
            figures.record("bigdoc", figures.command("bench/bigdoc.py"), pages,
                           extra="pages of the last document, slowest of 5 in-process requests; SQLite",
                           tables={"files": files})
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
