"""Ingest never follows a symbolic link: a link inside an ingested folder to a secret elsewhere
(instance/config.py, /etc/passwd) is skipped with its reason in Chinese, and so is a link to a
folder, a FIFO and a link given on the command line; only regular files whose real path lies
under the folder given are read. On SQLite and PostgreSQL."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
import sqlalchemy as sa

TRACKER = [sys.executable, "-c", "from tracker.cli import main; main()"]
SECRET_LINE = "SECRET_KEY = '今年将新建幼儿园3所-secret-0f9e8d7c6b5a'"
GOOD = "张店区民生实事\n今年张店区将新建幼儿园3所，确保年内建成小学2处。\n"


def _texts(db_url: str) -> list[str]:
    from tracker.db.engine import make_engine

    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(sa.text("SELECT text FROM document")).scalars())
    finally:
        engine.dispose()


@pytest.fixture
def folder(tmp_path):
    """A folder to ingest holding one good file and every kind of link and special file."""
    outside = tmp_path / "instance"
    outside.mkdir()
    (outside / "config.py").write_text(SECRET_LINE + "\n", encoding="utf-8")
    (outside / "secret.txt").write_text(SECRET_LINE + "\n", encoding="utf-8")
    (outside / "more").mkdir()
    (outside / "more" / "also-secret.txt").write_text(SECRET_LINE + "\n", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(outside / "secret.txt", docs / "config.txt")  # a link to a file outside
    os.symlink("/etc/passwd", docs / "passwd.txt")
    os.symlink(docs / "good.txt", docs / "inside-link.txt")  # a link even to a file inside is not followed
    os.symlink(outside / "more", docs / "linked-folder")  # a link to a folder outside
    os.symlink(outside / "config.py", docs / "config.html")
    os.mkfifo(docs / "pipe.txt")  # would block a plain open() for ever
    return docs


EXPECTED = {"config.txt": "符号链接", "passwd.txt": "符号链接", "inside-link.txt": "符号链接",
            "linked-folder": "符号链接", "config.html": "符号链接", "pipe.txt": "不是普通文件"}


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)
def test_links_and_special_files_are_skipped_with_their_reason(session_factory, db_url, folder):
    from tracker.services.ingest import ingest_paths

    summary = ingest_paths(session_factory, [folder])
    skipped = {o.path.rsplit("/", 1)[-1]: o.reason for o in summary.outcomes if o.state == "skipped"}
    assert set(skipped) == set(EXPECTED), summary.outcomes
    for name, words in EXPECTED.items():
        assert words in skipped[name], (name, skipped[name])
    assert (summary.new, summary.failed) == (1, 0)
    texts = _texts(db_url)
    assert len(texts) == 1 and "幼儿园3所" in texts[0]
    assert not any("secret" in t or "root:" in t for t in texts)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)
def test_a_link_given_on_the_command_line_is_not_followed_and_the_cli_says_why(db_url, folder, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "TRACKER_INSTANCE"}
    env["DATABASE_URL"] = db_url
    result = subprocess.run([*TRACKER, "ingest", str(folder / "config.txt"), str(folder)], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    assert "Traceback" not in out
    lines = [line for line in out.splitlines() if "config.txt：跳过：" in line]
    assert len(lines) == 2 and all("符号链接，未跟随" in line and "secret.txt" in line for line in lines), out
    assert "pipe.txt：跳过：不是普通文件" in out
    assert not any("secret" in t for t in _texts(db_url))


def test_a_file_reached_through_a_linked_folder_is_refused_when_opened(tmp_path):
    """The check is made on the file opened: a folder swapped for a link after the walk is caught."""
    from tracker.reading import NotARegularFile, open_regular

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET_LINE, encoding="utf-8")
    root = tmp_path / "root"
    root.mkdir()
    os.symlink(outside, root / "sub")
    with pytest.raises(NotARegularFile, match="不在所给的"):
        open_regular(root / "sub" / "secret.txt", root)
    with pytest.raises(NotARegularFile, match="符号链接"):
        os.symlink(outside / "secret.txt", root / "link.txt")
        open_regular(root / "link.txt", root)
    (root / "plain.txt").write_text("正文", encoding="utf-8")
    assert open_regular(root / "plain.txt", root) == "正文".encode()
    assert open_regular(root / "plain.txt", root / "plain.txt") == "正文".encode()  # a file given is its own root
