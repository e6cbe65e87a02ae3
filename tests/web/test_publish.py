"""``tracker publish DIR``: the public site as static files with relative links, written again only
where the data changed; served by Python's http.server, every link answers."""
from __future__ import annotations

import functools
import html
import http.server
import re
import threading
import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from tracker.db.models import Pledge
from tracker.cli.words import publish_report
from tracker.web.publish import MANIFEST, file_name, publish
from web_helpers import login, pending_ids

LINK = re.compile(r'\b(?:href|src)="([^"]*)"')


def confirm(app, db, n: int) -> None:
    editor = app.test_client()
    login(editor, "editor")
    db.rollback()  # a new snapshot: what earlier calls confirmed is no longer pending
    for pledge_id in pending_ids(db)[:n]:
        version = db.scalar(sa.select(Pledge.version_id).where(Pledge.id == pledge_id))
        assert editor.post(f"/api/pledges/{pledge_id}/confirm", json={"version": version}).status_code == 200
    db.rollback()


@pytest.fixture
def static_server(tmp_path):
    """``tmp_path/site`` served by http.server on loopback; yields (directory, base URL)."""
    site = tmp_path / "site"
    site.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def walk(base: str) -> dict[str, int]:
    """Every page and file reachable from ``base`` (index.html) through href / src: URL → status."""
    seen, queue = {}, [base]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                seen[url], body, kind = response.status, response.read(), response.headers.get_content_type()
        except urllib.error.HTTPError as exc:
            seen[url] = exc.code
            continue
        if kind == "text/html":
            for raw in LINK.findall(body.decode("utf-8")):
                target = urljoin(url, html.unescape(raw)).partition("#")[0]
                if target.startswith(base):
                    queue.append(target)
                else:  # a link out of the site: only evidence links (a reviewer's source) may leave it
                    assert urlsplit(target).scheme in ("http", "https") and not target.startswith("http://127.0.0.1"), (url, raw)
    return seen


def test_file_names_keep_suffixes_and_fold_queries_into_the_name():
    assert file_name("/reports/", "") == "reports/index.html"
    assert file_name("/reports/", "after=2024-05-01~12") == "reports/index-after-2024-05-01~12.html"
    assert file_name("/reports/status", "by=official") == "reports/status-by-official.html"
    assert file_name("/reports/status.csv", "by=official") == "reports/status-by-official.csv"
    assert file_name("/pledges/12", "") == "pledges/12.html"
    assert file_name("/static/app.css", "") == "static/app.css"


def test_the_published_site_has_no_broken_link_and_is_rewritten_only_where_the_data_changed(app, db, static_server):
    confirm(app, db, 2)
    site, base = static_server
    first = publish(app, site)
    names = set(first.written)
    assert {"index.html", "reports/dashboard.html", "reports/index.html", "reports/status.html",
            "reports/status-by-official.html", "reports/export.csv", "reports/export.xlsx", "static/app.css"} <= names
    assert any(n.startswith("reports/districts/") for n in names) and any(n.startswith("reports/officials/") for n in names)
    published_pledges = {n for n in names if n.startswith("pledges/")}
    assert len(published_pledges) == 2  # the confirmed pledges the 台账 lists; no editor's page
    assert not any(n.startswith(("documents/", "review/", "login", "api/")) for n in names)
    statuses = walk(base)
    assert statuses and set(statuses.values()) == {200}, {u: s for u, s in statuses.items() if s != 200}
    assert len(statuses) >= len(names) - 4  # every page is reached by a link (the files some by href only)
    card = (site / next(n for n in sorted(names) if n.startswith("reports/districts/"))).read_text(encoding="utf-8")
    assert 'href="../../static/app.css"' in card and 'href="/' not in card and 'csrf-token' not in card

    again = publish(app, site)
    assert again.skipped and not again.written and publish_report(again).endswith("未写任何文件")

    confirm(app, db, 1)  # the data changes: a third pledge on the 台账
    third = publish(app, site)
    assert not third.skipped and third.unchanged > 0 and third.written
    assert len({n for n in third.written if n.startswith("pledges/")}) == 1  # the new pledge's page alone
    assert "static/app.css" not in third.written
    assert set(walk(base).values()) == {200}
    manifest = (site / MANIFEST).read_text(encoding="utf-8")
    assert all(f'"{n}"' in manifest for n in names)


def test_tracker_publish_on_the_command_line_and_with_the_live_sites_address(seeded_url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    env = {"DATABASE_URL": seeded_url, "TRACKER_INSTANCE": str(tmp_path / "instance")}
    result = CliRunner().invoke(__import__("tracker.cli", fromlist=["main"]).main,
                                ["publish", str(tmp_path / "out"), "--site-url", "https://tracker.example.org"], env=env)
    assert result.exit_code == 0, result.output
    assert re.match(r"tracker publish：写入 \d+ 个文件，0 个未变，删除 0 个", result.output)
    dashboard = (tmp_path / "out" / "reports" / "dashboard.html").read_text(encoding="utf-8")
    assert 'href="https://tracker.example.org/login' in dashboard  # the editor's pages stay on the live app


def test_a_paged_scorecard_is_published_a_file_a_page_and_shrinks_with_its_pages(app, db, static_server, monkeypatch):
    from tracker.web import reports

    monkeypatch.setattr(reports, "SCORECARD_CARDS", 1)
    confirm(app, db, 3)  # the seeded pledges are all 张店区's: its scorecard has three pages
    site, base = static_server
    first = publish(app, site)
    cards = sorted(n for n in first.written if n.startswith("reports/districts/"))
    stem = next(n for n in cards if "-page-" not in n).removesuffix(".html")
    assert cards == sorted([f"{stem}.html", f"{stem}-page-2.html", f"{stem}-page-3.html"])
    leaf = stem.rpartition("/")[2]
    second = (site / f"{stem}-page-2.html").read_text(encoding="utf-8")
    assert f'<a href="{leaf}-page-3.html" rel="next">下一页 →</a>' in second  # relative, beside it
    assert f'<a href="{leaf}.html" rel="prev">← 上一页</a>' in second
    assert "共 3 项已确认承诺" in second and "（第 2 页，共 3 页）" in second
    statuses = walk(base)
    assert set(statuses.values()) == {200} and base + f"{stem}-page-3.html" in statuses
    # every confirmed pledge's page is reached through the scorecard's pages
    assert len([n for n in first.written if n.startswith("pledges/")]) == 3

    confirm(app, db, 1)  # a fourth: a fourth page, and the pages before rewritten (their figures changed)
    grown = publish(app, site)
    assert f"{stem}-page-4.html" in grown.written and f"{stem}-page-2.html" in grown.written
    monkeypatch.setattr(reports, "SCORECARD_CARDS", 2)  # the same data in fewer pages: the others removed
    shrunk = publish(app, site, force=True)
    assert [n for n in shrunk.removed if n.startswith(stem)] == [f"{stem}-page-3.html", f"{stem}-page-4.html"]
    assert all("-page-" in n for n in shrunk.removed)  # (and the official's third and fourth)
    assert not (site / f"{stem}-page-3.html").exists()
    statuses = walk(base)
    assert set(statuses.values()) == {200} and base + f"{stem}-page-2.html" in statuses
