"""The 补正材料通知书 of one item, issued by its deciding department instead of a 受理, before it.

行政许可法 第三十二条第一款第四项: "申请材料不齐全或者不符合法定形式的，应当当场或者在五日内一次告知申请人需要补正的全部
内容，逾期不告知的，自收到申请材料之日起即为受理"; 第五项: the body accepts once the materials are complete, "或者申请人
按照本行政机关的要求提交全部补正申请材料的".  The 补正 is one of the body's three answers to what reached it, the
alternative to the 受理 and told before it: the hall's own 补齐材料告知书 only tells what the window found; the
department that examines the item tells its own 补正, once and in full, within five working days of the hall's receipt
(the step refuses a second one, an empty one, a late one, and one after the 受理:
:func:`counter.case.item_path.check_step`, :func:`counter.actions.cases.item_steps.take_item_step`).

This is that telling on paper, in the department's name and with its seal place, dated the day it asked: the item is
not accepted; what is to be corrected, as the department wrote it; where to hand it in (the hall's window, which
forwards); and that the department accepts on the day the 补正 is complete, on a 受理通知书 of its own, the item's
limits running from that day.  No limit is said to "continue": none has started.  Nor does it threaten a
consequence the law does not give (许可法 sets no period for the 补正 and no 视为放弃): an item never completed is
the department's to refuse, on its own paper and ground.
"""

from __future__ import annotations

import datetime as dt

from counter.case.item_lines import item_paths, office_day
from counter.case.item_path import ItemEvent, ItemStep, PauseReason
from counter.case.view import CaseView
from counter.catalog.model import Item, ItemType
from counter.documents import law_words as law
from counter.documents import words as paper
from counter.documents.data import Block, OfficeSettings, Pair, Pairs, Text
from counter.documents.deciders import contact_line, decider_name
from counter.documents.item_law import stated_basis
from counter.documents.words import date_text

INTRO = (
    "{you}于{received}经{hall}提交的“{bundle}”中“{item}”事项的申请，{hall}收件后已转送本机关。经审查，申请材料"
    "不齐全或者不符合法定形式。现一次性告知需要补正的全部内容如下："
)
H_ITEM = "补正事项"
H_BODY = "告知机关"
H_ASKED = "告知日期"
H_WHAT = "补正内容"
HAND_IN = "请按上述内容补正后，将补正材料提交{hall}，由其转送本机关。"
THEN_ACCEPTED = (
    "补正的申请材料齐全、符合法定形式的，本机关于补正齐全之日予以受理，另行出具受理通知书；"
    "本事项的办理期限自受理之日起计算。"
)
ONCE = "本通知为一次性告知；除上述内容外，本机关不再要求补正其他材料。"
# 行政许可法 第三十二条第一款第（四）项: a licence's basis
LICENSING_BASIS = "依据《中华人民共和国行政许可法》第三十二条第一款第（四）项，特此通知。"


def correction_step(case: CaseView, item: Item) -> ItemStep | None:
    """The department's 补正 of the item; None where it asked none.  An older history's pause for correction after
    the 签收 is read too: its paper was made with it, and is reprinted as made."""
    path = item_paths(case.history, office_day).get(item.code, ())
    told = (s for s in path if s.event is ItemEvent.CORRECTION or s.pause is PauseReason.CORRECTION)
    return next(told, None)


def correction_blocks(case: CaseView, item: Item, office: OfficeSettings, you: str, bundle_name: str) -> list[Block]:
    """The paper's words: who asks what of the applicant, on which day, and how to answer it."""
    step = correction_step(case, item)
    assert step is not None  # document_problems saw to it
    department, hall = decider_name(item, office), case.received_by or office.office_name  # where it was applied
    asked: dt.date = step.day
    contact = contact_line(item, office)
    facts = {"you": you, "received": date_text(case.received_on), "hall": hall, "bundle": bundle_name}
    return [
        Text(paper.DOC_SALUTATION.format(name=case.applicant_name), indent=False),
        Text(INTRO.format(**facts, item=item.name, asked=date_text(asked))),
        Pairs(
            (
                Pair(H_ITEM, paper.DOC_ITEM_VALUE.format(name=item.sub_item or item.name, code=item.code), wide=True),
                Pair(H_BODY, department, wide=True),
                Pair(H_ASKED, date_text(asked), wide=True),
                Pair(H_WHAT, step.reason, wide=True),
                Pair(paper.DOC_CONTACT, contact, wide=True),
            )
        ),
        Text(HAND_IN.format(hall=hall)),
        Text(THEN_ACCEPTED),
        Text(ONCE, strong=True),
        Text(
            LICENSING_BASIS
            if item.item_type is ItemType.LICENSING
            else law.ITEM_CORRECTION_BASIS_OTHER.format(basis=stated_basis(item))
        ),
    ]
