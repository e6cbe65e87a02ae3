"""``tracker publish DIR``: the public site as static files, for any static host or object store.

What is published is what an anonymous reader can open (``PUBLISHED``): the 台账 and its pages,
its CSV / Excel / JSON / 台账 files, the status tables (by district and by official) and their files,
the dashboard, every scorecard and every pledge page these link to, and the stylesheets and scripts
they use. A scorecard of more pledges than a page's cards (``reports.SCORECARD_CARDS``) is published
as one file a page (``reports/districts/3.html``, ``3-page-2.html``, ...), each with the figures of
all its pledges and its pager's relative links. The pages are rendered by the app itself (its test
client, anonymous, as a reader would get them), starting from the dashboard, the 台账 and the status
tables and following their links.

Every link between published files is rewritten to a relative one (``reports/districts/3.html``
links ``../../pledges/12.html``), so the directory works from any folder of any host, and from the
disk. A link to anything else (the editor's pages, a filtered view, the login) points to
``site_url`` when one is given (the live app), else it loses its target (stays text).

Incremental: ``DIR/.tracker-publish.json`` keeps the data version the files were made from
(``caching.validators``: the last change and the day) and a sha256 of each file. A run whose
version is unchanged writes nothing; else each page is rendered and only files whose bytes
changed are written; files no longer published are removed. Each file is written to a temporary
name and renamed, so a reader never sees half a file.
"""
from __future__ import annotations

import hashlib
import html
import json
import os
import posixpath
import re
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from tracker.web import caching
from tracker.web.db import get_session

MANIFEST = ".tracker-publish.json"
START = ("/reports/dashboard", "/reports/", "/reports/status", "/reports/status?by=official")
#: endpoint → the query arguments a published page of it may carry (a link with others is not followed)
PUBLISHED = {
    "reports.dashboard": set(), "reports.pledges": {"after"}, "reports.export": set(),
    "reports.status_table": {"by"}, "reports.status_export": {"by"}, "reports.district_card": {"page"},
    "reports.official_card": {"page"}, "pledges.view": set(), "static": set(),
}
_ATTR = re.compile(r'\b(href|src|action)="([^"]*)"')
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._~-]")


@dataclass
class Report:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    skipped: bool = False  # the data had not changed: nothing rendered


def file_name(path: str, query: str) -> str:
    """The file (relative to DIR) that holds the page at ``path?query``."""
    path = path.lstrip("/")
    if not path or path.endswith("/"):
        path += "index"
    head, leaf = posixpath.split(path)
    stem, dot, ext = leaf.rpartition(".")
    if not dot or "/" in ext:
        stem, ext = leaf, ""
    if query:
        stem += "".join(f"-{k}-{v}" for k, v in parse_qsl(query, keep_blank_values=True))
    stem = _SAFE_NAME.sub("_", stem)
    if not ext:  # a page (the routes with a suffix, .csv .json .xlsx .css .js, are files as named)
        ext = "html"
    return posixpath.join(head, f"{stem}.{ext}") if head else f"{stem}.{ext}"


class Publisher:
    def __init__(self, app, site_url: str | None = None):
        self.app = app
        self.client = app.test_client()
        self.adapter = app.url_map.bind("localhost")
        self.site_url = site_url.rstrip("/") if site_url else None

    def publishable(self, url: str) -> str | None:
        """``path?query`` (normalised) when ``url`` is a page this site publishes, else None."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            return None
        try:
            endpoint, _ = self.adapter.match(parts.path, method="GET")
        except Exception:  # noqa: BLE001 - not a route of the app (werkzeug raises several kinds)
            return None
        allowed = PUBLISHED.get(endpoint)
        if allowed is None:
            return None
        args = parse_qsl(parts.query, keep_blank_values=True)
        if any(k not in allowed for k, _ in args):
            return None
        return parts.path + ("?" + urlencode(args) if args else "")

    def rewrite(self, body: str, page: str, page_file: str, found: set[str]) -> str:
        """The page's links, relative to its file; the pages they lead to are added to ``found``."""
        def one(m: re.Match) -> str:
            attr, raw = m.group(1), html.unescape(m.group(2))
            if raw.startswith("#") or raw.startswith("mailto:") or urlsplit(raw).scheme in ("http", "https"):
                return m.group(0)
            target, _, anchor = urljoin(page, raw).partition("#")
            wanted = self.publishable(target)
            if wanted is None:
                if self.site_url:
                    return f'{attr}="{html.escape(self.site_url + target, quote=True)}"'
                return "" if attr == "href" else m.group(0)
            found.add(wanted)
            path, _, query = wanted.partition("?")
            rel = posixpath.relpath(file_name(path, query), posixpath.dirname(page_file) or ".")
            return f'{attr}="{html.escape(rel + ("#" + anchor if anchor else ""), quote=True)}"'
        return _ATTR.sub(one, body)

    def crawl(self):
        """(file name, bytes) of every published page, starting from ``START`` and following links."""
        queue, seen = deque(), set()
        for start in START:
            wanted = self.publishable(start)
            if wanted and wanted not in seen:
                seen.add(wanted)
                queue.append(wanted)
        while queue:
            url = queue.popleft()
            response = self.client.get(url)
            if response.status_code != 200:
                response.close()
                continue
            path, _, query = url.partition("?")
            name = file_name(path, query)
            data = response.get_data()
            response.close()
            if response.mimetype == "text/html":
                found: set[str] = set()
                data = self.rewrite(data.decode("utf-8"), url, name, found).encode("utf-8")
                for link in sorted(found - seen):
                    seen.add(link)
                    queue.append(link)
            yield name, data


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def publish(app, target: Path, *, site_url: str | None = None, force: bool = False) -> Report:
    """Write the public site into ``target`` (see the module's docstring)."""
    target.mkdir(parents=True, exist_ok=True)
    manifest_path = target / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    old_files: dict = manifest.get("files", {})
    with app.test_request_context("/"):
        etag, last_modified = caching.validators(get_session())
    version = f"{etag}|{site_url or ''}"
    report = Report()
    if (not force and manifest.get("version") == version
            and all((target / name).is_file() for name in old_files)):
        report.skipped = True
        return report
    files: dict[str, str] = {}
    for name, data in Publisher(app, site_url).crawl():
        digest = hashlib.sha256(data).hexdigest()
        files[name] = digest
        if old_files.get(name) == digest and (target / name).is_file():
            report.unchanged += 1
            continue
        _write(target / name, data)
        report.written.append(name)
    index = target / "index.html"
    if "index.html" not in files:  # the site's front door: the dashboard
        page = ('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>承诺台账</title>'
                '<meta http-equiv="refresh" content="0; url=reports/dashboard.html">'
                '<a href="reports/dashboard.html">看板</a></html>').encode("utf-8")
        digest = hashlib.sha256(page).hexdigest()
        files["index.html"] = digest
        if old_files.get("index.html") != digest or not index.is_file():
            _write(index, page)
            report.written.append("index.html")
        else:
            report.unchanged += 1
    for name in sorted(set(old_files) - set(files)):
        stale = target / name
        if stale.is_file():
            stale.unlink()
        report.removed.append(name)
    _write(manifest_path, json.dumps({"version": version, "last_modified": last_modified.isoformat(),
                                      "files": files}, ensure_ascii=False, indent=0).encode("utf-8"))
    return report


__all__ = ["MANIFEST", "PUBLISHED", "Publisher", "Report", "file_name", "publish"]
