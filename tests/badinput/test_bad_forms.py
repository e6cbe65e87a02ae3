"""Bad input through the JSON API and the web forms: overlong strings, negative or absurd
quantities, days that do not exist, an unknown district, SQL and script injection, a forged role.
Each gets a clear Chinese message (never a 500) and nothing changes: the pledge keeps its version,
its quantities and an empty history. The API cases run on SQLite and PostgreSQL (which checks
column lengths and numeric ranges SQLite does not)."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from live import PASSWORD

BOTH = ["sqlite", "postgresql"]

#: (changes, the field named, words of the message)
BAD_CHANGES = [
    ({"object": "幼" * 201}, "object", "最多"),
    ({"action": "x" * 5000}, "action", "最多"),
    ({"quantities": [{"value": "-5", "unit": "所"}]}, "quantities", "负"),
    ({"quantities": [{"value": "1e400", "unit": "所"}]}, "quantities", "第 1 个数量"),
    ({"quantities": [{"value": "NaN", "unit": "所"}]}, "quantities", "第 1 个数量"),
    ({"quantities": [{"value": "Infinity", "unit": "所"}]}, "quantities", "第 1 个数量"),
    ({"quantities": [{"value": "12345678901234567890", "unit": "所"}]}, "quantities", "第 1 个数量"),
    ({"quantities": [{"value": "1e-30", "unit": "所"}]}, "quantities", "第 1 个数量"),
    ({"quantities": [{"value": "三所", "unit": "所"}]}, "quantities", "不是数字"),
    ({"quantities": [{"value": {"$gt": 1}, "unit": "所"}]}, "quantities", "不是数字"),
    ({"quantities": [{"value": "3", "unit": "个" * 21}]}, "quantities", "单位过长"),
    ({"quantities": [{"value": "3", "value_max": "abc", "unit": "所"}]}, "quantities", "第 1 个数量"),
    ({"quantities": [{"value": "5", "value_max": "3", "unit": "所"}]}, "quantities", "第 1 个数量"),
    ({"quantities": "3所"}, "quantities", "数组"),
    ({"quantities": ["3所"]}, "quantities", "第 1 个数量"),
    ({"due_on": "2021-02-30"}, "due_on", "YYYY-MM-DD"),
    ({"due_on": "2021年2月30日"}, "due_on", "YYYY-MM-DD"),
    ({"due_on": 20210230}, "due_on", "YYYY-MM-DD"),
    ({"district": "火星区"}, "district", "没有名为"),
    ({"district": "' OR '1'='1"}, "district", "没有名为"),
    ({"deadline_precision": "fortnight"}, "deadline_precision", "时限精度"),
    ({"official": "王" * 300}, "official", "最多"),
]


def snapshot(db_url: str, pledge_id: int = 1) -> tuple:
    from tracker.db.engine import make_engine

    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            return (conn.execute(sa.text("SELECT version_id, object, action, due_on, district_id, official_id, "
                                         "review_state FROM pledge WHERE id = :i"), {"i": pledge_id}).one(),
                    conn.execute(sa.text("SELECT value, value_max, unit FROM quantity WHERE pledge_id = :i"),
                                 {"i": pledge_id}).all(),
                    conn.execute(sa.text("SELECT count(*) FROM audit_event")).scalar_one(),
                    conn.execute(sa.text("SELECT count(*) FROM official")).scalar_one(),
                    conn.execute(sa.text("SELECT count(*) FROM \"user\"")).scalar_one(),
                    conn.execute(sa.text("SELECT name, role FROM \"user\" ORDER BY id")).all())
    finally:
        engine.dispose()


def log_in(client, name: str) -> None:
    response = client.post("/login", data={"name": name, "password": PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)[:300]


@pytest.mark.parametrize("backend", BOTH, indirect=True)
def test_bad_changes_through_the_api_are_refused_and_change_nothing(app, seeded):
    client = app.test_client()
    log_in(client, "editor")
    before = snapshot(seeded)
    failures = []
    for changes, field, words in BAD_CHANGES:
        response = client.post("/api/pledges/1/confirm", json={"version": 1, "changes": changes})
        body = response.get_json(silent=True) or {}
        if response.status_code != 400 or words not in body.get("error", "") or body.get("field") not in (field, None):
            failures.append((changes if len(str(changes)) < 80 else str(changes)[:80], response.status_code, body))
    assert not failures, failures
    assert snapshot(seeded) == before


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b'{"version": "1"}', b'{"version": 1, "changes": {"role": "admin"}}',
                                  b'{"version": 1, "changes": {"review_state": "confirmed"}}'])
def test_malformed_api_bodies_are_refused(app, seeded, body):
    client = app.test_client()
    log_in(client, "editor")
    before = snapshot(seeded)
    response = client.post("/api/pledges/1/confirm", data=body, content_type="application/json")
    assert response.status_code == 400 and response.get_json()["error"]
    assert snapshot(seeded) == before


def test_sql_and_script_injection_are_stored_as_text_and_shown_escaped(app, seeded):
    client = app.test_client()
    log_in(client, "editor")
    hostile = "'); DROP TABLE pledge; -- <script>alert(1)</script>"
    response = client.post("/api/pledges/1/confirm", json={"version": 1, "changes": {"object": hostile}})
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["object"] == hostile
    page = client.get("/pledges/1").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert client.get("/api/pledges?limit=100").get_json()["items"]  # the table is still there
    # LIKE wildcards and quotes in a search are text, not patterns or SQL.
    assert client.get("/api/pledges?q=%25").get_json()["items"] == []
    assert client.get("/api/pledges?q=_").get_json()["items"] == []
    assert client.get("/api/pledges?q=' OR 1=1 --").status_code in (200, 400)
    response = client.get("/pledges/?district=' OR '1'='1")
    assert response.status_code == 400 and "区县" in response.get_data(as_text=True)


def test_a_forged_role_gets_nothing(app, seeded):
    before = snapshot(seeded)
    editor = app.test_client()
    log_in(editor, "editor")
    # An editor making themselves admin: refused.
    response = editor.post("/admin/users/1", data={"u1-role": "admin", "u1-active": "1"})
    assert response.status_code == 403
    # An admin choosing a role that does not exist: refused with the field's message.
    admin = app.test_client()
    log_in(admin, "admin")
    response = admin.post("/admin/users", data={"name": "新人", "password": "long-enough-9", "role": "superuser"})
    assert response.status_code == 400
    # A reader deciding through the API: refused.
    reader = app.test_client()
    log_in(reader, "reader")
    assert reader.post("/api/pledges/1/confirm", json={"version": 1}).status_code == 403
    # A session cookie signed with another key, claiming to be the admin: anonymous.
    from flask.sessions import SecureCookieSessionInterface
    from tracker.web import create_app

    other = create_app({"TESTING": True, "DATABASE_URL": seeded, "SECRET_KEY": "another-secret-key-123"})
    forged = SecureCookieSessionInterface().get_signing_serializer(other).dumps({"_user_id": "1", "_fresh": True})
    other.extensions["tracker.engine"].dispose()
    client = app.test_client()
    client.set_cookie("session", forged)
    assert client.post("/api/pledges/1/confirm", json={"version": 1}).status_code == 401
    assert client.get("/admin/users").status_code == 302  # to the login page
    assert snapshot(seeded) == before


def test_the_review_form_refuses_a_day_that_does_not_exist(app, seeded):
    client = app.test_client()
    log_in(client, "editor")
    before = snapshot(seeded)
    response = client.post("/review/1", data={"version": "1", "decision": "confirm", "due_on": "2021-02-30",
                                              "quantities-0-value": "3", "quantities-0-unit": "所"})
    assert response.status_code == 400
    assert "完成时限「2021-02-30」这一天不存在" in response.get_data(as_text=True)
    response = client.post("/review/1", data={"version": "1", "decision": "confirm", "object": "幼" * 201,
                                              "quantities-0-value": "-3", "quantities-0-unit": "所"})
    assert response.status_code == 400 and "最多 200 个字符" in response.get_data(as_text=True)
    assert snapshot(seeded) == before


@pytest.mark.parametrize("backend", BOTH, indirect=True)
@pytest.mark.parametrize("achieved, words", [("-5", "不能为负数"), ("1e-30", "超出范围"), ("1e30", "超出范围"),
                                             ("abc", "请填写数字"), ("NaN", "请填写数字")])
def test_the_status_form_refuses_negative_or_absurd_achieved_values(app, seeded, achieved, words):
    from tracker.db.engine import make_engine, make_sessionmaker
    from tracker.db.models import User
    from tracker.services import workbench

    engine = make_engine(seeded)
    with make_sessionmaker(engine)() as session:
        admin = session.scalar(sa.select(User).where(User.name == "admin"))
        workbench.confirm_pledge(session, 1, admin, version=1)
        session.commit()
    engine.dispose()
    before = snapshot(seeded)
    client = app.test_client()
    log_in(client, "reviewer")
    response = client.post("/reports/pledges/1/status", data={
        "status": "in_progress", "as_of_on": "2021-06-30", "achieved_value": achieved, "note": "进展", "version": "2"})
    assert response.status_code == 400, response.status_code
    assert words in response.get_data(as_text=True)
    assert snapshot(seeded) == before
