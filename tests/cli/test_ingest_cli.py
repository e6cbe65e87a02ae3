"""``tracker ingest`` and ``tracker reextract`` from the command line."""
from __future__ import annotations

import sqlalchemy as sa
from click.testing import CliRunner

from tracker.cli import main
from tracker.db.engine import make_engine
from tracker.db.models import Document


def _documents(url):
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.select(Document.file_name).order_by(Document.file_name)).scalars().all()
    finally:
        engine.dispose()


def test_ingest_reports_each_bad_file_and_a_summary_and_exits_non_zero(db_url, seeds_dir, tmp_path):
    (seeds_dir / "empty.txt").write_bytes(b"")
    (seeds_dir / "picture.png").write_bytes(b"\x89PNG\r\n")
    result = CliRunner().invoke(main, ["ingest", str(seeds_dir)], env={"DATABASE_URL": db_url})
    assert result.exit_code == 1
    assert f"tracker ingest：{seeds_dir / 'empty.txt'}：失败：空文件（0 字节）" in result.output
    assert f"{seeds_dir / 'picture.png'}：跳过：不是 tracker 读取的文档类型（.png；" in result.output
    summary = result.output.strip().splitlines()[-1]
    assert summary.startswith("tracker ingest：7 个文件：新入库 5，已在库中 0，失败 1，跳过 1；")
    assert len(_documents(db_url)) == 5

    (seeds_dir / "empty.txt").unlink()
    result = CliRunner().invoke(main, ["ingest", str(seeds_dir)], env={"DATABASE_URL": db_url})
    assert result.exit_code == 0, result.output
    assert "已在库中 5，失败 0，跳过 1；新增承诺 0 条" in result.output


def test_ingest_refuses_a_date_that_does_not_exist(db_url, seeds_dir):
    result = CliRunner().invoke(main, ["ingest", "--published", "2021-02-29", str(seeds_dir)],
                                env={"DATABASE_URL": db_url})
    assert result.exit_code == 2
    assert "发布日期「2021-02-29」这一天不存在" in result.output
    assert _documents(db_url) == []


def test_ingest_asks_for_a_migrated_database(empty_db_url, seeds_dir):
    result = CliRunner().invoke(main, ["ingest", str(seeds_dir)], env={"DATABASE_URL": empty_db_url})
    assert result.exit_code == 1
    assert "请先运行 tracker db upgrade" in result.output


def test_reextract_says_what_it_did(db_url, seeds_dir):
    env = {"DATABASE_URL": db_url}
    assert CliRunner().invoke(main, ["ingest", str(seeds_dir)], env=env).exit_code == 0
    result = CliRunner().invoke(main, ["reextract"], env=env)
    assert result.exit_code == 0, result.output
    assert "tracker reextract：文档 1：跳过：已由抽取器" in result.output
    assert result.output.strip().endswith("5 篇文档：重读 0，跳过 5，失败 0；报告分歧 0 处")


def test_ingest_into_an_unreachable_database_is_one_line(seeds_dir):
    result = CliRunner().invoke(main, ["ingest", str(seeds_dir)],
                                env={"DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:1/none"})
    assert result.exit_code == 1
    assert result.output.startswith("错误：无法连接数据库 postgresql+psycopg://nobody@127.0.0.1:1/none：")
