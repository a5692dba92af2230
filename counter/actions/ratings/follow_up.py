"""Following a bad rating up: its rectification's steps (回访, 核实 and the handling chosen, 反馈, notes) and the
appeal (申诉) against it, filed by the rated clerk and decided by another supervisor; the supervisor's lists of them.

They stand apart from :mod:`counter.actions.ratings.record`, which takes a rating in (the pad's, a paper 评价表's):
a rating once kept is never changed, and everything after it happens here, days later and at another desk, under
the 好差评 standing (:attr:`Permission.RECTIFY`) rather than the clerk's.  One function per user action; the caller
owns the session and commits once.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.access.roles import Permission, Role
from counter.actions.admin.acting import this_desk
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.guard import require
from counter.audit.actions import AuditAction
from counter.audit.masking import masked_text
from counter.db.account_store import account_row
from counter.db.rating_store import (
    AppealFacts,
    add_appeal,
    add_rectification_line,
    appeal_facts,
    last_rectification_id,
    rectification_of_rating,
    rectification_rows,
    rectification_state,
    rectification_view,
    rectifications_after,
)
from counter.ratings.rectification import (
    AppealGround,
    AppealProblem,
    AppealStatus,
    Move,
    MoveProblem,
    RectEvent,
    RectState,
    Reviewer,
    appeal_problems,
    filing_blocked,
    filing_problems,
    move_problems,
    reviewer_problems,
    state_after,
)
from counter.ratings.refusals import AppealRefused, MoveRefused
from counter.ratings.views import AppealOffer, RectificationAlert, RectificationRow, RectificationView

#: the steps a supervisor takes on a rectification; the rest (opened, voided, appealed) come of a rating or an appeal
_STEPS = frozenset({RectEvent.REVISITED, RectEvent.FED_BACK, RectEvent.NOTE})
#: the handling chosen after verifying, the only steps that carry the date a fix is due
_HANDLING = frozenset({RectEvent.FIX_AT_ONCE, RectEvent.FIX_BY_DEADLINE, RectEvent.EXPLAINED})


def move_rectification(
    session: Session,
    rectification_id: int,
    event: RectEvent,
    by: str,
    note: str,
    now: dt.datetime,
    fix_due: dt.date | None = None,
    *,
    desk: Desk | None = None,
) -> RectState:
    """The supervisor's step ``event`` on a rectification, decided at ``desk`` (this machine's, nobody signed in,
    when not given): the rater called back (回访, 待回访 → 核实中), after verifying the handling chosen (立行立改,
    限期整改 with its ledger date, 解释说明), the rater told what was done or why (反馈, 已反馈), or a note without a
    move (a call that reached no one, a step taken).  Any other event is refused."""
    at = this_desk(desk)
    require(session, at.actor, Permission.RECTIFY)
    if event not in _STEPS | _HANDLING:
        raise MoveRefused([MoveProblem.NOT_ALLOWED])
    move = Move(event, by, note, fix_due if event in _HANDLING else None)
    state = rectification_state(session, rectification_id)
    if state is None:
        raise MoveRefused([MoveProblem.NOT_ALLOWED])
    problems = move_problems(state, move, now.date())
    if problems:
        raise MoveRefused(problems)
    after = state_after(state, move.event)
    add_rectification_line(
        session, rectification_id, now, move.by.strip(), move.event, after, move.note.strip(), move.fix_due
    )
    detail: dict[str, object] = {
        "rectification_id": rectification_id,
        "event": move.event.value,
        "state": after.value,
        "by": move.by.strip(),
        "note": masked_text(move.note.strip()),
        "fix_due": move.fix_due.isoformat() if move.fix_due else None,
    }
    record_at_desk(session, at, AuditAction.RATING_DECIDED, f"rectification:{rectification_id}", detail)
    return after


def acting_reviewer(session: Session, desk: Desk) -> Reviewer:
    """Who acts at ``desk``, as an appeal's reviewer: the account signed in as it is now, or nobody."""
    actor = desk.actor
    if not actor.signed_in:
        return Reviewer("", desk.clerk, desk.staff_no, supervisor=False)
    account = account_row(session, actor.login)
    if account is None or account.disabled:
        return Reviewer(actor.login, actor.name, desk.staff_no, supervisor=False)
    return Reviewer(account.login, account.name, account.staff_no, Role.SUPERVISOR in account.roles)


def _deciding_problems(session: Session, facts: AppealFacts, desk: Desk) -> list[AppealProblem]:
    problems = reviewer_problems(facts.rated, acting_reviewer(session, desk), facts.filed_by)
    if facts.status is AppealStatus.UPHELD:
        problems.append(AppealProblem.ALREADY_EXCLUDED)
    return problems


def appeal_offer(session: Session, rating_id: int, *, desk: Desk | None = None) -> AppealOffer | None:
    """What may be done at ``desk`` about the appeal of ``rating_id``, and why not the rest; None: no such rating."""
    by = this_desk(desk)
    facts = appeal_facts(session, rating_id)
    if facts is None:
        return None
    filing = filing_blocked(facts.state, facts.status)
    return AppealOffer(facts.status, tuple(filing), tuple(_deciding_problems(session, facts, by)))


