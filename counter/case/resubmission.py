"""The intake of a 补正 answer, filled from the case it answers.

The applicant who comes back with the papers a 补正通知书 listed was told (一次性告知) that those papers are all
that is needed: the parties, the agent with his ID and 委托书, the situations chosen and every line received and
checked at the first visit stand as they were recorded.  Only the lines the notice listed (a required or 容缺
material missing or defective) open again, for the clerk to take what is handed over now.

The form is built on the guide in force today, which the new case is taken under: an answer or a line the guide no
longer has is left out (its material, if the guide still asks for it, is open like a listed one).

A case forwarded on its applicant's insistence (:func:`counter.intake.outcome.forwarded_case`: told the window's
finding, the applicant insisted, and the hall told its 补齐材料告知书 as a window that only receives) is answered
as it was taken: the form carries the finding insisted on (:attr:`IntakeDraft.insisted`), so the answer is taken
as 收件 and forwarded again, never accepted in a department's name nor asked again.
"""

from __future__ import annotations

from counter.case.view import CaseMaterialLine, CaseView
from counter.catalog.model import Bundle
from counter.intake.checklist import (
    NOT_ACCEPTABLE,
    Checklist,
    MaterialEntry,
    Receipt,
    ReceivedMedium,
    record_entry,
    start_checklist,
)
from counter.intake.draft import IntakeDraft
from counter.intake.licences import licence_of_record, lookup_failed_of_record
from counter.intake.outcome import RefusalGround, forwarded_case
from counter.intake.parties import Agent, Applicant, ApplicantKind, Delivery


def resubmission_draft(view: CaseView, bundle: Bundle, guide_version_id: int) -> IntakeDraft:
    """The intake form of the answer to ``view``'s 补正, on ``bundle`` (guide version ``guide_version_id``)."""
    with_agent = bool(view.agent_name or view.agent_id_no or view.agent_authorisation)
    insisted = _insisted_ground(view)
    return IntakeDraft(
        checklist=carried_checklist(view, bundle, guide_version_id),
        applicant=Applicant(
            ApplicantKind(view.applicant_kind),
            view.applicant_name,
            view.applicant_id_no,
            view.applicant_phone,
            view.applicant_address,
            view.legal_rep,
        ),
        agent=Agent(view.agent_name, view.agent_id_no, view.agent_authorisation),
        with_agent=with_agent,
        delivery=Delivery(view.delivery),
        delivery_address=view.delivery_address,
        notify_phone=view.notify_phone,
        refusal_ground=insisted,
        insists=True if insisted is not None else None,
        turn_to=view.turn_to if insisted is not None else "",
        previous_case_no=view.case_no,
        subject=_subject(view, bundle),
    )


def _insisted_ground(view: CaseView) -> RefusalGround | None:
    """The finding the applicant insisted on, where the case was forwarded so; None for any other case, and for a
    ground this version does not know (a township's package may carry one): that answer is asked again."""
    if not forwarded_case(view.refusal_ground, view.outcome):
        return None
    try:
        return RefusalGround(view.refusal_ground)
    except ValueError:
        return None


def carried_checklist(view: CaseView, bundle: Bundle, guide_version_id: int) -> Checklist:
    """The first visit's answers and lines on today's guide; the lines its notice listed left open."""
    answers = {
        situation: option
        for situation, option in view.answers
        if (found := next((s for s in bundle.situations if s.code == situation), None)) is not None
        and found.option(option) is not None
    }
    checklist = start_checklist(bundle, answers, guide_version=guide_version_id)
    for line in view.materials:
        if line.receipt in NOT_ACCEPTABLE or checklist.entry(line.code) is None:
            continue  # listed on the notice (open again, or missing where optional), or no longer asked for
        try:
            checklist = record_entry(checklist, _entry(line))
        except ValueError:  # a line this version cannot read back: the clerk takes it again
            continue
    return checklist


def _subject(view: CaseView, bundle: Bundle) -> tuple[tuple[str, str], ...]:
    """The subject's fields as taken, those today's guide still asks."""
    asked = bundle.subject
    return tuple(pair for pair in view.subject if asked is not None and asked.field(pair[0]) is not None)


def _entry(line: CaseMaterialLine) -> MaterialEntry:
    return MaterialEntry(
        line.code,
        Receipt(line.receipt),
        line.originals,
        line.copies,
        ReceivedMedium(line.medium) if line.medium else None,
        line.defect_note,
        licence_of_record(line.licence),
        lookup_failed_of_record(line.licence),
    )
