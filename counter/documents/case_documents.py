"""The documents of a case: application form, receipt, deferral notice, pledge, correction notice, refusal, denial.

:func:`document_for` builds every word of a case's document from three things
only: the stored case (:class:`~counter.case.view.CaseView`), the guide version
the case was taken under (a :class:`~counter.catalog.model.Bundle`), and the
office settings in force; the date on the paper is given, never read from a
clock.  So a reprint months later, or on another desk, is the same paper.

What each document says is domain §3-§5.  Paper shows the situation at intake,
not the case's later life: a deferred material stays "容缺后补" on the receipt
after it arrived, and the deferral notice lists every material that was
deferred.  A deadline a supervisor extended does show the new date (it is what
the applicant must meet).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from counter.case.date_changes import nth_date_change
from counter.case.dates_moved import CORRECTION, PROMISED
from counter.case.decisions import deferred_items
from counter.case.numbers import taken_in_outage
from counter.case.site_authority import EntrustedAct
from counter.case.view import CaseMaterialLine, CaseView
from counter.catalog.model import Bundle, GuideStatus
from counter.documents import acceptance_words as accepting
from counter.documents import law_words as law
from counter.documents import words as paper
from counter.documents.acceptance import (
    NOTHING_HELD,
    Acceptance,
    HeldItems,
    acceptance_of,
    is_licensing,
    paper_standing,
)
from counter.documents.acting import (
    check_acting,
    concerned_items,
    deferral_intro,
    entrusted_sign_off,
    receipt_opening,
    received_correction,
    received_title,
)
from counter.documents.application import applicant_kind, application_for
from counter.documents.checks import DEFER, deferred_lines, document_problems, nth_hand_over, shortfall_lines
from counter.documents.codes import progress_url
from counter.documents.data import (
    Block,
    Column,
    DocumentData,
    DocumentNotPossible,
    Heading,
    Numbered,
    OfficeSettings,
    Pair,
    Pairs,
    SignOff,
    Table,
    Text,
)
from counter.documents.date_notes import moved, provisional
from counter.documents.date_notice import date_notice_blocks
from counter.documents.issuers import part_bundle, serves_part
from counter.documents.item_acceptance import ItemDates
from counter.documents.item_law import (
    basis_table,
    correction_basis,
    items_served,
    lapse_deciders,
)
from counter.documents.item_papers import item_paper
from counter.documents.kinds import DocumentKind
from counter.documents.licence_lines import received_name, taken_licence
from counter.documents.refusal_notice import refusal_notice_blocks
from counter.documents.self_name import in_own_words
from counter.documents.service_receipt import service_blocks, service_sign_off
from counter.documents.words import (
    at_own_place,
    clerk_phone,
    consult_phone,
    date_text,
    guide_text,
    hours,
    items_text,
    numbered,
    optional_date,
    place,
)
from counter.intake.checklist import PRESENT, Receipt, ReceivedMedium
from counter.intake.parties import ApplicantKind, Delivery
from counter.intake.subject import subject_lines
from counter.parties.masking import mask_id, mask_phone


def _header(case: CaseView, bundle: Bundle) -> tuple[Pair, ...]:
    """Who applies, through whom, and for what: two pairs a row, long values across the row."""
    kind = applicant_kind(case)
    masked = mask_id(case.applicant_id_no)
    pairs: list[Pair] = []
    if kind == ApplicantKind.COMPANY.value:
        pairs += [
            Pair(paper.DOC_APPLICANT, case.applicant_name, wide=True),
            Pair(paper.DOC_ID_LABEL[kind], masked),
            Pair(paper.DOC_LEGAL_REP, case.legal_rep or paper.DOC_NONE),
        ]
    else:
        pairs += [Pair(paper.DOC_APPLICANT, case.applicant_name), Pair(paper.DOC_ID_LABEL[kind], masked)]
    if case.agent_name:
        pairs += [Pair(paper.DOC_AGENT, case.agent_name), Pair(paper.DOC_AGENT_ID, mask_id(case.agent_id_no))]
    else:
        pairs.append(Pair(paper.DOC_AGENT, paper.DOC_NONE))
    phone = case.notify_phone or case.applicant_phone
    pairs += [
        Pair(paper.DOC_PHONE, mask_phone(phone) if phone else paper.DOC_NONE),
        Pair(paper.DOC_RECEIVED_ON, date_text(case.received_on)),
    ]
    if sum(not p.wide for p in pairs) % 2:
        last = pairs.pop()
        pairs.append(Pair(last.label, last.value, wide=True))
    version = guide_text(case.bundle_name, case.guide_version, bundle)
    pairs.append(Pair(paper.DOC_BUNDLE, version, wide=True))
    return tuple(pairs)


def _subject(case: CaseView, bundle: Bundle) -> tuple[Pair, ...]:
    """Whom the case is about beside its applicant (the newborn, the household), two pairs a row as the header's."""
    pairs = [Pair(label, value) for label, value in subject_lines(bundle.subject, case.subject, day=date_text)]
    if len(pairs) % 2:
        pairs[-1] = Pair(pairs[-1].label, pairs[-1].value, wide=True)
    return tuple(pairs)


