"""The 不予批准决定书 of one item: issued in its deciding department's name, with that department's seal place.

Seed 001 第十七条(二): "对经审核不予批准的事项，应作出不予批准的决定，并同时说明不予批准的原因，注明联系方式，
加盖审批业务专用章或部门公章".  So the paper is per item, not per bundle: the department that decides the item
(:func:`counter.documents.deciders.decider_name`) issues it and seals it, the applicant's rights are those against
that department (:func:`~counter.documents.item_law.item_rights_sentence`: its 复议 body and court, not the
hall's; a 公共服务 gets a complaint channel instead), the law sentence is that of the item's type, and the
other items of the bundle go on.  A denial after a lapsed 容缺 lists the lapsed materials that serve this item with
their due dates.  The contact it gives (注明联系方式) and the 承办人 and phone it closes with are the department's,
as the site lists them (``department_contacts``), or blank lines to fill in by hand: the window that hands the paper
over is not who decided it.  The hall's own 不予受理 stays the hall's (:mod:`counter.documents.case_documents`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from counter.case.decisions import serves
from counter.case.item_clock import signed_on
from counter.case.item_lines import item_paths, office_day
from counter.case.site_authority import EntrustedAct
from counter.case.view import CaseView
from counter.catalog.model import Bundle, Item
from counter.documents import acceptance_words as accepting
from counter.documents import law_words as law
from counter.documents import words as paper
from counter.documents.acceptance import NOTHING_HELD, Acceptance, HeldItems, acceptance_of, entrusted_line
from counter.documents.data import Block, Column, Heading, OfficeSettings, Pair, Pairs, SignOff, Table, Text
from counter.documents.date_notes import moved, provisional
from counter.documents.deciders import decider_name, department_contact
from counter.documents.item_law import (
    denial_basis,
    denial_consequences,
    item_rights_sentence,
    makes_decision,
    office_rights_sentence,
)
from counter.documents.words import date_text, optional_date


def denied_item(case: CaseView, bundle: Bundle, item_code: str) -> Item | None:
    """The item, when the case records its 不予批准."""
    decision = case.decisions().get(item_code)
    if decision is None or decision.approved:
        return None
    return bundle.item(item_code)


def accepted_day(
    case: CaseView, item: Item, office: OfficeSettings, held: HeldItems, deemed: dt.date | None = None
) -> dt.date | None:
    """The day the item was accepted: the case's, where the window accepted it (its own, or entrusted); where the hall
    only received it (:mod:`counter.documents.acceptance`), the day its department signed for it (签收), or the
    hall's receipt where a licence's 补正 was not told within five working days (``deemed``, as the maker computes
    it: :func:`counter.case.item_clock.accepted_on`; 许可法 第三十二条第一款第四项), as its 受理通知书 says."""
    if acceptance_of(item, office, held) is not Acceptance.RECEIVED:
        return case.accepted_on
    return deemed or signed_on(item_paths(case.history, office_day).get(item.code, ()))


def item_denial_blocks(
    case: CaseView,
    bundle: Bundle,
    item: Item,
    office: OfficeSettings,
    you: str,
    held: HeldItems = NOTHING_HELD,
    deemed: dt.date | None = None,
) -> list[Block]:
    decision = case.decisions()[item.code]
    own = acceptance_of(item, office, held) is Acceptance.OWN  # the site holds the power: its own decision
    if own:  # its 承办人 is the officer who decided, named once where the paper closes (department_sign_off)
        contact = paper.DOC_OWN_CONTACT_VALUE.format(department=office.office_name, phone=office.consult_phone)
    else:
        clerk, phone = department_contact(item, office)
        contact = paper.DOC_DEPARTMENT_CONTACT_VALUE.format(
            department=decider_name(item, office), clerk=clerk, phone=phone
        )
    department = office.office_name if own else decider_name(item, office)
    accepted = accepted_day(case, item, office, held, deemed)
    facts = {"you": you, "received": date_text(case.received_on), "bundle": case.bundle_name, "item": item.name}
    lapsed = tuple(m for m in case.lapsed() if serves(bundle, m.code, item.code))
    reasons = [r for r in (paper.DOC_LAPSE_REASON if lapsed else "", decision.text.strip()) if r]
    blocks: list[Block] = [
        Text(paper.DOC_SALUTATION.format(name=case.applicant_name), indent=False),
        Text(
            paper.DOC_ITEM_DENIAL_INTRO.format(**facts, accepted=date_text(accepted))
            if accepted is not None  # no 受理 on record: a 容缺 that lapsed before the department signed for it
            else accepting.DENIAL_INTRO_UNDATED.format(**facts)
        ),
        Pairs(
            (
                Pair(
                    paper.DOC_ITEM, paper.DOC_ITEM_VALUE.format(name=item.sub_item or item.name, code=item.code), True
                ),
                Pair(paper.DOC_DECIDER, department, wide=True),
                Pair(paper.DOC_REASON, "\n".join(reasons), wide=True),
                Pair(paper.DOC_CONTACT, contact, wide=True),
            )
        ),
    ]
    if lapsed:
        rows = tuple(
            (str(n), m.name, paper.DOC_DUE_VALUE.format(date=optional_date(m.due_on))) for n, m in enumerate(lapsed, 1)
        )
        columns = (
            Column(paper.DOC_COL_NO, 0.07, centred=True),
            Column(paper.DOC_COL_DEFERRED, 0.63),
            Column(paper.DOC_COL_DUE, 0.30, centred=True),
        )
        # the dates quoted are the case's: provisional where they were, moved where the holiday data moved them
        blocks += [Heading(paper.DOC_H_LAPSED), Table(columns, rows), *provisional(case)]
        blocks += moved(case, {m.code for m in lapsed})
    if decision.false_materials:  # the department's own decision under 第七十八条: its bar, its 警告's procedure
        blocks += [Heading(law.DOC_H_CONSEQUENCE), *(Text(line) for line in denial_consequences(item, you))]
    blocks += [
        Text(paper.DOC_OTHER_ITEMS.format(bundle=case.bundle_name)),
        Text(denial_basis((item,), you, lapsed=bool(lapsed))),
        Text(
            office_rights_sentence(item, office)
            if own and makes_decision(item)
            else item_rights_sentence(item, office, bundle.complaint_phone),
            strong=True,
        ),
    ]
    # made by the hall in the department's name under an agreement covering 决定: it says so (第二十四条第三款)
    entered = decision.entered is not None  # the department's own written decision, entered for it: issued
    line = entrusted_line(item, office, held, EntrustedAct.DECIDE, paper.DOC_NOUN["denial"], entered=entered)
    return [*blocks, Text(line)] if line else blocks


def department_sign_off(
    sign_off: SignOff, item: Item, office: OfficeSettings, held: HeldItems = NOTHING_HELD, decider: str = ""
) -> SignOff:
    """The closing block in the deciding body's name, with its seal place, its 承办人 and its phone.  Where the site
    holds the power (:mod:`counter.documents.acceptance`) that body is the site, deciding as the department would:
    its 审批业务专用章或部门公章 (seed 001 第十七条(二)), not the 政务服务专用章 of the window's 收件 and 受理, and its
    承办人 the officer who recorded the decision (``decider``), never the clerk who prints the paper."""
    if acceptance_of(item, office, held) is Acceptance.OWN:
        department, clerk, phone = office.office_name, decider or paper.DOC_FILL_IN, office.consult_phone
    else:
        department = decider_name(item, office)
        clerk, phone = department_contact(item, office)
    seal = paper.DOC_DEPARTMENT_SEAL.format(department=department)
    return dataclasses.replace(
        sign_off, issuer=department, seal_caption=paper.DOC_SEAL_PLACE.format(seal=seal), clerk=clerk, phone=phone
    )
