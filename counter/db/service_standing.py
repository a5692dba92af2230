"""Where each case's service stands in the 好差评 figures, kept on the case row whenever one of its facts is written.

The figures of a month (``counter figures``, the supervision window) count a month's cases by how their service
was rated.  Read from the first round's request, its rating, its lapse, the upheld appeals and the fed-back
rectifications joined to each case, that cost a second on PostgreSQL for a league's month of 110,000 cases, and
grew with the league: the joins read those tables whole (millions of rows) to match a month's share of them.  So
the case row keeps the answer — its standing, one word, and the desk and clerk of the first round (who served) —
and the month is counted from the cases' figure index alone.

Every writer of one of those facts rewrites the standing of its case in the same transaction: the rating store (a
request, a rating, a lapse, an appeal, a rectification's line) and the sync import
(:func:`counter.db.sync.case_parts.merge_ratings`).  The standing
is worked out again from all the case's facts, not moved by the one written, so the order facts arrive in (a
package brings a rating with its appeal and its rectification's lines) cannot leave it wrong.  A case new to a
site by sync has all its facts in its record: the import writes its row with the standing they give
(:func:`new_case_standing`, held equal to the SQL by ``tests/sync/test_sync_standing.py``).  The facts are
insert-only (:class:`counter.db.models.Rating` and its kin), so nothing else can change it.

The definitions are those of :mod:`counter.ratings.figures`; ``tests/actions/test_period_figures.py`` holds the
figures counted from the standing equal to the domain's own computation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import cast

from sqlalchemy import ColumnElement, Table, and_, case, exists, select, update
from sqlalchemy.orm import Session

from counter.db import models
from counter.ratings.levels import BAD_LEVELS
from counter.ratings.rectification import RectEvent, RectState
from counter.sync.records import RatingRound

__all__ = [
    "STANDING_COLUMNS",
    "Standing",
    "new_case_standing",
    "refresh_standing",
    "standing_of_rating",
    "standing_of_rectification",
    "standing_of_request",
]

#: the case row's columns that hold its standing, in the order :func:`new_case_standing` gives them
STANDING_COLUMNS = ("rating_standing", "served_desk_no", "served_clerk")
_IN_BATCH = 500  # case ids per UPDATE … WHERE id IN (…)


class Standing(StrEnum):
    """A case's service in the figures: the counts of :class:`counter.ratings.figures.Figures`, one word each."""

    NOT_SENT = "not_sent"  # no first round sent to the pad
    PENDING = "pending"  # sent, neither rated nor lapsed yet
    LAPSED = "lapsed"  # 未评价: the pad's time ran out
    GOOD = "good"  # 好评, kept
    BAD = "bad"  # 差评, kept, its rectification not fed back
    APPEALING = "appealing"  # 差评, kept, its appeal filed and not decided (申诉中): counted with the 差评, marked
    RECTIFIED = "rectified"  # 差评, kept, its rectification fed back (已整改)
    EXCLUDED = "excluded"  # rated, and the rating removed on an upheld appeal


def _standing(case_id: ColumnElement[int]) -> tuple[ColumnElement[str], ColumnElement[str], ColumnElement[str]]:
    """(standing, desk, clerk) of the case ``case_id`` names, as correlated expressions over its facts."""
    rq, r = models.RatingRequest, models.Rating
    appeal, rect, line = models.RatingAppeal, models.Rectification, models.RectificationHistory
    first = and_(rq.case_id == case_id, rq.round == 1)
    rating = and_(first, r.request_id == rq.id)
    upheld = exists().where(appeal.rating_id == r.id, appeal.upheld.is_(True))
    bad = r.level.in_([level.value for level in BAD_LEVELS])
    fed_back = exists().where(
        rect.rating_id == r.id, line.rectification_id == rect.id, line.state_after == RectState.FED_BACK.value
    )
    # 申诉中: an appeal filed (a line of its rectification) and no decision on the rating yet
    filed = line.event == RectEvent.APPEALED.value
    appealing = and_(
        exists().where(rect.rating_id == r.id, line.rectification_id == rect.id, filed),
        ~exists().where(appeal.rating_id == r.id),
    )
    standing = case(
        (~exists().where(first), Standing.NOT_SENT.value),
        (exists().where(rating, upheld), Standing.EXCLUDED.value),
        (exists().where(rating, bad, appealing), Standing.APPEALING.value),
        (exists().where(rating, bad, fed_back), Standing.RECTIFIED.value),
        (exists().where(rating, bad), Standing.BAD.value),
        (exists().where(rating), Standing.GOOD.value),
        (exists().where(first, models.RatingLapse.request_id == rq.id), Standing.LAPSED.value),
        else_=Standing.PENDING.value,
    )
    desk = select(rq.desk_no).where(first).scalar_subquery()
    clerk = select(rq.clerk).where(first).scalar_subquery()
    return standing, desk, clerk


