"""webperf: indexes for the pledge page's possible duplicates and the list's open proposals

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03

The pledge page asks for up to ten other pledges with the same object in the same district
(``services.pages.possible_duplicates``). Without an index on ``object`` it read every pledge of
the district (about 1,000 of 100,000: 2 ms on SQLite, most of the page's SQL); with
(object, district_id) it reads the few that match.

The pledge list shows each row's open proposal (a 未完成 awaiting a second reviewer): a proposal
no later event answers (``responds_to_id``). Without an index on it the list read every answered
event of the trail for each page (a hash of them all: 3.7 ms of a 5.8 ms page at 27,000 status
events on PostgreSQL); with it, a probe for each proposal on the page.
"""
from __future__ import annotations

from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_pledge_object_district_id', 'pledge', ['object', 'district_id'])
    op.create_index('ix_status_event_responds_to_id', 'status_event', ['responds_to_id'])


def downgrade() -> None:
    op.drop_index('ix_status_event_responds_to_id', table_name='status_event')
    op.drop_index('ix_pledge_object_district_id', table_name='pledge')
