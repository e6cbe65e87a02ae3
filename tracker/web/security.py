"""Security headers, cookie flags, the proxy setting, the secret key check and login throttling.

``init_app(app)`` (create_app calls it once) adds:

* on every response a strict ``Content-Security-Policy`` (only this site's own scripts, styles
  and images; no inline script or style attribute, no framing), ``X-Frame-Options: DENY``,
  ``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: same-origin``;
* session and remember-me cookies ``HttpOnly`` and ``SameSite=Lax``, and ``Secure`` whenever the
  request came over TLS. Behind a TLS-terminating proxy set ``TRACKER_PROXY_HOPS=1`` (the number
  of proxies in front): only then are ``X-Forwarded-Proto``/``-For``/``-Host`` believed
  (Werkzeug's ProxyFix); without it they are ignored, so a client cannot forge them;
* a refusal to start (``InsecureConfig``) without a ``SECRET_KEY``, or with one shorter than 32
  characters or too easy to guess by zxcvbn's estimate (repeats, sequences, words: ``dev``,
  ``abcdefgh`` * 4); the message says how to set one. Only ``tracker demo`` makes one up
  (``create_app(generate_secret_key=True)``);
* a database that went away (restart, network) answers 503 with a Chinese message and
  ``Retry-After``, never a traceback page; the pool's pre-ping reconnects once it is back.

``throttle_logins(app, endpoint)`` (create_app calls it for ``auth.login``) puts two Flask-Limiter
limits on the login's POST: ``LOGIN_FAILURES_PER_NAME`` (5) failed logins for one account name and
``LOGIN_FAILURES_PER_ADDRESS`` (20) from one address within ``LOGIN_WINDOW_SECONDS`` (300, a moving
window). Only failures count (a 400: wrong name or password, or a broken form); once a limit is
reached every attempt answers 429 with a Chinese message and ``Retry-After`` until the window has
passed, even with the right password; a successful login clears the name's count. The counts live
in ``RATELIMIT_STORAGE_URI`` (Flask-Limiter's setting; ``TRACKER_RATELIMIT_STORAGE_URI`` in the
environment): ``memory://`` by default, which is one count per server process, or
``redis://host:6379`` / ``memcached://host:11211`` shared by every process that names it (install
``tracker[redis]`` or ``tracker[memcached]``). Should that store go away, each process counts in
its own memory until it is back (Flask-Limiter's in-memory fallback), so logins keep working.
"""
from __future__ import annotations

import hashlib
import time

from sqlalchemy import exc as sa_exc
from flask import Flask, has_request_context, jsonify, render_template, request
from flask.sessions import SecureCookieSessionInterface
from flask_limiter import Limiter, RateLimitExceeded
from werkzeug.middleware.proxy_fix import ProxyFix
from zxcvbn import zxcvbn

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
    # Flask-Limiter's own settings (https://flask-limiter.readthedocs.io/en/stable/configuration.html)
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_KEY_PREFIX": "tracker",
    "RATELIMIT_FAIL_ON_FIRST_BREACH": False,  # test both limits, so Retry-After is the longer wait
    "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,  # a shared store gone: count in this process meanwhile
    "RATELIMIT_SWALLOW_ERRORS": True,  # and a store failing mid-request is logged, never a 500 at login
}
MIN_KEY_LENGTH = 32
#: The guesses (log10) zxcvbn must estimate a key needs: 10**19 (about 63 bits). Its estimate sees
#: repeats ("abcdefgh" * 4: 10**2), sequences, keyboard walks, dates and dictionary words, so a
#: weak key is refused by what it is made of, not by a list; ``secrets.token_hex(16)`` gives 10**32.
MIN_KEY_GUESSES_LOG10 = 19
HOW_TO_SET_KEY = ("请在环境变量或 instance/config.py 中把 SECRET_KEY 设为一个足够长的随机值，例如 "
                  "export SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
                  "（只有 tracker demo 会自己生成一个）")
OUTAGE_PAGE = ('<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>503 数据库暂时不可用</title>'
               '<link rel="stylesheet" href="/static/app.css"></head><body><main><h1>503</h1><p>{message}</p>'
               '<p><a href="/">返回首页</a></p></main></body></html>\n')
THROTTLED = "登录失败次数过多，请约 {minutes} 分钟后再试"


class InsecureConfig(RuntimeError):
    """The app refuses to start: the message says what to set."""


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, its cookie ``Secure`` whenever the request came over TLS."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return super().get_cookie_secure(app) or (has_request_context() and request.is_secure)


def secret_key_problem(key) -> str | None:
    """What is wrong with ``key`` as a secret key, or None."""
    if not key:
        return "未设置"
    text = key.decode("latin-1") if isinstance(key, bytes) else str(key)
    if len(text) < MIN_KEY_LENGTH:
        return f"只有 {len(text)} 个字符，少于 {MIN_KEY_LENGTH} 个"
    guesses = key_guesses_log10(text)
    if guesses < MIN_KEY_GUESSES_LOG10:
        return (f"太容易猜到（按其中的重复、连续字符和单词估计约 10^{guesses:.0f} 次即可猜中，"
                f"至少须 10^{MIN_KEY_GUESSES_LOG10} 次）")
    return None


def key_guesses_log10(text: str) -> float:
    """zxcvbn's estimate (log10 of the guesses) for ``text``, its first 100 characters (zxcvbn grows
    quadratically with the length; a longer key only gains)."""
    return float(zxcvbn(text[:100])["guesses_log10"])


