"""告知承诺's facts on record, and the service of a paper: the periods given from service, the 复查 of a correction
ordered, what the hearing gave, and ``paper_service`` (counter.case.served), one row per paper served.

The new columns of ``pledge_check`` default to nothing recorded, so a promise found false before this revision reads
as it did: its last days kept as they were given.

Revision ID: 0002_pledge_service
Revises: 0001_baseline
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_pledge_service"
down_revision = "0001_baseline"
branch_labels = None
depends_on = None

_COLUMNS = (
    ("correct_days", sa.Integer(), None),
    ("hear_days", sa.Integer(), None),
    ("recheck", sa.String(length=16), ""),
    ("rechecked_on", sa.Date(), None),
    ("recheck_finding", sa.Text(), ""),
    ("hearing_said", sa.Text(), ""),
    ("hearing_answer", sa.Text(), ""),
)


def upgrade() -> None:
    for name, kind, default in _COLUMNS:
        column = (
            sa.Column(name, kind, nullable=True)
            if default is None
            else sa.Column(name, kind, server_default=default, nullable=False)
        )
        op.add_column("pledge_check", column)
    op.create_table(
        "paper_service",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("doc_no", sa.String(length=30), nullable=False),
        sa.Column("way", sa.String(length=8), nullable=False),
        sa.Column("served_on", sa.Date(), nullable=False),
        sa.Column("recipient", sa.String(length=60), nullable=False),
        sa.Column("tracking_no", sa.String(length=40), nullable=False),
        sa.Column("clerk", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_paper_service_case_id_case")),
        sa.PrimaryKeyConstraint("case_id", "doc_no", name=op.f("pk_paper_service")),
    )


def downgrade() -> None:
    op.drop_table("paper_service")
    with op.batch_alter_table("pledge_check") as batch:
        for name, _, _ in reversed(_COLUMNS):
            batch.drop_column(name)
