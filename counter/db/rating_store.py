"""Ratings in the database: requests, ratings, lapses, rectifications, appeals.

Every write here is an INSERT; there is no function that changes or removes a
row, and the tables refuse it themselves (the schema's triggers, and the
ORM's :class:`counter.db.models.RowIsFinal`).  A request's status is which of
its answers exists — a rating or a lapse — and a rectification's state is its
newest history line.  Times are stored in UTC; SQLite hands them back without a
zone, so they are read back as UTC.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BindParameter,
    Select,
    String,
    and_,
    bindparam,
    case,
    exists,
    func,
    insert,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session, aliased

from counter.case.moments import stored_utc
from counter.db import models
from counter.db.platform_store import RectFacts, queue_rating, queue_rectification_line
from counter.db.sealed import unseal_to_send
from counter.db.service_standing import standing_of_rating, standing_of_rectification, standing_of_request
from counter.parties.names import mask_name
from counter.ratings.export import RatingRecord
from counter.ratings.levels import Channel, Level, RaterKind
from counter.ratings.rectification import (
    AppealGround,
    AppealStatus,
    RatedClerk,
    RectEvent,
    RectState,
    appeal_status,
)
from counter.ratings.status import DeskStatus
from counter.ratings.stored_reasons import national_codes, reason_labels
from counter.ratings.views import (
    AppealLine,
    RectHistoryLine,
    RectificationAlert,
    RectificationRow,
    RectificationView,
)

UTC = dt.UTC


def to_utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class RequestRow:
    id: int
    case_id: int
    case_no: str
    round: int
    sent_at: dt.datetime
    site_code: str
    desk_no: str
    clerk: str
    status: DeskStatus


def _request_select() -> Select[*tuple[Any, ...]]:
    rq = models.RatingRequest
    rated = exists().where(models.Rating.request_id == rq.id).label("rated")
    lapsed = exists().where(models.RatingLapse.request_id == rq.id).label("lapsed")
    return select(rq, models.Case.case_no, rated, lapsed).join(models.Case, models.Case.id == rq.case_id)


def _request_rows(session: Session, stmt: Select[*tuple[Any, ...]]) -> list[RequestRow]:
    return _request_rows_of(session.execute(stmt))


def _request_rows_of(found: Any) -> list[RequestRow]:
    rows = []
    for rq, case_no, rated, lapsed in found:
        status = DeskStatus.RATED if rated else DeskStatus.UNRATED if lapsed else DeskStatus.PENDING
        rows.append(
            RequestRow(rq.id, rq.case_id, case_no, rq.round, stored_utc(rq.sent_at), rq.site_code, rq.desk_no,
                       rq.clerk, status)
        )  # fmt: skip
    return rows


def add_request(
    session: Session, case_id: int, round_: int, sent_at: dt.datetime, site_code: str, desk_no: str, clerk: str
) -> int:
    stmt = insert(models.RatingRequest).values(
        case_id=case_id, round=round_, sent_at=to_utc(sent_at), site_code=site_code, desk_no=desk_no, clerk=clerk
    )
    request_id = int(session.execute(stmt.returning(models.RatingRequest.id)).scalar_one())
    standing_of_request(session, request_id)
    return request_id


def requests_of_case(session: Session, case_id: int) -> list[RequestRow]:
    rq = models.RatingRequest
    return _request_rows(session, _request_select().where(rq.case_id == case_id).order_by(rq.round))


def request_row(session: Session, request_id: int) -> RequestRow | None:
    rows = _request_rows(session, _request_select().where(models.RatingRequest.id == request_id))
    return rows[0] if rows else None


def pending_requests(session: Session, sent_before: dt.datetime, site_code: str, desk_no: str) -> list[RequestRow]:
    """One desk's requests neither rated nor lapsed that were sent before ``sent_before``.

    Asked before every service the pad shows, so the unanswered are picked out in the database: the desk's
    answered requests of all the years before are never read into Python.
    """
    rq = models.RatingRequest
    unanswered = (
        ~exists().where(models.Rating.request_id == rq.id),
        ~exists().where(models.RatingLapse.request_id == rq.id),
    )
    stmt = (
        _request_select()
        .where(rq.sent_at < to_utc(sent_before), rq.site_code == site_code, rq.desk_no == desk_no, *unanswered)
        .order_by(rq.id)
    )
    return _request_rows(session, stmt)


def open_pad_requests(session: Session, pad: str, sent_after: dt.datetime) -> list[tuple[RequestRow, str]]:
    """The requests of the pad device ``pad`` neither rated nor lapsed, sent after ``sent_after`` (older ones are
    past their time), oldest first, each with the served clerk's staff number."""
    rq, pr = models.RatingRequest, models.PadRequest
    unanswered = (
        ~exists().where(models.Rating.request_id == rq.id),
        ~exists().where(models.RatingLapse.request_id == rq.id),
    )
    stmt = (
        _request_select()
        .add_columns(pr.staff_no)
        .join(pr, pr.request_id == rq.id)
        .where(pr.pad == pad, rq.sent_at > to_utc(sent_after), *unanswered)
        .order_by(rq.id)
    )
    found = []
    for row in session.execute(stmt):
        (request,) = _request_rows_of(((row[0], row[1], row[2], row[3]),))
        found.append((request, row[4]))
    return found


