"""The intake at the window: its guide, its preview at each change, its commit, and what the desk asks around it.

Each intake's draft is kept while the clerk types, offered back at start and dropped when given up or taken; the
outcome is previewed at each change and decided again on commit from the stored guide version; the month's 即办件
figures are read; the hall's intake rules and 证照库 are read and set.  A taken case's 当场办结 and 告知承诺 act on
the case after its intake: they are :mod:`counter.service.cases`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.case.intake_request import IntakeRequest, TakenIntake
from counter.case.month_figures import MonthFigures
from counter.case.open_cases import OpenCase
from counter.case.promise_figures import FigureGroup, month_days
from counter.catalog.stored_guide import StoredGuide
from counter.documents.outcome_preview import PreviewGrounds
from counter.host.outward.licence_library import LookUp
from counter.intake.draft import IntakeDraft
from counter.intake.kept_drafts import KeptDrafts
from counter.intake.known_party import KnownParty
from counter.intake.licences import LibrarySettings
from counter.intake.request_file import IntakeFile
from counter.intake.rules import IntakeRules
from counter.service.call import Call, at_desk
from counter.service.operation import Open, read, write
from counter.service.requests import BundleCode, CaseNo, Nothing

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: what refuses an intake: the form not yet takeable, the desk's numbers behind or in another site's series
_TAKE_FAULTS = (
    "counter.intake.not_possible:IntakeNotPossible",
    "counter.intake.file_refused:FileDoesNotFit",
    "counter.case.number_faults:NumbersBehind",
    "counter.case.number_faults:OtherSeries",
    "counter.case.pages:PageRefused",
)


@dataclass(frozen=True)
class KeepDraft:
    draft: IntakeDraft

    def __post_init__(self) -> None:
        if not self.draft.uid:  # refused as the request's type: a draft is kept under its intake's uid
            raise ValueError("a draft is kept under its intake's uid")
        self.draft.guide_version_id  # noqa: B018  ValueError for a guide version that is no number: refused as the type


@dataclass(frozen=True)
class DraftOf:
    """One unfinished intake of the desk, by its uid (:attr:`counter.intake.draft.IntakeDraft.uid`)."""

    uid: str


@dataclass(frozen=True)
class GuideVersion:
    version_id: int


@dataclass(frozen=True)
class KnownPartyOf:
    id_no: str


@dataclass(frozen=True)
class OpenCasesOf:
    """An applicant (居民身份证号 or 统一社会信用代码) and the bundle she is being taken for."""

    id_no: str
    bundle_code: str


@dataclass(frozen=True)
class TakeIntake:
    """The intake, taken on the call's day: the day the application arrived is the day it is taken."""

    request: IntakeRequest


@dataclass(frozen=True)
class TakeFromFile:
    file: IntakeFile


@dataclass(frozen=True)
class SaveIntakeRules:
    rules: IntakeRules


@dataclass(frozen=True)
class SaveLibrary:
    settings: LibrarySettings


@dataclass(frozen=True)
class LookUpLicences:
    """What the 证照库 holds of one applicant (居民身份证号 or 统一社会信用代码) of these licence types."""

    holder_id: str
    types: tuple[str, ...]
    reason: str = ""  # 用证事由 (counter.intake.licence_trust.use_reason): the library logs every use with it


@dataclass(frozen=True)
class FiguresOfMonth:
    month: str  # YYYY-MM
    group: FigureGroup

    def __post_init__(self) -> None:
        month_days(self.month)  # ValueError for what is no month: refused as the request's type


# --- the draft ----------------------------------------------------------------------------------------------


def keep_draft(work: Session, call: Call, request: KeepDraft) -> None:
    """Keep one unfinished intake of the desk under its uid, replacing its own draft kept before and the desk's older
    one of the same applicant; only by an account that takes intakes (a department's, signed in at a clerk's desk,
    would overwrite the clerk's applicant)."""
    from counter.actions.intake import drafts

    drafts.keep_draft(work, at_desk(call), request.draft)


KEEP_DRAFT = write("intake.keep_draft", Permission.TAKE_INTAKE, keep_draft)


def drop_draft(work: Session, call: Call, request: DraftOf) -> None:
    """The clerk gave the intake up: its draft is no longer kept, the desk's others are; only by an account that takes
    intakes (the desk's drafts are the clerk's)."""
    from counter.actions.intake import drafts

    drafts.remove_draft(work, at_desk(call), request.uid)


