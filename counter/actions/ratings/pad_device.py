"""The pad device's side of a rating (评价器): what its desk asked, fetched under its key, and the applicant's answer
given under it.

A request the desk asked while a pad was paired to it belongs to that pad (``pad_request``): the desk's session, any
account's, and any other pad are refused on it (:class:`RatingRefused` ``pad_device`` / ``other_pad``), so that the
rated clerk cannot give the applicant's rating.  The answer is recorded on the pad device's channel
(政务大厅平板电脑), with the pad named in its audit entry and its request, and counted, as every rating, for the
case's own clerk and desk (the request's).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.access.pads import PadFound
from counter.access.roles import Actor
from counter.actions.admin.office import office_settings
from counter.actions.admin.site import this_site
from counter.actions.ratings.record import (
    STALE_GRACE,
    PadShown,
    keep_rating,
    open_request,
    pad_case,
    rating_settings,
)
from counter.calendar.workdays import WorkCalendar
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.db.rating_page import site_rating_page
from counter.db.rating_store import RequestRow, add_lapse, open_pad_requests, request_row, to_utc
from counter.ratings.choice import RatingChoice
from counter.ratings.levels import Channel
from counter.ratings.recorded import RatingRecorded
from counter.ratings.refusals import RatingRefused
from counter.ratings.settings import RatingMode
from counter.ratings.status import DeskStatus, RequestState, SendRefusal
from counter.ratings.views import PadCase, PadDeviceStart

#: a pad not heard from this long past the end of the ask it held (or of the request it took) has gone away: the
#: pad program and the browser's page ask again at once when an ask ends, and two seconds after a failed one
PAD_AWAY_GRACE = dt.timedelta(seconds=5)


def pad_start(session: Session, pad: PadFound) -> PadDeviceStart:
    """The idle pad's page: who serves at its desk now (the newest live session there), and the office's."""
    site = this_site(session)
    clerk = staff_no = ""
    if pad.desk_no:
        found = session.execute(
            select(models.Account.name, models.Account.staff_no)
            .join(models.DeskSession, models.DeskSession.login == models.Account.login)
            .where(models.DeskSession.desk_no == pad.desk_no, models.DeskSession.ended_at.is_(None))
            .order_by(models.DeskSession.made_at.desc())
        ).first()
        if found is not None:
            clerk, staff_no = found
    settings, _problems = rating_settings(session)
    office_mn = office_settings(session, site.code).office_name_mn
    return PadDeviceStart(pad.name, pad.desk_no, clerk, staff_no, site.name, office_mn, settings)


def next_request(session: Session, pad: PadFound, now: dt.datetime) -> PadCase | None:
    """The oldest request of ``pad`` still open and within its time on the pad, as the pad is to show it; None."""
    settings, _problems = rating_settings(session)
    since = now - dt.timedelta(seconds=settings.timeout_seconds) - STALE_GRACE
    found = open_pad_requests(session, pad.name, since)
    if not found:
        return None
    request, staff_no = found[0]
    site = this_site(session)
    address = ""
    if settings.mode is RatingMode.REGION_PAGE and (page := site_rating_page(session)) is not None:
        address = page.address_for(request.case_no)
    shown = PadShown(request.id, request.round, site.name, request.desk_no, request.clerk, staff_no, "", pad.name)
    return pad_case(session, request.case_no, shown, settings, address)


def _pads_request(session: Session, pad: PadFound, request_id: int) -> tuple[RequestRow, str]:
    """The open request ``request_id`` if it is ``pad``'s, with the served clerk's staff number; refused
    ``other_pad`` when it belongs to another pad or to no pad (a desk's own pad window's)."""
    request = open_request(session, request_id)
    belongs = session.get(models.PadRequest, request.id)
    if belongs is None or belongs.pad != pad.name:
        raise RatingRefused(SendRefusal.OTHER_PAD, request.case_no)
    return request, belongs.staff_no


def _pad_desk(session: Session, pad: PadFound, request: RequestRow) -> Desk:
    """The desk a pad's act is recorded at: the request's (its site, desk and clerk), acted by the pad itself, which
    is no account and holds no role."""
    site = this_site(session)
    actor = Actor(f"pad:{pad.name}", pad.name, frozenset())
    return Desk(DeskIdentity(request.site_code, request.desk_no), request.clerk, actor, site_name=site.name)


def record_pad_rating(
    session: Session, pad: PadFound, request_id: int, choice: RatingChoice, now: dt.datetime, calendar: WorkCalendar
) -> RatingRecorded:
    """The applicant's rating given on ``pad``: kept on the pad device's channel, counted for the request's clerk."""
    request, staff_no = _pads_request(session, pad, request_id)
    desk = _pad_desk(session, pad, request)
    return keep_rating(session, request, choice, desk, now, calendar, Channel.HALL_TABLET, staff_no=staff_no)


def record_pad_unrated(session: Session, pad: PadFound, request_id: int, now: dt.datetime) -> str:
    """The applicant left ``pad``'s request unanswered past its time: recorded as unrated; its case number."""
    request, _staff_no = _pads_request(session, pad, request_id)
    add_lapse(session, request.id, now)
    return request.case_no


def request_state(session: Session, request_id: int, desk: Desk, now: dt.datetime) -> RequestState:
    """The state of a request ``desk`` asked, as it waits for its answer: rated, unrated or pending, and, pending on a
    pad device, whether the pad is still heard from.  Another desk's request is refused ``other_desk``."""
    request = request_row(session, request_id)
    if request is None:
        raise RatingRefused(SendRefusal.NO_REQUEST)
    if (request.site_code, request.desk_no) != (desk.identity.site_code, desk.identity.desk_no):
        raise RatingRefused(SendRefusal.OTHER_DESK, request.case_no)
    belongs = session.get(models.PadRequest, request.id)
    if request.status is not DeskStatus.PENDING or belongs is None:
        return RequestState(request.status)
    pad = models.HallPad
    heard = session.scalar(
        select(
            exists().where(
                pad.name == belongs.pad, pad.retired_at.is_(None), pad.heard_until >= to_utc(now - PAD_AWAY_GRACE)
            )
        )
    )
    return RequestState(request.status, pad_away=not heard)