def _signers(case: CaseView) -> tuple[str, ...]:
    signer = paper.DOC_SIGNER[applicant_kind(case)]
    return (paper.DOC_SIGNER_AGENT,) if case.agent_name else (signer,)


def _sign_off(case: CaseView, office: OfficeSettings, issued_on: dt.date) -> SignOff:
    return SignOff(
        clerk_label=paper.DOC_CLERK,
        clerk=case.clerk,
        phone=clerk_phone(office),
        signers=_signers(case),
        signed_at=paper.DOC_SIGNED_AT,
        issuer=office.office_name,
        date=date_text(issued_on),
        seal_caption=paper.DOC_SEAL_PLACE.format(seal=office.seal_caption),
    )


def _copy_form(line: CaseMaterialLine) -> tuple[str, str]:
    """原件/复印件 and the count, as printed on the receipt."""
    originals, copies = line.originals, line.copies
    if originals and copies:
        form = paper.DOC_FORM_BOTH
        count = (
            paper.DOC_COUNT_EACH.format(count=originals)
            if originals == copies
            else paper.DOC_COUNT_BOTH.format(originals=originals, copies=copies)
        )
        return form, count
    if originals:
        return paper.DOC_FORM_ORIGINAL, paper.DOC_COUNT.format(count=originals)
    if copies:
        return paper.DOC_FORM_COPY, paper.DOC_COUNT.format(count=copies)
    return paper.DOC_DASH, paper.DOC_DASH


def _how_received(line: CaseMaterialLine) -> str:
    if taken_licence(line) is not None:
        return paper.DOC_HOW_LICENCE
    if line.due_on is not None:
        return paper.DOC_HOW_DEFERRED.format(date=date_text(line.due_on))
    if line.receipt == Receipt.SHARED_CONFIRMED.value:
        return paper.RECEIVED_MEDIUM[ReceivedMedium.SHARED]
    try:
        medium = paper.RECEIVED_MEDIUM[ReceivedMedium(line.medium)]
    except ValueError:
        medium = paper.DOC_DASH
    return paper.DOC_HOW_CORRECTED.format(medium=medium) if line.receipt == Receipt.CORRECTED_ON_SPOT.value else medium


def _requirement(bundle: Bundle, code: str) -> str:
    material = next((m for m in bundle.materials if m.code == code), None)
    return material.requirement if material is not None else ""


def _date_notes(case: CaseView, *quoted: str, deferred: bool = True) -> list[Block]:
    """The notes under the paper's dates (:mod:`counter.documents.date_notes`): provisional, and moved later.

    ``quoted``: ``promised`` or ``correction`` where the paper quotes them; ``deferred``: it quotes the deferred
    materials' dates too."""
    codes = {m.code for m in case.materials if m.due_on is not None} if deferred else set()
    return [*provisional(case), *moved(case, {*quoted, *codes})]


