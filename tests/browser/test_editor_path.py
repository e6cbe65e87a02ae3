"""An editor's session in a real browser: log in, open the queue, confirm a pledge with the
keyboard, correct another's quantity, reject a third, add a missed one from a selection, and
find each change in the history."""
from __future__ import annotations

import re
from decimal import Decimal

from playwright.sync_api import expect


def keys_ready(page) -> None:
    """Wait until this page's keyboard shortcuts are bound (app.js is deferred)."""
    page.wait_for_selector("html[data-keys=ready]", state="attached")


def current_id(page) -> int:
    return int(re.search(r"/review/(\d+)", page.url).group(1))


def test_editor_reviews_with_the_keyboard_and_finds_every_change_in_the_history(live_server, browser, artifacts):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    base = live_server

    # log in
    page.goto(base + "/login")
    page.fill("#name", "editor")
    page.fill("#password", "editor-demo")
    page.click("button[type=submit]")
    expect(page.locator(".flash-success")).to_contain_text("欢迎，editor")

    # the queue
    page.goto(base + "/review/")
    expect(page.locator("h1")).to_contain_text("审核队列")
    page.screenshot(path=str(artifacts / "queue.png"), full_page=True)

    # Enter starts reviewing; Y confirms
    keys_ready(page)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/review/\d+"))
    first = current_id(page)
    expect(page.locator("mark.hl-current").first).to_be_visible()
    page.screenshot(path=str(artifacts / "review.png"), full_page=True)
    keys_ready(page)
    page.keyboard.press("y")
    expect(page.locator(".flash-success")).to_contain_text(f"#{first} 已确认")
    second = current_id(page)
    assert second != first

    # correct the quantity of the next pledge that has one (skip with N until one does)
    for _ in range(20):
        value = page.locator("#quantities-0-value").input_value()
        if value:
            break
        keys_ready(page)
        page.keyboard.press("n")
        page.wait_for_url(lambda url: f"/review/{second}" not in url)
        second = current_id(page)
    else:
        raise AssertionError("no pledge with a quantity in the first 20 of the queue")
    corrected = str(Decimal(value) + 1)
    keys_ready(page)
    page.keyboard.press("e")
    page.fill("#quantities-0-value", corrected)
    page.keyboard.press("Control+Enter")
    expect(page.locator(".flash-success")).to_contain_text(f"#{second} 已修改并确认")
    third = current_id(page)

    # reject the next with a reason: R, type, Enter
    keys_ready(page)
    page.keyboard.press("r")
    expect(page.locator("#reject_reason")).to_be_focused()
    page.keyboard.type("不是承诺，是已完成的成绩")
    page.keyboard.press("Enter")
    expect(page.locator(".flash-success")).to_contain_text(f"#{third} 已驳回")

    # U undoes it (back on that pledge, pending again); reject it once more
    keys_ready(page)
    page.keyboard.press("u")
    expect(page.locator(".flash-success")).to_contain_text(f"已撤销对 #{third} 的操作")
    assert current_id(page) == third
    expect(page.locator("h1 .badge")).to_have_text("待核实")
    keys_ready(page)
    page.keyboard.press("r")
    page.keyboard.type("不是承诺，是已完成的成绩")
    page.keyboard.press("Enter")
    expect(page.locator(".flash-success")).to_contain_text(f"#{third} 已驳回")

    # the document view: select a passage, add it as a pledge, prefilled by the extractor
    page.goto(base + "/pledges/" + str(first))
    page.click("section.passage a[href*='/documents/']")
    page.wait_for_url(re.compile(r"/documents/\d+"))
    document_url = page.url.split("#")[0]
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(artifacts / "document.png"))
    picked = page.evaluate("""() => {
        const spans = [...document.querySelectorAll('#doc-text span[data-o]')].filter(s => s.textContent.length >= 14);
        const span = spans[Math.floor(spans.length / 2)];
        const range = document.createRange();
        range.setStart(span.firstChild, 2);
        range.setEnd(span.firstChild, 12);
        const sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        return {text: range.toString(), start: +span.dataset.o + 2};
    }""")
    add = page.locator("#selection-add")
    expect(add).to_be_visible()
    assert f"start={picked['start']}&end={picked['start'] + 10}" in add.get_attribute("href")
    add.scroll_into_view_if_needed()
    page.mouse.wheel(0, -200)
    page.screenshot(path=str(artifacts / "document-selection.png"))
    add.click()
    page.wait_for_url(re.compile(r"/documents/\d+/add\?"))
    expect(page.locator("section.passage mark.hl-current")).to_have_text(picked["text"])
    if not page.locator("#object").input_value():
        page.fill("#object", "补录的承诺")
    if not page.locator("#district").input_value():
        page.fill("#district", "淄博市")
    if not page.locator("input.qv").first.input_value():
        page.check("#non_quantified")
    if not page.locator("#due_on").input_value():
        page.check("#no_deadline")
    page.click("button[type=submit].primary")
    expect(page.locator(".flash-success")).to_contain_text("已添加承诺")
    added = int(re.search(r"#p-(\d+)", page.url).group(1))
    expect(page.locator(f"mark#p-{added}")).to_have_class(re.compile("hl-confirmed"))
    page.screenshot(path=str(artifacts / "document-after.png"), full_page=True)
    assert page.url.split("#")[0].split("?")[0] == document_url.split("?")[0]  # (?at= names the part shown)

    # every change is in its pledge's history
    page.goto(f"{base}/pledges/{first}")
    expect(page.locator("ol.history")).to_contain_text("editor")
    expect(page.locator("ol.history .h-action").first).to_have_text("确认")
    page.goto(f"{base}/pledges/{second}")
    expect(page.locator("ol.history .h-action").first).to_have_text("修改后确认")
    expect(page.locator("ol.history table.diff td.new").first).to_contain_text(corrected)
    expect(page.locator("ol.history table.diff td.old").first).to_contain_text(value)
    page.goto(f"{base}/pledges/{third}")
    expect(page.locator("ol.history .h-action")).to_have_text(["驳回", "撤销", "驳回"])
    expect(page.locator("ol.history")).to_contain_text("不是承诺，是已完成的成绩")
    page.goto(f"{base}/pledges/{added}")
    expect(page.locator("ol.history .h-action").first).to_have_text("人工添加")
    expect(page.locator("dl.fields")).to_contain_text(picked["text"])

    # and on a phone the review screen stacks into one column
    phone = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                                locale="zh-CN")
    mobile = phone.new_page()
    phone.add_cookies(context.cookies())
    for name, path in (("queue-phone", "/review/"), ("pledge-phone", f"/pledges/{second}"),
                       ("review-phone", f"/review/{second}"),
                       ("document-phone", document_url.replace(base, ""))):
        mobile.goto(base + path)
        mobile.screenshot(path=str(artifacts / f"{name}.png"))
        width = mobile.evaluate("document.documentElement.scrollWidth")
        assert width <= 390 + 1, f"{path} scrolls sideways on a phone ({width}px)"
    phone.close()
    context.close()
