"""Plain data the screens show: what the pad puts in front of the applicant, what the supervisor follows.

Built by :mod:`counter.db.rating_store` and :mod:`counter.actions.ratings.record`; they
cross Qt signals, so they are frozen dataclasses and never ORM objects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from counter.ratings.levels import Level
from counter.ratings.rectification import (
    AppealGround,
    AppealProblem,
    AppealStatus,
    RectEvent,
    RectState,
    effective_due,
    is_overdue,
)
from counter.ratings.settings import RatingSettings


@dataclass(frozen=True, slots=True)
class PadCase:
    """One service on the pad: who served, what for, and whose it is (name masked)."""

    request_id: int
    case_no: str
    round: int  # 1 the service itself, 2 a follow-up after rectification
    office: str
    desk_no: str
    clerk: str
    staff_no: str
    photo: str  # path of the clerk's photo; "" none
    bundle_name: str
    rater_masked: str
    reasons: tuple[str, ...]  # every reason the pad may offer, as it offers them
    timeout_seconds: int
    #: the buttons after each bad level: its national 测评内容, then the office's own (pad_reasons.level_reasons)
    level_reasons: dict[Level, tuple[str, ...]] = field(default_factory=dict)
    #: the site rates on the 自治区 system's page (RatingMode.REGION_PAGE): its address for this 办件编号, shown as a
    #: QR code and in text instead of the faces; "" the pad's own faces
    page_address: str = ""
    #: the bundle's name in Mongolian script, where the catalog gives one (its guide version's); "" none
    bundle_name_mn: str = ""
    #: when the case was taken (its first history line, stored UTC): the pad shows it beside the masked name, so the
    #: applicant knows the service asked about is hers; None where the case has no history
    taken_at: dt.datetime | None = None
    #: the pad device (评价器) paired to the desk that asked, which shows the request and alone answers it; "" the
    #: desk's own pad window (its second screen)
    pad_device: str = ""


@dataclass(frozen=True, slots=True)
class RectificationAlert:
    """A bad rating has just opened a rectification: what the supervisor is told."""

    rectification_id: int
    case_no: str
    bundle_name: str
    desk_no: str
    clerk: str
    due_on: dt.date


@dataclass(frozen=True, slots=True)
class RectificationRow:
    rectification_id: int
    case_no: str
    bundle_name: str
    desk_no: str
    clerk: str
    level: Level
    rated_at: dt.datetime
    opened_on: dt.date
    due_on: dt.date
    due_beyond_data: bool
    state: RectState
    fix_due: dt.date | None  # the ledger date of a 限期整改
    appealing: bool = False  # 申诉中: an appeal of its rating filed and not decided

    @property
    def due(self) -> dt.date:
        return effective_due(self.due_on, self.state, self.fix_due)

    def overdue(self, today: dt.date) -> bool:
        return is_overdue(self.due, self.state, today)

    def page_key(self) -> tuple[dt.date, int]:
        """Where the list stands after this row: it is ordered by due date, then by number."""
        return self.due, self.rectification_id


@dataclass(frozen=True, slots=True)
class RectHistoryLine:
    at: dt.datetime
    by: str
    event: RectEvent
    state_after: RectState
    note: str
    fix_due: dt.date | None


@dataclass(frozen=True, slots=True)
class AppealLine:
    at: dt.datetime
    by: str
    ground: AppealGround
    upheld: bool
    reason: str


@dataclass(frozen=True, slots=True)
class RectificationView:
    row: RectificationRow
    rating_id: int
    round: int
    rater_masked: str
    reasons: tuple[str, ...]
    comment: str
    history: tuple[RectHistoryLine, ...]
    appeals: tuple[AppealLine, ...]

    @property
    def excluded(self) -> bool:
        return any(a.upheld for a in self.appeals)


@dataclass(frozen=True, slots=True)
class AppealOffer:
    """What the supervisor's page offers of a rating's appeal at this desk, and why not what it does not."""

    status: AppealStatus
    filing: tuple[AppealProblem, ...]  # why it cannot be filed (申诉) here; empty: it can, given a reason
    deciding: tuple[AppealProblem, ...]  # why it cannot be decided (复核) here; empty: it can

    @property
    def may_file(self) -> bool:
        return not self.filing

    @property
    def may_decide(self) -> bool:
        return not self.deciding


@dataclass(frozen=True, slots=True)
class PadDeviceStart:
    """What a pad device shows while idle: its desk, the clerk signed in there now ("" none), the office's name in
    both scripts, and the office's rating settings."""

    pad: str
    desk_no: str
    clerk: str
    staff_no: str
    office: str
    office_name_mn: str
    settings: RatingSettings
