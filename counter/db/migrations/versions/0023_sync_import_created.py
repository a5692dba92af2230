"""When each package taken in was written, as its sender's signed header says.

A package written before the last one taken in from the same sender is an old file carried again, or a replay: the
importer refuses it (:mod:`counter.sync.freshness`), and needs the time the last one was written for that, kept
beside its number.  Packages taken in before this revision have none: the check then falls back to the sender's
registration.

Revision ID: 0023_sync_import_created
Revises: 0022_no_calendar_stamp
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023_sync_import_created"
down_revision = "0022_no_calendar_stamp"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_import", schema=None) as batch_op:
        batch_op.add_column(sa.Column("created_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_import", schema=None) as batch_op:
        batch_op.drop_column("created_at")
