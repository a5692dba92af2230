"""A hall desk's outage mode: what its own store is made from, what it hands over, and what the hall takes of it.

A hall desk whose server stays away may go on in outage mode (the clerk chooses): it takes intakes in process on a
store of its own, as a township keeps its intakes on its own file, and hands them over by itself once the server
answers again.  The store is made while the server answers (:class:`OutageCopy`): the hall's public identity, its
catalog, its calendar and its office as the papers print it, never its authority setting nor any key, so the window
decides nothing in its own or a department's name without its server: every paper is the 收件 window's
(:mod:`counter.documents.acting`), and the receipt says the case will be entered at the hall under its number
(:func:`counter.case.numbers.taken_in_outage`).

The hall takes a handed-over case as it takes a township's (:func:`counter.db.sync.cases.apply_cases`: merged by
uid, so a hand-over asked twice takes each case once), with the township's checks of what a window may say, and one
more (:func:`not_outage_work`): every case and paper number is the asking desk's own, in the outage series, so a desk
hands over nothing but what it took without its server.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter.case.numbers import CASE_NO, DOC_NO_MAX, OUTAGE_FIRST, TRAINING_FIRST, DeskIdentity
from counter.sync.records import CaseRecord
from counter.sync.sites import SiteIdentity


@dataclass(frozen=True)
class OutageCopy:
    """What a desk's outage store is made from: the hall's identity (public keys alone) and its records (guide
    versions, holidays, the settings a township takes of its hall and the hall's office), as a package's JSON."""

    identity: SiteIdentity
    records: str


@dataclass(frozen=True)
class HandOver:
    """The desk's cases taken in outage mode, as a township's package writes them (a JSON list of case records), and
    the last case number among them ("" when none)."""

    records: str
    last: str = ""


#: the cases of one hand-over at most: a request's body stays well within the server's 4 MB for an operation (a
#: case's record is a few KB; a day of outage at a window some dozens of cases)
HAND_OVER_MOST = 40


@dataclass(frozen=True)
class PendingCases:
    """The store's cases not yet at the hall, numbered after ``after`` (a case number; "" from the first), ``most``
    of them: one hand-over's."""

    after: str = ""
    most: int = HAND_OVER_MOST


@dataclass(frozen=True)
class HandedOver:
    """What the hall did with a hand-over, by case number: ``taken`` now at the hall, ``there`` already (a hand-over
    asked again), ``held`` not taken, each as ``number: reason`` (kept on the desk, and in the server's log)."""

    taken: tuple[str, ...]
    there: tuple[str, ...]
    held: tuple[str, ...]


class OutageHandOverRefused(Exception):
    """A hand-over that does not read as case records; nothing of it was taken."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotAnOutageStore(Exception):
    """The desk's database holds cases and is no outage store, or the copy is no hall's: a desk's outage copy is never
    written over real work."""


class OutageRefused(Exception):
    """Asked of a desk in outage mode and not the window's own work there (a decision, a case of the hall, a
    setting): refused before anything was asked; ``operation`` names it, for the log."""

    def __init__(self, operation: str) -> None:
        super().__init__(operation)
        self.operation = operation


def _outage_sequence(sequence: str) -> bool:
    return OUTAGE_FIRST <= int(sequence) < TRAINING_FIRST


def not_outage_work(record: CaseRecord, desk: DeskIdentity) -> str | None:
    """Why ``record`` is not a case ``desk`` took in outage mode, or None: its number and every paper's are the desk's
    own and in the outage series (a document number ends in the desk's two or more digits and four of sequence)."""
    number = CASE_NO.match(record.case_no)
    if number is None or number["site"] != desk.site_code or record.site_code != desk.site_code:
        return f"{record.case_no[:60]}: not this hall's"
    if int(number["desk"]) != int(desk.desk_no) or record.desk_no != desk.desk_no:
        return f"{record.case_no}: not desk {desk.desk_no}'s"
    if not _outage_sequence(number["seq"]):
        return f"{record.case_no}: not in the outage series"
    own = f"{int(desk.desk_no):02d}"
    for paper in record.documents:
        tail = paper.doc_no.rsplit("-", 1)[-1]
        if (
            len(paper.doc_no) > DOC_NO_MAX
            or paper.desk_no != desk.desk_no
            or tail[:-4] != own
            or not tail[-4:].isdigit()
            or not _outage_sequence(tail[-4:])
        ):
            return f"{record.case_no}: paper {paper.doc_no[:40]} not in desk {desk.desk_no}'s outage series"
    return None
