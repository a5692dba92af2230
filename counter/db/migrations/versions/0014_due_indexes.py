"""The deferred materials still awaited, by due date: the F6 list of deferrals coming due reads a page of them.

The list showed every case awaiting deferred materials due within two working days or overdue, and to order them
by their next due date it worked out that date for every waiting case (the earliest of its materials not handed in
and not lapsed), then sorted: a hall with a long overdue backlog paid for all of it at every refresh.
``ix_case_material_waiting`` holds only the materials still awaited (a due date, no arrival), in due order, so the
list walks it from the earliest and stops at the rows it shows; it grows with what is awaited, and a material
leaves it when it arrives.

Revision ID: 0014_due_indexes
Revises: 0013_figure_indexes
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_due_indexes"
down_revision = "0013_figure_indexes"
branch_labels = None
depends_on = None

WAITING = sa.text("due_on IS NOT NULL AND arrived_on IS NULL")


def upgrade() -> None:
    op.create_index(
        "ix_case_material_waiting", "case_material", ["due_on", "case_id"], sqlite_where=WAITING,
        postgresql_where=WAITING,
    )  # fmt: skip


def downgrade() -> None:
    op.drop_index("ix_case_material_waiting", table_name="case_material")
