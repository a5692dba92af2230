"""The 一次性告知单: a bundle's guide on paper, for someone who only asks.

It belongs to no case: built from the guide (a :class:`~counter.catalog.model.Bundle`)
with every element seed 001 第九条 asks of a guide — 服务对象, each item's 子项,
事项类型, 实施主体 (named for the site, and whether the hall accepts for it),
设定依据, 法定/承诺时限, 收费 and its basis, 办理结果, the 办理流程 with each step's
limit and result — and every material grouped by the situations that call for it,
with its issuer, medium, and where its blank and sample forms are had (the
24-point list, items 18, 20, 23, 24); then where and when to come, and whom to call.  One copy, for the
applicant; no barcode or progress code, as there is no case to follow.
"""

from __future__ import annotations

import datetime as dt

from counter.catalog.model import Bundle, Fee, Item, Material, Necessity
from counter.catalog.received_step import received_steps
from counter.documents import words as paper
from counter.documents.acceptance import NOTHING_HELD, Acceptance, HeldItems, acceptance_of, receives_every_item
from counter.documents.acceptance_words import RECEIVED_TITLE
from counter.documents.data import (
    Block,
    Column,
    DocumentData,
    Heading,
    OfficeSettings,
    Pair,
    Pairs,
    SignOff,
    Table,
    Text,
)
from counter.documents.deciders import decider_name
from counter.documents.item_law import type_label
from counter.documents.kinds import DocumentKind
from counter.documents.words import (
    at_own_place,
    clerk_phone,
    consult_phone,
    date_text,
    hours,
    items_text,
    numbered,
    place,
)


def _group_title(bundle: Bundle, when: tuple[str, ...]) -> str:
    if not when:
        return paper.DOC_GROUP_ALL
    wanted: dict[str, list[str]] = {}
    for condition in when:
        code, _, option = condition.partition(".")
        wanted.setdefault(code, []).append(option)
    parts = []
    for situation in bundle.situations:
        if situation.code in wanted:
            labels = [o.label for code in wanted[situation.code] if (o := situation.option(code)) is not None]
            parts.append(
                paper.DOC_GROUP_CONDITION.format(question=situation.question, options=paper.DOC_GROUP_OR.join(labels))
            )
    return paper.DOC_GROUP_AND.join(parts) or paper.DOC_GROUP_ALL


def _material_note(material: Material) -> str:
    if material.shared:
        return paper.DOC_NOTE_SHARED
    if material.necessity is Necessity.DEFERRABLE:
        return paper.DOC_NOTE_DEFERRABLE.format(limit=paper.time_limit(material.deferral_limit))
    if material.necessity is Necessity.OPTIONAL:
        return paper.DOC_NOTE_OPTIONAL
    return paper.DOC_NOTE_REQUIRED


def _material_counts(material: Material) -> tuple[str, str]:
    form = paper.COPY_FORM[material.copy_form] if material.copy_form is not None else paper.DOC_DASH
    originals, copies = material.originals, material.copies
    if originals and copies:
        count = (
            paper.DOC_COUNT_EACH.format(count=originals)
            if originals == copies
            else paper.DOC_COUNT_BOTH.format(originals=originals, copies=copies)
        )
    elif originals or copies:
        count = paper.DOC_COUNT.format(count=originals or copies)
    else:
        count = paper.DOC_DASH
    return form, count


def _material_text(material: Material) -> str:
    """The name, what it must satisfy, who issues it, and where the blank and the sample form are had."""
    lines = (
        material.name,
        paper.DOC_REQUIREMENT.format(text=material.requirement) if material.requirement else "",
        paper.DOC_ISSUER.format(issuer=material.issuer) if material.issuer else "",
        paper.DOC_BLANK_FORM.format(where=material.blank_form) if material.blank_form else "",
        paper.DOC_SAMPLE_FORM.format(where=material.sample_form) if material.sample_form else "",
    )
    return "\n".join(filter(None, lines))


