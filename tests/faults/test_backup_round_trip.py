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


# --- every kind of value the forms and the API accept, and rows import-db cannot take ---------------

#: Text at the edges of what is accepted: astral characters, combining marks, bidi and zero-width
#: controls (format characters, not C0), full-width forms, markup, SQL, quotes, backslashes, a
#: string at its column's full length, and the multi-line reasons and notes with \n and \t.
ODD_TEXTS = ["𠀀𠮷😀👩‍👩‍👧", "e\u0301\u0308Å", "\u202eتنفيذ\u202c\u200b\u200d\ufeff", "ＡＢＣ１２３（全角）",
             "<script>alert(1)</script>&amp;", "'); DROP TABLE pledge; --", '"双引号" \\ 反斜杠 \\n 字面', "=1+2",
             "\u3000首尾全角空格\u3000", "\u00a0\u2028\u2029\u0085"]
QUANTITY_EDGES = [("999999999999999999.999999", None, "元"), ("0.000001", "0.000002", "吨"), ("0", None, "个"),
                  ("1,234", "２０００", "所"), ("12.500", "13", "万平方米")]


def _odd_history(url: str, ids: list[int]) -> None:
    """Decisions through the API and the forms with every kind of value they accept."""
    app = _app(url)
    try:
        editor = app.test_client()
        assert editor.post("/login", data={"name": "editor", "password": PASSWORD}).status_code == 302
        for n, (pid, text) in enumerate(zip(ids, ODD_TEXTS)):
            quantities = [{"value": v, "value_max": m, "unit": u} for v, m, u in QUANTITY_EDGES]
            quantities += [{"value": str(i), "unit": "个"} for i in range(12 - len(quantities))]
            changes = {"object": text, "action": text[:100], "responsible_unit": ("单" * 199 + text)[:200],
                       "qualifier": text[:50], "deadline_raw": text[:100], "official": ("王" + text)[:50],
                       "district": "张店", "due_on": ["0001-01-01", "9999-12-31", "2024-02-29"][n % 3],
                       "deadline_precision": ["day", "month", "quarter", "half", "year", "plan", None][n % 7],
                       "quantities": quantities}
            response = editor.post(f"/api/pledges/{pid}/confirm", json={"version": 1, "changes": changes})
            assert response.status_code == 200, (text, response.get_json())
        r = editor.post(f"/api/pledges/{ids[len(ODD_TEXTS)]}/reject",
                        json={"version": 1, "reason": "第一行\n\t第二行 " + ODD_TEXTS[0] + "\n" + "理" * 1900})
        assert r.status_code == 200, r.get_json()
        page = editor.get(f"/review/{ids[len(ODD_TEXTS) + 1]}")
        assert page.status_code == 200
        r = editor.post(f"/review/{ids[len(ODD_TEXTS) + 1]}", data={
            "version": "1", "decision": "reject", "reject_reason": "表单\r\n多行\t" + ODD_TEXTS[2],
            "quantities-0-value": "3", "quantities-0-unit": "所"})
        assert r.status_code == 302, r.get_data(as_text=True)[:300]
        r = editor.post(f"/api/pledges/{ids[0]}/merge", json={"duplicate": ids[len(ODD_TEXTS) + 2]})
        assert r.status_code == 200, r.get_json()
        r = editor.post("/api/documents/1/pledges", json={"start": 0, "end": 5, "changes": {
            "object": ODD_TEXTS[0], "quantities": [{"value": "0.5", "unit": "成"}], "due_on": None,
            "district": "张店区", "no_deadline": True}})
        assert r.status_code == 201, r.get_json()
        reviewer = app.test_client()
        assert reviewer.post("/login", data={"name": "reviewer", "password": PASSWORD}).status_code == 302
        version = reviewer.get(f"/api/pledges/{ids[1]}").get_json()["version"]
        r = reviewer.post(f"/reports/pledges/{ids[1]}/status", data={
            "status": "in_progress", "as_of_on": "2024-06-30", "achieved_value": "999999999999999999.999999",
            "note": "进展\r\n\t" + ODD_TEXTS[0] + ODD_TEXTS[2], "evidence_url": "https://例子.中国/路径?q=一&r=%E4",
            "evidence_quote": "引文\n" + ODD_TEXTS[4], "version": str(version)})
        assert r.status_code == 302, r.get_data(as_text=True)[:500]
    finally:
        app.extensions["tracker.engine"].dispose()


