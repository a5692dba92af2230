"""Review pads as devices of their own: ``hall_pad`` (a pad registered at the hall server with its key's hash, and
the desk it is paired to) and ``pad_request`` (a rating request that belongs to a pad device, answered under its key
alone).  Nothing existing changes: the requests asked before belong to no pad.

Revision ID: 0006_pad_devices
Revises: 0005_e_service
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_pad_devices"
down_revision = "0005_e_service"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hall_pad",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("desk_no", sa.String(length=4), nullable=True),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_hall_pad")),
        sa.UniqueConstraint("desk_no", name=op.f("uq_hall_pad_desk_no")),
    )
    op.create_table(
        "pad_request",
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("pad", sa.String(length=32), nullable=False),
        sa.Column("staff_no", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"], ["rating_request.id"], name=op.f("fk_pad_request_request_id_rating_request")
        ),
        sa.PrimaryKeyConstraint("request_id", name=op.f("pk_pad_request")),
    )
    op.create_index(op.f("ix_pad_request_pad"), "pad_request", ["pad"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_pad_request_pad"), table_name="pad_request")
    op.drop_table("pad_request")
    op.drop_table("hall_pad")
