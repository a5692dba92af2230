"""The 不予受理通知书 of one item, issued by its deciding department where the hall only received it.

行政许可法 第三十二条: the body with power over the item accepts it or refuses to, and "行政机关受理或者不予受理行政许可
申请，应当出具加盖本行政机关专用印章和注明日期的书面凭证" (第二款).  Where the hall is only the 收件 window
(:attr:`counter.documents.acceptance.Acceptance.RECEIVED`), it refuses nothing; the department that examines what
was forwarded may, instead of signing for it (:data:`counter.case.item_path.ItemEvent.REFUSED`).  This is that
refusal on paper, in the department's name and with its seal place, dated the day it refused: the item, the
reasons as the department wrote them, and the applicant's rights against this act — the department's 复议 body and
court, 复议 or 诉讼 at the applicant's choice (a refusal to accept decides no tax:
:func:`counter.catalog.remedies.way_against`), a complaint channel for an item that makes no administrative act.
The bundle's other items are not touched by it.

Its ground (:mod:`counter.case.refusal_basis`) decides what it cites and says.  第一项: the matter needs no licence.
第二项: it is not this body's, and the law has the applicant told where to apply ("告知申请人向有关行政机关申请"), so
the paper names that body as the department wrote it, and says what becomes of the materials: this body keeps none
of a matter not its own; they go back through the hall that received them, for the applicant to take to that body.
Another ground (a 补正 never completed, another law): the reasons as written, citing the article as a whole.  On
any ground but 第二项 the paper says nothing of the materials: the hall holds them, and what it does with them is the
applicant's to ask at the window, not the department's to decide here.
"""

from __future__ import annotations

import datetime as dt

from counter.case.item_lines import item_paths, office_day
from counter.case.item_path import ItemEvent
from counter.case.view import CaseView
from counter.catalog.model import Item, ItemType
from counter.catalog.remedies import Act
from counter.documents import law_words as law
from counter.documents import words as paper
from counter.documents.data import Block, OfficeSettings, Pair, Pairs, Text
from counter.documents.deciders import contact_line, decider_name
from counter.documents.item_law import item_rights_sentence, stated_basis
from counter.documents.words import date_text
from counter.intake.outcome import RefusalGround

INTRO = (
    "{you}于{received}经{hall}提交的“{bundle}”中“{item}”事项的申请，{hall}收件后已转送本机关。"
    "经审查，本机关于{refused}决定不予受理，理由如下。"
)
H_ITEM = "不予受理事项"
H_BODY = "决定机关"
H_REFUSED = "决定日期"
H_REASON = "不予受理理由"
OTHERS = "本通知书只涉及上述事项；“{bundle}”中的其他事项不受本通知书影响，由各实施部门分别办理。"
H_AUTHORITY = "有权机关"
GROUND = {
    RefusalGround.NO_LICENCE_NEEDED: "申请事项依法不需要取得行政许可。",
    RefusalGround.NOT_IN_REMIT: "申请事项依法不属于本机关职权范围，请向{authority}申请。",
}
MATERIALS = "本事项的申请材料本机关不予留存，已退回{hall}；{you}可以凭本通知书到{hall}领取，向{authority}提出申请。"
# 行政许可法 第三十二条 (第一款: 受理 or 不予受理 by the body with power over it; 第二款: in writing, sealed and dated)
LICENSING_BASIS = "依据《中华人民共和国行政许可法》第三十二条的规定，特此通知。"
GROUND_BASIS = {
    RefusalGround.NO_LICENCE_NEEDED: "依据《中华人民共和国行政许可法》第三十二条第一款第（一）项、第二款，特此通知。",
    RefusalGround.NOT_IN_REMIT: "依据《中华人民共和国行政许可法》第三十二条第一款第（二）项、第二款，特此通知。",
}


def refused_on(case: CaseView, item: Item) -> dt.date | None:
    """The day the item's department refused to accept it; None where it did not."""
    path = item_paths(case.history, office_day).get(item.code, ())
    return next((s.day for s in path if s.event is ItemEvent.REFUSED), None)


def refusal_blocks(case: CaseView, item: Item, office: OfficeSettings, you: str, complaint_phone: str) -> list[Block]:
    """The paper's words: who refused what on which day and why, and the applicant's rights against it."""
    decision = case.decisions()[item.code]
    refused = refused_on(case, item)
    assert refused is not None  # document_problems saw to it
    department, hall = decider_name(item, office), case.received_by or office.office_name  # where it was applied
    contact = contact_line(item, office)
    facts = {"you": you, "received": date_text(case.received_on), "hall": hall, "bundle": case.bundle_name}
    ground, authority = decision.basis.ground, decision.basis.authority
    reason = (GROUND[ground].format(authority=authority) if ground else "") + decision.text.strip()
    pairs = [
        Pair(H_ITEM, paper.DOC_ITEM_VALUE.format(name=item.sub_item or item.name, code=item.code), wide=True),
        Pair(H_BODY, department, wide=True),
        Pair(H_REFUSED, date_text(refused), wide=True),
        Pair(H_REASON, reason, wide=True),
    ]
    if ground is RefusalGround.NOT_IN_REMIT:
        pairs.append(Pair(H_AUTHORITY, authority, wide=True))
    pairs.append(Pair(paper.DOC_CONTACT, contact, wide=True))
    blocks: list[Block] = [
        Text(paper.DOC_SALUTATION.format(name=case.applicant_name), indent=False),
        Text(INTRO.format(**facts, item=item.name, refused=date_text(refused))),
        Pairs(tuple(pairs)),
    ]
    if ground is RefusalGround.NOT_IN_REMIT:
        blocks.append(Text(MATERIALS.format(hall=hall, you=you, authority=authority), strong=True))
    licensing = item.item_type is ItemType.LICENSING
    basis = GROUND_BASIS.get(ground, LICENSING_BASIS) if ground else LICENSING_BASIS
    return [
        *blocks,
        Text(OTHERS.format(bundle=case.bundle_name)),
        Text(basis if licensing else law.ITEM_REFUSAL_BASIS_OTHER.format(basis=stated_basis(item))),
        Text(item_rights_sentence(item, office, complaint_phone, act=Act.REFUSAL), strong=True),
    ]
