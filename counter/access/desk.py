"""Desk: who acts, and where — the one value every operation is run for, to know the site, the desk and the account.

Plain data in the domain, so that the faces, the service and the actions all name it without importing each other.
The window and the command line build it from this machine's desk.json with
:func:`counter.host.machine.desk_at.desk_at`; tests build it directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter.access.roles import SINGLE_DESK, Actor
from counter.case.numbers import DeskIdentity


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
    # this computer and system user (counter.host.machine.workstation); "" in tests that need none
    workstation: str = ""

    @property
    def draft_key(self) -> str:
        """The unfinished intake's key: the desk, and the workstation, so that two computers set to one desk number
        never see (nor overwrite) each other's applicant."""
        desk = f"{self.identity.site_code}-{self.identity.desk_no}"
        return f"{desk}-{self.workstation}" if self.workstation else desk
