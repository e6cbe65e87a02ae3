"""Does a change to the pages' queries leave the pages identical? Render them, then compare.

    python bench/pages_identical.py --url URL --dump /tmp/before    # the code before (PYTHONPATH=that checkout)
    python bench/pages_identical.py --url URL --check /tmp/before   # the new: 0 differences, else exit 1

For a change meant to make pages faster without changing what they show. ``URL`` is a database filled
by ``bench/pages.py`` (or ``bench/load.sh``'s steps): the people ``pages-editor`` and ``pages-reviewer``
must exist (``bench/pages.py`` adds them). Each page is asked as an editor, a reviewer and anonymously:
the lists (default, filtered, by status, each flag, searched, sorted by deadline, as of a past day) with
the next two pages their links name, the review queue, pledge and document pages, the 台账 (now and as of
that day), the status table and dashboard, district and official scorecards (now and as of that day),
the reviewer's queue, CSV exports and the JSON API. What is written is the status code and the body,
CSRF tokens blanked. Nothing is changed in the database.

A scorecard is read with all its pages (its pager's "下一页" links). Since its cards are paged (2026-12-04,
branch card15) a scorecard changes by design: ``--check DIR --fold-scorecards`` compares each scorecard as
what it shows whatever its paging (its status code, its heading and figures, and its cards over all its
pages in order), so a dump of the code before the paging checks the paged pages; every other page is
compared whole as before.
"""
from __future__ import annotations

import argparse
import difflib
import hashlib
import html
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import pages  # noqa: E402

CSRF = re.compile(r'((?:name="csrf_token" type="hidden" value=|name="csrf-token" content=|"csrf_token": )")[^"]+')
NEXT = re.compile(r'href="(/(?:pledges|reports)/[^"]*after=[^"]*)"')
SCORECARD = re.compile(r" /reports/(?:districts|officials)/\d+")
PAGER_NEXT = re.compile(r'<a href="([^"]+)" rel="next">')
CARDS = re.compile(r'<article class="card pledge-card".*?</article>', re.S)
HEAD = re.compile(r'<div class="page-head">.*?</section>', re.S)  # the heading, the figures


def paths(url: str) -> list[str]:
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.connect() as conn:
        q = lambda sql: conn.execute(sa.text(sql)).scalar_one()  # noqa: E731
        district = q("SELECT district_id FROM pledge WHERE district_id IS NOT NULL GROUP BY district_id "
                     "ORDER BY count(*) DESC, district_id LIMIT 1")
        official = q("SELECT official_id FROM pledge WHERE official_id IS NOT NULL GROUP BY official_id "
                     "ORDER BY count(*) DESC, official_id LIMIT 1")
        rated = q("SELECT max(pledge_id) FROM status_event WHERE kind = 'effective'")
        proposed = q("SELECT max(pledge_id) FROM status_event WHERE kind = 'proposed'")
        top, doc = q("SELECT max(id) FROM pledge"), q("SELECT max(id) FROM document")
        day = q("SELECT max(as_of_on) FROM status_event")
    engine.dispose()
    as_of = f"as_of={day.isoformat() if hasattr(day, 'isoformat') else str(day)[:10]}"
    lists = ["", f"district={district}&review_state=confirmed", "status=unassessed", "status=in_progress",
             "status=done", "flag=red", "flag=yellow", "flag=blue", "q=%E5%B9%BC%E5%84%BF%E5%9B%AD", "sort=due_on",
             as_of, f"{as_of}&status=done", f"{as_of}&flag=red", f"{as_of}&district={district}", "review_state=all"]
    out = [f"/pledges/?{x}" for x in lists] + [f"/reports/?{x}" for x in lists]
    out += ["/review/", f"/pledges/{top}", f"/pledges/{rated}", f"/pledges/{proposed}", f"/pledges/{top // 2}",
            f"/documents/{doc}", f"/documents/{doc // 2}", "/reports/status", f"/reports/status?{as_of}",
            "/reports/status?by=official", "/reports/dashboard", f"/reports/dashboard?{as_of}",
            f"/reports/districts/{district}", f"/reports/districts/{district}?{as_of}",
            f"/reports/districts/{district}?flag=yellow", f"/reports/officials/{official}",
            f"/reports/officials/{official}?{as_of}", "/reports/queue", f"/reports/export.csv?official={official}",
            f"/reports/export.csv?official={official}&{as_of}", "/reports/export.csv?flag=yellow",
            "/api/pledges?limit=50", f"/api/pledges?limit=50&{as_of}", "/api/pledges?limit=50&flag=yellow",
            f"/api/pledges/{rated}", f"/api/pledges/{proposed}"]
    return out


