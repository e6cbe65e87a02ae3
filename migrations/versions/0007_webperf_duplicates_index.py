"""webperf: an index for the pledge page's possible duplicates

Revision ID: 0007_webperf
Revises: 0006
Create Date: 2026-12-03

The pledge page asks for up to ten other pledges with the same object in the same district
(``services.pages.possible_duplicates``). Without an index on ``object`` it read every pledge of
the district (about 1,000 of 100,000: 2 ms on SQLite, most of the page's SQL); with
(object, district_id) it reads the few that match.
"""
from __future__ import annotations

from alembic import op

revision = '0007_webperf'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_pledge_object_district_id', 'pledge', ['object', 'district_id'])


def downgrade() -> None:
    op.drop_index('ix_pledge_object_district_id', table_name='pledge')
