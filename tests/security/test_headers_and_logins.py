"""Headers on every page, cookie flags, the proxy setting, login throttling, the secret key and
the password length, on the app as production builds it (CSRF on, not TESTING)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import sqlalchemy as sa

from live import PASSWORD, SECRET  # tests/faults/live.py (conftest.py puts it on the path)


def build(db_url: str, **config):
    from tracker.web import create_app

    return create_app({"DATABASE_URL": db_url, "SECRET_KEY": SECRET, **config})

TEMPLATES = Path(__file__).resolve().parents[2] / "tracker" / "web" / "templates"
PAGES = ("/", "/login", "/documents/", "/documents/1", "/pledges/", "/pledges/1", "/review/", "/review/1",
         "/reports/", "/reports/status", "/reports/dashboard", "/reports/queue", "/admin/users", "/nowhere")


def csrf_from(html: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def log_in(client, name: str, password: str = PASSWORD, **kw):
    token = csrf_from(client.get("/login").get_data(as_text=True))
    return client.post("/login", data={"csrf_token": token, "name": name, "password": password}, **kw)


def test_every_page_has_a_strict_policy_and_refuses_framing(app):
    client = app.test_client()
    assert log_in(client, "admin").status_code == 302
    for path in (*PAGES, "/api/pledges", "/reports/export.csv", "/static/app.js"):
        response = client.get(path)
        response.close()  # a static file or a streamed export holds its file until closed
        assert response.status_code in (200, 404), (path, response.status_code)
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "style-src 'self'" in csp and "unsafe" not in csp, path
        assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_no_inline_script_style_or_handler_in_any_page_or_template(app):
    inline = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\sstyle=|<style\b|\son[a-z]+=|javascript:", re.I)
    for template in TEMPLATES.rglob("*.html"):
        assert not inline.search(template.read_text(encoding="utf-8")), template
    client = app.test_client()
    assert log_in(client, "admin").status_code == 302
    with app.app_context():  # a rated pledge, so the progress bars and the dashboard's charts render
        from tracker.db.models import Pledge, User
        from tracker.services import status as status_service
        from tracker.services import workbench
        from tracker.web.db import get_session

        session = get_session()
        admin = session.scalar(sa.select(User).where(User.name == "admin"))
        workbench.confirm_pledge(session, 1, admin, version=1)
        import datetime as dt

        status_service.set_status(session, session.get(Pledge, 1), admin, status_service.StatusChange(
                "in_progress", note="进行中", achieved_value="1", as_of_on=dt.date(2021, 6, 30)))
        session.commit()
    for path in PAGES:
        html = client.get(path).get_data(as_text=True)
        assert not inline.search(html), (path, inline.search(html))
    assert "pace-bar" in client.get("/reports/").get_data(as_text=True)


def _session_cookie(response) -> str:
    cookies = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("session=")]
    assert cookies, response.headers
    return cookies[-1]


def test_session_cookie_is_httponly_samesite_and_secure_only_over_tls(seeded):
    plain = build(seeded)
    cookie = _session_cookie(log_in(plain.test_client(), "editor"))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    # A forged X-Forwarded-Proto is ignored unless the operator says a proxy is in front.
    forged = log_in(plain.test_client(), "editor", headers={"X-Forwarded-Proto": "https"})
    assert "Secure" not in _session_cookie(forged)
    # Served over TLS directly: Secure.
    tls = plain.test_client()
    token = csrf_from(tls.get("/login", base_url="https://localhost").get_data(as_text=True))
    response = tls.post("/login", base_url="https://localhost", headers={"Referer": "https://localhost/login"},
                        data={"csrf_token": token, "name": "editor", "password": PASSWORD})
    assert response.status_code == 302 and "Secure" in _session_cookie(response)
    plain.extensions["tracker.engine"].dispose()
    # Behind one proxy that terminates TLS (TRACKER_PROXY_HOPS=1): the header is believed.
    proxied = build(seeded, PROXY_HOPS=1)
    client = proxied.test_client()
    head = {"X-Forwarded-Proto": "https", "Referer": "https://localhost/login"}  # Flask-WTF checks it on TLS
    token = csrf_from(client.get("/login", headers=head).get_data(as_text=True))
    response = client.post("/login", headers=head, data={"csrf_token": token, "name": "editor", "password": PASSWORD})
    assert response.status_code == 302
    assert "Secure" in _session_cookie(response) and "HttpOnly" in _session_cookie(response)
    proxied.extensions["tracker.engine"].dispose()


def test_login_is_throttled_per_name_and_per_address(app):
    client = app.test_client()
    for _ in range(5):
        assert log_in(client, "editor", "wrong-password").status_code == 400
    refused = log_in(client, "editor")  # even the right password, until the window passes
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert "登录失败次数过多" in refused.get_data(as_text=True)
    assert "session=" not in "".join(refused.headers.getlist("Set-Cookie")) or \
        "_user_id" not in client.get("/").get_data(as_text=True)
    assert "欢迎，editor" not in client.get("/").get_data(as_text=True)
    # Another account from the same address is not locked out by the first one's failures ...
    other = app.test_client()
    assert log_in(other, "reviewer").status_code == 302
    # ... until the address itself has failed 20 times, whatever the names.
    for i in range(15):
        assert log_in(app.test_client(), f"nobody{i}", "wrong-password").status_code == 400
    assert log_in(app.test_client(), "admin").status_code == 429
    # Another address is unaffected.
    assert log_in(app.test_client(), "admin", environ_base={"REMOTE_ADDR": "127.0.0.2"}).status_code == 302


def test_a_successful_login_clears_the_names_count(app):
    client = app.test_client()
    for _ in range(4):
        assert log_in(client, "editor", "wrong-password").status_code == 400
    assert log_in(client, "editor").status_code == 302
    for _ in range(4):
        assert log_in(app.test_client(), "editor", "wrong-password").status_code == 400
    assert log_in(app.test_client(), "editor").status_code == 302


def test_a_throttled_name_may_try_again_once_the_window_has_passed(seeded):
    import time

    app = build(seeded, LOGIN_WINDOW_SECONDS=2)
    client = app.test_client()
    started = time.monotonic()
    for _ in range(5):
        assert log_in(client, "editor", "wrong-password").status_code == 400
    refused = log_in(client, "editor")
    if time.monotonic() - started < 1.5:  # still inside the window (a loaded machine may take longer)
        assert refused.status_code == 429 and 1 <= int(refused.headers["Retry-After"]) <= 3
    time.sleep(2.1)
    assert log_in(client, "editor").status_code == 302
    app.extensions["tracker.engine"].dispose()


def test_the_throttle_store_is_flask_limiters_setting(seeded):
    """RATELIMIT_STORAGE_URI (TRACKER_RATELIMIT_STORAGE_URI in the environment) chooses the store."""
    app = build(seeded)
    limiter = app.extensions["tracker.limiter"]
    assert app.config["RATELIMIT_STORAGE_URI"] == "memory://" and type(limiter.storage).__name__ == "MemoryStorage"
    assert app.config["RATELIMIT_STRATEGY"] == "moving-window"
    app.extensions["tracker.engine"].dispose()


def test_pages_skip_the_limiters_request_hook_and_the_login_is_still_throttled(seeded):
    """No limit but the login's is configured: Flask-Limiter's check on every request is off (it found no
    limit and cost a sixth of the floor a page pays), and the login's own limits still count."""
    app = build(seeded)
    limiter = app.extensions["tracker.limiter"]
    assert not [f for f in app.before_request_funcs[None] if getattr(f, "__self__", None) is limiter]
    client = app.test_client()
    assert client.get("/pledges/").status_code == 200
    for _ in range(5):
        assert log_in(client, "editor", "wrong-password").status_code == 400
    assert log_in(client, "editor").status_code == 429
    app.extensions["tracker.engine"].dispose()


