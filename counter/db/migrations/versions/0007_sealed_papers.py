"""Sealed papers kept: ``sealed_paper`` holds a case paper's sealed OFD as first made (the seal's moment and
signature differ at each sealing), so its reprint and the paper sent to the platform are the same sealed document.
Nothing existing changes: papers sealed before are sealed again once at their next print, then kept.

Revision ID: 0007_sealed_papers
Revises: 0006_pad_devices
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_sealed_papers"
down_revision = "0006_pad_devices"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sealed_paper",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("sealed_by", sa.String(length=120), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("ofd", sa.LargeBinary(), nullable=False),
        sa.Column("sealed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document_record.id"], name=op.f("fk_sealed_paper_document_id_document_record")
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_sealed_paper")),
    )


def downgrade() -> None:
    op.drop_table("sealed_paper")
