"""Initial schema: facilities, people, registrations, bookings, queue, charges, audit.

Revision ID: 0001
Revises: 
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('staff_login', sa.String(length=64), nullable=True),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_entity_id'), ['entity_id'], unique=False)

    op.create_table('facilities',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('rules', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.CheckConstraint('length(code) > 0', name=op.f('ck_facilities_code_not_empty')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_facilities')),
    sa.UniqueConstraint('code', name=op.f('uq_facilities_code'))
    )
    op.create_table('guardians',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kana', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('phone_digits', sa.String(length=40), nullable=False),
    sa.Column('postal_code', sa.String(length=10), nullable=False),
    sa.Column('address', sa.String(length=500), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guardians'))
    )
    with op.batch_alter_table('guardians', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_guardians_phone_digits'), ['phone_digits'], unique=False)

    op.create_table('capacity_settings',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('facility_id', sa.String(length=36), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=True),
    sa.Column('on_date', sa.Date(), nullable=True),
    sa.Column('start', sa.Time(), nullable=True),
    sa.Column('end', sa.Time(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('NOT (weekday IS NOT NULL AND on_date IS NOT NULL)', name=op.f('ck_capacity_settings_one_level')),
    sa.CheckConstraint('capacity >= 0', name=op.f('ck_capacity_settings_capacity_not_negative')),
    sa.CheckConstraint('start IS NULL OR "end" IS NULL OR start < "end"', name=op.f('ck_capacity_settings_time_order')),
    sa.CheckConstraint('weekday IS NULL OR weekday BETWEEN 0 AND 6', name=op.f('ck_capacity_settings_weekday_range')),
    sa.ForeignKeyConstraint(['facility_id'], ['facilities.id'], name=op.f('fk_capacity_settings_facility_id_facilities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_capacity_settings'))
    )
    with op.batch_alter_table('capacity_settings', schema=None) as batch_op:
        batch_op.create_index('ix_capacity_settings_lookup', ['facility_id', 'on_date', 'weekday'], unique=False)

    op.create_table('children',
    sa.Column('guardian_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kana', sa.String(length=200), nullable=False),
    sa.Column('kana_key', sa.String(length=200), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('sex', sa.String(length=12), nullable=False),
    sa.Column('allergies', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.CheckConstraint("sex IN ('female', 'male', 'unspecified')", name=op.f('ck_children_sex')),
    sa.CheckConstraint('length(kana_key) > 0', name=op.f('ck_children_kana_not_empty')),
    sa.ForeignKeyConstraint(['guardian_id'], ['guardians.id'], name=op.f('fk_children_guardian_id_guardians')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_children'))
    )
    with op.batch_alter_table('children', schema=None) as batch_op:
        batch_op.create_index('uq_children_kana_key_birth_date', ['kana_key', 'birth_date'], unique=True)

    op.create_table('closures',
    sa.Column('facility_id', sa.String(length=36), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('from_time', sa.Time(), nullable=True),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['facility_id'], ['facilities.id'], name=op.f('fk_closures_facility_id_facilities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_closures'))
    )
    with op.batch_alter_table('closures', schema=None) as batch_op:
        batch_op.create_index('ix_closures_facility_day', ['facility_id', 'day'], unique=False)

    op.create_table('interview_slots',
    sa.Column('facility_id', sa.String(length=36), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('start', sa.Time(), nullable=False),
    sa.Column('end', sa.Time(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.CheckConstraint('capacity >= 1', name=op.f('ck_interview_slots_capacity_positive')),
    sa.CheckConstraint('start < "end"', name=op.f('ck_interview_slots_time_order')),
    sa.ForeignKeyConstraint(['facility_id'], ['facilities.id'], name=op.f('fk_interview_slots_facility_id_facilities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interview_slots')),
    sa.UniqueConstraint('facility_id', 'day', 'start', name='uq_interview_slots_time')
    )
    op.create_table('opened_days',
    sa.Column('facility_id', sa.String(length=36), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['facility_id'], ['facilities.id'], name=op.f('fk_opened_days_facility_id_facilities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('facility_id', 'day', name=op.f('pk_opened_days'))
    )
    op.create_table('child_search_keys',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_child_search_keys_child_id_children'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('key', 'child_id', name=op.f('pk_child_search_keys'))
    )
    with op.batch_alter_table('child_search_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_child_search_keys_child_id'), ['child_id'], unique=False)

    op.create_table('emergency_contacts',
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('relation', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('phone_digits', sa.String(length=40), nullable=False),
    sa.CheckConstraint('position BETWEEN 1 AND 3', name=op.f('ck_emergency_contacts_position_range')),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_emergency_contacts_child_id_children'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('child_id', 'position', name=op.f('pk_emergency_contacts'))
    )
    with op.batch_alter_table('emergency_contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_emergency_contacts_phone_digits'), ['phone_digits'], unique=False)

    op.create_table('registrations',
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('facility_id', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('interviewed_on', sa.Date(), nullable=True),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('reject_reason', sa.String(length=500), nullable=False),
    sa.Column('applied_at', sa.DateTime(), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.CheckConstraint("status != 'approved' OR (valid_until IS NOT NULL AND interviewed_on IS NOT NULL)", name=op.f('ck_registrations_approved_has_validity')),
    sa.CheckConstraint("status IN ('applied', 'approved', 'rejected')", name=op.f('ck_registrations_status')),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_registrations_child_id_children')),
    sa.ForeignKeyConstraint(['facility_id'], ['facilities.id'], name=op.f('fk_registrations_facility_id_facilities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_registrations'))
    )
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.create_index('ix_registrations_child_facility', ['child_id', 'facility_id'], unique=False)

    op.create_table('regular_plans',
    sa.Column('facility_id', sa.String(length=36), nullable=False),
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('weekdays', sa.String(length=20), nullable=False),
    sa.Column('start', sa.Time(), nullable=False),
    sa.Column('end', sa.Time(), nullable=False),
    sa.Column('first_day', sa.Date(), nullable=False),
    sa.Column('last_day', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('source', sa.String(length=12), nullable=False),
    sa.Column('pickup_kind', sa.String(length=12), nullable=False),
    sa.Column('pickup_name', sa.String(length=200), nullable=False),
    sa.Column('pickup_relation', sa.String(length=100), nullable=False),
    sa.Column('pickup_phone', sa.String(length=40), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('skipped', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.CheckConstraint("source IN ('phone', 'walk_in', 'online')", name=op.f('ck_regular_plans_source')),
    sa.CheckConstraint("status IN ('requested', 'approved', 'rejected')", name=op.f('ck_regular_plans_status')),
    sa.CheckConstraint('first_day <= last_day', name=op.f('ck_regular_plans_date_order')),
    sa.CheckConstraint('start < "end"', name=op.f('ck_regular_plans_time_order')),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_regular_plans_child_id_children')),
    sa.ForeignKeyConstraint(['facility_id'], ['facilities.id'], name=op.f('fk_regular_plans_facility_id_facilities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_regular_plans'))
    )
    op.create_table('bookings',
    sa.Column('facility_id', sa.String(length=36), nullable=False),
    sa.Column('child_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('start', sa.Time(), nullable=False),
    sa.Column('end', sa.Time(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('source', sa.String(length=12), nullable=False),
    sa.Column('fiscal_year', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=16), nullable=False),
    sa.Column('hourly_fee_yen', sa.Integer(), nullable=False),
    sa.Column('fee_yen', sa.Integer(), nullable=False),
    sa.Column('pickup_kind', sa.String(length=12), nullable=False),
    sa.Column('pickup_name', sa.String(length=200), nullable=False),
    sa.Column('pickup_relation', sa.String(length=100), nullable=False),
    sa.Column('pickup_phone', sa.String(length=40), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('plan_id', sa.String(length=36), nullable=True),
    sa.Column('interview_slot_id', sa.String(length=36), nullable=True),
    sa.Column('registration_id', sa.String(length=36), nullable=True),
    sa.Column('override', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.CheckConstraint("kind != 'interview' OR interview_slot_id IS NOT NULL", name=op.f('ck_bookings_interview_slot')),
    sa.CheckConstraint("kind IN ('flexible', 'regular', 'interview')", name=op.f('ck_bookings_kind')),
    sa.CheckConstraint("pickup_kind IN ('guardian', 'other')", name=op.f('ck_bookings_pickup_kind')),
    sa.CheckConstraint("source IN ('phone', 'walk_in', 'online')", name=op.f('ck_bookings_source')),
    sa.CheckConstraint("status IN ('pending', 'confirmed', 'rejected', 'cancelled', 'attended', 'no_show')", name=op.f('ck_bookings_status')),
    sa.CheckConstraint('fee_yen >= 0 AND hourly_fee_yen >= 0', name=op.f('ck_bookings_fee_not_negative')),
    sa.CheckConstraint('start < "end"', name=op.f('ck_bookings_time_order')),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_bookings_child_id_children')),
    sa.ForeignKeyConstraint(['facility_id'], ['facilities.id'], name=op.f('fk_bookings_facility_id_facilities')),
    sa.ForeignKeyConstraint(['interview_slot_id'], ['interview_slots.id'], name=op.f('fk_bookings_interview_slot_id_interview_slots')),
    sa.ForeignKeyConstraint(['plan_id'], ['regular_plans.id'], name=op.f('fk_bookings_plan_id_regular_plans')),
    sa.ForeignKeyConstraint(['registration_id'], ['registrations.id'], name=op.f('fk_bookings_registration_id_registrations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bookings')),
    sa.UniqueConstraint('facility_id', 'fiscal_year', 'number', name='uq_bookings_number')
    )
    with op.batch_alter_table('bookings', schema=None) as batch_op:
        batch_op.create_index('ix_bookings_child_day', ['child_id', 'day'], unique=False)
        batch_op.create_index('ix_bookings_facility_day', ['facility_id', 'day', 'status'], unique=False)
        batch_op.create_index('ix_bookings_plan', ['plan_id'], unique=False)

    op.create_table('attendance_marks',
    sa.Column('booking_id', sa.String(length=36), nullable=False),
    sa.Column('checked_in_at', sa.DateTime(), nullable=False),
    sa.Column('checked_out_at', sa.DateTime(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.CheckConstraint('checked_out_at IS NULL OR checked_out_at >= checked_in_at', name=op.f('ck_attendance_marks_time_order')),
    sa.ForeignKeyConstraint(['booking_id'], ['bookings.id'], name=op.f('fk_attendance_marks_booking_id_bookings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('booking_id', name=op.f('pk_attendance_marks'))
    )
    op.create_table('charges',
    sa.Column('booking_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('reason', sa.String(length=12), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('late', sa.Boolean(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('fee_yen', sa.Integer(), nullable=False),
    sa.Column('quota_minutes', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('waived', sa.Boolean(), nullable=False),
    sa.Column('waive_reason', sa.Text(), nullable=False),
    sa.Column('waived_by', sa.String(length=64), nullable=True),
    sa.Column('waived_at', sa.DateTime(), nullable=True),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.CheckConstraint("kind IN ('cancel', 'no_show', 'change')", name=op.f('ck_charges_kind')),
    sa.CheckConstraint("reason IN ('illness', 'family', 'facility', 'mistake', 'other', 'no_show')", name=op.f('ck_charges_reason')),
    sa.CheckConstraint('fee_yen >= 0 AND quota_minutes >= 0 AND minutes >= 0', name=op.f('ck_charges_amounts')),
    sa.ForeignKeyConstraint(['booking_id'], ['bookings.id'], name=op.f('fk_charges_booking_id_bookings')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_charges'))
    )
    with op.batch_alter_table('charges', schema=None) as batch_op:
        batch_op.create_index('ix_charges_booking', ['booking_id'], unique=False)

    op.create_table('payments',
    sa.Column('booking_id', sa.String(length=36), nullable=False),
    sa.Column('amount_yen', sa.Integer(), nullable=False),
    sa.Column('paid_at', sa.DateTime(), nullable=False),
    sa.Column('staff_login', sa.String(length=64), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.CheckConstraint('amount_yen != 0', name=op.f('ck_payments_amount_not_zero')),
    sa.ForeignKeyConstraint(['booking_id'], ['bookings.id'], name=op.f('fk_payments_booking_id_bookings')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payments'))
    )
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payments_booking_id'), ['booking_id'], unique=False)

    op.create_table('queue_items',
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('facility_id', sa.String(length=36), nullable=True),
    sa.Column('child_id', sa.String(length=36), nullable=True),
    sa.Column('registration_id', sa.String(length=36), nullable=True),
    sa.Column('booking_id', sa.String(length=36), nullable=True),
    sa.Column('plan_id', sa.String(length=36), nullable=True),
    sa.Column('request_id', sa.String(length=100), nullable=True),
    sa.Column('request', sa.JSON(), nullable=False),
    sa.Column('source', sa.String(length=12), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('decision_note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.CheckConstraint("kind IN ('registration', 'interview', 'booking', 'regular', 'cancel')", name=op.f('ck_queue_items_kind')),
    sa.CheckConstraint("status IN ('pending', 'approved', 'rejected', 'withdrawn')", name=op.f('ck_queue_items_status')),
    sa.ForeignKeyConstraint(['booking_id'], ['bookings.id'], name=op.f('fk_queue_items_booking_id_bookings')),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_queue_items_child_id_children')),
    sa.ForeignKeyConstraint(['facility_id'], ['facilities.id'], name=op.f('fk_queue_items_facility_id_facilities')),
    sa.ForeignKeyConstraint(['plan_id'], ['regular_plans.id'], name=op.f('fk_queue_items_plan_id_regular_plans')),
    sa.ForeignKeyConstraint(['registration_id'], ['registrations.id'], name=op.f('fk_queue_items_registration_id_registrations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_queue_items')),
    sa.UniqueConstraint('request_id', name=op.f('uq_queue_items_request_id'))
    )
    with op.batch_alter_table('queue_items', schema=None) as batch_op:
        batch_op.create_index('ix_queue_items_status', ['status', 'facility_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('queue_items', schema=None) as batch_op:
        batch_op.drop_index('ix_queue_items_status')

    op.drop_table('queue_items')
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payments_booking_id'))

    op.drop_table('payments')
    with op.batch_alter_table('charges', schema=None) as batch_op:
        batch_op.drop_index('ix_charges_booking')

    op.drop_table('charges')
    op.drop_table('attendance_marks')
    with op.batch_alter_table('bookings', schema=None) as batch_op:
        batch_op.drop_index('ix_bookings_plan')
        batch_op.drop_index('ix_bookings_facility_day')
        batch_op.drop_index('ix_bookings_child_day')

    op.drop_table('bookings')
    op.drop_table('regular_plans')
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.drop_index('ix_registrations_child_facility')

    op.drop_table('registrations')
    with op.batch_alter_table('emergency_contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_emergency_contacts_phone_digits'))

    op.drop_table('emergency_contacts')
    with op.batch_alter_table('child_search_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_child_search_keys_child_id'))

    op.drop_table('child_search_keys')
    op.drop_table('opened_days')
    op.drop_table('interview_slots')
    with op.batch_alter_table('closures', schema=None) as batch_op:
        batch_op.drop_index('ix_closures_facility_day')

    op.drop_table('closures')
    with op.batch_alter_table('children', schema=None) as batch_op:
        batch_op.drop_index('uq_children_kana_key_birth_date')

    op.drop_table('children')
    with op.batch_alter_table('capacity_settings', schema=None) as batch_op:
        batch_op.drop_index('ix_capacity_settings_lookup')

    op.drop_table('capacity_settings')
    with op.batch_alter_table('guardians', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_guardians_phone_digits'))

    op.drop_table('guardians')
    op.drop_table('facilities')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_entity_id'))
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))
        batch_op.drop_index(batch_op.f('ix_audit_log_action'))

    op.drop_table('audit_log')
