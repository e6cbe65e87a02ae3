"""Starting up as a newcomer meets it: a busy port in one Chinese line, demo accounts not reset
behind an editor's back, and the command line's help Chinese throughout, click's own words included,
with no line cut inside a word."""
from __future__ import annotations

import ast
import re
import socket
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tracker.cli import main, zh


def _commands(group=main, path=()):
    for name, command in group.commands.items():
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))


def test_a_busy_port_is_one_chinese_line_suggesting_another(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    url = f"sqlite:///{tmp_path / 't.sqlite3'}"
    env = {"DATABASE_URL": url, "SECRET_KEY": "serve-test-secret-key-0123456789abcdef"}
    runner = CliRunner()
    assert runner.invoke(main, ["db", "upgrade"], env=env).exit_code == 0
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = runner.invoke(main, ["serve", "--port", str(port)], env=env)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip() and not line.startswith("tracker serve：")]
    assert lines == [f"错误：端口 {port} 已被占用（另一个程序正在用它）：请换一个端口，例如 --port {port + 1}"]
    assert "Traceback" not in result.output


def test_changed_demo_accounts_are_reset_only_when_someone_says_yes(tmp_path):
    from tracker.cli.serve import _ask_reset, prepare_demo
    from tracker.db.engine import make_engine, make_sessionmaker
    from tracker.services import users
    from tracker.web import create_app

    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "demo-test-secret-key-0123456789abcdef"})
    asked = []
    prepare_demo(app, reset=lambda names: asked.append(names) or True)
    assert asked == []  # a new database: nothing to reset, nobody asked
    engine = make_engine(url)
    factory = make_sessionmaker(engine)
    with factory() as s:
        users.set_password(s, users.find_user(s, "editor").id, "my-own-password-1", by=None)
        s.commit()
    prepare_demo(app, reset=lambda names: asked.append(names) or False)
    with factory() as s:
        assert users.authenticate(s, "editor", "my-own-password-1") is not None  # kept: the answer was no
    assert asked == [["editor"]]
    prepare_demo(app, reset=_ask_reset)  # no terminal to answer (pytest's stdin): not reset, and it says so
    with factory() as s:
        assert users.authenticate(s, "editor", "my-own-password-1") is not None
    prepare_demo(app, reset=lambda names: True)
    with factory() as s:
        assert users.authenticate(s, "editor", "editor-demo") is not None
    engine.dispose()
    app.extensions["tracker.engine"].dispose()


def test_demo_on_a_busy_port_says_so_before_touching_the_database(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["demo", "--port", str(port)], env={"DATABASE_URL": url})
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.splitlines() == [f"错误：端口 {port} 已被占用（另一个程序正在用它）：请换一个端口，例如 --port {port + 1}"]
    assert not (tmp_path / "demo.sqlite3").exists()  # nothing migrated, ingested or created first


def test_demo_on_a_database_with_other_accounts_asks_before_adding_its_known_passwords(tmp_path):
    from tracker.cli.serve import _ask_create, prepare_demo
    from tracker.db import migrate
    from tracker.db.engine import make_engine, make_sessionmaker
    from tracker.services import users
    from tracker.web import create_app

    url = f"sqlite:///{tmp_path / 'office.sqlite3'}"
    migrate.upgrade(url)
    engine = make_engine(url)
    factory = make_sessionmaker(engine)
    with factory() as s:
        users.create_user(s, "zhang", "zhang-own-password-7", "admin")
        s.commit()
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "demo-test-secret-key-0123456789abcdef"})
    asked = []
    prepare_demo(app, create=lambda names: asked.append(names) or False)
    assert asked == [["editor", "reviewer", "admin"]]
    prepare_demo(app, create=_ask_create)  # no terminal to answer: not created
    with factory() as s:
        assert [users.find_user(s, n) for n in ("editor", "reviewer", "admin")] == [None, None, None]
    prepare_demo(app, create=lambda names: True)
    with factory() as s:
        assert users.authenticate(s, "admin", "admin-demo") is not None
        assert users.authenticate(s, "zhang", "zhang-own-password-7") is not None
    engine.dispose()
    app.extensions["tracker.engine"].dispose()


