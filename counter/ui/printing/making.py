"""Every database call of the printing windows, one operation of :mod:`counter.service.documents` per user event,
through the runner.

The windows hold :class:`MadeDocument` (the PDF bytes and the numbers, plain
data) and never a session.  Making a notice numbers it the first time and
reprints it identically afterwards (:data:`counter.service.documents.MAKE_CASE_PAPERS`);
the notices that go together — the deferral notice, the pledge and the receipt
of a 容缺受理 — are made in one transaction, all or none.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject

from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.case.not_found import CaseNotFound
from counter.case.number_faults import NumbersBehind
from counter.documents.case_page import CASE_KINDS, CaseNotices, fitting_kinds
from counter.documents.form_paper import FormNotFound
from counter.documents.kinds import DocumentKind
from counter.documents.made import GuideNotFound, MadeDocument
from counter.documents.model import DocumentNotPossible
from counter.documents.outcome_papers import OUTCOME_PAPERS
from counter.service.documents import (
    GUIDE_FORMS,
    MAKE_CASE_PAPERS,
    MAKE_FORMS,
    MAKE_GUIDE_NOTICE,
    CasePapers,
    GuideForms,
    GuideNotice,
    GuideOf,
    MakeForms,
)
from counter.ui.printing.words import (
    FORMS_NO_GUIDE,
    FORMS_NOT_FOUND,
    PRINTING_DB_FAILED,
    PRINTING_GUIDE_UNPUBLISHED,
)
from counter.ui.runner import Busy, Failed, Runner
from counter.words.access import not_permitted
from counter.words.cases import CASE_NOT_FOUND
from counter.words.database import document_numbers_behind_text
from counter.words.documents import document_problems_text

__all__ = ["CASE_KINDS", "CaseNotices", "NoticeRefused", "fitting_kinds", "outcome_kinds"]

log = logging.getLogger(__name__)


class NoticeRefused(Exception):
    """No notice could be made: :attr:`text` says why, in the words the window shows."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def outcome_kinds(outcome: str) -> tuple[DocumentKind, ...]:
    return OUTCOME_PAPERS.get(outcome, ())


def make_case_documents(
    runner: Runner, desk: Desk, case_no: str, kinds: tuple[DocumentKind, ...], today: dt.date, item_code: str = ""
) -> tuple[MadeDocument, ...]:
    """The notices ``kinds`` of a case, new or as first made; a denial is ``item_code``'s.

    Raises :class:`NoticeRefused`.
    """
    try:
        return runner.call(MAKE_CASE_PAPERS, CasePapers(case_no, kinds, item_code), desk, PRINTING_DB_FAILED)
    except Exception as err:
        refused = case_refusal(err, case_no)
        if refused is None:
            raise
        raise refused from err


def ask_case_documents(
    runner: Runner,
    desk: Desk,
    case_no: str,
    kinds: tuple[DocumentKind, ...],
    item_code: str = "",
    *,
    owner: QObject,
    made: Callable[[tuple[MadeDocument, ...]], None],
    refused: Callable[[NoticeRefused], None],
) -> None:
    """The notices ``kinds`` of a case, new or as first made, to ``made`` on the window's thread once they are;
    why not to ``refused`` (never once ``owner`` is closed)."""

    def failed(err: Exception) -> None:
        said = case_refusal(err, case_no)
        if said is None:
            raise err
        refused(said)

    try:
        runner.submit(MAKE_CASE_PAPERS, CasePapers(case_no, kinds, item_code), desk, PRINTING_DB_FAILED, owner=owner,
                      answered=made, failed=failed)  # fmt: skip
    except Busy as err:  # asked again while they are made
        failed(err)


def case_refusal(err: Exception, case_no: str) -> NoticeRefused | None:
    """Why the notices of ``case_no`` were not made, in the window's words; None for a fault of the program."""
    if isinstance(err, DocumentNotPossible):
        return NoticeRefused(document_problems_text(err.problems, err.unnamed))
    if isinstance(err, CaseNotFound):
        return NoticeRefused(CASE_NOT_FOUND.format(case_no=err.case_no))
    if isinstance(err, NumbersBehind):
        return NoticeRefused(document_numbers_behind_text(err.last_issued, err.where, err.note))
    if isinstance(err, NotPermitted):
        return NoticeRefused(not_permitted(err.permission, err.signed_in))
    if isinstance(err, Failed):
        log.error("notices of %s not made: %s", case_no, err.error)
        return NoticeRefused(err.message)
    return None


def make_guide_document(runner: Runner, desk: Desk, bundle_code: str, today: dt.date) -> MadeDocument:
    """The 一次性告知单 of a published guide.  Raises :class:`NoticeRefused`."""
    try:
        made: MadeDocument = runner.call(MAKE_GUIDE_NOTICE, GuideNotice(bundle_code), desk, PRINTING_DB_FAILED)
        return made
    except GuideNotFound as err:
        raise NoticeRefused(PRINTING_GUIDE_UNPUBLISHED) from err
    except NumbersBehind as err:
        raise NoticeRefused(document_numbers_behind_text(err.last_issued, err.where, err.note)) from err
    except NotPermitted as err:
        raise NoticeRefused(not_permitted(err.permission, err.signed_in)) from err
    except Failed as err:
        log.exception("guide notice of %s not made", bundle_code)
        raise NoticeRefused(err.message) from err


def read_forms(runner: Runner, bundle_code: str) -> tuple[tuple[str, str], ...]:
    """The (code, name) of the forms of a guide.  Raises :class:`NoticeRefused`."""
    try:
        found: GuideForms = runner.call(GUIDE_FORMS, GuideOf(bundle_code), message=PRINTING_DB_FAILED)
        return found.forms
    except GuideNotFound as err:
        raise NoticeRefused(FORMS_NO_GUIDE) from err
    except Failed as err:
        log.exception("forms of %s not read", bundle_code)
        raise NoticeRefused(err.message) from err


def make_form_document(
    runner: Runner, desk: Desk, bundle_code: str, material_code: str, today: dt.date, *, sample: bool
) -> MadeDocument:
    """A guide's blank form or 示范样表, as the preview shows it: no number and no stored document.

    Its ``document_id`` is 0 because nothing is stored; the preview that shows it keeps no record
    (``keeps_record=False``).  Raises :class:`NoticeRefused`.
    """
    make = MakeForms(bundle_code, (material_code,), (sample,))
    try:
        (paper,) = runner.call(MAKE_FORMS, make, desk, PRINTING_DB_FAILED)  # a form changes nothing stored
    except GuideNotFound as err:
        raise NoticeRefused(FORMS_NO_GUIDE) from err
    except FormNotFound as err:
        raise NoticeRefused(FORMS_NOT_FOUND) from err
    except NotPermitted as err:
        raise NoticeRefused(not_permitted(err.permission, err.signed_in)) from err
    except Failed as err:
        log.exception("form %s %s not made", bundle_code, material_code)
        raise NoticeRefused(err.message) from err
    return MadeDocument(
        document_id=0,
        doc_no="",
        kind=paper.kind,
        case_no="",
        pdf=paper.pdf,
        content_hash=hashlib.sha256(paper.pdf).hexdigest(),
        reprint=False,
        check_dates=False,
        heading=paper.name,  # the form's own name heads it, as the chooser lists it: not 空白表格 or 示范样表
    )
