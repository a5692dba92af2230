"""An intake from a file (``counter case take``): the window's request, the window's action, the window's dates.

The file is read by :mod:`counter.intake.request_file` into the form the window's fields would hold;
:func:`~counter.case.intake_request.intake_request` makes the request from it exactly as the window does, and
:func:`~counter.actions.intake.take.take_intake` decides and records it with the office's calendar and the default
correction periods, as the window's commit does.  The day is the caller's ``today``: the command line gives the real
date, or the training day only on the training database, so a script never dates a case the window could not.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.catalog.guides import find_guide, guide_version
from counter.actions.intake.take import preview, take_intake
from counter.case.intake_request import TakenIntake, intake_request
from counter.catalog.stored_guide import StoredGuide
from counter.db.catalog_store import guide_history
from counter.intake.file_refused import FileDoesNotFit
from counter.intake.parties import party_problems
from counter.intake.request_file import FileProblem, FileProblemCode, IntakeFile, fill_form

if TYPE_CHECKING:
    from sqlalchemy.orm import Session as Unit


def _guide(unit: Unit, file: IntakeFile) -> StoredGuide:
    stored = find_guide(unit, file.bundle)
    if stored is None:
        raise FileDoesNotFit((FileProblem("bundle", FileProblemCode.UNKNOWN_BUNDLE, file.bundle),))
    if file.guide_version is None or file.guide_version == stored.version:
        return stored
    versions = guide_history(unit, stored.bundle.code)
    version_id = next((vid for vid, number in versions if number == file.guide_version), None)
    older = guide_version(unit, version_id) if version_id is not None else None
    if older is None:
        listed = ", ".join(str(number) for _, number in versions)
        raise FileDoesNotFit((FileProblem("guide_version", FileProblemCode.UNKNOWN_GUIDE_VERSION, listed),))
    return older


def take_from_file(unit: Unit, desk: Desk, file: IntakeFile, today: dt.date) -> TakenIntake:
    """Take the intake the file describes; :class:`IntakeNotPossible` (or :class:`FileDoesNotFit`) instead.

    A file whose ``uid`` is already a case gets that case back and writes nothing, as a retried commit does.
    """
    stored = _guide(unit, file)
    form, problems = fill_form(file, stored.bundle, stored.version_id)
    request = intake_request(form, file.uid)
    calendar = office_calendar(unit)
    if problems:
        decision = preview(unit, request, today, calendar, site_code=desk.identity.site_code)
        shown = decision if not decision.outcome.decided else None
        raise FileDoesNotFit(problems, shown, tuple(party_problems(request.parties, today)))
    return take_intake(unit, desk, request, today, calendar, ends_draft=False)
