"""Audit entries: the algorithm each was chained with, so entries chained under HMAC-SM3 follow those under SHA-256.

Entries written before keep ``""`` (SHA-256, as they were hashed); an entry written where the site's trail key is
(:mod:`counter.host.trail_key`) says ``hmac-sm3``.  A plain ADD COLUMN with a constant default: instant on SQLite and
PostgreSQL, and the table is not rebuilt, so its insert-only triggers stay as they are.

Revision ID: 0042_trail_sm3
Revises: 0037_front_store_licence_use
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0042_trail_sm3"
down_revision = "0037_front_store_licence_use"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("audit_entry", sa.Column("alg", sa.String(length=12), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_column("alg")
