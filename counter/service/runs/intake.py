"""The intake's operations in process (:mod:`counter.service.intake`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter.access.roles import Permission
from counter.actions.admin.site import site_is_set_up
from counter.actions.cases import reach
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
from counter.actions.intake.preview_grounds import preview_grounds as grounds_of
from counter.actions.intake.take import take_intake
from counter.actions.ratings.case_figures import month_figures
from counter.case.intake_request import TakenIntake
from counter.case.month_figures import MonthFigures
from counter.case.open_cases import OpenCase
from counter.case.resubmission import resubmission_draft
from counter.catalog.stored_guide import StoredGuide
from counter.documents.outcome_preview import IntakePreview, PreviewGrounds, preview_of
from counter.host.licence_library import LookUp
from counter.intake.draft import IntakeDraft, StoredDraft
from counter.intake.known_party import KnownParty
from counter.intake.licences import LibrarySettings, shown_library
from counter.intake.not_possible import IntakeNotPossible
from counter.intake.rules import IntakeRules
from counter.service.call import Call
from counter.service.intake import (
    CHECK_DRAFT,
    KNOWN_PARTY,
    RESUBMISSION,
    CurrentGuide,
    DeskOnly,
    FiguresOfMonth,
    GuideVersion,
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


def keep_draft(work: Session, call: Call, request: KeepDraft) -> None:
    drafts.keep_draft(work, at_desk(call), request.draft)


def drop_draft(work: Session, call: Call, request: DeskOnly) -> None:
    drafts.remove_draft(work, at_desk(call))


def check_draft(work: Session, call: Call, request: DeskOnly) -> StoredDraft | None:
    """None for an account that may not take an intake (a department's, signing in at a clerk's desk): the desk's
    draft names the clerk's applicant, whole."""
    at = at_desk(call)
    if not reach.may(work, at, Permission.TAKE_INTAKE):
        return None
    stored = drafts.check_draft(work, at)
    if stored is not None and stored.draft is not None:
        reach.note_read(work, at, CHECK_DRAFT.name, "", _id_nos(stored.draft))
    return stored


def read_guide_version(work: Session, call: Call, request: GuideVersion) -> StoredGuide | None:
    return guide_version(work, request.version_id)


def read_current_guide(work: Session, call: Call, request: CurrentGuide) -> StoredGuide | None:
    return current_guide(work, request.bundle_code)


def resubmission(work: Session, call: Call, request: Resubmission) -> IntakeDraft | None:
    """Only to an account that takes intakes and sees a person whole, of a case within its reach: the draft carries
    the case's parties whole, and cannot be masked (the intake is taken from it)."""
    at = at_desk(call)
    reach.require_whole(work, at, request.case_no)
    view = case_view(work, request.case_no)
    guide = current_guide(work, view.bundle_code) if view is not None else None
    if view is None or guide is None:
        return None
    draft = resubmission_draft(view, guide.bundle, guide.version_id)
    reach.note_read(work, at, RESUBMISSION.name, view.case_no, _id_nos(draft))
    return draft


def draft_guides_taken(work: Session, call: Call, request: DeskOnly) -> bool:
    return drafts_may_be_taken(work)


def site_set_up(work: Session, call: Call, request: DeskOnly) -> bool:
    return site_is_set_up(work)


def preview_intake(work: Session, call: Call, request: PreviewIntake) -> IntakePreview:
    """On the grounds the desk's own preview reads (:func:`preview_grounds`), decided by the same rule."""
    version = request.request.checklist.guide_version
    if version is None:
        raise IntakeNotPossible(None, detail="guide version None not found")
    grounds = grounds_of(work, int(version), at_desk(call).identity.site_code)
    return preview_of(grounds, request.request, call.today, request.applied)


def preview_grounds(work: Session, call: Call, request: GuideVersion) -> PreviewGrounds:
    return grounds_of(work, request.version_id, at_desk(call).identity.site_code)


def known_party_of(work: Session, call: Call, request: KnownPartyOf) -> KnownParty | None:
    """Only to an account that takes intakes and sees a person whole: the party's phone and address, whole."""
    at = at_desk(call)
    reach.require_whole(work, at)
    found = known_party(work, request.id_no)
    if found is not None:
        reach.note_read(work, at, KNOWN_PARTY.name, "", (request.id_no,))
    return found


def _id_nos(draft: IntakeDraft) -> tuple[str, ...]:
    """The ID numbers a draft carries whole: its applicant's and its agent's."""
    return (draft.applicant.id_no, draft.agent.id_no)


def open_cases(work: Session, call: Call, request: OpenCasesOf) -> tuple[OpenCase, ...]:
    return open_cases_for(work, request.id_no, request.bundle_code)


def take(work: Session, call: Call, request: TakeIntake) -> TakenIntake:
    """The case whole, and the draft gone, in one transaction; or nothing (on the office's calendar, read with the
    intake's reads)."""
    return take_intake(work, at_desk(call), request.request, call.today)


def take_file(work: Session, call: Call, request: TakeFromFile) -> TakenIntake:
    return take_from_file(work, at_desk(call), request.file, call.today)


def figures_of_month(work: Session, call: Call, request: FiguresOfMonth) -> MonthFigures:
    return month_figures(work, request.month, request.group, desk=call.desk)


def read_intake_rules(work: Session, call: Call, request: DeskOnly) -> IntakeRules:
    return intake_rules(work)


def save_rules(work: Session, call: Call, request: SaveIntakeRules) -> None:
    save_intake_rules(work, request.rules, desk=call.desk)


def read_library(work: Session, call: Call, request: DeskOnly) -> LibrarySettings:
    return shown_library(library_settings(work))


def look_up_licences(work: Session, call: Call, request: LookUpLicences) -> LookUp:
    """The settings read in the operation's unit of work, the question asked with them (the timeout bounds it)."""
    return ask_library_of(library_settings(work), request.holder_id, request.types, request.reason)


def save_library_settings(work: Session, call: Call, request: SaveLibrary) -> None:
    save_library(work, request.settings, desk=call.desk)
