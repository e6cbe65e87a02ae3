"""The red team's big documents against the bounds (bench/bigdoc.py prints the figures): 50 MB on one
line is refused before it is read; a file at the bounds (a million characters on one line, 4,900
pledges) is ingested with a peak under 500 MB, and its page is served in parts of bounded size."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

PLEDGE = "今年新建幼儿园3所。"
FILLER = "会议强调要坚持稳中求进工作总基调完整准确全面贯彻新发展理念"
PROBE = ("import resource, subprocess, sys, json; r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
         "print(json.dumps([r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.stderr[-3000:]]))")


def ingest_measured(db_url: str, path, cwd) -> tuple[int, float, str]:
    """(exit status, peak MB, standard error) of ``tracker ingest path`` in a process of its own."""
    env = {k: v for k, v in os.environ.items() if k != "TRACKER_INSTANCE"}
    env["DATABASE_URL"] = db_url
    out = subprocess.run([sys.executable, "-c", PROBE, sys.executable, "-c", "from tracker.cli import main; main()",
                          "ingest", "--published", "2021-01-15", str(path)], cwd=cwd, env=env, capture_output=True,
                         text=True, timeout=900)
    status, peak_kb, err = json.loads(out.stdout.strip().splitlines()[-1])
    return status, peak_kb / 1024, err


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)
def test_a_document_at_the_bounds_is_ingested_in_bounded_memory_and_served_in_parts(db_url, tmp_path):
    pledges, chars = 4_900, 990_000
    gap = (chars - pledges * len(PLEDGE)) // pledges
    unit = PLEDGE + (FILLER * (gap // len(FILLER) + 1))[:gap]
    path = tmp_path / "at-bounds.txt"
    path.write_text(unit * pledges, encoding="utf-8")
    status, peak, err = ingest_measured(db_url, path, tmp_path)
    assert status == 0, err
    assert "新入库 1" in err and f"新增承诺 {pledges} 条" in err, err
    assert peak < 500, peak

    from tracker.web import create_app

    app = create_app({"TESTING": True, "DATABASE_URL": db_url, "SECRET_KEY": "test"})
    try:
        client = app.test_client()
        first = client.get("/documents/1").get_data(as_text=True)
        parts = int(re.search(r"第 1 / (\d+) 部分", first).group(1))
        assert parts >= 40 and "本文承诺 4900 条" in first
        for n in (1, parts // 2, parts):
            response = client.get(f"/documents/1?part={n}")
            assert response.status_code == 200 and len(response.get_data()) < 400_000
        last = client.get("/api/pledges?document=1&limit=1").get_json()["items"][0]["id"]
        page = client.get(f"/pledges/{last}")
        assert page.status_code == 200 and len(page.get_data()) < 100_000  # a window, not the whole line
    finally:
        app.extensions["tracker.engine"].dispose()


def test_a_dense_million_characters_beyond_the_pledge_bound_is_refused_in_bounded_memory(db_url, tmp_path):
    path = tmp_path / "dense.txt"
    path.write_text(PLEDGE * 20_000, encoding="utf-8")  # 200,000 characters, 20,000 pledges
    env_before = os.environ.get("TRACKER_MAX_DOCUMENT_PLEDGES")
    status, peak, err = ingest_measured(db_url, path, tmp_path)
    assert env_before is None
    assert status == 1 and "承诺过多" in err and "Traceback" not in err, err
    assert peak < 500, peak
