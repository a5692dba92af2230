"""The front store's marks of the platform's events (前置库).

The 电子证照 of the same change need no table: a licence's 用证 (who, when, why, its 加注件) and a C-level copy's
check against its original are kept in the checklist line's licence record (counter.intake.licence_use), which the
case's ``licence`` column holds already (0029).

Revision ID: 0037_front_store_licence_use
Revises: 0035_desk_session
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0037_front_store_licence_use"
down_revision = "0035_desk_session"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "front_store_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("batch", sa.String(length=80), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["platform_event.id"], name=op.f("fk_front_store_event_event_id_platform_event")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_front_store_event")),
        sa.UniqueConstraint("event_id", name=op.f("uq_front_store_event_event_id")),
    )
    op.create_index("ix_front_store_event_due", "front_store_event", ["state", "next_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_front_store_event_due", table_name="front_store_event")
    op.drop_table("front_store_event")
