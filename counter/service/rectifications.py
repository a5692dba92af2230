"""好差评's 督办: the rectifications a poor rating opens, as the supervisor's page lists, follows and moves them,
and the appeals against a rating, filed and decided.

Apart from :mod:`counter.service.ratings` (the pad, the office's settings, the figures): these are the supervisor's
operations alone.  Nobody reviews their own rating: the appeal's operations ask it of the account signed in, in the
action (:func:`counter.ratings.rectification.reviewer_problems`), whatever the gate let through.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.ratings.rectification import AppealGround, RectEvent, RectState
from counter.ratings.views import AppealOffer, RectificationAlert, RectificationRow, RectificationView
from counter.service.call import Call, at_desk
from counter.service.operation import Open, read, write

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


_REFUSED = "counter.ratings.refusals:"


@dataclass(frozen=True)
class AlertsAfter:
    last_seen: int  # the newest rectification already alerted


@dataclass(frozen=True)
class RectificationsAsked:
    """The open rectifications, earliest due first: ``limit`` after the row ``after`` (its due date and id)."""

    after: tuple[dt.date, int] | None = None
    limit: int | None = None


@dataclass(frozen=True)
class RectificationAsked:
    rectification_id: int


@dataclass(frozen=True)
class RectificationDetail:
    view: RectificationView | None  # None: no such rectification
    offer: AppealOffer | None  # what the asking desk may do about its rating's appeal


@dataclass(frozen=True)
class MoveRectification:
    """A step of a rectification: 回访核实, a handling (立行立改, 限期整改 by ``fix_due``, 解释说明), 反馈 or a note."""

    rectification_id: int
    event: RectEvent
    note: str
    fix_due: dt.date | None = None


@dataclass(frozen=True)
class FileAppeal:
    rating_id: int
    reason: str


@dataclass(frozen=True)
class DecideAppeal:
    rating_id: int
    ground: AppealGround
    reason: str
    upheld: bool


def new_alerts(work: Session, call: Call, request: AlertsAfter) -> tuple[RectificationAlert, ...]:
    """Rectifications opened at any desk after the last one alerted."""
    from counter.actions.ratings import follow_up

    return tuple(follow_up.new_rectifications(work, request.last_seen))


NEW_ALERTS = read("ratings.new_alerts", Open.ANY_DESK, new_alerts)


def open_rectifications(work: Session, call: Call, request: RectificationsAsked) -> tuple[RectificationRow, ...]:
    """Open rectifications of every desk, earliest due first, a page at a time."""
    from counter.actions.ratings import follow_up

    return tuple(follow_up.open_rectifications(work, after=request.after, limit=request.limit))


OPEN_RECTIFICATIONS = read("ratings.open_rectifications", Open.ANY_DESK, open_rectifications)


def rectification_detail(work: Session, call: Call, request: RectificationAsked) -> RectificationDetail:
    """A rectification, and what the asking desk may do about its rating's appeal, and why not the rest."""
    from counter.actions.ratings import follow_up

    return RectificationDetail(*follow_up.detail_and_offer(work, request.rectification_id, desk=call.desk))


RECTIFICATION_DETAIL = read("ratings.rectification_detail", Open.ANY_DESK, rectification_detail)


def _reviewer(call: Call) -> str:
    """Who a rectification's step or an appeal is recorded as: the account signed in at the desk (at the hall server,
    the session's), never a name the request carries.  A township's desk without accounts files its clerk's appeal
    under the clerk its own settings name; the actions refuse it every other of these steps (a named reviewer's)."""
    at = at_desk(call)
    return at.actor.name if at.actor.signed_in else at.clerk


def move_rectification(work: Session, call: Call, request: MoveRectification) -> RectState:
    """A step of a rectification, by whoever may rectify; the state it leaves."""
    from counter.actions.ratings import follow_up

    r = request
    return follow_up.move_rectification(
        work, r.rectification_id, r.event, _reviewer(call), r.note, call.now, r.fix_due, desk=call.desk
    )


MOVE_RECTIFICATION = write(
    "ratings.move_rectification", Permission.RECTIFY, move_rectification, faults=(_REFUSED + "MoveRefused",)
)


def file_appeal(work: Session, call: Call, request: FileAppeal) -> None:
    """An appeal (申诉) of a 差评, by the clerk rated or a supervisor for her; the rating stays counted."""
    from counter.actions.ratings import follow_up

    follow_up.file_appeal(work, request.rating_id, _reviewer(call), request.reason, call.now, desk=call.desk)


FILE_APPEAL = write("ratings.file_appeal", Open.IN_ACTION, file_appeal, faults=(_REFUSED + "AppealRefused",))


def decide_appeal(work: Session, call: Call, request: DecideAppeal) -> None:
    """An appeal decided (复核) by a supervisor signed in who is not the clerk rated; upheld, it excludes it."""
    from counter.actions.ratings import follow_up

    r = request
    follow_up.decide_appeal(work, r.rating_id, _reviewer(call), r.ground, r.reason, r.upheld, call.now, desk=call.desk)


DECIDE_APPEAL = write("ratings.decide_appeal", Permission.RECTIFY, decide_appeal, faults=(_REFUSED + "AppealRefused",))