def add_lapse(session: Session, request_id: int, at: dt.datetime) -> None:
    session.execute(insert(models.RatingLapse).values(request_id=request_id, at=to_utc(at)))
    standing_of_request(session, request_id)


def add_rating(session: Session, values: dict[str, Any]) -> int:
    """Insert one rating; ``values`` are the columns of :class:`counter.db.models.Rating`."""
    values = {
        **values,
        "rated_at": to_utc(values["rated_at"]),
        "reasons": json.dumps(values["reasons"], ensure_ascii=False),
    }
    rating_id = int(session.execute(insert(models.Rating).values(**values).returning(models.Rating.id)).scalar_one())
    standing_of_rating(session, rating_id)
    if values["channel"] != Channel.QR_CODE.value:  # given on the region's page: the region holds it already
        queue_rating(session, values["request_id"], values["rated_at"])
    return rating_id


def rating_of_request(session: Session, request_id: int) -> tuple[int, Level] | None:
    row = session.execute(
        select(models.Rating.id, models.Rating.level).where(models.Rating.request_id == request_id)
    ).first()
    return None if row is None else (row[0], Level(row[1]))


# --- rectifications ---------------------------------------------------------------------


def add_rectification(
    session: Session,
    rating_id: int,
    opened_at: dt.datetime,
    opened_on: dt.date,
    period: str,
    due_on: dt.date,
    due_beyond_data: bool,
) -> int:
    stmt = insert(models.Rectification).values(
        rating_id=rating_id, opened_at=to_utc(opened_at), opened_on=opened_on, period=period, due_on=due_on,
        due_beyond_data=due_beyond_data,
    )  # fmt: skip
    return int(session.execute(stmt.returning(models.Rectification.id)).scalar_one())


def add_rectification_line(
    session: Session,
    rectification_id: int,
    at: dt.datetime,
    by: str,
    event: RectEvent,
    state_after: RectState,
    note: str = "",
    fix_due: dt.date | None = None,
) -> None:
    session.execute(
        insert(models.RectificationHistory).values(
            rectification_id=rectification_id, at=to_utc(at), by=by, event=event.value,
            state_after=state_after.value, note=note, fix_due=fix_due,
        )
    )  # fmt: skip
    standing_of_rectification(session, rectification_id)
    facts = RectFacts(to_utc(at), event.value, state_after.value, by, note, fix_due)
    queue_rectification_line(session, rectification_id, facts)


