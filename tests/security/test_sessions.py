"""A login cookie copied before logout, a password change, a role change or a deactivation no longer
works after it: each ends every session of that user (the user's session version, checked on
every request). On SQLite and PostgreSQL, through a real server on loopback (cookies copied as an
attacker would) and the app as production builds it."""
from __future__ import annotations

import pytest

from live import PASSWORD, Client, Server

BOTH = ["sqlite", "postgresql"]


def _copy(client: Client, base: str) -> Client:
    """A second browser holding a copy of ``client``'s cookies (the stolen cookie)."""
    thief = Client(base)
    for cookie in client.jar:
        thief.jar.set_cookie(cookie)
    thief.token = client.token
    return thief


def _me(client: Client) -> int:
    """200 when the cookie is a login (an editor's JSON write reaches its checks), 401 when it is not."""
    status, _ = client.post_json("/api/pledges/1/confirm", {"version": 10**6})
    return status


@pytest.fixture
def server(seeded, tmp_path):
    server = Server(seeded, tmp_path, threads=4)
    yield server
    server.stop()


@pytest.mark.parametrize("backend", BOTH, indirect=True)
def test_logout_ends_every_session_of_the_user_a_copied_cookie_included(server):
    editor = Client(server.base)
    editor.login("editor")
    laptop = Client(server.base)
    laptop.login("editor")  # another device, logged in on its own
    thief = _copy(editor, server.base)
    assert _me(thief) == 409 and _me(laptop) == 409  # logged in: the stale version is the answer
    status, body, _ = editor.request("/login")
    token = body.decode().split('name="csrf-token" content="', 1)[1].split('"', 1)[0]
    status, _, _ = editor.request("/logout", f"csrf_token={token}".encode(),
                                  {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200  # redirected home
    assert _me(thief) == 401 and _me(laptop) == 401 and _me(editor) == 401
    other = Client(server.base)
    other.login("admin")  # another user's session is untouched
    assert _me(other) == 409


def _admin_post(admin: Client, path: str, data: dict) -> int:
    import urllib.parse

    status, body, _ = admin.request("/admin/users")
    token = body.decode().split('name="csrf-token" content="', 1)[1].split('"', 1)[0]
    status, _, _ = admin.request(path, urllib.parse.urlencode({**data, "csrf_token": token}).encode(),
                                 {"Content-Type": "application/x-www-form-urlencoded"})
    return status


@pytest.mark.parametrize("backend", BOTH, indirect=True)
def test_a_role_change_a_deactivation_and_a_password_reset_end_every_session(server, seeded):
    import sqlalchemy as sa

    from tracker.db.engine import make_engine

    engine = make_engine(seeded)
    with engine.connect() as conn:
        ids = dict(conn.execute(sa.text('SELECT name, id FROM "user"')).all())
    engine.dispose()
    admin = Client(server.base)
    admin.login("admin")

    editor = Client(server.base)
    editor.login("editor")
    copied = _copy(editor, server.base)
    uid = ids["editor"]
    assert _admin_post(admin, f"/admin/users/{uid}", {f"u{uid}-role": "reader", f"u{uid}-active": "1"}) == 200
    assert _me(editor) == 401 and _me(copied) == 401  # no editor's power left in any old cookie
    assert _admin_post(admin, f"/admin/users/{uid}", {f"u{uid}-role": "editor", f"u{uid}-active": "1"}) == 200

    editor.login("editor")
    copied = _copy(editor, server.base)
    assert _admin_post(admin, f"/admin/users/{uid}", {f"u{uid}-role": "editor", f"u{uid}-active": "0"}) == 200
    assert _me(editor) == 401 and _me(copied) == 401
    assert _admin_post(admin, f"/admin/users/{uid}", {f"u{uid}-role": "editor", f"u{uid}-active": "1"}) == 200

    editor.login("editor")
    copied = _copy(editor, server.base)
    assert _admin_post(admin, f"/admin/users/{uid}/password", {f"p{uid}-password": "Another-pass-42"}) == 200
    assert _me(editor) == 401 and _me(copied) == 401
    assert _me(admin) == 409  # the admin's own session goes on


@pytest.mark.parametrize("backend", BOTH, indirect=True)
def test_changing_ones_own_password_keeps_this_session_and_ends_the_others(app, seeded):
    def log_in(client, name):
        assert client.post("/login", data={"name": name, "password": PASSWORD,
                                           "csrf_token": _login_token(client)}).status_code == 302

    here, there = app.test_client(), app.test_client()
    log_in(here, "editor")
    log_in(there, "editor")
    stolen = app.test_client()
    stolen.set_cookie("session", here.get_cookie("session").value)
    r = here.post("/account/password", data={"current": PASSWORD, "new": "Brand-new-pass-7", "confirm":
                                              "Brand-new-pass-7", "csrf_token": _token(here)})
    assert r.status_code == 302, r.get_data(as_text=True)[:300]
    assert here.get("/account/password").status_code == 200
    assert there.get("/account/password").status_code == 302 and stolen.get("/account/password").status_code == 302


def _token(client) -> str:
    html = client.get("/account/password").get_data(as_text=True)
    return html.split('name="csrf-token" content="', 1)[1].split('"', 1)[0]


def _login_token(client) -> str:
    html = client.get("/login").get_data(as_text=True)
    return html.split('name="csrf_token" type="hidden" value="', 1)[1].split('"', 1)[0]
