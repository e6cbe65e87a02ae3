"""Passwords: a user changes their own (the current one asked for), an admin resets another's,
the operator sets one from the command line; a new password ends the sessions opened before it."""
from __future__ import annotations

import sqlalchemy as sa
from click.testing import CliRunner

from web_helpers import PASSWORD, login

NEW = "a-brand-new-pass-42"


def _client(app, name: str, password: str = PASSWORD):
    client = app.test_client()
    login(client, name, password)
    return client


def _logged_in(client) -> bool:
    return client.get("/account/password").status_code == 200


def test_changing_ones_password_asks_the_current_one_and_ends_other_sessions(app, db):
    here, elsewhere = _client(app, "editor"), _client(app, "editor")
    wrong = here.post("/account/password", data={"current": "not-my-password", "new": NEW, "confirm": NEW})
    assert wrong.status_code == 400 and "当前密码不正确" in wrong.get_data(as_text=True)
    mismatch = here.post("/account/password", data={"current": PASSWORD, "new": NEW, "confirm": NEW + "x"})
    assert mismatch.status_code == 400 and "两次输入的新密码不一致" in mismatch.get_data(as_text=True)
    short = here.post("/account/password", data={"current": PASSWORD, "new": "short", "confirm": "short"})
    assert short.status_code == 400 and "密码至少 10 个字符" in short.get_data(as_text=True)
    assert _logged_in(elsewhere)  # nothing changed yet

    done = here.post("/account/password", data={"current": PASSWORD, "new": NEW, "confirm": NEW})
    assert done.status_code == 302
    assert _logged_in(here)  # this session goes on
    assert not _logged_in(elsewhere)  # the other one ended
    assert app.test_client().post("/login", data={"name": "editor", "password": PASSWORD}).status_code == 400
    _client(app, "editor", NEW)

    from tracker.db.models import AuditEvent

    events = db.execute(sa.select(AuditEvent.action, AuditEvent.actor, AuditEvent.new)
                        .where(AuditEvent.entity == "user", AuditEvent.action == "set_password")).all()
    assert [(a, actor, new) for a, actor, new in events] == [("set_password", "editor", {"by": "self"})]
    assert all(NEW not in str(e) and PASSWORD not in str(e) for e in events)  # no password in the history


def test_an_admin_resets_another_users_password_and_only_an_admin_may(app, db):
    from tracker.db.models import User

    editor_id = db.scalar(sa.select(User.id).where(User.name == "editor"))
    victim = _client(app, "editor")
    reviewer = _client(app, "reviewer")
    refused = reviewer.post(f"/admin/users/{editor_id}/password", data={f"p{editor_id}-password": NEW})
    assert refused.status_code == 403
    assert _logged_in(victim)

    admin = _client(app, "admin")
    page = admin.get("/admin/users").get_data(as_text=True)
    assert f'action="/admin/users/{editor_id}/password"' in page and "重设密码" in page
    short = admin.post(f"/admin/users/{editor_id}/password", data={f"p{editor_id}-password": "short"},
                       follow_redirects=True)
    assert "密码至少 10 个字符" in short.get_data(as_text=True) and _logged_in(victim)
    done = admin.post(f"/admin/users/{editor_id}/password", data={f"p{editor_id}-password": NEW},
                      follow_redirects=True)
    assert "已重设 editor 的密码" in done.get_data(as_text=True)
    assert not _logged_in(victim)
    _client(app, "editor", NEW)


def test_the_operator_sets_a_password_from_the_command_line(app, seeded_url):
    from tracker.cli import main

    runner = CliRunner()
    env = {"DATABASE_URL": seeded_url}
    result = runner.invoke(main, ["user", "password", "nobody"], env={**env, "TRACKER_NEW_PASSWORD": NEW})
    assert result.exit_code == 1 and "没有名为 nobody 的账号" in result.output
    result = runner.invoke(main, ["user", "password", "admin"], env={**env, "TRACKER_NEW_PASSWORD": "short"})
    assert result.exit_code == 1 and "密码至少 10 个字符" in result.output
    result = runner.invoke(main, ["user", "password", "admin"], input=f"{NEW}\n{NEW}\n", env=env)
    assert result.exit_code == 0, result.output
    assert "已为 admin 设置新密码" in result.output
    _client(app, "admin", NEW)


def test_an_unknown_name_costs_a_password_hash_like_a_wrong_password(db, monkeypatch):
    from tracker.services import users

    checked = []
    real = users.check_password_hash
    monkeypatch.setattr(users, "check_password_hash", lambda h, p: checked.append(h) or real(h, p))
    assert users.authenticate(db, "no-such-user", "whatever-password") is None
    assert users.authenticate(db, "editor", "wrong-password-1") is None
    assert len(checked) == 2 and checked[0] == users._NOBODY_HASH
