"""The record of each person's ID number read whole (:class:`counter.db.models.IdRead`): who, desk, case, when.

A 等保 level-3 assessment asks who looked at a person's record; a supervisor lists it (``counter audit reads``).  The
number itself is never written: its keyed index is.

Revision ID: 0049_id_reads
Revises: 0048_receipts_bound
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0049_id_reads"
down_revision = "0048_receipts_bound"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "id_read",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("login", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("site_code", sa.String(length=20), nullable=False),
        sa.Column("desk_no", sa.String(length=8), nullable=False),
        sa.Column("case_no", sa.String(length=50), nullable=False),
        sa.Column("person_key", sa.String(length=64), nullable=False),
        sa.Column("operation", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_id_read")),
    )
    op.create_index("ix_id_read_at", "id_read", ["at"])
    op.create_index("ix_id_read_login_at", "id_read", ["login", "at"])
    op.create_index("ix_id_read_case_no", "id_read", ["case_no"])


def downgrade() -> None:
    op.drop_table("id_read")
