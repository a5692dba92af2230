"""The electronic seals of the bodies this machine acts for (:mod:`counter.actions.admin.paper_seals`).

Making a seal writes key files on the machine that runs the service: the desk's own in a standalone desk, the hall
server's where the papers are made there.  Either way the seal is where the papers of its body are made, and only
there.  So are the trust anchors their seals are checked against (``counter site seal-anchor``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.seals.anchors import Anchor
from counter.seals.store import PaperSealMade
from counter.service.call import Call, at_desk
from counter.service.operation import Open, read, write
from counter.service.requests import Nothing

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


@dataclass(frozen=True)
class AddAnchor:
    certificate: bytes  # as the administrator was handed it: PEM or DER


@dataclass(frozen=True)
class RemoveAnchor:
    name: str  # the anchor's file, as the list names it


@dataclass(frozen=True)
class AnchorList:
    anchors: tuple[Anchor, ...]
    unread: tuple[str, ...]  # files of the folder no reader takes: they verify nothing


def add_anchor(work: Session, call: Call, request: AddAnchor) -> Anchor:
    """A trust anchor added on the machine that runs the service, where the papers are sealed and checked."""
    from counter.actions.admin import seal_anchors

    return seal_anchors.add_seal_anchor(work, at_desk(call), request.certificate)


def remove_anchor(work: Session, call: Call, request: RemoveAnchor) -> str:
    """A trust anchor taken out on the machine that runs the service (never the site's own seal CA); its name."""
    from counter.actions.admin import seal_anchors

    return seal_anchors.remove_seal_anchor(work, at_desk(call), request.name)


def list_anchors(work: Session, call: Call, request: Nothing) -> AnchorList:
    """The trust anchors on the machine that runs the service, with their fingerprints, and the files no reader
    takes."""
    from counter.actions.admin import seal_anchors

    return AnchorList(*seal_anchors.seal_anchors())


_ANCHOR_FAULTS = ("counter.seals.anchors:AnchorRefused",)
ADD_ANCHOR = write("site.add_seal_anchor", Permission.CHANGE_SETTINGS, add_anchor, faults=_ANCHOR_FAULTS)
REMOVE_ANCHOR = write("site.remove_seal_anchor", Permission.CHANGE_SETTINGS, remove_anchor, faults=_ANCHOR_FAULTS)
LIST_ANCHORS = read("site.seal_anchors", Open.ANY_DESK, list_anchors)
