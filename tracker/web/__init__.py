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
``instance/tracker.sqlite3``. Without a
``SECRET_KEY`` one is made once and kept in ``instance/secret_key``, so logins
survive a restart.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path

DEFAULTS = {
    "PUBLIC_READ": True,  # anonymous readers may browse and export
    "CLAIM_SECONDS": 600,  # how long opening a pledge for review holds it
    "PAGE_SIZE": 50,
    # database connections each server process keeps open for reuse: at least its threads (waitress
    # 8, or gunicorn --threads), or the ones beyond it are opened and closed again on every request
    "DB_POOL_SIZE": 16,
    "API_PAGE_SIZE": 100,
    "WTF_CSRF_TIME_LIMIT": 12 * 3600,
    "WTF_I18N_ENABLED": False,  # WTForms' own zh messages (forms.ZhMeta), no Flask-Babel needed  # a token lives through a long review session
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_SAMESITE": "Lax",
}


def _secret_key(instance: Path) -> str:
    path = instance / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        key = secrets.token_hex(32)
        path.write_text(key)
        os.chmod(path, 0o600)
        return key


def create_app(config: dict | None = None):
    from flask import Flask

    from tracker.db.engine import database_url

    # The instance folder is ./instance, as for `tracker db` and `tracker ingest`, so every
    # command run from the project root meets the same database (TRACKER_INSTANCE moves it).
    instance_path = os.environ.get("TRACKER_INSTANCE") or str(Path.cwd() / "instance")
    app = Flask(__name__, instance_relative_config=True, instance_path=os.path.abspath(instance_path))
    app.config.from_mapping(DEFAULTS)
    app.config.from_pyfile("config.py", silent=True)
    if os.environ.get("DATABASE_URL"):
        app.config["DATABASE_URL"] = os.environ["DATABASE_URL"]
    if os.environ.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    app.config.from_prefixed_env("TRACKER")
    if config:
        app.config.from_mapping(config)

    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    app.config.setdefault("DATABASE_URL", database_url(instance_path=instance))
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _secret_key(instance)

    from tracker.web import api, auth, db, documents, filters, pledges, reports, review, security

    security.init_app(app)  # headers, cookie flags, proxy setting, secret key check, login throttling

    app.json.ensure_ascii = False  # Chinese stays readable in the API
    db.init_app(app)
    auth.init_app(app)
    filters.init_app(app)
    app.register_blueprint(auth.bp)
    app.register_blueprint(documents.bp)
    app.register_blueprint(pledges.bp)
    app.register_blueprint(review.bp)
    app.register_blueprint(reports.bp)
    api.init_app(app)
    app.add_url_rule("/", endpoint="index", view_func=documents.index)
    return app