def test_every_kind_of_accepted_value_survives_sqlite_postgresql_sqlite_byte_identical(
        tmp_path, sqlite_template, pg_server, pg_template, seeds_dir):
    from tracker.db.throwaway import create_database, drop_database

    runner = CliRunner()
    source = f"sqlite:///{tmp_path / 'source.sqlite3'}"
    shutil.copyfile(sqlite_template, tmp_path / "source.sqlite3")
    assert runner.invoke(main, ["ingest", str(seeds_dir)], env={"DATABASE_URL": source}).exit_code == 0
    ids = seed_pledges(source, len(ODD_TEXTS) + 4, ["editor"], {"reviewer": "reviewer"})
    _odd_history(source, ids)
    before = _histories(source, ids)
    assert before[ids.index(ids[0]) + len(ids)]["object"] == ODD_TEXTS[0]

    first = tmp_path / "first.json"
    assert runner.invoke(main, ["export-db", "-o", str(first)], env={"DATABASE_URL": source}).exit_code == 0
    text = first.read_text(encoding="utf-8")
    for odd in ODD_TEXTS[:4]:
        assert odd in text
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
    assert runner.invoke(main, ["import-db", str(second)], env={"DATABASE_URL": target}).exit_code == 0
    third = tmp_path / "third.json"
    assert runner.invoke(main, ["export-db", "-o", str(third)], env={"DATABASE_URL": target}).exit_code == 0
    assert third.read_bytes() == first.read_bytes()
    assert _histories(target, ids) == before


def test_import_db_lists_the_rows_postgresql_cannot_take_and_imports_nothing(tmp_path, sqlite_template, pg_server,
                                                                             pg_template):
    """A SQLite backup written before input was checked (a NUL, a string longer than its column):
    import-db into PostgreSQL names each row, prints no traceback and leaves the database empty."""
    import sqlalchemy as sa

    from tracker.db.engine import make_engine
    from tracker.db.throwaway import create_database, drop_database

    runner = CliRunner()
    source = f"sqlite:///{tmp_path / 'source.sqlite3'}"
    shutil.copyfile(sqlite_template, tmp_path / "source.sqlite3")
    ids = seed_pledges(source, 4, ["editor"])
    engine = make_engine(source)
    with engine.begin() as conn:  # what the API accepted before: written straight into SQLite
        conn.execute(sa.text("UPDATE pledge SET object = :o WHERE id = :i"), {"o": "幼儿园\x00", "i": ids[0]})
        conn.execute(sa.text("UPDATE pledge SET action = :a WHERE id = :i"), {"a": "建" * 101, "i": ids[1]})
        conn.execute(sa.text("UPDATE pledge SET reject_reason = :r WHERE id = :i"), {"r": "a\x00b", "i": ids[2]})
    engine.dispose()
    backup = tmp_path / "backup.json"
    assert runner.invoke(main, ["export-db", "-o", str(backup)], env={"DATABASE_URL": source}).exit_code == 0
    name = f"tracker_backup_{uuid.uuid4().hex[:8]}"
    pg = create_database(pg_server, name, template=pg_template)
    try:
        result = runner.invoke(main, ["import-db", str(backup)], env={"DATABASE_URL": pg})
        assert result.exit_code == 1, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        out = result.output
        assert "Traceback" not in out and "3 行无法导入" in out and "没有导入任何内容" in out, out
        assert f"pledge 编号 {ids[0]} 的 object：含 NUL 字符" in out
        assert f"pledge 编号 {ids[1]} 的 action：长 101 个字符，超过该列的 100" in out
        assert f"pledge 编号 {ids[2]} 的 reject_reason：含 NUL 字符" in out
        engine = make_engine(pg)
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM pledge")).scalar_one() == 0
            assert conn.execute(sa.text('SELECT count(*) FROM "user"')).scalar_one() == 0
        engine.dispose()
        damaged = tmp_path / "damaged.json"
        damaged.write_text(backup.read_text(encoding="utf-8").replace('"columns":', '"kolumns":', 1), encoding="utf-8")
        result = runner.invoke(main, ["import-db", str(damaged)], env={"DATABASE_URL": pg})
        assert result.exit_code == 1 and "Traceback" not in result.output and "导出文件" in result.output, result.output
    finally:
        drop_database(pg_server, name)
