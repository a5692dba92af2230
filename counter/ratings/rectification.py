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
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from counter.calendar.workdays import DateResult, WorkCalendar
from counter.catalog.model import TimeLimit, TimeUnit
from counter.parties.text import TextField, TextProblem, check_text

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
    APPEALED = "appealed"  # 申诉: the rated clerk contests the rating; it stays a 差评, 申诉中, until reviewed


MOVES: dict[RectEvent, tuple[frozenset[RectState], RectState | None]] = {
    # event: (states it may happen in, state after; None = unchanged)
    RectEvent.REVISITED: (frozenset({RectState.AWAITING_REVISIT}), RectState.VERIFYING),
    RectEvent.FIX_AT_ONCE: (frozenset({RectState.VERIFYING}), RectState.FIX_AT_ONCE),
    RectEvent.FIX_BY_DEADLINE: (frozenset({RectState.VERIFYING}), RectState.FIX_BY_DEADLINE),
    RectEvent.EXPLAINED: (frozenset({RectState.VERIFYING}), RectState.EXPLAINED),
    RectEvent.FED_BACK: (HANDLED_STATES, RectState.FED_BACK),
    RectEvent.NOTE: (OPEN_STATES, None),
    RectEvent.VOIDED: (OPEN_STATES, RectState.VOIDED),
    RectEvent.APPEALED: (OPEN_STATES, None),
}

#: the moves a person chooses on the supervisor's page (OPENED and VOIDED happen to them; APPEALED is an appeal's)
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
    NOTE_NOT_TAKEN = "note_not_taken"  # a control, invisible or reordering character: the platform gets the note
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
    elif _hidden_character(move.note):
        problems.append(MoveProblem.NOTE_NOT_TAKEN)
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
#
# An appeal contests a 差评 as mistaken (误评) or malicious (恶意评价).  It is filed (申诉) by the rated clerk or for
# her, and decided (复核) by someone else: 谁办理、谁负责 makes the clerk answer for her service, so she cannot be
# the one who strikes its rating out (国办发〔2019〕51号 三(九): 差评 are verified by the body's supervisors, not by
# whoever was rated).  The decision is a supervisor's, signed in under an account of her own: a desk without accounts
# (a township's) cannot show who sits at it, so it files and the hall decides (the appeal goes up with the sync).
# Until decided the rating stays a 差评, counted and marked 申诉中; upheld, it leaves every rate and is counted apart.


class AppealGround(StrEnum):
    MISTAKEN = "mistaken"  # 误评: the rater pressed the wrong level or rated the wrong case
    MALICIOUS = "malicious"  # 恶意评价: unrelated to the service, or to harass the clerk


class AppealProblem(StrEnum):
    REASON_REQUIRED = "reason_required"
    REASON_TOO_SHORT = "reason_too_short"  # a word is not a reason a reviewer can check
    REASON_NOT_TAKEN = "reason_not_taken"  # a control, invisible or reordering character in it
    WHO_REQUIRED = "who_required"
    ALREADY_EXCLUDED = "already_excluded"
    NO_ACCOUNT = "no_account"  # nobody signed in: a desk without accounts files, the hall decides
    NOT_SUPERVISOR = "not_supervisor"  # the account signed in does not hold the supervisor's role
    OWN_RATING = "own_rating"  # the account signed in is the clerk rated
    OWN_APPEAL = "own_appeal"  # the account signed in filed the appeal: who argues it does not judge it
    ALREADY_APPEALED = "already_appealed"  # one appeal per rating: filed already, or decided
    NOT_OPEN = "not_open"  # no open rectification: not a 差评, or its rater has been answered already


class AppealStatus(StrEnum):
    """Where a rating stands on appeal."""

    NONE = "none"
    PENDING = "pending"  # 申诉中: filed, not decided; the 差评 stays in the figures
    REJECTED = "rejected"  # 申诉不成立: the 差评 stays
    UPHELD = "upheld"  # 申诉成立: the rating is counted apart (撤销)


MIN_APPEAL_REASON = 6


