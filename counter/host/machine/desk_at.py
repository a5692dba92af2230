"""This machine's desk as configured, with the account acting at it: where desk.json and the sign-in meet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter.access.desk import Desk
from counter.access.roles import SINGLE_DESK, Actor

if TYPE_CHECKING:
    from counter.host.machine.desk_config import DeskConfig


def desk_at(config: DeskConfig, actor: Actor = SINGLE_DESK, staff_no: str = "", *, training: bool = False) -> Desk:
    """This machine's desk as configured, with ``actor`` acting at it.

    A signed-in account is the clerk: its name is printed and audited instead of
    the file's, and its ``staff_no`` (from the database) shown on the pad when it
    has one.  A desk whose clerk nobody named has none ("": it takes no intake,
    :class:`counter.intake.not_possible.ClerkUnnamed`), except in ``training``, where
    a trainee stands in so that a new desk trains out of the box.
    """
    from counter.host.machine.desk_config import TRAINING_CLERK
    from counter.host.machine.workstation import workstation_id

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
