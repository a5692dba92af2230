"""Rating actions: send a service to the pad, record what the applicant chose (or keyed in from a paper 评价表), and
the settings, figures and export; following a bad rating up is :mod:`counter.actions.ratings.follow_up`.

One function per user action; the caller owns the session and commits once.
There is no action that changes or removes a rating: a mistaken or malicious
one is excluded by an appeal decision, recorded with who and why, and the
rating itself stays as it was given.  The desk side learns only
:class:`counter.ratings.status.DeskStatus` — never a level.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.access.roles import Permission
from counter.actions.admin.acting import this_desk
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.guard import require
from counter.actions.admin.hall_pads import paired_pad
from counter.actions.admin.office import office_settings
from counter.actions.cases import reach
from counter.actions.projects.project_reads import agent_service_figures
from counter.actions.ratings.follow_up import acting_reviewer, newest_rectification
from counter.actions.ratings.period_figures import rating_lines
from counter.audit.actions import AuditAction
from counter.calendar.workdays import WorkCalendar
from counter.catalog.model import TimeLimit
from counter.db import models
from counter.db.case_store import case_by_no, case_view
from counter.db.catalog_store import guide_version
from counter.db.channel_figures import channel_counts, quick_answers, request_shares
from counter.db.rating_page import site_rating_page
from counter.db.rating_store import (
    RequestRow,
    add_lapse,
    add_rating,
    add_rectification,
    add_rectification_line,
    add_request,
    open_pad_requests,
    pending_requests,
    rating_of_request,
    rating_records,
    rectification_of_rating,
    rectification_state,
    request_row,
    requests_of_case,
)
from counter.db.settings_store import get_setting, is_township, put_setting
from counter.parties.masking import mask_id
from counter.parties.names import mask_name
from counter.projects.evaluations import EvaluationCounts
from counter.ratings.channel_figures import ChannelCount, RequestShare
from counter.ratings.choice import ChoiceProblem, RatingChoice, choice_problems
from counter.ratings.eval_content import load_eval_content
from counter.ratings.export import RatingRecord, region_of
from counter.ratings.figures import Figures, Grouping
from counter.ratings.levels import BAD_LEVELS, PAD_CHANNELS, SECOND_SCREEN, Channel, is_bad
from counter.ratings.pad_reasons import level_reasons, offered_reasons
from counter.ratings.paper import PaperRating, paper_choice
from counter.ratings.recorded import RatingRecorded
from counter.ratings.rectification import (
    RatedClerk,
    RectEvent,
    RectState,
    is_own_rating,
    rectification_due,
)
from counter.ratings.refusals import ChoiceRefused, RatingRefused, SettingsRefused
from counter.ratings.settings import (
    KEYS,
    RatingMode,
    RatingSettings,
    SettingProblem,
    read_settings,
    settings_problems,
    settings_values,
)
from counter.ratings.status import DeskStatus, SendRefusal
from counter.ratings.stored_reasons import stored_reasons
from counter.ratings.views import PadCase, RectificationAlert

#: a request older than its time on the pad and this much more was left by a pad that stopped
STALE_GRACE = dt.timedelta(seconds=30)


# --- settings -----------------------------------------------------------------------------


def rating_settings(session: Session) -> tuple[RatingSettings, list[SettingProblem]]:
    """The office's settings; stored values that cannot be used are replaced by defaults and reported."""
    return read_settings({key: get_setting(session, key) for key in KEYS})


def save_rating_settings(session: Session, settings: RatingSettings, *, desk: Desk | None = None) -> None:
    """Keep the office's settings, changed at ``desk`` (this machine's, nobody signed in, when not given)."""
    by = this_desk(desk)
    require(session, by.actor, Permission.CHANGE_SETTINGS)
    problems = settings_problems(settings)
    if problems:
        raise SettingsRefused(problems)
    changed: dict[str, dict[str, str | None]] = {}
    for key, value in settings_values(settings).items():
        before = get_setting(session, key)
        if before != value:
            changed[key] = {"from": before, "to": value}
        put_setting(session, key, value)
    record_at_desk(session, by, AuditAction.SETTING_CHANGED, "ratings", changed)


def _period_text(period: TimeLimit) -> str:
    return f"{period.value} {period.unit.value}"


# --- the desk: send a service to the pad -----------------------------------------------------