def new_case_standing(rounds: Sequence[RatingRound]) -> tuple[str, str | None, str | None]:
    """(standing, desk, clerk) of a case new here whose facts are all its record's ``rounds``: :func:`_standing`'s.

    A sync import writes a package's new cases with their standing in the row (the facts follow in the same
    transaction), instead of working it out again from the facts just written: on PostgreSQL that second pass
    rewrote every new case row (a new row version and an entry in each of the case's indexes) and was a third of
    the import.  The facts are those the import writes for such a case
    (:func:`counter.db.sync.case_parts.merge_ratings`), where the first of two lines with one place stands: the
    first round 1 is the request; its rating, or else its lapse, is that of the first round 1 with either; every
    round 1 with a rating adds its appeals and rectification lines to that rating, the first of one key kept.
    ``tests/sync/test_sync_standing.py`` holds this equal to :func:`refresh_standing` of the rows written.
    """
    first = [q for q in rounds if q.round == 1]
    if not first:
        return Standing.NOT_SENT.value, None, None
    desk, clerk = first[0].desk_no, first[0].clerk
    answer = next((q for q in first if q.rating is not None or q.lapsed_at is not None), None)
    if answer is None:
        return Standing.PENDING.value, desk, clerk
    if answer.rating is None:
        return Standing.LAPSED.value, desk, clerk
    ratings = [q.rating for q in first if q.rating is not None]
    appeals: dict[tuple[object, ...], bool] = {}
    lines: dict[tuple[object, ...], str] = {}
    for rating in ratings:
        for a in rating.appeals:
            appeals.setdefault(a.key, a.upheld)
        if rating.rectification is not None:
            for line in rating.rectification.history:
                lines.setdefault(line.key, line.state_after)
    if any(appeals.values()):
        return Standing.EXCLUDED.value, desk, clerk
    if answer.rating.level not in {level.value for level in BAD_LEVELS}:
        return Standing.GOOD.value, desk, clerk
    return _bad_standing(lines, decided=bool(appeals)).value, desk, clerk


def _bad_standing(lines: dict[tuple[object, ...], str], *, decided: bool) -> Standing:
    """A kept 差评's standing from its rectification's lines (key (at, event) → state after)."""
    if not decided and any(event == RectEvent.APPEALED.value for _at, event in lines):
        return Standing.APPEALING
    return Standing.RECTIFIED if RectState.FED_BACK.value in lines.values() else Standing.BAD


def refresh_standing(session: Session, case_ids: Iterable[int]) -> None:
    """Work out again the standing of the cases named, from their facts as written so far in this transaction."""
    ids = sorted(set(case_ids))
    table = cast(Table, models.Case.__table__)
    standing, desk, clerk = _standing(table.c.id)
    for start in range(0, len(ids), _IN_BATCH):
        stmt = (
            update(table)
            .where(table.c.id.in_(ids[start : start + _IN_BATCH]))
            .values(rating_standing=standing, served_desk_no=desk, served_clerk=clerk)
        )
        session.execute(stmt)


def standing_of_request(session: Session, request_id: int) -> None:
    """After a request or its lapse is written."""
    rq = models.RatingRequest
    refresh_standing(session, session.scalars(select(rq.case_id).where(rq.id == request_id)))


def standing_of_rating(session: Session, rating_id: int) -> None:
    """After a rating or an appeal of it is written."""
    rq, r = models.RatingRequest, models.Rating
    cases = session.scalars(select(rq.case_id).join(r, r.request_id == rq.id).where(r.id == rating_id))
    refresh_standing(session, cases)


def standing_of_rectification(session: Session, rectification_id: int) -> None:
    """After a line of a rectification's history is written."""
    rect = models.Rectification
    rating_id = session.scalar(select(rect.rating_id).where(rect.id == rectification_id))
    if rating_id is not None:
        standing_of_rating(session, rating_id)
