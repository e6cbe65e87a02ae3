"""``tracker serve``, ``tracker demo`` and ``tracker user add``: the web app on waitress, and accounts."""
from __future__ import annotations

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
        app = create_app(generate_secret_key=generate_secret_key)
    except InsecureConfig as exc:
        raise click.ClickException(str(exc)) from None
    if app.testing:  # create_app takes TESTING from its caller only; a serving process never has it
        raise click.ClickException("refusing to serve in testing mode (TESTING is for the test fixtures only)")
    return app


def _serve(app, host: str, port: int, threads: int = 8) -> None:
    """Serve ``app`` on waitress. What is alive once the app is built lives as long as the
    process, so it leaves the cyclic collector's sight first (``gc.freeze``, as in
    ``tracker.web.wsgi``): full collections during large pages then scan only their own objects."""
    import gc

    from waitress import serve as waitress_serve

    gc.collect()
    gc.freeze()
    waitress_serve(app, host=host, port=port, threads=threads, ident="tracker")


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=int)
def serve(host: str, port: int, threads: int) -> None:
    """Run the web app on waitress (the database must be migrated: `tracker db upgrade`).

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
    click.echo(f"tracker serve: http://{host}:{port}/  (database {redacted(url)})", err=True)
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
