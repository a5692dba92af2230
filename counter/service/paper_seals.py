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
    #: taken from the province's 电子印章 system instead: the body's 统一社会信用代码 or the seal's code there
    province: str = ""
    #: the province's system, set first where given (one not given keeps what is stored)
    endpoint: str | None = None
    account: str | None = None
    secret: str | None = None
    timeout: float | None = None


def make_seal(work: Session, call: Call, request: MakeSeal) -> PaperSealMade:
    """A body's electronic seal, made by the site's seal CA on the machine that makes the papers, or taken from the
    province's 电子印章 system (which keeps its key and signs) where ``province`` names it there."""
    from counter.actions.admin import paper_seals, province_seals

    if not request.province:
        return paper_seals.make_paper_seal(work, at_desk(call), request.body, request.picture)
    given = {name: getattr(request, name) for name in ("endpoint", "account", "secret", "timeout")}
    changes = {name: value for name, value in given.items() if value is not None}
    return province_seals.take_province_seal(work, at_desk(call), request.body, request.province, changes)


MAKE_SEAL = write(
    "site.make_seal",
    Permission.CHANGE_SETTINGS,
    make_seal,
    faults=(
        "counter.sync.keys:KeyUnreadable",
        "counter.seals.province:ProvinceRefused",
        "counter.seals.province:SealNotTaken",
    ),
)
