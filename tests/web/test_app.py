"""The app factory, its configuration, logins and the admin's user page."""
from __future__ import annotations

import sqlalchemy as sa

from tracker.db.enums import UserRole
from tracker.db.models import User
from web_helpers import PASSWORD, login, user


def test_config_from_instance_file_environment_and_argument(tmp_path, monkeypatch, seeded_url):
    from tracker.web import create_app

    instance = tmp_path / "inst"
    instance.mkdir()
    key = "instance-config-secret-key-0123456789abcdef"
    (instance / "config.py").write_text(f"PAGE_SIZE = 7\nCLAIM_SECONDS = 60\nPUBLIC_READ = True\nSECRET_KEY = {key!r}\n")
    monkeypatch.setenv("TRACKER_INSTANCE", str(instance))
    monkeypatch.setenv("DATABASE_URL", seeded_url)
    monkeypatch.setenv("TRACKER_CLAIM_SECONDS", "120")
    monkeypatch.setenv("TRACKER_PUBLIC_READ", "false")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    app = create_app({"PAGE_SIZE": 9})
    try:
        assert app.instance_path == str(instance)
        assert app.config["DATABASE_URL"] == seeded_url
        assert app.config["CLAIM_SECONDS"] == 120  # the environment beats instance/config.py
        assert app.config["PUBLIC_READ"] is False
        assert app.config["PAGE_SIZE"] == 9  # the argument beats both
        assert app.config["SECRET_KEY"] == key  # instance/config.py is one place to set it
        assert not (instance / "secret_key").exists()  # only `tracker demo` makes one up
    finally:
        app.extensions["tracker.engine"].dispose()


def test_without_database_url_the_database_is_in_the_instance_folder(tmp_path, monkeypatch):
    from tracker.web import create_app

    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("TRACKER_INSTANCE", str(tmp_path / "inst"))
    monkeypatch.setenv("SECRET_KEY", "environment-secret-key-0123456789abcdef")
    app = create_app()
    try:
        assert app.config["DATABASE_URL"] == f"sqlite:///{tmp_path / 'inst' / 'tracker.sqlite3'}"
    finally:
        app.extensions["tracker.engine"].dispose()


def test_pages_are_chinese_and_fit_a_phone(client):
    html = client.get("/").get_data(as_text=True)
    assert html.startswith('<!doctype html>\n<html lang="zh-CN">')
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "张店区民生实事" in html
    with client.get("/static/app.css") as response:
        css = response.get_data(as_text=True)
    assert "@media (max-width: 760px)" in css and "PingFang SC" in css


def test_login_and_logout(client):
    response = client.post("/login", data={"name": "editor", "password": "wrong-password"})
    assert response.status_code == 400
    assert "用户名或密码不正确" in response.get_data(as_text=True)
    assert client.get("/review/").status_code == 302
    login(client, "editor")
    page = client.get("/").get_data(as_text=True)
    assert "editor<small>（编辑）</small>" in page and "审核队列" in page
    assert client.get("/review/").status_code == 200
    client.post("/logout")
    assert client.get("/review/").headers["Location"].startswith("/login?next=")


def test_passwords_are_werkzeug_hashes(db):
    stored = user(db, "editor").password_hash
    assert stored.startswith(("scrypt:", "pbkdf2:")) and PASSWORD not in stored


def test_an_inactive_account_cannot_log_in(client, db):
    db.execute(sa.update(User).where(User.name == "editor").values(is_active=False))
    db.commit()
    response = client.post("/login", data={"name": "editor", "password": PASSWORD})
    assert response.status_code == 400


def test_anonymous_readers_may_browse_unless_the_setting_is_off(seeded_url, client):
    from tracker.web import create_app

    for path in ("/", "/pledges/", "/documents/1", "/api/pledges"):
        assert client.get(path).status_code == 200, path
    private = create_app({"TESTING": True, "DATABASE_URL": seeded_url, "SECRET_KEY": "t", "PUBLIC_READ": False,
                          "WTF_CSRF_ENABLED": False})
    try:
        c = private.test_client()
        assert c.get("/").headers["Location"].startswith("/login")
        assert c.get("/api/pledges").status_code == 401
        assert c.get("/login").status_code == 200
        with c.get("/static/app.css") as response:
            assert response.status_code == 200
        login(c, "reader")
        assert c.get("/pledges/").status_code == 200
    finally:
        private.extensions["tracker.engine"].dispose()


def test_admin_adds_a_user_and_changes_a_role(client, db):
    login(client, "admin")
    response = client.post("/admin/users", data={"name": "新编辑", "password": "short", "role": "editor"})
    assert response.status_code == 400
    assert "密码至少 10 个字符" in response.get_data(as_text=True)
    response = client.post("/admin/users", data={"name": "editor", "password": "long-enough", "role": "editor"})
    assert "用户名 editor 已存在" in response.get_data(as_text=True)
    response = client.post("/admin/users", data={"name": "新编辑", "password": "long-enough", "role": "editor"})
    assert response.status_code == 302
    db.rollback()
    new = user(db, "新编辑")
    assert new.role is UserRole.EDITOR
    client.post(f"/admin/users/{new.id}", data={f"u{new.id}-role": "reviewer", f"u{new.id}-active": "0"})
    db.rollback()
    db.refresh(new)
    assert new.role is UserRole.REVIEWER and new.is_active is False
    me = user(db, "admin")
    page = client.post(f"/admin/users/{me.id}", data={f"u{me.id}-role": "reader", f"u{me.id}-active": "1"},
                       follow_redirects=True).get_data(as_text=True)
    assert "不能取消自己的管理员权限" in page


def test_dates_are_shown_in_shanghai_time():
    import datetime as dt

    from tracker.web.filters import local

    assert local(dt.datetime(2021, 1, 14, 17, 30, tzinfo=dt.timezone.utc)) == "2021-01-15 01:30"
    assert local(dt.date(2021, 1, 15)) == "2021-01-15"


def test_every_setting_is_documented_in_the_readme():
    from pathlib import Path

    from tracker.web import DEFAULTS

    root = Path(__file__).resolve().parents[2]  # the README and the docs/ it sends readers on to
    readme = "".join(p.read_text(encoding="utf-8") for p in [root / "README.md", *sorted((root / "docs").glob("*.md"))])
    ours = [k for k in DEFAULTS if not k.startswith(("WTF_", "SESSION_", "REMEMBER_"))]
    missing = [k for k in ours if f"TRACKER_{k}" not in readme]
    assert not missing, f"settings missing from README.md and docs/*.md: {missing}"
