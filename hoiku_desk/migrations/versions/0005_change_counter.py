"""The change counter and log: every committed write moves the counter on and notes what it
touched, so a desk judges again only what changed since it last judged the approval queue
(services/changes.py).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('change_counter',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_counter'))
    )
    op.create_table('change_log',
    sa.Column('value', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('touched', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('value', name=op.f('pk_change_log'))
    )


def downgrade() -> None:
    op.drop_table('change_log')
    op.drop_table('change_counter')
