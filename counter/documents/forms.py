"""The 空白表格 and the 示范样表 of a form a guide's materials name.

The 24-point checklist of the league's 政务服务事项标准化建设重点工作任务清单 (兴署办发〔2021〕8 号, 附件, items
23-24) wants every form an applicant fills offered as a blank ("需要申请人填写的表格100%提供空白表格下载服务") and
as a filled sample ("100%提供示范性电子样表下载服务").  Both are printed here from the catalog: the form's name
as title, each of its boxes (:class:`counter.catalog.model.FormField`) a labelled box tall enough to write in,
then the signature and date lines.  The sample fills the boxes with the catalog's example values and carries
示范样表 across every page, as training paper carries 培训样张, so it is never handed in as an application.

A form whose boxes the catalog does not list yet is printed with the applicant's standard block, and the
paper says so rather than inventing the department's boxes.  Neither paper belongs to a case or is numbered:
it is the guide's, handed out like a leaflet.
"""

from __future__ import annotations

import datetime as dt

from counter.catalog.model import Bundle, GuideStatus, Material, MaterialKind
from counter.documents import words as paper
from counter.documents.data import Block, DocumentData, Fields, OfficeSettings, Pair, SignOff, Text
from counter.documents.kinds import DocumentKind


def bundle_forms(bundle: Bundle) -> tuple[Material, ...]:
    """The materials of a guide the applicant fills in, in the guide's order."""
    return tuple(m for m in bundle.materials if m.kind is MaterialKind.FORM)


def _boxes(material: Material, sample: bool) -> tuple[Pair, ...]:
    if material.fields:
        return tuple(Pair(f.label, f.sample if sample else "", wide=True) for f in material.fields)
    return tuple(Pair(label, example if sample else "", wide=True) for label, example in paper.DOC_FORM_STANDARD_FIELDS)


def form_for(
    bundle: Bundle, material: Material, office: OfficeSettings, issued_on: dt.date, *, sample: bool
) -> DocumentData:
    """The blank form of ``material`` (a form of ``bundle``), or its 示范样表 when ``sample``."""
    kind = DocumentKind.SAMPLE_FORM if sample else DocumentKind.BLANK_FORM
    blocks: list[Block] = []
    if bundle.status is GuideStatus.DRAFT:
        blocks.append(Text(paper.DOC_FORM_DRAFT_GUIDE, indent=False))
    if bundle.sample:
        blocks.append(Text(paper.SAMPLE_GUIDE, indent=False))
    blocks.append(Text(paper.DOC_FORM_SAMPLE if sample else paper.DOC_FORM_FILL, indent=False, strong=sample))
    if material.prescribed_by:
        prescribed = paper.DOC_FORM_PRESCRIBED.format(prescriber=material.prescribed_by, form=material.name)
        blocks.append(Text(prescribed, indent=False))
    if not material.fields:
        blocks.append(Text(paper.DOC_FORM_STANDARD, indent=False))
    blocks.append(Fields(_boxes(material, sample)))
    sign_off = SignOff(
        clerk_label="",
        clerk="",
        phone="",
        signers=(paper.DOC_FORM_SIGNER,),
        signed_at=paper.DOC_FORM_DATE,
        issuer="",
        date="",
        seal_caption="",
    )
    return DocumentData(
        kind=kind,
        title=material.name,
        office_name=office.office_name,
        office_name_mn=office.office_name_mn,
        doc_no="",
        case_no="",
        header=(Pair(paper.DOC_BUNDLE, bundle.name, wide=True),),
        blocks=tuple(blocks),
        sign_off=sign_off,
        copies=(paper.DOC_TITLE[kind],),
        copies_note=paper.DOC_FORM_NOTE[kind],
        barcode="",
        qr="",
        qr_caption="",
        issued_on=issued_on,
        subject=f"{bundle.code} {material.code}",
        watermark=paper.DOC_TITLE[kind] if sample else "",
    )
