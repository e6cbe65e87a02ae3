"""``tracker export``: the same files as the page's export links, from the command line."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from ledger_history import build
from tracker.cli import main


@pytest.fixture
def history(session_factory):
    return build(session_factory)


def run(db_url, *args):
    return CliRunner().invoke(main, ["export", *args], env={"DATABASE_URL": db_url})


def test_csv_json_xlsx_and_ledger_of_a_filtered_view_as_of_a_day(db_url, history, tmp_path):
    out = tmp_path / "zd.csv"
    result = run(db_url, "--format", "csv", "--district", "张店", "--as-of", "2024-04-15", "--header", "key",
                 "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "3 条承诺，CSV · 区县 = 张店区 且 审核状态 = 已确认 且 截至 = 2024-04-15" in result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = {int(r["id"]): r for r in csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))}
    assert rows[history["ids"]["kindergartens"]]["achieved_value"] == "6"  # as reported by 04-15, not 18
    assert rows[history["ids"]["housing"]]["status"] == "未评估"

    result = run(db_url, "--format", "json", "--status", "done", "-o", "-")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [i["id"] for i in data["items"]] == [history["ids"]["housing"]]

    xlsx = tmp_path / "all.xlsx"
    assert run(db_url, "--format", "xlsx", "--review-state", "all", "-o", str(xlsx)).exit_code == 0
    assert load_workbook(xlsx)["承诺"].max_row == 1 + 7

    ledger = tmp_path / "ledger.xlsx"
    assert run(db_url, "--format", "ledger", "-q", "学校", "-o", str(ledger)).exit_code == 0
    rows = list(load_workbook(ledger)["台账"].iter_rows(min_row=4, values_only=True))
    assert [r[1] for r in rows] == ["临淄区7月中旬前新建中小学校5所"]


def test_the_status_table_per_official_and_district(db_url, history, tmp_path):
    out = tmp_path / "districts.csv"
    result = run(db_url, "--table", "district", "--as-of", "2024-07-20", "-o", str(out))
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("编号,名称,承诺数,未评估")
    assert any(",张店区,3," in line for line in lines) and lines[-1].split(",")[1] == "合计"
    out = tmp_path / "officials.xlsx"
    assert run(db_url, "--table", "official", "--format", "xlsx", "-o", str(out)).exit_code == 0
    names = [r[1] for r in load_workbook(out)["按责任领导"].iter_rows(min_row=2, values_only=True)]
    assert "马晓磊" in names and "合计" in names


@pytest.mark.parametrize("args, message", [
    (["--district", "火星区"], "未知的区县「火星区」"),
    (["--as-of", "2024-02-30"], "截至「2024-02-30」这一天不存在"),
    (["--due-from", "下个月"], "不是日期"),
    (["--flag", "紫"], "标记「紫」无法识别"),
    (["--format", "ledger", "--table", "district"], "不能与 --table 同用"),
])
def test_bad_input_is_refused_in_chinese_and_writes_nothing(db_url, history, tmp_path, args, message):
    folder = tmp_path / "out"
    folder.mkdir()
    result = run(db_url, *args, "-o", str(folder / "never.csv"))
    assert result.exit_code != 0
    assert message in result.output
    assert list(folder.iterdir()) == []  # no file, no half-written temporary


def test_as_of_exports_equal_the_list_as_it_was_each_day_of_a_scripted_history(db_url, session_factory, tmp_path):
    """tests/as_of_script.py: corrections, rejections, a merge, an undo and verdicts on several days."""
    from as_of_script import DAYS, play
    from tracker.services import exports, listing

    views = [{"review_state": "all"}, {"district": "张店区"}, {"unit": "局", "review_state": "all", "sort": "-due_on"}]

    def snapshot(session, day):
        return [[exports.json_item(r) for r in listing.iter_rows(session, listing.parse_filters(session, v, today=day))]
                for v in views]

    script = play(session_factory, snapshot)
    for day in DAYS:
        for args, expected in zip(views, script["snapshots"][day]):
            options = [part for k, v in args.items() for part in ("--" + k.replace("_", "-"), v)]
            result = run(db_url, "--format", "json", *options, "--as-of", day.isoformat(), "-o", "-")
            assert result.exit_code == 0, result.output
            assert json.loads(result.stdout)["items"] == expected, (day, args)
    out = tmp_path / "b.csv"
    result = run(db_url, "--format", "csv", "--header", "key", "--as-of", DAYS[0].isoformat(), "-o", str(out))
    assert result.exit_code == 0, result.output
    rows = {int(r["id"]): r for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))}
    b = rows[script["ids"]["B"]]
    assert (b["district"], b["responsible_unit"], b["target_value"], b["due_on"]) == ("张店区", "住建局", "25", "2024-09-30")
