"""``tracker db upgrade|downgrade|check|current``: the schema, through Alembic; ``tracker db reindex``:
the pledge search index rebuilt."""
from __future__ import annotations

import sys

import click


def _target() -> str:
    from tracker.db.engine import database_url, redacted

    return redacted(database_url())


class _DbGroup(click.Group):
    """Turns a missing migrations folder or an unreachable database into a one-line error."""

    def invoke(self, ctx):
        from sqlalchemy.exc import OperationalError

        from tracker.db.migrate import MigrationsNotFound

        try:
            return super().invoke(ctx)
        except MigrationsNotFound as exc:
            raise click.ClickException(str(exc)) from None
        except OperationalError as exc:
            raise click.ClickException(f"cannot reach {_target()}: {str(exc.orig).strip().splitlines()[0]}") from None


@click.group(cls=_DbGroup)
def db() -> None:
    """Create and migrate the database ($DATABASE_URL, else instance/tracker.sqlite3)."""


@db.command()
@click.argument("revision", default="head")
def upgrade(revision: str) -> None:
    """Migrate the database up to REVISION (default: head); creates it if missing."""
    from tracker.db import migrate

    migrate.upgrade(revision=revision)
    click.echo(f"tracker db: {_target()} at revision {migrate.current_revision()}")


@db.command()
@click.argument("revision", default="-1")
def downgrade(revision: str) -> None:
    """Migrate the database down to REVISION (default: one step; 'base' drops every table)."""
    from tracker.db import migrate

    migrate.downgrade(revision=revision)
    click.echo(f"tracker db: {_target()} at revision {migrate.current_revision() or 'base'}")


@db.command()
def current() -> None:
    """Print the database's revision."""
    from tracker.db import migrate

    click.echo(migrate.current_revision() or "base")


@db.command()
def reindex() -> None:
    """Rebuild the pledge search index (run it after changing the jieba dictionary in the lexicon files)."""
    from tracker.db import fulltext
    from tracker.db.engine import make_engine

    engine = make_engine()
    try:
        with engine.begin() as connection:
            n = fulltext.rebuild(connection)
    finally:
        engine.dispose()
    click.echo(f"tracker db: {_target()}: {n} pledge(s) indexed for search")


@db.command()
def check() -> None:
    """Exit 0 when the database is at head and matches the models; else say what differs."""
    from tracker.db import migrate

    result = migrate.check()
    if result.ok:
        click.echo(f"tracker db: {_target()} is at head ({result.head}) and matches the models")
        return
    if result.current != result.head:
        click.echo(f"tracker db: {_target()} is at revision {result.current or 'base'}, head is {result.head}: "
                   "run `tracker db upgrade`", err=True)
    else:
        for diff in result.drift:
            click.echo(f"tracker db: the models and the database differ: {diff}", err=True)
    sys.exit(1)
