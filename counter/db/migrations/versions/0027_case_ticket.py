"""The hall's queue ticket a case's applicant was called by (叫号), and their wait when the queue system gives it.

A table of its own beside ``case``: most cases have none (a township, a desk without a queue system), and the
case's own row, its audit digest and its sync record stay as they were.

Revision ID: 0027_case_ticket
Revises: 0026_lookup_indexes
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0027_case_ticket"
down_revision = "0026_lookup_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_ticket",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("ticket", sa.String(length=16), nullable=False),
        sa.Column("waited_s", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_case_ticket_case_id_case")),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_ticket")),
    )


def downgrade() -> None:
    op.drop_table("case_ticket")
