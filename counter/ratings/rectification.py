"""What a bad rating sets going: revisit, verify, rectify or explain, feed back.

"谁办理、谁负责": every real-name 差评 is revisited and answered (domain §6).  The
life of a rectification is data — states and the moves between them — so the
store, the supervisor's page and the tests read one table.  The state is never
written over: each move adds a history line whose ``state_after`` is the new
state, and the current state is the last line's.

Seed 001, 第三十八条(三): the office "应在 7日内完成核实整改" — seven days, counted
like every other period of the app (:meth:`counter.calendar.workdays.WorkCalendar.deadline`:
the day it opens does not count, a last day that falls on a day off moves to the
next working day).  Other leagues use 5 or 15 working days; the period is a
setting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from counter.calendar.workdays import DateResult, WorkCalendar
from counter.catalog.model import TimeLimit, TimeUnit

DEFAULT_PERIOD = TimeLimit(7, TimeUnit.CALENDAR_DAY)
MAX_NOTE_LENGTH = 1000


class RectState(StrEnum):
    AWAITING_REVISIT = "awaiting_revisit"  # 待回访
    VERIFYING = "verifying"  # 核实中
    FIX_AT_ONCE = "fix_at_once"  # 立行立改: clear and reasonable
    FIX_BY_DEADLINE = "fix_by_deadline"  # 限期整改: complex, on the ledger with its own date
    EXPLAINED = "explained"  # 解释说明: no legal basis for the request
    FED_BACK = "fed_back"  # 已反馈: the rater has been told what was done
    VOIDED = "voided"  # the rating was removed on appeal (申诉复核)


OPEN_STATES = frozenset(RectState) - {RectState.FED_BACK, RectState.VOIDED}
HANDLED_STATES = frozenset({RectState.FIX_AT_ONCE, RectState.FIX_BY_DEADLINE, RectState.EXPLAINED})


class RectEvent(StrEnum):
    """One history line each."""

    OPENED = "opened"  # by the bad rating itself
    REVISITED = "revisited"  # the rater was called back; note: what they said
    FIX_AT_ONCE = "fix_at_once"
    FIX_BY_DEADLINE = "fix_by_deadline"  # with the date the fix is due
    EXPLAINED = "explained"
    FED_BACK = "fed_back"  # note: what the rater was told
    NOTE = "note"  # a note without a move
    VOIDED = "voided"  # an upheld appeal


MOVES: dict[RectEvent, tuple[frozenset[RectState], RectState | None]] = {
    # event: (states it may happen in, state after; None = unchanged)
    RectEvent.REVISITED: (frozenset({RectState.AWAITING_REVISIT}), RectState.VERIFYING),
    RectEvent.FIX_AT_ONCE: (frozenset({RectState.VERIFYING}), RectState.FIX_AT_ONCE),
    RectEvent.FIX_BY_DEADLINE: (frozenset({RectState.VERIFYING}), RectState.FIX_BY_DEADLINE),
    RectEvent.EXPLAINED: (frozenset({RectState.VERIFYING}), RectState.EXPLAINED),
    RectEvent.FED_BACK: (HANDLED_STATES, RectState.FED_BACK),
    RectEvent.NOTE: (OPEN_STATES, None),
    RectEvent.VOIDED: (OPEN_STATES, RectState.VOIDED),
}

#: the moves a person chooses on the supervisor's page (OPENED and VOIDED happen to them)
CHOSEN_MOVES = (
    RectEvent.REVISITED,
    RectEvent.FIX_AT_ONCE,
    RectEvent.FIX_BY_DEADLINE,
    RectEvent.EXPLAINED,
    RectEvent.FED_BACK,
    RectEvent.NOTE,
)


def moves_from(state: RectState) -> tuple[RectEvent, ...]:
    """The chosen moves possible in ``state``, in the page's order."""
    return tuple(e for e in CHOSEN_MOVES if state in MOVES[e][0])


class MoveProblem(StrEnum):
    NOT_ALLOWED = "not_allowed"  # not possible in the current state
    NOTE_REQUIRED = "note_required"  # every move says what was found, done or told
    NOTE_TOO_LONG = "note_too_long"
    FIX_DUE_REQUIRED = "fix_due_required"  # 限期整改 names its date
    FIX_DUE_PAST = "fix_due_past"
    WHO_REQUIRED = "who_required"  # the person answering for the move


@dataclass(frozen=True, slots=True)
class Move:
    event: RectEvent
    by: str
    note: str
    fix_due: dt.date | None = None


def move_problems(state: RectState, move: Move, today: dt.date) -> list[MoveProblem]:
    """Every problem of a move at once; empty when it can be recorded."""
    problems: list[MoveProblem] = []
    if state not in MOVES[move.event][0]:
        problems.append(MoveProblem.NOT_ALLOWED)
    if not move.by.strip():
        problems.append(MoveProblem.WHO_REQUIRED)
    if not move.note.strip():
        problems.append(MoveProblem.NOTE_REQUIRED)
    elif len(move.note.strip()) > MAX_NOTE_LENGTH:
        problems.append(MoveProblem.NOTE_TOO_LONG)
    if move.event is RectEvent.FIX_BY_DEADLINE:
        if move.fix_due is None:
            problems.append(MoveProblem.FIX_DUE_REQUIRED)
        elif move.fix_due < today:
            problems.append(MoveProblem.FIX_DUE_PAST)
    return problems


def state_after(state: RectState, event: RectEvent) -> RectState:
    """The state after ``event``; ``ValueError`` when the move is not possible now."""
    allowed, after = MOVES[event]
    if state not in allowed:
        raise ValueError(f"{event.value} not allowed in {state.value}")
    return state if after is None else after


def rectification_due(opened_on: dt.date, period: TimeLimit, calendar: WorkCalendar) -> DateResult:
    return calendar.deadline(opened_on, period)


def effective_due(due_on: dt.date, state: RectState, fix_due: dt.date | None) -> dt.date:
    """The date the supervisor is held to: a 限期整改 answers to its own ledger date."""
    if state is RectState.FIX_BY_DEADLINE and fix_due is not None:
        return fix_due
    return due_on


def is_overdue(due: dt.date, state: RectState, today: dt.date) -> bool:
    return state in OPEN_STATES and today > due


# --- appeals (申诉复核) ---------------------------------------------------------------


class AppealGround(StrEnum):
    MISTAKEN = "mistaken"  # 误评: the rater pressed the wrong level or rated the wrong case
    MALICIOUS = "malicious"  # 恶意评价: unrelated to the service, or to harass the clerk


class AppealProblem(StrEnum):
    REASON_REQUIRED = "reason_required"
    REASON_TOO_SHORT = "reason_too_short"  # a word is not a reason a reviewer can check
    WHO_REQUIRED = "who_required"
    ALREADY_EXCLUDED = "already_excluded"


MIN_APPEAL_REASON = 6


def appeal_problems(by: str, reason: str, already_excluded: bool) -> list[AppealProblem]:
    problems: list[AppealProblem] = []
    if not by.strip():
        problems.append(AppealProblem.WHO_REQUIRED)
    if not reason.strip():
        problems.append(AppealProblem.REASON_REQUIRED)
    elif len(reason.strip()) < MIN_APPEAL_REASON:
        problems.append(AppealProblem.REASON_TOO_SHORT)
    if already_excluded:
        problems.append(AppealProblem.ALREADY_EXCLUDED)
    return problems
