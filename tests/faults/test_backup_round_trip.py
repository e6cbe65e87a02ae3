"""Backup through the commands an operator types: ``tracker export-db`` on SQLite, ``tracker
import-db`` into an empty PostgreSQL, export again, import into an empty SQLite, export again:
the three files are byte-identical, and the restored database serves the same history and the
same logins. The history here is real: decisions made through the JSON API.
(tests/services/test_transfer.py holds the same round trip in-process, with status events and merges.)"""
from __future__ import annotations

import shutil
import uuid

from click.testing import CliRunner

from live import PASSWORD, SECRET, seed_pledges
from tracker.cli import main


def _app(url: str):
    from tracker.web import create_app

    return create_app({"TESTING": True, "DATABASE_URL": url, "SECRET_KEY": SECRET, "WTF_CSRF_ENABLED": False})


def _histories(url: str, ids: list[int]) -> list:
    app = _app(url)
    try:
        client = app.test_client()
        assert client.post("/login", data={"name": "editor", "password": PASSWORD}).status_code == 302
        return [client.get(f"/api/pledges/{i}/history").get_json()["items"] for i in ids] + \
            [client.get(f"/api/pledges/{i}").get_json() for i in ids]
    finally:
        app.extensions["tracker.engine"].dispose()


def test_export_db_import_db_sqlite_postgresql_sqlite_is_byte_identical(tmp_path, sqlite_template, pg_server,
                                                                        pg_template, seeds_dir):
    from tracker.db.throwaway import create_database, drop_database

    runner = CliRunner()
    source = f"sqlite:///{tmp_path / 'source.sqlite3'}"
    shutil.copyfile(sqlite_template, tmp_path / "source.sqlite3")
    assert runner.invoke(main, ["ingest", str(seeds_dir)], env={"DATABASE_URL": source}).exit_code == 0
    ids = seed_pledges(source, 6, ["editor"])
    app = _app(source)
    try:
        client = app.test_client()
        assert client.post("/login", data={"name": "editor", "password": PASSWORD}).status_code == 302
        for pid in ids[:3]:
            response = client.post(f"/api/pledges/{pid}/confirm", json={
                "version": 1, "changes": {"object": "幼儿园（改）", "quantities": [{"value": "4.5", "unit": "所"}]}})
            assert response.status_code == 200, response.get_json()
        assert client.post(f"/api/pledges/{ids[3]}/reject", json={"version": 1, "reason": "不是承诺"}).status_code == 200
    finally:
        app.extensions["tracker.engine"].dispose()
    before = _histories(source, ids)
    assert sum(len(h) for h in before[:len(ids)]) == 4

    first = tmp_path / "first.json"
    result = runner.invoke(main, ["export-db", "-o", str(first)], env={"DATABASE_URL": source})
    assert result.exit_code == 0, result.output

    name = f"tracker_backup_{uuid.uuid4().hex[:8]}"
    pg = create_database(pg_server, name, template=pg_template)
    try:
        result = runner.invoke(main, ["import-db", str(first)], env={"DATABASE_URL": pg})
        assert result.exit_code == 0, result.output
        second = tmp_path / "second.json"
        assert runner.invoke(main, ["export-db", "-o", str(second)], env={"DATABASE_URL": pg}).exit_code == 0
        assert second.read_bytes() == first.read_bytes()
        assert _histories(pg, ids) == before
    finally:
        drop_database(pg_server, name)

    target = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    shutil.copyfile(sqlite_template, tmp_path / "restored.sqlite3")
    result = runner.invoke(main, ["import-db", str(second)], env={"DATABASE_URL": target})
    assert result.exit_code == 0, result.output
    third = tmp_path / "third.json"
    assert runner.invoke(main, ["export-db", "-o", str(third)], env={"DATABASE_URL": target}).exit_code == 0
    assert third.read_bytes() == first.read_bytes()
    assert _histories(target, ids) == before  # same history, same login (the password hash came along)
