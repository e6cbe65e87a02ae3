"""The workbench as a supervision office adopts it, in a real browser: a missed pledge added from
a prefilled form, the 台账 downloaded and opened as offices print it, the compact list showing at
least 20 rows on a 1366×900 screen, and no code name on any page."""
from __future__ import annotations

import datetime as dt
import io
import re

import sqlalchemy as sa
from playwright.sync_api import expect

from tracker import glossary
from tracker.services.listing import shanghai_today

PAGES = ("/", "/documents/", "/pledges/", "/pledges/?review_state=all", "/review/", "/reports/",
         "/reports/?review_state=all", "/reports/status", "/reports/dashboard", "/reports/queue", "/admin/users",
         "/account/password")
VISIBLE_JS = """() => {
  const parts = [document.body.innerText, document.title];
  for (const el of document.querySelectorAll('[title],[placeholder],[aria-label]'))
    parts.push(el.getAttribute('title') || '', el.getAttribute('placeholder') || '', el.getAttribute('aria-label') || '');
  for (const el of document.querySelectorAll('input:not([type=hidden])')) parts.push(el.value);
  return parts.join('\\n');
}"""


def code_words(text: str) -> set[str]:
    return set(re.findall(r"(?<![A-Za-z0-9_])[a-z][a-z_]*(?![A-Za-z0-9_])", text)) & glossary.code_names()


def log_in(browser, base, name, width=1366, height=900, password=None):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(base + "/login")
    page.fill("#name", name)
    page.fill("#password", password or f"{name}-demo")
    page.click("button[type=submit]")
    expect(page.locator(".flash-success")).to_contain_text("欢迎")
    return context, page


def _confirm_some(db_url: str, n: int) -> list[int]:
    """Confirm ``n`` pending pledges with a deadline and a district (as an editor would), rate one."""
    from tracker.db.engine import make_engine, make_sessionmaker
    from tracker.db.models import Pledge, User
    from tracker.services import status, workbench

    engine = make_engine(db_url)
    try:
        with make_sessionmaker(engine)() as s:
            editor = s.scalar(sa.select(User).where(User.name == "editor"))
            reviewer = s.scalar(sa.select(User).where(User.name == "reviewer"))
            ids = list(s.scalars(sa.select(Pledge.id).where(Pledge.due_on.is_not(None), Pledge.district_id.is_not(None))
                                 .order_by(Pledge.id).limit(n)))
            for pid in ids:
                workbench.confirm_pledge(s, pid, editor, version=s.get(Pledge, pid).version_id)
            s.commit()
            status.set_status(s, s.get(Pledge, ids[0]), reviewer, status.StatusChange(
                    "stalled", as_of_on=dt.date.today(), note="征地审批未完成"))
            s.commit()
            return ids
    finally:
        engine.dispose()


def test_a_missed_pledge_is_added_from_a_prefilled_form(live_server, browser, artifacts, db_url):
    from tracker.db.engine import make_engine, make_sessionmaker
    from tracker.db.models import Pledge

    engine = make_engine(db_url)
    with make_sessionmaker(engine)() as s:  # a pledge's passage, its district and deadline named around it
        pledge = s.scalars(sa.select(Pledge).where(Pledge.due_on.is_not(None), Pledge.district_id.is_not(None))
                           .order_by(Pledge.id)).first()
        document_id, start, end = pledge.document_id, pledge.start, pledge.end
        district, due_on = pledge.district.name, pledge.due_on
    engine.dispose()
    context, page = log_in(browser, live_server, "editor")
    page.goto(f"{live_server}/documents/{document_id}/add?start={start}&end={end}")
    expect(page.locator("#prefill-note")).to_contain_text("已按抽取器")
    expect(page.locator("#district")).to_have_value(district)
    expect(page.locator("#due_on")).to_have_value(due_on.isoformat())
    assert page.locator("#due_on").get_attribute("type") == "text"  # 2026-12-31, not the browser's mm/dd/yyyy
    assert page.locator("input.qv").first.input_value() != ""
    expect(page.locator("#prefill-unread")).to_contain_text("未能读出")
    page.screenshot(path=str(artifacts / "add-missed-prefilled.png"), full_page=True)
    # emptied, it is refused beside its field; filled again, it is saved
    page.fill("#district", "")
    page.click("button[type=submit].primary")
    expect(page.locator(".field.has-error .error")).to_contain_text("请填写区县")
    page.fill("#district", district)
    page.fill("#due_on", "")
    page.fill("#deadline_raw", "三年内")
    page.click("button[type=submit].primary")
    expect(page.locator(".flash-success")).to_contain_text("已添加承诺")
    added = int(re.search(r"#p-(\d+)", page.url).group(1))
    page.goto(f"{live_server}/pledges/{added}")
    expect(page.locator("dl.fields")).to_contain_text("三年内")
    page.screenshot(path=str(artifacts / "add-missed-saved.png"), full_page=True)
    context.close()


