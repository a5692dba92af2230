"""Peers: the X25519 key packages to them are sealed to, beside the Ed25519 key their packages are checked with.

A peer registered before packages were sealed keeps an empty key: nothing can
be sealed to it until its new site card (``counter-site/2``) is registered.

Revision ID: 0011_peer_encryption_key
Revises: 0010_audit_seals
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_peer_encryption_key"
down_revision = "0010_audit_seals"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "site_peer", sa.Column("encryption_key", sa.String(length=80), nullable=False, server_default="")
    )


def downgrade() -> None:
    op.drop_column("site_peer", "encryption_key")
