"""A step taken on a case from its page, in the runner's unit of work, and what the page then says about it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from counter.access.desk import Desk
from counter.actions.cases.decisions import decide_item, deny_lapsed_deferral
from counter.actions.cases.item_steps import route_items
from counter.actions.intake.take import extend_deferral, fulfil_deferred, lapse_correction, move_case
from counter.actions.site.store import Unit
from counter.case.status import CaseEvent, CaseStatus
from counter.case.view import CaseView
from counter.ui.cases.case_lines import material_names, names_of
from counter.ui.cases.rules import FormValues
from counter.ui.cases.words import (
    CASE_ACTION,
    CASE_DONE_COMPLETE,
    CASE_DONE_EXTENDED,
    CASE_DONE_ITEM,
    CASE_DONE_LAPSED,
    CASE_DONE_MOVED,
    CASE_DONE_NONE,
    CASE_DONE_NOTHING_ROUTED,
    CASE_DONE_PARTLY,
    CASE_DONE_ROUTED,
    CASE_ITEM_APPROVED,
    CASE_ITEM_DENIED,
)
from counter.words.cases import CASE_STATUS


def take_step(
    unit: Unit,
    desk: Desk,
    event: CaseEvent,
    values: FormValues,
    view: CaseView,
    today: dt.date,
    items: Mapping[str, str] | None = None,
) -> str:
    """Do the step (checked by ``form_problems`` already); the sentence the page shows once it is saved.

    ``items``: the bundle's item names by code, for the sentence to name the items decided.
    """
    item_names = items or {}
    now = dt.datetime.combine(today, dt.datetime.now().time()).astimezone()  # the desk's day, a training day too
    if event is CaseEvent.DEFERRED_ARRIVED:
        status = fulfil_deferred(unit, desk, view.case_no, set(values.ticked), today)
        names = material_names(view.materials)
        still = [m.code for m in view.deferred_open() if m.code not in values.ticked]
        partly = CASE_DONE_PARTLY.format(arrived=names_of(sorted(values.ticked), names), open=names_of(still, names))
        return CASE_DONE_COMPLETE if status is CaseStatus.IN_APPROVAL else partly
    if event is CaseEvent.DEFERRAL_EXTENDED:
        assert values.new_due is not None  # form_problems saw to it
        extend_deferral(unit, desk, view.case_no, values.new_due, values.reason, now)
        return CASE_DONE_EXTENDED.format(due=values.new_due.isoformat())
    if event is CaseEvent.DENIED:  # a lapsed 容缺: the fact, the items the window may deny; the rest to their bodies
        lapse = deny_lapsed_deferral(unit, desk, view.case_no, today, values.reason)
        names = material_names(view.materials)
        return CASE_DONE_LAPSED.format(
            materials=names_of(list(lapse.materials), names),
            items=names_of(list(lapse.items), item_names) or CASE_DONE_NONE,
            referred=names_of(list(lapse.referred), item_names) or CASE_DONE_NONE, status=CASE_STATUS[lapse.status],
        )  # fmt: skip
    if event in (CaseEvent.ITEM_APPROVED, CaseEvent.ITEM_DENIED):
        approve = event is CaseEvent.ITEM_APPROVED
        status = decide_item(unit, desk, view.case_no, values.item, approve=approve, text=values.reason, at=now)
        decision = CASE_ITEM_APPROVED if approve else CASE_ITEM_DENIED
        item = item_names.get(values.item, values.item)
        return CASE_DONE_ITEM.format(item=item, decision=decision, status=CASE_STATUS[status])
    if event is CaseEvent.ITEM_ROUTED:  # on the desk's day (a training day too), at this moment of it
        routed = route_items(unit, desk, view.case_no, now)
        return CASE_DONE_ROUTED.format(items=names_of(list(routed), item_names)) if routed else CASE_DONE_NOTHING_ROUTED
    if event is CaseEvent.CORRECTION_LAPSED:
        status = lapse_correction(unit, desk, view.case_no, today, values.reason)
    else:
        status = move_case(unit, desk, view.case_no, event, values.reason, now)
    return CASE_DONE_MOVED.format(action=CASE_ACTION[event], status=CASE_STATUS[status])
