"""One item's paper in its department's name: its 不予批准 (:mod:`counter.documents.item_denial`), or, for an item
the hall only received, the department's own 受理通知书 (:mod:`counter.documents.item_acceptance`), 补正材料通知书
(:mod:`counter.documents.item_correction`) or 不予受理通知书 (:mod:`counter.documents.item_refusal`).

Apart from :mod:`counter.documents.case_documents`, whose papers are the case's and the window's: these three are
acts of one deciding body about one item, headed by that item alone and signed off in that body's name, and which
of them applies is the one question asked here.
"""

from __future__ import annotations

import dataclasses

from counter.case.decisions import decided_by
from counter.case.entered_for import Entered
from counter.case.item_lines import item_paths, office_day
from counter.case.item_path import ItemEvent
from counter.case.view import CaseView
from counter.catalog.model import Bundle, Item
from counter.catalog.sub_items import case_sub_item
from counter.documents import words as paper
from counter.documents.acceptance import Acceptance, HeldItems, acceptance_of
from counter.documents.data import Block, DocumentNotPossible, OfficeSettings, Pair, SignOff, Text
from counter.documents.item_acceptance import ItemDates, acceptance_blocks, acceptance_problems
from counter.documents.item_correction import correction_blocks
from counter.documents.item_denial import denied_item, department_sign_off, item_denial_blocks
from counter.documents.item_refusal import refusal_blocks
from counter.documents.kinds import DocumentKind
from counter.documents.words import items_text


def item_paper(
    kind: DocumentKind,
    case: CaseView,
    bundle: Bundle,
    office: OfficeSettings,
    you: str,
    item_code: str,
    held: HeldItems,
    item_dates: ItemDates | None,
    sign_off: SignOff,
    parties: tuple[Pair, ...],
) -> tuple[list[Block], SignOff, tuple[Pair, ...]]:
    """The words, the department's sign-off and the header of one item's paper; ``parties``: the case's header
    lines (its number, applicant and subject), to which a denial adds the bundle's items and the other two add
    nothing, being of their one item."""
    header = (*parties, Pair(paper.DOC_ITEMS, items_text(bundle), wide=True))
    if kind is DocumentKind.ACCEPTANCE:
        item = _applied(case, bundle, bundle.item(item_code))
        problems = acceptance_problems(case, item, item_dates)
        if problems:
            raise DocumentNotPossible(tuple(problems))
        assert item is not None
        assert item_dates is not None  # the maker computes them (counter.actions.cases.documents)
        blocks = acceptance_blocks(case, item, office, you, item_dates, case.bundle_name)
        header = parties
    elif kind is DocumentKind.SUPPLEMENT:
        item = _applied(case, bundle, bundle.item(item_code))
        assert item is not None  # document_problems saw to it
        blocks = correction_blocks(case, item, office, you, case.bundle_name)
        header = parties
    elif kind is DocumentKind.ITEM_REFUSAL:
        item = _applied(case, bundle, bundle.item(item_code))
        assert item is not None  # document_problems saw to it
        blocks = refusal_blocks(case, item, office, you, bundle.complaint_phone)
        header = parties
    else:
        item = _applied(case, bundle, denied_item(case, bundle, item_code))
        assert item is not None  # document_problems saw to it
        deemed = item_dates.deemed if item_dates is not None else None  # a licence's late 签收: its receipt's day
        blocks = item_denial_blocks(case, bundle, item, office, you, held, deemed)
    decider = decided_by(case.history, item.code) if kind is DocumentKind.DENIAL else ""
    # an entry is the department's decision entered for it: none on a paper the site issues as its own
    own = acceptance_of(item, office, held) is Acceptance.OWN
    entered = None if own else entered_of(kind, case, item.code)
    if entered is None:
        return blocks, department_sign_off(sign_off, item, office, held, decider), header
    # the department's own decision, entered at the window: its 文号 printed, its officer the paper's 承办人
    line = paper.DOC_ENTERED.format(
        department_no=entered.department_no, officer=entered.officer, noun=paper.DOC_NOUN[kind.value],
        hall=office.office_name,
    )  # fmt: skip
    signed = department_sign_off(sign_off, item, office, held, decider)
    return [*blocks, Text(line)], dataclasses.replace(signed, clerk=entered.officer), header


def entered_of(kind: DocumentKind, case: CaseView, item_code: str) -> Entered | None:
    """The department's 文号 and officer of the act ``kind`` prints, where the window entered it for the department
    (:mod:`counter.case.entered_for`); None for a paper of the department's own desk, or of no such act."""
    if kind in (DocumentKind.DENIAL, DocumentKind.ITEM_REFUSAL):
        decision = case.decisions().get(item_code)
        return decision.entered if decision is not None else None
    if kind is DocumentKind.SUPPLEMENT:
        steps = item_paths(case.history, office_day).get(item_code, ())
        return next((s.entered for s in steps if s.event is ItemEvent.CORRECTION), None)
    return None


def _applied(case: CaseView, bundle: Bundle, item: Item | None) -> Item | None:
    """The item as the case applied for it: its 子项名称 the one the case's answers chose (a 个体工商户's
    个体工商户设立登记, never "个体工商户设立登记；公司设立登记")."""
    if item is None:
        return None
    return dataclasses.replace(item, sub_item=case_sub_item(bundle, item, dict(case.answers)))
