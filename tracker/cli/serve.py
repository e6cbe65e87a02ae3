"""``tracker serve``, ``tracker demo`` and ``tracker user add``: the web app (gunicorn worker processes
on POSIX, waitress on Windows or with ``--workers 1``), and accounts."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

DEMO_USERS = (  # name, password, role
    ("editor", "editor-demo", "editor"),
    ("reviewer", "reviewer-demo", "reviewer"),
    ("admin", "admin-demo", "admin"),
)
ROLES = ("reader", "editor", "reviewer", "admin")


def _app(generate_secret_key: bool = False):
    """The web app; a missing or weak SECRET_KEY is a one-line error, not a traceback."""
    from tracker.web import create_app
    from tracker.web.security import InsecureConfig

    try:
        return create_app(generate_secret_key=generate_secret_key)
    except InsecureConfig as exc:
        raise click.ClickException(str(exc)) from None


def _freeze() -> None:
    """What is alive once the app is built lives as long as the process, so it leaves the cyclic
    collector's sight (``gc.freeze``, as in ``tracker.web.wsgi``): full collections during large
    pages then scan only their own objects. Before a fork, the frozen objects also stay shared."""
    import gc

    gc.collect()
    gc.freeze()


def _serve(app, host: str, port: int, threads: int = 8) -> None:
    """Serve ``app`` on waitress: one process (one core under the GIL), ``threads`` threads."""
    from waitress import serve as waitress_serve

    _freeze()
    waitress_serve(app, host=host, port=port, threads=threads, ident="tracker")


def core_count() -> int:
    """The cores this process may run on (the default number of worker processes)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _serve_workers(app, host: str, port: int, workers: int, threads: int) -> None:
    """Serve ``app`` on gunicorn: ``workers`` processes forked from this one (the app built and frozen
    once, before the fork; the connection pool emptied, so no worker inherits a connection), each
    with ``threads`` threads. Access lines and errors go to stderr, as waitress's do."""
    from gunicorn.app.base import BaseApplication

    app.extensions["tracker.engine"].dispose()
    _freeze()

    class Server(BaseApplication):
        def load_config(self):
            for key, value in {"bind": f"{host}:{port}", "workers": workers, "threads": threads,
                               "worker_class": "gthread", "timeout": 120, "graceful_timeout": 20,
                               "accesslog": None, "errorlog": "-", "loglevel": "info",
                               "proc_name": "tracker", "preload_app": True}.items():
                self.cfg.set(key, value)

        def load(self):
            return app

    Server().run()


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=int, help="Threads per process.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Server processes (gunicorn); default: the number of cores. 1: one waitress process.")
def serve(host: str, port: int, threads: int, workers: int | None) -> None:
    """Run the web app (the database must be migrated: `tracker db upgrade`): gunicorn with one
    worker process a core on Linux and macOS, waitress on Windows or with --workers 1.

    Needs SECRET_KEY (the environment or instance/config.py): a long random value.
    """
    from tracker.db import migrate
    from tracker.db.engine import redacted

    app = _app()
    url = app.config["DATABASE_URL"]
    current, head = migrate.current_revision(url), migrate.head_revision()
    if current != head:
        raise click.ClickException(f"{redacted(url)} is at revision {current or 'base'}, not {head}: "
                                   "run `tracker db upgrade` first")
    workers = workers or core_count()
    if workers > 1 and sys.platform == "win32":
        click.echo("tracker serve: one process on Windows (waitress); --workers needs gunicorn (POSIX)", err=True)
        workers = 1
    how = f"{workers} processes × {threads} threads (gunicorn)" if workers > 1 else f"{threads} threads (waitress)"
    click.echo(f"tracker serve: http://{host}:{port}/  (database {redacted(url)}; {how})", err=True)
    if workers > 1:
        _serve_workers(app, host, port, workers, threads)
    else:
        _serve(app, host, port, threads)


