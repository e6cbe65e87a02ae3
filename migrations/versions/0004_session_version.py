"""user.session_version: a login lasts while it matches

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03

Every login cookie carries the user's ``session_version`` of the moment it logged in; each
request compares it with the row. Logout, a password change, a role change and deactivation add
one, so every session of that user ends at once, a cookie copied before included.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("user") as batch:
        batch.add_column(sa.Column("session_version", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("user") as batch:
        batch.drop_column("session_version")
