"""The electronic seals of the bodies this machine acts for (:mod:`counter.actions.admin.paper_seals`).

Making a seal writes key files on the machine that runs the service: the desk's own in a standalone desk, the hall
server's where the papers are made there.  Either way the seal is where the papers of its body are made, and only
there."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.seals.store import PaperSealMade
from counter.service.call import Call, at_desk
from counter.service.operation import write

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class MakeSeal:
    body: str  # the body's name as its papers print it at the seal's place
    picture: bytes = b""  # the registered image of the seal (PNG); empty: drawn


def make_seal(work: Session, call: Call, request: MakeSeal) -> PaperSealMade:
    """A body's electronic seal, made by the site's seal CA on the machine that makes the papers."""
    from counter.actions.admin import paper_seals

    return paper_seals.make_paper_seal(work, at_desk(call), request.body, request.picture)


MAKE_SEAL = write("site.make_seal", Permission.CHANGE_SETTINGS, make_seal, faults=("counter.sync.keys:KeyUnreadable",))
