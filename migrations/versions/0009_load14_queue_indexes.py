"""load14: partial indexes for the ledger and the reviewer's queue

Revision ID: 0009_load14
Revises: 0008
Create Date: 2026-12-03

The ledger (/reports/) counts the confirmed pledges and lists them soonest deadline first; the
reviewer's queue (/reports/queue) lists and counts the confirmed pledges still open that are
overdue (red), behind (yellow) or undated. At 100,000 pledges on PostgreSQL their counts read the
table: the ledger's 14.7 ms, the red count 16.7 ms, the undated count 18 ms. From these two
partial indexes (due_on, id) they read the index alone: 4.7, 2.0 and 4.0 ms (bench/pages.py).
PostgreSQL only (tracker.db.fulltext.POSTGRESQL_ONLY_INDEXES, outside the models as the GIN index is):
on SQLite the same indexes made the ledger 35 -> 80-95 ms CPU, its planner choosing them.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009_load14'
down_revision = '0008'
branch_labels = None
depends_on = None

CONFIRMED = "review_state = 'confirmed' AND merged_into_id IS NULL"
OPEN = CONFIRMED + " AND status NOT IN ('done', 'missed', 'unassessable')"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.create_index('ix_pledge_confirmed_due_on', 'pledge', ['due_on', 'id'], postgresql_where=sa.text(CONFIRMED))
    op.create_index('ix_pledge_open_due_on', 'pledge', ['due_on', 'id'], postgresql_where=sa.text(OPEN))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index('ix_pledge_open_due_on', table_name='pledge')
    op.drop_index('ix_pledge_confirmed_due_on', table_name='pledge')
