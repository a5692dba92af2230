"""The townships' seals, as the hall received them.

A township seals its own trail with its own key, on the laptop where its clerks also work: whoever holds that
laptop can rewrite a sealed part of the trail (a bad rating deleted) and seal again.  Its seals now travel in its
packages (format 5) and the hall keeps each one, insert-only, so a seal sent again under the same number but not
the same shows at the hall (``audit verify``).

Revision ID: 0024_peer_seals
Revises: 0023_sync_import_created
"""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import op

_ratings = importlib.import_module("counter.db.migrations.versions.0004_ratings")

revision = "0024_peer_seals"
down_revision = "0023_sync_import_created"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "peer_seal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_code", sa.String(length=20), nullable=False),
        sa.Column("no", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("prev", sa.String(length=64), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("signature", sa.String(length=100), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_peer_seal")),
        sa.UniqueConstraint("site_code", "no", "digest", name=op.f("uq_peer_seal_site_code")),
    )
    for statement in _ratings.insert_only_triggers("peer_seal", op.get_bind().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    for statement in _ratings.drop_insert_only_triggers("peer_seal", op.get_bind().dialect.name):
        op.execute(statement)
    op.drop_table("peer_seal")
