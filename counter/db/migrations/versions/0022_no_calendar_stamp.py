"""The office's days read as they are: the calendar stamp and its triggers dropped.

A desk read the office's days again only when a stamp set by triggers (``0021_calendar_stamp``) changed, and kept the
table it read under it.  The days are a few dozen rows read in the same statement as an intake's other reads: the
triggers, the stamp and the process's tables kept under it saved no time a clerk could see, and each was one more
thing that had to stay right for every deadline to be counted on the office's real days.

Revision ID: 0022_no_calendar_stamp
Revises: 0021_calendar_stamp
"""

from __future__ import annotations

import importlib

from alembic import op

revision = "0022_no_calendar_stamp"
down_revision = "0021_calendar_stamp"
branch_labels = None
depends_on = None

_VERBS = ("insert", "update", "delete")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS trg_holiday_stamp ON holiday")
        op.execute("DROP TRIGGER IF EXISTS trg_setting_stamp_truncate ON setting")
        for verb in _VERBS:
            op.execute(f"DROP TRIGGER IF EXISTS trg_setting_stamp_{verb} ON setting")
        op.execute("DROP FUNCTION IF EXISTS counter_calendar_changed()")
    else:
        for verb in _VERBS:
            op.execute(f"DROP TRIGGER IF EXISTS trg_holiday_stamp_{verb}")
            op.execute(f"DROP TRIGGER IF EXISTS trg_setting_stamp_{verb}")
    op.drop_table("calendar_stamp")


def downgrade() -> None:
    # the stamp and its triggers as 0021 made them, by 0021's own upgrade
    importlib.import_module("counter.db.migrations.versions.0021_calendar_stamp").upgrade()
