"""The intake's operations in process (:mod:`counter.service.intake`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.admin.site import site_is_set_up
from counter.actions.cases.case_reads import case_view
from counter.actions.cases.intake_settings import intake_rules, save_intake_rules
from counter.actions.catalog.guide_status import drafts_may_be_taken
from counter.actions.catalog.guides import current_guide, guide_version
from counter.actions.intake import drafts
from counter.actions.intake.intake_file import take_from_file
from counter.actions.intake.licences import library_settings, save_library
from counter.actions.intake.licences import look_up_licences as ask_library_of
from counter.actions.intake.parties import known_party
from counter.actions.intake.parties import open_cases as open_cases_for
from counter.actions.intake.received_papers import received_papers
from counter.actions.intake.take import preview, take_intake
from counter.actions.ratings.case_figures import month_figures
from counter.case.intake_request import TakenIntake
from counter.case.month_figures import MonthFigures
from counter.case.open_cases import OpenCase
from counter.case.resubmission import resubmission_draft
from counter.catalog.stored_guide import StoredGuide
from counter.host.licence_library import LookUp
from counter.intake.draft import IntakeDraft, StoredDraft
from counter.intake.known_party import KnownParty
from counter.intake.licences import LibrarySettings, shown_library
from counter.intake.provisional import provisional_mark
from counter.intake.rules import IntakeRules
from counter.service.intake import (
    CurrentGuide,
    DeskOnly,
    FiguresOfMonth,
    GuideVersion,
    IntakePreview,
    KeepDraft,
    KnownPartyOf,
    LookUpLicences,
    OpenCasesOf,
    PreviewIntake,
    Resubmission,
    SaveIntakeRules,
    SaveLibrary,
    TakeFromFile,
    TakeIntake,
)
from counter.service.runs import at_desk


def keep_draft(work: Session, desk: Desk | None, request: KeepDraft) -> None:
    drafts.keep_draft(work, at_desk(desk), request.draft)


def drop_draft(work: Session, desk: Desk | None, request: DeskOnly) -> None:
    drafts.remove_draft(work, at_desk(desk))


def check_draft(work: Session, desk: Desk | None, request: DeskOnly) -> StoredDraft | None:
    return drafts.check_draft(work, at_desk(desk))


def read_guide_version(work: Session, desk: Desk | None, request: GuideVersion) -> StoredGuide | None:
    return guide_version(work, request.version_id)


def read_current_guide(work: Session, desk: Desk | None, request: CurrentGuide) -> StoredGuide | None:
    return current_guide(work, request.bundle_code)


def resubmission(work: Session, desk: Desk | None, request: Resubmission) -> IntakeDraft | None:
    view = case_view(work, request.case_no)
    guide = current_guide(work, view.bundle_code) if view is not None else None
    if view is None or guide is None:
        return None
    return resubmission_draft(view, guide.bundle, guide.version_id)


def draft_guides_taken(work: Session, desk: Desk | None, request: DeskOnly) -> bool:
    return drafts_may_be_taken(work)


def site_set_up(work: Session, desk: Desk | None, request: DeskOnly) -> bool:
    return site_is_set_up(work)


def preview_intake(work: Session, desk: Desk | None, request: PreviewIntake) -> IntakePreview:
    """On the office's calendar, read as the commit reads it, with the 收件 papers under the desk's site."""
    site, today = at_desk(desk).identity.site_code, request.today
    calendar = office_calendar(work)
    decision = preview(work, request.request, today, calendar, site_code=site)
    papers = received_papers(work, request.applied, site)
    return IntakePreview(decision, provisional_mark(calendar, today, decision), papers)


def known_party_of(work: Session, desk: Desk | None, request: KnownPartyOf) -> KnownParty | None:
    return known_party(work, request.id_no)


def open_cases(work: Session, desk: Desk | None, request: OpenCasesOf) -> tuple[OpenCase, ...]:
    return open_cases_for(work, request.id_no, request.bundle_code)


def take(work: Session, desk: Desk | None, request: TakeIntake) -> TakenIntake:
    """The case whole, and the draft gone, in one transaction; or nothing (on the office's calendar, read with the
    intake's reads)."""
    return take_intake(work, at_desk(desk), request.request, request.today)


def take_file(work: Session, desk: Desk | None, request: TakeFromFile) -> TakenIntake:
    return take_from_file(work, at_desk(desk), request.file, request.today)


def figures_of_month(work: Session, desk: Desk | None, request: FiguresOfMonth) -> MonthFigures:
    return month_figures(work, request.month, request.group, desk=desk)


def read_intake_rules(work: Session, desk: Desk | None, request: DeskOnly) -> IntakeRules:
    return intake_rules(work)


def save_rules(work: Session, desk: Desk | None, request: SaveIntakeRules) -> None:
    save_intake_rules(work, request.rules, desk=desk)


def read_library(work: Session, desk: Desk | None, request: DeskOnly) -> LibrarySettings:
    return shown_library(library_settings(work))


def look_up_licences(work: Session, desk: Desk | None, request: LookUpLicences) -> LookUp:
    """The settings read in the operation's unit of work, the question asked with them (the timeout bounds it)."""
    return ask_library_of(library_settings(work), request.holder_id, request.types, request.reason)


def save_library_settings(work: Session, desk: Desk | None, request: SaveLibrary) -> None:
    save_library(work, request.settings, desk=desk)
