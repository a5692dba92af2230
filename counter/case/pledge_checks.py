"""告知承诺 in a case's history: the revocations of items granted on a promise found false, and why a grant, its 核查
or its paper is refused (:mod:`counter.actions.intake.notice_pledges`), as codes.

A revocation is a history line (:data:`~counter.case.status.CaseEvent.ITEM_REVOKED`) whose note is the item's code,
then :data:`~counter.case.status.NOTE_DUE_REASON`, then what the check found, as a decision's is
(:func:`counter.case.decisions.item_note`): the history is what the case page and ``case show`` read and what sync
carries, so the item reads 已撤销 wherever the case is read, not 准予 (行政许可法 第六十九条第二款).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from counter.case.decisions import item_decisions, read_item_note
from counter.case.item_path import MOVES, ItemEvent, ItemState
from counter.case.status import CaseEvent


class PledgeProblem(StrEnum):
    NOT_PLEDGE_ITEM = "not_pledge_item"  # the case's guide marks no 告知承诺 for the item
    NOT_CHOSEN = "not_chosen"  # the applicant chose the ordinary procedure for it
    NOT_GRANTED = "not_granted"  # no grant on a promise is recorded for the item
    ALREADY_CHECKED = "already_checked"  # its 核查 is recorded: a check is made once
    NO_FINDING = "no_finding"  # a promise found false without what was found
    NOT_REVOKED = "not_revoked"  # a 撤销决定书 asked of a grant its check did not revoke
    NO_PERIOD = "no_period"  # a correction ordered, or a hearing given, without a last day after today
    CORRECTION_OPEN = "correction_open"  # the applicant heard while the correction ordered may still be made
    NOT_FOUND_FALSE = "not_found_false"  # a hearing or revocation of a promise not found false
    NOT_HEARD = "not_heard"  # a revocation before the applicant was told and the period to be heard ran out
    ALREADY_DONE = "already_done"  # the hearing or the revocation is recorded already
    NO_CORRECTION = "no_correction"  # a 责令限期改正 paper asked where none was ordered
    CANNOT_CHECK = "cannot_check"  # a database without accounts: nobody there may take a false promise to its end
    NOT_SIGNED = "not_signed"  # a grant before the item's department signed for it (grant_open)
    # the steps after a promise found false (counter.case.pledge_steps)
    PERIOD_TOO_SHORT = "period_too_short"  # a period below the item's floor (the refusal's ``floor``)
    NOT_SERVED = "not_served"  # a step waiting on a period whose paper's service is not recorded
    NOT_RECHECKED = "not_rechecked"  # heard or revoked before the 复查 of the correction ordered
    CORRECTED = "corrected"  # the 复查 found the place corrected: the licence stands
    NO_HEARING_RECORD = "no_hearing_record"  # a revocation without what the hearing gave (none, or said and answered)
    FOUND_FALSE = "found_false"  # a check found kept after it was found false: the 复查 records what followed
    TEXT_SHAPE = "text_shape"  # a finding, a statement or an answer a paper could not print as typed (too long, a
    # character no paper holds): the server holds what reaches a paper to its shape, whichever face sent it


def grant_open(state: ItemState | None, received: bool) -> bool:
    """Whether an item may be granted on a promise where its path stands (``state``: None, not routed yet).

    A grant on a promise is a 准予, and a 准予 follows the 受理: the deciding body accepts, or refuses to, and only
    then decides (行政许可法 第三十二条; 国办发〔2020〕42号: the body grants on the promise it accepted).  Where the
    hall only received the item (``received``) that 受理 is its department's 签收, so nothing is granted before it:
    before it signs, a department may sign for the item or refuse to accept it (不予受理), as its path says.  Once
    routed, any item is decided after its department signed for it, as every 准予 is
    (:data:`counter.case.item_path.MOVES`); an item not routed yet is granted on the spot by the window that
    accepted it (its own, or under a 授权)."""
    if state is None:
        return not received
    return state in MOVES[ItemEvent.APPROVED][0]


class PledgeRefused(Exception):
    """A step of 告知承诺 not taken; ``floor``: for ``PERIOD_TOO_SHORT``, the fewest working days the item allows."""

    def __init__(self, problem: PledgeProblem, case_no: str, item_code: str, floor: int = 0) -> None:
        super().__init__(f"{problem.value}: {case_no} {item_code}")
        self.problem = problem
        self.case_no = case_no
        self.item_code = item_code
        self.floor = floor


class DatedLine(Protocol):
    """A history line as far as a revocation is read from it."""

    @property
    def at(self) -> dt.datetime: ...
    @property
    def event(self) -> str: ...
    @property
    def note(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Revocation:
    """An item's licence revoked: on which day, and what the check found (the 撤销决定书's reason)."""

    item_code: str
    day: dt.date
    reason: str


def item_revocations(history: Iterable[DatedLine], day_of: Callable[[dt.datetime], dt.date]) -> dict[str, Revocation]:
    """Each revoked item's revocation, by item code; ``day_of`` names a line's day on the office's clock.

    The rule :func:`counter.case.decisions.item_decisions` reads the item's state by, so that the case page, ``case
    show`` and the hand-over agree: only a grant is revoked, after it (a line of an item never granted revokes
    nothing)."""
    found: dict[str, Revocation] = {}
    seen: list[DatedLine] = []
    for line in history:
        if line.event == CaseEvent.ITEM_REVOKED.value:
            code, reason = read_item_note(line.note)
            decision = item_decisions(seen).get(code)
            if decision is not None and decision.in_force:
                found.setdefault(code, Revocation(code, day_of(line.at), reason))
        seen.append(line)
    return found


class PledgeNotice(StrEnum):
    """The papers of a promise found false, each its step's (the 告知承诺书 aside): a request names one of these or
    none (the wire refuses any other word, rather than the action failing on it)."""

    CORRECTION = "correction"  # 责令限期改正通知书, made by the check that found the promise false
    HEARING = "hearing"  # 撤销行政许可陈述申辩告知书, made by the hearing's step
    REVOCATION = "revocation"  # 撤销行政许可决定书, made by the revocation
