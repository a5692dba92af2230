"""The figures counted by the database: one ``GROUP BY`` per kind of count, one small row per line.

A league's database holds millions of cases; reading one object per service to count them in Python took a minute
at five million.  Here each count is a conditional sum over the period's rows, so what leaves the database is one
row per day, desk, clerk, bundle or site.  The definitions are the domain's (:mod:`counter.ratings.figures`,
:mod:`counter.case.period_figures`, :mod:`counter.case.promise_figures`); each condition below names the rule it
counts, and ``tests/actions/test_period_figures.py`` holds the sums equal to the domain's own computation on a varied
dataset, on SQLite and PostgreSQL.

Every query starts from an indexed date range: the cases by the day they were taken or
accepted, with the standing each keeps of its rating (:mod:`counter.db.service_standing`) in the index beside them;
the rectifications by the day they opened.  A line is identified by its *part*: (day,), (site, desk), (clerk,),
(bundle code,) or (site,), as :func:`counter.ratings.figures.line_key` takes it; days come back as ISO text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Date, and_, case, cast, exists, func, or_, select, text
from sqlalchemy.orm import Session, aliased

from counter.case.decisions import DECISION_EVENTS
from counter.case.status import CaseStatus
from counter.db import models
from counter.db.service_standing import Standing
from counter.intake.outcome import Outcome
from counter.ratings.figures import Grouping
from counter.ratings.rectification import RectState

__all__ = ["GroupCount", "RectLine", "ServiceLine", "bundle_names", "rectification_lines", "service_lines",
           "version_counts", "version_hashes"]  # fmt: skip

Part = tuple[str, ...]
#: a 差评 kept in the figures: as rated, fed back, or under appeal (申诉中 stays a 差评 until decided)
BAD_STANDINGS = (Standing.BAD, Standing.RECTIFIED, Standing.APPEALING)


@dataclass(frozen=True, slots=True)
class ServiceLine:
    """The period's services of one line: the rating counts of :class:`counter.ratings.figures.Figures`, and the
    outcome counts of :class:`counter.case.period_figures.CaseCounts`."""

    part: Part
    services: int
    pending: int
    rated: int
    bad: int
    unrated: int
    not_sent: int
    excluded: int
    rectified: int
    accepted: int
    deferred: int
    correction: int
    refused: int
    withdrawn: int  # the applicant withdrew after the window's 申请事项告知书 (never a 不予受理)
    overdue_deferrals: int
    waits: int  # the cases with a queue ticket's wait (models.CaseTicket), and those waits in seconds, added up
    waited_s: int
    appealing: int = 0  # of the bad: an appeal filed and not decided (申诉中)


@dataclass(frozen=True, slots=True)
class GroupCount:
    """So many accepted cases of one guide version and one set of answers in one line."""

    part: Part
    guide_version_id: int
    cases: int
    answers: str = "[]"  # the cases' situation answers, as stored: they choose the items counted
    decided: int = 0  # how many of each case's items were decided (准予 or 不予批准) on the day it was taken

    @property
    def guide_key(self) -> tuple[int, str]:
        """What the cases' items depend on: the guide version and the answers."""
        return self.guide_version_id, self.answers


@dataclass(frozen=True, slots=True)
class ItemLine:
    """The items of one line's cases still with their departments, and how many of them are past their date."""

    part: Part
    open: int
    overdue: int


@dataclass(frozen=True, slots=True)
class RectLine:
    part: Part
    opened: int
    open: int
    overdue: int
    closed: int
    voided: int


