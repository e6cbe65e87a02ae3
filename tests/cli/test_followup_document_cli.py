"""``tracker followup --document ID``: match stored documents and store the suggestions; and ingest's own
matching, which a failing matcher cannot make lose a document."""
from __future__ import annotations

import shutil
from pathlib import Path

import sqlalchemy as sa
from click.testing import CliRunner

from tracker.cli import main
from tracker.db.engine import make_engine, make_sessionmaker
from tracker.db.models import Document, Suggestion

DATA = Path(__file__).resolve().parents[1] / "followup_data"


def _counts(url) -> tuple[int, int]:
    engine = make_engine(url)
    try:
        with engine.connect() as c:
            return (c.scalar(sa.select(sa.func.count(Document.id))), c.scalar(sa.select(sa.func.count(Suggestion.id))))
    finally:
        engine.dispose()


def test_followup_document_stores_suggestions_once_and_refuses_bad_ids(db_url, tmp_path):
    shutil.copytree(DATA, tmp_path / "pair")
    ingested = CliRunner().invoke(main, ["ingest", str(tmp_path / "pair")], env={"DATABASE_URL": db_url})
    assert ingested.exit_code == 0, ingested.output
    assert "后续建议" in ingested.output.strip().splitlines()[-1]
    documents, suggestions = _counts(db_url)
    assert documents == 2 and suggestions >= 3
    engine = make_engine(db_url)
    with make_sessionmaker(engine)() as s:
        review = s.scalar(sa.select(Document.id).where(Document.file_name == "gaoyang_2018_review.txt"))
        s.execute(sa.delete(Suggestion))
        s.commit()
    engine.dispose()
    result = CliRunner().invoke(main, ["followup", "--document", str(review)], env={"DATABASE_URL": db_url})
    assert result.exit_code == 0, result.output
    # ten pledges of the plan: 到2021年全县生产总值达到170亿元，年均增长12%以上 is one (a level and its growth, level_then_rate)
    assert f"文档 {review}：比对到之前的承诺 10 条；后续建议新增 {suggestions}，" in result.output
    assert _counts(db_url) == (2, suggestions)
    again = CliRunner().invoke(main, ["followup", "--document", str(review)], env={"DATABASE_URL": db_url})
    assert f"新增 0，更新 0，撤回 0，未变 {suggestions}，" in again.output
    missing = CliRunner().invoke(main, ["followup", "--document", "999"], env={"DATABASE_URL": db_url})
    assert missing.exit_code == 1 and "没有编号为 999 的文档" in missing.output
    both = CliRunner().invoke(main, ["followup", "--document", str(review), "a.txt", "b.txt"],
                              env={"DATABASE_URL": db_url})
    assert both.exit_code == 2 and "不能同时使用" in both.output


def test_a_failing_matcher_keeps_the_ingested_document(db_url, tmp_path, monkeypatch):
    from tracker.extract import followup as matcher

    def broken(*args, **kwargs):
        raise RuntimeError("matcher broke")

    monkeypatch.setattr(matcher, "follow_up", broken)
    shutil.copytree(DATA, tmp_path / "pair")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "pair")], env={"DATABASE_URL": db_url})
    assert result.exit_code == 0, result.output
    assert "后续比对失败：RuntimeError: matcher broke" in result.output
    assert "tracker followup --document" in result.output
    assert _counts(db_url) == (2, 0)
