"""Business rules and transactions. Services take a SQLAlchemy ``Session``, flush and
never commit: the caller (a CLI command, a web view) owns the transaction.

The batch drivers (``ingest.ingest_paths``, ``reextract.reextract_all``) are
the one exception the issue asks for: they take a ``sessionmaker`` and commit
once per document, so a failure loses that document only.
"""
