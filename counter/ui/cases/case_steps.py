"""A step taken on a case from its page, one operation of the service, and what the page then says about it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from counter.access.desk import Desk
from counter.case.status import CaseEvent, CaseStatus
from counter.case.view import CaseView
from counter.service.cases import (
    DECIDE_ITEM,
    DENY_LAPSED,
    EXTEND_DEFERRAL,
    FULFIL_DEFERRED,
    LAPSE_CORRECTION,
    MOVE_CASE,
    ROUTE_ITEMS,
    DecideItem,
    DenyLapsed,
    ExtendDeferral,
    FulfilDeferred,
    LapseCorrection,
    MoveCase,
    RouteItems,
)
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
    CASE_SAVE_FAILED,
)
from counter.ui.runner import Runner
from counter.words.cases import CASE_STATUS


def take_step(
    runner: Runner,
    desk: Desk,
    event: CaseEvent,
    values: FormValues,
    view: CaseView,
    today: dt.date,
    items: Mapping[str, str] | None = None,
) -> str:
    """Do the step (checked by ``form_problems`` already); the sentence the page shows once it is saved.

    ``items``: the bundle's item names by code, for the sentence to name the items decided.  Raises
    :class:`counter.ui.runner.Failed` and the step's refusals (the operations' faults).
    """
    item_names = items or {}
    number = view.case_no
    if event is CaseEvent.DEFERRED_ARRIVED:
        status = runner.call(FULFIL_DEFERRED, FulfilDeferred(number, frozenset(values.ticked)), desk, CASE_SAVE_FAILED)
        names = material_names(view.materials)
        still = [m.code for m in view.deferred_open() if m.code not in values.ticked]
        partly = CASE_DONE_PARTLY.format(arrived=names_of(sorted(values.ticked), names), open=names_of(still, names))
        return CASE_DONE_COMPLETE if status is CaseStatus.IN_APPROVAL else partly
    if event is CaseEvent.DEFERRAL_EXTENDED:
        assert values.new_due is not None  # form_problems saw to it
        runner.call(EXTEND_DEFERRAL, ExtendDeferral(number, values.new_due, values.reason), desk, CASE_SAVE_FAILED)
        return CASE_DONE_EXTENDED.format(due=values.new_due.isoformat())
    if event is CaseEvent.DENIED:  # a lapsed 容缺: the fact, the items the window may deny; the rest to their bodies
        lapse = runner.call(DENY_LAPSED, DenyLapsed(number, values.reason), desk, CASE_SAVE_FAILED)
        names = material_names(view.materials)
        return CASE_DONE_LAPSED.format(
            materials=names_of(list(lapse.materials), names),
            items=names_of(list(lapse.items), item_names) or CASE_DONE_NONE,
            referred=names_of(list(lapse.referred), item_names) or CASE_DONE_NONE, status=CASE_STATUS[lapse.status],
        )  # fmt: skip
    if event in (CaseEvent.ITEM_APPROVED, CaseEvent.ITEM_DENIED):
        approve = event is CaseEvent.ITEM_APPROVED
        decide = DecideItem(number, values.item, approve, values.reason, validity=values.validity)
        status = runner.call(DECIDE_ITEM, decide, desk, CASE_SAVE_FAILED)
        decision = CASE_ITEM_APPROVED if approve else CASE_ITEM_DENIED
        item = item_names.get(values.item, values.item)
        return CASE_DONE_ITEM.format(item=item, decision=decision, status=CASE_STATUS[status])
    if event is CaseEvent.ITEM_ROUTED:  # on the desk's day (a training day too), at this moment of it
        routed = runner.call(ROUTE_ITEMS, RouteItems(number), desk, CASE_SAVE_FAILED)
        return CASE_DONE_ROUTED.format(items=names_of(list(routed), item_names)) if routed else CASE_DONE_NOTHING_ROUTED
    if event is CaseEvent.CORRECTION_LAPSED:
        status = runner.call(LAPSE_CORRECTION, LapseCorrection(number, values.reason), desk, CASE_SAVE_FAILED)
    else:
        status = runner.call(MOVE_CASE, MoveCase(number, event, values.reason), desk, CASE_SAVE_FAILED)
    return CASE_DONE_MOVED.format(action=CASE_ACTION[event], status=CASE_STATUS[status])
