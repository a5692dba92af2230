"""The 期限告知书: one change of a date told to the applicant, in writing.

A 容缺 deadline extended (force majeure, say) moves a date the 容缺受理通知书 printed; a lapse the year's holiday notice
showed early (:mod:`counter.case.early_lapses`) is to be corrected by the body that decided it.  Either is told on
paper, as every date of the case was (seed 001 第十六条: 书面告知), and by SMS where the hall has a gateway
(:mod:`counter.actions.cases.deferral_extension`, :mod:`counter.actions.cases.early_lapses`).  One paper per change
(:mod:`counter.case.date_changes`), built from its history line, so a reprint is the same paper.
"""

from __future__ import annotations

import datetime as dt

from counter.case.dates_moved import CORRECTION
from counter.case.decisions import items_served
from counter.case.early_lapses import EarlyLapse, read_early
from counter.case.item_lines import read_step
from counter.case.status import NOTE_DUE_REASON, CaseEvent
from counter.case.view import CaseView, HistoryLine
from counter.catalog.model import Bundle, Item, ItemType
from counter.catalog.sub_items import case_sub_item
from counter.documents import date_notice_words as words
from counter.documents import words as paper
from counter.documents.data import Block, Column, Heading, OfficeSettings, Table, Text
from counter.documents.date_notes import provisional
from counter.documents.deciders import decider_name
from counter.documents.item_law import lapse_deciders
from counter.documents.words import date_text


def date_notice_blocks(
    case: CaseView, bundle: Bundle, line: HistoryLine, office: OfficeSettings, you: str
) -> list[Block]:
    """The paper of the change ``line`` (an extension's or a lapse found early)."""
    blocks: list[Block] = [Text(paper.DOC_SALUTATION.format(name=case.applicant_name), indent=False)]
    if line.event == CaseEvent.LAPSE_EARLY.value:
        return blocks + _early(case, bundle, read_early(line.note), office, you)
    if line.event == CaseEvent.ITEM_EXTENDED.value:
        return blocks + _item_extended(case, bundle, line, office, you)
    due, _, reason = line.note.partition(NOTE_DUE_REASON)
    new_due = dt.date.fromisoformat(due)
    awaited = [m for m in case.materials if m.due_on is not None and m.arrived_on is None]
    served = items_served(bundle, (m.code for m in awaited))
    accepted = case.accepted_on or case.received_on
    rows = tuple((str(n), m.name, date_text(new_due)) for n, m in enumerate(awaited, 1))
    columns = (Column(words.COL_NO, 0.1, centred=True), Column(words.COL_MATERIAL, 0.6), Column(words.COL_DUE, 0.3))
    concerned = [i for i in bundle.items if i.code in served] or list(bundle.items)
    return [
        *blocks,
        Text(
            words.EXTENDED.format(
                you=you,
                received=date_text(case.received_on),
                bundle=bundle.name,
                accepted=date_text(accepted),
                reason=reason.strip(),
                due=date_text(new_due),
            )
        ),
        Heading(words.H_MATERIALS),
        Table(columns, rows),
        *provisional(case),
        Text(words.EXTENDED_LATE.format(deciders=lapse_deciders(concerned, office)), strong=True),
    ]


def _item_extended(case: CaseView, bundle: Bundle, line: HistoryLine, office: OfficeSettings, you: str) -> list[Block]:
    """A department's 延期 of its item (第四十二条 for a licence): how many days, who approved it and why."""
    read = read_step(line, case.received_on)  # the day is not printed: the line's note says all it tells
    assert read is not None  # a line the case's history keeps as a step (document_problems saw to the change)
    code, step = read
    item = bundle.item(code)
    name = (case_sub_item(bundle, item, dict(case.answers)) or item.name) if item is not None else code
    licence = item is not None and item.item_type is ItemType.LICENSING
    text = words.ITEM_EXTENDED.format(
        you=you,
        received=date_text(case.received_on),
        bundle=bundle.name,
        item=name,
        department=decider_name(item, office) if item is not None else "",
        basis=words.ITEM_EXTENDED_BASIS if licence else "",
        approved_by=step.approved_by,
        days=step.days,
        reason=step.reason.strip(),
    )
    return [Text(text)]


def _early(
    case: CaseView, bundle: Bundle, found: tuple[EarlyLapse, ...], office: OfficeSettings, you: str
) -> list[Block]:
    names = {m.code: m.name for m in case.materials}
    denied = {code for code, d in case.decisions().items() if not d.approved}
    blocks: list[Block] = []
    concerned: list[Item] = []
    for lapse in found:
        what = (
            words.EARLY_WHAT_CORRECTION
            if lapse.what == CORRECTION
            else words.EARLY_WHAT_MATERIAL.format(name=names.get(lapse.what, lapse.what))
        )
        blocks.append(
            Text(
                words.EARLY.format(
                    you=you,
                    received=date_text(case.received_on),
                    bundle=bundle.name,
                    what=what,
                    due=date_text(lapse.due),
                    lapsed=date_text(lapse.lapsed_on),
                    first=date_text(lapse.first_day),
                )
            )
        )
        codes = (
            {i.code for i in bundle.items}
            if lapse.what == CORRECTION
            else {c for c in items_served(bundle, (lapse.what,)) if c in denied}
        )
        concerned += [i for i in bundle.items if i.code in codes and i not in concerned]
    answers = dict(case.answers)
    rows = tuple((case_sub_item(bundle, item, answers) or item.name, decider_name(item, office)) for item in concerned)
    return [
        *blocks,
        Text(words.EARLY_CORRECTED),
        Heading(words.H_ITEMS),
        Table((Column(words.COL_ITEM, 0.5), Column(words.COL_BODY, 0.5)), rows),
        Text(words.EARLY_RIGHTS.format(you=you)),
    ]
