"""Which permission each step of a case needs: one table for the action and for the case page.

Decisions that answer for a deadline or undo an intake (extend a deferral, deny an item, lapse a correction, void
a case) are the supervisor's; the ordinary steps of a case are the clerk's, and so is recording that a 容缺
material was not handed in by its date: a fact, which denies no item by itself.
"""

from __future__ import annotations

from counter.access.roles import Permission
from counter.case.status import CaseEvent

EVENT_PERMISSION: dict[CaseEvent, Permission] = {
    CaseEvent.TAKEN: Permission.TAKE_INTAKE,
    CaseEvent.DEFERRED_ARRIVED: Permission.TAKE_INTAKE,
    CaseEvent.DEFERRED_COMPLETE: Permission.TAKE_INTAKE,
    CaseEvent.DEFERRAL_EXTENDED: Permission.DECIDE_DEFERRAL,
    CaseEvent.DENIED: Permission.DECIDE_DEFERRAL,
    CaseEvent.RESUBMITTED: Permission.TAKE_INTAKE,
    CaseEvent.CORRECTION_LAPSED: Permission.DECIDE_DEFERRAL,  # answers for a deadline, like a lapsed deferral
    CaseEvent.SENT_TO_APPROVAL: Permission.TAKE_INTAKE,
    CaseEvent.COMPLETED: Permission.TAKE_INTAKE,
    CaseEvent.DELIVERED: Permission.TAKE_INTAKE,
    CaseEvent.ITEMS_HANDED: Permission.TAKE_INTAKE,
    CaseEvent.SERVICE_SIGNED: Permission.TAKE_INTAKE,
    CaseEvent.E_SERVICE_AGREED: Permission.TAKE_INTAKE,  # the window records the applicant's agreement
    CaseEvent.PAPER_SERVED_ONLINE: Permission.TAKE_INTAKE,  # and serves the papers, as it hands them over
    CaseEvent.WITHDRAWN: Permission.TAKE_INTAKE,
    CaseEvent.VOIDED: Permission.VOID_CASE,
    CaseEvent.ITEM_APPROVED: Permission.TAKE_INTAKE,
    CaseEvent.ITEM_DENIED: Permission.DECIDE_DEFERRAL,
    # the window records the fact (the materials, the day); each item's 不予批准 is its deciding body's decision
    # (counter.access.case_acts), taken by the lapse only where the window may deny the item
    CaseEvent.DEFERRAL_LAPSED: Permission.TAKE_INTAKE,
    CaseEvent.DEFERRAL_PART_LAPSED: Permission.TAKE_INTAKE,
    CaseEvent.ITEM_ROUTED: Permission.TAKE_INTAKE,  # the window routes what it accepted
    CaseEvent.ITEM_SIGNED: Permission.ITEM_STEPS,
    CaseEvent.ITEM_CORRECTION: Permission.ITEM_STEPS,  # the department's own 补正, before its 受理
    CaseEvent.ITEM_REVIEW: Permission.ITEM_STEPS,
    CaseEvent.ITEM_PAUSED: Permission.ITEM_STEPS,
    CaseEvent.ITEM_RESUMED: Permission.ITEM_STEPS,
    CaseEvent.ITEM_EXTENDED: Permission.ITEM_STEPS,
    CaseEvent.ITEM_REFUSED: Permission.ITEM_STEPS,  # the department's own 不予受理 (counter.case.item_path)
    CaseEvent.DATES_MOVED: Permission.EDIT_HOLIDAYS,  # made by a change of the holiday data, never by hand
    CaseEvent.LAPSE_EARLY: Permission.EDIT_HOLIDAYS,  # the same: found by the change, never by hand
    # takes a licence back, as a 不予批准 refuses one: at the window a supervisor's, with the deciding body's standing
    CaseEvent.ITEM_REVOKED: Permission.DECIDE_DEFERRAL,
}


def permission_for(event: CaseEvent) -> Permission:
    return EVENT_PERMISSION[event]
