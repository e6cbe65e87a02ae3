"""One reader of a typed day (``tracker.services.dates``): every syntax accepted anywhere before, and
the same two Chinese messages from the command line, manifest.csv and the list's filters."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.services.files import PLEDGE_TEXT
from tracker.cli import main
from tracker.services import dates, listing
from tracker.services.ingest import ingest_paths

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "002_6211d498416fb23a.txt"


@pytest.mark.parametrize("text", [
    "2026-12-03", "2026-12-3", "2026/12/3", "2026/12/03", "2026.12.3", "2026年12月3日", "2026年12月3",
    "2026年12月03日", " 2026-12-03 ", "20261203", "２０２６年１２月３日",
])
def test_every_syntax_read_anywhere_before_is_read_everywhere(text):
    assert dates.parse_day(text) == dt.date(2026, 12, 3)


@pytest.mark.parametrize("text", ["2026-02-30", "2026年2月30日", "2026/13/1", "2025-02-29", "20260230"])
def test_a_day_that_does_not_exist_has_one_message(text):
    with pytest.raises(dates.BadDate) as exc:
        dates.parse_day(text, "发布日期")
    assert str(exc.value) == f"发布日期「{text}」这一天不存在"


@pytest.mark.parametrize("text", ["明年", "2026-12", "12/3/2026", "2026-12-03T08:00", "26-12-3", ""])
def test_a_text_that_is_no_date_has_one_message(text):
    with pytest.raises(dates.BadDate) as exc:
        dates.parse_day(text, "发布日期")
    assert str(exc.value) == f"发布日期「{text}」不是日期，请写成 YYYY-MM-DD，例如 2024-06-30"


def test_2024_02_29_exists():
    assert dates.parse_day("2024年2月29日") == dt.date(2024, 2, 29)


# --- the entry points: one message each, the field named -------------------------------------

NONEXISTENT = dates.nonexistent("发布日期", "2026-02-30")
UNREADABLE = dates.unreadable("发布日期", "明年")


@pytest.mark.parametrize("text, message", [("2026-02-30", NONEXISTENT), ("明年", UNREADABLE)])
def test_the_command_line_says_it(text, message):
    r = subprocess.run([sys.executable, "-m", "tracker.cli", "extract", "--published", text, str(SEED)],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 2 and r.stdout == ""
    assert message in r.stderr


def test_the_command_line_reads_the_chinese_form():
    r = subprocess.run([sys.executable, "-m", "tracker.cli", "extract", "--published", "2021年1月15日", str(SEED)],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    assert '"2021-12-31"' in r.stdout  # 今年 counted from the day given


def test_the_ingest_command_says_it(db_url, tmp_path):
    (tmp_path / "a.txt").write_text(PLEDGE_TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", "--published", "2026-02-30", str(tmp_path)],
                                env={"DATABASE_URL": db_url})
    assert result.exit_code == 2
    assert NONEXISTENT in result.output


@pytest.mark.parametrize("text, message", [("2026-02-30", NONEXISTENT), ("明年", UNREADABLE)])
def test_the_manifest_says_it(session_factory, tmp_path, text, message):
    (tmp_path / "a.txt").write_text(PLEDGE_TEXT, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(f"file,title,published\na.txt,民生实事,{text}\n", encoding="utf-8")
    summary = ingest_paths(session_factory, [tmp_path])
    outcome = next(o for o in summary.outcomes if o.path.endswith("a.txt"))
    assert (outcome.state, outcome.reason) == ("failed", f"manifest.csv 第 2 行：{message}")


def test_the_manifest_reads_the_chinese_form(session_factory, tmp_path):
    from tracker.db.models import Document

    (tmp_path / "a.txt").write_text(PLEDGE_TEXT, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,title,published\na.txt,民生实事,2021年3月1日\n", encoding="utf-8")
    ingest_paths(session_factory, [tmp_path])
    with session_factory() as s:
        assert s.query(Document).one().published_on == dt.date(2021, 3, 1)


@pytest.mark.parametrize("text, message", [
    ("2026-02-30", dates.nonexistent("完成时限不早于", "2026-02-30")),
    ("明年", dates.unreadable("完成时限不早于", "明年")),
])
def test_the_filters_say_it(session, text, message):
    with pytest.raises(listing.BadFilter) as exc:
        listing.parse_filters(session, {"due_from": text})
    assert str(exc.value) == message
