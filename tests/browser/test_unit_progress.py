"""催办 in a real browser: a unit's user logs in, reports progress with a figure and a file on its
pledge; a reviewer accepts it; the pledge's status and history show it. The 督办通知单 printed to
PDF by chromium has one A4 page per unit. Screenshots in tests/artifacts/."""
from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from remind_world import PASSWORD, build
from tracker.services.listing import shanghai_today

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def world(db_url):
    from tracker.db.engine import make_engine, make_sessionmaker

    engine = make_engine(db_url)
    try:
        with make_sessionmaker(engine)() as session:
            return build(session, shanghai_today())
    finally:
        engine.dispose()


@pytest.fixture
def server(serve_app, world):
    """The app on the world's database (no demo data), served by the conftest's ``serve_app``."""
    return serve_app()


def log_in(page, base, name):
    page.goto(base + "/login")
    page.fill("#name", name)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator(".flash-success").first).to_contain_text(f"欢迎，{name}")


def test_a_unit_reports_progress_with_a_file_and_a_reviewer_accepts_it(server, world, browser, artifacts, tmp_path):
    base, pid = server, world.pledges["red"]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15_000)

    log_in(page, base, "jyj")
    expect(page).to_have_url(re.compile(r"/progress/$"))  # a unit's account lands on its own pledges
    expect(page.locator("nav")).to_contain_text("本单位承诺")
    expect(page.locator(f"#u-{world.pledges['due']}")).to_have_count(0)  # another unit's pledge
    page.screenshot(path=str(artifacts / "unit-pledges.png"), full_page=True)

    page.click(f"#report-{pid}")
    page.wait_for_url(re.compile(rf"/progress/pledges/{pid}/new"))
    page.fill("#achieved_value", "2")
    page.fill("#note", "两所幼儿园主体完工，第三所在做基础")
    page.fill("#evidence_url", "https://jyj.example.org/news/kindergartens")
    photo = tmp_path / "验收记录.pdf"
    photo.write_bytes(PDF)
    page.set_input_files("#file", str(photo))
    page.screenshot(path=str(artifacts / "unit-report-form.png"), full_page=True)
    page.click("#btn-report")
    expect(page.locator(".flash-success")).to_contain_text("待评议员审阅")
    expect(page.locator("h1")).to_contain_text("待审阅")
    expect(page.locator("#report-file")).to_have_text("验收记录.pdf")
    expect(page.locator("#accept-form")).to_have_count(0)
    page.screenshot(path=str(artifacts / "unit-report-sent.png"), full_page=True)
    # nothing the unit wrote is a status yet
    page.goto(f"{base}/pledges/{pid}")
    expect(page.locator("#pledge-reports")).to_contain_text("待审阅")
    page.click("form[action='/logout'] button")

    log_in(page, base, "reviewer")
    page.click("nav >> text=进展报送")
    expect(page.locator("#waiting-count")).to_have_text("1")
    page.screenshot(path=str(artifacts / "reviewer-progress-queue.png"), full_page=True)
    page.locator("#waiting tbody tr").first.get_by_role("link", name="审阅").click()
    expect(page.locator("#report-value")).to_contain_text("2")
    expect(page.locator("#status")).to_have_value("in_progress")  # 2 of 3: not done
    page.fill("#note", "与现场核查一致")
    page.screenshot(path=str(artifacts / "reviewer-progress-report.png"), full_page=True)
    page.click("#btn-accept")
    expect(page.locator(".flash-success")).to_contain_text(f"#{pid} 已记为「推进中」")
    expect(page.locator("#waiting-count")).to_have_text("0")

    page.goto(f"{base}/pledges/{pid}")
    fields = page.locator("dl.fields")
    expect(fields).to_contain_text("推进中")
    expect(page.locator("#pledge-reports")).to_contain_text("已采纳")
    history = page.locator("ol.history").last
    expect(page.locator("body")).to_contain_text("采纳区教育局报送")
    expect(page.locator("body")).to_contain_text("评议员：与现场核查一致")
    page.screenshot(path=str(artifacts / "pledge-after-accepted-report.png"), full_page=True)
    assert history.count() == 1
    # the list shows the figure the reviewer accepted
    page.goto(f"{base}/reports/?unit=区教育局")
    expect(page.locator("body")).to_contain_text("2所")
    context.close()


def _more_pledges(db_url, day: dt.date, n: int) -> None:
    """``n`` further overdue pledges of 区教育局 with long texts: a notice still fits one page."""
    from decimal import Decimal

    from tracker.db.engine import make_engine, make_sessionmaker
    from tracker.db.enums import DocumentFormat, PledgeOrigin, QuantityRole, ReviewState
    from tracker.db.models import Document, Pledge, Quantity
    from tracker.reading import sha256_text

    lines = [f"第{i}项：在全区各街道新建改建标准化社区综合服务中心和养老服务站点{i + 2}处，并同步完善配套设施建设"
             for i in range(n)]
    text = "\n".join(lines) + "\n"
    engine = make_engine(db_url)
    try:
        with make_sessionmaker(engine)() as s:
            doc = Document(title="长清单", file_name="long.txt", format=DocumentFormat.TEXT,
                           published_on=day - dt.timedelta(days=400), text=text, sha256=sha256_text(text),
                           raw_sha256=sha256_text(text), encoding="utf-8", extractor_version="test")
            s.add(doc)
            s.flush()
            for i, line in enumerate(lines):
                start = text.index(line)
                p = Pledge(document_id=doc.id, origin=PledgeOrigin.MANUAL, start=start, end=start + len(line),
                           quote=line, responsible_unit="区教育局", due_on=day - dt.timedelta(days=i + 1),
                           review_state=ReviewState.CONFIRMED)
                p.quantities.append(Quantity(position=0, value=Decimal(i + 2), unit="处", raw=f"{i + 2}处",
                                             role=QuantityRole.COUNT))
                s.add(p)
            s.commit()
    finally:
        engine.dispose()


def test_the_notices_print_to_one_a4_page_per_unit(server, world, db_url, browser, artifacts):
    _more_pledges(db_url, world.day, 30)
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.goto(f"{server}/progress/notices/")
    expect(page.locator("section.sheet")).to_have_count(2)
    expect(page.locator("body")).to_contain_text("另有 18 项未列出")
    page.screenshot(path=str(artifacts / "notices-screen.png"), full_page=True)
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    (artifacts / "notices.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    texts = [p.extract_text() for p in reader.pages]
    assert "区住建局" in texts[0] and "区教育局" in texts[1]  # one unit a page, by name
    assert all("督办通知单" in t for t in texts)

    page.goto(f"{server}/progress/notices/{world.units['区住建局']}")
    one = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    assert len(one.pages) == 1
    context.close()