def seeds_dir() -> Path | None:
    """``seeds/`` in the current directory, else beside the package (a checkout)."""
    import tracker

    for candidate in (Path.cwd() / "seeds", Path(tracker.__file__).resolve().parent.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    return None


def prepare_demo(app) -> tuple[str, object]:
    """Migrate, ingest seeds/ and create the demo accounts (idempotent); returns (url, ingest summary)."""
    from tracker.db import migrate
    from tracker.db.engine import make_engine, make_sessionmaker
    from tracker.services import users
    from tracker.services.ingest import ingest_paths

    url = app.config["DATABASE_URL"]
    migrate.upgrade(url)
    engine = make_engine(url)
    try:
        factory = make_sessionmaker(engine)
        seeds = seeds_dir()
        summary = ingest_paths(factory, [seeds]) if seeds is not None else None
        with factory() as session:
            for name, password, role in DEMO_USERS:
                users.ensure_user(session, name, password, role)
            session.commit()
    finally:
        engine.dispose()
    return url, summary


@click.command()
@click.option("--port", default=5000, show_default=True, type=int)
def demo(port: int) -> None:
    """Show the app to a newcomer: migrate, ingest seeds/, create demo accounts, serve on 127.0.0.1.

    Uses $DATABASE_URL when set, else instance/tracker.sqlite3. Running it again is safe.
    Without SECRET_KEY it makes one up once, into instance/secret_key (the demo only).
    """
    from tracker.db.engine import redacted

    app = _app(generate_secret_key=True)
    url, summary = prepare_demo(app)
    out = click.echo
    out(f"数据库 database: {redacted(url)}")
    if app.config.get("SECRET_KEY_FILE"):
        out(f"密钥 secret key: {app.config['SECRET_KEY_FILE']} (made up for the demo; "
            "`tracker serve` needs SECRET_KEY set)")
    if summary is None:
        out("seeds/ not found: no documents ingested")
    else:
        out(f"seeds/: {summary.line()}")
    out("演示账号 demo logins (name / password):")
    for name, password, role in DEMO_USERS:
        out(f"  {name:<9} {password:<14} {role}")
    out(f"\n打开 open: http://127.0.0.1:{port}/   (Ctrl+C to stop)")
    sys.stdout.flush()
    _serve(app, "127.0.0.1", port)


@click.group()
def user() -> None:
    """Manage accounts."""


@user.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), default="reader", show_default=True)
@click.option("--password", envvar="TRACKER_NEW_PASSWORD",
              help="The password (else asked for; or set TRACKER_NEW_PASSWORD).")
def user_add(name: str, role: str, password: str | None) -> None:
    """Add an account: tracker user add NAME --role editor."""
    from tracker.db import migrate
    from tracker.db.engine import make_engine, make_sessionmaker, redacted
    from tracker.services import users
    from tracker.services.errors import ServiceError

    if not password:
        password = click.prompt("password", hide_input=True, confirmation_prompt=True)
    from tracker.web import load_config

    url = load_config()["DATABASE_URL"]
    if migrate.current_revision(url) != migrate.head_revision():
        raise click.ClickException(f"{redacted(url)} is not migrated: run `tracker db upgrade` first")
    engine = make_engine(url)
    factory = make_sessionmaker(engine)
    try:
        with factory() as session:
            try:
                created = users.create_user(session, name, password, role)
            except ServiceError as exc:
                raise click.ClickException(str(exc)) from None
            session.commit()
            click.echo(f"tracker user: added {created.name} ({created.role.value})")
    finally:
        engine.dispose()


@user.command("password")
@click.argument("name")
@click.option("--password", envvar="TRACKER_NEW_PASSWORD",
              help="The new password (else asked for; or set TRACKER_NEW_PASSWORD).")
def user_password(name: str, password: str | None) -> None:
    """Set an account's password from the command line (e.g. the admin's own, when forgotten);
    the account's open sessions end."""
    from tracker.db import migrate
    from tracker.db.engine import make_engine, make_sessionmaker, redacted
    from tracker.services import users
    from tracker.services.errors import ServiceError
    from tracker.web import load_config

    url = load_config()["DATABASE_URL"]
    if migrate.current_revision(url) != migrate.head_revision():
        raise click.ClickException(f"{redacted(url)} is not migrated: run `tracker db upgrade` first")
    engine = make_engine(url)
    try:
        with make_sessionmaker(engine)() as session:
            account = users.find_user(session, name)
            if account is None:
                raise click.ClickException(f"no account named {name}")
            if not password:
                password = click.prompt("new password", hide_input=True, confirmation_prompt=True)
            try:
                users.set_password(session, account.id, password, by=None)
            except ServiceError as exc:
                raise click.ClickException(str(exc)) from None
            session.commit()
            click.echo(f"tracker user: new password set for {account.name}")
    finally:
        engine.dispose()


__all__ = ["demo", "serve", "user"]
