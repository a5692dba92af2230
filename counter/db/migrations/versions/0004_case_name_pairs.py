"""F7 finds a name by any part of it: the pairs of characters of each case's applicant name.

The index of the whole name (``ix_case_applicant_name``) found only a name's beginning: 孟和 missed
阿拉坦其其格·孟和巴雅尔.  ``case_name_pair`` holds each pair of neighbouring characters of the name (Latin letters in
lower case) with the day the case was received; a lookup takes the cases of the period that have every pair of what
was typed.  The existing cases' pairs are written here, a batch of cases at a time; the name index, read by nothing
else, goes.  The pairs are computed as :func:`counter.case.lookup.name_pairs` makes them, written out here so that
this migration stays as it ran.

Revision ID: 0004_case_name_pairs
Revises: 0003_intake_drafts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_case_name_pairs"
down_revision = "0003_intake_drafts"
branch_labels = None
depends_on = None

BATCH = 5000  # cases read per statement: a hall's years of cases backfill without holding them all at once


def _pairs(name: str) -> set[str]:
    text = name.lower()
    return {text[i : i + 2] for i in range(len(text) - 1)}


def upgrade() -> None:
    op.create_table(
        "case_name_pair",
        sa.Column("pair", sa.String(length=2), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_case_name_pair_case_id_case")),
        sa.PrimaryKeyConstraint("pair", "received_on", "case_id", name=op.f("pk_case_name_pair")),
    )
    op.create_index(op.f("ix_case_name_pair_case_id"), "case_name_pair", ["case_id"], unique=False)
    bind = op.get_bind()
    case = sa.table("case", sa.column("id", sa.Integer), sa.column("applicant_name"), sa.column("received_on"))
    pairs = sa.table("case_name_pair", sa.column("pair"), sa.column("received_on"), sa.column("case_id"))
    last = 0
    while True:
        rows = bind.execute(
            sa.select(case.c.id, case.c.applicant_name, case.c.received_on)
            .where(case.c.id > last)
            .order_by(case.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        values = [
            {"pair": pair, "received_on": received_on, "case_id": case_id}
            for case_id, name, received_on in rows
            for pair in sorted(_pairs(name or ""))
        ]
        if values:
            bind.execute(pairs.insert(), values)
        last = rows[-1][0]
    op.drop_index("ix_case_applicant_name", table_name="case")


def downgrade() -> None:
    """Support only: the index of the whole name again, the pairs gone."""
    op.create_index(
        "ix_case_applicant_name", "case", ["applicant_name", "received_on"], unique=False,
        postgresql_ops={"applicant_name": "text_pattern_ops"},
    )  # fmt: skip
    op.drop_index(op.f("ix_case_name_pair_case_id"), table_name="case_name_pair")
    op.drop_table("case_name_pair")
