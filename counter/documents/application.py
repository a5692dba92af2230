"""The 一件事联办申请表: the bundle's application forms as one, filled from the intake, checked and signed.

"一次告知、一套表单、一次受理" (seed 004, 一次办) and "一表申请" (seed 000): the applicant does not fill in each
department's form with the same name, number and address again.  The paper is made from the stored case: the
applicant and the agent as the intake recorded them, how the result is delivered, then what each item's own
form still asks (:mod:`counter.documents.form_merge` sorts the boxes so that no fact is asked twice), each item
under its deciding department as this site names it; then the declaration and the signatures.

What it is not: a department's application form.  A registration form the 市场监管总局 prescribes, or any form a
department keeps, is signed as itself; this paper gathers what those forms ask, once, checked and signed, and says
which forms remain to be signed (:data:`counter.catalog.model.Material.prescribed_by` names who prescribes one).
Nor does it ask what the applicant cannot have yet: a business the case itself registers gets its 统一社会信用代码
from that registration (:func:`produced_facts`).

Three choices, and why:

- The ID numbers and phones are printed whole, unlike every notice (masked to the first six and last four):
  the applicant must be able to check the number each department will register, and their forms ask it whole.
  The paper is the file's, not the applicant's (one copy, 存档); the applicant keeps the receipt.
- It is numbered, in a series of its own (:attr:`counter.case.numbers.DocKind.APPLICATION`), as the pledge is:
  it is the applicant's own act, which each department's file cites; and a numbered paper is on record, so
  every print of a paper carrying whole ID numbers is too, and a reprint is the same paper.
- Any case but a refused one has it: an application needing correction is still the application, corrected
  later; a refused one goes to no department.
"""

from __future__ import annotations

import datetime as dt

from counter.case.view import CaseView
from counter.catalog.model import Bundle, GuideStatus, Item, Material, MaterialKind, output_names
from counter.documents import application_words as app
from counter.documents import words as paper
from counter.documents.data import (
    Block,
    Column,
    DocumentData,
    Fields,
    Heading,
    OfficeSettings,
    Pair,
    Pairs,
    SignOff,
    Table,
    Text,
)
from counter.documents.deciders import decider_name
from counter.documents.form_merge import Fact, FormPart, fact_of, is_application_form, merge_forms
from counter.documents.kinds import DocumentKind
from counter.documents.words import clerk_phone, date_text
from counter.intake.parties import ApplicantKind, Delivery
from counter.intake.subject import subject_lines

WIDE_VALUE = 18  # characters: a value longer than an ID number takes the whole row
BOX_LINES = "\n"  # a box of a form in the items' table: two lines tall, room for one line of handwriting
UNLISTED_LINES = "\n\n\n"  # the box of a form whose boxes the catalog does not list: room for a few lines
BUSINESS_LICENCE = "营业执照"  # the 设立登记's result, which carries the 统一社会信用代码 (GB 32100)
LABEL_WEIGHT = 0.3  # the labels' column: an item's name of twelve characters (（四）新办纳税人涉税事项) on one line


def applicant_kind(case: CaseView) -> str:
    """The applicant's kind as the papers' words are keyed (DOC_YOU, DOC_SIGNER): a company's, else a person's."""
    return ApplicantKind.COMPANY.value if case.applicant_kind == ApplicantKind.COMPANY.value else "person"


def _phone(case: CaseView) -> str:
    return case.applicant_phone or case.notify_phone


def known_facts(case: CaseView) -> dict[str, str]:
    """The facts of the forms the intake holds, with their values: asked in the applicant's part, once."""
    if applicant_kind(case) == ApplicantKind.COMPANY.value:
        return {
            Fact.BODY_NAME.value: case.applicant_name,
            Fact.CREDIT_CODE.value: case.applicant_id_no,
            Fact.LEGAL_REP.value: case.legal_rep,
            Fact.PHONE.value: _phone(case),
            Fact.DOMICILE.value: case.applicant_address,
            Fact.ADDRESS.value: case.applicant_address,
        }
    return {
        Fact.PERSON_NAME.value: case.applicant_name,
        Fact.ID_NUMBER.value: case.applicant_id_no,
        Fact.PHONE.value: _phone(case),
        Fact.ADDRESS.value: case.applicant_address,
    }


def produced_facts(case: CaseView, bundle: Bundle) -> dict[str, str]:
    """The facts of the forms the case's own items make, with what the paper says instead of asking them.

    A person who registers a business in this case has no 统一社会信用代码 yet: the 设立登记 gives it with the
    营业执照, and the other departments take it from there.  A company applicant has its code already.
    """
    if applicant_kind(case) == ApplicantKind.COMPANY.value:
        return {}
    served = {code for material in bundle.materials_for(dict(case.answers)) for code in material.items}
    registers = any(BUSINESS_LICENCE in output_names(item.result) for item in bundle.items if item.code in served)
    return {Fact.CREDIT_CODE.value: app.APP_CREDIT_CODE_LATER} if registers else {}


