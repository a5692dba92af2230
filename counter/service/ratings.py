"""好差评: the pad's requests and answers, the office's rating settings, the figures and the export; the 督办 page's
rectifications and appeals are :mod:`counter.service.rectifications`.

The desk learns only whether a service was rated; the level goes to the supervisor's operations.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.case.league_figures import LeagueGroup
from counter.platform.region_ratings import RegionPull
from counter.projects.evaluations import EvaluationCounts
from counter.projects.period_figures import PeriodFigures
from counter.ratings.channel_figures import ChannelCount, RequestShare
from counter.ratings.choice import RatingChoice
from counter.ratings.export import RatingRecord
from counter.ratings.figures import Figures, Grouping
from counter.ratings.paper import PaperRating
from counter.ratings.recorded import RatingRecorded
from counter.ratings.settings import RatingSettings, SettingProblem
from counter.ratings.status import RequestState
from counter.ratings.views import PadCase
from counter.service.call import Call, at_desk
from counter.service.operation import Open, read, write
from counter.service.requests import CaseNo, Nothing

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counter.db.engine import Sessions

_REFUSED = "counter.ratings.refusals:"


# --- the pad ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PadStart:
    """What the pad needs at its start, read in one unit of work with the requests it closed."""

    lapsed: tuple[str, ...]  # the cases a stopped pad left open, now recorded as unrated
    settings: RatingSettings
    problems: tuple[SettingProblem, ...]  # stored settings that could not be used: defaults stand in
    newest_rectification: int  # alerts are raised for those opened after it
    office_name_mn: str  # the office's name in Mongolian, for the idle pad's greeting


@dataclass(frozen=True)
class RecordRating:
    request_id: int
    choice: RatingChoice


@dataclass(frozen=True)
class KeyInSheet:
    case_no: str
    paper: PaperRating


@dataclass(frozen=True)
class RequestId:
    """One rating request: the one the pad's time ran out on (``ratings.record_unrated``), the one the desk that asked
    it reads as it waits (``ratings.request_state``)."""

    request_id: int


def start_pad(work: Session, call: Call, request: Nothing) -> PadStart:
    """Close what this desk's stopped pad left open, and read what the idle pad shows."""
    from counter.actions.ratings import record

    lapsed, settings, problems, newest, office_name_mn = record.pad_start(work, at_desk(call), call.now)
    return PadStart(tuple(lapsed), settings, tuple(problems), newest, office_name_mn)


START_PAD = write("ratings.start_pad", Open.ANY_DESK, start_pad)


def close_stale(work: Session, call: Call, request: Nothing) -> tuple[str, ...]:
    """Requests this desk's pad left open past their time, recorded as unrated: their case numbers."""
    from counter.actions.ratings import record

    return tuple(record.close_stale_requests(work, at_desk(call), call.now))


CLOSE_STALE = write("ratings.close_stale", Open.ANY_DESK, close_stale)


def send_to_pad(work: Session, call: Call, request: CaseNo) -> PadCase:
    """Ask the applicant to rate the service: what the pad is to show; once per service (一次一评)."""
    from counter.actions.ratings import record

    return record.send_to_pad(work, request.case_no, at_desk(call), call.now)


SEND_TO_PAD = write("ratings.send_to_pad", Permission.SEND_TO_PAD, send_to_pad, faults=(_REFUSED + "RatingRefused",))


def request_state(work: Session, call: Call, request: RequestId) -> RequestState:
    """A request this desk asked, as it waits: rated or not, and whether the pad device showing it is still heard
    from (its held ask renewed), so that the clerk is told a pad that went away and a rating given on it."""
    from counter.actions.ratings import pad_device

    return pad_device.request_state(work, request.request_id, at_desk(call), call.now)


REQUEST_STATE = read("ratings.request_state", Open.ANY_DESK, request_state, faults=(_REFUSED + "RatingRefused",))


def record_rating(work: Session, call: Call, request: RecordRating) -> RatingRecorded:
    """The applicant's rating, from the desk that raised the request; a bad one opens its rectification and alerts the
    supervisor."""
    from counter.actions.admin.calendar import office_calendar
    from counter.actions.ratings import record

    calendar = office_calendar(work)
    return record.record_rating(work, request.request_id, request.choice, at_desk(call), call.now, calendar)


RECORD_RATING = write(
    "ratings.record_rating",
    Open.ANY_DESK,
    record_rating,
    faults=(_REFUSED + "RatingRefused", _REFUSED + "ChoiceRefused"),
)


def key_in_sheet(work: Session, call: Call, request: KeyInSheet) -> RatingRecorded:
    """A paper 评价表 keyed in by a supervisor other than the clerk rated: the service's rating by channel 书面评价,
    with the paper's date and reason codes, counted for the case's own clerk and desk."""
    from counter.actions.admin.calendar import office_calendar
    from counter.actions.ratings import record

    calendar = office_calendar(work)
    return record.key_in_sheet(work, request.case_no, request.paper, at_desk(call), call.now, calendar)


# a supervisor who is not the clerk rated; a desk without accounts keys its own
KEY_IN_SHEET = write(
    "ratings.key_in_sheet",
    Open.IN_ACTION,
    key_in_sheet,
    faults=(_REFUSED + "RatingRefused", _REFUSED + "ChoiceRefused"),
)


def rating_sheet(work: Session, call: Call, request: CaseNo) -> bytes:
    """The paper 评价表 of a service (PDF), for a desk with no pad: nothing is stored."""
    from counter.actions.ratings import sheet

    return sheet.rating_sheet_pdf(work, at_desk(call), request.case_no, call.today)


RATING_SHEET = read("ratings.rating_sheet", Permission.PRINT, rating_sheet, faults=(_REFUSED + "RatingRefused",))


