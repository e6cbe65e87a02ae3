"""The admin's 牵头单位 page: list, add and rename a unit, add, attach and remove its accounts; each
bad input answered in Chinese beside its form, with what was typed kept and nothing written."""
from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from tracker.db.enums import ReviewState, UserRole
from tracker.db.models import AuditEvent, Pledge, Unit, User
from web_helpers import BOTH, PASSWORD, csrf_token, login

pytestmark = pytest.mark.parametrize("backend", BOTH, indirect=True)
NEW_PASSWORD = "unit-password-42"


def _admin(app):
    client = app.test_client()
    login(client, "admin")
    return client


def _fresh(db) -> None:
    """A new transaction, and no object kept from before: what the app committed since."""
    db.commit()
    db.expire_all()


def _units(db) -> dict[str, int]:
    _fresh(db)
    return dict(db.execute(sa.select(Unit.name, Unit.id)).all())


def _errors(html: str) -> list[str]:
    return re.findall(r'<span class="error" role="alert">([^<]*)</span>', html)


def _add_unit(client, name: str):
    return client.post("/admin/units/", data={"name": name})


def _lead(db, unit_name: str, count: int) -> list[int]:
    """Confirm ``count`` of the test pledges with ``unit_name`` as their 牵头单位."""
    pledges = db.scalars(sa.select(Pledge).where(Pledge.responsible_unit.is_(None)).order_by(Pledge.id)
                         .limit(count)).all()
    for p in pledges:
        p.responsible_unit, p.review_state = unit_name, ReviewState.CONFIRMED
    _fresh(db)
    return [p.id for p in pledges]


def test_only_an_admin_reaches_the_page_and_the_nav_links_it(app):
    anonymous = app.test_client()
    assert anonymous.get("/admin/units/").status_code == 302
    editor = app.test_client()
    login(editor, "editor")
    assert editor.get("/admin/units/").status_code == 403
    assert editor.post("/admin/units/", data={"name": "区教育局"}).status_code == 403
    admin = _admin(app)
    page = admin.get("/admin/units/").get_data(as_text=True)
    assert '<a href="/admin/units/" aria-current="page">牵头单位</a>' in page
    assert "还没有登记牵头单位" in page


def test_adding_a_unit_lists_it_with_the_pledges_it_leads_and_suggests_unregistered_names(app, db):
    _lead(db, "区教育局", 2)
    _lead(db, "区住建局", 1)
    admin = _admin(app)
    page = admin.get("/admin/units/").get_data(as_text=True)
    assert "区教育局（2 条）" in page and "区住建局（1 条）" in page  # named by pledges, not yet registered

    response = _add_unit(admin, "  区教育局 ")
    unit_id = _units(db)["区教育局"]
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/admin/units/{unit_id}")
    page = admin.get(response.headers["Location"]).get_data(as_text=True)
    assert "已添加牵头单位「区教育局」" in page and "牵头已确认的承诺 <strong>2</strong> 条" in page
    listing = admin.get("/admin/units/").get_data(as_text=True)
    row = re.search(rf'<tr id="unit-{unit_id}">(.*?)</tr>', listing, re.S).group(1)
    assert "区教育局" in row and "2 条" in row
    assert "区教育局（2 条）" not in listing and "区住建局（1 条）" in listing


@pytest.mark.parametrize("name,message", [
    ("", "请填写单位名称"),
    ("   ", "请填写单位名称"),
    ("局" * 201, "最多 200 个字符"),
    ("区教育局", "已有名为「区教育局」的牵头单位"),
])
def test_a_bad_unit_name_is_refused_in_chinese_and_nothing_is_added(app, db, name, message):
    admin = _admin(app)
    assert _add_unit(admin, "区教育局").status_code == 302
    before = _units(db)
    response = _add_unit(admin, name)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert _errors(html) == [message]
    if name.strip():
        assert f'value="{name}"' in html  # what was typed is kept
    assert _units(db) == before


