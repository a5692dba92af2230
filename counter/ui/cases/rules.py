"""What a case page may offer and how urgent a deferral is: plain rules, no Qt.

The page and the lists ask these questions of a :class:`CaseView` or
:class:`CaseRow`, so the buttons a clerk sees and the colours of the lists
follow one table (:data:`counter.case.status.MOVES`) and can be tested
without a window.  A supervisor's decision (denial, extension) is offered
only where it makes sense: a lapsed deferral's items are denied once it is
overdue, not before — until the deadline the applicant may still hand the
material in (the action refuses it too, :mod:`counter.actions.cases.decisions`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from counter.access.case_acts import CaseAct
from counter.access.case_rights import permission_for
from counter.access.roles import SINGLE_DESK, Actor, Permission
from counter.case.decisions import Validity
from counter.case.entered_for import Entered
from counter.case.hand_over import handed_codes
from counter.case.item_clock import DueAlert
from counter.case.item_lines import item_paths, office_day
from counter.case.status import MOVES, CaseEvent, CaseStatus
from counter.case.view import CaseMaterialLine, CaseView
from counter.intake.checklist import Receipt
from counter.parties.text import TextField, check_text

# The order of the buttons: the clerk's next steps first, the decisions after.
CLERK_ACTIONS = (
    CaseEvent.DEFERRED_ARRIVED,
    CaseEvent.DENIED,  # the lapse of a 容缺: the window records the fact (counter.actions.cases.decisions)
    CaseEvent.ITEM_ROUTED,
    CaseEvent.SENT_TO_APPROVAL,
    CaseEvent.COMPLETED,
    CaseEvent.DELIVERED,
    CaseEvent.RESUBMITTED,
    CaseEvent.WITHDRAWN,
)
SUPERVISOR_ACTIONS = (CaseEvent.DEFERRAL_EXTENDED, CaseEvent.CORRECTION_LAPSED, CaseEvent.VOIDED)
#: The permission a page's step is offered by, where it is not its event's own: the lapse button records
#: DEFERRAL_LAPSED, whatever items it then denies
_OFFERED_BY = {CaseEvent.DENIED: permission_for(CaseEvent.DEFERRAL_LAPSED)}
NEEDS_REASON = frozenset(
    {CaseEvent.DENIED, CaseEvent.WITHDRAWN, CaseEvent.DEFERRAL_EXTENDED, CaseEvent.VOIDED, CaseEvent.ITEM_DENIED}
)
# One item's decision, offered on the 各事项的决定 list for the item chosen there (counter.actions.cases.decisions).
ITEM_ACTIONS = (CaseEvent.ITEM_APPROVED, CaseEvent.ITEM_DENIED)


class Urgency(StrEnum):
    """How close a deferral deadline is; the lists and the page colour by it."""

    OVERDUE = "overdue"  # red: the deadline has passed
    TODAY = "today"  # red too: the day itself, the last on which it can still be done in time
    SOON = "soon"  # amber: due within the next two working days
    LATER = "later"
    NONE = "none"  # nothing deferred is open


#: an item's alert (counter.case.item_clock.due_alert) as the lists and the page colour it: red on its date and past
#: it, amber on the working day before, as a deferral is coloured by how near its deadline is
ALERT_URGENCY = {DueAlert.OVERDUE: Urgency.OVERDUE, DueAlert.DUE_TODAY: Urgency.TODAY, DueAlert.DUE_NEXT: Urgency.SOON}


class MaterialMark(StrEnum):
    """How a line of the materials table is highlighted."""

    PLAIN = "plain"
    DEFERRED_OPEN = "deferred_open"  # amber
    DEFERRED_OVERDUE = "deferred_overdue"  # red
    LACKING = "lacking"  # missing or defective: what a correction notice asked for


class FormProblem(StrEnum):
    """Why an action form cannot be confirmed yet; all of them are shown at once."""

    NOTHING_TICKED = "nothing_ticked"
    REASON_MISSING = "reason_missing"
    REASON_NOT_TAKEN = "reason_not_taken"  # a text the desk would not take (counter.parties.text)
    DATE_MISSING = "date_missing"
    DATE_NOT_AFTER_TODAY = "date_not_after_today"
    DATE_NOT_LATER = "date_not_later"
    VALIDITY_BEFORE_TODAY = "validity_before_today"  # a licence granted today that has lapsed already


@dataclass(frozen=True, slots=True)
class FormValues:
    """What the clerk filled into an action form."""

    ticked: frozenset[str] = frozenset()  # material codes
    reason: str = ""  # for an item's 准予, the result's number
    new_due: dt.date | None = None
    item: str = ""  # the item's code, for an item's decision
    validity: Validity | None = None  # a licence's 准予: its 有效期限 (None: 证照未载明)
    # an item's decision the window enters for its department (代为录入): the department's 文号 and officer
    entered: Entered | None = None


def deferral_due(view: CaseView) -> dt.date | None:
    """The earliest due date of the deferred materials still awaited."""
    dues = [m.due_on for m in view.deferred_open() if m.due_on is not None]
    return min(dues) if dues else None


def is_overdue(view: CaseView, today: dt.date) -> bool:
    due = deferral_due(view)
    return view.status is CaseStatus.AWAITING_DEFERRED and due is not None and due < today


def correction_overdue(view: CaseView, today: dt.date) -> bool:
    """A correction notice unanswered after its deadline: the application may be closed as not pursued."""
    due = view.correction_due
    return view.status is CaseStatus.CORRECTION_ISSUED and due is not None and due < today


def allowed(view: CaseView, event: CaseEvent) -> bool:
    return view.status in MOVES[event][0]


#: What the actions would refuse of the page's steps: each act's items the account may not decide, as (code, deciding
#: body) (:func:`counter.actions.cases.item_authority.act_refusals`)
Refusals = Mapping[CaseAct, Sequence[tuple[str, str]]]


@dataclass(frozen=True, slots=True)
class Refused:
    """What the page reads before offering its steps (:func:`counter.ui.cases.withheld.read_refusals`): ``by_act``,
    each act's items the account may not decide; ``unsettled``, the case's open due dates the year's holiday notice
    may still move (:mod:`counter.case.provisional_lapse`): no lapse is offered on one of them
    (:func:`unsettled_due`), the page says why."""

    by_act: Refusals = field(default_factory=dict)
    unsettled: tuple[dt.date, ...] = ()


def unsettled_due(view: CaseView, today: dt.date, unsettled: Sequence[dt.date]) -> dt.date | None:
    """The earliest missed due date a lapse would be recorded on that the year's notice may still move (among
    ``unsettled``): the action refuses the lapse then (PROVISIONAL_DUE), so the page neither offers it nor waits for
    the press to say why."""
    if is_overdue(view, today):
        return min((due for due in unsettled if due < today), default=None)
    if correction_overdue(view, today) and view.correction_due in unsettled:
        return view.correction_due
    return None


def available_actions(
    view: CaseView,
    today: dt.date,
    actor: Actor = SINGLE_DESK,
    items: Sequence[str] = (),
    lapse_from: dt.date | None = None,
    refused: Mapping[CaseAct, Sequence[object]] | None = None,
    unsettled: Sequence[dt.date] = (),
) -> tuple[CaseEvent, ...]:
    """The actions the page shows now, clerk's first, in a fixed order; only those ``actor`` may take.

    ``items``: the codes of the bundle's items, for 分发 while one of them is neither routed nor decided.
    ``lapse_from``: the first day the case's deadline may be found missed, the next working day after it
    (:func:`counter.case.decisions.lapse_day`, read with the page); a lapse is offered from then on.
    ``refused``: each act's items the account may not decide (a correction lapse, a void or an extension touching
    one is not offered: :func:`withheld` says why).
    ``unsettled``: the case's open due dates the year's holiday notice may still move (no lapse is offered on one).
    Hiding is a courtesy: the action checks the role, the standing and the date again when it runs.
    """
    refused = refused or {}
    moving = unsettled_due(view, today, unsettled) is not None
    shown: list[CaseEvent] = []
    for event in CLERK_ACTIONS + SUPERVISOR_ACTIONS:
        if event is CaseEvent.DELIVERED:  # 统一出件: whenever a decided result waits to go out, a part included
            if results_to_hand(view) and allowed(view, CaseEvent.ITEMS_HANDED) and actor.may(permission_for(event)):
                shown.append(event)
            continue
        if not allowed(view, event) or not actor.may(_OFFERED_BY.get(event) or permission_for(event)):
            continue
        if event in _BY_STANDING and refused.get(_BY_STANDING[event]):
            continue
        if event in (CaseEvent.DEFERRED_ARRIVED, CaseEvent.DEFERRAL_EXTENDED) and not view.deferred_open():
            continue
        if event is CaseEvent.COMPLETED and view.status is CaseStatus.AWAITING_DEFERRED:
            continue  # closed by its last decision once nothing waits (counter.actions.cases.decisions), not by hand
        if event is CaseEvent.ITEM_ROUTED and not items_to_route(view, items):
            continue
        early = (lapse_from is not None and today < lapse_from) or moving
        if event is CaseEvent.DENIED and (not is_overdue(view, today) or early):
            continue  # a lapsed 容缺 only (the action refuses before); an item is denied on its own (decide_item)
        if event is CaseEvent.CORRECTION_LAPSED and (not correction_overdue(view, today) or early):
            continue
        shown.append(event)
    return tuple(shown)


class Withheld(StrEnum):
    """Why a supervisor's step of the case is not offered, or offered for less than its name says; the page words it.

    A lapse or a void that the case calls for and the desk may not take is never hidden in silence: the clerk at a
    desk without accounts, or a supervisor before a department's item, is told why, and who may take it."""

    LAPSE_NOT_YET = "lapse_not_yet"  # past the due date, but the lapse is the next working day's
    LAPSE_UNSETTLED = "lapse_unsettled"  # a provisional due date the year's holiday notice may still move
    LAPSE_REFERRED = "lapse_referred"  # offered, but (some of) the items are their deciding bodies' to deny
    CORRECTION_NOT_YET = "correction_not_yet"
    CORRECTION_UNSETTLED = "correction_unsettled"
    CORRECTION_NEEDS_SUPERVISOR = "correction_needs_supervisor"
    CORRECTION_NOT_WINDOWS = "correction_not_windows"  # an item of the application is a department's
    VOID_TAKEN_UP = "void_taken_up"  # a deciding body took an item up: only it ends that item
    EXTENSION_NOT_WINDOWS = "extension_not_windows"  # the waiting items are a department's
    REVOKED_NOT_HANDED = "revoked_not_handed"  # a licence revoked after its grant: 统一出件 leaves it out


