"""``tracker db``: upgrade, check, downgrade through the command line, honouring DATABASE_URL."""
from __future__ import annotations

from click.testing import CliRunner

from tracker.cli import main
from tracker.db import migrate


def test_upgrade_check_downgrade(empty_db_url):
    runner = CliRunner()
    env = {"DATABASE_URL": empty_db_url}
    result = runner.invoke(main, ["db", "check"], env=env)
    assert result.exit_code == 1
    assert "请运行 tracker db upgrade" in result.output

    result = runner.invoke(main, ["db", "upgrade"], env=env)
    assert result.exit_code == 0, result.output
    assert f"现在的版本是 {migrate.head_revision()}" in result.output

    result = runner.invoke(main, ["db", "check"], env=env)
    assert result.exit_code == 0, result.output
    assert "已是最新版本" in result.output and "与模型一致" in result.output

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
    assert result.output.startswith("错误：无法连接数据库 postgresql+psycopg://nobody@127.0.0.1:1/none：")
    assert "Traceback" not in result.output


def test_a_wheel_install_finds_its_migrations_outside_the_checkout(tmp_path):
    """A plain (non-editable) install has no checkout beside it: the wheel carries the Alembic
    scripts as data files and ``tracker db upgrade`` finds them from any directory."""
    import subprocess
    import sys
    import sysconfig
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    pip = [sys.executable, "-m", "pip", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(tmp_path / "dist"), str(root)], check=True,
                   capture_output=True)
    wheel = next((tmp_path / "dist").glob("tracker-*.whl"))
    prefix = tmp_path / "prefix"
    # --ignore-installed: without it pip first uninstalls the running environment's own tracker
    subprocess.run([*pip, "install", "--no-deps", "--ignore-installed", "--prefix", str(prefix), str(wheel)],
                   check=True, capture_output=True)
    site = sysconfig.get_path("purelib", vars={"base": str(prefix), "platbase": str(prefix)})
    work = tmp_path / "elsewhere"
    work.mkdir()
    script = (
        "import tracker, tracker.db.migrate as m\n"
        "print(tracker.__file__); print(m.migrations_dir())\n"
        "m.upgrade('sqlite:///' + 'db.sqlite3'); print(m.current_revision('sqlite:///db.sqlite3'))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=work, env={"PYTHONPATH": site, "PATH": ""},
                         check=True, capture_output=True, text=True).stdout.splitlines()
    assert out[0].startswith(str(prefix)), out  # the installed copy, not the checkout
    assert out[1] == str((prefix / "share" / "tracker" / "migrations").resolve()), out
    from alembic.script import ScriptDirectory
    from tracker.db.migrate import alembic_config

    assert out[2] == ScriptDirectory.from_config(alembic_config()).get_current_head(), out
    assert (work / "db.sqlite3").is_file()


def test_reindex_rebuilds_the_search_index_from_the_pledges(db_url):
    import sqlalchemy as sa

    from tracker.db.engine import make_engine

    engine = make_engine(db_url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO document (title, file_name, format, text, sha256, raw_sha256, encoding, "
                                 "extractor_version, ingested_at) VALUES ('工作报告', 'a.txt', 'text', "
                                 "'今年新建幼儿园3所。', 'a', 'a', 'utf-8', 't', '2024-01-01 00:00:00+00:00')")
            # a plain SQL insert: no ORM event indexes it, as after a restore by hand
            conn.exec_driver_sql("INSERT INTO pledge (document_id, origin, start, \"end\", quote, deadline_inherited, "
                                 "review_state, is_corrected, status, version_id, created_at, updated_at) "
                                 "SELECT id, 'manual', 2, 9, '新建幼儿园3所', false, 'pending', false, 'unassessed', 1, "
                                 "ingested_at, ingested_at FROM document")
            conn.exec_driver_sql("INSERT INTO pledge_search (pledge_id, words) SELECT id, '过时' FROM pledge")
        result = CliRunner().invoke(main, ["db", "reindex"], env={"DATABASE_URL": db_url})
        assert result.exit_code == 0, result.output
        assert "已为检索重建 1 条承诺的索引" in result.output
        with engine.connect() as conn:
            words = conn.execute(sa.text("SELECT words FROM pledge_search")).scalar_one().split()
        assert "幼儿园" in words and "报告" in words and "过时" not in words
        from tracker.db.engine import make_sessionmaker
        from tracker.services import listing

        with make_sessionmaker(engine)() as s:  # and the database's own index answers from it
            f = listing.parse_filters(s, {"q": "幼儿园", "review_state": "all"})
            assert [r.quote for r in listing.iter_rows(s, f)] == ["新建幼儿园3所"]
    finally:
        engine.dispose()
