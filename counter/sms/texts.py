"""The words of the messages: short, with the case number, never an ID number or a phone.

Like the printed documents' words (:mod:`counter.documents.words`) they are not the desk's: the applicant gets
Chinese whatever language the desk shows, so they are kept here, outside the translation mechanism.  One SMS is
70 characters; a text is kept to one where the names allow, the bundle's and the item's cut to :data:`NAME_MAX`.
The signature (【…】) leads, as the gateways of the mainland require; it is the gateway's setting, by default the
office's name.  A message carries only what the hall composed (these words, the catalog's names, dates) and the case's
number; the one thing a desk typed that it may hold is a posted result's tracking number, and only in its shape
(letters and digits, :data:`counter.case.hand_over.TRACKING`): otherwise it is told without one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.case.hand_over import TRACKING
from counter.sms.kinds import MessageKind

NAME_MAX = 14  # a bundle's or item's name beyond this is cut, with "…"

BODY = {
    # 已收件, not 已受理: where the hall only receives, the department accepts later (counter.documents.acceptance),
    # and the paper handed over says which; the message never says more than every standing makes true
    MessageKind.ACCEPTED: "“{bundle}”已收件，办件编号{case_no}，可凭此号查询进度。",
    # each names the paper the applicant holds (counter.documents.correction_papers): the hall's 告知书 is no 补正
    MessageKind.CORRECTION: "您的申请需补正，请于{date}前按补齐补正通知书补齐材料。办件编号{case_no}",
    MessageKind.CORRECTION_TOLD: "您的申请材料尚不齐全，请于{date}前按补齐材料告知书补齐。办件编号{case_no}",
    MessageKind.CORRECTION_BOTH: "请于{date}前按补齐补正通知书和补齐材料告知书补齐材料。办件编号{case_no}",
    MessageKind.DEFERRAL_DUE: "办件{case_no}的容缺材料请于{date}前补交，逾期将不予批准。",
    MessageKind.ITEM_GRANTED: "办件{case_no}中的{item}已准予。",
    MessageKind.ITEM_DENIED: "办件{case_no}中的{item}不予批准，请到窗口领取决定书。",
    MessageKind.ITEM_REFUSED: "办件{case_no}中的{item}实施部门不予受理，请到窗口领取不予受理通知书。",
    MessageKind.READY: "办件{case_no}已办结，请携凭证和身份证件到窗口领取。",
    MessageKind.POSTED: "办件{case_no}的办理结果已邮寄，运单号{tracking}。",
    MessageKind.SENT_ONLINE: "办件{case_no}的办理结果已电子送达，请注意查收。",
    MessageKind.DEFERRAL_MOVED: "按公布的节假日安排，办件{case_no}的容缺材料补交期限顺延至{date}。",
    # said of either paper's date (the 补齐补正通知书's 补正期限, the hall's 告知书's 补齐期限): no 补正 where none was
    MessageKind.CORRECTION_MOVED: "按公布的节假日安排，办件{case_no}的补齐材料期限顺延至{date}。",
    MessageKind.PROMISE_MOVED: "按公布的节假日安排，办件{case_no}的承诺办结日期顺延至{date}。",
    MessageKind.LAPSE_EARLY: "按公布的节假日安排，办件{case_no}的期限应至{date}，此前的逾期处理将依法纠正。",
    MessageKind.DEFERRAL_EXTENDED: "办件{case_no}的容缺材料补交期限延长至{date}。",
    MessageKind.ITEM_EXTENDED: "办件{case_no}中的{item}依法延长办理期限，理由见期限告知书。",
    MessageKind.ITEM_CORRECTION: "办件{case_no}中的{item}实施部门要求补正，请到窗口领取补正材料通知书。",
    MessageKind.ITEM_ACCEPTED: "办件{case_no}中的{item}已由实施部门受理，承诺于{date}前办结。",
    # longer than one SMS with its link (about 120 characters): sent as a long message the gateway joins
    MessageKind.PAPER_LINK: "办件{case_no}的文书已电子送达，请于{date}前下载：{link}",
}
POSTED_UNTRACKED = "办件{case_no}的办理结果已邮寄，请注意查收。"
#: the kinds whose words tell a date: queued with it (a message's ``due_on``), or they could not be worded
DATED = frozenset(kind for kind, body in BODY.items() if "{date}" in body)
SIGNATURE = "【{sign}】"


@dataclass(frozen=True, slots=True)
class MessageFacts:
    """What a message says, as plain values: its template's parameters, too, for a gateway that takes templates."""

    kind: MessageKind
    case_no: str
    bundle: str = ""
    item: str = ""
    date: dt.date | None = None
    tracking: str = ""
    link: str = ""  # a paper's download link, the hall's own address (PAPER_LINK)

    def params(self) -> dict[str, str]:
        """The template's parameters, the names already cut (what the text shows)."""
        values = {"case_no": self.case_no, "bundle": short(self.bundle), "item": short(self.item)}
        if self.date is not None:
            values["date"] = date_text(self.date)
        if TRACKING.fullmatch(self.tracking):
            values["tracking"] = self.tracking
        if self.link:
            values["link"] = self.link
        return values


def short(name: str) -> str:
    name = name.strip()
    return name if len(name) <= NAME_MAX else name[: NAME_MAX - 1] + "…"


def date_text(day: dt.date) -> str:
    return f"{day.month}月{day.day}日"


def message_text(facts: MessageFacts, sign: str) -> str:
    """The whole text: the signature, then the body of the kind with its facts."""
    body = BODY[facts.kind]
    if facts.kind is MessageKind.POSTED and not TRACKING.fullmatch(facts.tracking):
        body = POSTED_UNTRACKED  # nothing but letters and digits stands in the hall's signed text for a desk's typing
    return SIGNATURE.format(sign=sign.strip()) + body.format(**facts.params())
