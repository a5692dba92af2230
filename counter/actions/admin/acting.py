"""Who acts where a caller names no desk: this machine's desk, with nobody signed in.

Actions that came before accounts (settings, the holiday table, a catalog
import) are called by older windows without a desk.  The entry they leave in
the audit trail still needs a chain: the desk configured on this machine.
"""

from __future__ import annotations

import dataclasses

from counter.access.desk import Desk
from counter.access.roles import SINGLE_DESK
from counter.host.machine.desk_at import desk_at
from counter.host.machine.desk_config import load_desk_config

#: the name in the trail of what the program does by itself (the shipped catalog loaded at start-up)
SYSTEM_CLERK = "system"


def this_desk(desk: Desk | None) -> Desk:
    """``desk``, or this machine's configured desk acting as the single desk."""
    if desk is not None:
        return desk
    return desk_at(load_desk_config())


def system_desk(desk: Desk | None) -> Desk:
    """The program itself, at ``desk`` (whoever is signed in there) or this machine's desk."""
    return dataclasses.replace(this_desk(desk), clerk=SYSTEM_CLERK, actor=SINGLE_DESK)