def test_ask_reset_without_a_terminal_says_it_did_not(capsys):
    from tracker.cli.serve import _ask_reset

    assert _ask_reset(["editor", "admin"]) is False
    assert "演示账号 editor、admin 已被改过" in capsys.readouterr().out


def test_every_message_click_prints_has_a_chinese_text():
    source = Path(click.__file__).parent
    missing = set()
    for path in source.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
                for arg in node.args:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value not in zh.MESSAGES:
                        missing.add(arg.value)
    assert not missing, missing


ENGLISH_HELP = re.compile(r"(?<![\w-])(Usage|Options|Commands|Show this|Error|Missing|default|required|"
                          r"INTEGER|TEXT|PATH|FILENAME|FILE|the|and|of|to)(?![\w-])")


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_help_is_chinese_and_no_line_is_cut_inside_a_word(columns):
    runner = CliRunner()
    for path, _ in [((), main), *_commands()]:
        wide = runner.invoke(main, [*path, "--help"], terminal_width=400).output
        result = runner.invoke(main, [*path, "--help"], terminal_width=columns)
        assert result.exit_code == 0, result.output
        text = result.output
        assert not ENGLISH_HELP.search(text), (path, ENGLISH_HELP.search(text).group(0), text)
        assert re.search(r"[\u4e00-\u9fff]", text.split("\n\n")[1]), (path, text)  # its description is Chinese
        words = lambda t: sorted(re.findall(r"[A-Za-z0-9_$.\-/]{2,}", t))  # noqa: E731
        assert words(text) == words(wide), (path, columns, text)  # every Latin word whole on one line
        assert not re.search(r"\[(默认|必填)[^\]\n]*\n", text), (path, columns, text)  # [默认：csv] whole too


def test_click_errors_read_in_chinese():
    runner = CliRunner()
    result = runner.invoke(main, ["serve", "--port", "abc"])
    assert result.exit_code == 2
    assert "错误：'--port' 的取值无效：'abc' 不是有效的整数。" in result.output and "用法：" in result.output
    assert "没有子命令 'nosuch'" in runner.invoke(main, ["nosuch"]).output
    # a ranged integer option names its type as a plain integer does (click calls it "integer range")
    ranged = runner.invoke(main, ["followup", "--plan-year", "abc", "a.txt", "b.txt"])
    assert ranged.exit_code == 2 and "'abc' 不是有效的整数。" in ranged.output, ranged.output


@pytest.mark.parametrize("url, line", [
    ("foo://bar", "错误：数据库地址 foo://bar 无效（DATABASE_URL）：应形如 sqlite:////路径/tracker.sqlite3 或 "
                  "postgresql+psycopg://用户@主机:端口/库名"),
    ("postgresql+psycopg://nobody:secret@127.0.0.1:1/none",
     "错误：无法连接数据库 postgresql+psycopg://nobody:***@127.0.0.1:1/none：connection failed"),
])
@pytest.mark.parametrize("command", [["serve", "--port", "1"], ["demo", "--port", "1"], ["db", "upgrade"],
                                     ["ingest", "."], ["export-db", "-o", "-"], ["reextract"]])
def test_a_database_that_cannot_be_used_is_one_chinese_line_for_every_command(tmp_path, monkeypatch, url, line,
                                                                               command):
    monkeypatch.chdir(tmp_path)
    env = {"DATABASE_URL": url, "SECRET_KEY": "serve-test-secret-key-0123456789abcdef"}
    result = CliRunner().invoke(main, command, env=env)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "secret@" not in result.output
    assert result.output.count("\n") == 1 and result.output.startswith(line), result.output
