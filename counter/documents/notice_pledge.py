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
from collections.abc import Mapping
from dataclasses import dataclass, field

from counter.case.entered_for import Entered
from counter.case.pledge_entries import PledgeAct
from counter.case.site_authority import EntrustedAct
from counter.case.view import CaseView
from counter.catalog.model import Bundle, Item
from counter.catalog.sub_items import case_sub_item
from counter.documents import notice_pledge_words as words
from counter.documents import words as paper
from counter.documents.acceptance import NOTHING_HELD, Acceptance, HeldItems, acceptance_of, entrusted_line
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
from counter.documents.self_name import in_own_words
from counter.documents.words import date_text
from counter.parties.masking import mask_id


@dataclass(frozen=True, slots=True)
class PledgeFacts:
    """What the grant and its check recorded: the dates, and what the check found."""

    granted_on: dt.date
    check_due: dt.date
    checked_on: dt.date | None = None
    finding: str = ""
    correct_by: dt.date | None = None  # the 责令限期改正's last day, where one was ordered
    heard_on: dt.date | None = None  # the 陈述申辩 notice's day
    hear_by: dt.date | None = None
    revoked_on: dt.date | None = None
    # the periods in working days from service, the papers' days of service (their periods run from them), the
    # 复查 (counter.case.pledge_steps.Recheck's code, "" before it) with its day and finding, and what the hearing
    # gave (said "" : nothing within the period)
    correct_days: int | None = None
    correction_served: dt.date | None = None
    hear_days: int | None = None
    hearing_served: dt.date | None = None
    recheck: str = ""
    rechecked_on: dt.date | None = None
    recheck_finding: str = ""
    said: str = ""
    answer: str = ""
    # the department's 文号 and officer of each step the window entered for it (代为录入): its paper prints them
    entries: Mapping[PledgeAct, Entered] = field(default_factory=dict)


#: the act each paper is of: the grant on a promise is the decision, the order to correct follows the 核查, the
#: 陈述申辩 告知 announces the 撤销
_PAPER_ACT = {
    words.PLEDGE_TITLE: EntrustedAct.DECIDE,
    words.CORRECTION_TITLE: EntrustedAct.CHECK,
    words.HEARING_TITLE: EntrustedAct.REVOKE,
    words.REVOCATION_TITLE: EntrustedAct.REVOKE,
}


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
        Pair(words.ITEM, case_sub_item(bundle, item, dict(case.answers)) or item.name, wide=True),
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
        Text(words.BREACH.format(chain=_chain(item))),
        Text(words.DECLARATION, strong=True),
        Text(words.GRANTED.format(date=date_text(facts.granted_on))),
    ]
    signer = paper.DOC_SIGNER["company" if case.legal_rep else "person"]
    return _paper(
        case, item, office, (department, own), doc_no, facts.granted_on, words.PLEDGE_TITLE, blocks, signer, held
    )


def _chain(item: Item) -> str:
    """The steps a promise found false leads through, told before the applicant signs: 责令改正 and its 复查 where
    the item's law orders a correction first, then the 陈述申辩 and only then the 撤销."""
    assert item.pledge is not None
    correction = item.pledge.correction
    return (words.BREACH_CORRECTION.format(law=correction) if correction else "") + words.BREACH_HEARING


def _day(day: dt.date | None) -> str:
    """A last day kept from before periods ran from service (the record's own): always set where it is read."""
    assert day is not None
    return date_text(day)


def _sentence(text: str) -> str:
    """Free text the body wrote, closed as a sentence where it is not already."""
    text = text.strip()
    return text if text.endswith(("。", "！", "？", "；")) else text + "。"


def _found(item: Item, facts: PledgeFacts, you: str) -> str:
    """The opening every paper of a promise found false shares: how the licence was got, and what the check found."""
    assert facts.checked_on is not None  # these papers follow the check
    return words.FOUND_FALSE.format(
        you=you,
        granted=date_text(facts.granted_on),
        item=item.name,
        checked=date_text(facts.checked_on),
        finding=facts.finding,
    )


def _ground(item: Item) -> str:
    """The articles a revocation stands on: the item's own law where it orders a correction first, and 第六十九条."""
    assert item.pledge is not None
    correction = item.pledge.correction
    return words.GROUND_BOTH.format(law=correction) if correction else words.REVOCATION_ARTICLE