def _round_for(requests: list[RequestRow], session: Session, case_no: str) -> int:
    """1 for a service never sent; 2 for a follow-up after a fed-back rectification; else refused."""
    if not requests:
        return 1
    latest = requests[-1]
    if latest.status is DeskStatus.PENDING:
        raise RatingRefused(SendRefusal.PENDING, case_no)
    if latest.round >= 2:
        raise RatingRefused(SendRefusal.FOLLOW_UP_DONE, case_no)
    if latest.status is DeskStatus.UNRATED:
        raise RatingRefused(SendRefusal.ALREADY_UNRATED, case_no)
    rated = rating_of_request(session, latest.id)
    if rated is not None:
        rectification = rectification_of_rating(session, rated[0])
        if rectification is not None and rectification_state(session, rectification) is RectState.FED_BACK:
            return 2
    raise RatingRefused(SendRefusal.ALREADY_RATED, case_no)


def send_to_pad(session: Session, case_no: str, desk: Desk, now: dt.datetime) -> PadCase:
    """Ask the applicant of ``case_no`` to rate the service: what the pad is to show.

    Refused (:class:`RatingRefused`) when the service was rated already (一次一评),
    is on the pad now, or lapsed unrated; a follow-up (round 2) is possible once,
    after the rectification of a bad first rating has been fed back.  A request
    a stopped pad left open counts as on the pad until
    :func:`close_stale_requests` closes it (in a transaction of its own).
    """
    require(session, desk.actor, Permission.SEND_TO_PAD)
    case = case_by_no(session, case_no)
    if case is None:
        raise RatingRefused(SendRefusal.NO_CASE, case_no)
    settings, _problems = rating_settings(session)
    round_ = _round_for(requests_of_case(session, case.id), session, case.case_no)
    address = ""
    if settings.mode is RatingMode.REGION_PAGE:
        page = site_rating_page(session)
        if page is None:
            raise RatingRefused(SendRefusal.NO_RATING_PAGE, case.case_no)
        address = page.address_for(case.case_no)
    where = desk.identity
    pad = paired_pad(session, where.desk_no)
    if not pad and settings.require_pad_device and _hall_desk(session, where.desk_no):
        raise RatingRefused(SendRefusal.NO_PAD_DEVICE, case.case_no)
    if pad:  # the pad device shows one request at a time, as the desk's own pad window does
        since = now - dt.timedelta(seconds=settings.timeout_seconds) - STALE_GRACE
        if shown_now := open_pad_requests(session, pad, since):
            raise RatingRefused(SendRefusal.PENDING, shown_now[0][0].case_no)
    request_id = add_request(session, case.id, round_, now, where.site_code, where.desk_no, desk.clerk)
    sent: dict[str, object] = {"request_id": request_id, "round": round_}
    if address:  # the rating was asked on the region's page: the desk's record of it is this entry and the request
        sent |= {"mode": settings.mode.value, "page": address}
    if pad:  # the desk's pad device shows it and alone answers it (pad_device.py)
        session.add(models.PadRequest(request_id=request_id, pad=pad, staff_no=desk.staff_no))
        sent["pad"] = pad
    record_at_desk(session, desk, AuditAction.SENT_TO_PAD, case.case_no, sent)
    shown = PadShown(request_id, round_, desk.site_name, where.desk_no, desk.clerk, desk.staff_no, desk.photo, pad)
    return pad_case(session, case.case_no, shown, settings, address)


def _hall_desk(session: Session, desk_no: str) -> bool:
    """Whether ``desk_no`` is a hall's window: registered at a hall server, on a site that is no township (whose one
    PC keeps its second-screen pad window whatever the setting says)."""
    return not is_township(session) and session.get(models.HallDesk, desk_no) is not None


@dataclasses.dataclass(frozen=True)
class PadShown:
    """What a pad shows of the request beside its case: the desk's, as the desk that asked it stood then."""

    request_id: int
    round: int
    office: str
    desk_no: str
    clerk: str
    staff_no: str
    photo: str
    pad_device: str