def _group_order(bundle: Bundle, when: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """A group's place in the guide's order: by question, then by answer."""
    codes = [s.code for s in bundle.situations]
    order = []
    for condition in when:
        code, _, option = condition.partition(".")
        index = codes.index(code) if code in codes else len(codes)
        options = [o.code for o in bundle.situations[index].options] if index < len(codes) else []
        order.append((index, options.index(option) if option in options else len(options)))
    return tuple(sorted(order))


def _materials_table(bundle: Bundle) -> Table:
    """Every material of the guide, grouped by the situations that call for it (a title row per group)."""
    groups: dict[tuple[str, ...], list[Material]] = {}
    for material in bundle.materials_for({}):  # every material, 免提交 only where the bundle does not make it
        groups.setdefault(tuple(sorted(material.when)), []).append(material)
    rows: list[tuple[str, ...]] = []
    number = 0
    for when in sorted(groups, key=lambda w: (len(w) > 0, _group_order(bundle, w))):
        rows.append((_group_title(bundle, when),))
        for material in groups[when]:
            number += 1
            form, count = _material_counts(material)
            medium = paper.MEDIUM[material.medium] if material.medium is not None else ""
            rows.append(
                (
                    str(number),
                    _material_text(material),
                    "\n".join(filter(None, (form, medium))),
                    count,
                    _material_note(material),
                )
            )
    return Table(
        (
            Column(paper.DOC_COL_NO, 0.07, centred=True),
            Column(paper.DOC_COL_REQUIREMENT, 0.48),
            Column(paper.DOC_COL_FORM, 0.17, centred=True),
            Column(paper.DOC_COL_COUNT, 0.09, centred=True),
            Column(paper.DOC_COL_NOTE, 0.19, centred=True),
        ),
        tuple(rows),
    )


def _fee_text(fee: Fee | None) -> tuple[str, str]:
    if fee is None:
        return paper.DOC_NOT_STATED, paper.DOC_NOT_STATED
    amount = paper.DOC_FEE_FREE if fee.amount == 0 else paper.DOC_FEE_AMOUNT.format(amount=fee.amount)
    return amount, fee.basis or paper.DOC_NOT_STATED


def _item_pairs(item: Item, office: OfficeSettings, held: HeldItems) -> Pairs:
    """Every element 第九条 asks of an item, its department named for this site: the site itself where it holds the
    power, the department "（委托本中心受理）" where it entrusted the window (:mod:`counter.documents.acceptance`)."""
    decider = decider_name(item, office)
    standing = acceptance_of(item, office, held)
    if standing is Acceptance.OWN:
        decider = office.office_name
    elif standing is Acceptance.ENTRUSTED:
        decider = paper.DOC_DECIDER_ENTRUSTED.format(department=decider)
    fee, fee_basis = _fee_text(item.fee)
    kind = paper.DOC_CASE_KIND_VALUE[item.case_kind.value] if item.case_kind is not None else paper.DOC_NOT_STATED
    pairs = [Pair(paper.DOC_ITEM_NAME, item.name, wide=True)]
    if item.sub_item and item.sub_item != item.name:
        pairs.append(Pair(paper.DOC_SUB_ITEM, item.sub_item, wide=True))
    pairs += [
        Pair(paper.DOC_ITEM_TYPE, type_label(item)),
        Pair(paper.DOC_CASE_KIND, kind),
        Pair(paper.DOC_COL_DEPARTMENT, decider, wide=True),
        Pair(paper.DOC_LEGAL_BASIS, item.legal_basis or paper.DOC_NOT_STATED, wide=True),
        Pair(paper.DOC_LEGAL_LIMIT, paper.legal_limit_text(item)),
        Pair(paper.DOC_PROMISED_LIMIT, paper.time_limit(item.promised_limit)),
        Pair(paper.DOC_FEE, fee),
        Pair(paper.DOC_FEE_BASIS, fee_basis),
        Pair(paper.DOC_RESULT, item.result or paper.DOC_NOT_STATED, wide=True),
    ]
    return Pairs(tuple(pairs))


def _steps_table(bundle: Bundle, received: bool) -> Table:
    """办理流程: each step with its own limit and result (the 24-point list, item 21); ``received``: the hall only
    receives every item, and its own step is its 收件 (:mod:`counter.catalog.received_step`)."""
    shown = received_steps(bundle, RECEIVED_TITLE.__getitem__) if received else bundle.steps  # as they head
    return Table(
        (
            Column(paper.DOC_COL_STEP, 0.10, centred=True),
            Column(paper.DOC_COL_STEP_LIMIT, 0.14, centred=True),
            Column(paper.DOC_COL_STEP_RESULT, 0.30),
            Column(paper.DOC_COL_STEP_NOTE, 0.46),
        ),
        tuple((s.name, paper.time_limit(s.limit), s.result or paper.DOC_NOT_STATED, s.description) for s in shown),
    )


def _guide_blocks(bundle: Bundle, office: OfficeSettings, held: HeldItems) -> list[Block]:
    blocks: list[Block] = [Text(paper.DOC_GUIDE_INTRO.format(bundle=bundle.name))]
    if bundle.sample:
        blocks.append(Text(paper.SAMPLE_GUIDE, indent=False))
    objects = paper.DOC_LIST_JOIN.join(bundle.service_objects) or paper.DOC_NOT_STATED
    blocks.append(Pairs((Pair(paper.DOC_SERVICE_OBJECTS, objects, wide=True),)))
    if bundle.conditions:
        blocks += [Heading(paper.DOC_H_CONDITIONS), numbered(bundle.conditions)]
    if bundle.items:
        blocks.append(Heading(paper.DOC_H_ITEM_DETAIL))
        blocks += [_item_pairs(item, office, held) for item in bundle.items]
    if bundle.steps:
        blocks += [Heading(paper.DOC_H_STEPS), _steps_table(bundle, receives_every_item(bundle.items, office, held))]
    blocks += [Heading(paper.DOC_H_MATERIALS), _materials_table(bundle)]
    visits = (
        paper.DOC_NOT_STATED
        if bundle.visits is None
        else paper.DOC_VISITS_REASON.format(count=bundle.visits, reason=bundle.visits_reason)
        if bundle.visits_reason
        else paper.DOC_VISITS_VALUE.format(count=bundle.visits)
    )
    blocks += [
        Heading(paper.DOC_H_WHERE),
        Pairs(
            (
                Pair(paper.DOC_PLACE, place(bundle, office), wide=True),
                Pair(paper.DOC_HOURS, hours(bundle, office), wide=True),
                Pair(paper.DOC_CONSULT, consult_phone(bundle, office)),
                Pair(paper.DOC_COMPLAINT, bundle.complaint_phone or office.complaint_phone),
                Pair(paper.DOC_PROMISED_LIMIT, paper.time_limit(bundle.promised_limit)),
                Pair(paper.DOC_FORMS, paper.DOC_LIST_JOIN.join(bundle.forms) or paper.DOC_NOT_STATED),
                Pair(paper.DOC_RESULT, bundle.result or paper.DOC_NOT_STATED, wide=True),
                Pair(paper.DOC_VISITS, visits, wide=True),
            )
        ),
    ]
    return blocks


def guide_notice_for(
    bundle: Bundle,
    office: OfficeSettings,
    issued_on: dt.date,
    clerk: str,
    *,
    doc_no: str = "",
    guide_version: int | None = None,
    own_place: bool = False,
    held: HeldItems = NOTHING_HELD,
) -> DocumentData:
    """The 一次性告知单 of ``bundle``: every material by situation, where, when, whom to call.

    ``own_place``: where, when and whom are the office's, never the guide's (a township centre's).  ``held``: what the
    site's authority setting holds, which names each item's 实施主体 as the window stands to it.
    """
    bundle = at_own_place(bundle) if own_place else bundle
    name = paper.guide_text(bundle.name, guide_version, bundle) if guide_version is not None else bundle.name
    header = (
        Pair(paper.DOC_BUNDLE, name, wide=True),
        Pair(paper.DOC_ITEMS, items_text(bundle) or paper.DOC_NOT_STATED, wide=True),
        Pair(paper.DOC_ISSUED_ON, date_text(issued_on), wide=True),
    )
    sign_off = SignOff(
        clerk_label=paper.DOC_CLERK_GUIDE,
        clerk=clerk,
        phone=clerk_phone(office),
        signers=(paper.DOC_SIGNER_GUIDE,),
        signed_at=paper.DOC_SIGNED_AT,
        issuer=office.office_name,
        date=date_text(issued_on),
        seal_caption=paper.DOC_SEAL_PLACE.format(seal=office.seal_caption),
    )
    kind = DocumentKind.GUIDE_NOTICE
    return DocumentData(
        kind=kind,
        title=paper.DOC_TITLE[kind],
        office_name=office.office_name,
        office_name_mn=office.office_name_mn,
        doc_no=doc_no,
        case_no="",
        header=header,
        blocks=tuple(_guide_blocks(bundle, office, held)),
        sign_off=sign_off,
        copies=(paper.DOC_SINGLE_COPY,),
        copies_note=paper.DOC_SINGLE_NOTE.format(noun=paper.DOC_NOUN[kind]),
        barcode="",
        qr="",
        qr_caption="",
        issued_on=issued_on,
        subject=bundle.code,
    )
