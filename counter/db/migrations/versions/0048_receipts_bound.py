"""Idempotency receipts bound to what asked them, their answers sealed.

A key is bound to the account and desk that asked, the operation, and the request (``request_hash``): asked again with
any of them changed it is refused, never answered with another request's result (:mod:`counter.service.local`).
The answer becomes :class:`counter.db.sealed.SealedText` (no change of the column's type: TEXT either way).

The receipts already kept are deleted: their answers are in clear (a desk's draft, with its applicant's ID number
and phone, among them), and none is owed any more: a desk asks a write again within its retry window, and the
server is stopped for its upgrade.  Plain ADD COLUMNs with a constant default: instant on SQLite and PostgreSQL.

Revision ID: 0048_receipts_bound
Revises: 0047_rating_rater_sealed
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0048_receipts_bound"
down_revision = "0047_rating_rater_sealed"
branch_labels = None
depends_on = None

_COLUMNS = (("account", 64), ("desk", 40), ("request_hash", 64))


def upgrade() -> None:
    op.execute("DELETE FROM operation_receipt")
    for name, length in _COLUMNS:
        op.add_column("operation_receipt", sa.Column(name, sa.String(length=length), nullable=False, server_default=""))


def downgrade() -> None:
    op.execute("DELETE FROM operation_receipt")  # sealed answers the older program would read as they are
    for name, _ in reversed(_COLUMNS):
        op.drop_column("operation_receipt", name)
