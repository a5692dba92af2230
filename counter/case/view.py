"""A stored case as plain data: what the window, the command line and the notices read.

Built by :mod:`counter.db.case_store` from the tables; never an ORM object, so it
can cross into Qt signals and be printed months later exactly as stored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from counter.case.decisions import ItemDecision, awaited, item_decisions, lapsed_codes
from counter.case.status import CaseStatus
from counter.intake.parties import PartyColumns
from counter.parties.masking import mask_address, mask_id, mask_phone


@dataclass(frozen=True, slots=True)
class CaseMaterialLine:
    """One line of a case's checklist: what was asked for, and how and when it was handed in.

    Declared once, for every place a line goes: the case view, its notices, the rows of ``case_materials`` (its
    fields are that table's columns but the case's id, in their order: rows are read into it by position; ``code``
    is the column ``material_code``) and a sync package's case record (:mod:`counter.sync.records` keeps how a
    package names and bounds its fields).
    """

    code: str
    name: str
    necessity: str
    receipt: str
    originals: int
    copies: int
    medium: str
    defect_note: str
    due_on: dt.date | None
    arrived_on: dt.date | None
    licence: str = ""  # the 电子证照 taken for it, or its failed look-up (counter.intake.licences); "" for neither

    @property
    def material_code(self) -> str:
        """The code under its column's name: the bulk writers read a line's attributes by the names of the columns."""
        return self.code


@dataclass(frozen=True, slots=True)
class HistoryLine:
    at: dt.datetime
    clerk: str
    desk_no: str
    event: str
    status_after: str
    note: str


@dataclass(frozen=True, slots=True)
class CaseView(PartyColumns):
    case_no: str
    status: CaseStatus
    outcome: str
    site_code: str
    desk_no: str
    clerk: str
    bundle_code: str
    bundle_name: str
    guide_version_id: int
    guide_version: int
    answers: tuple[tuple[str, str], ...]
    received_on: dt.date
    accepted_on: dt.date | None
    promised_on: dt.date | None
    correction_due: dt.date | None
    notify_due: dt.date | None
    refusal_ground: str
    turn_to: str
    denial_reason: str
    dates_beyond_data: bool
    previous_case_no: str
    later_case_no: str
    materials: tuple[CaseMaterialLine, ...]
    history: tuple[HistoryLine, ...]
    # the bundle's subject as taken: (field code, value) in the guide's order (counter.intake.subject)
    subject: tuple[tuple[str, str], ...] = ()
    queue_ticket: str = ""  # the hall's queue ticket the applicant was called by; "" none (counter.case.queue_ticket)
    queue_waited_s: int | None = None  # how long they waited for the call, when the queue system said
    # the office where the applicant applied, where it is another site's (a township centre's), as its papers named
    # it; "": this site's own.  Filled by a department's paper made at the hall (counter.actions.cases.documents):
    # "经××提交" names the window the applicant went to, never the hall that made the paper
    received_by: str = ""

    def deferred_open(self) -> tuple[CaseMaterialLine, ...]:
        """Deferred materials still awaited: not handed in yet, and not lapsed."""
        return tuple(awaited(self.materials, self.history))

    def lapsed(self) -> tuple[CaseMaterialLine, ...]:
        """Deferred materials found lapsed (not handed in by their due date)."""
        gone = lapsed_codes(self.history)
        return tuple(m for m in self.materials if m.code in gone)

    def decisions(self) -> dict[str, ItemDecision]:
        """Each decided item's 准予 or 不予批准, by item code, as the history records them."""
        return item_decisions(self.history)

    def masked(self) -> CaseView:
        """The case with its ID numbers, phones and addresses masked as on paper, for whoever may not see them whole.

        The one rule for the window's case page and the command line's ``case show``: which fields are personal
        numbers is a fact of the case, not of a face.
        """
        return dataclasses.replace(
            self,
            applicant_id_no=_masked(self.applicant_id_no, mask_id),
            agent_id_no=_masked(self.agent_id_no, mask_id),
            applicant_phone=_masked(self.applicant_phone, mask_phone),
            notify_phone=_masked(self.notify_phone, mask_phone),
            applicant_address=_masked(self.applicant_address, mask_address),
            delivery_address=_masked(self.delivery_address, mask_address),
        )


def _masked(value: str, mask: Callable[[str], str]) -> str:
    return mask(value) if value else ""


@dataclass(frozen=True, slots=True)
class CaseRow:
    """A line of a case list: enough to find and follow a case, no whole ID numbers."""

    case_no: str
    status: CaseStatus
    bundle_name: str
    applicant_name: str
    received_on: dt.date
    desk_no: str
    next_due: dt.date | None  # earliest open deferral due date; for a correction notice unanswered, its deadline
    #: the hall only received every item (its departments accept): the state is said as the case page says it
    #: (counter.actions.cases.received_cases); False from a program that did not tell
    only_received: bool = False
