"""Alembic, driven from Python: ``upgrade``, ``downgrade``, ``check``, ``current``.

The migration scripts live in ``migrations/`` at the project root (beside
``alembic.ini``, so ``alembic upgrade head`` works there too); they are found
relative to the package in a checkout or an editable install, and a wheel carries
them as data files (``<prefix>/share/tracker/migrations``), so ``tracker db upgrade``
works from any directory either way.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

import tracker
from tracker.db import fulltext
from tracker.db.engine import make_engine
from tracker.db.models import Base


class MigrationsNotFound(RuntimeError):
    pass


def _installed_migrations() -> Path | None:
    """The migrations a wheel installed as data files, located through the distribution's record."""
    try:
        dist = metadata.distribution("tracker")
    except metadata.PackageNotFoundError:
        return None
    for file in dist.files or ():
        if file.parts[-3:] == ("tracker", "migrations", "env.py"):
            return Path(dist.locate_file(file)).resolve().parent
    return None


def migrations_dir() -> Path:
    checkout = Path(tracker.__file__).resolve().parent.parent / "migrations"
    for candidate in (checkout, _installed_migrations(), Path.cwd() / "migrations"):
        if candidate is not None and (candidate / "env.py").is_file():
            return candidate
    raise MigrationsNotFound("migrations/ not found beside the tracker package, among the installed "
                             "package's data files or in the current directory")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


@contextmanager
def _migration_connection(url: str | None, engine: Engine | None):
    """A connection in a transaction; on SQLite with foreign keys off while tables are rebuilt, checked after."""
    own = engine is None
    engine = engine or make_engine(url)
    try:
        with engine.connect() as connection:
            sqlite = engine.dialect.name == "sqlite"
            if sqlite:  # must happen outside a transaction, so on the driver connection
                connection.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
            try:
                with connection.begin():
                    yield connection
                    if sqlite:
                        bad = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                        if bad:
                            raise RuntimeError(f"migration broke foreign keys: {bad[:5]}")
            finally:
                if sqlite:
                    connection.connection.driver_connection.execute("PRAGMA foreign_keys = ON")
    finally:
        if own:
            engine.dispose()


def _run(fn, url: str | None, engine: Engine | None, *args) -> None:
    cfg = alembic_config()
    with _migration_connection(url, engine) as connection:
        cfg.attributes["connection"] = connection
        fn(cfg, *args)


def upgrade(url: str | None = None, revision: str = "head", *, engine: Engine | None = None) -> None:
    """Bring the database to ``revision`` (default: the newest), in one transaction."""
    _run(command.upgrade, url, engine, revision)


def downgrade(url: str | None = None, revision: str = "-1", *, engine: Engine | None = None) -> None:
    """Step the database back to ``revision`` (default: one step; ``base`` empties it)."""
    _run(command.downgrade, url, engine, revision)


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(url: str | None = None, *, engine: Engine | None = None) -> str | None:
    own = engine is None
    engine = engine or make_engine(url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        if own:
            engine.dispose()


@dataclass(frozen=True)
class CheckResult:
    current: str | None
    head: str | None
    drift: tuple  # autogenerate's differences between the models and the database

    @property
    def ok(self) -> bool:
        return self.current == self.head and not self.drift


def check(url: str | None = None, *, engine: Engine | None = None) -> CheckResult:
    """Whether the database is at the newest revision and matches the models exactly."""
    own = engine is None
    engine = engine or make_engine(url)
    try:
        with engine.connect() as connection:
            ctx = MigrationContext.configure(
                connection, opts={"compare_type": True, "compare_server_default": True, "render_as_batch": True,
                                  "include_name": fulltext.include_name}
            )
            current = ctx.get_current_revision()
            drift = tuple(compare_metadata(ctx, Base.metadata))
    finally:
        if own:
            engine.dispose()
    return CheckResult(current=current, head=head_revision(), drift=drift)