def _rights(item: Item, office: OfficeSettings, own: bool) -> str:
    """The acting body's remedy, its 复议 body and court named; DocumentNotPossible while the site has not named the
    department's."""
    unnamed = () if own else unnamed_bodies((item,), office)
    if unnamed:
        raise DocumentNotPossible((DocumentProblem.REVIEW_BODY_UNNAMED,), unnamed)
    return office_rights_sentence(item, office) if own else item_rights_sentence(item, office)


def check_possible(item: Item, office: OfficeSettings, held: HeldItems = NOTHING_HELD) -> None:
    """:class:`DocumentNotPossible` where a paper of a promise found false could not be made for ``item``: each names
    (or, the hearing's, announces a revocation that names) the acting body's 复议 body and court."""
    _, own = acting_body(item, office, held)
    _rights(item, office, own)


def correction_order(
    case: CaseView,
    item: Item,
    office: OfficeSettings,
    doc_no: str,
    facts: PledgeFacts,
    you: str,
    held: HeldItems = NOTHING_HELD,
) -> DocumentData:
    """The 责令限期改正通知书: what the check found, the order to correct by the day set under the item's law, what
    follows if not, and the remedy against the order (an act of the body's own)."""
    assert item.pledge is not None
    assert facts.correct_days is not None or facts.correct_by is not None
    department, own = acting_body(item, office, held)
    law = item.pledge.correction
    order = (
        words.CORRECTION_ORDER_DAYS.format(law=law, you=you, days=facts.correct_days)
        if facts.correct_days is not None
        else words.CORRECTION_ORDER.format(law=law, you=you, date=_day(facts.correct_by))
    )
    blocks: list[Block] = [
        Text(paper.DOC_SALUTATION.format(name=case.applicant_name), indent=False),
        Text(_found(item, facts, you)),
        Text(order, strong=True),
        Text(words.CORRECTION_AFTER.format(you=you)),
        Text(_rights(item, office, own), strong=True),
    ]
    assert facts.checked_on is not None
    return _paper(
        case, item, office, (department, own), doc_no, facts.checked_on, words.CORRECTION_TITLE, blocks,
        paper.DOC_SIGNER_GUIDE, held, entered=facts.entries.get(PledgeAct.CHECK),
    )  # fmt: skip


def hearing_notice(
    case: CaseView,
    item: Item,
    office: OfficeSettings,
    doc_no: str,
    facts: PledgeFacts,
    you: str,
    held: HeldItems = NOTHING_HELD,
) -> DocumentData:
    """The 陈述申辩告知书: the revocation intended, its facts (the 复查 of a correction ordered), reasons and ground,
    and the applicant's right to state and defend their case within the working days given from its service, before
    any revocation.  :class:`DocumentNotPossible` while the revocation it announces could not be made (its 复议 body
    not named): a body does not tell of a decision it cannot issue."""
    assert facts.heard_on is not None
    department, own = acting_body(item, office, held)
    period = (
        words.HEARING_PERIOD.format(days=facts.hear_days)
        if facts.hear_days is not None
        else words.HEARING_PERIOD_DATE.format(date=_day(facts.hear_by))
    )
    blocks: list[Block] = [
        Text(paper.DOC_SALUTATION.format(name=case.applicant_name), indent=False),
        Text(_found(item, facts, you) + _rechecked(facts, you)),
        Text(words.HEARING_INTENT.format(ground=_ground(item)), strong=True),
        Text(words.HEARING_RIGHT.format(you=you, period=period), strong=True),
    ]
    _rights(item, office, own)  # the revocation it announces names its 复议 body: not announced while it cannot
    return _paper(
        case, item, office, (department, own), doc_no, facts.heard_on, words.HEARING_TITLE, blocks,
        paper.DOC_SIGNER_GUIDE, held, entered=facts.entries.get(PledgeAct.HEARING),
    )  # fmt: skip


def _rechecked(facts: PledgeFacts, you: str) -> str:
    """The correction ordered and what its 复查 found, one finding; a record from before the 复查 was kept says what
    it said then."""
    if facts.recheck in words.RECHECKED and facts.rechecked_on is not None:
        ordered = ""
        if facts.checked_on is not None and facts.correction_served is not None and facts.correct_by is not None:
            ordered = words.ORDERED.format(
                made=date_text(facts.checked_on), you=you, served=date_text(facts.correction_served),
                by=date_text(facts.correct_by),
            )  # fmt: skip
        found = words.RECHECKED[facts.recheck].format(
            day=date_text(facts.rechecked_on), you=you, finding=_sentence(facts.recheck_finding)
        )
        return ordered + found
    return words.NOT_CORRECTED.format(date=date_text(facts.correct_by)) if facts.correct_by is not None else ""


