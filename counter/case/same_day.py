"""即办件: when a case may be decided and handed over at the window the day it is accepted.

The league's 24-point table (兴署办发〔2021〕8 号, 附件《政务服务事项标准化建设重点工作任务清单》, 第 2 项 即办程度)
asks that "盟级以下各部门政务服务事项即办件的数量占比达到 20%": an item that is 即办 is done while the applicant
waits.  A bundle can be done so only when every one of its items is: one 承诺件 among them means a department still
has days to decide, and the bundle is handed over when the last item is done.  So the same-day path is open only for
a bundle whose every item is marked 即办件 (办件类型 1) and promises 0 days, with no promise of days for the bundle
either — a 即办件 that promises days is a contradiction the catalog should not hold, and the window must not paper
over it by handing the result over today.

The step grants each item at the window — only where the window decides it (the site holds the power, or the
department entrusted the window in writing: :mod:`counter.access.authority`) — and the last grant closes the case as
every decision does (办结, COMPLETED, written with :data:`NOTE_SAME_DAY`); 送达 (DELIVERED) follows, a hand-over
at the window like any other (:mod:`counter.case.hand_over`, marked ``same_day``): to whoever stands there for the
applicant (:func:`at_the_window`), every item, so that the 送达 is on record and its 送达回证 can be signed.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from counter.case.status import CaseStatus
from counter.case.view import CaseView
from counter.catalog.model import Bundle, CaseKind, Item, TimeLimit
from counter.intake.parties import ApplicantKind, Delivery

# The note of both history lines of the same-day step: a stored code (the database, the sync packages), read back
# by the faces into words, never translated itself.
NOTE_SAME_DAY = "same_day"


class SameDayProblem(StrEnum):
    """Why a case cannot be decided and handed over at the window now; every one that holds is given."""

    NOT_IMMEDIATE = "not_immediate"  # some item is a 承诺件, or promises days
    NOT_ACCEPTED = "not_accepted"  # not (or no longer) simply accepted: a deferral, a notice, done already
    NOT_TODAY = "not_today"  # accepted on an earlier day: it has left the window
    NOT_AT_WINDOW = "not_at_window"  # the applicant chose to receive the result by post or electronically
    NOT_WINDOW_DECIDED = "not_window_decided"  # an item is a department's: the window decides none of it


def _no_days(limit: TimeLimit | None) -> bool:
    return limit is not None and limit.value == 0


def immediate_item(item: Item) -> bool:
    """An item done at once: marked 即办件 and promising 0 days (its statutory limit where it promises none)."""
    return item.case_kind is CaseKind.IMMEDIATE and _no_days(item.promised_limit or item.legal_limit)


def same_day_bundle(bundle: Bundle) -> bool:
    """Whether the whole bundle is 即办: it has items, every one immediate, and the bundle promises no days."""
    bundle_promise = bundle.promised_limit is None or _no_days(bundle.promised_limit)
    return bool(bundle.items) and bundle_promise and all(immediate_item(item) for item in bundle.items)


def same_day_problems(
    bundle: Bundle,
    status: CaseStatus,
    accepted_on: dt.date | None,
    delivery: str,
    today: dt.date,
    window_items: frozenset[str] = frozenset(),
) -> tuple[SameDayProblem, ...]:
    """Every reason the case of ``bundle`` cannot take the same-day step ``today`` (empty: it can).

    Only a case accepted outright today and still 已受理 qualifies: a 容缺受理 waits for materials, a case sent
    to approval is in a department's hands, and one accepted on an earlier day has left the window.  The step
    grants every item at the window, so each must be one the window decides (``window_items``: the site holds it
    or was entrusted with it, :func:`counter.access.authority.window_decides`): a department's item, 即办 or not,
    is the department's to grant.
    """
    problems: list[SameDayProblem] = []
    if not same_day_bundle(bundle):
        problems.append(SameDayProblem.NOT_IMMEDIATE)
    if any(item.code not in window_items for item in bundle.items):
        problems.append(SameDayProblem.NOT_WINDOW_DECIDED)
    if status is not CaseStatus.ACCEPTED:
        problems.append(SameDayProblem.NOT_ACCEPTED)
    elif accepted_on != today:
        problems.append(SameDayProblem.NOT_TODAY)
    if delivery != Delivery.PICKUP.value:
        problems.append(SameDayProblem.NOT_AT_WINDOW)
    return tuple(problems)


def at_the_window(view: CaseView) -> tuple[str, str]:
    """Who receives a same-day result at the window, and their ID number as the case keeps it: the agent who came
    for the applicant, else the applicant in person, else (a company) its legal representative, whose number the
    case does not hold ("": the 送达回证 leaves it to be written in)."""
    if view.agent_name:
        return view.agent_name, view.agent_id_no
    if view.applicant_kind == ApplicantKind.PERSON.value:
        return view.applicant_name, view.applicant_id_no
    return view.legal_rep or view.applicant_name, ""