def _rectification_columns(rect: type[models.Rectification]) -> tuple[Any, Any]:
    """A rectification's current state (its newest line) and the ledger date of a 限期整改, each by its index."""
    h = models.RectificationHistory
    state = (
        select(h.state_after).where(h.rectification_id == rect.id).order_by(h.id.desc()).limit(1)
        .correlate(rect).scalar_subquery()
    )  # fmt: skip
    fix_due = select(func.max(h.fix_due)).where(h.rectification_id == rect.id).correlate(rect).scalar_subquery()
    return state, fix_due


def _appealing(rect_id: Any, rating_id: Any) -> Any:
    """申诉中: an appeal filed (a line of the rectification) and no decision on the rating yet; one probe of each
    index per row.

    The filing is asked as one appeal line of the rectification (a scalar subquery walking its own few lines by
    ``ix_rectification_history_latest``), not as EXISTS: PostgreSQL turns an EXISTS correlated by one equality into
    a hashed subplan when it expects few rows, which reads every line of the history to find the appeals.
    """
    h, a = models.RectificationHistory, models.RatingAppeal
    filed = (
        select(h.id).where(h.rectification_id == rect_id, h.event == RectEvent.APPEALED.value).limit(1)
        .scalar_subquery().is_not(None)
    )  # fmt: skip
    return and_(filed, ~exists().where(a.rating_id == rating_id)).label("appealing")


def _rectification_select() -> Select[*tuple[Any, ...]]:
    """A rectification's row of the list, its state read by an index probe of its own rectification."""
    rect, rating = models.Rectification, models.Rating
    state, fix_due = _rectification_columns(rect)
    return select(
        rect.id, rating.case_no, rating.item_name, rating.desk_no, rating.clerk, rating.level, rating.rated_at,
        rect.opened_on, rect.due_on, rect.due_beyond_data, state.label("state_after"), fix_due.label("fix_due"),
        _appealing(rect.id, rating.id),
    ).join(rating, rating.id == rect.rating_id)  # fmt: skip


def _rectification_row(r: Any) -> RectificationRow:
    return RectificationRow(
        r[0], r[1], r[2], r[3], r[4], Level(r[5]), stored_utc(r[6]), r[7], r[8], r[9], RectState(r[10]), r[11],
        bool(r[12]),
    )  # fmt: skip


def rectification_rows(
    session: Session, *, after: tuple[dt.date, int] | None = None, limit: int | None = None
) -> list[RectificationRow]:
    """Open rectifications by the date they are due (a 限期整改 by its ledger date), earliest first.

    A page of ``limit`` rows following the row ``after`` (its due date and id), so a window shows the first
    rows at once and reads more as the supervisor scrolls, whatever the number open.  The due date is worked
    out, and the rows ordered and cut, in the database: the rule of
    :func:`counter.ratings.rectification.effective_due` in SQL.  The ratings are joined to the page only: every
    open rectification must be ordered, but joining each to its rating first read a rating row per open
    rectification (12,000 in a 2M-case hall) before the sort kept 200.
    """
    rect = models.Rectification
    state, fix_due = _rectification_columns(rect)
    # open: no line has closed it (已反馈 or 已撤销 end one), one probe each of the small index of closing lines;
    # the closing states written as literals, so that both databases match the query to that partial index
    closing = aliased(models.RectificationHistory)
    closed_states: BindParameter[list[str]] = bindparam(
        "closing_states", list(models.CLOSING_STATES), expanding=True, literal_execute=True
    )
    listed = (
        select(rect.id, rect.rating_id, rect.opened_on, rect.due_on, rect.due_beyond_data,
               state.label("state_after"), fix_due.label("fix_due"))
        .where(~exists().where(closing.rectification_id == rect.id, closing.state_after.in_(closed_states)))
        .subquery("listed")
    )  # fmt: skip
    due = case(
        (and_(listed.c.state_after == RectState.FIX_BY_DEADLINE.value, listed.c.fix_due.is_not(None)),
         listed.c.fix_due),
        else_=listed.c.due_on,
    ).label("due")  # fmt: skip
    page = select(*(c for c in listed.c), due).order_by(due, listed.c.id)
    if after is not None:
        after_due, after_id = after
        page = page.where(or_(due > after_due, and_(due == after_due, listed.c.id > after_id)))
    if limit is not None:
        page = page.limit(limit)
    cut = page.subquery("page")
    rating = models.Rating
    stmt = (
        select(cut.c.id, rating.case_no, rating.item_name, rating.desk_no, rating.clerk, rating.level, rating.rated_at,
               cut.c.opened_on, cut.c.due_on, cut.c.due_beyond_data, cut.c.state_after, cut.c.fix_due,
               _appealing(cut.c.id, rating.id))
        .join(rating, rating.id == cut.c.rating_id)
        .order_by(cut.c.due, cut.c.id)
    )  # fmt: skip
    return [_rectification_row(r) for r in session.execute(stmt)]


