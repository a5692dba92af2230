"""On a hall's PostgreSQL, an index of a case number's sequence, so F7 finds "0003" by seeking it.

0026 found a number's last digits by walking the period's numbers newest first and stopping at the page.  Over a
year at a hall of millions of cases a sequence that few desks reached that year (…-0150) has few matches, and the walk
read most of the year's numbers before it stopped: p95 over 400 ms at 3.4 million cases.  The sequence is the fourth
part of every case number (``SITE-YYYYMMDD-DESK-NNNN``, counter.case.numbers.CASE_NO: no part holds a ``-``), so
``split_part(case_no, '-', 4)`` is it, and an index on that with the day seeks the typed sequence and reads only the
period's entries.  SQLite has no ``split_part``; its desks and townships hold a few years of one site's cases, which
the walk serves within a frame, so it keeps 0026's index alone.

Revision ID: 0030_case_sequence_index
Revises: 0029_material_licence
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0030_case_sequence_index"
down_revision = "0029_material_licence"
branch_labels = None
depends_on = None

#: the index's name, as the lookup's query and its test name it (counter.db.case_lists.cases_found)
NAME = "ix_case_sequence"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.create_index(NAME, "case", [sa.text("split_part(case_no, '-', 4)"), "received_on"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index(NAME, table_name="case")
