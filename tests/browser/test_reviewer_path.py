"""A reviewer's session in a real browser: log in, mark an overdue pledge done with evidence,
propose another as missed and confirm it as a second reviewer, watch the red queue shrink,
download CSV and XLSX of the list and find both changes in them; screenshots of the
queue, the dashboard and a scorecard for a person to look at."""
from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from ledger_history import PASSWORD, build


@pytest.fixture
def history(live_server, db_url):
    from tracker.db.engine import make_engine, make_sessionmaker

    engine = make_engine(db_url)
    try:
        return build(make_sessionmaker(engine))
    finally:
        engine.dispose()


def log_in(page, base, name):
    page.goto(base + "/login")
    page.fill("#name", name)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator(".flash-success")).to_contain_text(f"欢迎，{name}")


def red_count(page) -> int:
    return int(page.locator("#red-count").inner_text())


def test_reviewer_marks_done_and_missed_and_the_red_queue_shrinks(live_server, history, browser, artifacts,
                                                                  tmp_path):
    base, ids = live_server, history["ids"]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)

    log_in(page, base, "ledger_reviewer")
    page.click("nav >> text=评估队列")
    expect(page.locator("h1")).to_contain_text("评估队列")
    before = red_count(page)
    assert before >= 3  # late, soon and kindergartens are long past their 2024 deadlines
    page.screenshot(path=str(artifacts / "reviewer-queue.png"), full_page=True)

    # mark the most overdue one done, with evidence and the achieved number
    first = page.locator("#queue-red tbody tr").first
    assert first.get_attribute("id") == f"q-{ids['late']}"
    first.get_by_role("link", name="评估", exact=True).click()
    page.wait_for_url(re.compile(rf"/reports/pledges/{ids['late']}/status"))
    page.select_option("#status", "done")
    page.fill("#achieved_value", "8")
    page.fill("#note", "口袋公园全部建成")
    page.fill("#evidence_url", "https://example.gov.cn/parks-done")
    page.click("#btn-save")
    expect(page.locator(".flash-success")).to_contain_text(f"#{ids['late']} 已记为「已完成」")
    assert red_count(page) == before - 1
    expect(page.locator(f"#q-{ids['late']}")).to_have_count(0)

    # propose another as missed: not in force until a second reviewer confirms
    page.locator(f"#q-{ids['soon']}").get_by_role("link", name="评估", exact=True).click()
    page.select_option("#status", "missed")
    page.select_option("#miss_reason", "policy")
    page.fill("#evidence_quote", "该线路规划调整，暂缓开通")
    page.click("#btn-save")
    expect(page.locator(".flash-success")).to_contain_text("待另一位评议员复核")
    assert red_count(page) == before - 1
    expect(page.locator("#proposals")).to_contain_text("需另一位评议员复核")

    # the second reviewer confirms it
    page.click("header .who button")  # 退出
    log_in(page, base, "ledger_reviewer2")
    page.goto(base + "/reports/queue")
    page.locator("#proposals").get_by_role("button", name="复核确认").click()
    expect(page.locator(".flash-success")).to_contain_text("「未完成」生效")
    assert red_count(page) == before - 2
    expect(page.locator(f"#q-{ids['soon']}")).to_have_count(0)

    # download the list as CSV and XLSX and find both changes
    page.goto(base + "/reports/?review_state=all")
    expect(page.locator("#filters-sentence")).to_contain_text("全部承诺")
    page.screenshot(path=str(artifacts / "ledger-list.png"), full_page=True)
    with page.expect_download() as download:
        page.click("#export-csv")
    assert download.value.suggested_filename.startswith("承诺-") and download.value.suggested_filename.endswith(".csv")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    text = saved.read_text(encoding="utf-8-sig")
    rows = {int(r["编号"]): r for r in csv.DictReader(io.StringIO(text))}
    assert (rows[ids["late"]]["状态"], rows[ids["late"]]["完成值"], rows[ids["late"]]["佐证"]) == (
        "已完成", "8", "https://example.gov.cn/parks-done")
    assert (rows[ids["soon"]]["状态"], rows[ids["soon"]]["未完成原因"]) == ("未完成", "政策调整")
    with page.expect_download() as download:
        page.click("#export-xlsx")
    assert download.value.suggested_filename.endswith(".xlsx")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    sheet = load_workbook(saved)["承诺"]
    header = [c.value for c in sheet[1]]
    found = {row[0]: dict(zip(header, row)) for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert found[ids["late"]]["状态"] == "已完成" and found[ids["soon"]]["状态"] == "未完成"
    assert found[ids["soon"]]["佐证"] == "该线路规划调整，暂缓开通"

    # pictures for a person
    page.goto(base + "/reports/dashboard")
    expect(page.locator("#chart-districts svg.chart")).to_be_visible()
    page.screenshot(path=str(artifacts / "dashboard.png"), full_page=True)
    page.goto(base + "/reports/")
    page.locator(f"#row-{ids['kindergartens']}").get_by_role("link", name="张店区").click()
    expect(page.locator("h1")).to_contain_text("张店区")
    expect(page.locator(f"#pledge-{ids['late']}")).to_contain_text("口袋公园全部建成")
    expect(page.locator(f"#pledge-{ids['late']} .flag-late")).to_contain_text("逾期完成")  # done, but late
    page.screenshot(path=str(artifacts / "scorecard-district.png"), full_page=True)
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN").new_page()
    phone.goto(page.url)
    phone.screenshot(path=str(artifacts / "scorecard-phone.png"), full_page=True)
    context.close()
