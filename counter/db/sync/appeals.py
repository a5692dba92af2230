"""Appeals of a township's ratings decided at its hall: read there for the township's update, added here as decided.

A township decides no appeal of its own clerks' ratings: it files them (a line of the rating's rectification, which
goes up with its cases), and the hall's supervisor decides
(:func:`counter.actions.ratings.follow_up.decide_appeal`).  The decision comes back as an
:class:`~counter.sync.appeal_record.AppealRecord`, and the township adds it beside its rating with the hall's time
and ground, and, upheld, the 已撤销 line the hall wrote on the rectification: the same rows on both sides, so that
the township's next package finds them unchanged at the hall and both count the rating alike.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, exists, insert, select
from sqlalchemy.orm import Session

from counter.db.service_standing import standing_of_rating
from counter.db.sync.tables import APPEAL, CASE, RATING, RECT, RECT_LINE, REQUEST, utc
from counter.ratings.rectification import OPEN_STATES, RectEvent, RectState
from counter.sync.appeal_record import AppealRecord

__all__ = ["appeal_records", "take_appeal"]


def appeal_records(session: Session, township: str, above: int) -> list[AppealRecord]:
    """The appeal decisions above the mark ``above`` on ratings of ``township``'s cases, oldest first."""
    stmt = (
        select(CASE.c.uid, CASE.c.case_no, REQUEST.c.round, APPEAL.c.at, APPEAL.c.by, APPEAL.c.ground,
               APPEAL.c.upheld, APPEAL.c.reason)
        .join(RATING, RATING.c.id == APPEAL.c.rating_id)
        .join(REQUEST, REQUEST.c.id == RATING.c.request_id)
        .join(CASE, CASE.c.id == REQUEST.c.case_id)
        .where(APPEAL.c.id > above, CASE.c.site_code == township)
        .order_by(APPEAL.c.id)
    )  # fmt: skip
    return [
        AppealRecord(uid, case_no, round_, utc(at), by, ground, bool(upheld), reason)
        for uid, case_no, round_, at, by, ground, upheld, reason in session.execute(stmt)
    ]


def take_appeal(session: Session, record: AppealRecord) -> bool | None:
    """Add the hall's decision beside the rating it is about; whether anything changed, None when that rating is
    not here (its case unknown, or not rated in that round here)."""
    rating_id = session.scalar(
        select(RATING.c.id)
        .join(REQUEST, REQUEST.c.id == RATING.c.request_id)
        .join(CASE, CASE.c.id == REQUEST.c.case_id)
        .where(CASE.c.uid == record.case_uid, REQUEST.c.round == record.round)
        .order_by(RATING.c.id)
        .limit(1)
    )
    if rating_id is None:
        return None
    at = record.at.astimezone(dt.UTC)
    same = and_(APPEAL.c.rating_id == rating_id, APPEAL.c.at == at, APPEAL.c.ground == record.ground)
    if session.scalar(select(exists().where(same))):
        return False
    session.execute(
        insert(APPEAL).values(
            rating_id=rating_id, at=at, by=record.by, ground=record.ground, upheld=record.upheld, reason=record.reason
        )
    )
    if record.upheld:
        _void_rectification(session, rating_id, at, record)
    standing_of_rating(session, rating_id)
    return True


def _void_rectification(session: Session, rating_id: int, at: dt.datetime, record: AppealRecord) -> None:
    """The rating's rectification ends 已撤销 as the hall ended it, unless it ended already (fed back, or voided)."""
    rect_id = session.scalar(select(RECT.c.id).where(RECT.c.rating_id == rating_id))
    if rect_id is None:
        return
    state = session.scalar(
        select(RECT_LINE.c.state_after)
        .where(RECT_LINE.c.rectification_id == rect_id)
        .order_by(RECT_LINE.c.id.desc())
        .limit(1)
    )
    if state is None or RectState(state) not in OPEN_STATES:
        return
    session.execute(
        insert(RECT_LINE).values(
            rectification_id=rect_id, at=at, by=record.by, event=RectEvent.VOIDED.value,
            state_after=RectState.VOIDED.value, note=record.reason, fix_due=None,
        )
    )  # fmt: skip
