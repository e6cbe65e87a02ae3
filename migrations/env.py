"""Alembic environment: the models' metadata, the URL from tracker's configuration.

A caller may hand over an open connection (``config.attributes["connection"]``),
as ``tracker.db.migrate`` does; otherwise the URL is ``sqlalchemy.url`` from the
config when set, else ``tracker.db.engine.database_url()``.
"""
from __future__ import annotations

from alembic import context

from tracker.db import fulltext
from tracker.db.engine import database_url, make_engine
from tracker.db.models import Base

config = context.config
target_metadata = Base.metadata


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copy-and-move
        compare_type=True,
        compare_server_default=True,
        include_name=fulltext.include_name,  # the FTS5 tables and the GIN index live outside the models
    )


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url") or database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        include_name=fulltext.include_name,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url") or None)
    try:
        with engine.connect() as connection:
            _configure(connection)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
