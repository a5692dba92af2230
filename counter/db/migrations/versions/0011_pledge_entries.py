"""The department's 文号 and officer of the steps after a grant on a promise the window entered for it (代为录入):
``pledge_check.entries``, by step (:mod:`counter.case.pledge_entries`).  Nothing existing changes: a row recorded
before keeps "", as one of the department's own desk does.

Revision ID: 0011_pledge_entries
Revises: 0010_paper_link_index
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_pledge_entries"
down_revision = "0010_paper_link_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("pledge_check", sa.Column("entries", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("pledge_check") as batch:
        batch.drop_column("entries")
