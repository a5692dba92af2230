"""Whether a document can be printed for a case: every reason it cannot, at once, as codes.

A receipt only for a case accepted (or accepted under deferral), a deferral
notice and pledge only for a deferral, a correction notice only for a
correction with something to correct, a refusal notice only for a refusal, a
denial only for an item whose 不予批准 is on record.  The outcome recorded at intake
decides, not the case's status today: a receipt can be reprinted after the
case moved on to approval.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from counter.case.date_changes import nth_date_change
from counter.case.hand_over import HandOver, hand_overs
from counter.case.item_lines import office_day
from counter.case.numbers import DOC_NO_MAX
from counter.case.view import CaseMaterialLine, CaseView
from counter.catalog.model import Bundle, Necessity
from counter.documents.item_acceptance import accepted_on
from counter.documents.item_correction import correction_step
from counter.documents.kinds import DocumentKind, DocumentProblem
from counter.intake.checklist import Receipt
from counter.intake.outcome import Outcome, RefusalGround

DEFER = Outcome.DEFER.value
_RECEIPT_OUTCOMES = frozenset({Outcome.ACCEPT.value, Outcome.DEFER.value})


def nth_hand_over(case: CaseView, number: int) -> HandOver | None:
    """The case's ``number``-th hand-over of results (1 for the first), as its history keeps it; None if none."""
    found = hand_overs(case.history, office_day)
    return found[number - 1] if 0 < number <= len(found) else None


def deferred_lines(case: CaseView) -> tuple[CaseMaterialLine, ...]:
    return tuple(m for m in case.materials if m.due_on is not None)


def shortfall_lines(case: CaseView, bundle: Bundle) -> tuple[CaseMaterialLine, ...]:
    """The lines the correction notice demands, as the outcome rule chose them."""
    return shortfall_of(dict(case.answers), case.materials, bundle)


def shortfall_of(
    answers: Mapping[str, str], materials: Iterable[CaseMaterialLine], bundle: Bundle
) -> tuple[CaseMaterialLine, ...]:
    """:func:`shortfall_lines` of a case's answers and lines, before the case is stored (its intake's message)."""
    shared = {m.code for m in bundle.materials_for(dict(answers)) if m.shared}
    short = {Receipt.MISSING.value, Receipt.DEFECTIVE.value}
    return tuple(
        m for m in materials if m.receipt in short and m.necessity != Necessity.OPTIONAL.value and m.code not in shared
    )


#: The intake outcomes each case document is for, and the problem when the case's outcome is another.
_OUTCOMES_FOR: dict[DocumentKind, tuple[frozenset[str], DocumentProblem]] = {
    # an application needing correction is still the application; a refused one goes to no department
    DocumentKind.APPLICATION: (_RECEIPT_OUTCOMES | {Outcome.CORRECT.value}, DocumentProblem.REFUSED),
    DocumentKind.RECEIPT: (_RECEIPT_OUTCOMES, DocumentProblem.NOT_ACCEPTED),
    DocumentKind.DEFERRAL: (frozenset({DEFER}), DocumentProblem.NOT_DEFERRED),
    DocumentKind.PLEDGE: (frozenset({DEFER}), DocumentProblem.NOT_DEFERRED),
    DocumentKind.CORRECTION: (frozenset({Outcome.CORRECT.value}), DocumentProblem.NOT_CORRECTION),
    DocumentKind.REFUSAL: (frozenset({Outcome.REFUSE.value}), DocumentProblem.NOT_REFUSED),
}


