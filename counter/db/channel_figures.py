"""The period's first ratings counted by channel (:mod:`counter.ratings.channel_figures`).

Counted from the ratings themselves, by the day each was given (as the ratings' export is), through the ratings'
own day index: the month's figures count the services from the standing each case keeps and never join the ratings
(:mod:`counter.db.service_standing`, a league's month of 200,000 cases within its second), and this adds one
indexed read of the month's ratings beside them, not a join per case.  First ratings only (评价次数 1); a rating
removed on an upheld appeal (申诉复核) counts in no channel, as it counts in no rate.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from counter.db import models
from counter.ratings.channel_figures import READING_TIME, ChannelCount, channel_counts_of
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
