"""The steps a promise found false takes before its licence is revoked (:class:`counter.db.models.PledgeCheck`): the
责令限期改正 where the item's law provides it, the 陈述申辩 notice, the revocation, and their papers' numbers.

Revision ID: 0050_pledge_steps
Revises: 0049_id_reads
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0050_pledge_steps"
down_revision = "0049_id_reads"
branch_labels = None
depends_on = None

_DATES = ("correct_by", "heard_on", "hear_by", "revoked_on")
_NUMBERS = ("correction_doc_no", "hearing_doc_no")


def upgrade() -> None:
    with op.batch_alter_table("pledge_check") as table:
        for name in _DATES:
            table.add_column(sa.Column(name, sa.Date(), nullable=True))
        for name in _NUMBERS:
            table.add_column(sa.Column(name, sa.String(length=30), nullable=False, server_default=""))
    # a promise found false before this revision was revoked on the day of its check, as the history records
    op.execute("UPDATE pledge_check SET revoked_on = checked_on WHERE kept = false")


def downgrade() -> None:
    with op.batch_alter_table("pledge_check") as table:
        for name in (*_DATES, *_NUMBERS):
            table.drop_column(name)
