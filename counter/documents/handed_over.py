"""What a hand-over (统一出件) did, as the page and the command line say it."""

from __future__ import annotations

from dataclasses import dataclass

from counter.case.hand_over import HandOver
from counter.case.status import CaseStatus
from counter.documents.made import MadeDocument


@dataclass(frozen=True, slots=True)
class HandedOver:
    """What a hand-over did: its record, the case's status after, and its 送达回证."""

    hand_over: HandOver
    status: CaseStatus
    service_receipt: MadeDocument
