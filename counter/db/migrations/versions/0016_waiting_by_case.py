"""A case's deferred materials still awaited, by case: the F6 walk asks of each one whether an earlier one waits.

The walk of ``ix_case_material_waiting`` (migration 0014) takes a material as its case's next due only when no other
material of the same case waits with an earlier date; without an index of what waits by case, each question read
all of the case's checklist lines from the table (about eight, most handed in long ago) — nine tenths of the F6
page's time in a hall of 5M cases.  ``ix_case_material_waiting_by_case`` holds the same few lines as 0014's index,
led by the case, with the due date and id the question compares; the next due date of the day's cases (the first
half of F6) is read from it too.

Revision ID: 0016_waiting_by_case
Revises: 0015_service_standing
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_waiting_by_case"
down_revision = "0015_service_standing"
branch_labels = None
depends_on = None

WAITING = sa.text("due_on IS NOT NULL AND arrived_on IS NULL")


def upgrade() -> None:
    op.create_index(
        "ix_case_material_waiting_by_case", "case_material", ["case_id", "due_on", "id"], sqlite_where=WAITING,
        postgresql_where=WAITING,
    )  # fmt: skip


def downgrade() -> None:
    op.drop_index("ix_case_material_waiting_by_case", table_name="case_material")
