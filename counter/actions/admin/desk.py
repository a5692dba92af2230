"""Desk: who acts, and where — the one value every action takes to know the site, the desk and the account.

It lives apart from any one action so that the audit trail, the intake and every other action can name it without
importing each other.  The window and the command line build it from this machine's desk.json with
:func:`desk_at`; tests build it directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter.access.roles import SINGLE_DESK, Actor
from counter.case.numbers import DeskIdentity

if TYPE_CHECKING:
    from counter.host.desk_config import DeskConfig


@dataclass(frozen=True, slots=True)
class Desk:
    """Who acts, and where: the desk's identity, the clerk's name as printed, the account signed in.

    The last four are what the review pad shows of the desk and what a rating
    record keeps of it; an action that prints or numbers nothing ignores them.
    """

    identity: DeskIdentity
    clerk: str
    actor: Actor = SINGLE_DESK  # the signed-in account; the single desk where the database has none
    site_name: str = ""  # the office, as the pad and a rating record name it
    staff_no: str = ""  # the clerk's staff number (工号)
    photo: str = ""  # path of the clerk's photo for the pad; "" shows none
    area_code: str = ""  # the site's area code (GB/T 2260), the rating record's 行政区划
    workstation: str = ""  # this computer and system user (counter.host.workstation); "" in tests that need none

    @property
    def draft_key(self) -> str:
        """The unfinished intake's key: the desk, and the workstation, so that two computers set to one desk number
        never see (nor overwrite) each other's applicant."""
        desk = f"{self.identity.site_code}-{self.identity.desk_no}"
        return f"{desk}-{self.workstation}" if self.workstation else desk


def desk_at(config: DeskConfig, actor: Actor = SINGLE_DESK, staff_no: str = "", *, training: bool = False) -> Desk:
    """This machine's desk as configured, with ``actor`` acting at it.

    A signed-in account is the clerk: its name is printed and audited instead of
    the file's, and its ``staff_no`` (from the database) shown on the pad when it
    has one.  A desk whose clerk nobody named has none ("": it takes no intake,
    :class:`counter.actions.intake.take.ClerkUnnamed`), except in ``training``, where
    a trainee stands in so that a new desk trains out of the box.
    """
    from counter.host.desk_config import TRAINING_CLERK
    from counter.host.workstation import workstation_id

    clerk = actor.name if actor.signed_in and actor.name else config.clerk.strip()
    if not clerk and training:
        clerk = TRAINING_CLERK
    return Desk(
        identity=config.identity(),
        clerk=clerk,
        actor=actor,
        site_name=config.site_name,
        staff_no=staff_no or config.staff_no,
        photo=config.photo,
        area_code=config.area_code,
        workstation=workstation_id(),
    )
