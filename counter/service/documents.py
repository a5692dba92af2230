"""The papers: a case's notices made (numbered the first time, reprinted as first made after), a guide's
一次性告知单 and its forms, every print recorded, and the site's details printed on every paper.

A paper crosses as :class:`counter.documents.made.MadeDocument`, its PDF within; the face previews, saves or prints
it and records each print (:data:`RECORD_PRINT`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.documents.data import OfficeSettings
from counter.documents.form_paper import FormPaper
from counter.documents.kinds import DEPARTMENT_PAPERS, DocumentKind
from counter.documents.made import MadeDocument
from counter.documents.office_check import office_refused
from counter.documents.outcome_papers import UnprintedCase
from counter.documents.paper_blanks import PaperBlanks
from counter.parties.text import TextField, clean_text
from counter.service.call import Call, at_desk
from counter.service.operation import Open, read, write
from counter.service.requests import Nothing, SiteCode

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_BEHIND = "counter.case.number_faults:NumbersBehind"
_GUIDE = "counter.documents.made:GuideNotFound"


@dataclass(frozen=True)
class CasePapers:
    """The notices ``kinds`` of a case, made together (all or none); a denial is ``item_code``'s, a 送达回证 or a
    期限告知书 the ``hand_over_no``-th (0: the case's only or latest)."""

    case_no: str
    kinds: tuple[DocumentKind, ...]
    item_code: str = ""
    hand_over_no: int = 0
    ofd: bool = False  # each also as an OFD package (MadeDocument.ofd)


@dataclass(frozen=True)
class ItemPaper:
    """A deciding department's own paper of one item: its 受理通知书 or its 不予批准决定书."""

    case_no: str
    item_code: str
    kind: DocumentKind

    def __post_init__(self) -> None:
        # the window's papers are made_case_papers': refused as the request's type, never reached by the action
        if self.kind not in DEPARTMENT_PAPERS:
            raise ValueError(f"{self.kind.value} is no department's paper of an item")


@dataclass(frozen=True)
class GuideOf:
    bundle: str  # the bundle's code; with ``find``, as ``catalog show`` takes it (number, name, pinyin initials)
    find: bool = False


@dataclass(frozen=True)
class GuideForms:
    """The bundle found, and its forms the applicant fills in: (material code, name)."""

    bundle_code: str
    forms: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class MakeForms:
    """Each form of ``material_codes`` made blank and/or as a 示范样表 (``samples``: False blank, True sample)."""

    bundle_code: str
    material_codes: tuple[str, ...]
    samples: tuple[bool, ...]


@dataclass(frozen=True)
class RecordPrint:
    made: MadeDocument  # its numbers and hash: the PDF need not travel with it
    target: str  # "file:PATH" or "printer:NAME"
    ok: bool
    error: str = ""


@dataclass(frozen=True)
class WaivePapers:
    """The papers of ``case_no`` not printed, left so by the clerk for ``reason`` (never empty)."""

    case_no: str
    reason: str

    def __post_init__(self) -> None:
        if not self.reason.strip():  # the window asks for one before it offers to close
            raise ValueError("a waiver needs its reason")


@dataclass(frozen=True)
class SaveOffice:
    site_code: str
    settings: OfficeSettings


def make_case_papers(work: Session, call: Call, request: CasePapers) -> tuple[MadeDocument, ...]:
    """A case's notices, numbered and kept the first time, reprinted identically after; every one or none (a receipt or
    a 容缺 notice once per issuing body)."""
    from counter.actions.cases import documents

    by = at_desk(call)
    made: list[MadeDocument] = []
    for kind in request.kinds:  # a receipt or a 容缺 notice: one paper per issuing body (documents.make_documents)
        if request.hand_over_no:
            made.append(
                documents.make_document(
                    work,
                    by,
                    request.case_no,
                    kind,
                    call.today,
                    request.item_code,
                    hand_over_no=request.hand_over_no,
                    ofd=request.ofd,
                )
            )
        else:
            made += documents.make_documents(
                work, by, request.case_no, kind, call.today, request.item_code, ofd=request.ofd
            )
    return tuple(made)


MAKE_CASE_PAPERS = write(
    "documents.make_case_papers",
    Permission.PRINT,
    make_case_papers,
    faults=("counter.documents.data:DocumentNotPossible", _BEHIND),
)


def make_item_paper(work: Session, call: Call, request: ItemPaper) -> MadeDocument:
    """A department's own paper of one item (受理, 补正材料, 不予受理 通知书; 不予批准决定书), at its desk."""
    from counter.actions.cases import item_papers

    by = at_desk(call)
    return item_papers.make_item_paper(work, by, request.case_no, request.item_code, request.kind, call.today)


MAKE_ITEM_PAPER = write(
    "documents.make_item_paper",
    Open.IN_ACTION,
    make_item_paper,
    faults=("counter.documents.data:DocumentNotPossible", "counter.case.decisions:DecisionRefused", _BEHIND),
)


def make_guide_notice(work: Session, call: Call, request: GuideOf) -> MadeDocument:
    """The 一次性告知单 of a published guide, numbered, for an applicant who only came to ask."""
    from counter.actions.cases import documents

    return documents.make_guide_notice(work, at_desk(call), request.bundle, call.today, find=request.find)


MAKE_GUIDE_NOTICE = write("documents.make_guide_notice", Permission.PRINT, make_guide_notice, faults=(_GUIDE, _BEHIND))


def guide_forms(work: Session, call: Call, request: GuideOf) -> GuideForms:
    """The forms of a guide the applicant fills in."""
    from counter.actions.intake import forms

    return GuideForms(*forms.guide_forms_named(work, request.bundle, find=request.find))


GUIDE_FORMS = read("documents.guide_forms", Open.ANY_DESK, guide_forms, faults=(_GUIDE,))


def make_forms(work: Session, call: Call, request: MakeForms) -> tuple[FormPaper, ...]:
    """A guide's forms, blank or as 示范样表: no number, nothing stored."""
    from counter.actions.intake import forms

    by = at_desk(call)
    return tuple(
        forms.make_form(work, by, request.bundle_code, material, call.today, sample=sample)
        for material in request.material_codes
        for sample in request.samples
    )


MAKE_FORMS = read(
    "documents.make_forms", Permission.PRINT, make_forms, faults=(_GUIDE, "counter.documents.form_paper:FormNotFound")
)


def record_print(work: Session, call: Call, request: RecordPrint) -> None:
    """A print kept on record: what, when, who, where to, and whether it went; only of a paper this desk made (a
    department's paper of its item at its own desk too)."""
    from counter.actions.cases import documents

    documents.record_print(work, at_desk(call), request.made, request.target, request.ok, request.error)


RECORD_PRINT = write(
    "documents.record_print", Open.IN_ACTION, record_print, faults=("counter.documents.made:PrintNotMade",)
)


def unprinted_cases(work: Session, call: Call, request: Nothing) -> tuple[UnprintedCase, ...]:
    """The desk's committed cases whose papers are not all printed and not waived, with the papers still out."""
    from counter.actions.cases import unprinted_papers

    return unprinted_papers.unprinted_cases(work, at_desk(call), call.today)


UNPRINTED_CASES = read("documents.unprinted_cases", Open.ANY_DESK, unprinted_cases)


def waive_papers(work: Session, call: Call, request: WaivePapers) -> tuple[DocumentKind, ...]:
    """A case's papers left unprinted, with the clerk's reason, in its history; the papers waived."""
    from counter.actions.cases import unprinted_papers

    return unprinted_papers.waive_papers(work, at_desk(call), request.case_no, request.reason, call.now)


WAIVE_PAPERS = write(
    "documents.waive_papers", Permission.PRINT, waive_papers, faults=("counter.case.not_found:CaseNotFound",)
)


def read_office(work: Session, call: Call, request: SiteCode) -> OfficeSettings:
    """The site's details printed on every paper; the league hall's defaults for anything not set."""
    from counter.actions.admin.office import office_settings

    return office_settings(work, request.site_code)


READ_OFFICE = read("documents.read_office", Open.ANY_DESK, read_office)


def save_office(work: Session, call: Call, request: SaveOffice) -> PaperBlanks:
    """New details apply to papers made from now on; papers already made keep theirs.  Answers what the papers
    would still print blank (:mod:`counter.documents.paper_blanks`), for the face to tell.

    Refused (:class:`~counter.documents.office_check.OfficeRefused`, every problem named, nothing saved) when a field
    every paper prints is empty, a line of the exceptions, agreements or contacts does not read, or the name in
    Mongolian cannot be printed: checked here, whichever face sends them, since a line that does not read is
    silently skipped on the papers."""
    from counter.actions.admin.paper_blanks import blanks_now
    from counter.actions.cases import documents

    refused = office_refused(request.settings)
    if refused is not None:
        raise refused
    # the name in Mongolian kept as the papers print it: one pasted in 蒙科立 codes in Unicode letters
    kept = replace(
        request.settings, office_name_mn=clean_text(request.settings.office_name_mn, TextField.ORGANISATION_NAME)
    )
    documents.save_office_settings(work, request.site_code, kept, desk=call.desk)
    return blanks_now(work, request.site_code)


SAVE_OFFICE = write(
    "documents.save_office",
    Permission.CHANGE_SETTINGS,
    save_office,
    faults=("counter.documents.office_check:OfficeRefused",),
)
