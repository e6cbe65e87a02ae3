"""``tracker db``: upgrade, check, downgrade through the command line, honouring DATABASE_URL."""
from __future__ import annotations

from click.testing import CliRunner

from tracker.cli import main


def test_upgrade_check_downgrade(empty_db_url):
    runner = CliRunner()
    env = {"DATABASE_URL": empty_db_url}
    result = runner.invoke(main, ["db", "check"], env=env)
    assert result.exit_code == 1
    assert "run `tracker db upgrade`" in result.output

    result = runner.invoke(main, ["db", "upgrade"], env=env)
    assert result.exit_code == 0, result.output
    assert "at revision 0001" in result.output

    result = runner.invoke(main, ["db", "check"], env=env)
    assert result.exit_code == 0, result.output
    assert "matches the models" in result.output

    result = runner.invoke(main, ["db", "downgrade", "base"], env=env)
    assert result.exit_code == 0, result.output
    assert runner.invoke(main, ["db", "current"], env=env).output.strip() == "base"


def test_default_database_is_in_the_instance_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    result = CliRunner().invoke(main, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "instance" / "tracker.sqlite3").is_file()


def test_an_unreachable_database_is_one_line_not_a_traceback(tmp_path):
    url = "postgresql+psycopg://nobody@127.0.0.1:1/none"
    result = CliRunner().invoke(main, ["db", "upgrade"], env={"DATABASE_URL": url})
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot reach postgresql+psycopg://nobody@127.0.0.1:1/none: ")
    assert "Traceback" not in result.output
