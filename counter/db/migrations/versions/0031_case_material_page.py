"""The pages a desk's document camera (高拍仪) took of a case's materials, as JPEG.

A table of its own beside ``case_material``: most lines have no page, and the line's row, its audit digest and the
case's sync record stay as they were.  A page is bounded and compressed before it is written
(counter.case.pages); ``compared`` marks a copy the clerk compared with the original.

Revision ID: 0031_case_material_page
Revises: 0030_case_sequence_index
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0031_case_material_page"
down_revision = "0030_case_sequence_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_material_page",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("material_code", sa.String(length=40), nullable=False),
        sa.Column("page_no", sa.Integer(), nullable=False),
        sa.Column("image", sa.LargeBinary(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("captured_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("clerk", sa.String(length=60), nullable=False),
        sa.Column("compared", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_case_material_page_case_id_case")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_material_page")),
        sa.UniqueConstraint("case_id", "material_code", "page_no", name=op.f("uq_case_material_page_case_id")),
    )


def downgrade() -> None:
    op.drop_table("case_material_page")
