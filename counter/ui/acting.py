"""Who acts from a page that is not tied to one case: the account signed in and the desk.

The supervisor's pages (督办, 统计, settings) call actions that check a role and
write the audit trail; they are handed this once, when the window is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter.access.roles import SINGLE_DESK, Actor

if TYPE_CHECKING:
    from counter.actions.desk import Desk
    from counter.host.desk_config import DeskConfig


@dataclass(frozen=True, slots=True)
class Acting:
    actor: Actor = SINGLE_DESK
    desk: DeskConfig | None = None

    def as_desk(self) -> Desk | None:
        """The same, as the case and document actions take it."""
        from counter.actions.desk import Desk

        if self.desk is None:
            return None
        return Desk(self.desk.identity(), self.desk.clerk, self.actor)


ALONE = Acting()  # a database without accounts: the single desk acts
