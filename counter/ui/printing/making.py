"""Every database call of the printing windows, one unit of work per user event.

The windows hold :class:`MadeDocument` (the PDF bytes and the numbers, plain
data) and never a session.  Making a notice numbers it the first time and
reprints it identically afterwards (:func:`counter.actions.documents.make_document`);
the notices that go together — the deferral notice, the pledge and the receipt
of a 容缺受理 — are made in one transaction, all or none.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from counter import texts
from counter.actions.desk import Desk
from counter.actions.documents import (
    GuideNotFound,
    MadeDocument,
    make_document,
    make_guide_notice,
    office_settings,
    record_print,
    save_office_settings,
)
from counter.actions.guard import NotPermitted
from counter.actions.intake import CaseNotFound
from counter.case.view import CaseView
from counter.catalog.model import Bundle
from counter.db.case_store import case_by_no
from counter.db.document_store import DocumentLine, documents_of_case
from counter.documents.kinds import DocumentKind, DocumentProblem
from counter.documents.model import DocumentNotPossible, OfficeSettings, document_problems
from counter.intake.outcome import Outcome

log = logging.getLogger(__name__)

Sessions = sessionmaker[Session]

#: What the applicant takes home after each intake outcome, in the order it is handed over.
OUTCOME_KINDS: dict[str, tuple[DocumentKind, ...]] = {
    Outcome.ACCEPT.value: (DocumentKind.RECEIPT,),
    Outcome.DEFER.value: (DocumentKind.DEFERRAL, DocumentKind.PLEDGE, DocumentKind.RECEIPT),
    Outcome.CORRECT.value: (DocumentKind.CORRECTION,),
    Outcome.REFUSE.value: (DocumentKind.REFUSAL,),
}

#: The case notices in the order the case page offers them.
CASE_KINDS = tuple(k for k in DocumentKind if k.needs_case)

#: Problems that say whether a kind fits the case (the others are about a number or a date not chosen yet).
_FIT_PROBLEMS = frozenset(
    {
        DocumentProblem.NOT_ACCEPTED,
        DocumentProblem.NOT_DEFERRED,
        DocumentProblem.NO_DEFERRED_MATERIALS,
        DocumentProblem.NOT_CORRECTION,
        DocumentProblem.NOTHING_TO_CORRECT,
        DocumentProblem.NOT_REFUSED,
        DocumentProblem.NOT_DENIED,
        DocumentProblem.BUNDLE_MISMATCH,
    }
)


class NoticeRefused(Exception):
    """No notice could be made: :attr:`text` says why, in the words the window shows."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


@dataclass(frozen=True, slots=True)
class CaseNotices:
    """The 文书 section of a case page: the notices made so far and the kinds that fit the case."""

    lines: tuple[DocumentLine, ...]
    fitting: tuple[DocumentKind, ...]

    def made(self, kind: DocumentKind) -> bool:
        return any(line.kind == kind.value for line in self.lines)


def fitting_kinds(view: CaseView, bundle: Bundle) -> tuple[DocumentKind, ...]:
    """The case notices this case allows, decided by the same rules that make them."""
    fitting = []
    for kind in CASE_KINDS:
        # a placeholder number and the intake day: only whether the kind fits the case is asked here
        problems = document_problems(view, kind, bundle, "-", view.received_on)
        if not _FIT_PROBLEMS.intersection(problems):
            fitting.append(kind)
    return tuple(fitting)


def case_notices(session: Session, view: CaseView, bundle: Bundle) -> CaseNotices:
    """Read within the caller's session (the case page reads the case and its notices together)."""
    case = case_by_no(session, view.case_no)
    lines = tuple(documents_of_case(session, case.id)) if case is not None else ()
    return CaseNotices(lines, fitting_kinds(view, bundle))


def outcome_kinds(outcome: str) -> tuple[DocumentKind, ...]:
    return OUTCOME_KINDS.get(outcome, ())


def make_case_documents(
    sessions: Sessions, desk: Desk, case_no: str, kinds: tuple[DocumentKind, ...], today: dt.date
) -> tuple[MadeDocument, ...]:
    """The notices ``kinds`` of a case, new or as first made.  Raises :class:`NoticeRefused`."""
    try:
        with sessions.begin() as session:
            return tuple(make_document(session, desk, case_no, kind, today) for kind in kinds)
    except DocumentNotPossible as err:
        raise NoticeRefused("；".join(texts.DOC_PROBLEM[p] for p in err.problems)) from err
    except CaseNotFound as err:
        raise NoticeRefused(texts.CASE_NOT_FOUND.format(case_no=err.case_no)) from err
    except NotPermitted as err:
        raise NoticeRefused(texts.not_permitted(err.permission, err.signed_in)) from err
    except SQLAlchemyError as err:
        log.exception("notices of %s not made", case_no)
        raise NoticeRefused(texts.PRINTING_DB_FAILED.format(error=type(err).__name__)) from err


def make_guide_document(sessions: Sessions, desk: Desk, bundle_code: str, today: dt.date) -> MadeDocument:
    """The 一次性告知单 of a published guide.  Raises :class:`NoticeRefused`."""
    try:
        with sessions.begin() as session:
            return make_guide_notice(session, desk, bundle_code, today)
    except GuideNotFound as err:
        raise NoticeRefused(texts.PRINTING_GUIDE_UNPUBLISHED) from err
    except NotPermitted as err:
        raise NoticeRefused(texts.not_permitted(err.permission, err.signed_in)) from err
    except SQLAlchemyError as err:
        log.exception("guide notice of %s not made", bundle_code)
        raise NoticeRefused(texts.PRINTING_DB_FAILED.format(error=type(err).__name__)) from err


def record(sessions: Sessions, desk: Desk, made: MadeDocument, target: str, ok: bool, error: str = "") -> None:
    with sessions.begin() as session:
        record_print(session, desk, made, target, ok, error)


def read_office(sessions: Sessions, site_code: str) -> OfficeSettings:
    with sessions() as session:
        return office_settings(session, site_code)


def store_office(sessions: Sessions, site_code: str, settings: OfficeSettings, desk: Desk | None = None) -> None:
    with sessions.begin() as session:
        save_office_settings(session, site_code, settings, desk=desk)
