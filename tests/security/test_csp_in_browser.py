"""The Content-Security-Policy in a real browser (Debian's chromium, Playwright) against a real
``tracker serve``: every page works with the policy on — no violation reported, app.js runs (it
marks ``<html data-keys=ready>`` on the review pages), the progress bars and charts draw — and another site cannot
frame the app."""
from __future__ import annotations

import datetime as dt
import os

import pytest
import sqlalchemy as sa

from live import PASSWORD, Server

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def _rate_one(db_url: str) -> None:
    """Confirm and rate pledge 1, so the 台账 shows a progress bar and the dashboard its charts."""
    from tracker.db.engine import make_engine, make_sessionmaker
    from tracker.db.models import Pledge, User
    from tracker.services import status, workbench

    engine = make_engine(db_url)
    with make_sessionmaker(engine)() as session:
        admin = session.scalar(sa.select(User).where(User.name == "admin"))
        workbench.confirm_pledge(session, 1, admin, version=1)
        status.set_status(session, session.get(Pledge, 1), admin, status.StatusChange(
                "in_progress", note="进行中", achieved_value="1", as_of_on=dt.date(2021, 6, 30)))
        session.commit()
    engine.dispose()


def test_pages_work_under_the_policy_and_cannot_be_framed(seeded, tmp_path):
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium to run browser tests")
    from playwright.sync_api import sync_playwright

    _rate_one(seeded)
    server = Server(seeded, tmp_path, threads=4)
    violations: list[str] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                page = browser.new_page()
                page.on("console", lambda m: violations.append(m.text)
                        if "Content Security Policy" in m.text or "Refused" in m.text else None)
                page.on("pageerror", lambda e: violations.append(f"pageerror: {e}"))
                page.goto(server.base + "/login")
                page.fill("input[name=name]", "admin")
                page.fill("input[name=password]", PASSWORD)
                page.click("form [type=submit]")
                page.wait_for_load_state()
                assert "欢迎" in page.content()
                for path in ("/", "/documents/1", "/pledges/", "/pledges/1", "/review/", "/review/2", "/reports/",
                             "/reports/dashboard", "/reports/status", "/reports/queue", "/admin/users"):
                    response = page.goto(server.base + path)
                    assert response.status == 200, path
                    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
                    if path.startswith("/review/"):  # app.js ran: the review shortcuts are bound
                        page.wait_for_selector("html[data-keys=ready]", state="attached", timeout=10_000)
                page.goto(server.base + "/reports/?view=full")  # the full rows draw the pace bars
                bar = page.locator("svg.pace-bar rect.done").first
                assert bar.bounding_box()["width"] > 0
                page.goto(server.base + "/reports/dashboard")
                assert page.locator("svg.chart").count() >= 1 and page.locator(".legend .swatch").count() >= 1

                # Another origin (a page of its own) framing the app gets nothing of it.
                framer = browser.new_page()
                framer.set_content(f'<iframe id="f" src="{server.base}/pledges/" width="600" height="400"></iframe>')
                framer.wait_for_timeout(1500)
                frame = next((f for f in framer.frames if f is not framer.main_frame), None)
                assert frame is None or "承诺" not in frame.content()
            finally:
                browser.close()
    finally:
        server.stop()
    assert not violations, violations