def test_a_configured_default_limit_keeps_the_limiters_request_hook(seeded):
    """RATELIMIT_DEFAULT (an operator's limit on every page) is applied by that hook: it stays."""
    app = build(seeded, RATELIMIT_DEFAULT="3 per minute")
    limiter = app.extensions["tracker.limiter"]
    assert [f for f in app.before_request_funcs[None] if getattr(f, "__self__", None) is limiter]
    client = app.test_client()
    assert [client.get("/pledges/").status_code for _ in range(4)] == [200, 200, 200, 429]
    app.extensions["tracker.engine"].dispose()


@pytest.mark.parametrize("key", ["dev", "changeme", "secret", "short-key", "k" * 31 + "!", "ab" * 20,
                                 "your-secret-key", "abcdefgh" * 4, "0123456789abcdef" * 2, "qwertyuiop" * 4,
                                 "password" * 5, "20240101" * 4, "changeme-changeme-changeme-changeme"])
def test_the_app_refuses_to_start_with_a_default_short_or_repetitive_secret_key(seeded, key):
    from tracker.web.security import InsecureConfig

    with pytest.raises(InsecureConfig, match="SECRET_KEY"):
        build(seeded, SECRET_KEY=key)


def test_every_entry_point_but_the_demo_refuses_to_start_without_a_secret_key(seeded, tmp_path, monkeypatch):
    """create_app() (what gunicorn's ``tracker.web:create_app()`` and bench/load.sh call) and
    ``tracker serve`` refuse to start without SECRET_KEY, with one line saying how to set it; a
    key that ``tracker demo`` left in instance/secret_key does not count."""
    from click.testing import CliRunner

    from tracker.cli import main
    from tracker.web import create_app
    from tracker.web.security import InsecureConfig

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("TRACKER_INSTANCE", raising=False)
    monkeypatch.setenv("DATABASE_URL", seeded)
    with pytest.raises(InsecureConfig) as refused:
        create_app()
    message = str(refused.value)
    assert "\n" not in message and message.startswith("SECRET_KEY 未设置：")
    assert "instance/config.py" in message and "secrets.token_hex" in message
    assert not (tmp_path / "instance" / "secret_key").exists()  # nothing made up behind the operator's back

    (tmp_path / "instance" / "secret_key").write_text("d" * 8 + "emo-made-up-key-0123456789abcdef")
    result = CliRunner().invoke(main, ["serve", "--port", "1"], env={"DATABASE_URL": seeded})
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.count("\n") == 1 and result.output.startswith("错误：SECRET_KEY 未设置：")

    # Set in the environment or in instance/config.py, a strong key starts it.
    monkeypatch.setenv("SECRET_KEY", SECRET)
    app = create_app()
    assert app.config["SECRET_KEY"] == SECRET
    app.extensions["tracker.engine"].dispose()
    monkeypatch.delenv("SECRET_KEY")
    (tmp_path / "instance" / "config.py").write_text(f"SECRET_KEY = {SECRET[::-1]!r}\n")
    app = create_app()
    assert app.config["SECRET_KEY"] == SECRET[::-1]
    app.extensions["tracker.engine"].dispose()


