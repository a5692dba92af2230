"""The period's first ratings counted by channel (:mod:`counter.ratings.channel_figures`).

Counted from the ratings themselves, by the day each was given (as the ratings' export is), through the ratings'
own day index: the month's figures count the services from the standing each case keeps and never join the ratings
(:mod:`counter.db.service_standing`, a league's month of 200,000 cases within its second), and this adds one
indexed read of the month's ratings beside them, not a join per case.  First ratings only (评价次数 1); a rating
removed on an upheld appeal (申诉复核) counts in no channel, as it counts in no rate.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import case, exists, func, select
from sqlalchemy.orm import Session

from counter.db import models
from counter.db.figure_store import office_day_of
from counter.ratings.channel_figures import READING_TIME, ChannelCount, RequestShare, channel_counts_of
from counter.ratings.levels import PAD_CHANNELS


def channel_counts(session: Session, first: dt.date, last: dt.date) -> tuple[ChannelCount, ...]:
    r, appeal = models.Rating, models.RatingAppeal
    upheld = exists().where(appeal.rating_id == r.id, appeal.upheld.is_(True))
    stmt = (
        select(r.channel, func.count())
        .where(r.rated_on.between(first, last), r.round == 1, ~upheld)
        .group_by(r.channel)
    )
    return channel_counts_of({str(channel): int(n) for channel, n in session.execute(stmt)})


def quick_answers(session: Session, first: dt.date, last: dt.date) -> int:
    """The period's first ratings given on a pad sooner after their request than a person reads the question
    (:data:`READING_TIME`), counted as the channels are; both moments are stored alike, so they are compared as
    read."""
    r, q, appeal = models.Rating, models.RatingRequest, models.RatingAppeal
    upheld = exists().where(appeal.rating_id == r.id, appeal.upheld.is_(True))
    stmt = (
        select(r.rated_at, q.sent_at)
        .join(q, q.id == r.request_id)
        .where(r.rated_on.between(first, last), r.round == 1, ~upheld, r.channel.in_([c.value for c in PAD_CHANNELS]))
    )
    return sum(1 for rated_at, sent_at in session.execute(stmt) if rated_at - sent_at < READING_TIME)


def request_shares(session: Session, first: dt.date, last: dt.date) -> tuple[RequestShare, ...]:
    """Per clerk, the first-round requests sent from ``first`` to ``last`` (the office's days) and how many were
    answered on a pad (and of them how many too soon to have read the question) or lapsed there, in the clerks'
    order.  A request a paper 评价表, a QR rating pulled from the
    region or a default rating answered was never the pad's to answer, and is left out; a rating later removed on
    appeal was still an answer on the pad."""
    q, r, lapse = models.RatingRequest, models.Rating, models.RatingLapse
    pads = [c.value for c in PAD_CHANNELS]
    elsewhere = exists().where(r.request_id == q.id, r.channel.not_in(pads))
    on_pad = exists().where(r.request_id == q.id, r.channel.in_(pads))
    lapsed = exists().where(lapse.request_id == q.id)
    day = office_day_of(session, q.sent_at, last)
    stmt = (
        select(q.clerk, func.count(), func.sum(case((on_pad, 1), else_=0)), func.sum(case((lapsed, 1), else_=0)))
        .where(q.round == 1, day.between(first, last), ~elsewhere)
        .group_by(q.clerk)
        .order_by(q.clerk)
    )
    quick = _quick_by_clerk(session, first, last)
    return tuple(
        RequestShare(str(clerk), int(sent), int(answered or 0), int(gone or 0), quick.get(str(clerk), 0))
        for clerk, sent, answered, gone in session.execute(stmt)
    )


def _quick_by_clerk(session: Session, first: dt.date, last: dt.date) -> dict[str, int]:
    """Per clerk, the first-round requests sent from ``first`` to ``last`` answered on a pad sooner than a person reads
    the question (:data:`READING_TIME`); compared as read, as :func:`quick_answers` does."""
    q, r = models.RatingRequest, models.Rating
    day = office_day_of(session, q.sent_at, last)
    stmt = (
        select(q.clerk, r.rated_at, q.sent_at)
        .join(r, r.request_id == q.id)
        .where(q.round == 1, day.between(first, last), r.channel.in_([c.value for c in PAD_CHANNELS]))
    )
    counted: dict[str, int] = {}
    for clerk, rated_at, sent_at in session.execute(stmt):
        if rated_at - sent_at < READING_TIME:
            counted[str(clerk)] = counted.get(str(clerk), 0) + 1
    return counted
