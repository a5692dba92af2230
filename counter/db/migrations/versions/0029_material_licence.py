"""The 电子证照 a checklist line was taken as, or that the 证照库 could not be asked for it.

A material the intake took from the region's 电子证照库 keeps the licence as the library described it: type, number,
holder, issuing body, validity and trust level (A–D), as compact JSON (counter.intake.licences.licence_record); a
line whose look-up failed keeps ``{"lookup_failed": reason}``, the paper having been taken as before. Lines taken
before, and lines never looked up, keep ``""``.

Revision ID: 0029_material_licence
Revises: 0028_platform_outbox
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0029_material_licence"
down_revision = "0028_platform_outbox"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case_material", schema=None) as batch_op:
        batch_op.add_column(sa.Column("licence", sa.Text(), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("case_material", schema=None) as batch_op:
        batch_op.drop_column("licence")
