"""`tracker followup PLAN REVIEW` as a user runs it: JSON Lines on stdout (FOLLOWUP.md), Chinese reasons on stderr."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAIRS = ROOT / "tests" / "extract" / "followup"


def run(*args):
    return subprocess.run([sys.executable, "-m", "tracker.cli", "followup", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8")


def test_prints_one_json_object_per_pledge_with_its_outcome():
    r = run("--plan-published", "2020-05-22", "--review-published", "2021-03-04",
            PAIRS / "nat2020_plan.txt", PAIRS / "nat2020_review.txt")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    extracted = subprocess.run([sys.executable, "-m", "tracker.cli", "extract", "--published", "2020-05-22",
                                str(PAIRS / "nat2020_plan.txt")], capture_output=True, text=True, encoding="utf-8")
    assert [row["quote"] for row in rows] == [json.loads(line)["quote"] for line in extracted.stdout.splitlines()]
    assert {"file", "quote", "start", "end", "quantities", "deadline", "outcome", "evidence", "reported",
            "confidence"} <= set(rows[0])
    assert rows[0]["file"] == "nat2020_plan.txt"
    jobs = next(row for row in rows if row["quote"] == "城镇新增就业900万人以上")
    assert jobs["outcome"] == "exceeded"
    assert jobs["reported"] == [{"value": 1186, "unit": "万人", "raw": "1186万人"}]
    review = (PAIRS / "nat2020_review.txt").read_text(encoding="utf-8")
    assert jobs["evidence"]["quote"] in review


def test_evidence_offsets_index_the_normalised_review():
    from tracker.extract import normalise

    r = run("--plan-published", "2019-01-15", "--review-published", "2020-01-12",
            PAIRS / "beijing2019_plan.txt", PAIRS / "beijing2019_review.txt")
    text = normalise((PAIRS / "beijing2019_review.txt").read_text(encoding="utf-8")).text
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    linked = [row for row in rows if row["evidence"]]
    assert linked and all(text[row["evidence"]["start"]:row["evidence"]["end"]] == row["evidence"]["quote"] for row in linked)
    assert sum(row["outcome"] == "not_reported" for row in rows) >= 5  # silence is the most common answer


def test_a_missing_or_empty_file_gets_a_chinese_reason_and_exit_1(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    r = run(PAIRS / "nat2020_plan.txt", tmp_path / "missing.txt")
    assert r.returncode == 1 and r.stdout == ""
    assert "missing.txt" in r.stderr and "文件不存在" in r.stderr
    r = run(empty, PAIRS / "nat2020_review.txt")
    assert r.returncode == 1 and "空文件" in r.stderr


def test_a_date_that_does_not_exist_is_refused():
    r = run("--review-published", "2021-02-30", PAIRS / "nat2020_plan.txt", PAIRS / "nat2020_review.txt")
    assert r.returncode == 2 and r.stdout == ""
    assert "发布日期「2021-02-30」这一天不存在" in r.stderr  # the one message (services/dates.py)


def test_without_a_review_date_the_year_it_speaks_of_decides_what_is_due(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text("二、今后五年发展目标\n到2021年，全县生产总值达到170亿元，年均增长12%以上。", encoding="utf-8")
    review = tmp_path / "review.txt"
    review.write_text("一、2017年工作回顾\n2017年，全年生产总值完成119.7亿元，增长8%。", encoding="utf-8")
    rows = [json.loads(line) for line in run("--plan-published", "2017-02-23", plan, review).stdout.splitlines()]
    assert rows and all(row["outcome"] in ("not_due", "not_reported") and row["evidence"] is None for row in rows)


def test_plan_year_reads_a_plan_without_time_of_its_own_as_that_years_work():
    # 海拉尔区's 2017 city tasks cut from the report: no time of their own, so read only when told the plan's year
    args = (PAIRS / "hailar2017b_plan.txt", PAIRS / "hailar2017_review.txt")
    before = [json.loads(line) for line in run(*args).stdout.splitlines()]
    r = run("--plan-year", "2017", *args)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(before) == 2 and len(rows) > 10
    toilets = next(row for row in rows if row["quote"] == "完成30座公厕新建改造")
    assert toilets["deadline"] == {"raw": "2017年", "date": "2017-12-31", "precision": "year"}
    assert toilets["outcome"] == "exceeded" and toilets["evidence"]["quote"].endswith("新建改造公厕34座")
    # what has its own time keeps it (年内完成335座保暖房装修)
    assert next(row for row in rows if "335座" in row["quote"])["deadline"]["raw"] == "年内"


def test_plan_year_is_refused_with_document():
    r = run("--plan-year", "2017", "--document", "1")
    assert r.returncode != 0 and "--plan-year" in r.stderr
