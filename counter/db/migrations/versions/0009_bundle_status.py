"""Bundles: the status of the current guide (published, 待核 draft, unpublished), not only published yes or no.

The lists (``catalog list``, the window's search) read the bundle table alone;
with only ``published`` they called every 待核 guide 未发布, which tells the
clerk intake is refused when in training, or where the site allows it, it is
not.  The column is filled from each bundle's current guide version, the
document that decides intake.

Revision ID: 0009_bundle_status
Revises: 0008_case_lines_checked
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0009_bundle_status"
down_revision = "0008_case_lines_checked"
branch_labels = None
depends_on = None

KNOWN = ("published", "draft", "unpublished")


def upgrade() -> None:
    op.add_column(
        "bundle", sa.Column("status", sa.String(length=16), nullable=False, server_default="unpublished")
    )
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT b.code, b.published, v.document FROM bundle AS b "
            "LEFT JOIN guide_version AS v ON v.id = b.current_version_id"
        )
    ).all()
    for code, published, document in rows:
        status = json.loads(document).get("status") if document else None
        if status not in KNOWN:
            status = "published" if published else "unpublished"
        conn.execute(sa.text("UPDATE bundle SET status = :s WHERE code = :c"), {"s": status, "c": code})


def downgrade() -> None:
    op.drop_column("bundle", "status")