def withheld(
    view: CaseView,
    today: dt.date,
    actor: Actor = SINGLE_DESK,
    lapse_from: dt.date | None = None,
    refused: Mapping[CaseAct, Sequence[object]] | None = None,
    unsettled: Sequence[dt.date] = (),
) -> tuple[Withheld, ...]:
    """Every reason the page gives beside its buttons (:func:`available_actions`) for a lapse, a void or an extension
    it does not offer, or offers for less; ``refused``: each act's items the account may not decide
    (:func:`counter.actions.cases.item_authority.act_refusals`); ``unsettled``, the open due dates the year's notice
    may still
    move (:func:`unsettled_due`)."""
    refused = refused or {}
    supervisor = actor.may(Permission.DECIDE_DEFERRAL)
    early = lapse_from is not None and today < lapse_from
    moving = unsettled_due(view, today, unsettled) is not None
    found: list[Withheld] = []
    if is_overdue(view, today) and actor.may(_OFFERED_BY[CaseEvent.DENIED]):
        if early:
            found.append(Withheld.LAPSE_NOT_YET)
        elif moving:
            found.append(Withheld.LAPSE_UNSETTLED)
        elif refused.get(CaseAct.DEFERRAL_LAPSE):
            found.append(Withheld.LAPSE_REFERRED)
    if correction_overdue(view, today):
        if early:
            found.append(Withheld.CORRECTION_NOT_YET)
        elif not supervisor:
            found.append(Withheld.CORRECTION_NEEDS_SUPERVISOR)
        elif moving:
            found.append(Withheld.CORRECTION_UNSETTLED)
        elif refused.get(CaseAct.CORRECTION_LAPSE):
            found.append(Withheld.CORRECTION_NOT_WINDOWS)
    extendable = supervisor and view.deferred_open() and allowed(view, CaseEvent.DEFERRAL_EXTENDED)
    if extendable and refused.get(CaseAct.DEFERRAL_EXTENSION):
        found.append(Withheld.EXTENSION_NOT_WINDOWS)
    if actor.may(Permission.VOID_CASE) and allowed(view, CaseEvent.VOIDED) and refused.get(CaseAct.VOID):
        found.append(Withheld.VOID_TAKEN_UP)
    handing = allowed(view, CaseEvent.ITEMS_HANDED) and actor.may(permission_for(CaseEvent.DELIVERED))
    if handing and revoked_not_handed(view):
        found.append(Withheld.REVOKED_NOT_HANDED)
    return tuple(found)


