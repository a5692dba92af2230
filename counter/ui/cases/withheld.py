"""Why the case page does not offer a step the case calls for: the same-day step, a lapse, a void, an extension.

A clerk who pressed Ctrl+J on a 即办 case, or looked for the lapse of an overdue 容缺, and found nothing, was told
nothing.  The page now reads, beside its buttons, what the actions would refuse and why
(:data:`counter.service.cases.SAME_DAY_CHECK`, :data:`counter.service.cases.ACT_REFUSALS`),
and says it
in words: the rule of standing (:mod:`counter.access.case_acts`), the role, or the date.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from counter.access.case_acts import CaseAct
from counter.access.desk import Desk
from counter.access.roles import Actor, Permission
from counter.calendar.provisional import unsettled
from counter.calendar.workdays import WorkCalendar
from counter.case.not_found import CaseNotFound
from counter.case.status import CaseStatus
from counter.case.view import CaseView
from counter.documents.case_page import ItemLine
from counter.service.cases import ACT_REFUSALS, READ_CALENDAR, SAME_DAY_CHECK, CaseNo, CaseOnDay, Nothing
from counter.ui.cases.rules import Refusals, Refused, Withheld, revoked_not_handed, unsettled_due, withheld
from counter.ui.cases.words import CASE_WITHHELD, CASE_WITHHELD_ITEM
from counter.ui.runner import Failed, Runner
from counter.words.cases import LAPSE_UNSETTLED
from counter.words.punctuation import CLAUSE_JOIN, LIST_JOIN
from counter.words.same_day import SAME_DAY_PROBLEM, SAME_DAY_REFUSED

log = logging.getLogger(__name__)

#: The reasons that name the items an act would touch, and that act.
_ACT_OF = {
    Withheld.LAPSE_REFERRED: CaseAct.DEFERRAL_LAPSE,
    Withheld.CORRECTION_NOT_WINDOWS: CaseAct.CORRECTION_LAPSE,
    Withheld.VOID_TAKEN_UP: CaseAct.VOID,
    Withheld.EXTENSION_NOT_WINDOWS: CaseAct.DEFERRAL_EXTENSION,
}
_WORDS = {**CASE_WITHHELD, **LAPSE_UNSETTLED}


def same_day_offer(runner: Runner, view: CaseView, today: dt.date, immediate: bool) -> tuple[bool, tuple[str, ...]]:
    """Whether the same-day step is offered, and else why, for a wholly 即办 bundle's case still 已受理 (a case that
    has moved on needs no word of it); asked of the action only for such a bundle."""
    if not immediate:
        return False, ()
    try:
        problems = runner.call(SAME_DAY_CHECK, CaseOnDay(view.case_no))
    except (Failed, CaseNotFound):
        log.warning("case %s: could not ask whether it can be done at once", view.case_no)
        return False, ()
    if not problems:
        return True, ()
    if view.status is not CaseStatus.ACCEPTED:
        return False, ()
    reasons = CLAUSE_JOIN.join(SAME_DAY_PROBLEM[p] for p in problems)
    return False, (SAME_DAY_REFUSED.format(case_no=view.case_no, reasons=reasons),)


def read_refusals(runner: Runner, desk: Desk, view: CaseView) -> Refused:
    """The items each of the page's supervisor steps would touch that are not this account's to decide (nothing for
    an account that takes none of them: its role is the reason then, or a case no step can touch), and the case's
    open due dates the year's notice may still move (:func:`read_unsettled`); the page passes each to the rules that
    ask it."""
    if view.status is CaseStatus.VOIDED:
        return Refused()
    dues = read_unsettled(runner, view)
    steps = (Permission.TAKE_INTAKE, Permission.DECIDE_DEFERRAL, Permission.VOID_CASE)  # the lapse is a clerk's
    if not any(desk.actor.may(permission) for permission in steps):
        return Refused(unsettled=dues)
    try:
        found: Refusals = runner.call(ACT_REFUSALS, CaseNo(view.case_no), desk)
    except (Failed, CaseNotFound):
        log.warning("case %s: could not ask which steps the desk may take", view.case_no)
        return Refused(unsettled=dues)
    return Refused(found, dues)


def read_unsettled(runner: Runner, view: CaseView) -> tuple[dt.date, ...]:
    """The open 容缺 or 补正 due dates of the case that the year's holiday notice may still move
    (:func:`counter.calendar.provisional.unsettled`): the action refuses a lapse on one (PROVISIONAL_DUE,
    :mod:`counter.case.provisional_lapse`), so the page does not offer it.  Counted from the day the action counts
    from: the acceptance for a 容缺, the arrival for a 补正; the calendar is read only for a case with such a date."""
    if view.status is CaseStatus.AWAITING_DEFERRED:
        start = view.accepted_on or view.received_on
        dues = {m.due_on for m in view.deferred_open() if m.due_on is not None}
    elif view.status is CaseStatus.CORRECTION_ISSUED and view.correction_due is not None:
        start, dues = view.received_on, {view.correction_due}
    else:
        return ()
    try:
        calendar = WorkCalendar(runner.call(READ_CALENDAR, Nothing()))
    except Failed:
        log.warning("case %s: could not read the calendar its lapse is counted on", view.case_no)
        return ()
    return tuple(sorted(due for due in dues if unsettled(calendar, start, due)))


def withheld_texts(
    view: CaseView,
    today: dt.date,
    actor: Actor,
    lapse_from: dt.date | None,
    refused: Refusals,
    items: Sequence[ItemLine],
    unsettled: Sequence[dt.date] = (),
) -> tuple[str, ...]:
    """The page's sentences for :func:`counter.ui.cases.rules.withheld`: each item named with the body deciding it
    (a revoked licence by its name alone)."""
    names = {item.code: item.name for item in items}
    texts: list[str] = []
    for reason in withheld(view, today, actor, lapse_from, refused, unsettled):
        act = _ACT_OF.get(reason)
        listed = [
            CASE_WITHHELD_ITEM.format(item=names.get(code, code), department=body)
            for code, body in (refused.get(act, ()) if act else ())
        ]
        if reason is Withheld.REVOKED_NOT_HANDED:
            listed = [names.get(code, code) for code in revoked_not_handed(view)]
        first = lapse_from.isoformat() if lapse_from else ""
        moving = unsettled_due(view, today, unsettled)
        due = moving.isoformat() if moving else ""
        texts.append(_WORDS[reason].format(items=LIST_JOIN.join(listed), first=first, due=due))
    return tuple(texts)
