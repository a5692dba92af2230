"""Messages to applicants: the outbox an SMS sender delivers from (seed 001 第十八条).

A message is written in the unit of work of the step it tells of, so a step rolled back leaves none; its key is
unique, so it is never queued twice; ``ix_outbox_message_due`` is the sender's walk of what waits, by when.

Revision ID: 0017_outbox
Revises: 0016_waiting_by_case
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_outbox"
down_revision = "0016_waiting_by_case"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("item_code", sa.String(length=40), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("tracking", sa.String(length=40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("gateway_id", sa.String(length=80), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_outbox_message_case_id_case")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_message")),
        sa.UniqueConstraint("key", name=op.f("uq_outbox_message_key")),
    )
    op.create_index("ix_outbox_message_case_id", "outbox_message", ["case_id"])
    op.create_index("ix_outbox_message_due", "outbox_message", ["state", "next_at"])


def downgrade() -> None:
    op.drop_index("ix_outbox_message_due", table_name="outbox_message")
    op.drop_index("ix_outbox_message_case_id", table_name="outbox_message")
    op.drop_table("outbox_message")
