"""Conditional requests for the public views: ``ETag`` / ``Last-Modified`` from the data's last change,
``304 Not Modified``, and ``Cache-Control`` so that a reverse proxy or CDN serves repeat views.

The public views (``PUBLIC_ENDPOINTS``: the 台账 and its exports, the status tables and their files,
the dashboard, the scorecards, the pledge list and pages, the pledge API) show the same thing to every
anonymous reader for the same URL, until the data changes or the day does (flags and progress are
reckoned on today in Asia/Shanghai). So, for an anonymous GET of one of them:

* ``data_version`` asks the database one cheap question: the highest id and the time of the last
  entry of the append-only trails (``audit_event``: every change a person or the extractor makes,
  ingest included; ``status_event``: every verdict), and the highest pledge and document ids. Each
  is an index look-up, whatever the size of the tables.
* The ``ETag`` is a digest of that answer, today's date and ``CACHE_SALT`` (the package version
  unless configured: a new release's pages differ); ``Last-Modified`` the later of the last
  change and the start of today in Asia/Shanghai.
* A request whose ``If-None-Match`` holds the ETag (or, without one, whose ``If-Modified-Since`` is
  not before ``Last-Modified``) is answered ``304 Not Modified`` before the view runs: no query
  beyond that one, no template.
* A 200 carries the ETag, ``Last-Modified`` and ``Cache-Control: public, max-age=PUBLIC_MAX_AGE``
  (60 s by default): a cache may serve it that long, then asks again with ``If-None-Match``.

Logged-in readers get ``Cache-Control: private, no-cache`` on the same views (their pages carry
their name and forms). Pages for anonymous readers carry no session cookie and no CSRF token,
so one cached copy serves every anonymous reader (Flask adds ``Vary: Cookie``).

What the version does not see: changes written to the database outside tracker's services (by
hand, in SQL) that add no audit or status event; ``PUBLIC_MAX_AGE`` bounds how long a cache
keeps such a view, and ``tracker publish`` rewrites from the data itself.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import threading
import time
from collections import OrderedDict

from flask import current_app, g, request
from flask_login import current_user

import tracker
from tracker.services import queries
from tracker.web.db import get_session

SHANGHAI = dt.timezone(dt.timedelta(hours=8))  # Asia/Shanghai keeps no daylight saving time

#: the views every anonymous reader sees alike (GET and HEAD)
PUBLIC_ENDPOINTS = frozenset({
    "reports.pledges", "reports.export", "reports.status_table", "reports.status_export", "reports.dashboard",
    "reports.district_card", "reports.official_card", "pledges.index", "pledges.view", "api.pledges",
    "api.pledge",
})


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value.astimezone(dt.timezone.utc)


def data_version(session) -> tuple[str, dt.datetime | None]:
    """(a token that changes whenever the public data does, the time of the last recorded change)."""
    audit_id, audit_at, status_id, status_at, pledge_id, document_id = queries.data_version(session)
    changed = [t for t in (_utc(audit_at), _utc(status_at)) if t is not None]
    return f"{audit_id}.{status_id}.{pledge_id}.{document_id}", max(changed, default=None)


def validators(session, now: dt.datetime | None = None) -> tuple[str, dt.datetime]:
    """(ETag, Last-Modified) of the public views now."""
    now = now or dt.datetime.now(dt.timezone.utc)
    today = now.astimezone(SHANGHAI).date()
    version, changed = data_version(session)
    g.data_version = version
    salt = current_app.config.get("CACHE_SALT") or _package_version()
    etag = hashlib.sha256(f"{salt}|{today.isoformat()}|{version}".encode()).hexdigest()[:32]
    day_start = dt.datetime.combine(today, dt.time(), SHANGHAI).astimezone(dt.timezone.utc)
    last = max(changed, day_start) if changed else day_start
    return etag, min(last, now).replace(microsecond=0)


#: counts of views (the pledge list's "10000+", the review queue's total), each app its own
#: (``app.extensions["tracker.counts"]``), by (what, arguments, data version, day): a count reads up
#: to 10,001 index entries, the version one row of each trail
COUNT_ENTRIES = 512
COUNT_SECONDS = 60.0  # a count is taken again after this long even when the version has not moved


def request_version(session) -> str:
    """``data_version`` once per request (the view's counts and the validators share it)."""
    version = g.get("data_version")
    if version is None:
        version = g.data_version = data_version(session)[0]
    return version


def cached_count(session, what: str, args, count, patch=None) -> int:
    """``count()``, or the number it gave for the same ``what`` and ``args`` (hashable) since the data
    last changed (``data_version``, read first: a count taken after it is never older than it) and
    within ``COUNT_SECONDS``. Each server process keeps its own."""
    return cached(session, what, args, count, patch)


def cached(session, what: str, args, read, patch=None, most: int = 20):
    """``read()`` (a count, or another small answer that only a data change moves: the district names
    of a page's datalist), kept as ``cached_count`` keeps counts. Give it an immutable answer.

    With ``patch``, for an answer that a plain confirmation of a pending pledge changes in a way worked out
    from that pledge alone (the reviewer's queue: the pledge joins a list, or none): when the data moved
    since the newest answer kept for ``what`` and ``args`` by such confirmations only
    (``queries.confirmed_pending``: every audit event in between a confirmation as read of a pending pledge
    never rated; no status event, pledge or document added), the answer is ``patch(that answer, [pledge
    ids])`` instead of ``read()`` (``patch`` may return None: then ``read()``). A patched answer keeps the
    time of the answer it came from, so ``COUNT_SECONDS`` bounds how long any answer lives unread. ``most``:
    the most audit events a patch may span (more: ``read()``); an answer asked less often than the data
    changes (one district's scorecard among ninety) needs a wider span than one every request reads."""
    version = request_version(session)
    day = dt.datetime.now(SHANGHAI).date()
    key = (what, args, version, day)
    now = time.monotonic()
    _counts, _counts_lock = current_app.extensions["tracker.counts"]
    latest = current_app.extensions["tracker.latest"]
    with _counts_lock:
        found = _counts.get(key)
        if found is not None and now - found[1] < COUNT_SECONDS:
            _counts.move_to_end(key)
            return found[0]
        base = latest.get((what, args)) if patch is not None else None
    value, taken = None, now
    if base is not None and base[1] == day and now - base[3] < COUNT_SECONDS:
        ids = _confirmed_between(session, base[0], version, most)
        if ids is not None:
            value, taken = patch(base[2], ids), base[3]
    if value is None:
        value, taken = read(), now
    with _counts_lock:
        _counts[key] = (value, taken)
        _counts.move_to_end(key)
        while len(_counts) > COUNT_ENTRIES:
            _counts.popitem(last=False)
        if patch is not None:
            kept = latest.get((what, args))
            if kept is None or kept[1] != day or _audit_id(kept[0]) <= _audit_id(version):
                latest[(what, args)] = (version, day, value, taken)
                latest.move_to_end((what, args))
                while len(latest) > COUNT_ENTRIES:
                    latest.popitem(last=False)
    return value


def _audit_id(version: str) -> int:
    head = version.split(".", 1)[0]
    return int(head) if head.isdigit() else 0


def _confirmed_between(session, old: str, new: str, most: int = 20) -> list[int] | None:
    """The pledges plain confirmations took from pending to confirmed between two data versions, when
    nothing else changed (``queries.confirmed_pending``); else None."""
    before, after = old.split("."), new.split(".")
    if before[1:] != after[1:] or not (before[0].isdigit() and after[0].isdigit()):
        return None
    # once a request: the answers a view keeps (the list's count and its districts' menu, the 台账's) were
    # mostly read together, so they ask for the same range (two statements each time before load18)
    asked = g.setdefault("confirmed_between", {})
    if (old, new, most) not in asked:
        asked[(old, new, most)] = queries.confirmed_pending(session, int(before[0]), int(after[0]), most=most)
    return asked[(old, new, most)]


def _package_version() -> str:
    return tracker.__version__


def _public() -> bool:
    return (request.method in ("GET", "HEAD") and request.endpoint in PUBLIC_ENDPOINTS
            and not current_user.is_authenticated)


def cacheable() -> bool:
    """This request is an anonymous reader's public view (its page carries no CSRF token)."""
    return g.get("public_validators") is not None


def init_app(app) -> None:
    app.config.setdefault("PUBLIC_MAX_AGE", 60)
    app.extensions["tracker.counts"] = (OrderedDict(), threading.Lock())
    # (what, args) → (version, day, answer, time) of the newest answer kept: what ``cached`` patches
    app.extensions["tracker.latest"] = OrderedDict()
    app.jinja_env.globals["cacheable"] = cacheable

    @app.before_request
    def conditional():
        if not _public():
            return None
        etag, last_modified = g.public_validators = validators(get_session())
        if request.if_none_match:
            fresh = request.if_none_match.contains(etag)
        else:
            since = request.if_modified_since
            fresh = since is not None and since >= last_modified
        if not fresh:
            return None
        response = app.response_class(status=304)
        _stamp(response, etag, last_modified)
        return response

    @app.after_request
    def stamp(response):
        found = g.get("public_validators")
        if found is not None and response.status_code == 200:
            _stamp(response, *found)
        elif request.endpoint in PUBLIC_ENDPOINTS and response.status_code < 500 and current_user.is_authenticated:
            # (an error page, the 503 of a database that is down above all, asks no more of the database)
            response.headers.setdefault("Cache-Control", "private, no-cache")
        return response


def _stamp(response, etag: str, last_modified: dt.datetime) -> None:
    response.set_etag(etag)
    response.last_modified = last_modified
    response.headers["Cache-Control"] = f"public, max-age={int(current_app.config['PUBLIC_MAX_AGE'])}"


__all__ = ["PUBLIC_ENDPOINTS", "cacheable", "cached", "cached_count", "data_version", "init_app", "validators"]