def _compiled_plainly(session: Session) -> None:
    """No JIT compilation for the rest of this read transaction, on PostgreSQL.

    A figures query reads a month's entries of an index in a few hundred milliseconds, but the planner prices each
    case's look at its deferred materials as if it could read many rows, so the month's estimate passes the
    server's JIT thresholds, and compiling cost more than counting (690 ms of compilation, spread over the parallel
    workers, in a query of 440 ms, for a month at a million cases).  The setting is this transaction's own: the
    server's configuration is left as the hall has it.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL jit = off"))


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _part(row: Any, width: int) -> Part:
    return tuple(value.isoformat() if isinstance(value, dt.date) else str(value) for value in row[:width])


def _grouped_by(
    grouping: Grouping,
    day: Any,
    site: Any,
    desk_no: Any,
    clerk: Any,
    bundle_code: Any,
) -> list[Any]:
    return {
        Grouping.DAY: [day],
        Grouping.DESK: [site, desk_no],
        Grouping.CLERK: [clerk],
        Grouping.BUNDLE: [bundle_code],
        Grouping.SITE: [site],
    }[grouping]


def service_lines(
    session: Session, first: dt.date, last: dt.date, grouping: Grouping, today: dt.date
) -> list[ServiceLine]:
    """The cases taken from ``first`` to ``last`` (both included), counted per line.

    A service's desk and clerk are those that sent it to the pad (its first round), else the case's: a rating
    belongs to whoever served.  How it was rated is the standing the case keeps (:mod:`counter.db.service_standing`),
    so the month is counted from the figure index, never joined to the ratings; only a 容缺受理 case looks at its
    materials, whose lateness depends on ``today``.
    """
    c, material, ticket = models.Case, aliased(models.CaseMaterial), models.CaseTicket
    keys = _grouped_by(
        grouping, c.received_on, c.site_code, func.coalesce(c.served_desk_no, c.desk_no),
        func.coalesce(c.served_clerk, c.clerk), c.bundle_code,
    )  # fmt: skip

    def standing(*among: Standing) -> ColumnElement[bool]:
        return c.rating_standing.in_([s.value for s in among])

    late = exists().where(
        material.case_id == c.id,
        material.due_on.is_not(None),
        or_(and_(material.arrived_on.is_(None), material.due_on < today), material.arrived_on > material.due_on),
    )
    deferred = c.outcome == Outcome.DEFER.value
    # a 申请事项告知书 leaves the case withdrawn at its intake (counter.documents.outcome_preview.withdrawn_at_window)
    refusing = c.outcome == Outcome.REFUSE.value
    live = c.status.not_in([CaseStatus.WITHDRAWN.value, CaseStatus.VOIDED.value])
    stmt = (
        select(
            *keys,
            func.count(),
            _count_if(standing(Standing.PENDING)),
            _count_if(standing(Standing.GOOD, *BAD_STANDINGS)),
            _count_if(standing(*BAD_STANDINGS)),
            _count_if(standing(Standing.LAPSED)),
            _count_if(standing(Standing.NOT_SENT)),
            _count_if(standing(Standing.EXCLUDED)),
            _count_if(standing(Standing.RECTIFIED)),
            _count_if(c.outcome == Outcome.ACCEPT.value),
            _count_if(deferred),
            _count_if(c.outcome == Outcome.CORRECT.value),
            _count_if(and_(refusing, c.status != CaseStatus.WITHDRAWN.value)),
            _count_if(and_(refusing, c.status == CaseStatus.WITHDRAWN.value)),
            _count_if(and_(deferred, live, late)),
            _count_if(ticket.waited_s.is_not(None)),
            func.coalesce(func.sum(ticket.waited_s), 0),
            _count_if(standing(Standing.APPEALING)),
        )
        .outerjoin(ticket, ticket.case_id == c.id)  # at most one: its key is the case's
        .where(c.received_on.between(first, last))
        .group_by(*keys)
    )
    _compiled_plainly(session)
    width = len(keys)
    return [ServiceLine(_part(row, width), *(int(n) for n in row[width:])) for row in session.execute(stmt)]


def version_counts(session: Session, first: dt.date, last: dt.date, grouping: Grouping) -> list[GroupCount]:
    """Cases accepted from ``first`` to ``last`` (both included), not voided, per line, guide version, answers and
    how many of their items were decided on the day each was taken: what the 24-point table counts
    (:mod:`counter.case.promise_figures`), each case by the items it applied for, and by what happened to them (a
    decision is a history line, :data:`counter.case.decisions.DECISION_EVENTS`); each version's facts are read once
    by the caller."""
    c, h, taken = models.Case, models.CaseHistory, aliased(models.Case)
    period = and_(taken.accepted_on.between(first, last), taken.status != CaseStatus.VOIDED.value)
    on_the_day = (
        select(h.case_id, func.count().label("decided"))
        .join(taken, taken.id == h.case_id)
        .where(period, h.event.in_(DECISION_EVENTS), office_day_of(session, h.at, first) == taken.received_on)
        .group_by(h.case_id)
        .subquery("on_the_day")
    )
    decided = func.coalesce(on_the_day.c.decided, 0)
    keys = _grouped_by(grouping, c.accepted_on, c.site_code, c.desk_no, c.clerk, c.bundle_code)
    stmt = (
        select(*keys, c.guide_version_id, c.answers, decided, func.count())
        .outerjoin(on_the_day, on_the_day.c.case_id == c.id)
        .where(c.accepted_on.between(first, last), c.status != CaseStatus.VOIDED.value)
        .group_by(*keys, c.guide_version_id, c.answers, decided)
    )
    _compiled_plainly(session)
    width = len(keys)
    return [
        GroupCount(_part(row, width), row[width], row[width + 3], row[width + 1], int(row[width + 2]))
        for row in session.execute(stmt)
    ]


def office_day_of(session: Session, at: Any, near: dt.date) -> ColumnElement[Any]:
    """The day a stored moment (UTC) falls on, on the office's clock (:func:`counter.case.moments.office_day`),
    computed by the database.

    The office's offset from UTC is taken at noon of ``near``: the league's zone (UTC+8) keeps one offset all year,
    and a zone that moves its clocks moves them at night, when no window decides anything.
    """
    offset = dt.datetime.combine(near, dt.time(12)).astimezone().utcoffset() or dt.timedelta(0)
    if session.get_bind().dialect.name == "postgresql":
        return cast(func.timezone("UTC", at) + offset, Date)
    minutes = int(offset.total_seconds() // 60)
    return func.date(at, f"{minutes:+d} minutes")


def rectification_lines(
    session: Session, first: dt.date, last: dt.date, grouping: Grouping, today: dt.date
) -> list[RectLine]:
    """Rectifications opened from ``first`` to ``last``, per line (the rated service's desk, clerk and site), and
    where they stand on ``today``.

    Fed back and voided are final states, so each is known from any line of the history; an open one is overdue
    after its due date, or after its ledger date once it is a 限期整改 (only that move writes one).
    """
    rect, rating, line = models.Rectification, models.Rating, models.RectificationHistory
    rq, c, opened = models.RatingRequest, models.Case, aliased(models.Rectification)

    def ever(state: RectState) -> ColumnElement[int]:
        return func.max(case((line.state_after == state.value, 1), else_=0))

    # each of the period's rectifications read once with its lines: looking a state up in every line of the league's
    # history (a hashed subquery per count) read all of it at each call
    lines = (
        select(
            line.rectification_id,
            ever(RectState.FED_BACK).label("fed_back"),
            ever(RectState.VOIDED).label("voided"),
            func.max(line.fix_due).label("fix_due"),
        )
        .join(opened, opened.id == line.rectification_id)
        .where(opened.opened_on.between(first, last))
        .group_by(line.rectification_id)
        .subquery("lines")
    )
    fed_back, voided = func.coalesce(lines.c.fed_back, 0) == 1, func.coalesce(lines.c.voided, 0) == 1
    still_open = and_(~fed_back, ~voided)
    keys = _grouped_by(grouping, rect.opened_on, rating.site_code, rating.desk_no, rating.clerk, c.bundle_code)
    stmt = (
        select(
            *keys,
            func.count(),
            _count_if(still_open),
            _count_if(and_(still_open, func.coalesce(lines.c.fix_due, rect.due_on) < today)),
            _count_if(fed_back),
            _count_if(voided),
        )
        .select_from(rect)
        .join(rating, rating.id == rect.rating_id)
        .outerjoin(lines, lines.c.rectification_id == rect.id)
        .where(rect.opened_on.between(first, last))
        .group_by(*keys)
    )
    if grouping is Grouping.BUNDLE:
        stmt = stmt.join(rq, rq.id == rating.request_id).join(c, c.id == rq.case_id)
    _compiled_plainly(session)
    width = len(keys)
    return [RectLine(_part(row, width), *(int(n) for n in row[width:])) for row in session.execute(stmt)]


def item_lines(session: Session, first: dt.date, last: dt.date, grouping: Grouping, today: dt.date) -> list[ItemLine]:
    """The items of the cases taken from ``first`` to ``last`` still at their departments, per line of their case,
    and those past their date on ``today`` (a paused item has no date: never past it).

    Read from ``open_item``, which holds only the work in hand: a month of a league's cases is joined to the few
    rows of their open items, not to the history of every case.
    """
    item, c = models.OpenItem, models.Case
    keys = _grouped_by(grouping, c.received_on, c.site_code, c.desk_no, c.clerk, c.bundle_code)
    stmt = (
        select(*keys, func.count(), _count_if(item.due_on < today))
        .select_from(item)
        .join(c, c.id == item.case_id)
        .where(c.received_on.between(first, last))
        .group_by(*keys)
    )
    width = len(keys)
    return [ItemLine(_part(row, width), int(row[width]), int(row[width + 1])) for row in session.execute(stmt)]


def version_hashes(session: Session, version_ids: set[int]) -> dict[int, str]:
    """The content hash of each guide version named: the same hash is the same guide, word for word."""
    v = models.GuideVersion
    rows = session.execute(select(v.id, v.content_hash).where(v.id.in_(version_ids)))
    return {row.id: row.content_hash for row in rows}


def bundle_names(session: Session) -> dict[str, str]:
    """Every bundle's name by its code: a line of the figures per bundle is labelled with it."""
    return {row.code: row.name for row in session.execute(select(models.Bundle.code, models.Bundle.name))}
