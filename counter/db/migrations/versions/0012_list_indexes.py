"""Indexes for the lists a desk and a supervisor open every day, so none of them reads every case.

- ``ix_case_received_on_desk_no``: the desk's day list (F6) asks for one day at one desk; without it the list
  read every case of every year (1.7–4.5 s at five million cases), with it a few hundred index entries.
- ``ix_case_previous_case_id`` becomes partial (``WHERE previous_case_id IS NOT NULL``): almost every case has
  no previous case, so once SQLite's ``ANALYZE`` has counted the full index as one value shared by millions of
  rows, the planner judged it useless and opening a case by number (which asks for the case that continues it)
  scanned the table (332 ms at a million cases). The partial index holds only the cases that continue another,
  and every lookup by a previous case's id implies ``IS NOT NULL``, so both databases still use it.
- ``ix_case_awaiting_deferred`` and ``ix_case_correction_due``: the F6 list also shows the deferrals and the
  correction notices coming due, found by status; the index on status alone holds millions of finished cases
  under a handful of values, which ``ANALYZE`` again reports as useless, so the list scanned every case. The
  partial indexes hold only the cases still waiting, and grow with them, not with the years of cases.
- ``ix_rectification_history_latest`` on (rectification_id, id): a rectification's state is its newest line,
  read by walking this index backwards (on PostgreSQL the old index on rectification_id alone left a sort).
  It replaces that index, which it serves in full.
- ``ix_rectification_history_closed``: the lines that closed a rectification (已反馈, 已撤销), the only way
  to close one; the open list keeps the rectifications without such a line, one probe of this small index
  each, where it used to find every rectification's newest line again for each row.
- ``ix_rating_request_desk``: before every service it sends to the review pad, a desk closes its own requests
  left unanswered; they were found among every desk's requests of every year, now among this desk's.

Revision ID: 0012_list_indexes
Revises: 0011_peer_encryption_key
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_list_indexes"
down_revision = "0011_peer_encryption_key"
branch_labels = None
depends_on = None

HAS_PREVIOUS = sa.text("previous_case_id IS NOT NULL")
AWAITING_DEFERRED = sa.text("status = 'awaiting_deferred'")  # CaseStatus.AWAITING_DEFERRED
CORRECTION_ISSUED = sa.text("status = 'correction_issued'")  # CaseStatus.CORRECTION_ISSUED
# the closing states of counter.ratings.rectification (RectState.FED_BACK, RectState.VOIDED), as stored
CLOSING = sa.text("state_after IN ('fed_back', 'voided')")


def upgrade() -> None:
    op.create_index("ix_case_received_on_desk_no", "case", ["received_on", "desk_no"])
    op.drop_index("ix_case_previous_case_id", table_name="case")
    op.create_index(
        "ix_case_previous_case_id", "case", ["previous_case_id"], sqlite_where=HAS_PREVIOUS,
        postgresql_where=HAS_PREVIOUS,
    )  # fmt: skip
    op.create_index(
        "ix_case_awaiting_deferred", "case", ["status"], sqlite_where=AWAITING_DEFERRED,
        postgresql_where=AWAITING_DEFERRED,
    )  # fmt: skip
    op.create_index(
        "ix_case_correction_due", "case", ["correction_due"], sqlite_where=CORRECTION_ISSUED,
        postgresql_where=CORRECTION_ISSUED,
    )  # fmt: skip
    op.create_index("ix_rating_request_desk", "rating_request", ["site_code", "desk_no", "sent_at"])
    op.create_index("ix_rectification_history_latest", "rectification_history", ["rectification_id", "id"])
    op.drop_index("ix_rectification_history_rectification_id", table_name="rectification_history")
    op.create_index(
        "ix_rectification_history_closed", "rectification_history", ["rectification_id"], sqlite_where=CLOSING,
        postgresql_where=CLOSING,
    )  # fmt: skip


def downgrade() -> None:
    op.drop_index("ix_rectification_history_closed", table_name="rectification_history")
    op.create_index("ix_rectification_history_rectification_id", "rectification_history", ["rectification_id"])
    op.drop_index("ix_rectification_history_latest", table_name="rectification_history")
    op.drop_index("ix_rating_request_desk", table_name="rating_request")
    op.drop_index("ix_case_correction_due", table_name="case")
    op.drop_index("ix_case_awaiting_deferred", table_name="case")
    op.drop_index("ix_case_previous_case_id", table_name="case")
    op.create_index("ix_case_previous_case_id", "case", ["previous_case_id"])
    op.drop_index("ix_case_received_on_desk_no", table_name="case")
