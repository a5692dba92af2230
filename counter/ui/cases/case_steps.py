"""A step taken on a case from its page, one operation of the service, and what the page then says about it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject

from counter.access.desk import Desk
from counter.case.lapse import Lapse
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
)
from counter.service.operation import Operation
from counter.service.requests import CaseNo
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
from counter.ui.door.runner import Runner
from counter.words.case_history import material_names, names_of
from counter.words.cases import case_status_text

#: a step: its operation, its request, and the sentence its answer comes to
Step = tuple[Operation[Any, Any], Any, Callable[[Any], str]]


def take_step(
    runner: Runner,
    desk: Desk,
    event: CaseEvent,
    values: FormValues,
    view: CaseView,
    items: Mapping[str, str] | None = None,
    *,
    received: bool = False,
    owner: QObject,
    done: Callable[[str], None],
    refused: Callable[[Exception], None],
) -> None:
    """Do the step (checked by ``form_problems`` already) on the desk's day; once it is saved, the sentence the page
    shows to ``done``, on the window's thread (never once ``owner``, the page, is closed).

    ``items``: the bundle's item names by code, for the sentence to name the items decided; ``received``: the hall
    only received the case, so the sentence names its state as the page does (已收件).  What the step answers
    instead (:class:`counter.ui.door.runner.Failed`, :class:`counter.ui.door.runner.Busy` for the step confirmed again
    while it is saved, and the step's refusals: the operations' faults) goes to ``refused``.
    """
    op, request, said = _step(event, values, view, items or {}, received)
    runner.submit_step(op, request, desk, CASE_SAVE_FAILED, owner=owner, answered=lambda answer: done(said(answer)),
                       failed=refused)  # fmt: skip


def _step(  # noqa: PLR0911 - one case per step
    event: CaseEvent, values: FormValues, view: CaseView, item_names: Mapping[str, str], received: bool = False
) -> Step:
    """The operation of ``event``, its request, and the sentence its answer comes to."""
    number = view.case_no
    if event is CaseEvent.DEFERRED_ARRIVED:

        def arrived(status: CaseStatus) -> str:
            names = material_names(view.materials)
            still = [m.code for m in view.deferred_open() if m.code not in values.ticked]
            arrived = names_of(sorted(values.ticked), names)
            partly = CASE_DONE_PARTLY.format(arrived=arrived, open=names_of(still, names))
            return CASE_DONE_COMPLETE if status is CaseStatus.IN_APPROVAL else partly

        return FULFIL_DEFERRED, FulfilDeferred(number, frozenset(values.ticked)), arrived
    if event is CaseEvent.DEFERRAL_EXTENDED:
        assert values.new_due is not None  # form_problems saw to it
        due = values.new_due.isoformat()
        return (
            EXTEND_DEFERRAL,
            ExtendDeferral(number, values.new_due, values.reason),
            lambda _: CASE_DONE_EXTENDED.format(due=due),
        )
    if event is CaseEvent.DENIED:  # a lapsed 容缺: the fact, the items the window may deny; the rest to their bodies

        def lapsed(lapse: Lapse) -> str:
            return CASE_DONE_LAPSED.format(
                materials=names_of(list(lapse.materials), material_names(view.materials)),
                items=names_of(list(lapse.items), item_names) or CASE_DONE_NONE,
                referred=names_of(list(lapse.referred), item_names) or CASE_DONE_NONE,
                status=case_status_text(lapse.status, received),
            )  # fmt: skip

        return DENY_LAPSED, DenyLapsed(number, values.reason), lapsed
    if event in (CaseEvent.ITEM_APPROVED, CaseEvent.ITEM_DENIED):
        approve = event is CaseEvent.ITEM_APPROVED
        decide = DecideItem(
            number, values.item, approve, values.reason, validity=values.validity, entered=values.entered
        )
        decision = CASE_ITEM_APPROVED if approve else CASE_ITEM_DENIED
        item = item_names.get(values.item, values.item)
        return (
            DECIDE_ITEM,
            decide,
            lambda decided: CASE_DONE_ITEM.format(
                item=item, decision=decision, status=case_status_text(decided.status, received)
            ),
        )
    if event is CaseEvent.ITEM_ROUTED:  # on the desk's day (a training day too), at this moment of it

        def routed(codes: tuple[str, ...]) -> str:
            return (
                CASE_DONE_ROUTED.format(items=names_of(list(codes), item_names)) if codes else CASE_DONE_NOTHING_ROUTED
            )

        return ROUTE_ITEMS, CaseNo(number), routed

    def moved(status: CaseStatus) -> str:
        return CASE_DONE_MOVED.format(action=CASE_ACTION[event], status=case_status_text(status, received))

    if event is CaseEvent.CORRECTION_LAPSED:
        return LAPSE_CORRECTION, LapseCorrection(number, values.reason), moved
    return MOVE_CASE, MoveCase(number, event, values.reason), moved