def file_appeal(
    session: Session,
    rating_id: int,
    by: str,
    reason: str,
    now: dt.datetime,
    *,
    desk: Desk | None = None,
) -> None:
    """File an appeal (申诉) against a 差评: the rated clerk, or a supervisor for her, says why it is mistaken.

    The rating stays a 差评 in every figure, marked 申诉中, until a supervisor other than the clerk decides
    (:func:`decide_appeal`).  The filing is a line of the rating's rectification, so it goes to the hall with the
    township's next package and is decided there.  One appeal per rating; refused once the rater has been answered.
    """
    filed = this_desk(desk)
    may_rectify = filed.actor.may(Permission.RECTIFY)
    require(session, filed.actor, Permission.RECTIFY if may_rectify else Permission.SEND_TO_PAD)
    facts = appeal_facts(session, rating_id)
    if facts is None or facts.rectification_id is None:
        raise AppealRefused([AppealProblem.NOT_OPEN])
    problems = filing_problems(reason, facts.state, facts.status)
    if not by.strip():
        problems.insert(0, AppealProblem.WHO_REQUIRED)
    if problems:
        raise AppealRefused(problems)
    assert facts.state is not None  # an open one: filing_problems said so
    add_rectification_line(
        session, facts.rectification_id, now, by.strip(), RectEvent.APPEALED, facts.state, reason.strip()
    )
    detail: dict[str, object] = {
        "rating_id": rating_id,
        "event": "appeal_filed",
        "by": by.strip(),
        "reason": masked_text(reason.strip()),
    }
    record_at_desk(session, filed, AuditAction.RATING_DECIDED, f"rating:{rating_id}", detail)


def decide_appeal(
    session: Session,
    rating_id: int,
    by: str,
    ground: AppealGround,
    reason: str,
    upheld: bool,
    now: dt.datetime,
    *,
    desk: Desk | None = None,
) -> None:
    """Record an appeal decision (申诉复核).  Upheld, it excludes the rating from every figure.

    The rating row stays as given; the decision is a row of its own with who and
    why.  An open rectification of the rating ends as 已撤销 with the same reason.
    ``desk`` decides (this machine's, nobody signed in, when not given): a supervisor signed in under her own
    account, never the clerk rated (:func:`counter.ratings.rectification.reviewer_problems`), whatever the roles
    table grants.  A desk without accounts decides none: its appeals are decided at the hall.
    """
    decided = this_desk(desk)
    require(session, decided.actor, Permission.RECTIFY)
    facts = appeal_facts(session, rating_id)
    if facts is None:
        raise AppealRefused([AppealProblem.NOT_OPEN])
    reviewing = reviewer_problems(facts.rated, acting_reviewer(session, decided), facts.filed_by)
    problems = reviewing + appeal_problems(by, reason, facts.status is AppealStatus.UPHELD)
    if problems:
        raise AppealRefused(problems)
    add_appeal(session, rating_id, now, by.strip(), ground, upheld, reason.strip())
    detail: dict[str, object] = {
        "rating_id": rating_id,
        "event": "appeal",
        "ground": ground.value,
        "upheld": upheld,
        "by": by.strip(),
        "reason": masked_text(reason.strip()),
    }
    record_at_desk(session, decided, AuditAction.RATING_DECIDED, f"rating:{rating_id}", detail)
    if not upheld:
        return
    rectification = rectification_of_rating(session, rating_id)
    if rectification is not None:
        state = rectification_state(session, rectification)
        if state is not None and state not in (RectState.FED_BACK, RectState.VOIDED):
            add_rectification_line(
                session, rectification, now, by.strip(), RectEvent.VOIDED, RectState.VOIDED, reason.strip()
            )


def open_rectifications(
    session: Session, *, after: tuple[dt.date, int] | None = None, limit: int | None = None
) -> list[RectificationRow]:
    """Open rectifications of every desk, earliest due first: all of them, or ``limit`` after the row ``after``.

    ``after`` is the due date and id of the last row already shown (:meth:`RectificationRow.page_key`).
    """
    return rectification_rows(session, after=after, limit=limit)


def rectification_detail(session: Session, rectification_id: int) -> RectificationView | None:
    return rectification_view(session, rectification_id)


def new_rectifications(session: Session, last_seen_id: int) -> list[RectificationAlert]:
    """Rectifications opened (at any desk) after ``last_seen_id``."""
    return rectifications_after(session, last_seen_id)


def detail_and_offer(
    session: Session, rectification_id: int, *, desk: Desk | None = None
) -> tuple[RectificationView | None, AppealOffer | None]:
    """A rectification as the 督办 page opens it (:func:`rectification_detail`), and what may be done at ``desk``
    about an appeal of its rating (:func:`appeal_offer`); (None, None) for no such rectification."""
    view = rectification_detail(session, rectification_id)
    return view, None if view is None else appeal_offer(session, view.rating_id, desk=desk)


def newest_rectification(session: Session) -> int:
    """The number of the newest rectification; 0 when there is none."""
    return last_rectification_id(session)
