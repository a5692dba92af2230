"""Which of a department's steps the case page offers for each item: plain rules, no Qt.

A department's staff (:attr:`counter.access.roles.Permission.ITEM_STEPS`) take an item routed to them along its
path: the steps its state allows (:data:`counter.case.item_path.MOVES`), while the case is in the hall's hands
(:data:`counter.case.status.MOVES`), an extension once (行政许可法 第四十二条).  Routing is the window's
(:func:`counter.ui.cases.rules.items_to_route`), never a department's step.

Where the actor may also take the window's own decision of the item (the single desk of a database without
accounts holds every role), the window's button stands for it: the list never shows two 准予.

Hiding is a courtesy: :func:`counter.actions.cases.item_steps.take_item_step` checks everything again, the account's
department too (an account confined to one department is refused another's item, and the page says so).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from counter.access.roles import Actor, Permission
from counter.case.item_lines import item_paths, office_day
from counter.case.item_path import MOVES, ItemEvent, ItemStep, corrected, state_of
from counter.case.status import CaseEvent
from counter.case.view import CaseView
from counter.ui.cases.rules import allowed

#: a department's steps, in the order of an item's path: the order of their buttons
DEPARTMENT_STEPS = (
    ItemEvent.SIGNED,
    ItemEvent.CORRECTION,  # before the 签收: the department's 补正 of what the hall only received
    ItemEvent.REFUSED,  # instead of the 签收: the department's 不予受理 of what the hall only received
    ItemEvent.REVIEW_STARTED,
    ItemEvent.PAUSED,
    ItemEvent.RESUMED,
    ItemEvent.EXTENDED,
    ItemEvent.APPROVED,
    ItemEvent.DENIED,
)
#: the department's answers to what the hall only received, besides its 受理 (许可法 第三十二条)
_BEFORE_ACCEPTANCE = frozenset({ItemEvent.CORRECTION, ItemEvent.REFUSED})
#: the window's decision (:data:`counter.ui.cases.rules.ITEM_ACTIONS`) that records the same as a department's
WINDOW_DECISION = {ItemEvent.APPROVED: CaseEvent.ITEM_APPROVED, ItemEvent.DENIED: CaseEvent.ITEM_DENIED}


def offered_steps(
    view: CaseView, path: Sequence[ItemStep], window: Sequence[CaseEvent] = (), received: bool = True
) -> tuple[ItemEvent, ...]:
    """The department's steps an item with ``path`` may take now; ``window``: the decisions the window offers;
    ``received``: the hall only received the item, so its department may ask its 补正 or refuse to accept it
    (不予受理) — where the window accepted it, the 受理凭证 was the 受理.  A 补正 once only, before the 受理."""
    state = state_of(path)
    extended = any(step.event is ItemEvent.EXTENDED for step in path)
    return tuple(
        event
        for event in DEPARTMENT_STEPS
        if state in MOVES[event][0]
        and allowed(view, CaseEvent(event.value))
        and not (event is ItemEvent.EXTENDED and extended)
        and not (event in _BEFORE_ACCEPTANCE and not received)
        and not (event is ItemEvent.CORRECTION and corrected(path))
        and WINDOW_DECISION.get(event) not in window
    )


def steps_by_item(
    view: CaseView,
    codes: Sequence[str],
    actor: Actor,
    window: Sequence[CaseEvent] = (),
    received: Collection[str] | None = None,
) -> dict[str, tuple[ItemEvent, ...]]:
    """Each undecided item's steps ``actor`` is offered (none for an actor without the department's permission);
    ``received``: the items the hall only received (None: every item, as far as the page knows)."""
    if not actor.may(Permission.ITEM_STEPS):
        return {}
    paths = item_paths(view.history, office_day)
    decided = view.decisions()
    steps = {
        code: offered_steps(view, paths.get(code, []), window, received is None or code in received)
        for code in codes
        if code not in decided
    }
    return {code: events for code, events in steps.items() if events}
