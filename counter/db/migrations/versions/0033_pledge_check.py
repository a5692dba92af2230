"""告知承诺: the items granted on a written promise and the 核查 each is owed, by department and date.

Revision ID: 0033_pledge_check
Revises: 0032_peer_county
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0033_pledge_check"
down_revision = "0032_peer_county"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pledge_check",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("item_code", sa.String(length=24), nullable=False),
        sa.Column("item_name", sa.String(length=200), nullable=False),
        sa.Column("site_code", sa.String(length=12), nullable=False),
        sa.Column("department", sa.String(length=200), nullable=False),
        sa.Column("granted_on", sa.Date(), nullable=False),
        sa.Column("check_due", sa.Date(), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=True),
        sa.Column("kept", sa.Boolean(), nullable=True),
        sa.Column("finding", sa.Text(), nullable=False),
        sa.Column("pledge_doc_no", sa.String(length=30), nullable=False),
        sa.Column("revocation_doc_no", sa.String(length=30), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_pledge_check_case_id_case")),
        sa.PrimaryKeyConstraint("case_id", "item_code", name=op.f("pk_pledge_check")),
    )
    op.create_index("ix_pledge_check_department_due", "pledge_check", ["department", "check_due"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_pledge_check_department_due", table_name="pledge_check")
    op.drop_table("pledge_check")
