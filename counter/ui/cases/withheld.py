"""Why the case page does not offer a step the case calls for: the same-day step, a lapse, a void, an extension.

A clerk who pressed Ctrl+J on a 即办 case, or looked for the lapse of an overdue 容缺, and found nothing, was told
nothing.  The page now reads, beside its buttons, what the actions would refuse and why
(:func:`counter.actions.same_day.same_day_check`, :func:`counter.actions.item_authority.act_refusals`), and says it
in words: the rule of standing (:mod:`counter.access.case_acts`), the role, or the date.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from functools import partial

from counter.access.case_acts import CaseAct
from counter.access.roles import Actor, Permission
from counter.actions.case_view import ItemLine
from counter.actions.desk import Desk
from counter.actions.intake import CaseNotFound
from counter.actions.item_authority import act_refusals
from counter.actions.same_day import same_day_check
from counter.case.status import CaseStatus
from counter.case.view import CaseView
from counter.ui.cases.rules import Withheld, withheld
from counter.ui.cases.words import CASE_WITHHELD, CASE_WITHHELD_ITEM
from counter.ui.runner import Failed, Runner
from counter.words.punctuation import CLAUSE_JOIN, LIST_JOIN
from counter.words.same_day import SAME_DAY_PROBLEM, SAME_DAY_REFUSED

log = logging.getLogger(__name__)

Refusals = Mapping[CaseAct, Sequence[tuple[str, str]]]

#: The reasons that name the items an act would touch, and that act.
_ACT_OF = {
    Withheld.LAPSE_REFERRED: CaseAct.DEFERRAL_LAPSE,
    Withheld.CORRECTION_NOT_WINDOWS: CaseAct.CORRECTION_LAPSE,
    Withheld.VOID_TAKEN_UP: CaseAct.VOID,
    Withheld.EXTENSION_NOT_WINDOWS: CaseAct.DEFERRAL_EXTENSION,
}


def same_day_offer(runner: Runner, view: CaseView, today: dt.date, immediate: bool) -> tuple[bool, tuple[str, ...]]:
    """Whether the same-day step is offered, and else why, for a wholly 即办 bundle's case still 已受理 (a case that
    has moved on needs no word of it); asked of the action only for such a bundle."""
    if not immediate:
        return False, ()
    try:
        problems = runner.read(partial(same_day_check, number=view.case_no, today=today))
    except (Failed, CaseNotFound):
        log.warning("case %s: could not ask whether it can be done at once", view.case_no)
        return False, ()
    if not problems:
        return True, ()
    if view.status is not CaseStatus.ACCEPTED:
        return False, ()
    reasons = CLAUSE_JOIN.join(SAME_DAY_PROBLEM[p] for p in problems)
    return False, (SAME_DAY_REFUSED.format(case_no=view.case_no, reasons=reasons),)


def read_refusals(runner: Runner, desk: Desk, view: CaseView) -> Refusals:
    """The items each of the page's supervisor steps would touch that are not this account's to decide; nothing for
    an account that takes none of them (its role is the reason then) or a case no step can touch."""
    if view.status is CaseStatus.VOIDED:
        return {}
    steps = (Permission.TAKE_INTAKE, Permission.DECIDE_DEFERRAL, Permission.VOID_CASE)  # the lapse is a clerk's
    if not any(desk.actor.may(permission) for permission in steps):
        return {}
    try:
        found: Refusals = runner.read(partial(act_refusals, desk=desk, number=view.case_no))
    except (Failed, CaseNotFound):
        log.warning("case %s: could not ask which steps the desk may take", view.case_no)
        return {}
    return found


def withheld_texts(
    view: CaseView,
    today: dt.date,
    actor: Actor,
    lapse_from: dt.date | None,
    refused: Refusals,
    items: Sequence[ItemLine],
) -> tuple[str, ...]:
    """The page's sentences for :func:`counter.ui.cases.rules.withheld`: each item named with the body deciding it."""
    names = {item.code: item.name for item in items}
    texts: list[str] = []
    for reason in withheld(view, today, actor, lapse_from, refused):
        act = _ACT_OF.get(reason)
        listed = [
            CASE_WITHHELD_ITEM.format(item=names.get(code, code), department=body)
            for code, body in (refused.get(act, ()) if act else ())
        ]
        first = lapse_from.isoformat() if lapse_from else ""
        texts.append(CASE_WITHHELD[reason].format(items=LIST_JOIN.join(listed), first=first))
    return tuple(texts)