def appeal_problems(by: str, reason: str, already_excluded: bool) -> list[AppealProblem]:
    problems: list[AppealProblem] = []
    if not by.strip():
        problems.append(AppealProblem.WHO_REQUIRED)
    problems += _reason_problems(reason)
    if already_excluded:
        problems.append(AppealProblem.ALREADY_EXCLUDED)
    return problems


def _reason_problems(reason: str) -> list[AppealProblem]:
    if not reason.strip():
        return [AppealProblem.REASON_REQUIRED]
    if len(reason.strip()) < MIN_APPEAL_REASON:
        return [AppealProblem.REASON_TOO_SHORT]
    if _hidden_character(reason):
        return [AppealProblem.REASON_NOT_TAKEN]
    return []


def _hidden_character(text: str) -> bool:
    """Whether ``text`` holds what the desk's rules for a note refuse (:mod:`counter.parties.text`): a control,
    invisible or reordering character; its length is this module's own rule."""
    return check_text(text, TextField.NOTE).problem not in (None, TextProblem.TOO_LONG)


def appeal_status(filed: bool, decisions: Iterable[bool]) -> AppealStatus:
    """From whether an appeal was filed and the decisions (upheld or not) in their order."""
    upheld = list(decisions)
    if any(upheld):
        return AppealStatus.UPHELD
    if upheld:
        return AppealStatus.REJECTED
    return AppealStatus.PENDING if filed else AppealStatus.NONE


def filing_blocked(state: RectState | None, status: AppealStatus) -> list[AppealProblem]:
    """Why no appeal can be filed against a rating whose rectification is in ``state`` (None: it has none)."""
    if status is AppealStatus.UPHELD:
        return [AppealProblem.ALREADY_EXCLUDED]
    if status is not AppealStatus.NONE:
        return [AppealProblem.ALREADY_APPEALED]
    if state not in OPEN_STATES:
        return [AppealProblem.NOT_OPEN]
    return []


def filing_problems(reason: str, state: RectState | None, status: AppealStatus) -> list[AppealProblem]:
    """Every problem of filing an appeal with ``reason``: the reason's, then the rating's."""
    return _reason_problems(reason) + filing_blocked(state, status)


@dataclass(frozen=True, slots=True)
class Reviewer:
    """Who would decide an appeal: the account signed in (``login`` empty: nobody, on a desk without accounts)."""

    login: str
    name: str
    staff_no: str
    supervisor: bool  # holds the supervisor's role now


@dataclass(frozen=True, slots=True)
class RatedClerk:
    """The clerk a rating was given to, as the rating keeps her."""

    clerk: str
    staff_no: str


def is_own_rating(rated: RatedClerk, reviewer: Reviewer) -> bool:
    """Whether ``reviewer`` is the clerk rated: her name or login is the rating's clerk, or the staff numbers agree."""
    clerk = rated.clerk.strip()
    if clerk and clerk in {reviewer.name.strip(), reviewer.login.strip()}:
        return True
    staff_no = rated.staff_no.strip()
    return bool(staff_no) and staff_no == reviewer.staff_no.strip()


def reviewer_problems(rated: RatedClerk, reviewer: Reviewer, filed_by: str = "") -> list[AppealProblem]:
    """Why ``reviewer`` may not decide an appeal of a rating given to ``rated``, filed by ``filed_by`` (the name its
    line keeps; empty: none filed yet); empty when she may.

    Held whatever the roles table grants: a permission says what a role may do, this says who may judge whom.  A
    supervisor may file for the clerk, but then she has argued the appeal: its 复核 is another's, as the clerk's
    own rating is (the same 谁办理、谁负责 that keeps the clerk out), else one person both claims and grants it.
    """
    if not reviewer.login:
        return [AppealProblem.NO_ACCOUNT]
    problems: list[AppealProblem] = []
    if not reviewer.supervisor:
        problems.append(AppealProblem.NOT_SUPERVISOR)
    if is_own_rating(rated, reviewer):
        problems.append(AppealProblem.OWN_RATING)
    elif filed_by.strip() and filed_by.strip() in {reviewer.name.strip(), reviewer.login.strip()}:
        problems.append(AppealProblem.OWN_APPEAL)
    return problems
