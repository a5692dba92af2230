"""Each case's standing in the 好差评 figures, and the desk and clerk that served it, on the case row.

The figures of a month joined each case to its first round's request, rating and lapse, the upheld appeals and the
fed-back rectifications; on PostgreSQL the joins read those tables whole, so a month's figures grew with the
league and passed a second.  The case now keeps its standing (:class:`counter.db.service_standing.Standing`) and
the first round's desk and clerk, rewritten by every writer of a rating fact, and the figure index holds them, so a
month is counted from the index alone.  The cases before are filled in here from their facts, by the same rules.

Revision ID: 0015_service_standing
Revises: 0014_due_indexes
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_service_standing"
down_revision = "0014_due_indexes"
branch_labels = None
depends_on = None

RECEIVED = ["received_on", "site_code", "desk_no", "clerk", "bundle_code", "outcome", "status"]
STANDING = ["rating_standing", "served_desk_no", "served_clerk"]

# the rules of counter.db.service_standing, for every case whose first round was sent (the others are not_sent)
BACKFILL = """
UPDATE "case" SET rating_standing = s.standing, served_desk_no = s.desk_no, served_clerk = s.clerk
FROM (
  SELECT rq.case_id, rq.desk_no, rq.clerk,
    CASE
      WHEN r.id IS NULL THEN CASE WHEN l.id IS NULL THEN 'pending' ELSE 'lapsed' END
      WHEN EXISTS (SELECT 1 FROM rating_appeal a WHERE a.rating_id = r.id AND a.upheld) THEN 'excluded'
      WHEN r.level IN ('dissatisfied', 'very_dissatisfied') THEN
        CASE WHEN EXISTS (
          SELECT 1 FROM rectification x JOIN rectification_history h ON h.rectification_id = x.id
          WHERE x.rating_id = r.id AND h.state_after = 'fed_back'
        ) THEN 'rectified' ELSE 'bad' END
      ELSE 'good'
    END AS standing
  FROM rating_request rq
  LEFT JOIN rating r ON r.request_id = rq.id
  LEFT JOIN rating_lapse l ON l.request_id = rq.id
  WHERE rq.round = 1
) AS s
WHERE "case".id = s.case_id
"""


def upgrade() -> None:
    op.add_column("case", sa.Column("rating_standing", sa.String(12), nullable=False, server_default="not_sent"))
    op.add_column("case", sa.Column("served_desk_no", sa.String(4), nullable=True))
    op.add_column("case", sa.Column("served_clerk", sa.String(60), nullable=True))
    op.execute(BACKFILL)
    op.drop_index("ix_case_received_figures", table_name="case")
    op.create_index("ix_case_received_figures", "case", RECEIVED + STANDING, postgresql_include=["id"])


def downgrade() -> None:
    op.drop_index("ix_case_received_figures", table_name="case")
    op.create_index("ix_case_received_figures", "case", RECEIVED, postgresql_include=["id"])
    for column in reversed(STANDING):
        op.drop_column("case", column)