def test_the_ledger_downloads_as_offices_print_it(live_server, browser, artifacts, db_url):
    from openpyxl import load_workbook

    _confirm_some(db_url, 8)
    context, page = log_in(browser, live_server, "reviewer")
    page.goto(f"{live_server}/reports/")
    expect(page.locator("table.ledger thead")).to_contain_text("牵头单位")
    expect(page.locator("table.ledger thead")).to_contain_text("进展情况")
    expect(page.locator("table.ledger tbody")).to_contain_text("征地审批未完成")
    page.screenshot(path=str(artifacts / "ledger-page.png"), full_page=True)
    district = page.locator("table.ledger tbody tr td:nth-child(3) a").first.inner_text()
    page.goto(f"{live_server}/reports/?district={district}")
    with page.expect_download() as info:
        page.click("#export-ledger")
    download = info.value
    today = shanghai_today().isoformat()  # the ledger is dated by the day in China, as the app counts days
    assert download.suggested_filename == f"台账-{district}-{today}.xlsx"
    with open(download.path(), "rb") as fh:
        book = load_workbook(io.BytesIO(fh.read()))
    ws = book["台账"]
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight, ws.sheet_properties.pageSetUpPr.fitToPage) == \
        (1, 0, True)
    assert ws.print_title_rows == "$3:$3"
    assert "A1:M1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.cell(4, 2).alignment.wrap_text
    assert all(c.value for c in ws[3]) and ws.cell(4, 3).value == district
    context.close()


def test_the_compact_list_shows_twenty_rows_on_a_laptop_screen(live_server, browser, artifacts):
    context, page = log_in(browser, live_server, "editor", 1366, 900)
    page.goto(f"{live_server}/pledges/")
    expect(page.locator("body")).to_have_class(re.compile("dense"))
    boxes = page.eval_on_selector_all("table.list tbody tr", "rows => rows.map(r => r.getBoundingClientRect())"
                                      ".map(b => [b.top, b.bottom, b.height])")
    visible = [b for b in boxes if b[1] <= 900]
    assert len(visible) >= 20, (len(visible), boxes[:3])
    assert max(b[2] for b in visible) < 40  # one line a row
    # nothing in a row wraps: pills, dates and buttons keep to one line
    wrapped = page.eval_on_selector_all(".badge, .status, .flag, td.when, .button",
                                        "els => els.filter(e => e.getClientRects().length > 1).length")
    assert wrapped == 0
    title = page.locator("table.list tbody td.quote a").first.get_attribute("title")
    assert "（" in title  # the document's title on hover
    page.screenshot(path=str(artifacts / "list-compact-1366x900.png"))
    page.goto(f"{live_server}/pledges/?view=full")
    expect(page.locator("body")).not_to_have_class(re.compile("dense"))
    page.screenshot(path=str(artifacts / "list-full-1366x900.png"))
    page.goto(f"{live_server}/pledges/")  # the choice is remembered
    expect(page.locator("body")).not_to_have_class(re.compile("dense"))
    assert page.evaluate("() => document.querySelector('link[rel=icon]').href").endswith("favicon.svg")
    page.wait_for_load_state("networkidle")  # the icon's request answered before the server stops
    context.close()


def test_no_code_name_on_any_page(live_server, browser, artifacts, db_url):
    from tracker.db.engine import make_engine
    from tracker.db.models import User

    ids = _confirm_some(db_url, 3)
    names = {"editor": "编辑甲", "reviewer": "评议员甲", "admin": "管理员甲"}  # a login name is no role's code
    engine = make_engine(db_url)
    with engine.begin() as connection:
        for old, new in names.items():
            connection.execute(sa.update(User).where(User.name == old).values(name=new))
    engine.dispose()
    found = {}
    for who in ("editor", "reviewer", "admin"):
        context, page = log_in(browser, live_server, names[who], password=f"{who}-demo")
        for path in (*PAGES, *(f"/pledges/{i}" for i in ids), f"/reports/pledges/{ids[0]}/status",
                     f"/review/{ids[-1] + 1}"):
            response = page.goto(live_server + path)
            if response.status in (403, 404):
                continue
            words = code_words(page.evaluate(VISIBLE_JS))
            if words:
                found[(who, path)] = words
            if who == "admin" or path.startswith("/review/"):
                name = path.strip("/").replace("/", "_").replace("?", "_") or "home"
                page.screenshot(path=str(artifacts / f"vocabulary-{name}.png"), full_page=True)
        context.close()
    assert not found, found
