"""Every POST route refuses a missing CSRF token, an anonymous user and a wrong role; user
text is escaped everywhere, in pages and in the highlight."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from web_helpers import csrf_token, login, pending_ids

ANY = {"reader", "editor", "reviewer", "admin"}
EDITORS = {"editor", "admin"}
REVIEWERS = {"reviewer", "admin"}
#: Who may POST to each route. A new POST route fails test_every_post_route_is_listed until listed here.
POST_ROLES = {
    "auth.login": None,  # anyone (it is how one logs in)
    "auth.logout": ANY,
    "auth.users": {"admin"},
    "auth.update_user": {"admin"},
    "auth.reset_password": {"admin"},
    "auth.password": ANY,
    "documents.add": EDITORS,
    "pledges.merge": EDITORS,
    "review.next_item": EDITORS,
    "review.decide": EDITORS,
    "review.skip": EDITORS,
    "review.undo": EDITORS,
    "api.confirm": EDITORS,
    "api.reject": EDITORS,
    "api.merge": EDITORS,
    "api.add_pledge": EDITORS,
    "reports.set_status": REVIEWERS,
    "reports.answer_proposal": REVIEWERS,
    "followup.next_item": REVIEWERS,
    "followup.decide": REVIEWERS,
    "followup.skip": REVIEWERS,
    "progress.new": {"unit"},
    "progress.accept": REVIEWERS,
    "progress.return_": REVIEWERS,
    "units.index": {"admin"},
    "units.rename": {"admin"},
    "units.add_account": {"admin"},
    "units.attach": {"admin"},
    "units.remove_account": {"admin"},
}


def post_rules(app):
    return sorted((r for r in app.url_map.iter_rules() if "POST" in r.methods), key=lambda r: r.endpoint)


def url_for_rule(rule, pledge_id: int) -> str:
    values = {name: pledge_id if "pledge" in name else "confirm" if name == "action" else 1 for name in rule.arguments}
    return rule.build(values, append_unknown=False)[1]


def test_every_post_route_is_listed(csrf_app):
    assert {r.endpoint for r in post_rules(csrf_app)} == set(POST_ROLES)


def test_csrf_protection_is_on_by_default(csrf_app):
    assert csrf_app.config.get("WTF_CSRF_ENABLED", True) is True
    assert csrf_app.config["WTF_CSRF_TIME_LIMIT"] >= 8 * 3600  # survives a long review session


def test_every_form_page_carries_a_csrf_token(csrf_app, db):
    client = csrf_app.test_client()
    html = client.get("/login").get_data(as_text=True)
    assert 'name="csrf_token"' in html
    login(client, "admin", csrf=csrf_token(client, "/login"))
    pid = pending_ids(db)[0]
    for path in ("/", "/review/", f"/review/{pid}", f"/pledges/{pid}", "/admin/users", "/documents/1/add?start=25&end=38"):
        page = client.get(path).get_data(as_text=True)
        for form in page.split("<form")[1:]:
            if 'method="post"' in form.split(">", 1)[0]:
                assert 'csrf_token" type="hidden"' in form.split("</form>")[0], (path, form[:200])


def test_the_action_forms_token_field_is_what_wtforms_renders(csrf_app, app):
    """``action_form.csrf_token`` (the header's logout form, the queues' buttons) is written without building
    ActionForm: the same hidden input WTForms renders, with the request's token; nothing with CSRF off."""
    from flask_wtf.csrf import generate_csrf

    from tracker.web.auth import _LazyActionForm, csrf_field
    from tracker.web.forms import ActionForm

    with csrf_app.test_request_context("/"):
        token = generate_csrf()
        assert str(csrf_field()) == str(ActionForm().csrf_token) == (
            f'<input id="csrf_token" name="csrf_token" type="hidden" value="{token}">')
        assert _LazyActionForm().csrf_token == csrf_field()
    with app.test_request_context("/"):  # CSRF off: the form has no token field, and nothing is written
        assert not hasattr(ActionForm(), "csrf_token")
        assert csrf_app.jinja_env.from_string("[{{ f.csrf_token }}]").render(f=_LazyActionForm()) == "[]"
        assert str(csrf_field()) == ""


def test_logging_out_with_the_headers_token_works(csrf_app, db):
    client = csrf_app.test_client()
    login(client, "editor", csrf=csrf_token(client, "/login"))
    page = client.get("/").get_data(as_text=True)
    form = page.split('action="/logout"', 1)[1].split("</form>")[0]
    token = form.split('name="csrf_token" type="hidden" value="', 1)[1].split('"', 1)[0]
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert 'action="/logout"' not in client.get("/").get_data(as_text=True)


def test_every_post_route_refuses_a_missing_csrf_token(csrf_app, db):
    client = csrf_app.test_client()
    login(client, "admin", csrf=csrf_token(client, "/login"))
    pid = pending_ids(db)[0]
    for rule in post_rules(csrf_app):
        url = url_for_rule(rule, pid)
        if rule.endpoint.startswith("api."):
            response = client.post(url, json={"version": 1, "reason": "x", "duplicate": pid + 1, "start": 1, "end": 5})
        else:
            response = client.post(url, data={"name": "admin", "password": "password-123", "start": 25, "end": 38,
                                              "duplicate": pid + 1, "version": 1, "reject_reason": "x"})
        assert response.status_code == 400, (rule.endpoint, response.status_code)
        assert "CSRF" in response.get_data(as_text=True)


def test_login_itself_refuses_a_missing_csrf_token(csrf_app):
    client = csrf_app.test_client()
    response = client.post("/login", data={"name": "editor", "password": "password-123"})
    assert response.status_code == 400
    assert "_user_id" not in (client.get_cookie("session").value if client.get_cookie("session") else "")
    assert "退出" not in client.get("/").get_data(as_text=True)