def test_renaming_a_unit_follows_its_name_refuses_a_taken_name_and_a_stale_form(app, db):
    _lead(db, "区教育和体育局", 2)
    admin = _admin(app)
    _add_unit(admin, "区教育局")
    _add_unit(admin, "区住建局")
    unit_id = _units(db)["区教育局"]
    page = admin.get(f"/admin/units/{unit_id}").get_data(as_text=True)
    assert "牵头已确认的承诺 <strong>0</strong> 条" in page

    taken = admin.post(f"/admin/units/{unit_id}/rename", data={"unit-name": "区住建局", "unit-was": "区教育局"})
    assert taken.status_code == 400 and _errors(taken.get_data(as_text=True)) == ["已有名为「区住建局」的牵头单位"]
    empty = admin.post(f"/admin/units/{unit_id}/rename", data={"unit-name": " ", "unit-was": "区教育局"})
    assert empty.status_code == 400 and _errors(empty.get_data(as_text=True)) == ["请填写单位名称"]
    assert _units(db)["区教育局"] == unit_id

    done = admin.post(f"/admin/units/{unit_id}/rename", data={"unit-name": "区教育和体育局", "unit-was": "区教育局"})
    assert done.status_code == 302
    page = admin.get(f"/admin/units/{unit_id}").get_data(as_text=True)
    assert "已改名为「区教育和体育局」" in page and "牵头已确认的承诺 <strong>2</strong> 条" in page
    _fresh(db)
    event = db.scalars(sa.select(AuditEvent).where(AuditEvent.entity == "unit", AuditEvent.entity_id == unit_id,
                                                    AuditEvent.action == "update")).one()
    assert event.old == {"name": "区教育局"} and event.new == {"name": "区教育和体育局"}

    # a second admin's form, opened before the rename, still says 区教育局: refused, nothing changed
    stale = admin.post(f"/admin/units/{unit_id}/rename", data={"unit-name": "区教育局（旧）", "unit-was": "区教育局"})
    html = stale.get_data(as_text=True)
    assert stale.status_code == 400
    assert _errors(html) == ["这个单位刚被改名为「区教育和体育局」（在你打开页面之后），请核对后再改"]
    assert 'value="区教育局（旧）"' in html and 'name="unit-was" type="hidden" value="区教育和体育局"' in html
    assert set(_units(db)) == {"区教育和体育局", "区住建局"}


def test_a_new_unit_account_reports_only_and_bad_accounts_are_refused(app, db):
    admin = _admin(app)
    _add_unit(admin, "区教育局")
    unit_id = _units(db)["区教育局"]
    _fresh(db)
    users_before = db.scalar(sa.select(sa.func.count()).select_from(User))
    for data, field_errors in (
        ({"name": "", "password": NEW_PASSWORD}, ["此项必填"]),
        ({"name": "editor", "password": NEW_PASSWORD}, ["用户名 editor 已存在；要把这个账户移入本单位，请用“加入已有账户”"]),
        ({"name": "jyj", "password": "short"}, ["密码至少 10 个字符"]),
        ({"name": "jyj", "password": "aaaaaaaaaaaa"}, ["密码太容易猜到（重复、连续的字符或键位、常见单词、用户名），请换一个"]),
        ({"name": "jyj", "password": NEW_PASSWORD, "email": "not-mail"}, ["不是有效的电子邮件地址"]),
    ):
        response = admin.post(f"/admin/units/{unit_id}/accounts", data={f"account-{k}": v for k, v in data.items()})
        assert response.status_code == 400, data
        assert _errors(response.get_data(as_text=True)) == field_errors, data
    assert db.scalar(sa.select(sa.func.count()).select_from(User)) == users_before

    response = admin.post(f"/admin/units/{unit_id}/accounts",
                          data={"account-name": "jyj", "account-password": NEW_PASSWORD,
                                "account-email": "jyj@example.org"})
    assert response.status_code == 302
    _fresh(db)
    account = db.scalars(sa.select(User).where(User.name == "jyj")).one()
    assert (account.role, account.unit_id, account.email) == (UserRole.UNIT, unit_id, "jyj@example.org")
    page = admin.get(f"/admin/units/{unit_id}").get_data(as_text=True)
    assert "已添加本单位账户 jyj" in page and "<td>jyj</td><td>jyj@example.org</td><td>启用</td>" in page

    unit_client = app.test_client()
    login(unit_client, "jyj", NEW_PASSWORD)
    assert unit_client.get("/admin/units/").status_code in (302, 403)  # a unit's account goes nowhere else


