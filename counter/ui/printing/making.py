"""Every database call of the printing windows, one operation of :mod:`counter.service.documents` per user event,
submitted to the runner: the paper is handed to the window's callback once it is made, why not to another, and a
press again meanwhile is refused in the window's words (taken once).

The windows hold :class:`MadeDocument` (the PDF bytes and the numbers, plain
data) and never a session.  Making a notice numbers it the first time and
reprints it identically afterwards (:data:`counter.service.documents.MAKE_CASE_PAPERS`);
the notices that go together — the deferral notice, the pledge and the receipt
of a 容缺受理 — are made in one transaction, all or none.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject

from counter.access.desk import Desk
from counter.case.not_found import CaseNotFound
from counter.case.number_faults import NumbersBehind
from counter.documents.form_paper import FormNotFound, FormPaper
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
    GuideOf,
    MakeForms,
)
from counter.ui.door.refused import refusal_text
from counter.ui.door.runner import Runner
from counter.ui.printing.words import (
    FORMS_DB_FAILED,
    FORMS_NO_GUIDE,
    FORMS_NOT_FOUND,
    PRINTING_DB_FAILED,
    PRINTING_GUIDE_DB_FAILED,
    PRINTING_GUIDE_UNPUBLISHED,
)
from counter.words.cases import CASE_NOT_FOUND
from counter.words.database import document_numbers_behind_text
from counter.words.documents import document_problems_text

if TYPE_CHECKING:
    from counter.service.operation import Operation

Req = TypeVar("Req")
Res = TypeVar("Res")


class NoticeRefused(Exception):
    """No notice could be made: :attr:`text` says why, in the words the window shows."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def outcome_kinds(outcome: str) -> tuple[DocumentKind, ...]:
    return OUTCOME_PAPERS.get(outcome, ())


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
    request = CasePapers(case_no, kinds, item_code)
    _ask(runner, MAKE_CASE_PAPERS, request, desk, PRINTING_DB_FAILED, _case_refusal, owner, made, refused)


def _ask(
    runner: Runner,
    op: Operation[Req, Res],
    request: Req,
    desk: Desk | None,
    message: str,
    refusal: Callable[[Exception], NoticeRefused | None],
    owner: QObject,
    answered: Callable[[Res], None],
    refused: Callable[[NoticeRefused], None],
) -> None:
    """``op`` submitted: its answer to ``answered``, a fault ``refusal`` words, or that every widget words (a
    permission, a failure in the paper's own ``message``: :func:`counter.ui.door.refused.refusal_text`), to
    ``refused`` (a press again while the paper is made among them: taken once); any other fault is the program's.
    A case's notices say the case was left as it was; a guide's papers belong to no case, and say nothing of one."""

    def failed(err: Exception) -> None:
        said = refusal(err)
        refused(NoticeRefused(refusal_text(err)) if said is None else said)

    runner.submit_step(op, request, desk, message, owner=owner, answered=answered, failed=failed)


def _case_refusal(err: Exception) -> NoticeRefused | None:
    """Why a case's notices were not made, in the window's words; None for what any paper says alike."""
    if isinstance(err, DocumentNotPossible):
        return NoticeRefused(document_problems_text(err.problems, err.unnamed))
    if isinstance(err, CaseNotFound):
        return NoticeRefused(CASE_NOT_FOUND.format(case_no=err.case_no))
    if isinstance(err, NumbersBehind):
        return NoticeRefused(document_numbers_behind_text(err.last_issued, err.where, err.note))
    return None


def ask_guide_document(
    runner: Runner,
    desk: Desk,
    bundle_code: str,
    *,
    owner: QObject,
    made: Callable[[MadeDocument], None],
    refused: Callable[[NoticeRefused], None],
) -> None:
    """The 一次性告知单 of a published guide to ``made`` once it is; why not to ``refused``."""
    notice = GuideOf(bundle_code)
    _ask(runner, MAKE_GUIDE_NOTICE, notice, desk, PRINTING_GUIDE_DB_FAILED, _guide_refusal, owner, made, refused)


def _guide_refusal(err: Exception) -> NoticeRefused | None:
    if isinstance(err, GuideNotFound):
        return NoticeRefused(PRINTING_GUIDE_UNPUBLISHED)
    if isinstance(err, NumbersBehind):
        return NoticeRefused(document_numbers_behind_text(err.last_issued, err.where, err.note))
    return None


def ask_forms(
    runner: Runner,
    bundle_code: str,
    *,
    owner: QObject,
    read: Callable[[tuple[tuple[str, str], ...]], None],
    refused: Callable[[NoticeRefused], None],
) -> None:
    """The (code, name) of the forms of a guide to ``read`` once they are; why not to ``refused``."""

    def found(forms: GuideForms) -> None:
        read(forms.forms)

    _ask(runner, GUIDE_FORMS, GuideOf(bundle_code), None, FORMS_DB_FAILED, _forms_refusal, owner, found, refused)


def _forms_refusal(err: Exception) -> NoticeRefused | None:
    if isinstance(err, GuideNotFound):
        return NoticeRefused(FORMS_NO_GUIDE)
    if isinstance(err, FormNotFound):
        return NoticeRefused(FORMS_NOT_FOUND)
    return None


def ask_form_document(
    runner: Runner,
    desk: Desk,
    bundle_code: str,
    material_code: str,
    *,
    sample: bool,
    owner: QObject,
    made: Callable[[MadeDocument], None],
    refused: Callable[[NoticeRefused], None],
) -> None:
    """A guide's blank form or 示范样表, as the preview shows it, to ``made`` once it is; why not to ``refused``.

    No number and no stored document: its ``document_id`` is 0 because nothing is stored, and the preview that shows
    it keeps no record (``keeps_record=False``).
    """

    def answered(papers: tuple[FormPaper, ...]) -> None:
        (paper,) = papers
        made(_form_document(paper))

    make = MakeForms(bundle_code, (material_code,), (sample,))
    _ask(runner, MAKE_FORMS, make, desk, FORMS_DB_FAILED, _forms_refusal, owner, answered, refused)


def _form_document(paper: FormPaper) -> MadeDocument:
    """A form made, as the preview shows it."""
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