def rectification_state(session: Session, rectification_id: int) -> RectState | None:
    h = models.RectificationHistory
    value = session.scalar(
        select(h.state_after).where(h.rectification_id == rectification_id).order_by(h.id.desc()).limit(1)
    )
    return None if value is None else RectState(value)


def rectification_of_rating(session: Session, rating_id: int) -> int | None:
    return session.scalar(select(models.Rectification.id).where(models.Rectification.rating_id == rating_id))


def rectification_view(session: Session, rectification_id: int) -> RectificationView | None:
    head = session.execute(_rectification_select().where(models.Rectification.id == rectification_id)).first()
    if head is None:
        return None
    rating = session.execute(
        select(models.Rating.id, models.Rating.round, models.Rating.rater_name, models.Rating.reasons,
               models.Rating.comment)
        .join(models.Rectification, models.Rectification.rating_id == models.Rating.id)
        .where(models.Rectification.id == rectification_id)
    ).one()  # fmt: skip
    h = models.RectificationHistory
    history = tuple(
        RectHistoryLine(stored_utc(r.at), r.by, RectEvent(r.event), RectState(r.state_after), r.note, r.fix_due)
        for r in session.scalars(select(h).where(h.rectification_id == rectification_id).order_by(h.id))
    )
    return RectificationView(
        row=_rectification_row(head),
        rating_id=rating.id,
        round=rating.round,
        rater_masked=mask_name(rating.rater_name),
        reasons=reason_labels(rating.reasons),
        comment=rating.comment,
        history=history,
        appeals=tuple(appeals_of_rating(session, rating.id)),
    )


def rectifications_after(session: Session, last_id: int) -> list[RectificationAlert]:
    """Rectifications opened after ``last_id`` (at any desk): what a supervisor has not been told yet."""
    rect, rating = models.Rectification, models.Rating
    stmt = (
        select(rect.id, rating.case_no, rating.item_name, rating.desk_no, rating.clerk, rect.due_on)
        .join(rating, rating.id == rect.rating_id)
        .where(rect.id > last_id)
        .order_by(rect.id)
    )
    return [RectificationAlert(*r) for r in session.execute(stmt)]


def last_rectification_id(session: Session) -> int:
    return int(session.scalar(select(func.coalesce(func.max(models.Rectification.id), 0))) or 0)


# --- appeals ----------------------------------------------------------------------------


def add_appeal(
    session: Session, rating_id: int, at: dt.datetime, by: str, ground: AppealGround, upheld: bool, reason: str
) -> None:
    session.execute(
        insert(models.RatingAppeal).values(
            rating_id=rating_id, at=to_utc(at), by=by, ground=ground.value, upheld=upheld, reason=reason
        )
    )
    standing_of_rating(session, rating_id)


def appeals_of_rating(session: Session, rating_id: int) -> list[AppealLine]:
    a = models.RatingAppeal
    return [
        AppealLine(stored_utc(r.at), r.by, AppealGround(r.ground), r.upheld, r.reason)
        for r in session.scalars(select(a).where(a.rating_id == rating_id).order_by(a.id))
    ]


