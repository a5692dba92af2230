"""How long an upgrade's migration waits for a lock on PostgreSQL: named where ``counter db upgrade`` offers it.

A desk holds a table for the milliseconds of its unit of work and a supervisor's figures for about a second, so a
longer wait means a connection that stays (a desk left running, a backup under way); and every desk that asks for
the table queues behind the waiting migration for as long as it waits, so the wait is kept short.
"""

from __future__ import annotations

#: seconds a migration waits for each lock (``lock_timeout``) before the upgrade gives up, changing nothing
LOCK_TIMEOUT_S = 5.0
