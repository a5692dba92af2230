"""The mark of a window that stays on screen when the desk locks: the applicant's review pad.

Apart from the lock itself so that the start-up path can set it without
importing the sign-in machinery.
"""

from __future__ import annotations

STAYS_WHEN_LOCKED = "staysWhenLocked"
