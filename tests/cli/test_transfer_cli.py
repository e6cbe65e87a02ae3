"""``tracker export-db`` and ``tracker import-db`` from the command line."""
from __future__ import annotations

from click.testing import CliRunner

from tracker.cli import main


def test_export_import_export_gives_the_same_file(db_url, seeds_dir, tmp_path):
    runner = CliRunner()
    source = {"DATABASE_URL": db_url}
    assert runner.invoke(main, ["ingest", str(seeds_dir)], env=source).exit_code == 0
    first = tmp_path / "backup.json"
    result = runner.invoke(main, ["export-db", "-o", str(first)], env=source)
    assert result.exit_code == 0, result.output
    assert "rows from 17 tables" in result.output

    target = {"DATABASE_URL": f"sqlite:///{tmp_path / 'copy.sqlite3'}"}
    assert runner.invoke(main, ["db", "upgrade"], env=target).exit_code == 0
    result = runner.invoke(main, ["import-db", str(first)], env=target)
    assert result.exit_code == 0, result.output
    second = tmp_path / "again.json"
    assert runner.invoke(main, ["export-db", "-o", str(second)], env=target).exit_code == 0
    assert second.read_bytes() == first.read_bytes()

    result = runner.invoke(main, ["import-db", str(first)], env=target)
    assert result.exit_code == 1
    assert "需要一个空数据库" in result.output
