"""The 告知承诺书 an item marked for 告知承诺 prints, and the 撤销行政许可决定书 when its 核查 finds the promise false.

The 告知承诺书 is the deciding body's written 告知 and the applicant's promise on one sheet (国办发〔2020〕42号):
事项, 条件 (the item's own conditions in its guide), 材料 (those its guide lists for it), 承诺内容 (the
catalog's, :class:`~counter.catalog.model.NoticePledge`), 违诺后果, and the date the 核查 is due.  The revocation is
the same body's decision (《中华人民共和国行政许可法》第六十九条第二款) with the finding and the rights of its remedy.

Both are one item's papers, issued in the name of the body whose act they are, as a denial is
(:mod:`counter.documents.item_denial`): the item's deciding department, or the site itself where it holds the power
(:attr:`~counter.documents.acceptance.Acceptance.OWN`), with that body's remedy — the site's own 复议 body and court
then.  The revocation names its 复议 body and court: it is not made while the site has not named the department's
(:class:`~counter.documents.data.DocumentNotPossible`), as a denial is not.  The 告知承诺书 is kept as the
applicant's pledge (:attr:`DocumentKind.PLEDGE`, its own series), the revocation as an item's decision
(:attr:`DocumentKind.DENIAL`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.case.view import CaseView
from counter.catalog.model import Bundle, Item
from counter.documents import notice_pledge_words as words
from counter.documents import words as paper
from counter.documents.acceptance import NOTHING_HELD, Acceptance, HeldItems, acceptance_of
from counter.documents.data import (
    Block,
    DocumentData,
    DocumentNotPossible,
    Heading,
    OfficeSettings,
    Pair,
    Pairs,
    SignOff,
    Text,
)
from counter.documents.deciders import decider_name, department_contact, unnamed_bodies
from counter.documents.item_law import item_rights_sentence, office_rights_sentence
from counter.documents.kinds import DocumentKind, DocumentProblem
from counter.documents.words import date_text
from counter.parties.masking import mask_id


@dataclass(frozen=True, slots=True)
class PledgeFacts:
    """What the grant and its check recorded: the dates, and what the check found."""

    granted_on: dt.date
    check_due: dt.date
    checked_on: dt.date | None = None
    finding: str = ""


def acting_body(item: Item, office: OfficeSettings, held: HeldItems) -> tuple[str, bool]:
    """The body in whose name the item's 告知承诺 papers are issued, and whether it is the site itself (it holds the
    power for the item: its own name, seal and remedy)."""
    own = acceptance_of(item, office, held) is Acceptance.OWN
    return (office.office_name if own else decider_name(item, office)), own


def pledge_notice(
    case: CaseView,
    bundle: Bundle,
    item: Item,
    office: OfficeSettings,
    doc_no: str,
    facts: PledgeFacts,
    held: HeldItems = NOTHING_HELD,
) -> DocumentData:
    """The 告知承诺书 of ``item``: the five elements, the 核查 date, the applicant's signature."""
    assert item.pledge is not None  # only an item the catalog marks prints it
    department, own = acting_body(item, office, held)
    materials = [m.name for m in bundle.materials_for(dict(case.answers)) if item.code in m.items]
    check = item.pledge.check_within
    told = (
        Pair(words.ITEM, item.sub_item or item.name, wide=True),
        Pair(words.CONDITIONS, words.LIST_JOIN.join(item.conditions) or words.NOTHING, wide=True),
        Pair(words.MATERIALS, words.LIST_JOIN.join(materials) or words.NOTHING, wide=True),
        Pair(
            words.CHECK,
            words.CHECK_VALUE.format(limit=paper.time_limit(check) if check else "", date=date_text(facts.check_due)),
            wide=True,
        ),
    )
    blocks: list[Block] = [
        Text(words.PLEDGE_INTRO.format(basis=item.pledge.basis, department=department, item=item.name)),
        Heading(words.H_TOLD),
        Pairs(told),
        Heading(words.H_PROMISE),
        Text(item.pledge.promise),
        Heading(words.H_BREACH),
        Text(words.BREACH),
        Text(words.DECLARATION, strong=True),
        Text(words.GRANTED.format(date=date_text(facts.granted_on))),
    ]
    signer = paper.DOC_SIGNER["company" if case.legal_rep else "person"]
    return _paper(case, item, office, (department, own), doc_no, facts.granted_on, words.PLEDGE_TITLE, blocks, signer)


