"""Peers: the county (旗县市区, its 行政区划代码) a league's hall serves, what the league's figures group it by.

Empty for every other peer: a hall's townships and a township's hall are not grouped by county.

Revision ID: 0032_peer_county
Revises: 0031_case_material_page
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0032_peer_county"
down_revision = "0031_case_material_page"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("site_peer", sa.Column("county", sa.String(length=6), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("site_peer", schema=None) as batch_op:
        batch_op.drop_column("county")
