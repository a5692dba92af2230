"""The department a department's staff account works for: its steps are confined to that department's items.

Empty for every other account, and for the accounts made before: a department account without a department works
every department's items, as it did.

Revision ID: 0019_account_department
Revises: 0018_open_items
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019_account_department"
down_revision = "0018_open_items"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("account") as batch:
        batch.add_column(sa.Column("department", sa.String(length=200), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("account") as batch:
        batch.drop_column("department")