def ask(client, path: str, out: dict, who: str) -> str:
    response = client.get(path)
    body = CSRF.sub(r"\1-", response.get_data(as_text=True))
    response.close()
    out[f"{who} {path}"] = f"{response.status_code}\n{body}"
    return body


def render(url: str) -> dict[str, str]:
    from tracker.web import create_app

    app = create_app({"DATABASE_URL": url, "SECRET_KEY": pages.SECRET})
    clients = {"editor": pages.log_in(app, "editor"), "reviewer": pages.log_in(app, "reviewer"),
               "anonymous": app.test_client()}
    out = {}
    for who, client in clients.items():
        for path in paths(url):
            body = ask(client, path, out, who)
            while SCORECARD.match(f" {path}") and (pager := PAGER_NEXT.search(body)):  # all its pages
                path = html.unescape(pager.group(1))
                body = ask(client, path, out, who)
            for _ in range(2 if path.startswith(("/pledges/?", "/reports/?")) else 0):  # the next two pages
                nxt = [p for p in map(html.unescape, NEXT.findall(body)) if f"{who} {p}" not in out][:1]
                if not nxt:
                    break
                body = ask(client, nxt[0], out, who)
    return out


def folded(pages: dict[str, str]) -> dict[str, str]:
    """The pages with each scorecard as what it shows whatever its paging: its first page's status code,
    heading and figures, then the cards of all its pages in order (its later pages folded into it)."""
    out = {}
    for key, text in pages.items():
        if not SCORECARD.search(key):
            out[key] = text
            continue
        if "page=" in key:
            continue
        who = key.split(" ", 1)[0]
        status, _, body = text.partition("\n")
        head = HEAD.search(body)
        cards, page = [], body
        while True:
            cards += CARDS.findall(page)
            pager = PAGER_NEXT.search(page)
            following = pages.get(f"{who} {html.unescape(pager.group(1))}") if pager else None
            if following is None:
                break
            page = following.partition("\n")[2]
        out[key] = "\n".join([status, head.group(0) if head else body, *cards])
    return out


def name_of(key: str) -> str:
    return hashlib.sha1(key.encode()).hexdigest()[:16] + ".txt"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True)
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--dump", type=Path)
    what.add_argument("--check", type=Path)
    parser.add_argument("--fold-scorecards", action="store_true",
                        help="compare scorecards as their figures and all their pages' cards (paged since card15)")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory(prefix="tracker-pages-identical-")
    os.environ["TRACKER_INSTANCE"] = tmp.name
    rendered = render(args.url)
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
        (args.dump / "index.txt").write_text("".join(f"{name_of(k)} {k}\n" for k in rendered), encoding="utf-8")
        for key, text in rendered.items():
            with open(args.dump / name_of(key), "w", encoding="utf-8", newline="") as out:  # CSV's \r\n kept
                out.write(text)
        print(f"{len(rendered)} pages written to {args.dump}")
        return 0
    index = dict(line.split(" ", 1) for line in (args.check / "index.txt").read_text(encoding="utf-8").splitlines())
    before = {}
    for name, key in index.items():
        with open(args.check / name, encoding="utf-8", newline="") as f:
            before[key] = f.read()
    if args.fold_scorecards:
        pages_after = sum(1 for k in rendered if SCORECARD.search(k) and "page=" in k)
        before, rendered = folded(before), folded(rendered)
        print(f"scorecards folded: {sum(1 for k in rendered if SCORECARD.search(k))} compared as their figures "
              f"and the cards of all their pages ({pages_after} pages after a first folded into it)")
    differ = [k for k in sorted(set(before) | set(rendered)) if before.get(k) != rendered.get(k)]
    for key in differ[:5]:
        print(f"--- {key}")
        print("".join(list(difflib.unified_diff((before.get(key) or "").splitlines(True),
                                                (rendered.get(key) or "").splitlines(True), n=1))[:40]))
    statuses = sorted({text.split("\n", 1)[0] for text in rendered.values()})
    print(f"{len(rendered)} pages (status codes {', '.join(statuses)}), {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
