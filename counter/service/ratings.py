"""好差评: the pad's requests and answers, the office's rating settings, the 督办 page, the figures and the export.

The desk learns only whether a service was rated; the level goes to the supervisor's operations.  Nobody reviews
their own rating: the appeal's operations ask it of the account signed in, in the action
(:func:`counter.ratings.rectification.reviewer_problems`), whatever the gate let through.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.access.roles import Permission
from counter.case.league_figures import LeagueGroup
from counter.platform.region_ratings import RegionPull
from counter.projects.evaluations import EvaluationCounts
from counter.projects.period_figures import PeriodFigures
from counter.ratings.channel_figures import ChannelCount
from counter.ratings.choice import RatingChoice
from counter.ratings.export import RatingRecord
from counter.ratings.figures import Figures, Grouping
from counter.ratings.paper import PaperRating
from counter.ratings.recorded import RatingRecorded
from counter.ratings.rectification import AppealGround, RectEvent, RectState
from counter.ratings.settings import RatingSettings, SettingProblem
from counter.ratings.views import AppealOffer, PadCase, RectificationAlert, RectificationRow, RectificationView
from counter.service.operation import Open, read, write

_REFUSED = "counter.ratings.refusals:"


# --- the pad ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PadStarting:
    """The desk's pad starts: its requests left open before the call's moment are closed as lapsed."""


@dataclass(frozen=True)
class PadStart:
    """What the pad needs at its start, read in one unit of work with the requests it closed."""

    lapsed: tuple[str, ...]  # the cases a stopped pad left open, now recorded as unrated
    settings: RatingSettings
    problems: tuple[SettingProblem, ...]  # stored settings that could not be used: defaults stand in
    newest_rectification: int  # alerts are raised for those opened after it
    office_name_mn: str  # the office's name in Mongolian, for the idle pad's greeting


@dataclass(frozen=True)
class StaleClosing:
    """The desk's pad requests left open before the call's moment, closed as lapsed."""


@dataclass(frozen=True)
class SendToPad:
    case_no: str


@dataclass(frozen=True)
class RecordRating:
    request_id: int
    choice: RatingChoice


@dataclass(frozen=True)
class KeyInSheet:
    case_no: str
    paper: PaperRating


@dataclass(frozen=True)
class RatingSheetOf:
    case_no: str


@dataclass(frozen=True)
class RecordUnrated:
    request_id: int


START_PAD = write(
    "ratings.start_pad",
    PadStarting,
    PadStart,
    Open.ANY_DESK,
    "counter.service.runs.ratings:start_pad",
    doc="Close what this desk's stopped pad left open, and read what the idle pad shows.",
)
CLOSE_STALE = write(
    "ratings.close_stale",
    StaleClosing,
    tuple[str, ...],
    Open.ANY_DESK,
    "counter.service.runs.ratings:close_stale",
    doc="Requests this desk's pad left open past their time, recorded as unrated: their case numbers.",
)
SEND_TO_PAD = write(
    "ratings.send_to_pad",
    SendToPad,
    PadCase,
    Permission.SEND_TO_PAD,
    "counter.service.runs.ratings:send_to_pad",
    faults=(_REFUSED + "RatingRefused",),
    doc="Ask the applicant to rate the service: what the pad is to show; once per service (一次一评).",
)
RECORD_RATING = write(
    "ratings.record_rating",
    RecordRating,
    RatingRecorded,
    Open.ANY_DESK,
    "counter.service.runs.ratings:record_rating",
    faults=(_REFUSED + "RatingRefused", _REFUSED + "ChoiceRefused"),
    doc="The applicant's rating, from the desk that raised the request; a bad one opens its rectification and alerts "
    "the supervisor.",
)
KEY_IN_SHEET = write(
    "ratings.key_in_sheet",
    KeyInSheet,
    RatingRecorded,
    Open.IN_ACTION,  # a supervisor who is not the clerk rated; a desk without accounts keys its own
    "counter.service.runs.ratings:key_in_sheet",
    faults=(_REFUSED + "RatingRefused", _REFUSED + "ChoiceRefused"),
    doc="A paper 评价表 keyed in by a supervisor other than the clerk rated: the service's rating by channel 书面评价, "
    "with the paper's date and reason codes, counted for the case's own clerk and desk.",
)
RATING_SHEET = read(
    "ratings.rating_sheet",
    RatingSheetOf,
    bytes,
    Permission.PRINT,
    "counter.service.runs.ratings:rating_sheet",
    faults=(_REFUSED + "RatingRefused",),
    doc="The paper 评价表 of a service (PDF), for a desk with no pad: nothing is stored.",
)
RECORD_UNRATED = write(
    "ratings.record_unrated",
    RecordUnrated,
    str,
    Open.ANY_DESK,
    "counter.service.runs.ratings:record_unrated",
    faults=(_REFUSED + "RatingRefused",),
    doc="The pad's time ran out: the service is recorded as unrated, by the desk that raised the request; its case "
    "number.",
)


# --- the office's settings -------------------------------------------------------------------


@dataclass(frozen=True)
class SettingsAsked:
    """A request that carries nothing but the desk it is asked for."""


@dataclass(frozen=True)
class SettingsRead:
    settings: RatingSettings
    problems: tuple[SettingProblem, ...]  # stored values that could not be used: defaults stand in


READ_SETTINGS = read(
    "ratings.read_settings",
    SettingsAsked,
    SettingsRead,
    Open.ANY_DESK,
    "counter.service.runs.ratings:read_settings",
    doc="The office's rating settings, and the stored values that could not be used.",
)
SAVE_SETTINGS = write(
    "ratings.save_settings",
    RatingSettings,
    None,
    Permission.CHANGE_SETTINGS,
    "counter.service.runs.ratings:save_settings",
    faults=(_REFUSED + "SettingsRefused",),
    doc="Keep the office's rating settings; every problem at once, and nothing kept unless there is none.",
)


# --- the supervisor: rectifications and appeals ------------------------------------------------


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


NEW_ALERTS = read(
    "ratings.new_alerts",
    AlertsAfter,
    tuple[RectificationAlert, ...],
    Open.ANY_DESK,
    "counter.service.runs.ratings:new_alerts",
    doc="Rectifications opened at any desk after the last one alerted.",
)
OPEN_RECTIFICATIONS = read(
    "ratings.open_rectifications",
    RectificationsAsked,
    tuple[RectificationRow, ...],
    Open.ANY_DESK,
    "counter.service.runs.ratings:open_rectifications",
    doc="Open rectifications of every desk, earliest due first, a page at a time.",
)
RECTIFICATION_DETAIL = read(
    "ratings.rectification_detail",
    RectificationAsked,
    RectificationDetail,
    Open.ANY_DESK,
    "counter.service.runs.ratings:rectification_detail",
    doc="A rectification, and what the asking desk may do about its rating's appeal, and why not the rest.",
)
MOVE_RECTIFICATION = write(
    "ratings.move_rectification",
    MoveRectification,
    RectState,
    Permission.RECTIFY,
    "counter.service.runs.ratings:move_rectification",
    faults=(_REFUSED + "MoveRefused",),
    doc="A step of a rectification, by whoever may rectify; the state it leaves.",
)
FILE_APPEAL = write(
    "ratings.file_appeal",
    FileAppeal,
    None,
    Open.IN_ACTION,
    "counter.service.runs.ratings:file_appeal",
    faults=(_REFUSED + "AppealRefused",),
    doc="An appeal (申诉) of a 差评, by the clerk rated or a supervisor for her; the rating stays counted.",
)
DECIDE_APPEAL = write(
    "ratings.decide_appeal",
    DecideAppeal,
    None,
    Permission.RECTIFY,
    "counter.service.runs.ratings:decide_appeal",
    faults=(_REFUSED + "AppealRefused",),
    doc="An appeal decided (复核) by a supervisor signed in who is not the clerk rated; upheld, it excludes it.",
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


@dataclass(frozen=True)
class ExportDone:
    first: dt.date
    last: dt.date
    count: int
    target: str  # where the records went: "stdout" or "file:PATH"


RATING_FIGURES = read(
    "ratings.rating_figures",
    RatingFiguresAsked,
    RatingFigures,
    Permission.SEE_FIGURES,
    "counter.service.runs.ratings:rating_figures",
    doc="The period's 好差评 figures by day, desk, clerk or bundle, with the 帮您办 channel's.",
)
EXPORT_RECORDS = read(
    "ratings.export_records",
    Period,
    tuple[RatingRecord, ...],
    Permission.SEE_FIGURES,
    "counter.service.runs.ratings:export_records",
    doc="The period's rating records, for the export; recorded once written (ratings.record_export).",
)
RECORD_EXPORT = write(
    "ratings.record_export",
    ExportDone,
    None,
    Permission.SEE_FIGURES,
    "counter.service.runs.ratings:record_export",
    doc="What left the database: the period, how many records, and where they went.",
)


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


@dataclass(frozen=True)
class PullPass:
    """One pass of the region's ratings pull, at the call's moment."""


PULL_REGION = write(
    "ratings.pull_region",
    PullPass,
    RegionPull,
    Open.ANY_DESK,  # the hall's own work, asked of no account
    "counter.service.runs.ratings:pull_region",
    whole=True,
    doc="The region's ratings of the recent unrated cases (补充评价 by QR) taken in as their first ratings, then the "
    "site's default rating where its rule is set; what came of it.",
)
PERIOD_FIGURES = read(
    "ratings.period_figures",
    PeriodAsked,
    PeriodFigures,
    Permission.SEE_FIGURES,
    "counter.service.runs.ratings:period_figures",
    doc="The period's ratings, cases, 即办件 and rectifications per day, desk, clerk, bundle or site, and the total.",
)
LEAGUE_FIGURES = read(
    "ratings.league_figures",
    LeagueAsked,
    PeriodFigures,
    Permission.SEE_FIGURES,
    "counter.service.runs.ratings:league_figures",
    doc="A league's period over the halls it received by sync, per county or per hall, and the total.",
)
