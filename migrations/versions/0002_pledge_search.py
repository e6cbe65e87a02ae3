"""pledge_search: the full-text index of the pledge list's text filter

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30

``pledge_search`` (one row per pledge: its dictionary words, space-joined; see
tracker/db/fulltext.py) and the database's index over it: on SQLite an FTS5 table with
external content, kept in step by three triggers; on PostgreSQL a GIN index on
to_tsvector('simple', words). The existing pledges are indexed here (online mode only;
after an offline ``--sql`` upgrade run ``tracker db reindex``).
"""
from __future__ import annotations

from alembic import context, op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

SQLITE_UP = [
    "CREATE VIRTUAL TABLE pledge_search_fts USING fts5(words, content='pledge_search', content_rowid='pledge_id', "
    "tokenize='unicode61', detail='none', columnsize=0)",
    "CREATE TRIGGER pledge_search_ai AFTER INSERT ON pledge_search BEGIN "
    "INSERT INTO pledge_search_fts(rowid, words) VALUES (new.pledge_id, new.words); END",
    "CREATE TRIGGER pledge_search_ad AFTER DELETE ON pledge_search BEGIN "
    "INSERT INTO pledge_search_fts(pledge_search_fts, rowid, words) VALUES ('delete', old.pledge_id, old.words); END",
    "CREATE TRIGGER pledge_search_au AFTER UPDATE ON pledge_search BEGIN "
    "INSERT INTO pledge_search_fts(pledge_search_fts, rowid, words) VALUES ('delete', old.pledge_id, old.words); "
    "INSERT INTO pledge_search_fts(rowid, words) VALUES (new.pledge_id, new.words); END",
]
SQLITE_DOWN = ["DROP TRIGGER pledge_search_au", "DROP TRIGGER pledge_search_ad", "DROP TRIGGER pledge_search_ai",
               "DROP TABLE pledge_search_fts"]
POSTGRESQL_UP = ["CREATE INDEX ix_pledge_search_words ON pledge_search "
                 "USING gin (to_tsvector('simple'::regconfig, words))"]
POSTGRESQL_DOWN = ["DROP INDEX ix_pledge_search_words"]


def _backfill(connection) -> None:
    """Index every pledge, in batches (the words come from the extractor's jieba dictionary)."""
    from tracker.db.fulltext import entry

    pledge = sa.table("pledge", sa.column("id", sa.Integer), sa.column("quote", sa.Text),
                      sa.column("object", sa.String), sa.column("document_id", sa.Integer))
    document = sa.table("document", sa.column("id", sa.Integer), sa.column("title", sa.String))
    search = sa.table("pledge_search", sa.column("pledge_id", sa.Integer), sa.column("words", sa.Text))
    last = 0
    while True:
        rows = connection.execute(
            sa.select(pledge.c.id, pledge.c.quote, pledge.c.object, document.c.title)
            .join(document, document.c.id == pledge.c.document_id)
            .where(pledge.c.id > last).order_by(pledge.c.id).limit(2000)).all()
        if not rows:
            return
        connection.execute(sa.insert(search), [{"pledge_id": r[0], "words": entry(r[1], r[2], r[3])} for r in rows])
        last = rows[-1][0]


def upgrade() -> None:
    op.create_table('pledge_search',
    sa.Column('pledge_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('words', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['pledge_id'], ['pledge.id'], name=op.f('fk_pledge_search_pledge_id_pledge'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('pledge_id', name=op.f('pk_pledge_search'))
    )
    sqlite = context.get_context().dialect.name == "sqlite"
    for statement in (SQLITE_UP if sqlite else POSTGRESQL_UP):
        op.execute(statement)
    if not context.is_offline_mode():
        _backfill(op.get_bind())


def downgrade() -> None:
    sqlite = context.get_context().dialect.name == "sqlite"
    for statement in (SQLITE_DOWN if sqlite else POSTGRESQL_DOWN):
        op.execute(statement)
    op.drop_table('pledge_search')