def _receipt(
    case: CaseView, bundle: Bundle, office: OfficeSettings, you: str, sms: bool, held: HeldItems
) -> list[Block]:
    """The 受理凭证, or the 收件凭证 where the hall only receives (:mod:`counter.documents.acting`); ``sms``: whether
    it promises the progress by SMS (where the hall has a gateway)."""
    received = [m for m in case.materials if m.due_on is not None or m.receipt in {r.value for r in PRESENT}]
    # a body's paper lists what its items stand on; one whose items name no material of their own, all those in hand
    shown = [m for m in received if serves_part(bundle, m.code)] or [m for m in received if m.due_on is None]
    rows = tuple(
        (
            str(n),
            received_name(m),
            *(_copy_form(m) if m.due_on is None else (paper.DOC_DASH, paper.DOC_DASH)),
            _how_received(m),
        )
        for n, m in enumerate(shown, 1)
    )
    limit = bundle.promised_limit
    opening, only_received = receipt_opening(case, bundle, office, you, held)
    if taken_in_outage(case.case_no):  # kept at the window until its server answers: nothing is decided yet
        opening = [*opening, Text(accepting.RECEIPT_OUTAGE)]
    value = accepting.PROMISED_FROM_ACCEPTANCE if only_received else paper.DOC_PROMISED_VALUE
    promised = (
        value.format(date=date_text(case.promised_on), limit=paper.time_limit(limit), unit=paper.COUNTED_IN[limit.unit])
        if case.promised_on is not None and limit is not None
        else paper.DOC_PROMISED_DATE_ONLY.format(date=optional_date(case.promised_on))
    )
    # no progress page set: no code printed, so nothing says to scan one
    qr = bool(office.progress_url_base)
    progress_value = paper.DOC_PROGRESS_VALUE if qr else paper.DOC_PROGRESS_VALUE_NO_QR
    no_sms = paper.DOC_RECEIPT_NOTES_NO_SMS if qr else paper.DOC_RECEIPT_NOTES_NO_SMS_NO_QR
    return [
        Text(paper.DOC_SALUTATION.format(name=case.applicant_name), indent=False),
        *opening,
        Heading(paper.DOC_H_RECEIVED),
        Table(
            (
                Column(paper.DOC_COL_NO, 0.07, centred=True),
                Column(paper.DOC_COL_MATERIAL, 0.45),
                Column(paper.DOC_COL_FORM, 0.16, centred=True),
                Column(paper.DOC_COL_COUNT, 0.10, centred=True),
                Column(paper.DOC_COL_HOW, 0.22, centred=True),
            ),
            rows,
        ),
        Pairs(
            (
                Pair(paper.DOC_PROMISED, promised, wide=True),
                Pair(paper.DOC_DELIVERY, _delivery(case, bundle, office), wide=True),
                Pair(paper.DOC_PROGRESS, progress_value.format(phone=consult_phone(bundle, office))),
                Pair(paper.DOC_COMPLAINT, complaint_channel(bundle, office)),
            )
        ),
        *_waiting(case, bundle),
        *_date_notes(case, PROMISED),
        numbered(paper.DOC_RECEIPT_NOTES if sms else no_sms),
    ]


#: the papers the applicant does not take away as the office's word to them: the applicant's own promise
_NOT_TAKEN_AWAY = frozenset({DocumentKind.PLEDGE})
#: the region's 12345 政务服务便民热线, which every complaint line names beside the hall's own number
HOTLINE = "12345"


def complaint_channel(bundle: Bundle, office: OfficeSettings) -> str:
    """The complaint channel a paper names: 12345 and the hall's (or the bundle's) own number, 12345 first.
    国办发〔2020〕53号 made 12345 the one 政务服务便民热线; the hall's own line is who answers at the place."""
    own = bundle.complaint_phone or office.complaint_phone
    return own if HOTLINE in own else paper.DOC_COMPLAINT_JOIN.join(p for p in (HOTLINE, own) if p)