def case_forms(case: CaseView, bundle: Bundle) -> tuple[Material, ...]:
    """The forms the case's situations call for, in the guide's order."""
    return tuple(m for m in bundle.materials_for(dict(case.answers)) if m.kind is MaterialKind.FORM)


def _part_heading(number: int, title: str) -> Heading:
    return Heading(app.APP_NUMBERED_PART.format(numeral=paper.DOC_NUMERALS[number], title=title))


def _checked(boxes: list[Pair]) -> list[Block]:
    """What the intake recorded, to be checked: the known values two to a row as a notice prints them, a long one
    across the row; what it left empty, a box to write in.

    Tall boxes for every value would take a page more, and the values are read and checked, not written."""
    known = [Pair(b.label, b.value, wide=len(b.value) > WIDE_VALUE) for b in boxes if b.value.strip()]
    half = [b for b in known if not b.wide]
    if len(half) % 2:  # a lone half row across the row, so that the table keeps its columns
        last = half[-1]
        known[known.index(last)] = Pair(last.label, last.value, wide=True)
    blocks: list[Block] = [Pairs(tuple(sorted(known, key=lambda b: b.wide)))] if known else []
    empty = tuple(Pair(b.label, "") for b in boxes if not b.value.strip())
    if empty:
        blocks.append(Fields(empty))
    return blocks


def _applicant(case: CaseView, later: list[Pair]) -> list[Block]:
    """The applicant as the intake recorded them, then what the case itself will give them (``later``)."""
    kind = applicant_kind(case)
    boxes = [
        Pair(app.APP_NAME[kind], case.applicant_name),
        Pair(app.APP_ID_KIND, app.APP_ID_KIND_VALUE[kind]),
        Pair(app.APP_ID_NO[kind], case.applicant_id_no),
    ]
    if kind == ApplicantKind.COMPANY.value:
        boxes.append(Pair(app.APP_LEGAL_REP, case.legal_rep))
    boxes += [Pair(app.APP_PHONE, _phone(case)), Pair(app.APP_ADDRESS[kind], case.applicant_address)]
    return _checked(boxes + later)


def _agent(case: CaseView) -> list[Block]:
    return _checked(
        [
            Pair(app.APP_AGENT_NAME, case.agent_name),
            Pair(app.APP_ID_KIND, app.APP_AGENT_ID_KIND_VALUE),
            Pair(app.APP_ID_NO["person"], case.agent_id_no),
            Pair(app.APP_AGENT_SCOPE, case.agent_authorisation),
        ]
    )


def _delivery(case: CaseView) -> list[Block]:
    if case.delivery == Delivery.POST.value:
        way = app.APP_DELIVERY_POST.format(address=case.delivery_address or case.applicant_address)
    elif case.delivery == Delivery.ELECTRONIC.value:
        way = app.APP_DELIVERY_ELECTRONIC
    else:
        way = app.APP_DELIVERY_PICKUP
    return _checked([Pair(app.APP_DELIVERY, way), Pair(app.APP_NOTIFY_PHONE, case.notify_phone or _phone(case))])


def _form_rows(part: FormPart) -> list[tuple[str, ...]]:
    """A form's rows: each box left to it, a blank tall enough to write in; or, where the catalog does not list
    its boxes, what it must hold and one large blank."""
    form = part.form
    if not form.fields:
        what = form.requirement or app.APP_FORM_UNLISTED_PLAIN
        return [(app.APP_FORM_UNLISTED, what), (app.APP_FILL_IN, UNLISTED_LINES)]
    if not part.labels:
        return [(app.APP_FORM_NAME.format(form=form.name), app.APP_ALL_ASKED)]
    return [(label, BOX_LINES) for label in part.labels]


def _item_table(number: int, item: Item, parts: list[FormPart], office: OfficeSettings) -> Table:
    """An item's table: its name, deciding department and the forms whose boxes follow in the header, then the boxes.

    The header repeats on each page the table runs onto, so a box never stands on a page apart from the name of
    the item it is for."""
    names = app.APP_FORM_JOIN.join(_form_name(p.form) for p in parts)
    name = app.APP_ITEM_TITLE.format(numeral=paper.DOC_NUMERALS[number], name=item.name)
    about = app.APP_ITEM_ABOUT.format(
        department=decider_name(item, office),
        forms=app.APP_ITEM_FORMS.format(forms=names) if parts else app.APP_NO_FORM,
    )
    rows: list[tuple[str, ...]] = []
    for part in parts:
        rows += _form_rows(part)
    return Table((Column(name, LABEL_WEIGHT, centred=True), Column(about, 1 - LABEL_WEIGHT)), tuple(rows))


def _form_name(form: Material) -> str:
    if form.prescribed_by:
        return app.APP_FORM_PRESCRIBED.format(form=form.name, prescriber=form.prescribed_by)
    return app.APP_FORM_NAME.format(form=form.name)


