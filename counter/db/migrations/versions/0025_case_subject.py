"""The subject of a case's bundle: the newborn of 052, the household of 078, as the intake took them.

A guide may declare subject fields (docs/catalog-format.md); the intake asks them after the applicant and the case
keeps them as JSON, ``[[code, value], …]`` in the guide's order. Cases taken before, and cases of a bundle without a
subject, keep ``""``.

Revision ID: 0025_case_subject
Revises: 0024_peer_seals
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0025_case_subject"
down_revision = "0024_peer_seals"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.add_column(sa.Column("subject", sa.Text(), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_column("subject")
