"""好差评's operations in process (:mod:`counter.service.ratings`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.orm import Session

from counter.actions.admin.calendar import office_calendar
from counter.actions.admin.office import office_settings
from counter.actions.cases import reach
from counter.actions.projects.project_reads import agent_service_figures
from counter.actions.ratings import follow_up, record, region_pull, sheet
from counter.actions.ratings.league_figures import league_figures as league_lines
from counter.actions.ratings.period_figures import period_figures as period_lines
from counter.db.channel_figures import channel_counts
from counter.db.engine import Sessions
from counter.parties.masking import mask_id
from counter.platform.region_ratings import RegionPull
from counter.projects.period_figures import PeriodFigures
from counter.ratings.export import RatingRecord
from counter.ratings.recorded import RatingRecorded
from counter.ratings.rectification import RectEvent, RectState
from counter.ratings.settings import RatingSettings
from counter.ratings.views import PadCase, RectificationAlert, RectificationRow
from counter.service.call import Call
from counter.service.ratings import (
    EXPORT_RECORDS,
    AlertsAfter,
    DecideAppeal,
    ExportDone,
    FileAppeal,
    KeyInSheet,
    LeagueAsked,
    MoveRectification,
    PadStart,
    PadStarting,
    Period,
    PeriodAsked,
    PullPass,
    RatingFigures,
    RatingFiguresAsked,
    RatingSheetOf,
    RecordRating,
    RecordUnrated,
    RectificationAsked,
    RectificationDetail,
    RectificationsAsked,
    SendToPad,
    SettingsAsked,
    SettingsRead,
    StaleClosing,
)
from counter.service.runs import at_desk

T = TypeVar("T")


def start_pad(work: Session, call: Call, request: PadStarting) -> PadStart:
    at = at_desk(call)
    lapsed = record.close_stale_requests(work, at, call.now)
    settings, problems = record.rating_settings(work)
    office = office_settings(work, at.identity.site_code)
    newest = follow_up.newest_rectification(work)
    return PadStart(tuple(lapsed), settings, tuple(problems), newest, office.office_name_mn)


def close_stale(work: Session, call: Call, request: StaleClosing) -> tuple[str, ...]:
    return tuple(record.close_stale_requests(work, at_desk(call), call.now))


def send_to_pad(work: Session, call: Call, request: SendToPad) -> PadCase:
    return record.send_to_pad(work, request.case_no, at_desk(call), call.now)


def record_rating(work: Session, call: Call, request: RecordRating) -> RatingRecorded:
    calendar = office_calendar(work)
    return record.record_rating(work, request.request_id, request.choice, at_desk(call), call.now, calendar)


def key_in_sheet(work: Session, call: Call, request: KeyInSheet) -> RatingRecorded:
    calendar = office_calendar(work)
    return record.key_in_sheet(work, request.case_no, request.paper, at_desk(call), call.now, calendar)


def rating_sheet(work: Session, call: Call, request: RatingSheetOf) -> bytes:
    return sheet.rating_sheet_pdf(work, at_desk(call), request.case_no, call.today)


def record_unrated(work: Session, call: Call, request: RecordUnrated) -> str:
    return record.record_unrated(work, request.request_id, at_desk(call), call.now)


def read_settings(work: Session, call: Call, request: SettingsAsked) -> SettingsRead:
    settings, problems = record.rating_settings(work)
    return SettingsRead(settings, tuple(problems))


def save_settings(work: Session, call: Call, request: RatingSettings) -> None:
    record.save_rating_settings(work, request, desk=call.desk)


def new_alerts(work: Session, call: Call, request: AlertsAfter) -> tuple[RectificationAlert, ...]:
    return tuple(follow_up.new_rectifications(work, request.last_seen))


def open_rectifications(work: Session, call: Call, request: RectificationsAsked) -> tuple[RectificationRow, ...]:
    return tuple(follow_up.open_rectifications(work, after=request.after, limit=request.limit))


def rectification_detail(work: Session, call: Call, request: RectificationAsked) -> RectificationDetail:
    view = follow_up.rectification_detail(work, request.rectification_id)
    offer = None if view is None else follow_up.appeal_offer(work, view.rating_id, desk=call.desk)
    return RectificationDetail(view, offer)


def move_rectification(work: Session, call: Call, request: MoveRectification) -> RectState:
    rect_id, by, note, now = request.rectification_id, _reviewer(call), request.note, call.now
    if request.event is RectEvent.REVISITED:
        return follow_up.record_revisit(work, rect_id, by, note, now, desk=call.desk)
    if request.event is RectEvent.FED_BACK:
        return follow_up.record_feedback(work, rect_id, by, note, now, desk=call.desk)
    if request.event is RectEvent.NOTE:
        return follow_up.add_rectification_note(work, rect_id, by, note, now, desk=call.desk)
    return follow_up.choose_handling(work, rect_id, request.event, by, note, now, request.fix_due, desk=call.desk)


def file_appeal(work: Session, call: Call, request: FileAppeal) -> None:
    follow_up.file_appeal(work, request.rating_id, _reviewer(call), request.reason, call.now, desk=call.desk)


def decide_appeal(work: Session, call: Call, request: DecideAppeal) -> None:
    r = request
    follow_up.decide_appeal(work, r.rating_id, _reviewer(call), r.ground, r.reason, r.upheld, call.now, desk=call.desk)


def rating_figures(work: Session, call: Call, request: RatingFiguresAsked) -> RatingFigures:
    lines, total = record.rating_figures(work, request.first, request.last, request.grouping, desk=call.desk)
    agent_service = agent_service_figures(work, request.first, request.last, desk=call.desk)
    return RatingFigures(lines, total, agent_service, channel_counts(work, request.first, request.last))


def export_records(work: Session, call: Call, request: Period) -> tuple[RatingRecord, ...]:
    """The raters' ID numbers whole only to an account that may see a person whole, each recorded as read."""
    desk = call.desk
    records = tuple(record.ratings_for_export(work, request.first, request.last, desk=desk))
    if desk is None:
        return records
    if not reach.may_see_whole(work, desk):
        return tuple(
            dataclasses.replace(r, rater_id_no=mask_id(r.rater_id_no) if r.rater_id_no else "") for r in records
        )
    for one in records:
        reach.note_read(work, desk, EXPORT_RECORDS.name, one.case_no, (one.rater_id_no,))
    return records