#: The steps a deciding body's item takes out of the window's hands: not offered while ``refused`` names an item.
_BY_STANDING = {
    CaseEvent.CORRECTION_LAPSED: CaseAct.CORRECTION_LAPSE,
    CaseEvent.VOIDED: CaseAct.VOID,
    CaseEvent.DEFERRAL_EXTENDED: CaseAct.DEFERRAL_EXTENSION,
}


def items_to_route(view: CaseView, items: Sequence[str]) -> tuple[str, ...]:
    """The codes among ``items`` neither routed to their departments nor decided yet: what 分发 sends, in order."""
    paths = item_paths(view.history, office_day)
    decided = view.decisions()
    return tuple(code for code in items if code not in paths and code not in decided)


def results_to_hand(view: CaseView) -> tuple[str, ...]:
    """The codes of the items decided and not handed over yet, in the order they were decided; a licence revoked
    since its grant (告知承诺 found false, 行政许可法 第六十九条第二款) is not among them: the applicant no longer holds
    it, and the hand-over refuses it (:func:`counter.case.hand_over.hand_over_problems`)."""
    handed = handed_codes(view.history)
    return tuple(code for code, d in view.decisions().items() if code not in handed and not d.revoked)


def revoked_not_handed(view: CaseView) -> tuple[str, ...]:
    """The codes of the licences revoked after their grant and never handed over: the page says they will not be."""
    handed = handed_codes(view.history)
    return tuple(code for code, d in view.decisions().items() if code not in handed and d.revoked)


