"""What the applicant takes home after each intake outcome, and a case whose papers did not all go out.

The 承诺书 the applicant signs and the 受理凭证 are the case's proof in both hands: a committed case whose papers no
print sent out stays flagged at its desk until they are printed, or until the clerk, closing the intake without
them, says why — a line of the case's history (``papers_waived``) whose note :func:`waiver_note` writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.documents.kinds import DocumentKind
from counter.intake.outcome import Outcome

#: What the applicant takes home after each intake outcome, in the order it is handed over.
OUTCOME_PAPERS: dict[str, tuple[DocumentKind, ...]] = {
    Outcome.ACCEPT.value: (DocumentKind.RECEIPT,),
    Outcome.DEFER.value: (DocumentKind.DEFERRAL, DocumentKind.PLEDGE, DocumentKind.RECEIPT),
    Outcome.CORRECT.value: (DocumentKind.CORRECTION,),
    Outcome.REFUSE.value: (DocumentKind.REFUSAL,),
}

_KINDS_END = ": "  # the note: the kinds' values, comma-separated, then this, then the clerk's reason


def outcome_papers(outcome: str) -> tuple[DocumentKind, ...]:
    return OUTCOME_PAPERS.get(outcome, ())


@dataclass(frozen=True)
class UnprintedCase:
    """A committed case of the desk: the papers of its outcome no print sent out, in the order handed over."""

    case_no: str
    kinds: tuple[DocumentKind, ...]
    received_on: dt.date
    # the hall only received every item (counter.actions.cases.received_cases): its papers are its 收件 papers,
    # named so on F6's line (申请事项告知书, never 不予受理通知书)
    only_received: bool = False


def waiver_note(kinds: tuple[DocumentKind, ...], reason: str) -> str:
    """The history note of a waiver: which papers were left unprinted, and why (the clerk's words, as typed)."""
    return ",".join(kind.value for kind in kinds) + _KINDS_END + reason


def read_waiver_note(note: str) -> tuple[tuple[DocumentKind, ...], str]:
    """The papers and the reason of :func:`waiver_note`; a kind this version does not know is left out."""
    kinds, _, reason = note.partition(_KINDS_END)
    known = {kind.value: kind for kind in DocumentKind}
    return tuple(known[value] for value in kinds.split(",") if value in known), reason
