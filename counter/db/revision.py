"""The schema revision this program expects; kept equal to the newest migration by a test.

No SQLAlchemy here: the faces learn of a too-new database through :class:`SchemaTooNew` before storage loads, and
of each migration an upgrade runs through :class:`Step`.
"""

from __future__ import annotations

from counter.host.migration_step import Step
from counter.host.migration_wait import LOCK_TIMEOUT_S

__all__ = ["HEAD", "LOCK_TIMEOUT_S", "Step"]

HEAD = "0050_pledge_steps"
