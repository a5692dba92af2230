"""Why the case page does not offer a step the case calls for: the same-day step, a lapse, a void, an extension.

A clerk who pressed Ctrl+J on a 即办 case, or looked for the lapse of an overdue 容缺, and found nothing, was told
nothing.  The page now reads, beside its buttons, what the actions would refuse and why
(:mod:`counter.ui.cases.case_reading`), and says it here in words: the rule of standing
(:mod:`counter.access.case_acts`), the role, or the date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from counter.access.case_acts import CaseAct
from counter.access.roles import Actor
from counter.case.view import CaseView
from counter.documents.case_page import ItemLine
from counter.ui.cases.rules import Refusals, Withheld, revoked_not_handed, unsettled_due, withheld
from counter.ui.cases.words import CASE_WITHHELD, CASE_WITHHELD_ITEM
from counter.words.cases import LAPSE_UNSETTLED
from counter.words.punctuation import LIST_JOIN

#: The reasons that name the items an act would touch, and that act.
_ACT_OF = {
    Withheld.LAPSE_REFERRED: CaseAct.DEFERRAL_LAPSE,
    Withheld.CORRECTION_NOT_WINDOWS: CaseAct.CORRECTION_LAPSE,
    Withheld.VOID_TAKEN_UP: CaseAct.VOID,
    Withheld.EXTENSION_NOT_WINDOWS: CaseAct.DEFERRAL_EXTENSION,
}
_WORDS = {**CASE_WITHHELD, **LAPSE_UNSETTLED}


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
