"""A pad device's last contact: ``hall_pad.heard_until``, the end of the ask it holds at the server for its next
request (or of the time on the pad of the request it took), so that the desk that asked a rating is told when its
pad went away.  Nothing existing changes: a pad registered before is "never heard" until its next ask.

Revision ID: 0009_pad_heard
Revises: 0008_paper_sent_format
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_pad_heard"
down_revision = "0008_paper_sent_format"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("hall_pad", sa.Column("heard_until", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("hall_pad") as batch:
        batch.drop_column("heard_until")