def _closing_lines(kind: DocumentKind, blocks: Iterable[Block], bundle: Bundle, office: OfficeSettings) -> list[Block]:
    """What ends every paper of the case: the complaint channel on each the applicant takes away, where its blocks
    do not give it already; a 待核 guide's one line on every notice."""
    closing: list[Block] = []
    if kind not in _NOT_TAKEN_AWAY and not _names_complaint(blocks):
        closing.append(Pairs((Pair(paper.DOC_COMPLAINT, complaint_channel(bundle, office), wide=True),)))
    if bundle.status is GuideStatus.DRAFT:
        closing.append(Text(paper.DOC_DRAFT_GUIDE, indent=False))
    return closing


def _names_complaint(blocks: Iterable[Block]) -> bool:
    """Whether a paper's blocks already give the complaint line (the receipt's table of how to follow the case)."""
    return any(isinstance(b, Pairs) and any(p.label == paper.DOC_COMPLAINT for p in b.pairs) for b in blocks)


def _waiting(case: CaseView, bundle: Bundle) -> list[Block]:
    """A 容缺 receipt says which items wait for the deferred materials, promised for the case's date, and which go on
    (seed 001 第十六条(三): 先予受理)."""
    waiting = set(deferred_items(bundle, case.materials))
    if case.outcome != DEFER or not waiting or case.promised_on is None:
        return []

    def names(items: list[str]) -> str:
        return paper.DOC_LAPSE_ITEM_JOIN.join(paper.DOC_LAPSE_ITEM.format(name=name) for name in items)

    served = [i.name for i in bundle.items if i.code in waiting]
    others = paper.DOC_RECEIPT_GOING_ON if len(served) < len(bundle.items) else ""
    return [Text(paper.DOC_RECEIPT_WAITING.format(items=names(served), others=others))]


def _delivery(case: CaseView, bundle: Bundle, office: OfficeSettings) -> str:
    if case.delivery == Delivery.POST.value:
        return paper.DOC_DELIVERY_POST.format(address=case.delivery_address or case.applicant_address)
    if case.delivery == Delivery.ELECTRONIC.value:
        return paper.DOC_DELIVERY_ELECTRONIC
    return paper.DOC_DELIVERY_PICKUP.format(place=place(bundle, office))


def _deferred_table(case: CaseView, bundle: Bundle) -> Table:
    rows = []
    for n, m in enumerate((m for m in deferred_lines(case) if serves_part(bundle, m.code)), 1):
        standard = _requirement(bundle, m.code)
        if m.defect_note:
            standard = "\n".join(filter(None, (standard, paper.DOC_DEFECT_NOTE.format(note=m.defect_note))))
        due = paper.DOC_DUE_VALUE.format(date=date_text(m.due_on)) if m.due_on else paper.DOC_NOT_STATED
        rows.append((str(n), m.name, standard or paper.DOC_NOT_STATED, due))
    return Table(
        (
            Column(paper.DOC_COL_NO, 0.07, centred=True),
            Column(paper.DOC_COL_DEFERRED, 0.25),
            Column(paper.DOC_COL_STANDARD, 0.45),
            Column(paper.DOC_COL_DUE, 0.23, centred=True),
        ),
        tuple(rows),
    )


def _deferral(case: CaseView, bundle: Bundle, office: OfficeSettings, you: str, held: HeldItems) -> list[Block]:
    hand_in = (
        paper.DOC_HAND_IN_WINDOW.format(place=place(bundle, office), hours=hours(bundle, office)),
        paper.DOC_HAND_IN_POST.format(address=office.address, office=office.office_name, case_no=case.case_no),
        paper.DOC_HAND_IN_ONLINE.format(portal=office.online_portal, case_no=case.case_no),
    )
    blocks: list[Block] = [
        Text(paper.DOC_SALUTATION.format(name=case.applicant_name), indent=False),
        *deferral_intro(case, bundle, office, you, held),
        _deferred_table(case, bundle),
        *_date_notes(case, PROMISED),
        Heading(paper.DOC_H_HAND_IN),
        numbered(hand_in),
        Heading(paper.DOC_H_LATE),
        Text(paper.DOC_DEFERRAL_LATE.format(deciders=_lapse_deciders(case, bundle, office)), strong=True),
    ]
    concerned = items_served(bundle, (m.code for m in deferred_lines(case))) or bundle.items
    if all(acceptance_of(i, office, held) is not Acceptance.RECEIVED for i in concerned):  # who may extend it
        blocks.append(Text(paper.DOC_DEFERRAL_MORE_TIME, strong=True))
    if case.promised_on is not None:
        received = received_title(DocumentKind.DEFERRAL, bundle.items, office, held) is not None
        promised = accepting.DEFERRAL_PROMISED_RECEIVED if received else paper.DOC_DEFERRAL_PROMISED
        blocks.append(Text(promised.format(date=date_text(case.promised_on))))
    return blocks