def revocation(
    case: CaseView,
    item: Item,
    office: OfficeSettings,
    doc_no: str,
    facts: PledgeFacts,
    you: str,
    held: HeldItems = NOTHING_HELD,
) -> DocumentData:
    """The 撤销行政许可决定书: what the check found, the decision, and the rights of the acting body's remedy, its
    复议 body and court named.  :class:`DocumentNotPossible` while the site has not named the department's."""
    assert facts.checked_on is not None  # a revocation follows the check
    department, own = acting_body(item, office, held)
    unnamed = () if own else unnamed_bodies((item,), office)
    if unnamed:
        raise DocumentNotPossible((DocumentProblem.REVIEW_BODY_UNNAMED,), unnamed)
    rights = office_rights_sentence(item, office) if own else item_rights_sentence(item, office)
    intro = words.REVOCATION_INTRO.format(
        you=you,
        granted=date_text(facts.granted_on),
        item=item.name,
        checked=date_text(facts.checked_on),
        finding=facts.finding,
    )
    blocks: list[Block] = [
        Text(paper.DOC_SALUTATION.format(name=case.applicant_name), indent=False),
        Text(intro),
        Text(words.REVOCATION_DECISION, strong=True),
        Text(rights, strong=True),
    ]
    return _paper(
        case,
        item,
        office,
        (department, own),
        doc_no,
        facts.checked_on,
        words.REVOCATION_TITLE,
        blocks,
        paper.DOC_SIGNER_GUIDE,
    )


def _paper(
    case: CaseView,
    item: Item,
    office: OfficeSettings,
    acting: tuple[str, bool],
    doc_no: str,
    issued_on: dt.date,
    title: str,
    blocks: list[Block],
    signer: str,
) -> DocumentData:
    kind = DocumentKind.PLEDGE if title == words.PLEDGE_TITLE else DocumentKind.DENIAL
    noun = words.PLEDGE_NOUN if kind is DocumentKind.PLEDGE else words.REVOCATION_NOUN
    department, own = acting
    label = paper.DOC_ID_LABEL["company" if case.legal_rep else "person"]
    # the department's, a blank to fill in where the site lists none; the site's own consultation line where it acts
    clerk, phone = ("", office.consult_phone) if own else department_contact(item, office)
    header = (
        Pair(paper.DOC_APPLICANT, case.applicant_name),
        Pair(label, mask_id(case.applicant_id_no)),
        Pair(paper.DOC_ITEMS, case.bundle_name, wide=True),
    )
    sign_off = SignOff(
        clerk_label=paper.DOC_CLERK,
        clerk=clerk or paper.DOC_FILL_IN,
        phone=phone or paper.DOC_FILL_IN,
        signers=(signer,),
        signed_at=paper.DOC_SIGNED_AT,
        issuer=department,
        date=date_text(issued_on),
        seal_caption=paper.DOC_SEAL_PLACE.format(seal=paper.DOC_DEPARTMENT_SEAL.format(department=department)),
    )
    return DocumentData(
        kind=kind,
        title=title,
        office_name=department,
        office_name_mn=office.office_name_mn if own else "",  # a department's: Chinese
        doc_no=doc_no,
        case_no=case.case_no,
        header=header,
        blocks=tuple(blocks),
        sign_off=sign_off,
        copies=paper.DOC_COPY_LABELS,
        copies_note=paper.DOC_COPIES.format(noun=noun),
        barcode=case.case_no,
        qr="",
        qr_caption="",
        issued_on=issued_on,
        subject=case.case_no,
    )
