"""The acts that decide an item or close a case, besides an item's own decision: each asks the one rule of standing.

An item is decided by its 实施主体, in its own name (seed 001 第十七条(二); :mod:`counter.access.authority`).  So is
every act that takes an item's decision away from it or ends it, whichever door it came through:

* **the 容缺 lapse** denies the items the lapsed materials serve: the window records the fact (容缺材料逾期未补齐, the
  materials and the day); the 不予批准 of each item is its deciding body's, recorded at the window only where the
  site holds the item or the department entrusted the window in writing.  Every other item stays with its deciding
  body, which denies it through its own decision (签收, 不予批准), in its own name;
* **the 补正 lapse** ends the whole application (视为放弃申请, the notice's own sentence): every item of it;
* **voiding** ends every item a deciding body has taken up (signed for, reviewed, paused, extended or decided): what
  only the window has touched (received, routed) is still the window's to void;
* **the same-day step** grants every item at the window;
* **an extension of a 容缺 deadline** keeps the items the awaited materials serve waiting longer.

Each act needs, at the window, its permission (a supervisor's, but the same-day step a clerk's) and the window's
standing on every item it touches; a department's account ends an application whose 补正 lapsed when every item is
its own, never another's, and never voids a case, extends a 容缺 deadline or hands a result over at the window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from enum import StrEnum

from counter.access.authority import AuthorityRefusal, ItemAuthority, Ruling, item_ruling
from counter.access.roles import Permission, Role, permissions_of
from counter.case.decisions import items_served, waiting_items
from counter.case.item_lines import StepLine, item_paths
from counter.case.item_path import ItemEvent
from counter.case.view import CaseView
from counter.catalog.model import Bundle


class CaseAct(StrEnum):
    """An act that decides an item or closes a case; its standing is asked for every item it touches."""

    DECISION = "decision"  # 不予批准 of one item at the window (准予 needs the same standing, a clerk's permission)
    DEFERRAL_LAPSE = "deferral_lapse"  # 容缺材料逾期未补齐: the items they serve denied
    CORRECTION_LAPSE = "correction_lapse"  # 逾期未补正，视为放弃申请
    VOID = "void"  # 作废
    SAME_DAY = "same_day"  # 当场办结
    DEFERRAL_EXTENSION = "deferral_extension"  # 延长容缺期限


#: The permission a window's account needs for each act, beside its standing on the items.
WINDOW_PERMISSION: dict[CaseAct, Permission] = {
    CaseAct.DECISION: Permission.DECIDE_DEFERRAL,
    CaseAct.DEFERRAL_LAPSE: Permission.DECIDE_DEFERRAL,  # its denials; the fact itself is a clerk's to record
    CaseAct.CORRECTION_LAPSE: Permission.DECIDE_DEFERRAL,
    CaseAct.VOID: Permission.VOID_CASE,
    CaseAct.SAME_DAY: Permission.TAKE_INTAKE,
    CaseAct.DEFERRAL_EXTENSION: Permission.DECIDE_DEFERRAL,
}

#: The acts a deciding department's account takes for its own items: its decision, and the end of an application its
#: 补正 went unanswered (视为放弃申请).  The 容缺 lapse is recorded by the window (the fact) and each item denied by its
#: body's decision; a department that would give the applicant more time simply does not deny before the material
#: comes (its own 延期 of the item is 第四十二条's, an item step); voiding a record the window made, and handing a
#: result over at the window, stay the window's.
DEPARTMENT_ACTS = frozenset({CaseAct.DECISION, CaseAct.CORRECTION_LAPSE})

#: How the office day of a history line's moment is read (:func:`counter.case.item_lines.office_day`).
_DayOf = Callable[[dt.datetime], dt.date]

#: The steps of an item's path that are its deciding body's: once one is taken, the item is that body's to end.
_TAKEN_UP = frozenset(ItemEvent) - {ItemEvent.ROUTED}


def act_ruling(act: CaseAct, roles: frozenset[Role], department: str, item: ItemAuthority) -> Ruling:
    """May an account of ``roles`` (in ``department``, "" for none) take ``act`` on ``item``, and in which standing.

    The item's rule (:func:`counter.access.authority.item_ruling`) decides the standing; a window's account needs the
    act's permission besides, and a department's account takes only :data:`DEPARTMENT_ACTS`.
    """
    if department and act not in DEPARTMENT_ACTS:
        return Ruling(None, AuthorityRefusal.NO_ROLE)
    if not department and WINDOW_PERMISSION[act] not in permissions_of(roles):
        return Ruling(None, AuthorityRefusal.NO_ROLE)
    return item_ruling(roles, department, item)


def taken_up(history: Iterable[StepLine], decided: Iterable[str], day_of: _DayOf) -> tuple[str, ...]:
    """The codes of the items a deciding body has taken up: decided, or stepped past their routing."""
    paths = item_paths(history, day_of)
    codes = {code for code, path in paths.items() if any(step.event in _TAKEN_UP for step in path)}
    return tuple(sorted(codes | set(decided)))


def touched_items(act: CaseAct, bundle: Bundle, view: CaseView, day_of: _DayOf) -> tuple[str, ...]:
    """The items of the case's ``bundle`` that ``act`` decides or ends, in the bundle's order.

    The lapse's are those its lapsed materials serve (asked by the lapse itself, which knows which lapsed); an
    extension's, those the awaited materials serve; voiding's, those a deciding body took up; the others', all.
    """
    decided = view.decisions()
    if act is CaseAct.DEFERRAL_EXTENSION:
        codes: Iterable[str] = waiting_items(bundle, view.materials, view.history)
    elif act is CaseAct.DEFERRAL_LAPSE:
        codes = items_served(bundle, (m.code for m in view.deferred_open()))
    elif act is CaseAct.VOID:
        codes = taken_up(view.history, decided, day_of)
    else:
        codes = [i.code for i in bundle.items]
    wanted = set(codes)
    return tuple(i.code for i in bundle.items if i.code in wanted and (act is CaseAct.VOID or i.code not in decided))