def pad_case(session: Session, case_no: str, shown: PadShown, settings: RatingSettings, address: str) -> PadCase:
    """What the pad is to show of the request ``shown`` on case ``case_no``: asked now by its desk, or fetched later
    by the pad device it belongs to (:mod:`counter.actions.ratings.pad_device`)."""
    view = case_view(session, case_no)
    assert view is not None
    case = case_by_no(session, case_no)
    assert case is not None
    content = load_eval_content()
    return PadCase(
        request_id=shown.request_id,
        case_no=case_no,
        round=shown.round,
        office=shown.office,
        desk_no=shown.desk_no,
        clerk=shown.clerk,
        staff_no=shown.staff_no,
        photo=shown.photo,
        bundle_name=view.bundle_name,
        rater_masked=mask_name(view.applicant_name),
        reasons=offered_reasons(settings, content),
        timeout_seconds=settings.timeout_seconds,
        level_reasons={level: level_reasons(settings, level, content) for level in sorted(BAD_LEVELS)},
        page_address=address,
        bundle_name_mn=guide.bundle.name_mn if (guide := guide_version(session, case.guide_version_id)) else "",
        taken_at=view.history[0].at if view.history else None,
        pad_device=shown.pad_device,
    )


# --- the pad: the applicant's answer ---------------------------------------------------------


def open_request(session: Session, request_id: int) -> RequestRow:
    request = request_row(session, request_id)
    if request is None:
        raise RatingRefused(SendRefusal.NO_REQUEST)
    if request.status is not DeskStatus.PENDING:
        raise RatingRefused(SendRefusal.REQUEST_CLOSED, request.case_no)
    return request


def _pad_request(session: Session, request_id: int, desk: Desk) -> RequestRow:
    """The open request ``request_id``, answered or lapsed by ``desk``: only the desk that raised it, whose pad shows
    it (at the hall server the desk is the session's, never one the request names).  Another desk's answer would
    forge the applicant's rating, or close the one chance she has to give it (一次一评)."""
    request = open_request(session, request_id)
    if session.get(models.PadRequest, request.id) is not None:  # the pad device's: answered under its key alone
        raise RatingRefused(SendRefusal.PAD_DEVICE, request.case_no)
    where = desk.identity
    if (request.site_code, request.desk_no) != (where.site_code, where.desk_no):
        raise RatingRefused(SendRefusal.OTHER_DESK, request.case_no)
    return request


def record_rating(
    session: Session,
    request_id: int,
    choice: RatingChoice,
    desk: Desk,
    now: dt.datetime,
    calendar: WorkCalendar,
) -> RatingRecorded:
    """Record the applicant's rating on the pad; a bad one opens its rectification in the same transaction.

    ``desk`` is the pad's, and must be the desk that raised the request (:class:`RatingRefused` ``other_desk``
    otherwise): its office, staff number and area code go into the record (the clerk and the desk number are the
    request's).  A rating given elsewhere (a paper 评价表, the region's system) is kept by :func:`keep_rating` with
    its channel and moment.  The pad that answers here is the desk's own window (its second screen): its rating is
    recorded on its own channel (:data:`SECOND_SCREEN`), never as a pad device's, because the desk's session carries
    it and the clerk rated could have given it.
    """
    request = _pad_request(session, request_id, desk)
    return keep_rating(session, request, choice, desk, now, calendar, SECOND_SCREEN)


