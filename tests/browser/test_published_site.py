"""A published scorecard (``tracker publish``) opened from a static server in chromium: styled, its
links relative, its pager leading to its next page's file, its pledges reachable."""
from __future__ import annotations

import functools
import http.server
import threading

from tracker.web import create_app
from tracker.web.publish import publish


def test_a_published_scorecard_opens_styled_and_leads_to_its_pledges(live_server, db_url, tmp_path, browser,
                                                                    monkeypatch):
    import sqlalchemy as sa

    from tracker.db.engine import make_engine
    from tracker.db.models import Pledge
    from tracker.web import reports

    engine = make_engine(db_url)
    with engine.begin() as conn:  # the demo's pledges await review: confirm them, as editors would have
        conn.execute(sa.update(Pledge).values(review_state="confirmed"))
    engine.dispose()
    monkeypatch.setattr(reports, "SCORECARD_CARDS", 2)  # the demo's districts hold a few: pages of two
    app = create_app({"DATABASE_URL": db_url, "SECRET_KEY": "browser-test-secret-key-0123456789abcdef"})
    try:
        report = publish(app, tmp_path / "site")
    finally:
        app.extensions["tracker.engine"].dispose()
    paged = next(n for n in sorted(report.written) if n.startswith("reports/districts/") and "-page-2." in n)
    card = paged.replace("-page-2.", ".")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path / "site"))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = browser.new_page()
        failed = []
        page.on("requestfailed", lambda r: failed.append(r.url))
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/{card}")
        assert page.locator("h1").first.is_visible()
        # the stylesheet loaded from its relative path: the header is laid out by app.css
        assert page.evaluate("getComputedStyle(document.querySelector('header.top')).display") == "flex"
        first_cards = page.locator("article.pledge-card").count()
        assert first_cards == 2 and page.get_by_text("（第 1 页，共").is_visible()
        page.locator("a[rel=next]").first.click()  # the pager's relative link, to the next page's file
        page.wait_for_load_state()
        assert page.url.endswith(paged.rpartition("/")[2]) and page.get_by_text("（第 2 页，共").is_visible()
        assert page.locator("section.scorecard").first.is_visible()  # the figures of all, again
        link = page.locator("a[href*='pledges/']").first
        link.click()
        page.wait_for_load_state()
        assert "/pledges/" in page.url and page.url.endswith(".html")
        assert page.locator("h1").first.is_visible()
        assert failed == []
    finally:
        server.shutdown()
        server.server_close()
