"""Decision log: what became of each request a channel sent, and the decision files written.

Decisions taken under revision 0001 were not logged (there was no decision file yet): the
first decision file after this upgrade starts with the decisions taken after it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('decision_exports',
    sa.Column('exported_at', sa.DateTime(), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('since', sa.DateTime(), nullable=True),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.Column('rows', sa.Integer(), nullable=False),
    sa.Column('staff_login', sa.String(length=64), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision_exports'))
    )
    op.create_table('decisions',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('request_id', sa.String(length=100), nullable=False),
    sa.Column('facility_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('decision', sa.String(length=12), nullable=False),
    sa.Column('booking_number', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('late', sa.Boolean(), nullable=True),
    sa.Column('fee_yen', sa.Integer(), nullable=True),
    sa.Column('quota_minutes', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("decision IN ('approved', 'rejected', 'cancelled')", name=op.f('ck_decisions_decision')),
    sa.CheckConstraint("kind IN ('registration', 'usage_approval', 'interview', 'booking', 'regular', 'cancel')", name=op.f('ck_decisions_kind')),
    sa.ForeignKeyConstraint(['facility_id'], ['facilities.id'], name=op.f('fk_decisions_facility_id_facilities')),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_decisions')),
    sqlite_autoincrement=True,
    )
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decisions_decided_at'), ['decided_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_decisions_request_id'), ['request_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decisions_request_id'))
        batch_op.drop_index(batch_op.f('ix_decisions_decided_at'))

    op.drop_table('decisions')
    op.drop_table('decision_exports')
