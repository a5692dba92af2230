"""The items still with their departments, one row each: the department's queue and the items' alerts.

An item's path is kept as lines of its case's history (counter.case.item_lines), which sync carries; reading every
case's history to find what a department holds would read millions of lines at a league.  ``open_item`` holds only
the items routed and not yet decided, of cases still in the hall's hands, with their department as the case's site
names it and their dates; it is rewritten from the case's history in the unit of work of every step that changes
them (counter.actions.cases.item_track), so it is never ahead of nor behind the history.  It grows with the work in hand,
not with the years: a decided item leaves it.

No rows are made for what was routed before: routing to departments is new with this revision.

Revision ID: 0018_open_items
Revises: 0017_outbox
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_open_items"
down_revision = "0017_outbox"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "open_item",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("item_code", sa.String(length=24), nullable=False),
        sa.Column("item_name", sa.String(length=200), nullable=False),
        sa.Column("site_code", sa.String(length=12), nullable=False),
        sa.Column("department", sa.String(length=200), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("routed_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("legal_due", sa.Date(), nullable=True),
        sa.Column("promised_due", sa.Date(), nullable=True),
        sa.Column("paused_since", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_open_item_case_id_case")),
        sa.PrimaryKeyConstraint("case_id", "item_code", name=op.f("pk_open_item")),
    )
    op.create_index("ix_open_item_department_due", "open_item", ["department", "due_on"])
    op.create_index("ix_open_item_site_due", "open_item", ["site_code", "due_on"])


def downgrade() -> None:
    op.drop_index("ix_open_item_site_due", table_name="open_item")
    op.drop_index("ix_open_item_department_due", table_name="open_item")
    op.drop_table("open_item")
