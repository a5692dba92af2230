"""The intake form's fields read into an :class:`IntakeDraft`, and a draft written back into them.

The two functions mirror each other field by field, so a draft saved and put
back shows exactly what the clerk left (the draft tests hold them to that).
"""

from __future__ import annotations

from counter.intake.checklist import Checklist
from counter.intake.draft import IntakeDraft
from counter.ui.intake.panel_layout import PanelLayout


def read_fields(
    panel: PanelLayout, checklist: Checklist, previous_case_no: str, uid: str = "", *, insisted: bool = False
) -> IntakeDraft:
    """The form; ``insisted``: the applicant, told the window's finding, insisted (no field shows it: the refusal
    box went off), kept while the box stays off (:attr:`IntakeDraft.insisted`)."""
    agent, delivery, deferral, refusal = panel.agent_form, panel.delivery_form, panel.deferral, panel.refusal
    return IntakeDraft(
        checklist=checklist,
        applicant=panel.applicant_form.applicant(),
        agent=agent.agent(),
        with_agent=agent.isChecked(),
        delivery=delivery.delivery(),
        delivery_address=delivery.address.text(),
        notify_phone=delivery.notify_phone.text(),
        deferral_asked=deferral.asked.isChecked(),
        no_bad_credit=deferral.no_bad_credit.isChecked(),
        pledge_signed=deferral.pledge_signed.isChecked(),
        refusing=refusal.isChecked(),
        refusal_ground=refusal.ground(),
        insists=True if insisted and not refusal.isChecked() else None,
        turn_to=refusal.turn_to(),
        previous_case_no=previous_case_no,
        subject=panel.subject_form.values(),
        uid=uid,
    )


def show_fields(panel: PanelLayout, draft: IntakeDraft, checklist: Checklist) -> None:
    """Put a draft back; ``checklist`` is the draft's, already fitted to the panel's guide."""
    panel.applicant_form.set_applicant(draft.applicant)
    panel.subject_form.set_values(draft.subject)
    panel.agent_form.set_agent(draft.agent, draft.with_agent)
    panel.delivery_form.set_delivery(draft.delivery, draft.delivery_address, draft.notify_phone)
    panel.deferral.set_values(draft.deferral_asked, draft.no_bad_credit, draft.pledge_signed)
    panel.refusal.set_values(draft.refusing, draft.refusal_ground, draft.turn_to)
    panel.situations.set_answers(checklist.answers_dict())
    panel.checklist_view.show_checklist(panel.bundle, checklist)
