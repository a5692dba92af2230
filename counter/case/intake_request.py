"""The intake as it is committed: the request a form stands for, and the case it became.

Plain data of the domain: the window's panel and ``counter case take`` make the request (:func:`intake_request`)
and hand it to the service, which decides it again from the stored guide version and answers with the case
number and that decision (:class:`TakenIntake`).
"""

from __future__ import annotations

from dataclasses import dataclass

from counter.case.pages import TakenPage
from counter.case.queue_ticket import QueueTicket
from counter.intake.checklist import Checklist
from counter.intake.draft import IntakeDraft
from counter.intake.outcome import Decision, DeferralRequest, Refusal
from counter.intake.parties import Parties


@dataclass(frozen=True, slots=True)
class IntakeRequest:
    checklist: Checklist
    parties: Parties
    deferral: DeferralRequest | None = None
    refusal: Refusal | None = None
    previous_case_no: str = ""  # the correction notice this intake answers
    uid: str = ""  # made by the desk once per intake: a commit retried after a lost connection finds its case
    subject: tuple[tuple[str, str], ...] = ()  # the bundle's subject fields, by code (counter.intake.subject)
    ticket: QueueTicket | None = None  # the hall's queue ticket the applicant was called by (叫号)
    pages: tuple[TakenPage, ...] = ()  # the document camera's pages of its materials, in the order taken


def intake_request(form: IntakeDraft, uid: str) -> IntakeRequest:
    """The request the form stands for: what the window commits, and what ``counter case take`` commits.

    The agent's fields count only while the form has an agent, a deferral only when the applicant asked for one, a
    refusal only while the clerk is refusing (:class:`IntakeDraft` keeps the others for switching back).
    """
    return IntakeRequest(
        form.checklist, form.parties(), form.deferral(), form.refusal(), form.previous_case_no, uid,
        subject=form.subject,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class TakenIntake:
    case_no: str
    decision: Decision
