"""load3: partial indexes for the reviewer's queue's undated pledges and open proposals

Revision ID: 0010_load3
Revises: 0009_load14
Create Date: 2026-12-03

The reviewer's queue (/reports/queue) lists the confirmed pledges still open that name no deadline,
the never rated and the longest unrated first, and counts them. At 100,000 pledges on PostgreSQL the
list read every confirmed pledge (a bitmap scan of 33,000 rows for 3,700, then a sort: 39-48 ms of the
queue's ~70 ms in the database), its planner estimating the undated ones by the whole table's share.
From (status_on NULLS FIRST, id) of exactly those pledges the list reads its 50 entries in order and
the count the index alone: 0.6 and 0.9 ms. The open proposals (未完成 awaiting a second reviewer) were
found by reading the whole status_event table for its 'proposed' rows (27,000 rows for 2,400: 3-27 ms a
count); from the ids of those rows alone, 1 ms. PostgreSQL only, as 0009's (tracker.db.fulltext
.POSTGRESQL_ONLY_INDEXES, outside the models).
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010_load3'
down_revision = '0009_load14'
branch_labels = None
depends_on = None

# tracker.db.fulltext.UNDATED_PREDICATE, as it stands today (a migration keeps its own copy)
UNDATED = ("review_state = 'confirmed' AND merged_into_id IS NULL AND status NOT IN ('done', 'missed', 'unassessable') "
           "AND due_on IS NULL")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.create_index('ix_pledge_undated_status_on', 'pledge', [sa.text('status_on NULLS FIRST'), 'id'],
                    postgresql_where=sa.text(UNDATED))
    op.create_index('ix_status_event_proposed', 'status_event', ['id'], postgresql_where=sa.text("kind = 'proposed'"))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index('ix_status_event_proposed', table_name='status_event')
    op.drop_index('ix_pledge_undated_status_on', table_name='pledge')
