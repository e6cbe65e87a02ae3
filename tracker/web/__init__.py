"""The editor's workbench: a Flask app built by ``create_app`` (an app factory, as in flaskr).

Configuration, later sources winning:

1. the defaults below;
2. ``instance/config.py`` (Python, optional);
3. the environment: ``DATABASE_URL``, ``SECRET_KEY``, and every ``TRACKER_<NAME>``
   (becomes ``<NAME>``; values are read as JSON when they parse, e.g.
   ``TRACKER_PUBLIC_READ=false``, ``TRACKER_CLAIM_SECONDS=300``);
4. the ``config`` mapping given to ``create_app`` (tests).

The instance folder is ``./instance`` (``TRACKER_INSTANCE`` moves it), as for the
other ``tracker`` commands. Without ``DATABASE_URL`` the database is
``instance/tracker.sqlite3``.

``SECRET_KEY`` (the environment or ``instance/config.py``) must be set to a long random value:
without one, or with a known default or a short one, the app refuses to start with a message
saying how to set it (``security.check_secret_key``). Only ``tracker demo`` passes
``generate_secret_key=True``, which makes one up once and keeps it in ``instance/secret_key``.
Apps built with ``TESTING`` in the ``config`` mapping (the test fixtures, which pass their own key)
are not checked; ``TRACKER_TESTING`` in the environment and ``TESTING`` in instance/config.py are
ignored, so a serving process cannot be put in testing mode from outside.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask import Config, Flask

from tracker.db.engine import database_url
from tracker.web import (api, auth, caching, db, documents, errors, feeds, filters, followup, pledges, progress,
                         reports, review, rows, security, units, validation)

DEFAULTS = {
    "PUBLIC_READ": True,  # anonymous readers may browse and export
    "CLAIM_SECONDS": 600,  # how long opening a pledge for review holds it
    "PAGE_SIZE": 50,
    # database connections each server process keeps open for reuse: at least its threads (tracker
    # serve's --threads, 4 by default, or gunicorn's), or the ones beyond it are opened and closed again on every request
    "DB_POOL_SIZE": 16,
    "API_PAGE_SIZE": 100,
    "LIST_COUNT_CAP": 10_000,  # the pledge list counts this far, then says "10000+"
    # bounds on one document (ingest refuses a file beyond them, with a message)
    "MAX_DOCUMENT_CHARS": 1_000_000,
    "MAX_DOCUMENT_PLEDGES": 5_000,
    "PUBLIC_MAX_AGE": 60,  # seconds a cache may serve a public view before asking again (tracker.web.caching)
    "WTF_CSRF_TIME_LIMIT": 12 * 3600,
    "WTF_I18N_ENABLED": False,  # WTForms' own zh messages (forms.ZhMeta), no Flask-Babel needed  # a token lives through a long review session
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_SAMESITE": "Lax",
}


def instance_path() -> Path:
    """``./instance``, or ``$TRACKER_INSTANCE``: the folder every ``tracker`` command shares."""
    return Path(os.path.abspath(os.environ.get("TRACKER_INSTANCE") or Path.cwd() / "instance"))


def load_config(config: dict | None = None):
    """The configuration ``create_app`` uses (see the module's docstring), without building an app:
    for commands that need only ``DATABASE_URL`` (``tracker user add``)."""
    instance = instance_path()
    cfg = Config(str(instance))
    cfg.from_mapping(DEFAULTS)
    cfg.from_pyfile("config.py", silent=True)
    if os.environ.get("DATABASE_URL"):
        cfg["DATABASE_URL"] = os.environ["DATABASE_URL"]
    if os.environ.get("SECRET_KEY"):
        cfg["SECRET_KEY"] = os.environ["SECRET_KEY"]
    cfg.from_prefixed_env("TRACKER")
    # Testing mode turns the secret-key check off: only a caller's own mapping (the test fixtures)
    # may switch it on, never the environment (TRACKER_TESTING) nor instance/config.py.
    cfg.pop("TESTING", None)
    if config:
        cfg.from_mapping(config)
    cfg.setdefault("DATABASE_URL", database_url(instance_path=instance))
    return cfg


def demo_secret_key(instance: Path) -> Path:
    """``instance/secret_key``, made once (64 hex digits, mode 600) and kept, so demo logins survive a restart."""
    path = instance / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        os.chmod(path, 0o600)
    return path


def create_app(config: dict | None = None, *, generate_secret_key: bool = False):
    """The app. ``generate_secret_key`` is for ``tracker demo`` alone: without a configured
    ``SECRET_KEY`` it uses ``instance/secret_key`` (made once) instead of refusing to start."""
    # The instance folder is ./instance, as for `tracker db` and `tracker ingest`, so every
    # command run from the project root meets the same database (TRACKER_INSTANCE moves it).
    instance = instance_path()
    app = Flask(__name__, instance_relative_config=True, instance_path=str(instance))
    app.config.update(load_config(config))
    instance.mkdir(parents=True, exist_ok=True)
    if generate_secret_key and not app.config.get("SECRET_KEY"):
        path = demo_secret_key(instance)
        app.config["SECRET_KEY"] = path.read_text().strip()
        app.config["SECRET_KEY_FILE"] = str(path)

    security.init_app(app)  # headers, cookie flags, proxy setting, secret key check, login throttling
    validation.init_app(app)  # every request's input checked once (before any route is added: the int converter)

    app.json.ensure_ascii = False  # Chinese stays readable in the API
    db.init_app(app)
    errors.init_app(app)  # a service error: its Chinese message and status code, in one place
    auth.init_app(app)
    filters.init_app(app)
    rows.init_app(app)  # the lists' rows written by Python
    caching.init_app(app)  # ETag / 304 / Cache-Control for anonymous readers' public views
    app.register_blueprint(auth.bp)
    app.register_blueprint(documents.bp)
    app.register_blueprint(pledges.bp)
    app.register_blueprint(review.bp)
    app.register_blueprint(reports.bp)
    app.register_blueprint(followup.bp)
    api.init_app(app)
    progress.init_app(app)  # 进展报送, 督办通知单, and the fence around unit accounts
    feeds.init_app(app)  # Atom feeds of the list and of a pledge's history
    units.init_app(app)  # the admin's page of the responsible units (牵头单位) and their accounts
    app.add_url_rule("/", endpoint="index", view_func=documents.index)
    app.add_url_rule("/favicon.ico", endpoint="favicon",  # browsers ask for it whatever the page links
                     view_func=lambda: app.send_static_file("favicon.svg"))
    security.throttle_logins(app, "auth.login")
    return app
