"""Security headers, cookie flags, the proxy setting, the secret key check and login throttling.

``init_app(app)`` (create_app calls it once) adds:

* on every response a strict ``Content-Security-Policy`` (only this site's own scripts, styles
  and images; no inline script or style attribute, no framing), ``X-Frame-Options: DENY``,
  ``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: same-origin``;
* session and remember-me cookies ``HttpOnly`` and ``SameSite=Lax``, and ``Secure`` whenever the
  request came over TLS. Behind a TLS-terminating proxy set ``TRACKER_PROXY_HOPS=1`` (the number
  of proxies in front): only then are ``X-Forwarded-Proto``/``-For``/``-Host`` believed
  (Werkzeug's ProxyFix); without it they are ignored, so a client cannot forge them;
* a refusal to start with a secret key that is a known default or shorter than 12 characters
  (``tracker demo`` and ``tracker serve`` generate a random one per instance when none is set);
* login throttling, in process: after ``LOGIN_FAILURES_PER_NAME`` (5) failed logins for one
  account name, or ``LOGIN_FAILURES_PER_ADDRESS`` (20) from one address, within
  ``LOGIN_WINDOW_SECONDS`` (300), further attempts answer 429 with a Chinese message and a
  ``Retry-After`` until the window has passed. A successful login clears the name's count.
  The counts live in the server process (one waitress process: one count; several gunicorn
  workers each keep their own, so the bound multiplies by the number of workers);
* a database that went away (restart, network) answers 503 with a Chinese message and
  ``Retry-After``, never a traceback page; the pool's pre-ping reconnects once it is back.
"""
from __future__ import annotations

import threading
import time
from collections import deque

from sqlalchemy import exc as sa_exc
from flask import Flask, has_request_context, jsonify, render_template, request
from flask.sessions import SecureCookieSessionInterface

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
DEFAULTS = {
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    "PROXY_HOPS": 0,
    "LOGIN_FAILURES_PER_NAME": 5,
    "LOGIN_FAILURES_PER_ADDRESS": 20,
    "LOGIN_WINDOW_SECONDS": 300,
}
WEAK_KEYS = {"dev", "development", "secret", "secret-key", "secret_key", "changeme", "change-me", "default",
             "flask", "tracker", "test", "testing", "key", "password", "your-secret-key"}
MIN_KEY_LENGTH = 12
OUTAGE_PAGE = ('<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>503 数据库暂时不可用</title>'
               '<link rel="stylesheet" href="/static/app.css"></head><body><main><h1>503</h1><p>{message}</p>'
               '<p><a href="/">返回首页</a></p></main></body></html>\n')
MAX_TRACKED = 10_000  # names and addresses remembered at once (oldest forgotten first)


class InsecureConfig(RuntimeError):
    """The app refuses to start: the message says what to set."""


class LoginThrottle:
    """Failed logins per key (an account name, an address) in a sliding window; thread-safe."""

    def __init__(self, window: float, clock=time.monotonic) -> None:
        self.window = window
        self.clock = clock
        self._failures: dict[str, deque] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque:
        q = self._failures.get(key)
        if q is None:
            return deque()
        while q and q[0] <= now - self.window:
            q.popleft()
        if not q:
            del self._failures[key]
        return q

    def retry_after(self, key: str, limit: int) -> int:
        """Seconds until ``key`` may try again (0: now)."""
        with self._lock:
            now = self.clock()
            q = self._recent(key, now)
            return int(q[0] + self.window - now) + 1 if len(q) >= limit else 0

    def fail(self, key: str) -> None:
        with self._lock:
            now = self.clock()
            self._recent(key, now)
            if key not in self._failures and len(self._failures) >= MAX_TRACKED:
                del self._failures[next(iter(self._failures))]
            self._failures.setdefault(key, deque()).append(now)

    def clear(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, its cookie ``Secure`` whenever the request came over TLS."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return super().get_cookie_secure(app) or (has_request_context() and request.is_secure)


def check_secret_key(app: Flask) -> None:
    key = app.config.get("SECRET_KEY")
    if app.testing:
        return
    if not key or (isinstance(key, str) and (key.strip().lower() in WEAK_KEYS or len(key) < MIN_KEY_LENGTH)):
        raise InsecureConfig("SECRET_KEY is missing, a known default or shorter than "
                             f"{MIN_KEY_LENGTH} characters: set SECRET_KEY to a long random value "
                             "(python -c 'import secrets; print(secrets.token_hex(32))') or unset it "
                             "to have one generated into instance/secret_key")


def init_app(app: Flask) -> None:
    for name, value in DEFAULTS.items():
        app.config.setdefault(name, value)
    check_secret_key(app)

    hops = int(app.config["PROXY_HOPS"] or 0)
    if hops > 0:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    app.session_interface = SessionInterface()
    throttle = LoginThrottle(float(app.config["LOGIN_WINDOW_SECONDS"]))
    app.extensions["tracker.login_throttle"] = throttle

    def login_keys() -> tuple[str, str]:
        name = (request.form.get("name") or "").strip()[:200]
        return f"name:{name}", f"addr:{request.remote_addr or '?'}"

    @app.before_request
    def throttle_logins():
        if request.endpoint != "auth.login" or request.method != "POST":
            return None
        name_key, addr_key = login_keys()
        wait = max(throttle.retry_after(name_key, int(app.config["LOGIN_FAILURES_PER_NAME"])),
                   throttle.retry_after(addr_key, int(app.config["LOGIN_FAILURES_PER_ADDRESS"])))
        if not wait:
            return None
        minutes = max(1, round(wait / 60))
        message = f"登录失败次数过多，请约 {minutes} 分钟后再试"
        if request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json":
            response = jsonify(error=message)
        else:
            response = app.make_response(render_template("error.html", code=429, message=message))
        response.status_code = 429
        response.headers["Retry-After"] = str(wait)
        return response

    @app.errorhandler(sa_exc.OperationalError)
    @app.errorhandler(sa_exc.InterfaceError)
    def database_unavailable(exc):
        """The database went away (a restart, a network cut): 503 and a message, never a traceback.
        The pool pre-pings (engine.py), so the first request after it is back reconnects."""
        app.logger.warning("database unavailable: %s", exc.__class__.__name__)
        message = "数据库暂时无法连接，请稍后重试（你的修改没有保存）"
        if request.path.startswith("/api/"):
            response = jsonify(error=message)
        else:
            # A page of its own: base.html asks the database who is logged in, and it is gone.
            response = app.make_response(OUTAGE_PAGE.format(message=message))
        response.status_code = 503
        response.headers["Retry-After"] = "5"
        return response

    @app.after_request
    def headers(response):
        if request.endpoint == "auth.login" and request.method == "POST" and response.status_code != 429:
            name_key, addr_key = login_keys()
            if response.status_code == 302:  # logged in
                throttle.clear(name_key)
            elif response.status_code == 400:  # a wrong name or password (or a broken form)
                throttle.fail(name_key)
                throttle.fail(addr_key)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if request.is_secure:  # the other cookies (remember-me); the session's is set later, by SessionInterface
            cookies = response.headers.getlist("Set-Cookie")
            if cookies and any("secure" not in c.lower() for c in cookies):
                response.headers.remove("Set-Cookie")
                for cookie in cookies:
                    response.headers.add("Set-Cookie", cookie if "; secure" in cookie.lower() else cookie + "; Secure")
        return response


__all__ = ["CSP", "HEADERS", "InsecureConfig", "LoginThrottle", "check_secret_key", "init_app"]
