"""document_given: the government and speaker a document's user gave (manifest.csv, --district, --official),
and the responsible unit (牵头单位) a candidate's text names

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03

Three nullable columns on ``document``; the extractor fills a pledge's district and official
from them where the text itself names none, at ingest and on every ``tracker reextract``.
One nullable column on ``candidate``: the unit the text makes responsible, copied to the pending
pledge's ``responsible_unit``.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('document') as batch:
        batch.add_column(sa.Column('given_district', sa.String(length=50), nullable=True))
        batch.add_column(sa.Column('given_official', sa.String(length=50), nullable=True))
        batch.add_column(sa.Column('given_official_title', sa.String(length=200), nullable=True))
    with op.batch_alter_table('candidate') as batch:
        batch.add_column(sa.Column('responsible_unit', sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('candidate') as batch:
        batch.drop_column('responsible_unit')
    with op.batch_alter_table('document') as batch:
        batch.drop_column('given_official_title')
        batch.drop_column('given_official')
        batch.drop_column('given_district')
