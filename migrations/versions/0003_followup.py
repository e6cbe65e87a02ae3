"""follow-up: suggestions from later documents, and restatements of earlier pledges

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03

``suggestion``: the matcher's reading of a later document for one pledge (outcome, evidence span
and quote, reported figures, confidence, matcher version) and the reviewer's decision on it
(pending, accepted, corrected, dismissed; who, when, why, the status event it made).
``restatement``: a later pledge restating an earlier one, with what changed.
"""

from __future__ import annotations

from alembic import op
import sqlalchemy as sa
import tracker.db.types
from sqlalchemy.dialects import postgresql

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('restatement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('earlier_pledge_id', sa.Integer(), nullable=False),
    sa.Column('later_pledge_id', sa.Integer(), nullable=False),
    sa.Column('target_change', sa.Enum('target_raised', 'target_lowered', 'target_same', 'target_unknown', name='target_change', native_enum=False, create_constraint=True, length=18), nullable=False),
    sa.Column('deadline_change', sa.Enum('deadline_later', 'deadline_earlier', 'deadline_same', 'deadline_unknown', name='deadline_change', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('changes', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('confidence', sa.Double(), nullable=False),
    sa.Column('matcher_version', sa.String(length=40), nullable=False),
    sa.Column('created_at', tracker.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('confidence >= 0 AND confidence <= 1', name=op.f('ck_restatement_confidence')),
    sa.CheckConstraint('earlier_pledge_id <> later_pledge_id', name=op.f('ck_restatement_not_self')),
    sa.ForeignKeyConstraint(['earlier_pledge_id'], ['pledge.id'], name=op.f('fk_restatement_earlier_pledge_id_pledge'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['later_pledge_id'], ['pledge.id'], name=op.f('fk_restatement_later_pledge_id_pledge'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_restatement')),
    sa.UniqueConstraint('earlier_pledge_id', 'later_pledge_id', name=op.f('uq_restatement_earlier_pledge_id_later_pledge_id'))
    )
    with op.batch_alter_table('restatement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_restatement_later_pledge_id'), ['later_pledge_id'], unique=False)

    op.create_table('suggestion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pledge_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.Enum('done', 'exceeded', 'partial', 'missed', 'not_reported', 'not_due', name='outcome', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('evidence_start', sa.Integer(), nullable=True),
    sa.Column('evidence_end', sa.Integer(), nullable=True),
    sa.Column('evidence_quote', sa.Text(), nullable=True),
    sa.Column('reported', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('confidence', sa.Double(), nullable=False),
    sa.Column('matcher_version', sa.String(length=40), nullable=False),
    sa.Column('state', sa.Enum('pending', 'accepted', 'corrected', 'dismissed', name='state', native_enum=False, create_constraint=True, length=13), nullable=False),
    sa.Column('decided_status', sa.Enum('unassessed', 'in_progress', 'done', 'partly_done', 'missed', 'stalled', 'unassessable', name='decided_status', native_enum=False, create_constraint=True, length=16), nullable=True),
    sa.Column('decided_value', tracker.db.types.ExactDecimal(precision=24, scale=6), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', tracker.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('status_event_id', sa.Integer(), nullable=True),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('created_at', tracker.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', tracker.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('("evidence_start" IS NULL AND "evidence_end" IS NULL) OR (0 <= "evidence_start" AND "evidence_start" < "evidence_end")', name=op.f('ck_suggestion_evidence_span')),
    sa.CheckConstraint('confidence >= 0 AND confidence <= 1', name=op.f('ck_suggestion_confidence')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user.id'], name=op.f('fk_suggestion_decided_by_id_user')),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_suggestion_document_id_document')),
    sa.ForeignKeyConstraint(['pledge_id'], ['pledge.id'], name=op.f('fk_suggestion_pledge_id_pledge'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['status_event_id'], ['status_event.id'], name=op.f('fk_suggestion_status_event_id_status_event')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_suggestion')),
    sa.UniqueConstraint('pledge_id', 'document_id', name=op.f('uq_suggestion_pledge_id_document_id'))
    )
    with op.batch_alter_table('suggestion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_suggestion_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_suggestion_pledge_id'), ['pledge_id'], unique=False)
        batch_op.create_index('ix_suggestion_state_confidence', ['state', 'confidence'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('suggestion', schema=None) as batch_op:
        batch_op.drop_index('ix_suggestion_state_confidence')
        batch_op.drop_index(batch_op.f('ix_suggestion_pledge_id'))
        batch_op.drop_index(batch_op.f('ix_suggestion_document_id'))

    op.drop_table('suggestion')
    with op.batch_alter_table('restatement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_restatement_later_pledge_id'))

    op.drop_table('restatement')