def _masked_id(id_no: str) -> str:
    return mask_id(id_no) if id_no else ""


def record_export(work: Session, call: Call, request: ExportDone) -> None:
    record.record_export(work, request.first, request.last, request.count, request.target, desk=call.desk)


def period_figures(work: Session, call: Call, request: PeriodAsked) -> PeriodFigures:
    r = request
    return period_lines(work, r.first, r.last, r.grouping, r.as_of or call.today, desk=call.desk)


def league_figures(work: Session, call: Call, request: LeagueAsked) -> PeriodFigures:
    r = request
    return league_lines(work, r.first, r.last, r.group, r.as_of or call.today, desk=call.desk).figures


def _reviewer(call: Call) -> str:
    """Who a rectification's step or an appeal is recorded as: the account signed in at the desk (at the hall server,
    the session's), never a name the request carries.  A township's desk without accounts files its clerk's appeal
    under the clerk its own settings name; the actions refuse it every other of these steps (a named reviewer's)."""
    at = at_desk(call)
    return at.actor.name if at.actor.signed_in else at.clerk


class _Transactions:
    """The pass's units of work: each one transaction of ``work``, committed when it returns, so that what came of
    one answer is kept before the next question."""

    def __init__(self, work: Sessions) -> None:
        self._work = work

    def write(self, action: Callable[[Session], T]) -> T:
        with self._work.begin() as session:
            return action(session)


def pull_region(work: Sessions, call: Call, request: PullPass) -> RegionPull:
    return region_pull.pull_pass(_Transactions(work), call.now, desk=call.desk)