def item_actions(view: CaseView, actor: Actor = SINGLE_DESK) -> tuple[CaseEvent, ...]:
    """The item decisions the case's status allows and ``actor`` may take (a 不予批准 is a supervisor's).

    Which item still waits for its decision is the list's to say; the action refuses a second decision.
    """
    return tuple(e for e in ITEM_ACTIONS if allowed(view, e) and actor.may(permission_for(e)))


def urgency(due: dt.date | None, today: dt.date, soon_until: dt.date) -> Urgency:
    """``soon_until``: the last day that still counts as soon (two working days ahead)."""
    if due is None:
        return Urgency.NONE
    if due < today:
        return Urgency.OVERDUE
    if due == today:
        return Urgency.TODAY
    if due <= soon_until:
        return Urgency.SOON
    return Urgency.LATER


def material_mark(line: CaseMaterialLine, today: dt.date, awaiting: bool, shared: bool = False) -> MaterialMark:
    """``awaiting``: the case still waits for its deferred materials (else an open line is history).

    ``shared``: the material is fetched by data sharing, so not handing it in lacks nothing.
    """
    if awaiting and line.due_on is not None and line.arrived_on is None:
        return MaterialMark.DEFERRED_OVERDUE if line.due_on < today else MaterialMark.DEFERRED_OPEN
    if shared and line.receipt == Receipt.MISSING.value:
        return MaterialMark.PLAIN
    if line.due_on is None and line.receipt in (Receipt.MISSING.value, Receipt.DEFECTIVE.value):
        return MaterialMark.LACKING
    return MaterialMark.PLAIN


def form_problems(event: CaseEvent, values: FormValues, view: CaseView, today: dt.date) -> list[FormProblem]:
    """Every reason the form cannot be confirmed yet (empty: go ahead)."""
    problems: list[FormProblem] = []
    if event is CaseEvent.DEFERRED_ARRIVED and not values.ticked:
        problems.append(FormProblem.NOTHING_TICKED)
    if event in NEEDS_REASON and not values.reason.strip():
        problems.append(FormProblem.REASON_MISSING)
    if not check_text(values.reason, TextField.NOTE).ok:  # printed on the notice, and sent in the package
        problems.append(FormProblem.REASON_NOT_TAKEN)
    if event is CaseEvent.DEFERRAL_EXTENDED:
        due = deferral_due(view)
        if values.new_due is None:
            problems.append(FormProblem.DATE_MISSING)
        elif values.new_due <= today:
            problems.append(FormProblem.DATE_NOT_AFTER_TODAY)
        elif due is not None and values.new_due <= due:
            problems.append(FormProblem.DATE_NOT_LATER)
    until = values.validity.until if values.validity is not None else None
    if event is CaseEvent.ITEM_APPROVED and until is not None and until < today:
        problems.append(FormProblem.VALIDITY_BEFORE_TODAY)
    return problems