def test_tracker_serve_refuses_a_default_secret_key_with_a_message(seeded, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from tracker.cli import main

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["serve", "--port", "1"], env={"DATABASE_URL": seeded, "SECRET_KEY": "dev"})
    assert result.exit_code == 1 and "SECRET_KEY" in result.output and "Traceback" not in result.output


def test_passwords_have_at_least_ten_characters(app):
    from tracker.services import users
    from tracker.services.errors import ServiceError

    with app.app_context():
        from tracker.web.db import get_session

        session = get_session()
        with pytest.raises(ServiceError, match="至少 10"):
            users.create_user(session, "小李", "123456789", "editor")
        assert users.create_user(session, "小李", "ridge-7-lantern", "editor").id
        session.rollback()
    client = app.test_client()
    assert log_in(client, "admin").status_code == 302
    token = csrf_from(client.get("/admin/users").get_data(as_text=True))
    response = client.post("/admin/users", data={"csrf_token": token, "name": "小张", "password": "nine-char",
                                                  "role": "editor"})
    assert response.status_code == 400 and "密码至少 10 个字符" in response.get_data(as_text=True)


@pytest.mark.parametrize("password, words", [(" " * 10, "空白"), ("\u3000" * 10, "空白"), ("1234567890", "容易猜到"),
                                             ("aaaaaaaaaaaa", "容易猜到"), ("qwertyuiop", "容易猜到"),
                                             ("passwordpassword", "容易猜到"), ("小张小张小张小张小张", "容易猜到")])
def test_passwords_are_checked_for_content_not_only_length(app, password, words):
    from tracker.services import users
    from tracker.services.errors import ServiceError

    with app.app_context():
        from tracker.web.db import get_session

        session = get_session()
        with pytest.raises(ServiceError, match=words):
            users.create_user(session, "小张", password, "editor")
        session.rollback()
    client = app.test_client()
    assert log_in(client, "admin").status_code == 302
    token = csrf_from(client.get("/admin/users").get_data(as_text=True))
    response = client.post("/admin/users", data={"csrf_token": token, "name": "小张", "password": password,
                                                  "role": "editor"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and (words in html or (words == "空白" and "此项必填" in html))
    assert "小张" not in client.get("/admin/users").get_data(as_text=True).split("<table", 1)[-1]


@pytest.mark.parametrize("value", ["true", "1", "True"])
def test_testing_mode_cannot_be_switched_on_from_the_environment(seeded, tmp_path, monkeypatch, value):
    """TRACKER_TESTING (or TESTING in instance/config.py) once turned the key check off, and `tracker
    serve` then ran with a weak key or none (a 500 on every page): both are ignored now."""
    from click.testing import CliRunner

    from tracker.cli import main
    from tracker.web import create_app
    from tracker.web.security import InsecureConfig

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRACKER_INSTANCE", raising=False)
    monkeypatch.setenv("DATABASE_URL", seeded)
    monkeypatch.setenv("TRACKER_TESTING", value)
    for key in ("dev", None):
        if key is None:
            monkeypatch.delenv("SECRET_KEY", raising=False)
        else:
            monkeypatch.setenv("SECRET_KEY", key)
        with pytest.raises(InsecureConfig):
            create_app()
        env = {"DATABASE_URL": seeded, "TRACKER_TESTING": value, "SECRET_KEY": key}
        result = CliRunner().invoke(main, ["serve", "--port", "1"], env=env)
        assert result.exit_code == 1 and "SECRET_KEY" in result.output and "Traceback" not in result.output
    (tmp_path / "instance").mkdir(exist_ok=True)
    (tmp_path / "instance" / "config.py").write_text("TESTING = True\nSECRET_KEY = 'dev'\n")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(InsecureConfig):
        create_app()
    monkeypatch.setenv("SECRET_KEY", SECRET)
    app = create_app()
    assert app.testing is False
    app.extensions["tracker.engine"].dispose()
