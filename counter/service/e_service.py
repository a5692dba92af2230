"""电子送达 on a case (:mod:`counter.actions.cases.e_service`): the applicant's agreement, and the serving of the
department's papers through the region's platform, each recorded as served once the platform confirms its delivery.

Apart from :mod:`counter.service.cases` because it reaches out: a serving sends to the platform and asks after what
it sent, with faults (``EServiceRefused``) no other step has.  The operations keep the ``cases`` area: both are steps
on a case, named by its number.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter.documents.e_service import Agreement, ServiceMeans
from counter.service.call import Call, at_desk
from counter.service.operation import Open, write
from counter.service.requests import CaseNo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counter.actions.cases.e_service import OnlineRound

_FAULTS = ("counter.documents.e_service:EServiceRefused", "counter.case.status:MoveNotAllowed")


@dataclass(frozen=True)
class EServiceAgreed:
    """The applicant agreed to electronic service by ``means`` (today, the call's day)."""

    case_no: str
    means: ServiceMeans


@dataclass(frozen=True)
class OnlineServed:
    """What a serving did: the papers the platform took now, those still awaiting its confirmation, and those it
    confirmed now (recorded as served), by number; and of those taken, the ones sent as their unsealed PDF for want
    of their body's electronic seal on the serving machine, with the body."""

    sent: tuple[str, ...]
    waiting: tuple[str, ...]
    served: tuple[str, ...]
    unsealed: tuple[tuple[str, str], ...] = ()
    unlinked: tuple[tuple[str, str], ...] = ()  # by SMS link: no link for want of the seal, served on paper


def agree_e_service(work: Session, call: Call, request: EServiceAgreed) -> Agreement:
    """The applicant's agreement to electronic service, with its day and means, on the case's record."""
    from counter.actions.cases import e_service

    return e_service.agree(work, at_desk(call), request.case_no, request.means, call.today)


# the window records it, at intake or afterwards (permission_for(E_SERVICE_AGREED))
AGREE_E_SERVICE = write("cases.agree_e_service", Open.IN_ACTION, agree_e_service, faults=_FAULTS)


def serve_online(work: Session, call: Call, request: CaseNo) -> OnlineServed:
    """Send the case's department papers made and not served through the platform; record those it confirmed."""
    from counter.actions.cases import e_service

    done: OnlineRound = e_service.serve_online(work, at_desk(call), request.case_no, call.today)
    return OnlineServed(done.sent, done.waiting, done.served, done.unsealed, done.unlinked)


# the window serves the papers, as it hands them over (permission_for(PAPER_SERVED_ONLINE))
SERVE_ONLINE = write("cases.serve_online", Open.IN_ACTION, serve_online, faults=_FAULTS)