def _lapse_deciders(case: CaseView, bundle: Bundle, office: OfficeSettings) -> str:
    """The items the deferred materials serve, each with the department that denies it if they lapse."""
    concerned = items_served(bundle, (m.code for m in deferred_lines(case))) or bundle.items
    return lapse_deciders(concerned, office)


def _pledge(case: CaseView, bundle: Bundle, office: OfficeSettings, we: str) -> list[Block]:
    deciders = _lapse_deciders(case, bundle, office)
    confirmations = tuple(
        (paper.DOC_NUMBERED_CN.format(numeral=paper.DOC_NUMERALS[n]), text.format(we=we, deciders=deciders))
        for n, text in enumerate(paper.DOC_PLEDGE_CONFIRMATIONS)
    )
    return [
        Text(
            paper.DOC_PLEDGE_INTRO.format(
                we=we, name=case.applicant_name, bundle=case.bundle_name, case_no=case.case_no
            )
        ),
        Numbered(confirmations),
        _deferred_table(case, bundle),
        *_date_notes(case),
    ]


def _correction(case: CaseView, bundle: Bundle, office: OfficeSettings, you: str, held: HeldItems) -> list[Block]:
    """The 补齐补正通知书: 行政许可法 第三十二条 in the intro only when every item concerned is a licence.

    Otherwise the intro cites nothing and a closing table gives, per item the
    missing materials serve, its type, department and basis (:mod:`counter.documents.item_law`).
    Where the hall only receives for an item concerned, it is the 补齐材料告知书 instead: the hall tells what is
    missing and decides nothing (:func:`counter.documents.acting.received_correction`).
    """
    lines = tuple(m for m in shortfall_lines(case, bundle) if serves_part(bundle, m.code))  # one body's part's
    concerned = concerned_items(DocumentKind.CORRECTION, case, bundle)
    licensing = all(is_licensing(item) for item in concerned)
    intro = paper.DOC_CORRECTION_INTRO if licensing else law.CORRECTION_INTRO_PLAIN
    rows = tuple(
        (
            str(n),
            m.name,
            m.defect_note if m.receipt == Receipt.DEFECTIVE.value and m.defect_note else paper.DOC_PROBLEM_MISSING,
            _requirement(bundle, m.code) or paper.DOC_NOT_STATED,
        )
        for n, m in enumerate(lines, 1)
    )
    received = paper_standing(concerned, office, held, EntrustedAct.CORRECT) is Acceptance.RECEIVED
    due = accepting.CORRECTION_RECEIVED_DUE_VALUE if received else paper.DOC_CORRECTION_DUE_VALUE
    how = accepting.CORRECTION_RECEIVED_HOW_VALUE if received else paper.DOC_CORRECTION_HOW_VALUE
    opening = Text(intro.format(you=you, received=date_text(case.received_on), bundle=case.bundle_name))
    blocks: list[Block] = [
        Text(paper.DOC_SALUTATION.format(name=case.applicant_name), indent=False),
        received_correction(case, concerned, office, you)[0] if received else opening,
        Table(
            (
                Column(paper.DOC_COL_NO, 0.07, centred=True),
                Column(paper.DOC_COL_MATERIAL, 0.25),
                Column(paper.DOC_COL_PROBLEM, 0.25),
                Column(paper.DOC_COL_STANDARD, 0.43),
            ),
            rows,
        ),
        Heading(accepting.CORRECTION_RECEIVED_HEADING if received else paper.DOC_H_CORRECTION),
        Pairs(
            (
                Pair(
                    accepting.CORRECTION_RECEIVED_DUE if received else paper.DOC_CORRECTION_DUE,
                    due.format(date=optional_date(case.correction_due)),
                    wide=True,
                ),
                Pair(
                    paper.DOC_CORRECTION_HOW, how.format(place=place(bundle, office), portal=office.online_portal), True
                ),
            )
        ),
        *_date_notes(case, CORRECTION, deferred=False),
    ]
    if received:
        return [*blocks, *received_correction(case, concerned, office, you)[1:]]
    blocks += [Text(paper.DOC_CORRECTION_ONCE), Text(paper.DOC_CORRECTION_GIVE_UP, strong=True)]
    if not licensing:
        blocks += [Heading(law.DOC_H_ITEM_BASIS), basis_table(concerned, office, correction_basis)]
    return blocks


