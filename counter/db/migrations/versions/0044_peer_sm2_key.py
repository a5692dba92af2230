"""Peers: the SM2 public key of a peer whose card carries one, for packages of the national suite.

A peer registered from a card without one keeps an empty key: its packages of
the national suite are refused as from an unknown key, and packages to it are
sealed with the other suite, until its new card is registered.

Revision ID: 0044_peer_sm2_key
Revises: 0042_trail_sm3
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0044_peer_sm2_key"
down_revision = "0042_trail_sm3"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("site_peer", sa.Column("sm2_key", sa.String(length=120), nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_column("site_peer", "sm2_key")