def _post(client, rule, pid: int, token: str):
    url = url_for_rule(rule, pid)
    if rule.endpoint.startswith("api."):
        return client.post(url, json={"version": 1, "reason": "不是承诺", "duplicate": pid + 1, "start": 1, "end": 5},
                           headers={"X-CSRFToken": token})
    return client.post(url, data={"csrf_token": token, "duplicate": pid + 1, "version": 1, "start": 25, "end": 38,
                                  "reject_reason": "不是承诺", "name": "x-new", "password": "password-123",
                                  "role": "reader"})


def test_every_post_route_refuses_an_anonymous_user(csrf_app, db):
    from tracker.db.models import AuditEvent

    client = csrf_app.test_client()
    token = csrf_token(client)
    pid = pending_ids(db)[0]
    before = db.scalar(sa.select(sa.func.count(AuditEvent.id)))
    for rule in post_rules(csrf_app):
        if POST_ROLES[rule.endpoint] is None:
            continue
        response = _post(client, rule, pid, token)
        if rule.endpoint.startswith("api."):
            assert response.status_code == 401, rule.endpoint
        else:
            assert response.status_code == 302, rule.endpoint
            assert response.headers["Location"].startswith("/login"), rule.endpoint
    db.rollback()
    assert db.scalar(sa.select(sa.func.count(AuditEvent.id))) == before
    assert pending_ids(db)[0] == pid


@pytest.mark.parametrize("role_user", ["reader", "reviewer", "editor"])
def test_every_post_route_refuses_a_wrong_role(csrf_app, db, role_user):
    from tracker.db.models import AuditEvent

    client = csrf_app.test_client()
    login(client, role_user, csrf=csrf_token(client, "/login"))
    token = csrf_token(client)
    pid = pending_ids(db)[0]
    before = db.scalar(sa.select(sa.func.count(AuditEvent.id)))
    checked = 0
    for rule in post_rules(csrf_app):
        allowed = POST_ROLES[rule.endpoint]
        if allowed is None or role_user in allowed:
            continue
        response = _post(client, rule, pid, token)
        assert response.status_code == 403, (rule.endpoint, response.status_code)
        checked += 1
    assert checked >= 2
    db.rollback()
    assert db.scalar(sa.select(sa.func.count(AuditEvent.id))) == before


def test_a_wrong_role_cannot_even_open_the_queue(client):
    login(client, "reader")
    assert client.get("/review/").status_code == 403
    assert client.get("/admin/users").status_code == 403


XSS = "<script>alert(1)</script>"


def test_script_as_an_object_renders_as_text_everywhere(client, db, app):
    from tracker.db.models import Pledge

    pid = pending_ids(db)[0]
    login(client, "editor")
    page = client.get(f"/review/{pid}").get_data(as_text=True)
    version = int(page.split('name="version" type="hidden" value="')[1].split('"')[0])
    response = client.post(f"/review/{pid}", data={"version": version, "object": XSS, "confirm": "1",
                                                   "quantities-0-value": "3", "quantities-0-unit": "所"})
    assert response.status_code == 302, response.get_data(as_text=True)
    db.rollback()  # end the read snapshot
    assert db.get(Pledge, pid).object == XSS
    pages = [f"/pledges/{pid}", "/pledges/", f"/review/{pid}", "/documents/1"]
    for path in pages:
        html = client.get(path).get_data(as_text=True)
        assert "<script>alert(1)" not in html, path
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get(f"/pledges/{pid}").get_data(as_text=True)
    assert client.get(f"/api/pledges/{pid}").get_json()["object"] == XSS


def test_script_in_the_document_text_is_escaped_inside_the_highlight(app, db, client):
    """The highlighted span itself holds markup: it is escaped first, then wrapped in <mark>."""
    from tracker.db.enums import PledgeOrigin, ReviewState
    from tracker.db.models import Document, Pledge

    text = f"今年将新建{XSS}幼儿园3所。\n"
    doc = Document(title=f"标题{XSS}", file_name="x.txt", format="text", text=text, sha256="f" * 64,
                   raw_sha256="f" * 64, encoding="utf-8", extractor_version="1")
    db.add(doc)
    db.flush()
    start = text.index("新建")
    db.add(Pledge(document_id=doc.id, origin=PledgeOrigin.MANUAL, start=start, end=text.index("。"),
                  quote=text[start:text.index("。")], object=XSS, review_state=ReviewState.CONFIRMED))
    db.commit()
    for path in (f"/documents/{doc.id}", "/", "/pledges/"):
        html = client.get(path).get_data(as_text=True)
        assert "<script>" not in html, path
        assert "&lt;script&gt;" in html, path
    html = client.get(f"/documents/{doc.id}").get_data(as_text=True)
    assert "<mark" in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html.split("<mark", 1)[1]


def test_login_next_cannot_leave_the_site(client):
    response = client.post("/login", data={"name": "editor", "password": "password-123",
                                           "next": "https://evil.example/"})
    assert response.headers["Location"] == "/"
    client.post("/logout")
    response = client.post("/login", data={"name": "editor", "password": "password-123", "next": "//evil.example"})
    assert response.headers["Location"] == "/"


def test_a_document_source_links_only_to_the_web(client, db):
    from tracker.db.models import Document

    db.rollback()
    doc = db.get(Document, 1)
    doc.source = "javascript:alert(1)"
    db.commit()
    assert "javascript:" not in client.get("/documents/1").get_data(as_text=True)
    doc.source = "https://www.zibo.gov.cn/art/1.html"
    db.commit()
    assert 'href="https://www.zibo.gov.cn/art/1.html"' in client.get("/documents/1").get_data(as_text=True)
