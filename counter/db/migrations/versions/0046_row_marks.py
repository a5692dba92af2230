"""Accounts and settings: each row's mark, HMAC-SM3 under the trail key (:mod:`counter.audit.row_mac`).

Empty for every row here: the key is not in the database, so the upgrade cannot mark them.  The machine that holds
the key marks every row the first time it makes the key (its first seal), and each row it writes from then on.
A plain ADD COLUMN with a constant default: instant on SQLite and PostgreSQL alike.

Revision ID: 0046_row_marks
Revises: 0045_personal_sealed
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0046_row_marks"
down_revision = "0045_personal_sealed"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("account", "setting"):
        op.add_column(table, sa.Column("mac", sa.String(length=64), nullable=False, server_default=""))


def downgrade() -> None:
    for table in ("account", "setting"):
        op.drop_column(table, "mac")
