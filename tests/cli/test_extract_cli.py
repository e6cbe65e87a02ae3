"""`tracker extract` as a user runs it: JSON Lines on stdout, reasons on stderr."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "002_6211d498416fb23a.txt"


def run(*args):
    return subprocess.run([sys.executable, "-m", "tracker.cli", "extract", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8")


def test_prints_one_json_object_per_pledge_and_nothing_else():
    r = run("--published", "2021-01-15", SEED)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and all(row["file"] == SEED.name for row in rows)
    assert {"quote", "start", "end", "district", "official", "action", "object", "quantities", "qualifier",
            "deadline", "confidence"} <= set(rows[0])
    text = SEED.read_text(encoding="utf-8")
    assert any(r["quote"] == "今年将新建保障性住房1021套" and r["deadline"]["date"] == "2021-12-31" for r in rows)
    assert "保障性住房1021套" in text


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-16"])
def test_reads_common_chinese_encodings(tmp_path, encoding):
    f = tmp_path / "report.txt"
    f.write_bytes("今年将新建幼儿园3所，改造道路12条。".encode(encoding))
    r = run("--published", "2021-03-01", f)
    assert r.returncode == 0, r.stderr
    assert [json.loads(line)["quote"] for line in r.stdout.splitlines()] == ["今年将新建幼儿园3所", "改造道路12条"]


def test_big5_is_read(tmp_path):
    f = tmp_path / "tw.txt"
    f.write_bytes("今年將新建幼兒園3所，改造道路12條，確保年底前完工。".encode("big5"))
    r = run("--published", "2021-03-01", f)
    assert r.returncode == 0, r.stderr
    assert "幼兒園" in r.stdout


def test_bad_files_get_a_reason_and_the_rest_still_runs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    good = tmp_path / "good.txt"
    good.write_text("今年将新建学校3所。", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    r = run("--published", "2021-03-01", empty, binary, good, missing)
    assert r.returncode == 1
    assert [json.loads(line)["quote"] for line in r.stdout.splitlines()] == ["今年将新建学校3所"]
    err = r.stderr.splitlines()
    assert any("empty.txt" in line and "：空文件" in line for line in err)
    assert any("image.txt" in line and "：二进制内容，不是文本" in line for line in err)
    assert any("missing.txt" in line and "：文件不存在" in line for line in err)
    assert err[-1] == "tracker extract：4 个文件中有 3 个无法读取"


def test_a_date_that_does_not_exist_is_refused():
    r = run("--published", "2021-02-30", SEED)
    assert r.returncode == 2
    assert "2021-02-30" in r.stderr and r.stdout == ""


def test_without_published_the_document_date_is_used(tmp_path):
    f = tmp_path / "paper.txt"
    f.write_text("鲁中晨报 2020年1月1日 星期三\n\n今年全市将新建公园12处。", encoding="utf-8")
    rows = [json.loads(line) for line in run(f).stdout.splitlines()]
    assert rows[0]["deadline"] == {"raw": "今年", "date": "2020-12-31", "precision": "year"}


def test_without_any_date_relative_deadlines_stay_open(tmp_path):
    f = tmp_path / "undated.txt"
    f.write_text("今年全市将新建公园12处。", encoding="utf-8")
    rows = [json.loads(line) for line in run(f).stdout.splitlines()]
    assert rows[0]["deadline"]["raw"] == "今年" and rows[0]["deadline"]["date"] is None


def test_district_and_official_given_on_the_command_line_fill_what_the_text_leaves_open(tmp_path):
    f = tmp_path / "passage.txt"
    f.write_text("2024年，我们将新建幼儿园3所。", encoding="utf-8")
    r = run("--published", "2024-01-20", "--district", "某某县", "--official", "张建国",
            "--official-title", "某某县人民政府县长", f)
    assert r.returncode == 0, r.stderr
    [row] = [json.loads(line) for line in r.stdout.splitlines()]
    assert (row["district"], row["official"]) == ("某某县", {"name": "张建国", "title": "某某县人民政府县长"})


def test_an_official_title_without_a_name_is_refused_with_a_reason(tmp_path):
    f = tmp_path / "passage.txt"
    f.write_text("2024年，我们将新建幼儿园3所。", encoding="utf-8")
    r = run("--official-title", "县长", f)
    assert r.returncode != 0 and "--official-title 须与 --official" in r.stderr and r.stdout == ""