def _by_item(bundle: Bundle, parts: tuple[FormPart, ...]) -> dict[str, list[FormPart]]:
    """Each form under the first item of the guide it serves: a form two items share is printed once."""
    order = {item.code: n for n, item in enumerate(bundle.items)}
    placed: dict[str, list[FormPart]] = {item.code: [] for item in bundle.items}
    for part in parts:
        served = sorted((code for code in part.form.items if code in order), key=order.__getitem__)
        if served:
            placed[served[0]].append(part)
    return placed


def application_blocks(case: CaseView, bundle: Bundle, office: OfficeSettings) -> list[Block]:
    """The parts of the form: applicant, agent, delivery, shared facts, each item, the declaration."""
    kind = applicant_kind(case)
    forms = case_forms(case, bundle)
    applications = tuple(f for f in forms if is_application_form(f))
    produced = produced_facts(case, bundle)
    merged = merge_forms(applications, {**known_facts(case), **produced})
    asked = {fact_of(box.label) for form in applications for box in form.fields}
    later = [Pair(app.APP_CREDIT_CODE, text) for fact, text in produced.items() if fact in asked]
    blocks: list[Block] = [
        Text(app.APP_INTRO.format(bundle=case.bundle_name), indent=False),
        _part_heading(0, app.APP_PART_APPLICANT),
        *_applicant(case, later),
    ]
    number = 1
    if case.agent_name:
        blocks += [_part_heading(number, app.APP_PART_AGENT), *_agent(case)]
        number += 1
    if bundle.subject is not None:  # whom the departments register or assess: the newborn, the household
        lines = subject_lines(bundle.subject, case.subject, every=True, day=date_text)
        boxes = [Pair(label, value) for label, value in lines]
        blocks += [_part_heading(number, bundle.subject.title), *_checked(boxes)]
        number += 1
    blocks += [_part_heading(number, app.APP_PART_DELIVERY), *_delivery(case)]
    number += 1
    if merged.shared:
        columns = (Column(app.APP_COL_LABEL, LABEL_WEIGHT, centred=True), Column(app.APP_COL_FILL, 1 - LABEL_WEIGHT))
        shared = Table(columns, tuple((label, BOX_LINES) for label in merged.shared))  # in line with the items'
        blocks += [_part_heading(number, app.APP_PART_SHARED), shared]
        number += 1
    blocks.append(_part_heading(number, app.APP_PART_ITEMS))
    placed = _by_item(bundle, merged.parts)
    blocks += [_item_table(n, item, placed[item.code], office) for n, item in enumerate(bundle.items)]
    blocks.append(_part_heading(number + 1, app.APP_PART_DECLARATION))
    we = app.APP_WE[kind]
    blocks.append(Text(app.APP_DECLARATION.format(we=we, bundle=case.bundle_name, office=office.office_name)))
    if forms:
        names = app.APP_FORM_JOIN.join(app.APP_FORM_NAME.format(form=f.name) for f in forms)
        blocks.append(Text(app.APP_OTHER_PAPERS.format(forms=names), strong=True))
    if bundle.status is GuideStatus.DRAFT:
        blocks.append(Text(paper.DOC_DRAFT_GUIDE, indent=False))
    return blocks


def _sign_off(case: CaseView, office: OfficeSettings) -> SignOff:
    """The applicant's signature (a company's legal representative's and its seal), the agent's, the date."""
    kind = applicant_kind(case)
    company = kind == ApplicantKind.COMPANY.value
    return SignOff(
        clerk_label=paper.DOC_CLERK,
        clerk=case.clerk,
        phone=clerk_phone(office),
        signers=(app.APP_SIGNER[kind], *((app.APP_SIGNER_AGENT,) if case.agent_name else ())),
        signed_at=app.APP_SIGNED_ON,
        issuer=case.applicant_name if company else "",
        date="",
        seal_caption=paper.DOC_SEAL_PLACE.format(seal=app.APP_COMPANY_SEAL) if company else "",
        fingerprint="" if company else paper.DOC_FINGERPRINT,
    )


def application_for(
    case: CaseView, bundle: Bundle, office: OfficeSettings, doc_no: str, issued_on: dt.date
) -> DocumentData:
    """The case's 一件事联办申请表, every word of it; the caller has checked it fits the case."""
    version = paper.guide_text(case.bundle_name, case.guide_version, bundle)
    return DocumentData(
        kind=DocumentKind.APPLICATION,
        title=paper.DOC_TITLE[DocumentKind.APPLICATION],
        office_name=office.office_name,
        office_name_mn=office.office_name_mn,
        doc_no=doc_no,
        case_no=case.case_no,
        header=(
            Pair(paper.DOC_BUNDLE, version, wide=True),
            Pair(paper.DOC_RECEIVED_ON, date_text(case.received_on), wide=True),
        ),
        blocks=tuple(application_blocks(case, bundle, office)),
        sign_off=_sign_off(case, office),
        copies=(app.APP_COPY,),
        copies_note=app.APP_COPY_NOTE,
        barcode=case.case_no,
        qr="",  # the paper stays in the file: the applicant's receipt carries the progress code
        qr_caption="",
        issued_on=issued_on,
        subject=case.case_no,
    )
