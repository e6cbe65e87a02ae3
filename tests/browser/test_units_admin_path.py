"""牵头单位 in a real browser: the admin adds a unit from the navigation, gives it an account; that
account logs in and sees its unit's pledges and no other. Screenshots in tests/artifacts/."""
from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

PASSWORD = "jyj-reports-2026"


@pytest.fixture
def led(live_server, db_url) -> dict[str, list[int]]:
    """Three of the demo's pledges confirmed: two led by 区教育局, one by 区住建局."""
    from tracker.db.engine import make_engine, make_sessionmaker
    from tracker.db.enums import ReviewState
    from tracker.db.models import Pledge

    engine = make_engine(db_url)
    try:
        with make_sessionmaker(engine)() as session:
            pledges = session.scalars(sa.select(Pledge).order_by(Pledge.id).limit(3)).all()
            for pledge, unit in zip(pledges, ("区教育局", "区教育局", "区住建局")):
                pledge.review_state, pledge.responsible_unit = ReviewState.CONFIRMED, unit
            session.commit()
            return {"区教育局": [p.id for p in pledges[:2]], "区住建局": [pledges[2].id]}
    finally:
        engine.dispose()


def log_in(page, base, name, password):
    page.goto(base + "/login")
    page.fill("#name", name)
    page.fill("#password", password)
    page.click("button[type=submit]")
    expect(page.locator(".flash-success").first).to_contain_text(f"欢迎，{name}")


def test_an_admin_adds_a_unit_and_its_account_which_sees_only_its_pledges(live_server, led, browser, artifacts):
    base = live_server
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15_000)

    log_in(page, base, "admin", "admin-demo")
    page.locator("nav").get_by_role("link", name="牵头单位").click()
    expect(page.locator("h1")).to_have_text("牵头单位")
    expect(page.locator("main")).to_contain_text("区教育局（2 条）")  # named by pledges, not yet registered

    page.get_by_label("单位名称").fill("")
    page.get_by_role("button", name="添加").click()
    expect(page.locator(".error")).to_have_text("请填写单位名称")
    page.get_by_label("单位名称").fill("区教育局")
    page.get_by_role("button", name="添加").click()
    expect(page.locator(".flash-success")).to_contain_text("已添加牵头单位「区教育局」")
    expect(page.locator("main")).to_contain_text("牵头已确认的承诺 2 条")

    form = page.locator("#new-account")
    form.get_by_label("用户名").fill("jyj-user")
    form.get_by_label("初始密码").fill(PASSWORD)
    form.get_by_role("button", name="添加账户").click()
    expect(page.locator(".flash-success")).to_contain_text("已添加本单位账户 jyj-user")
    expect(page.locator("#accounts")).to_contain_text("jyj-user")
    page.screenshot(path=str(artifacts / "admin-unit.png"), full_page=True)
    page.get_by_role("button", name="退出").click()

    log_in(page, base, "jyj-user", PASSWORD)
    expect(page).to_have_url(re.compile(r"/progress/$"))
    expect(page.locator("nav")).to_contain_text("本单位承诺")
    for pid in led["区教育局"]:
        expect(page.locator(f"#u-{pid}")).to_have_count(1)
    expect(page.locator(f"#u-{led['区住建局'][0]}")).to_have_count(0)
    expect(page.locator("nav")).not_to_contain_text("牵头单位")
    page.screenshot(path=str(artifacts / "unit-account-pledges.png"), full_page=True)
    page.goto(base + "/admin/units/")
    expect(page).to_have_url(re.compile(r"/progress/$"))  # a unit's account is turned back to its own pages
    context.close()
