"""The database: models (``tracker.db.models``), engine and sessions (``tracker.db.engine``),
migrations (``tracker.db.migrate``, Alembic underneath) and the enums (``tracker.db.enums``)."""