def record_unrated(work: Session, call: Call, request: RequestId) -> str:
    """The pad's time ran out: the service is recorded as unrated, by the desk that raised the request; its case
    number."""
    from counter.actions.ratings import record

    return record.record_unrated(work, request.request_id, at_desk(call), call.now)


RECORD_UNRATED = write("ratings.record_unrated", Open.ANY_DESK, record_unrated, faults=(_REFUSED + "RatingRefused",))


# --- the office's settings -------------------------------------------------------------------


@dataclass(frozen=True)
class SettingsRead:
    settings: RatingSettings
    problems: tuple[SettingProblem, ...]  # stored values that could not be used: defaults stand in


def read_settings(work: Session, call: Call, request: Nothing) -> SettingsRead:
    """The office's rating settings, and the stored values that could not be used."""
    from counter.actions.ratings import record

    settings, problems = record.rating_settings(work)
    return SettingsRead(settings, tuple(problems))


READ_SETTINGS = read("ratings.read_settings", Open.ANY_DESK, read_settings)


def save_settings(work: Session, call: Call, request: RatingSettings) -> None:
    """Keep the office's rating settings; every problem at once, and nothing kept unless there is none."""
    from counter.actions.ratings import record

    record.save_rating_settings(work, request, desk=call.desk)


SAVE_SETTINGS = write(
    "ratings.save_settings", Permission.CHANGE_SETTINGS, save_settings, faults=(_REFUSED + "SettingsRefused",)
)


# --- figures and the export ------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    first: dt.date
    last: dt.date


@dataclass(frozen=True)
class RatingFiguresAsked:
    first: dt.date
    last: dt.date
    grouping: Grouping


@dataclass(frozen=True)
class RatingFigures:
    """The period's figures, one line per group, the total, the 帮您办 评价表s and the ratings by channel: one
    moment's read."""

    lines: tuple[Figures, ...]
    total: Figures
    agent_service: EvaluationCounts
    channels: tuple[ChannelCount, ...] = ()
    quick_answers: int = 0  # of the pads' first ratings, those given sooner than a person reads the question
    requests: tuple[RequestShare, ...] = ()  # per clerk, the pads' requests sent and answered


@dataclass(frozen=True)
class ExportDone:
    first: dt.date
    last: dt.date
    count: int
    target: str  # where the records went: "stdout" or "file:PATH"


def rating_figures(work: Session, call: Call, request: RatingFiguresAsked) -> RatingFigures:
    """The period's 好差评 figures by day, desk, clerk or bundle, with the 帮您办 channel's."""
    from counter.actions.ratings import record

    r = request
    return RatingFigures(*record.figures_of_period(work, r.first, r.last, r.grouping, desk=call.desk))


RATING_FIGURES = read("ratings.rating_figures", Permission.SEE_FIGURES, rating_figures)


def export_records(work: Session, call: Call, request: Period) -> tuple[RatingRecord, ...]:
    """The period's rating records, for the export; recorded once written (ratings.record_export)."""
    from counter.actions.ratings import record

    r = request
    return tuple(record.ratings_shown_for_export(work, r.first, r.last, EXPORT_RECORDS.name, desk=call.desk))


EXPORT_RECORDS = read("ratings.export_records", Permission.SEE_FIGURES, export_records)


def record_export(work: Session, call: Call, request: ExportDone) -> None:
    """What left the database: the period, how many records, and where they went."""
    from counter.actions.ratings import record

    record.record_export(work, request.first, request.last, request.count, request.target, desk=call.desk)


RECORD_EXPORT = write("ratings.record_export", Permission.SEE_FIGURES, record_export)


@dataclass(frozen=True)
class PeriodAsked:
    """The period ``first`` to ``last`` (both included), grouped; overdue judged on ``as_of`` (a day the
    supervisor asks the figures as of), else on the call's day."""

    first: dt.date
    last: dt.date
    grouping: Grouping
    as_of: dt.date | None = None


@dataclass(frozen=True)
class LeagueAsked:
    """As :class:`PeriodAsked`, by league group."""

    first: dt.date
    last: dt.date
    group: LeagueGroup
    as_of: dt.date | None = None


def pull_region(work: Sessions, call: Call, request: Nothing) -> RegionPull:
    """The region's ratings of the recent unrated cases (补充评价 by QR) taken in as their first ratings, then the
    site's default rating where its rule is set; what came of it."""
    from counter.actions.outbox.frame import Transactions
    from counter.actions.ratings import region_pull

    return region_pull.pull_pass(Transactions(work), call.now, desk=call.desk)


# the hall's own work, asked of no account
PULL_REGION = write("ratings.pull_region", Open.ANY_DESK, pull_region, whole=True)


def period_figures(work: Session, call: Call, request: PeriodAsked) -> PeriodFigures:
    """The period's ratings, cases, 即办件 and rectifications per day, desk, clerk, bundle or site, and the total."""
    from counter.actions.ratings.period_figures import period_figures as period_lines

    r = request
    return period_lines(work, r.first, r.last, r.grouping, r.as_of or call.today, desk=call.desk)


PERIOD_FIGURES = read("ratings.period_figures", Permission.SEE_FIGURES, period_figures)


def league_figures(work: Session, call: Call, request: LeagueAsked) -> PeriodFigures:
    """A league's period over the halls it received by sync, per county or per hall, and the total."""
    from counter.actions.ratings.league_figures import league_figures as league_lines

    r = request
    return league_lines(work, r.first, r.last, r.group, r.as_of or call.today, desk=call.desk).figures


LEAGUE_FIGURES = read("ratings.league_figures", Permission.SEE_FIGURES, league_figures)
