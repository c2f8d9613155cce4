"""Indexes on the queue items' booking and plan: a cancellation finds the booking's queue
item and the request that made it without reading the whole queue (bench/README.md).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from collections.abc import Sequence

from alembic import op


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('queue_items', schema=None) as batch_op:
        batch_op.create_index('ix_queue_items_booking', ['booking_id'], unique=False)
        batch_op.create_index('ix_queue_items_plan', ['plan_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('queue_items', schema=None) as batch_op:
        batch_op.drop_index('ix_queue_items_plan')
        batch_op.drop_index('ix_queue_items_booking')

