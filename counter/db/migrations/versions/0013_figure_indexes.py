"""Indexes for the figures: the cases by the day they were taken and accepted, the rectifications by the day opened.

The figures of a month or a year (``counter figures``, the supervision window) count the cases of a range of days
grouped by desk, clerk, bundle or site.  Without an index on the day every count read all of a league's millions of
cases; with the grouped columns in the index too, SQLite counts from the index alone and never reads the cases'
rows, which carry names and addresses (PostgreSQL keeps the case's id beside them for the joins to the ratings).

Revision ID: 0013_figure_indexes
Revises: 0012_list_indexes
"""

from __future__ import annotations

from alembic import op

revision = "0013_figure_indexes"
down_revision = "0012_list_indexes"
branch_labels = None
depends_on = None

RECEIVED = ["received_on", "site_code", "desk_no", "clerk", "bundle_code", "outcome", "status"]
ACCEPTED = ["accepted_on", "site_code", "desk_no", "clerk", "bundle_code", "guide_version_id", "status"]


def upgrade() -> None:
    op.create_index("ix_case_received_figures", "case", RECEIVED, postgresql_include=["id"])
    op.create_index("ix_case_accepted_figures", "case", ACCEPTED)
    op.create_index("ix_rectification_opened_on", "rectification", ["opened_on"])


def downgrade() -> None:
    op.drop_index("ix_rectification_opened_on", table_name="rectification")
    op.drop_index("ix_case_accepted_figures", table_name="case")
    op.drop_index("ix_case_received_figures", table_name="case")
