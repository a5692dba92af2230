"""Checklist lines: drop the index on case_id alone, which the unique (case_id, material_code) already serves.

A township's package of ten thousand cases brings a hundred thousand checklist
lines; every line paid for the second index and no query needed it, since an
index on (case_id, material_code) answers every lookup by case_id.

Revision ID: 0007_material_index
Revises: 0006_sync
"""

from __future__ import annotations

from alembic import op

revision = "0007_material_index"
down_revision = "0006_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_case_material_case_id", table_name="case_material")


def downgrade() -> None:
    op.create_index("ix_case_material_case_id", "case_material", ["case_id"], unique=False)
