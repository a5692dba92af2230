"""Indexes for F7's lookups of a recent case by what the applicant has at hand.

Each lookup is one statement among the cases of a period (90 days unless the clerk widens it), newest first:

- ``ix_case_received_on_case_no`` on (received_on, case_no): the last digits of a number are found by walking the
  period's numbers newest first and stopping at the page; the number is read from the index, the case only when
  it matches.  The sequence is the number's end, which no index of the number itself can seek.
- ``ix_case_applicant_name`` on (applicant_name, received_on): a name, or its beginning, is a range of the index,
  its period read from the index before any case; on PostgreSQL with ``text_pattern_ops``, the operator class that
  answers ``LIKE '王丽%'`` by a range whatever the database's collation.
- ``ix_case_applicant_phone`` and ``ix_case_notify_phone``: a phone is the applicant's or the number told by SMS.

The ID number (or credit code) has had its index since 0002.

Revision ID: 0026_lookup_indexes
Revises: 0025_case_subject
"""

from __future__ import annotations

from alembic import op

revision = "0026_lookup_indexes"
down_revision = "0025_case_subject"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_case_received_on_case_no", "case", ["received_on", "case_no"])
    op.create_index(
        "ix_case_applicant_name", "case", ["applicant_name", "received_on"],
        postgresql_ops={"applicant_name": "text_pattern_ops"},
    )  # fmt: skip
    op.create_index("ix_case_applicant_phone", "case", ["applicant_phone", "received_on"])
    op.create_index("ix_case_notify_phone", "case", ["notify_phone", "received_on"])


def downgrade() -> None:
    for name in ("ix_case_notify_phone", "ix_case_applicant_phone", "ix_case_applicant_name"):
        op.drop_index(name, table_name="case")
    op.drop_index("ix_case_received_on_case_no", table_name="case")
