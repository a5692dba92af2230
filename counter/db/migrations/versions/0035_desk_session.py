"""The hall server's registered desks and the sessions of the clerks signed in at them, by hashes only.

Revision ID: 0035_desk_session
Revises: 0034_operation_receipt
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0035_desk_session"
down_revision = "0034_operation_receipt"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hall_desk",
        sa.Column("desk_no", sa.String(length=4), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("desk_no", name=op.f("pk_hall_desk")),
    )
    op.create_table(
        "desk_session",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("login", sa.String(length=64), nullable=False),
        sa.Column("desk_no", sa.String(length=4), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_desk_session")),
    )
    op.create_index("ix_desk_session_ends_at", "desk_session", ["ends_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_desk_session_ends_at", table_name="desk_session")
    op.drop_table("desk_session")
    op.drop_table("hall_desk")