@dataclass(frozen=True, slots=True)
class AppealFacts:
    """What an appeal of a rating turns on: whose rating it is, its rectification, and the appeal so far."""

    rated: RatedClerk
    rectification_id: int | None
    state: RectState | None  # the rectification's, None without one
    status: AppealStatus
    filed_by: str = ""  # who filed the appeal, as its line names her; empty: none filed


def appeal_facts(session: Session, rating_id: int) -> AppealFacts | None:
    """The facts of ``rating_id``'s appeal; None when there is no such rating."""
    r, a, h = models.Rating, models.RatingAppeal, models.RectificationHistory
    rated = session.execute(select(r.clerk, r.staff_no).where(r.id == rating_id)).first()
    if rated is None:
        return None
    rect_id = rectification_of_rating(session, rating_id)
    state = None if rect_id is None else rectification_state(session, rect_id)
    filed_by = None
    if rect_id is not None:
        appealed = select(h.by).where(h.rectification_id == rect_id, h.event == RectEvent.APPEALED.value)
        filed_by = session.scalars(appealed.order_by(h.id)).first()
    decisions = session.scalars(select(a.upheld).where(a.rating_id == rating_id).order_by(a.id))
    status = appeal_status(filed_by is not None, decisions)
    return AppealFacts(RatedClerk(rated.clerk, rated.staff_no), rect_id, state, status, filed_by or "")


# --- figures and export ---------------------------------------------------------------------


def rating_records(session: Session, first: dt.date, last: dt.date) -> list[RatingRecord]:
    """Every rating given in the period (by the office's day), excluded ones and those under appeal marked, oldest
    first.

    For the export, which leaves the machine: each rater's ID number is read as stored and opened strictly
    (:func:`counter.db.sealed.unseal_to_send`), so a key that cannot open one refuses the export whole as the store's
    data_key fault.  A file with （已加密） in a rater's place would be taken for the rater's number, and masked for
    an account that sees no number whole it would read as a number masked; nothing in it could tell the two apart."""
    r, a = models.Rating, models.RatingAppeal
    rect, line = models.Rectification, models.RectificationHistory
    upheld = select(func.max(a.id)).where(a.rating_id == r.id, a.upheld.is_(True)).correlate(r).scalar_subquery()
    reason = select(a.reason).where(a.id == upheld).correlate(r).scalar_subquery()
    filed = exists().where(
        rect.rating_id == r.id, line.rectification_id == rect.id, line.event == RectEvent.APPEALED.value
    )
    appealing = and_(filed, ~exists().where(a.rating_id == r.id)).label("appealing")
    rater_id_no = type_coerce(r.rater_id_no, String).label("rater_sealed")  # as stored, opened below
    pad = select(models.PadRequest.pad).where(models.PadRequest.request_id == r.request_id).correlate(r)
    given_by = pad.scalar_subquery().label("pad")  # the pad device that gave it: its request was that pad's
    stmt = (
        select(r, reason, appealing, rater_id_no, given_by)
        .where(r.rated_on.between(first, last))
        .order_by(r.rated_at, r.id)
    )
    return [
        RatingRecord(
            case_no=row.case_no, item_code=row.item_code, item_name=row.item_name, department=row.department,
            clerk=row.clerk, staff_no=row.staff_no, desk_no=row.desk_no, site_code=row.site_code, region=row.region,
            channel=Channel(row.channel), rater_name=row.rater_name, rater_id_no=unseal_to_send(sealed or ""),
            rater_kind=RaterKind(row.rater_kind), anonymous=row.anonymous, level=Level(row.level),
            reasons=reason_labels(row.reasons), reason_codes=national_codes(row.reasons)[0],
            reason_list=national_codes(row.reasons)[1], comment=row.comment, rated_at=stored_utc(row.rated_at),
            round=row.round, excluded=appeal_reason is not None, appeal_reason=appeal_reason or "",
            appealing=bool(under_appeal), pad=pad_name or "",
        )
        for row, appeal_reason, under_appeal, sealed, pad_name in session.execute(stmt)
    ]  # fmt: skip
