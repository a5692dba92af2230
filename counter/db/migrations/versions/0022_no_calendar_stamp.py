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
from types import ModuleType

revision = "0022_no_calendar_stamp"
down_revision = "0021_calendar_stamp"
branch_labels = None
depends_on = None


def _stamp_migration() -> ModuleType:
    """0021 itself: what it made, it knows how to take away and how to make again."""
    return importlib.import_module("counter.db.migrations.versions.0021_calendar_stamp")


def upgrade() -> None:
    _stamp_migration().downgrade()


def downgrade() -> None:
    _stamp_migration().upgrade()
