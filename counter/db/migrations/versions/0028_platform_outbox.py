"""Reports to the region's 一体化政务服务平台: the outbox a platform sender delivers from.

An event is written in the unit of work of the step it reports, so a step rolled back reports nothing; its key is
unique and the same on every site (counter.platform.events), so it is never queued twice, neither by the site that
took the step nor by the hall that receives it in a township's package; ``ix_platform_event_due`` is the sender's
walk of what waits, by when.

Revision ID: 0028_platform_outbox
Revises: 0027_case_ticket
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0028_platform_outbox"
down_revision = "0027_case_ticket"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "platform_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=160), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("event", sa.String(length=24), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("item_code", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("platform_id", sa.String(length=80), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_platform_event_case_id_case")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_platform_event")),
        sa.UniqueConstraint("key", name=op.f("uq_platform_event_key")),
    )
    op.create_index("ix_platform_event_case_id", "platform_event", ["case_id"])
    op.create_index("ix_platform_event_due", "platform_event", ["state", "next_at"])


def downgrade() -> None:
    op.drop_index("ix_platform_event_due", table_name="platform_event")
    op.drop_index("ix_platform_event_case_id", table_name="platform_event")
    op.drop_table("platform_event")