def check_secret_key(app: Flask) -> None:
    """Refuse to start without a strong ``SECRET_KEY`` (not checked when ``TESTING``)."""
    if app.testing:
        return
    problem = secret_key_problem(app.config.get("SECRET_KEY"))
    if problem:
        raise InsecureConfig(f"SECRET_KEY {problem}：{HOW_TO_SET_KEY}")


def _name_key() -> str:
    """The account name tried, hashed: no names in the store, and keys any store accepts."""
    name = (request.form.get("name") or "").strip()[:200]
    return "name:" + hashlib.sha256(name.encode("utf-8", "replace")).hexdigest()[:32]


def _address_key() -> str:
    return f"addr:{request.remote_addr or '?'}"


def _failed(response) -> bool:
    return response.status_code == 400  # a wrong name or password, or a broken form


def throttle_logins(app: Flask, endpoint: str) -> None:
    """Flask-Limiter's limits on ``endpoint``'s POST: failures per account name and per address."""
    limiter: Limiter = app.extensions["tracker.limiter"]
    window = int(app.config["LOGIN_WINDOW_SECONDS"])
    view = app.view_functions[endpoint]
    for count, key in ((app.config["LOGIN_FAILURES_PER_NAME"], _name_key),
                       (app.config["LOGIN_FAILURES_PER_ADDRESS"], _address_key)):
        view = limiter.limit(f"{int(count)} per {window} seconds", key_func=key, methods=["POST"],
                             deduct_when=_failed)(view)
    app.view_functions[endpoint] = view

    @app.after_request
    def clear_after_login(response):
        if request.endpoint == endpoint and request.method == "POST" and response.status_code == 302:
            name_key = _name_key()
            for limit in limiter.current_limits:
                if name_key in limit.request_args:  # a successful login clears the name's count
                    try:
                        limiter.limiter.clear(limit.limit, *limit.request_args)
                    except Exception as exc:  # the store went away: the count lapses with its window
                        app.logger.warning("login throttle: could not clear a count: %s", exc)
        return response

    @app.errorhandler(RateLimitExceeded)
    def throttled(exc):
        now = time.time()
        wait = max([int(limit.reset_at - now) + 1 for limit in limiter.current_limits if limit.breached] or [1])
        message = THROTTLED.format(minutes=max(1, round(wait / 60)))
        if request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json":
            response = jsonify(error=message)
        else:
            response = app.make_response(render_template("error.html", code=429, message=message))
        response.status_code = 429
        response.headers["Retry-After"] = str(wait)
        return response


#: Flask-Limiter's settings of limits that only its ``before_request`` check applies (on every request)
MIDDLEWARE_LIMITS = ("RATELIMIT_DEFAULT", "RATELIMIT_APPLICATION", "RATELIMIT_META")


def _check_decorated_views_only(app: Flask, limiter: Limiter) -> None:
    """Take Flask-Limiter's ``before_request`` check off every request when no limit but the decorated
    login's is configured (``MIDDLEWARE_LIMITS`` unset, as by default). A decorated view checks its own
    limits when it is called, and that check alone counts: the hook, run on every page, resolved the
    request's limits to none and cost 0.2-0.4 ms a request (a sixth of the floor every page pays).
    Flask-Limiter 4 has no switch for it, so the hook is taken from the app's list."""
    if any(app.config.get(name) for name in MIDDLEWARE_LIMITS):
        return
    hooks = app.before_request_funcs.get(None, [])
    kept = [f for f in hooks if getattr(f, "__self__", None) is not limiter]
    if len(kept) != len(hooks) - 1:  # a Flask-Limiter that hooks in otherwise: leave it as it is
        app.logger.warning("login throttling: Flask-Limiter's request hook not found; it stays on")
        return
    app.before_request_funcs[None] = kept


def init_app(app: Flask) -> None:
    for name, value in DEFAULTS.items():
        app.config.setdefault(name, value)
    check_secret_key(app)

    hops = int(app.config["PROXY_HOPS"] or 0)
    if hops > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    app.session_interface = SessionInterface()
    # Moving windows count exactly (memory, Redis); memcached has only the sliding-window counter.
    app.config.setdefault("RATELIMIT_STRATEGY", "sliding-window-counter"
                          if str(app.config["RATELIMIT_STORAGE_URI"]).startswith("memcached") else "moving-window")
    limiter = app.extensions["tracker.limiter"] = Limiter(_address_key, app=app)
    _check_decorated_views_only(app, limiter)
    uri = str(app.config["RATELIMIT_STORAGE_URI"])
    if not uri.startswith("memory://") and not limiter.storage.check():
        # Flask-Limiter would fall back to memory without a word in the server's log: say it once here.
        app.logger.warning("login throttling: the store %s does not answer; each process counts on its own "
                           "until it does", uri.split("@")[-1])

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
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if request.is_secure:  # the other cookies (remember-me); the session's is set later, by SessionInterface
            cookies = response.headers.getlist("Set-Cookie")
            if cookies and any("secure" not in c.lower() for c in cookies):
                response.headers.remove("Set-Cookie")
                for cookie in cookies:
                    response.headers.add("Set-Cookie", cookie if "; secure" in cookie.lower() else cookie + "; Secure")
        return response


__all__ = ["CSP", "HEADERS", "InsecureConfig", "check_secret_key", "init_app", "key_guesses_log10", "secret_key_problem",
           "throttle_logins"]
