"""The format of a paper sent through the platform: ``paper_sent.doc_format``, ``pdf`` or ``ofd``.

A paper whose body has its electronic seal here goes up as its sealed OFD; one without, as its PDF.  A resend must
be the paper first sent, so the record says which it was.  Every paper sent before this revision went up as its PDF
and reads so: a later resend of it sends that PDF again, not a sealed OFD made in its place.

Revision ID: 0008_paper_sent_format
Revises: 0007_sealed_papers
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_paper_sent_format"
down_revision = "0007_sealed_papers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "paper_sent", sa.Column("doc_format", sa.String(length=8), server_default="pdf", nullable=False)
    )


def downgrade() -> None:
    with op.batch_alter_table("paper_sent") as batch:
        batch.drop_column("doc_format")
