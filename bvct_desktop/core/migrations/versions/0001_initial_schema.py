"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-26 02:51:48.455373
"""

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_name', sa.String(), nullable=True),
    sa.Column('role', sa.String(), nullable=True),
    sa.Column('action', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=True),
    sa.Column('record_id', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.String(), nullable=False),
    sa.Column('details', sa.Text(), nullable=True),
    sa.Column('mac', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)

    op.create_table('delegations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('decision_no', sa.String(), nullable=True),
    sa.Column('decision_on', sa.Date(), nullable=True),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('countries', sa.Text(), nullable=False),
    sa.Column('purpose', sa.String(), nullable=True),
    sa.Column('depart_on', sa.Date(), nullable=False),
    sa.Column('return_on', sa.Date(), nullable=False),
    sa.Column('report_received_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_delegations'))
    )
    with op.batch_alter_table('delegations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_delegations_deleted_at_decision_on_depart_on'), ['deleted_at', 'decision_on', 'depart_on'], unique=False)

    op.create_table('meta',
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_meta'))
    )
    op.create_table('persons',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('full_name', sa.Text(), nullable=False),
    sa.Column('name_key', sa.Text(), nullable=False),
    sa.Column('other_names', sa.Text(), nullable=True),
    sa.Column('gender', sa.String(), nullable=True),
    sa.Column('birth_date', sa.String(), nullable=True),
    sa.Column('home_town', sa.Text(), nullable=True),
    sa.Column('home_town_key', sa.Text(), nullable=False),
    sa.Column('residence', sa.Text(), nullable=True),
    sa.Column('ethnicity', sa.String(), nullable=True),
    sa.Column('religion', sa.String(), nullable=True),
    sa.Column('cccd', sa.String(), nullable=True),
    sa.Column('cmnd', sa.String(), nullable=True),
    sa.Column('search_key', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_persons')),
    sa.UniqueConstraint('cccd', name=op.f('uq_persons_cccd'))
    )
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_persons_name_key_birth_date_home_town_key'), ['name_key', 'birth_date', 'home_town_key'], unique=False)

    op.create_table('recipients',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('name_key', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recipients')),
    sa.UniqueConstraint('name_key', name=op.f('uq_recipients_name_key'))
    )
    op.create_table('settings',
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('name_key', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_units')),
    sa.UniqueConstraint('name_key', name=op.f('uq_units_name_key'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('name', name=op.f('uq_users_name'))
    )
    op.create_table('archive_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_kind', sa.String(), nullable=False),
    sa.Column('province', sa.Text(), nullable=False),
    sa.Column('doc_no', sa.String(), nullable=True),
    sa.Column('doc_on', sa.Date(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.Column('result', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_archive_requests_person_id_persons')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_archive_requests'))
    )
    with op.batch_alter_table('archive_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_archive_requests_deleted_at_doc_on_request_kind'), ['deleted_at', 'doc_on', 'request_kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_archive_requests_person_id'), ['person_id'], unique=False)

    op.create_table('cadres',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Text(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('management', sa.Text(), nullable=True),
    sa.Column('party_joined_on', sa.Date(), nullable=True),
    sa.Column('party_official_on', sa.Date(), nullable=True),
    sa.Column('party_card_no', sa.String(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_cadres_person_id_persons')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_cadres_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cadres')),
    sa.UniqueConstraint('person_id', name=op.f('uq_cadres_person_id'))
    )
    op.create_table('complaints',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('sender', sa.Text(), nullable=True),
    sa.Column('complaint_kind', sa.String(), nullable=False),
    sa.Column('subject_name', sa.Text(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('resolved_on', sa.Date(), nullable=True),
    sa.Column('result', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_complaints_person_id_persons')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaints'))
    )
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaints_deleted_at_received_on'), ['deleted_at', 'received_on'], unique=False)

    op.create_table('delegation_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('delegation_id', sa.Integer(), nullable=False),
    sa.Column('cadre_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Text(), nullable=True),
    sa.Column('unit', sa.Text(), nullable=True),
    sa.Column('role', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['cadre_id'], ['cadres.id'], name=op.f('fk_delegation_members_cadre_id_cadres')),
    sa.ForeignKeyConstraint(['delegation_id'], ['delegations.id'], name=op.f('fk_delegation_members_delegation_id_delegations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_delegation_members')),
    sa.UniqueConstraint('delegation_id', 'cadre_id', name=op.f('uq_delegation_members_delegation_id_cadre_id'))
    )
    with op.batch_alter_table('delegation_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_delegation_members_cadre_id'), ['cadre_id'], unique=False)

    op.create_table('slips',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(), nullable=False),
    sa.Column('number_key', sa.String(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('relation', sa.String(), nullable=True),
    sa.Column('vetted_name', sa.Text(), nullable=True),
    sa.Column('vetted_cadre_id', sa.Integer(), nullable=True),
    sa.Column('purpose', sa.String(), nullable=True),
    sa.Column('recipient_id', sa.Integer(), nullable=False),
    sa.Column('father_name', sa.Text(), nullable=True),
    sa.Column('mother_name', sa.Text(), nullable=True),
    sa.Column('spouse_name', sa.Text(), nullable=True),
    sa.Column('result_on', sa.Date(), nullable=True),
    sa.Column('result', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_slips_person_id_persons')),
    sa.ForeignKeyConstraint(['recipient_id'], ['recipients.id'], name=op.f('fk_slips_recipient_id_recipients')),
    sa.ForeignKeyConstraint(['vetted_cadre_id'], ['cadres.id'], name=op.f('fk_slips_vetted_cadre_id_cadres')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_slips')),
    sa.UniqueConstraint('year', 'number_key', name=op.f('uq_slips_year_number_key'))
    )
    with op.batch_alter_table('slips', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_slips_deleted_at_issued_on_person_id_recipient_id_result_on'), ['deleted_at', 'issued_on', 'person_id', 'recipient_id', 'result_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_slips_person_id'), ['person_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('slips', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_slips_person_id'))
        batch_op.drop_index(batch_op.f('ix_slips_deleted_at_issued_on_person_id_recipient_id_result_on'))

    op.drop_table('slips')
    with op.batch_alter_table('delegation_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_delegation_members_cadre_id'))

    op.drop_table('delegation_members')
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaints_deleted_at_received_on'))

    op.drop_table('complaints')
    op.drop_table('cadres')
    with op.batch_alter_table('archive_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_archive_requests_person_id'))
        batch_op.drop_index(batch_op.f('ix_archive_requests_deleted_at_doc_on_request_kind'))

    op.drop_table('archive_requests')
    op.drop_table('users')
    op.drop_table('units')
    op.drop_table('settings')
    op.drop_table('recipients')
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_persons_name_key_birth_date_home_town_key'))

    op.drop_table('persons')
    op.drop_table('meta')
    with op.batch_alter_table('delegations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_delegations_deleted_at_decision_on_depart_on'))

    op.drop_table('delegations')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
