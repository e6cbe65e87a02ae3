"""Business rules and transactions. Services take a SQLAlchemy ``Session``, flush and
never commit: the caller (a CLI command, a web view) owns the transaction.

No service calls ``commit``: the one place a transaction commits is the unit of work
(``tracker.db.unit``), which the callers open. The batch drivers (``ingest.ingest_paths``,
``reextract.reextract_all``, ``followup.followup_documents``) take a ``sessionmaker`` and open
one unit of work per step (ingest 50 documents a unit, retried one document a unit when a
batch fails; reextract and follow-up one document a unit), so a failure loses that document
only; everything they call on a ``Session`` flushes only.
"""
