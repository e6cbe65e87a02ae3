"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-23
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa
import tracker.db.types
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('district',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('level', sa.Enum('province', 'city', 'district', 'county', 'town', 'zone', name='level', native_enum=False, create_constraint=True, length=12), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('code', sa.String(length=12), nullable=True),
    sa.Column('created_at', tracker.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['district.id'], name=op.f('fk_district_parent_id_district')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_district')),
    sa.UniqueConstraint('code', name=op.f('uq_district_code')),
    sa.UniqueConstraint('parent_id', 'name', name=op.f('uq_district_parent_id_name'))
    )
    with op.batch_alter_table('district', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_district_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_district_parent_id'), ['parent_id'], unique=False)

    op.create_table('document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('source', sa.String(length=2000), nullable=True),
    sa.Column('file_name', sa.String(length=500), nullable=False),
    sa.Column('format', sa.Enum('text', 'html', 'docx', 'pdf', name='format', native_enum=False, create_constraint=True, length=8), nullable=False),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('published_source', sa.Enum('given', 'manifest', 'stated', name='published_source', native_enum=False, create_constraint=True, length=12), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('raw_sha256', sa.String(length=64), nullable=False),
    sa.Column('encoding', sa.String(length=40), nullable=False),
    sa.Column('extractor_version', sa.String(length=40), nullable=False),
    sa.Column('ingested_at', tracker.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document')),
    sa.UniqueConstraint('sha256', name=op.f('uq_document_sha256'))
    )
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_ingested_at'), ['ingested_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_published_on'), ['published_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_raw_sha256'), ['raw_sha256'], unique=False)

    op.create_table('user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('role', sa.Enum('reader', 'editor', 'reviewer', 'admin', name='role', native_enum=False, create_constraint=True, length=12), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('created_at', tracker.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user')),
    sa.UniqueConstraint('name', name=op.f('uq_user_name'))
    )
    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', tracker.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('old', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('new', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_audit_event_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_at'), ['at'], unique=False)
        batch_op.create_index('ix_audit_event_entity_entity_id', ['entity', 'entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_user_id'), ['user_id'], unique=False)

    op.create_table('candidate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('extractor_version', sa.String(length=40), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('district_name', sa.String(length=50), nullable=True),
    sa.Column('official_name', sa.String(length=50), nullable=True),
    sa.Column('official_title', sa.String(length=200), nullable=True),
    sa.Column('action', sa.String(length=100), nullable=True),
    sa.Column('object', sa.String(length=200), nullable=True),
    sa.Column('qualifier', sa.String(length=50), nullable=True),
    sa.Column('deadline_raw', sa.String(length=100), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('deadline_precision', sa.Enum('day', 'month', 'quarter', 'half', 'year', 'plan', name='deadline_precision', native_enum=False, create_constraint=True, length=11), nullable=True),
    sa.Column('deadline_inherited', sa.Boolean(), nullable=False),
    sa.Column('quantities', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('confidence', sa.Double(), nullable=False),
    sa.Column('cues', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('created_at', tracker.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('0 <= "start" AND "start" < "end"', name=op.f('ck_candidate_span')),
    sa.CheckConstraint('confidence >= 0 AND confidence <= 1', name=op.f('ck_candidate_confidence')),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_candidate_document_id_document')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_candidate')),
    sa.UniqueConstraint('document_id', 'extractor_version', 'ordinal', name=op.f('uq_candidate_document_id_extractor_version_ordinal'))
    )
    op.create_table('district_alias',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('district_id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.String(length=50), nullable=False),
    sa.ForeignKeyConstraint(['district_id'], ['district.id'], name=op.f('fk_district_alias_district_id_district'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_district_alias')),
    sa.UniqueConstraint('alias', name=op.f('uq_district_alias_alias'))
    )
    with op.batch_alter_table('district_alias', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_district_alias_district_id'), ['district_id'], unique=False)

    op.create_table('official',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('district_id', sa.Integer(), nullable=True),
    sa.Column('created_at', tracker.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['district_id'], ['district.id'], name=op.f('fk_official_district_id_district')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_official'))
    )
    with op.batch_alter_table('official', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_official_district_id'), ['district_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_official_name'), ['name'], unique=False)

    op.create_table('official_title',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('official_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('first_seen_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['official_id'], ['official.id'], name=op.f('fk_official_title_official_id_official'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_official_title')),
    sa.UniqueConstraint('official_id', 'title', name=op.f('uq_official_title_official_id_title'))
    )
    op.create_table('pledge',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=True),
    sa.Column('origin', sa.Enum('machine', 'manual', name='origin', native_enum=False, create_constraint=True, length=11), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('district_id', sa.Integer(), nullable=True),
    sa.Column('official_id', sa.Integer(), nullable=True),
    sa.Column('responsible_unit', sa.String(length=200), nullable=True),
    sa.Column('action', sa.String(length=100), nullable=True),
    sa.Column('object', sa.String(length=200), nullable=True),
    sa.Column('qualifier', sa.String(length=50), nullable=True),
    sa.Column('deadline_raw', sa.String(length=100), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('deadline_precision', sa.Enum('day', 'month', 'quarter', 'half', 'year', 'plan', name='deadline_precision', native_enum=False, create_constraint=True, length=11), nullable=True),
    sa.Column('deadline_inherited', sa.Boolean(), nullable=False),
    sa.Column('confidence', sa.Double(), nullable=True),
    sa.Column('review_state', sa.Enum('pending', 'confirmed', 'rejected', name='review_state', native_enum=False, create_constraint=True, length=13), nullable=False),
    sa.Column('is_corrected', sa.Boolean(), nullable=False),
    sa.Column('reject_reason', sa.Text(), nullable=True),
    sa.Column('reviewed_by_id', sa.Integer(), nullable=True),
    sa.Column('reviewed_at', tracker.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('status', sa.Enum('unassessed', 'in_progress', 'done', 'partly_done', 'missed', 'stalled', 'unassessable', name='status', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('status_on', sa.Date(), nullable=True),
    sa.Column('miss_reason', sa.Enum('funding', 'approval', 'policy', 'objective', 'other', name='miss_reason', native_enum=False, create_constraint=True, length=13), nullable=True),
    sa.Column('miss_note', sa.Text(), nullable=True),
    sa.Column('merged_into_id', sa.Integer(), nullable=True),
    sa.Column('claimed_by_id', sa.Integer(), nullable=True),
    sa.Column('claim_expires_at', tracker.db.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('created_at', tracker.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', tracker.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('0 <= "start" AND "start" < "end"', name=op.f('ck_pledge_span')),
    sa.CheckConstraint('confidence IS NULL OR (confidence >= 0 AND confidence <= 1)', name=op.f('ck_pledge_confidence')),
    sa.CheckConstraint('merged_into_id IS NULL OR merged_into_id <> id', name=op.f('ck_pledge_not_merged_into_self')),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], name=op.f('fk_pledge_candidate_id_candidate')),
    sa.ForeignKeyConstraint(['claimed_by_id'], ['user.id'], name=op.f('fk_pledge_claimed_by_id_user')),
    sa.ForeignKeyConstraint(['district_id'], ['district.id'], name=op.f('fk_pledge_district_id_district')),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_pledge_document_id_document')),
    sa.ForeignKeyConstraint(['merged_into_id'], ['pledge.id'], name=op.f('fk_pledge_merged_into_id_pledge')),
    sa.ForeignKeyConstraint(['official_id'], ['official.id'], name=op.f('fk_pledge_official_id_official')),
    sa.ForeignKeyConstraint(['reviewed_by_id'], ['user.id'], name=op.f('fk_pledge_reviewed_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pledge')),
    sa.UniqueConstraint('candidate_id', name=op.f('uq_pledge_candidate_id'))
    )
    with op.batch_alter_table('pledge', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pledge_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_pledge_district_id'), ['district_id'], unique=False)
        batch_op.create_index('ix_pledge_document_id_start', ['document_id', 'start'], unique=False)
        batch_op.create_index(batch_op.f('ix_pledge_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_pledge_merged_into_id'), ['merged_into_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pledge_official_id'), ['official_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pledge_responsible_unit'), ['responsible_unit'], unique=False)
        batch_op.create_index(batch_op.f('ix_pledge_review_state'), ['review_state'], unique=False)
        batch_op.create_index('ix_pledge_review_state_confidence', ['review_state', 'confidence'], unique=False)
        batch_op.create_index(batch_op.f('ix_pledge_status'), ['status'], unique=False)
        batch_op.create_index('ix_pledge_status_due_on', ['status', 'due_on'], unique=False)

    op.create_table('pledge_source',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pledge_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('merged_pledge_id', sa.Integer(), nullable=True),
    sa.Column('added_by_id', sa.Integer(), nullable=True),
    sa.Column('added_at', tracker.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('0 <= "start" AND "start" < "end"', name=op.f('ck_pledge_source_span')),
    sa.ForeignKeyConstraint(['added_by_id'], ['user.id'], name=op.f('fk_pledge_source_added_by_id_user')),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_pledge_source_document_id_document')),
    sa.ForeignKeyConstraint(['merged_pledge_id'], ['pledge.id'], name=op.f('fk_pledge_source_merged_pledge_id_pledge')),
    sa.ForeignKeyConstraint(['pledge_id'], ['pledge.id'], name=op.f('fk_pledge_source_pledge_id_pledge'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pledge_source')),
    sa.UniqueConstraint('pledge_id', 'document_id', 'start', 'end', name=op.f('uq_pledge_source_pledge_id_document_id_start_end'))
    )
    with op.batch_alter_table('pledge_source', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pledge_source_document_id'), ['document_id'], unique=False)

    op.create_table('quantity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pledge_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('value', tracker.db.types.ExactDecimal(precision=24, scale=6), nullable=False),
    sa.Column('value_max', tracker.db.types.ExactDecimal(precision=24, scale=6), nullable=True),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('raw', sa.String(length=50), nullable=False),
    sa.Column('role', sa.Enum('count', 'amount', 'length', 'area', 'ratio', 'duration', 'other', name='role', native_enum=False, create_constraint=True, length=12), nullable=False),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('achieved_value', tracker.db.types.ExactDecimal(precision=24, scale=6), nullable=True),
    sa.Column('achieved_on', sa.Date(), nullable=True),
    sa.CheckConstraint('("start" IS NULL AND "end" IS NULL) OR (0 <= "start" AND "start" < "end")', name=op.f('ck_quantity_span')),
    sa.ForeignKeyConstraint(['pledge_id'], ['pledge.id'], name=op.f('fk_quantity_pledge_id_pledge'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quantity')),
    sa.UniqueConstraint('pledge_id', 'position', name=op.f('uq_quantity_pledge_id_position'))
    )
    op.create_table('status_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pledge_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('effective', 'proposed', 'confirmation', 'withdrawal', name='kind', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('old_status', sa.Enum('unassessed', 'in_progress', 'done', 'partly_done', 'missed', 'stalled', 'unassessable', name='old_status', native_enum=False, create_constraint=True, length=16), nullable=True),
    sa.Column('new_status', sa.Enum('unassessed', 'in_progress', 'done', 'partly_done', 'missed', 'stalled', 'unassessable', name='new_status', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('as_of_on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('evidence_url', sa.String(length=2000), nullable=True),
    sa.Column('evidence_quote', sa.Text(), nullable=True),
    sa.Column('evidence_document_id', sa.Integer(), nullable=True),
    sa.Column('evidence_start', sa.Integer(), nullable=True),
    sa.Column('evidence_end', sa.Integer(), nullable=True),
    sa.Column('miss_reason', sa.Enum('funding', 'approval', 'policy', 'objective', 'other', name='miss_reason', native_enum=False, create_constraint=True, length=13), nullable=True),
    sa.Column('quantity_id', sa.Integer(), nullable=True),
    sa.Column('achieved_value', tracker.db.types.ExactDecimal(precision=24, scale=6), nullable=True),
    sa.Column('responds_to_id', sa.Integer(), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('created_at', tracker.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('("evidence_start" IS NULL AND "evidence_end" IS NULL) OR (0 <= "evidence_start" AND "evidence_start" < "evidence_end")', name=op.f('ck_status_event_evidence_span')),
    sa.ForeignKeyConstraint(['evidence_document_id'], ['document.id'], name=op.f('fk_status_event_evidence_document_id_document')),
    sa.ForeignKeyConstraint(['pledge_id'], ['pledge.id'], name=op.f('fk_status_event_pledge_id_pledge')),
    sa.ForeignKeyConstraint(['quantity_id'], ['quantity.id'], name=op.f('fk_status_event_quantity_id_quantity'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['responds_to_id'], ['status_event.id'], name=op.f('fk_status_event_responds_to_id_status_event')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_status_event_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_status_event'))
    )
    with op.batch_alter_table('status_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_status_event_created_at'), ['created_at'], unique=False)
        batch_op.create_index('ix_status_event_pledge_id_as_of_on', ['pledge_id', 'as_of_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_status_event_user_id'), ['user_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('status_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_status_event_user_id'))
        batch_op.drop_index('ix_status_event_pledge_id_as_of_on')
        batch_op.drop_index(batch_op.f('ix_status_event_created_at'))

    op.drop_table('status_event')
    op.drop_table('quantity')
    with op.batch_alter_table('pledge_source', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pledge_source_document_id'))

    op.drop_table('pledge_source')
    with op.batch_alter_table('pledge', schema=None) as batch_op:
        batch_op.drop_index('ix_pledge_status_due_on')
        batch_op.drop_index(batch_op.f('ix_pledge_status'))
        batch_op.drop_index('ix_pledge_review_state_confidence')
        batch_op.drop_index(batch_op.f('ix_pledge_review_state'))
        batch_op.drop_index(batch_op.f('ix_pledge_responsible_unit'))
        batch_op.drop_index(batch_op.f('ix_pledge_official_id'))
        batch_op.drop_index(batch_op.f('ix_pledge_merged_into_id'))
        batch_op.drop_index(batch_op.f('ix_pledge_due_on'))
        batch_op.drop_index('ix_pledge_document_id_start')
        batch_op.drop_index(batch_op.f('ix_pledge_district_id'))
        batch_op.drop_index(batch_op.f('ix_pledge_created_at'))

    op.drop_table('pledge')
    op.drop_table('official_title')
    with op.batch_alter_table('official', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_official_name'))
        batch_op.drop_index(batch_op.f('ix_official_district_id'))

    op.drop_table('official')
    with op.batch_alter_table('district_alias', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_district_alias_district_id'))

    op.drop_table('district_alias')
    op.drop_table('candidate')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_event_user_id'))
        batch_op.drop_index('ix_audit_event_entity_entity_id')
        batch_op.drop_index(batch_op.f('ix_audit_event_at'))

    op.drop_table('audit_event')
    op.drop_table('user')
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_raw_sha256'))
        batch_op.drop_index(batch_op.f('ix_document_published_on'))
        batch_op.drop_index(batch_op.f('ix_document_ingested_at'))

    op.drop_table('document')
    with op.batch_alter_table('district', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_district_parent_id'))
        batch_op.drop_index(batch_op.f('ix_district_name'))

    op.drop_table('district')
