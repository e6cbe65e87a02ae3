"""A generated corpus of bad files through ``tracker ingest`` (a real subprocess on a real
database): every refused file is named with a clear reason, nothing of it is stored, the run
goes on and exits 1; every common Chinese encoding reads to the same text; 2 MB on one line is
read whole, 50 MB is refused by the document bound."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from corpus import encodings_corpus, one_line_file, refused_corpus

TRACKER = [sys.executable, "-c", "from tracker.cli import main; main()"]
TABLES = ("document", "candidate", "pledge", "quantity", "audit_event", "official", "district")


def ingest(db_url: str, cwd: Path, *paths: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    import os

    env = {k: v for k, v in os.environ.items() if k != "TRACKER_INSTANCE"}
    env["DATABASE_URL"] = db_url
    return subprocess.run([*TRACKER, "ingest", "--published", "2021-01-15", *map(str, paths)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def counts(db_url: str) -> dict[str, int]:
    from tracker.db.engine import make_engine

    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            return {t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)
def test_every_refused_file_gets_its_reason_and_leaves_nothing(db_url, tmp_path):
    from tracker.services.ingest import ingest_paths  # noqa: F401 - the package imports cleanly first

    bad = tmp_path / "bad"
    reasons = refused_corpus(bad)
    good = tmp_path / "good"
    good.mkdir()
    (good / "ok.txt").write_text("今年张店区将新建幼儿园3所。\n", encoding="utf-8")
    first = ingest(db_url, tmp_path, good)  # the gazetteer and one document, so "nothing changes" is about rows
    assert first.returncode == 0, first.stderr
    before = counts(db_url)
    assert before["document"] == 1

    result = ingest(db_url, tmp_path, bad)
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "Traceback" not in out
    for name, words in reasons.items():
        lines = [line for line in out.splitlines() if f"{name}：失败：" in line]
        assert len(lines) == 1, (name, out)
        assert words.lower() in lines[0].lower(), lines[0]
    assert f"{len(reasons)} 个文件：新入库 0，已在库中 0，失败 {len(reasons)}" in out
    assert counts(db_url) == before


def test_every_common_chinese_encoding_reads_to_the_same_text(db_url, tmp_path):
    folder = tmp_path / "enc"
    names = encodings_corpus(folder)
    result = ingest(db_url, tmp_path, *(folder / n for n in names))
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    # The simplified article in eight encodings is one text: stored once, seven times "unchanged".
    assert f"{len(names)} 个文件：新入库 1，已在库中 {len(names) - 1}，失败 0" in out
    big5 = ingest(db_url, tmp_path, folder / "article-big5.txt", folder / "article-big5hkscs.txt")
    assert "2 个文件：新入库 1，已在库中 1，失败 0" in big5.stdout + big5.stderr
    from tracker.db.engine import make_engine

    engine = make_engine(db_url)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT text, encoding FROM document ORDER BY id")).all()
    engine.dispose()
    from corpus import ARTICLE, ARTICLE_BIG5

    assert [r.text.strip() for r in rows] == [ARTICLE.strip(), ARTICLE_BIG5.strip()]
    assert rows[0].encoding in SIMPLIFIED and rows[1].encoding in ("big5", "big5hkscs", "cp950")


SIMPLIFIED = ("utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be")


def test_fifty_megabytes_on_one_line_is_refused_by_the_document_bound(db_url, tmp_path):
    """Beyond TRACKER_MAX_DOCUMENT_CHARS (1,000,000 by default) a file is refused before it is read,
    with the reason; nothing is stored (bench/bigdoc.py measures it)."""
    path = one_line_file(tmp_path / "one-line.txt", megabytes=50)
    assert path.stat().st_size > 50 * 1024 * 1024 and path.read_bytes().count(b"\n") == 0
    result = ingest(db_url, tmp_path, path, timeout=300)
    out = result.stdout + result.stderr
    assert result.returncode == 1, out[-2000:]
    assert "one-line.txt：失败：文件过大" in out and "TRACKER_MAX_DOCUMENT_CHARS" in out
    assert "1 个文件：新入库 0，已在库中 0，失败 1" in out
    assert counts(db_url)["document"] == 0


def test_two_megabytes_on_one_line_is_read_whole(db_url, tmp_path):
    path = one_line_file(tmp_path / "one-line.txt", megabytes=2)
    assert path.read_bytes().count(b"\n") == 0
    result = ingest(db_url, tmp_path, path, timeout=600)
    out = result.stdout + result.stderr
    assert result.returncode == 0, out[-2000:]
    assert "1 个文件：新入库 1" in out
    from tracker.db.engine import make_engine

    engine = make_engine(db_url)
    with engine.connect() as conn:
        length = conn.execute(sa.text("SELECT length(text) FROM document")).scalar_one()
        quotes = list(conn.execute(sa.text("SELECT quote FROM pledge ORDER BY start")).scalars())
    engine.dispose()
    assert length > 690_000
    assert any("幼儿园3所" in q for q in quotes) and any("城市绿道15公里" in q for q in quotes), quotes


def test_a_file_beyond_the_pledge_bound_is_refused_and_leaves_nothing(db_url, tmp_path):
    path = tmp_path / "many.txt"
    path.write_text("今年张店区将新建幼儿园3所。" * 40, encoding="utf-8")
    import os

    env_before = os.environ.get("TRACKER_MAX_DOCUMENT_PLEDGES")
    os.environ["TRACKER_MAX_DOCUMENT_PLEDGES"] = "10"
    try:
        result = ingest(db_url, tmp_path, path)
    finally:
        if env_before is None:
            del os.environ["TRACKER_MAX_DOCUMENT_PLEDGES"]
        else:
            os.environ["TRACKER_MAX_DOCUMENT_PLEDGES"] = env_before
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "many.txt：失败：承诺过多" in out and "上限 10 条" in out
    assert counts(db_url)["pledge"] == 0 and counts(db_url)["document"] == 0