DROP_DRAFT = write("intake.drop_draft", Permission.TAKE_INTAKE, drop_draft)


def check_drafts(work: Session, call: Call, request: Nothing) -> KeptDrafts:
    """The desk's unfinished intakes, each checked against its guide, newest first; those that cannot be used are
    dropped and named; none to an account that may not take an intake. Safe to ask again: no receipt keeps its
    answer."""
    from counter.actions.intake import reads_shown

    return reads_shown.desk_drafts(work, at_desk(call), CHECK_DRAFT.name)


CHECK_DRAFT = write("intake.check_draft", Open.ANY_DESK, check_drafts, receipt=False)

# --- the form and its commit --------------------------------------------------------------------------------


def read_guide_version(work: Session, call: Call, request: GuideVersion) -> StoredGuide | None:
    """One stored guide version (a draft's, a case's); None when it is gone."""
    from counter.actions.catalog.guides import guide_version

    return guide_version(work, request.version_id)


READ_GUIDE_VERSION = read("intake.read_guide_version", Open.ANY_DESK, read_guide_version)


def read_current_guide(work: Session, call: Call, request: BundleCode) -> StoredGuide | None:
    """The newest guide version of a bundle, the one an intake opens on; None when the bundle is unknown."""
    from counter.actions.catalog.guides import current_guide

    return current_guide(work, request.bundle_code)


READ_CURRENT_GUIDE = read("intake.read_current_guide", Open.ANY_DESK, read_current_guide)


def draft_guides_taken(work: Session, call: Call, request: Nothing) -> bool:
    """Whether an intake may be taken on a 待核 guide here: the training database, or a site that allows it."""
    from counter.actions.catalog.guide_status import drafts_may_be_taken

    return drafts_may_be_taken(work)


DRAFT_GUIDES_TAKEN = read("intake.draft_guides_taken", Open.ANY_DESK, draft_guides_taken)


def site_set_up(work: Session, call: Call, request: Nothing) -> bool:
    """Whether someone chose this site's identity, rather than the program making it at first use."""
    from counter.actions.admin.site import site_is_set_up

    return site_is_set_up(work)


SITE_SET_UP = read("intake.site_set_up", Open.ANY_DESK, site_set_up)


def preview_grounds(work: Session, call: Call, request: GuideVersion) -> PreviewGrounds:
    """What an intake's preview is decided from besides the form, read once when the intake opens."""
    from counter.actions.intake.preview_grounds import preview_grounds as grounds_of

    return grounds_of(work, request.version_id, at_desk(call).identity.site_code)


PREVIEW_GROUNDS = read("intake.preview_grounds", Open.ANY_DESK, preview_grounds)


def known_party_of(work: Session, call: Call, request: KnownPartyOf) -> KnownParty | None:
    """一证办理: the person or company of this ID number or credit code as earlier cases knew it; None if none."""
    from counter.actions.intake import reads_shown

    return reads_shown.party_on_file(work, at_desk(call), request.id_no, KNOWN_PARTY.name)


# TAKE_INTAKE and SEE_FULL_ID: its answer cannot be masked (counter.actions.cases.reach)
KNOWN_PARTY = read("intake.known_party", Open.IN_ACTION, known_party_of)


def open_cases(work: Session, call: Call, request: OpenCasesOf) -> tuple[OpenCase, ...]:
    """The applicant's cases of this bundle not yet over, newest first, asked before she is taken again: the number, day
    and status of each, nothing of the person."""
    from counter.actions.intake.parties import open_cases as open_cases_for

    return open_cases_for(work, request.id_no, request.bundle_code)


OPEN_CASES = read("intake.open_cases", Permission.TAKE_INTAKE, open_cases)


def resubmission(work: Session, call: Call, request: CaseNo) -> IntakeDraft | None:
    """The intake of a 补正 answer as the case answered left it: its parties, situations and every line received, on
    today's guide, with the lines its notice listed open; None when the case or its bundle's guide is gone."""
    from counter.actions.intake import reads_shown

    return reads_shown.resubmission(work, at_desk(call), request.case_no, RESUBMISSION.name)


# TAKE_INTAKE and SEE_FULL_ID, of a case within reach: its answer cannot be masked
RESUBMISSION = read("intake.resubmission", Open.IN_ACTION, resubmission)