def keep_rating(
    session: Session,
    request: RequestRow,
    choice: RatingChoice,
    desk: Desk,
    now: dt.datetime,
    calendar: WorkCalendar,
    channel: Channel = Channel.HALL_TABLET,
    rated_at: dt.datetime | None = None,
    more_problems: tuple[ChoiceProblem, ...] = (),
    staff_no: str | None = None,
) -> RatingRecorded:
    """The rating of ``request`` kept (:func:`record_rating` once the request is known to be open; the region's
    ratings pulled later take a lapsed one, :mod:`counter.actions.ratings.region_pull`); ``staff_no``: the served
    clerk's staff number where ``desk`` is not hers (a paper keyed in by a supervisor), else ``desk``'s."""
    settings, _problems = rating_settings(session)
    if settings.mode is RatingMode.REGION_PAGE and channel in PAD_CHANNELS:
        raise RatingRefused(SendRefusal.REGION_PAGE, request.case_no)  # the region's system holds that rating
    content = load_eval_content()
    problems = [*more_problems, *choice_problems(choice, level_reasons(settings, choice.level, content))]
    if problems:
        raise ChoiceRefused(problems)
    view = case_view(session, request.case_no)
    assert view is not None
    rating_id = add_rating(
        session,
        {
            "request_id": request.id,
            "level": choice.level.value,
            "channel": channel.value,
            "reasons": stored_reasons(choice.reasons, choice.level, content),
            "comment": choice.comment.strip(),
            "rated_at": rated_at or now,
            "rated_on": (rated_at or now).date(),
            "round": request.round,
            "case_no": view.case_no,
            "item_code": view.bundle_code,
            "item_name": view.bundle_name,
            "department": desk.site_name,
            "clerk": request.clerk,
            "staff_no": desk.staff_no if staff_no is None else staff_no,
            "desk_no": request.desk_no,
            "site_code": request.site_code,
            "region": region_of(desk.area_code),
            "rater_name": view.applicant_name,
            "rater_id_no": view.applicant_id_no,
            "rater_kind": view.applicant_kind,
            "anonymous": False,  # Inner Mongolia rates by real name
        },
    )
    recorded: dict[str, object] = {"case_no": view.case_no, "level": choice.level.value, "round": request.round}
    if not is_bad(choice.level):
        record_at_desk(session, desk, AuditAction.RATING_RECORDED, f"rating:{rating_id}", recorded, at=now)
        return RatingRecorded(rating_id, view.case_no, None)
    due = rectification_due(now.date(), settings.period, calendar)
    rect_id = add_rectification(
        session, rating_id, now, now.date(), _period_text(settings.period), due.date, due.beyond_data
    )
    add_rectification_line(session, rect_id, now, "", RectEvent.OPENED, RectState.AWAITING_REVISIT)
    # the rating and the rectification it opens, in one entry: both are written in this transaction
    recorded |= {"rectification": rect_id, "due_on": due.date.isoformat()}
    record_at_desk(session, desk, AuditAction.RATING_RECORDED, f"rating:{rating_id}", recorded, at=now)
    alert = RectificationAlert(rect_id, view.case_no, view.bundle_name, request.desk_no, request.clerk, due.date)
    return RatingRecorded(rating_id, view.case_no, alert)


def key_in_sheet(
    session: Session, case_no: str, paper: PaperRating, desk: Desk, now: dt.datetime, calendar: WorkCalendar
) -> RatingRecorded:
    """A paper 评价表 keyed in: the service's rating by channel 书面评价, dated as the applicant dated the paper.

    It takes the place of the pad's answer (the same one-rating-per-service rule, round and rectification); the
    moment it is keyed in is the audit entry's.  The paper rates the service, not whoever keys it in: it counts for
    the case's own site, desk and clerk, and is dated between the day the case was taken and today.

    Who keys it in: where accounts exist (a hall), a supervisor (:attr:`Permission.RECTIFY`, the 好差评 standing)
    who is not the clerk rated — nobody keys in their own rating; on a desk without accounts (a township's one desk,
    whose file the hall checks on import) the desk, as before, its paper still counted for the case's clerk.
    """
    actor = desk.actor
    require(session, actor, Permission.RECTIFY if actor.signed_in else Permission.SEND_TO_PAD)
    case = case_by_no(session, case_no)
    if case is None:
        raise RatingRefused(SendRefusal.NO_CASE, case_no)
    where = desk.identity
    own = desk.clerk == case.clerk and (where.site_code, where.desk_no) == (case.site_code, case.desk_no)
    if actor.signed_in and is_own_rating(RatedClerk(case.clerk, ""), acting_reviewer(session, desk)):
        raise RatingRefused(SendRefusal.OWN_SERVICE, case.case_no)
    choice, problems = paper_choice(paper, load_eval_content(), case.received_on, now.date())
    round_ = _round_for(requests_of_case(session, case.id), session, case.case_no)
    request_id = add_request(session, case.id, round_, now, case.site_code, case.desk_no, case.clerk)
    rated_at = dt.datetime.combine(paper.rated_on, dt.time(), tzinfo=now.tzinfo)
    request = open_request(session, request_id)
    staff_no = desk.staff_no if own else ""  # the served clerk's number is known only at her own desk
    return keep_rating(
        session, request, choice, desk, now, calendar, Channel.WRITTEN, rated_at, tuple(problems), staff_no
    )


def record_unrated(session: Session, request_id: int, desk: Desk, now: dt.datetime) -> str:
    """The pad's time ran out: the service is recorded as unrated (never as a rating); its case number.  Only the
    desk that raised the request lapses it (:func:`_pad_request`): another's would take the applicant's one chance."""
    request = _pad_request(session, request_id, desk)
    add_lapse(session, request.id, now)
    return request.case_no