def _heard(facts: PledgeFacts, you: str) -> str:
    """The 陈述申辩 notice given and served, and what the period gave (a record from before service was kept: the
    notice and its last day only)."""
    if facts.heard_on is None or facts.hear_by is None:
        return ""
    if facts.hearing_served is None:
        return words.HEARD.format(you=you, heard=date_text(facts.heard_on), by=date_text(facts.hear_by))
    told = words.HEARD_SERVED.format(
        you=you, heard=date_text(facts.heard_on), served=date_text(facts.hearing_served), by=date_text(facts.hear_by)
    )
    if not facts.said.strip():
        return told + words.HEARD_NOTHING.format(you=you)
    return told + words.HEARD_SAID.format(you=you, said=_sentence(facts.said), answer=_sentence(facts.answer))


def revocation(
    case: CaseView,
    item: Item,
    office: OfficeSettings,
    doc_no: str,
    facts: PledgeFacts,
    you: str,
    held: HeldItems = NOTHING_HELD,
) -> DocumentData:
    """The 撤销行政许可决定书: what the check found, the correction ordered and not made (where the item's law orders
    one), the hearing given, the decision, and the rights of the acting body's remedy, its 复议 body and court named.
    :class:`DocumentNotPossible` while the site has not named the department's."""
    assert facts.checked_on is not None
    assert facts.revoked_on is not None
    department, own = acting_body(item, office, held)
    rights = _rights(item, office, own)
    blocks: list[Block] = [
        Text(paper.DOC_SALUTATION.format(name=case.applicant_name), indent=False),
        Text(_found(item, facts, you) + _rechecked(facts, you) + words.UNDUE.format(you=you)),
        Text(_heard(facts, you)),
        Text(words.REVOCATION_DECISION.format(ground=_ground(item)), strong=True),
        Text(rights, strong=True),
    ]
    return _paper(
        case,
        item,
        office,
        (department, own),
        doc_no,
        facts.revoked_on,
        words.REVOCATION_TITLE,
        blocks,
        paper.DOC_SIGNER_GUIDE,
        held,
        entered=facts.entries.get(PledgeAct.REVOCATION),
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
    held: HeldItems,
    *,
    entered: Entered | None = None,
) -> DocumentData:
    """The paper in the acting body's name; ``entered``: the department's 文号 and officer where the window entered
    the step for it (代为录入), printed as a decision's are, its officer the paper's 承办人, and the entrustment
    sentence says the hall issued (出具) what the department decided."""
    kind = DocumentKind.PLEDGE if title == words.PLEDGE_TITLE else DocumentKind.DENIAL
    noun = words.NOUNS[title]
    department, own = acting
    entered = None if own else entered  # a paper the site issues as its own is no department's entry
    # made by the hall in the department's name under an agreement covering the act: it says so (第二十四条第三款)
    line = entrusted_line(item, office, held, _PAPER_ACT[title], noun, entered=entered is not None)
    blocks = [*blocks, Text(line)] if line else blocks
    if entered is not None:
        line = paper.DOC_ENTERED.format(
            department_no=entered.department_no, officer=entered.officer, noun=noun, hall=office.office_name
        )
        blocks = [*blocks, Text(line)]
    label = paper.DOC_ID_LABEL["company" if case.legal_rep else "person"]
    # the department's, a blank to fill in where the site lists none; the site's own consultation line where it acts
    clerk, phone = ("", office.consult_phone) if own else department_contact(item, office)
    if entered is not None:
        clerk = entered.officer  # the department's officer who took the step, not the clerk who typed it
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
        blocks=tuple(in_own_words(blocks, department)),  # a 中心 acting says 本中心
        sign_off=sign_off,
        copies=paper.DOC_COPY_LABELS,
        copies_note=paper.DOC_COPIES.format(noun=noun),
        barcode=case.case_no,
        qr="",
        qr_caption="",
        issued_on=issued_on,
        subject=case.case_no,
    )