def take(work: Session, call: Call, request: TakeIntake) -> TakenIntake:
    """Take the case with its one outcome, decided again from the stored guide version; the intake's own draft goes
    with it. A request whose uid is already a case answers with that case and writes nothing.

    The case whole, and the draft gone, in one transaction; or nothing (on the office's calendar, read with the
    intake's reads)."""
    from counter.actions.intake.take import take_intake

    return take_intake(work, at_desk(call), request.request, call.today)


# TAKE_INTAKE, asked by the action with the intake's other reads: one round trip, not three
TAKE_INTAKE = write("intake.take_intake", Open.IN_ACTION, take, faults=_TAKE_FAULTS)


def take_file(work: Session, call: Call, request: TakeFromFile) -> TakenIntake:
    """The intake an intake file describes (counter case take), taken as the window takes it; the desk's drafts are left
    alone."""
    from counter.actions.intake.intake_file import take_from_file

    return take_from_file(work, at_desk(call), request.file, call.today)


# TAKE_INTAKE, as the window's intake: after the file's own problems are listed
TAKE_FROM_FILE = write("intake.take_from_file", Open.IN_ACTION, take_file, faults=_TAKE_FAULTS)

# --- 即办件 figures-------------------------------------------------------------------------------------------


def figures_of_month(work: Session, call: Call, request: FiguresOfMonth) -> MonthFigures:
    """即办件占比 and 承诺时限压减率 of the cases accepted in a month, per desk or bundle."""
    from counter.actions.ratings.case_figures import month_figures

    return month_figures(work, request.month, request.group, desk=call.desk)


MONTH_FIGURES = read("intake.month_figures", Permission.SEE_FIGURES, figures_of_month)

# --- the hall's intake rules and 证照库 ---------------------------------------------------------------------


def read_intake_rules(work: Session, call: Call, request: Nothing) -> IntakeRules:
    """The hall's 容缺 margin and 补正 period as stored; the defaults for any unset."""
    from counter.actions.cases.intake_settings import intake_rules

    return intake_rules(work)


READ_INTAKE_RULES = read("intake.read_intake_rules", Open.ANY_DESK, read_intake_rules)


def save_rules(work: Session, call: Call, request: SaveIntakeRules) -> None:
    """Set the hall's intake rules, refused whole with any value out of range; each change audited."""
    from counter.actions.cases.intake_settings import save_intake_rules

    save_intake_rules(work, request.rules, desk=call.desk)


SAVE_INTAKE_RULES = write(
    "intake.save_intake_rules", Permission.CHANGE_SETTINGS, save_rules, faults=("counter.intake.rules:RulesRefused",)
)


def read_library(work: Session, call: Call, request: Nothing) -> LibrarySettings:
    """The hall's 证照库 as stored, the secret shown as set or not (it never leaves the machine that asks the library);
    none in training."""
    from counter.actions.intake.licences import library_settings
    from counter.outbox.secret_shown import shown

    return shown(library_settings(work))


READ_LIBRARY = read("intake.read_library", Open.ANY_DESK, read_library)


def look_up_licences(work: Session, call: Call, request: LookUpLicences) -> LookUp:
    """Ask the hall's 证照库 what it holds of an applicant, with the secret of the machine that runs the operation (the
    hall server's, a township's own): the window asks it off its own thread; none set: not asked.

    The settings read in the operation's unit of work, the question asked with them (the timeout bounds it)."""
    from counter.actions.intake.licences import library_settings
    from counter.actions.intake.licences import look_up_licences as ask_library_of

    return ask_library_of(library_settings(work), request.holder_id, request.types, request.reason)


LOOK_UP_LICENCES = read("intake.look_up_licences", Permission.TAKE_INTAKE, look_up_licences)


def save_library_settings(work: Session, call: Call, request: SaveLibrary) -> None:
    """Set the hall's 证照库 (all empty: none), refused whole with any problem; audited, the secret masked (the masked
    secret sent back keeps the one kept)."""
    from counter.actions.intake.licences import save_library

    save_library(work, request.settings, desk=call.desk)


SAVE_LIBRARY = write(
    "intake.save_library",
    Permission.CHANGE_SETTINGS,
    save_library_settings,
    faults=("counter.intake.licences:LibraryRefused",),
)
