"""An index of ``paper_sent.remote_id``: the paper's download (``GET /v1/paper/download/{token}``) finds its link by
the token's hash kept there, and read every paper ever sent to find it (a sequential scan of ``paper_sent`` on each
download, asked by anyone the platform's gateway passes on).  Nothing existing changes.

Revision ID: 0010_paper_link_index
Revises: 0009_pad_heard
"""

from __future__ import annotations

from alembic import op

revision = "0010_paper_link_index"
down_revision = "0009_pad_heard"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f("ix_paper_sent_remote_id"), "paper_sent", ["remote_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_paper_sent_remote_id"), table_name="paper_sent")
