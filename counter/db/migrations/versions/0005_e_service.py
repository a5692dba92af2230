"""电子送达 on record (counter.documents.e_service): ``e_service_agreement``, the applicant's agreement to electronic
service with its day and means, and ``paper_sent``, each paper sent through the platform with the digest of the bytes
sent and the platform's id of it.  The service, once confirmed, is a ``paper_service`` row of way ``online``.

Two new tables, nothing else changed: a case recorded before this revision reads as paper only.

Revision ID: 0005_e_service
Revises: 0004_case_name_pairs
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_e_service"
down_revision = "0004_case_name_pairs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "e_service_agreement",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("means", sa.String(length=8), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=False),
        sa.Column("clerk", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_e_service_agreement_case_id_case")),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_e_service_agreement")),
    )
    op.create_table(
        "paper_sent",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("doc_no", sa.String(length=30), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("item_code", sa.String(length=24), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("remote_id", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_paper_sent_case_id_case")),
        sa.PrimaryKeyConstraint("case_id", "doc_no", name=op.f("pk_paper_sent")),
    )


def downgrade() -> None:
    op.drop_table("paper_sent")
    op.drop_table("e_service_agreement")