def document_for(
    case: CaseView,
    kind: DocumentKind,
    office: OfficeSettings,
    doc_no: str,
    bundle: Bundle,
    issued_on: dt.date,
    item_code: str = "",
    hand_over_no: int = 0,
    *,
    sms_promised: bool = True,
    own_place: bool = False,
    held: HeldItems = NOTHING_HELD,
    item_dates: ItemDates | None = None,
    per_body: bool = True,
) -> DocumentData:
    """The document ``kind`` of ``case``, every word of it; :class:`DocumentNotPossible` when it does not fit.

    A denial is of one item (``item_code``), in its department's name (:mod:`counter.documents.item_denial`);
    a 送达回证 of one hand-over of results (``hand_over_no``: :mod:`counter.documents.service_receipt`).

    ``bundle`` is the guide version the case was taken under
    (``counter.db.catalog_store.guide_version(session, case.guide_version_id)``),
    ``doc_no`` the number from :func:`counter.case.numbers.doc_no` with
    ``kind.number_kind``, and ``issued_on`` the date printed by the seal.
    ``sms_promised``: the receipt promises the progress by SMS (the hall has a gateway, the case a phone).
    ``own_place``: the paper sends the applicant to the office's own address, hours and phones, never to the guide's
    (a township centre's: :func:`counter.documents.words.at_own_place`).
    ``held``: what the site's authority setting held when the paper was first made: whether the window accepts an
    item in its own name, in an entrusting department's, or only receives it (:mod:`counter.documents.acceptance`).
    ``item_dates``: a department's 受理通知书's dates, as first computed (:mod:`counter.documents.item_acceptance`).
    A receipt or a 容缺 notice is the part of ``item_code``'s issuing body (:mod:`counter.documents.issuers`), or
    with ``per_body`` False the whole bundle's, as one was made before papers were split by body.
    """
    bundle = at_own_place(bundle) if own_place else bundle
    problems = document_problems(case, kind, bundle, doc_no, issued_on, item_code, hand_over_no)
    if problems:
        raise DocumentNotPossible(problems)
    bundle = part_bundle(kind, case, bundle, office, held, item_code, per_body=per_body)  # one body's items alone
    check_acting(kind, bundle, office, item_code, held)
    concerned = concerned_items(kind, case, bundle)
    if kind is DocumentKind.APPLICATION:
        return application_for(case, bundle, office, doc_no, issued_on)
    applicant = applicant_kind(case)
    you, we = paper.DOC_YOU[applicant], paper.DOC_WE[applicant]
    sign_off = _sign_off(case, office, issued_on)
    issuer = office.office_name
    header = (*_header(case, bundle), *_subject(case, bundle), Pair(paper.DOC_ITEMS, items_text(bundle), wide=True))
    blocks: list[Block]
    if kind is DocumentKind.RECEIPT:
        blocks = _receipt(case, bundle, office, you, sms_promised, held)
    elif kind is DocumentKind.DEFERRAL:
        blocks = _deferral(case, bundle, office, you, held)
    elif kind is DocumentKind.PLEDGE:
        blocks = _pledge(case, bundle, office, we)
        company = applicant == ApplicantKind.COMPANY.value
        signers = (paper.DOC_PLEDGE_SIGNER[applicant], *((paper.DOC_SIGNER_AGENT,) if case.agent_name else ()))
        sign_off = SignOff(
            clerk_label=sign_off.clerk_label,
            clerk=sign_off.clerk,
            phone=sign_off.phone,
            signers=signers,
            signed_at=paper.DOC_PLEDGE_SIGNED_ON,
            issuer=case.applicant_name if company else "",
            date="",
            seal_caption=paper.DOC_SEAL_PLACE.format(seal=paper.DOC_PLEDGE_COMPANY_SEAL) if company else "",
            fingerprint=paper.DOC_FINGERPRINT,
        )
    elif kind is DocumentKind.CORRECTION:
        blocks = _correction(case, bundle, office, you, held)
    elif kind is DocumentKind.REFUSAL:
        blocks = refusal_notice_blocks(case, bundle, office, you, held)
    elif kind is DocumentKind.SERVICE_RECEIPT:
        hand_over = nth_hand_over(case, hand_over_no)
        assert hand_over is not None  # document_problems saw to it
        blocks = service_blocks(case, bundle, hand_over, office)
        sign_off = service_sign_off(sign_off, case, hand_over)
        header = (*_header(case, bundle), *_subject(case, bundle))  # the items are the table's
    elif kind is DocumentKind.DATE_NOTICE:
        change = nth_date_change(case.history, hand_over_no)
        assert change is not None  # document_problems saw to it
        blocks = date_notice_blocks(case, bundle, change, office, you)
    else:  # one item's paper, in its department's name: its 不予批准, or its 受理 where the hall only received
        parties = (*_header(case, bundle), *_subject(case, bundle))
        blocks, sign_off, header = item_paper(
            kind, case, bundle, office, you, item_code, held, item_dates, sign_off, parties
        )
        issuer = sign_off.issuer
    title, noun = received_title(kind, concerned, office, held) or (paper.DOC_TITLE[kind], paper.DOC_NOUN[kind])
    entrusted = entrusted_sign_off(kind, concerned, office, held, sign_off, noun)
    if entrusted is not None:  # in the entrusting departments' name (许可法 第二十四条第三款)
        sign_off, issuer, line = entrusted
        blocks = _with_issuer_line(blocks, Text(line))
    blocks += _closing_lines(kind, blocks, bundle, office)
    blocks = in_own_words(blocks, issuer)  # a 中心's own paper says 本中心, a department's 本机关
    return DocumentData(
        kind=kind,
        title=title,
        office_name=issuer,
        office_name_mn=office.office_name_mn if issuer == office.office_name else "",  # a department's: Chinese
        doc_no=doc_no,
        case_no=case.case_no,
        header=header,
        blocks=tuple(blocks),
        sign_off=sign_off,
        copies=paper.DOC_COPY_LABELS,
        copies_note=paper.DOC_COPIES.format(noun=noun),
        barcode=case.case_no,
        qr=progress_url(office.progress_url_base, case.case_no) if office.progress_url_base else "",
        qr_caption=paper.DOC_QR_CAPTION,
        issued_on=issued_on,
        check_dates=any(isinstance(b, Text) and b.text == paper.DOC_PROVISIONAL_DATES for b in blocks),
        subject=case.case_no,
    )


def _with_issuer_line(blocks: list[Block], line: Text) -> list[Block]:
    """The line saying who issued the paper in whose name, under the opening, before what the paper says — unless
    the opening announces what follows ("现一次性告知你需要补齐补正的全部内容："): then after the paper's body, so that
    the list comes right under the words that announce it."""
    opening = blocks[1] if len(blocks) > 1 else None
    if isinstance(opening, Text) and opening.text.endswith("："):
        return [*blocks, line]
    return [*blocks[:2], line, *blocks[2:]]