def test_an_existing_account_is_attached_moved_and_removed(app, db):
    admin = _admin(app)
    _add_unit(admin, "区教育局")
    _add_unit(admin, "区住建局")
    units = _units(db)
    jyj, zjj = units["区教育局"], units["区住建局"]

    for name, message in (("nobody", "没有名为「nobody」的账户；新建账户请用“新建本单位账户”"),
                          ("reviewer", "reviewer 是评议员，不能改为牵头单位的账户；只有读者或其他单位的账户可以加入"),
                          ("", "此项必填")):
        response = admin.post(f"/admin/units/{jyj}/attach", data={"attach-name": name})
        assert response.status_code == 400 and _errors(response.get_data(as_text=True)) == [message]
    _fresh(db)
    assert db.scalars(sa.select(User.role).where(User.name == "reviewer")).one() is UserRole.REVIEWER

    reader = app.test_client()
    login(reader, "reader")
    assert admin.post(f"/admin/units/{jyj}/attach", data={"attach-name": "reader"}).status_code == 302
    _fresh(db)
    account = db.scalars(sa.select(User).where(User.name == "reader")).one()
    assert (account.role, account.unit_id) == (UserRole.UNIT, jyj)
    page = reader.get("/documents/").get_data(as_text=True)  # the old login ended with the role
    assert "<small>（读者）</small>" not in page and "登录</a>" in page

    again = admin.post(f"/admin/units/{jyj}/attach", data={"attach-name": "reader"})
    assert again.status_code == 400 and _errors(again.get_data(as_text=True)) == ["reader 已是本单位的账户"]
    assert admin.post(f"/admin/units/{zjj}/attach", data={"attach-name": "reader"}).status_code == 302  # moved over
    _fresh(db)
    assert db.scalars(sa.select(User.unit_id).where(User.name == "reader")).one() == zjj

    # removing from the unit it left (a stale page) is refused; from its unit it becomes a reader
    response = admin.post(f"/admin/units/{jyj}/accounts/{account.id}/remove", follow_redirects=True)
    assert "这个账户已不属于本单位（可能刚被别人移出或改了角色），请刷新页面" in response.get_data(as_text=True)
    response = admin.post(f"/admin/units/{zjj}/accounts/{account.id}/remove", follow_redirects=True)
    assert "reader 已移出本单位（改为读者，不能再报送进展）" in response.get_data(as_text=True)
    _fresh(db)
    account = db.scalars(sa.select(User).where(User.name == "reader")).one()
    assert (account.role, account.unit_id) == (UserRole.READER, None)
    _fresh(db)
    roles = [(e.old["role"], e.new["role"]) for e in db.scalars(
        sa.select(AuditEvent).where(AuditEvent.entity == "user", AuditEvent.entity_id == account.id,
                                    AuditEvent.action == "set_role").order_by(AuditEvent.id))]
    assert roles == [("reader", "unit"), ("unit", "unit"), ("unit", "reader")]


def test_the_forms_carry_a_csrf_token_and_refuse_a_post_without_one(csrf_app, db):
    client = csrf_app.test_client()
    login(client, "admin", PASSWORD, csrf=csrf_token(client, "/login"))
    assert client.post("/admin/units/", data={"name": "区教育局"}).status_code == 400
    assert _units(db) == {}
    token = csrf_token(client, "/admin/units/")
    assert client.post("/admin/units/", data={"name": "区教育局", "csrf_token": token}).status_code == 302
    assert set(_units(db)) == {"区教育局"}


def test_the_units_pages_show_no_code_name(app, db):
    from test_vocabulary import code_words, visible_text

    from tracker.services import users

    for name, role in (("管理员乙", "admin"), ("评议员乙", "reviewer")):  # names that are no code words
        users.create_user(db, name, PASSWORD, role)
    _lead(db, "区教育局", 1)
    admin = app.test_client()
    login(admin, "管理员乙")
    _add_unit(admin, "区教育局")
    unit_id = _units(db)["区教育局"]
    admin.post(f"/admin/units/{unit_id}/accounts", data={"account-name": "小李", "account-password": NEW_PASSWORD})
    refused = admin.post(f"/admin/units/{unit_id}/attach", data={"attach-name": "评议员乙"})
    pages = {"refused": refused.get_data(as_text=True)}
    for path in ("/admin/units/", f"/admin/units/{unit_id}"):
        pages[path] = admin.get(path).get_data(as_text=True)
    assert "评议员乙 是评议员" in pages["refused"] and "小李" in pages[f"/admin/units/{unit_id}"]
    for path, page in pages.items():
        assert not code_words(visible_text(page)), (path, code_words(visible_text(page)))
