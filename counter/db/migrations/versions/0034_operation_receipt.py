"""The receipts of the service's writes: a write asked again with its key gives the same answer and applies once.

Revision ID: 0034_operation_receipt
Revises: 0033_pledge_check
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0034_operation_receipt"
down_revision = "0033_pledge_check"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "operation_receipt",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("operation", sa.String(length=80), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_operation_receipt")),
    )
    op.create_index("ix_operation_receipt_made_at", "operation_receipt", ["made_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_operation_receipt_made_at", table_name="operation_receipt")
    op.drop_table("operation_receipt")
