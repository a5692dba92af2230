"""The papers' operations in process (:mod:`counter.service.documents`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter.actions.admin.office import office_settings
from counter.actions.cases import documents, item_papers, unprinted_papers
from counter.actions.catalog.guides import find_guide
from counter.actions.intake import forms
from counter.documents.data import OfficeSettings
from counter.documents.form_paper import FormPaper
from counter.documents.kinds import DocumentKind
from counter.documents.made import MadeDocument
from counter.documents.outcome_papers import UnprintedCase
from counter.service.call import Call
from counter.service.documents import (
    CasePapers,
    DeskDay,
    GuideForms,
    GuideNotice,
    GuideOf,
    ItemPaper,
    MakeForms,
    RecordPrint,
    SaveOffice,
    SiteOffice,
    WaivePapers,
)
from counter.service.runs import at_desk


def make_case_papers(work: Session, call: Call, request: CasePapers) -> tuple[MadeDocument, ...]:
    by = at_desk(call)
    return tuple(
        documents.make_document(
            work, by, request.case_no, kind, call.today, request.item_code, hand_over_no=request.hand_over_no
        )
        for kind in request.kinds
    )


def make_item_paper(work: Session, call: Call, request: ItemPaper) -> MadeDocument:
    by = at_desk(call)
    return item_papers.make_item_paper(work, by, request.case_no, request.item_code, request.kind, call.today)


def _bundle_code(work: Session, bundle: str, find: bool) -> str:
    """The bundle named as ``catalog show`` takes it (code, number, name or pinyin initials) where asked to find it."""
    if not find:
        return bundle
    stored = find_guide(work, bundle)
    return stored.bundle.code if stored else bundle.strip()


def make_guide_notice(work: Session, call: Call, request: GuideNotice) -> MadeDocument:
    code = _bundle_code(work, request.bundle, request.find)
    return documents.make_guide_notice(work, at_desk(call), code, call.today)


def guide_forms(work: Session, call: Call, request: GuideOf) -> GuideForms:
    code = _bundle_code(work, request.bundle, request.find)
    return GuideForms(code, forms.guide_forms(work, code))


def make_forms(work: Session, call: Call, request: MakeForms) -> tuple[FormPaper, ...]:
    by = at_desk(call)
    return tuple(
        forms.make_form(work, by, request.bundle_code, material, call.today, sample=sample)
        for material in request.material_codes
        for sample in request.samples
    )


def record_print(work: Session, call: Call, request: RecordPrint) -> None:
    documents.record_print(work, at_desk(call), request.made, request.target, request.ok, request.error)


def unprinted_cases(work: Session, call: Call, request: DeskDay) -> tuple[UnprintedCase, ...]:
    return unprinted_papers.unprinted_cases(work, at_desk(call), call.today)


def waive_papers(work: Session, call: Call, request: WaivePapers) -> tuple[DocumentKind, ...]:
    return unprinted_papers.waive_papers(work, at_desk(call), request.case_no, request.reason, call.now)


def read_office(work: Session, call: Call, request: SiteOffice) -> OfficeSettings:
    return office_settings(work, request.site_code)


def save_office(work: Session, call: Call, request: SaveOffice) -> None:
    documents.save_office_settings(work, request.site_code, request.settings, desk=call.desk)