def pad_start(
    session: Session, desk: Desk, now: dt.datetime
) -> tuple[list[str], RatingSettings, list[SettingProblem], int, str]:
    """What the pad needs at its start, read in one unit of work with the requests it closed: the cases a stopped pad
    left open, now recorded as unrated (:func:`close_stale_requests`); the settings and the stored ones' problems;
    the newest rectification (alerts are raised for those opened after it); the office's name in Mongolian."""
    lapsed = close_stale_requests(session, desk, now)
    settings, problems = rating_settings(session)
    office = office_settings(session, desk.identity.site_code)
    return lapsed, settings, problems, newest_rectification(session), office.office_name_mn


def close_stale_requests(session: Session, desk: Desk, now: dt.datetime) -> list[str]:
    """Requests this desk's pad left open past their time when it stopped: recorded as unrated.

    Only this desk's: another desk's pad may still be showing its request (every
    touch gives the applicant the full time again).  Their case numbers.
    """
    settings, _problems = rating_settings(session)
    cutoff = now - dt.timedelta(seconds=settings.timeout_seconds) - STALE_GRACE
    stale = pending_requests(session, cutoff, desk.identity.site_code, desk.identity.desk_no)
    for request in stale:
        add_lapse(session, request.id, now)
    return [r.case_no for r in stale]


# --- figures and export ---------------------------------------------------------------------


def rating_figures(
    session: Session, first: dt.date, last: dt.date, grouping: Grouping, *, desk: Desk | None = None
) -> tuple[tuple[Figures, ...], Figures]:
    """The period's figures, one line per group, and the total, for whoever acts at ``desk`` and may see them."""
    require(session, this_desk(desk).actor, Permission.SEE_FIGURES)
    return rating_lines(session, first, last, grouping)


def figures_of_period(
    session: Session, first: dt.date, last: dt.date, grouping: Grouping, *, desk: Desk | None = None
) -> tuple[tuple[Figures, ...], Figures, EvaluationCounts, tuple[ChannelCount, ...], int, tuple[RequestShare, ...]]:
    """The period's figures in one moment's read: one line per group and the total (:func:`rating_figures`), the
    帮您办 评价表s, the ratings by channel, the pads' answers faster than the question is read, and per clerk the
    share of the pads' requests answered."""
    lines, total = rating_figures(session, first, last, grouping, desk=desk)
    agent_service = agent_service_figures(session, first, last, desk=desk)
    channels, quick = channel_counts(session, first, last), quick_answers(session, first, last)
    return lines, total, agent_service, channels, quick, request_shares(session, first, last)


def ratings_for_export(
    session: Session, first: dt.date, last: dt.date, *, desk: Desk | None = None
) -> list[RatingRecord]:
    """The period's rating records, for the export; the caller records the export once it is written."""
    require(session, this_desk(desk).actor, Permission.SEE_FIGURES)
    return rating_records(session, first, last)


def ratings_shown_for_export(
    session: Session, first: dt.date, last: dt.date, operation: str, *, desk: Desk | None = None
) -> list[RatingRecord]:
    """The period's rating records (:func:`ratings_for_export`), the raters' ID numbers whole only to an account that
    may see a person whole, each recorded as read by ``operation``; masked to any other.  ``desk``: this machine's
    when not given, its reads recorded as any desk's (none is given whole unrecorded)."""
    shown = this_desk(desk)
    records = ratings_for_export(session, first, last, desk=shown)
    if not reach.may_see_whole(session, shown):
        return [dataclasses.replace(r, rater_id_no=mask_id(r.rater_id_no) if r.rater_id_no else "") for r in records]
    for one in records:
        reach.note_read(session, shown, operation, one.case_no, (one.rater_id_no,))
    return records


def record_export(
    session: Session,
    first: dt.date,
    last: dt.date,
    count: int,
    target: str,
    *,
    desk: Desk | None = None,
) -> None:
    """What left the database: the period, how many records, and where they went."""
    period = {"from": first.isoformat(), "to": last.isoformat()}
    detail: dict[str, object] = {"what": "ratings", **period, "records": count, "target": target}
    record_at_desk(session, this_desk(desk), AuditAction.EXPORTED, "ratings", detail)
