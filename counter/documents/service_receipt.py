"""The 送达回证 of one hand-over: every result handed over, with its number, and who received it how.

What a 送达回证 records is what service means to a later dispute: which papers (name and number), to whom, by
which way, when, and the receiver's signature — or, for a posted result, the carrier's tracking number, whose
delivery record is the proof; for an electronic one, the address it went to.  It is built from the hand-over as
kept in the case's history (:mod:`counter.case.hand_over`), so a reprint is the same paper — but for one thing: a
posted result is served on the day its return receipt is signed, not on the day it was posted, so its 送达日期 stays
blank, to be filled in from the return, until that day is recorded
(:data:`counter.case.status.CaseEvent.SERVICE_SIGNED`); a reprint after that carries it.  Each item's result is
the department's (the 准予's licence under its number, or its 不予批准决定书): the table names the department as
the case's site names it, as the denial does (:func:`counter.documents.deciders.decider_name`).
"""

from __future__ import annotations

from counter.case.hand_over import HandOver, HandOverWay
from counter.case.view import CaseView
from counter.catalog.model import Bundle
from counter.catalog.sub_items import case_sub_item
from counter.documents import service_words as words
from counter.documents import words as paper
from counter.documents.data import Block, Column, OfficeSettings, Pair, Pairs, SignOff, Table, Text
from counter.documents.deciders import decider_name
from counter.documents.words import date_text, place


def service_blocks(case: CaseView, bundle: Bundle, hand_over: HandOver, office: OfficeSettings) -> list[Block]:
    """The intro, the table of results handed over, and how they were served."""
    rows = []
    decisions = case.decisions()
    for n, handed in enumerate(hand_over.items, 1):
        item = bundle.item(handed.code)
        name = (case_sub_item(bundle, item, dict(case.answers)) or item.name) if item is not None else handed.code
        department = decider_name(item, office) if item is not None else paper.DOC_DASH
        if handed.granted:
            result = (item.result if item is not None else "") or words.GRANTED_PAPER
        else:  # its 不予批准, or its department's 不予受理 of what the hall received: each its own paper
            refused = handed.code in decisions and decisions[handed.code].not_accepted
            result = paper.DOC_TITLE["item_refusal" if refused else "denial"]
        rows.append((str(n), name, result, handed.paper_no or paper.DOC_DASH, department))
    intro = words.INTRO_PART if hand_over.partial else words.INTRO_WHOLE
    blocks: list[Block] = [
        Text(paper.DOC_SALUTATION.format(name=case.applicant_name), indent=False),
        Text(intro.format(bundle=case.bundle_name, case_no=case.case_no, count=len(rows))),
        Table(
            (
                Column(paper.DOC_COL_NO, 0.07, centred=True),
                Column(words.COL_ITEM, 0.24),
                Column(words.COL_PAPER, 0.17),
                Column(words.COL_NUMBER, 0.28, centred=True),  # a denial's number whole on one line
                Column(words.COL_DEPARTMENT, 0.24),
            ),
            tuple(rows),
        ),
        Pairs(_how(case, hand_over, place(bundle, office))),
    ]
    if hand_over.way is HandOverWay.POST:
        blocks.append(Text(words.POST_PROOF))
    elif hand_over.way is HandOverWay.ELECTRONIC:
        blocks.append(Text(words.ELECTRONIC_PROOF))
    else:
        blocks.append(Text(words.PICKUP_CHECK))
    return blocks


def _how(case: CaseView, hand_over: HandOver, window: str) -> tuple[Pair, ...]:
    """The way, and what that way records: who collected, or where it was posted or sent, and when."""
    way = words.WAY[hand_over.way.value]
    day = date_text(hand_over.day) if hand_over.day is not None else paper.DOC_DASH
    if hand_over.way is HandOverWay.PICKUP:
        return (
            Pair(words.RECIPIENT_LABEL, hand_over.recipient),
            # a company's legal representative collecting a same-day result: the case holds no number of hers
            # (counter.case.same_day.at_the_window), so the box is a line for the one the clerk checks, not empty
            Pair(words.RECIPIENT_ID_LABEL, hand_over.id_masked or paper.DOC_FILL_IN),
            Pair(words.WAY_LABEL, way, True),
            Pair(words.PLACE_LABEL, window, True),
        )
    if hand_over.way is HandOverWay.POST:
        return (
            Pair(words.WAY_LABEL, way),
            Pair(words.POSTED_ON_LABEL, day),
            Pair(words.POST_ADDRESS_LABEL, case.delivery_address or case.applicant_address or paper.DOC_DASH, True),
            Pair(words.CARRIER_LABEL, hand_over.carrier),
            Pair(words.TRACKING_LABEL, hand_over.tracking_no),
            Pair(words.SENT_ON_LABEL, _served(hand_over), True),  # a row of its own: room to write the day in
        )
    return (
        Pair(words.WAY_LABEL, way),
        Pair(words.SENT_ON_LABEL, day),
        Pair(words.ADDRESS_LABEL, hand_over.address, True),
    )


def _served(hand_over: HandOver) -> str:
    """A posted result's day of service: the day its return was signed, or a blank to fill in from the return."""
    return date_text(hand_over.served_on) if hand_over.served_on is not None else words.BLANK_DATE


def service_sign_off(sign_off: SignOff, case: CaseView, hand_over: HandOver) -> SignOff:
    """The clerk signs as 送达人; at the window the receiver signs, and the applicant's own signature is asked
    only when someone else collected (a posted or electronic service has its carrier's or system's record)."""
    signers: tuple[str, ...] = ()
    served = _served(hand_over) if hand_over.way is HandOverWay.POST else sign_off.date
    if hand_over.way is HandOverWay.PICKUP:
        own = hand_over.recipient in (case.applicant_name, case.legal_rep)
        signers = (words.SIGNER_SELF,) if own else (words.SIGNER_OTHER,)
    return SignOff(
        clerk_label=words.CLERK_LABEL,
        clerk=hand_over.clerk or sign_off.clerk,
        phone=sign_off.phone,
        signers=signers,
        signed_at=paper.DOC_SIGNED_AT if signers else words.SERVED_AT.format(date=served),
        issuer=sign_off.issuer,
        date=sign_off.date,
        seal_caption=sign_off.seal_caption,
    )