def _after_intake_problems(
    case: CaseView, kind: DocumentKind, bundle: Bundle, item_code: str, hand_over_no: int
) -> list[DocumentProblem]:
    """A paper of the case's later life: an item's denial, its department's 受理通知书, or a hand-over's 送达回证,
    needs its line of history."""
    item = bundle.item(item_code)
    if kind is DocumentKind.ACCEPTANCE:  # the department's 受理通知书: once it signed for the item, its 受理
        return [] if item is not None and accepted_on(case, item) is not None else [DocumentProblem.NOT_SIGNED]
    if kind is DocumentKind.SUPPLEMENT:  # the department's 补正材料通知书: once it asked the 补正
        asked = item is not None and correction_step(case, item) is not None
        return [] if asked else [DocumentProblem.NO_ITEM_CORRECTION]
    decision = case.decisions().get(item_code)
    if kind is DocumentKind.ITEM_REFUSAL:  # the department's 不予受理通知书: once it refused to accept the item
        refused = item is not None and decision is not None and decision.not_accepted
        return [] if refused else [DocumentProblem.NOT_ITEM_REFUSED]
    if kind is DocumentKind.SERVICE_RECEIPT:
        return [] if nth_hand_over(case, hand_over_no) is not None else [DocumentProblem.NO_HAND_OVER]
    if kind is DocumentKind.DATE_NOTICE:  # one change of a date, by its place (0: the latest)
        return [] if nth_date_change(case.history, hand_over_no) is not None else [DocumentProblem.NO_DATE_CHANGE]
    # a 不予批准 is a decision on an accepted item: a department's 不予受理 has its own paper, never this one
    denied = decision is not None and not decision.approved and not decision.not_accepted and item is not None
    return [] if denied else [DocumentProblem.NOT_DENIED]


#: the papers of a case's later life: an item's, or a hand-over's, or a change of a date's
_AFTER_INTAKE = frozenset(
    {DocumentKind.DENIAL, DocumentKind.ACCEPTANCE, DocumentKind.SUPPLEMENT, DocumentKind.ITEM_REFUSAL,
     DocumentKind.SERVICE_RECEIPT, DocumentKind.DATE_NOTICE}
)  # fmt: skip


def _fit_problems(
    case: CaseView, kind: DocumentKind, bundle: Bundle, item_code: str, hand_over_no: int
) -> list[DocumentProblem]:
    """Whether the case's outcome (for a denial: the item's recorded 不予批准; for a 送达回证: its hand-over)
    calls for this document."""
    if not kind.needs_case:
        return [DocumentProblem.NEEDS_NO_CASE]
    if kind in _AFTER_INTAKE:
        return _after_intake_problems(case, kind, bundle, item_code, hand_over_no)
    outcomes, problem = _OUTCOMES_FOR[kind]
    if case.outcome not in outcomes:
        return [problem]
    return _content_problems(case, kind, bundle)


def _content_problems(case: CaseView, kind: DocumentKind, bundle: Bundle) -> list[DocumentProblem]:
    """Whether the case of the right outcome holds what the paper states: deferred materials, a shortfall, a ground."""
    if kind in (DocumentKind.DEFERRAL, DocumentKind.PLEDGE) and not deferred_lines(case):
        return [DocumentProblem.NO_DEFERRED_MATERIALS]
    if kind is DocumentKind.REFUSAL and case.refusal_ground not in {ground.value for ground in RefusalGround}:
        return [DocumentProblem.UNKNOWN_REFUSAL_GROUND]
    if kind is DocumentKind.CORRECTION and not shortfall_lines(case, bundle):
        return [DocumentProblem.NOTHING_TO_CORRECT]
    return []


def document_problems(
    case: CaseView,
    kind: DocumentKind,
    bundle: Bundle,
    doc_no: str,
    issued_on: dt.date,
    item_code: str = "",
    hand_over_no: int = 0,
) -> tuple[DocumentProblem, ...]:
    """Everything that keeps ``kind`` from being printed for ``case``; empty when it can be.

    A denial is of one item (``item_code``): it needs that item's 不予批准 on record.  A 送达回证 is of one
    hand-over (``hand_over_no``, 1 for the case's first): it needs that hand-over on record.
    """
    problems = _fit_problems(case, kind, bundle, item_code, hand_over_no)
    if bundle.code != case.bundle_code:
        problems.append(DocumentProblem.BUNDLE_MISMATCH)
    if not doc_no.strip() or len(doc_no) > DOC_NO_MAX:
        problems.append(DocumentProblem.DOC_NO_INVALID)
    if issued_on < case.received_on:
        problems.append(DocumentProblem.ISSUED_BEFORE_RECEIVED)
    if kind is DocumentKind.CORRECTION and case.notify_due is not None and issued_on > case.notify_due:
        problems.append(DocumentProblem.NOTIFIED_TOO_LATE)
    return tuple(problems)
