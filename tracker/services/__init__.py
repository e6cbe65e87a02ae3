"""Business rules and transactions. Services take a SQLAlchemy ``Session``, flush and
never commit: the caller (a CLI command, a web view) owns the transaction.

The batch drivers (``ingest.ingest_paths``, ``reextract.reextract_all``) are
the one exception: they take a ``sessionmaker`` and commit themselves (ingest
50 documents a transaction, retried one document a transaction when a batch
fails; reextract once per document), so a failure loses that document only.
"""
