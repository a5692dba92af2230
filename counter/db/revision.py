"""The schema revision this program expects; kept equal to the newest migration by a test.

No SQLAlchemy here: the faces learn of a too-new database through :class:`SchemaTooNew` before storage loads, and
of each migration an upgrade runs through :class:`Step`.
"""

from __future__ import annotations

from counter.host.migration_step import Step

__all__ = ["HEAD", "LOCK_TIMEOUT_S", "Step"]

HEAD = "0034_operation_receipt"
#: how long a migration on PostgreSQL waits for a lock before the upgrade gives up (``lock_timeout``).  A desk holds
#: a table for the milliseconds of its unit of work and a supervisor's figures for about a second, so a longer wait
#: means a connection that stays (a desk left running, a backup under way); and every desk that asks for the table
#: queues behind the waiting migration for as long as it waits, so the wait is kept short.
LOCK_TIMEOUT_S = 5.0
