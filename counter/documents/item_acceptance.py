"""The 受理通知书 of one item, issued by its deciding department where the hall only received it.

行政许可法 第三十二条第二款: "行政机关受理或者不予受理行政许可申请，应当出具加盖本行政机关专用印章和注明日期的书面凭证".
Where the hall is only the 收件 window (:attr:`counter.documents.acceptance.Acceptance.RECEIVED`), its 收件凭证
accepts nothing; the department's 签收 is the 受理, so the department issues this paper in its own name and with its
own seal place, dated the day it signed for the item: the day from which the item's limits run (第四十二条:
自受理行政许可申请之日起).  It states the promised and the legal date as they run from that day; where the promise
so moved from the date the 收件凭证 printed (which could only count from the intake), it says so, and that this paper
governs.  The paper is the department's alone: one item, one body (:mod:`counter.documents.acceptance`).

Where the department told its 补正 first (:data:`counter.case.item_path.ItemEvent.CORRECTION`), the 受理 follows the
complete 补正 (第三十二条第一款第五项: "申请人按照本行政机关的要求提交全部补正申请材料的，应当受理"): the paper says
so, naming the day of the 补正通知, and is dated the day of the 受理, the day the 补正 was complete.

The dates are computed where the holiday data are (:func:`counter.actions.cases.item_track.standings`) when the
paper is first made, and kept with it (:class:`ItemDates`): a reprint prints what the first print told.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.case.item_clock import signed_on
from counter.case.item_lines import item_paths, office_day
from counter.case.item_path import ItemEvent
from counter.case.view import CaseView
from counter.catalog.model import Item, ItemType
from counter.documents import law_words as law
from counter.documents import words as paper
from counter.documents.data import Block, OfficeSettings, Pair, Pairs, Text
from counter.documents.deciders import contact_line, decider_name
from counter.documents.item_correction import correction_step
from counter.documents.item_law import stated_basis
from counter.documents.kinds import DocumentProblem
from counter.documents.words import date_text

INTRO = (
    "{you}于{received}经{hall}提交的“{bundle}”中“{item}”事项的申请，{hall}收件后已转送本机关。"
    "经审查，申请事项属于本机关职权范围，申请材料齐全、符合法定形式，本机关于{accepted}予以受理。"
)
H_ITEM = "受理事项"
H_BODY = "受理机关"
H_ACCEPTED = "受理日期"
H_PROMISED = "承诺办结日期"
H_LEGAL = "法定办结日期"
PROMISED_VALUE = "{date}（自受理之日起{limit}）"
NO_LIMIT = "按办事指南办理"
MOVED = (
    "{hall}出具的收件凭证所载承诺办结日期{receipt}，系自收件之日推算；本事项的办理期限自本机关受理之日起计算，"
    "承诺办结日期为{promised}，以本通知书为准。"
)
INTRO_CORRECTED = (
    "{you}于{received}经{hall}提交的“{bundle}”中“{item}”事项的申请，{hall}收件后已转送本机关，本机关于{asked}"
    "一次性告知需要补正的全部内容。{you}已按要求提交全部补正材料，经审查，申请事项属于本机关职权范围，申请材料"
    "齐全、符合法定形式，本机关于{accepted}予以受理。"
)
LIMITS_FROM = (
    "本事项的办理期限自受理之日起计算；依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，"
    "所需时间不计算在期限内。"
)
OTHERS = "本通知书只涉及上述事项；“{bundle}”中的其他事项由各实施部门分别受理、办理，办理结果由{hall}统一窗口出件。"
# 行政许可法 第三十二条第一款第（五）项 (accept) and 第二款 (in writing, sealed and dated): a licence's basis
LICENSING_BASIS = "依据《中华人民共和国行政许可法》第三十二条第一款第（五）项、第二款，特此通知。"
# 许可法 第三十二条第一款第四项: a 补正 not told within five days — the 受理 is the receipt's day, not the 签收's
DEEMED = (
    "本机关未在收到申请材料之日起五个工作日内告知需要补正的内容，依照《中华人民共和国行政许可法》第三十二条第一款"
    "第（四）项“逾期不告知的，自收到申请材料之日起即为受理”，本事项自{received}起即为受理，办理期限自该日起计算。"
)


@dataclass(frozen=True, slots=True)
class ItemDates:
    """The item's dates as they ran from its 受理 when the paper was first made: the promised and the legal date
    (None: the item has none), whether either lies past the holiday data (provisional), and whether the hall only
    received the item as the case was taken (:func:`counter.actions.cases.item_track.received_only`: as its receipt
    told the applicant) — else the window accepted it and the department issues no 受理 of its own."""

    promised: dt.date | None
    legal: dt.date | None
    provisional: bool = False
    received: bool = True
    #: the 受理 the paper tells where it is not the 签收: a licence whose 补正 was not told within five working days
    #: is accepted from the hall's receipt (许可法 第三十二条第一款第四项; counter.case.item_clock.accepted_on)
    deemed: dt.date | None = None


def dates_record(dates: ItemDates) -> dict[str, object]:
    """The dates as a paper's snapshot keeps them."""
    kept: dict[str, object] = {
        "promised": _iso(dates.promised),
        "legal": _iso(dates.legal),
        "provisional": dates.provisional,
        "received": dates.received,
    }
    if dates.deemed is not None:  # absent on every paper whose 受理 is its 签收
        kept["deemed"] = _iso(dates.deemed)
    return kept


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _day(value: object) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


def dates_of_record(kept: object) -> ItemDates | None:
    """The dates a snapshot kept; None where it kept none (another kind of paper)."""
    if not isinstance(kept, dict):
        return None
    promised, legal = _day(kept.get("promised")), _day(kept.get("legal"))
    received = kept.get("received") is not False
    return ItemDates(promised, legal, kept.get("provisional") is True, received, _day(kept.get("deemed")))


def acceptance_problems(case: CaseView, item: Item | None, dates: ItemDates | None) -> list[DocumentProblem]:
    """Why the department's 受理通知书 cannot be made: no such item, not signed for yet, or the window accepted it
    (its own or an entrusting department's 受理凭证 is the 受理 then)."""
    if item is None:
        return [DocumentProblem.NOT_SIGNED]
    if dates is None or not dates.received:
        return [DocumentProblem.ACCEPTED_AT_WINDOW]
    if accepted_on(case, item) is None:
        return [DocumentProblem.NOT_SIGNED]
    return []


def accepted_on(case: CaseView, item: Item) -> dt.date | None:
    """The day the department signed for the item: its 受理."""
    return signed_on(item_paths(case.history, office_day).get(item.code, ()))


def acceptance_blocks(
    case: CaseView, item: Item, office: OfficeSettings, you: str, dates: ItemDates, bundle_name: str
) -> list[Block]:
    """The paper's words: who accepted what on which day, the dates that run from it, and what it leaves to others."""
    accepted = dates.deemed or accepted_on(case, item)
    assert accepted is not None  # acceptance_problems saw to it
    department, hall = decider_name(item, office), case.received_by or office.office_name  # where it was applied
    facts = {"you": you, "received": date_text(case.received_on), "hall": hall, "bundle": bundle_name}
    limit = item.promised_limit
    if dates.promised is None:
        promised = NO_LIMIT
    elif limit is None:
        promised = date_text(dates.promised)
    else:
        promised = PROMISED_VALUE.format(date=date_text(dates.promised), limit=paper.time_limit(limit))
    contact = contact_line(item, office)
    pairs = [
        Pair(H_ITEM, paper.DOC_ITEM_VALUE.format(name=item.sub_item or item.name, code=item.code), wide=True),
        Pair(H_BODY, department, wide=True),
        Pair(H_ACCEPTED, date_text(accepted), wide=True),
        Pair(H_PROMISED, promised, wide=True),
    ]
    if dates.legal is not None:
        pairs.append(Pair(H_LEGAL, date_text(dates.legal), wide=True))
    pairs.append(Pair(paper.DOC_CONTACT, contact, wide=True))
    correction = correction_step(case, item)
    if correction is not None and correction.event is not ItemEvent.CORRECTION:
        correction = None  # an older history's pause after the 签收: the 受理 came first
    intro = INTRO if correction is None else INTRO_CORRECTED
    asked = date_text(correction.day) if correction is not None else ""
    blocks: list[Block] = [
        Text(paper.DOC_SALUTATION.format(name=case.applicant_name), indent=False),
        Text(intro.format(**facts, item=item.name, accepted=date_text(accepted), asked=asked)),
        Pairs(tuple(pairs)),
    ]
    if dates.deemed is not None:
        blocks.append(Text(DEEMED.format(received=date_text(case.received_on)), strong=True))
    if case.promised_on is not None and dates.promised is not None and dates.promised != case.promised_on:
        receipt, told = date_text(case.promised_on), date_text(dates.promised)
        blocks.append(Text(MOVED.format(hall=hall, receipt=receipt, promised=told), strong=True))
    blocks.append(Text(LIMITS_FROM))
    if dates.provisional:
        blocks.append(Text(paper.DOC_PROVISIONAL_DATES))
    blocks += [
        Text(OTHERS.format(bundle=bundle_name, hall=hall)),
        Text(
            LICENSING_BASIS
            if item.item_type is ItemType.LICENSING
            else law.ITEM_ACCEPTANCE_BASIS_OTHER.format(basis=stated_basis(item))
        ),
    ]
    return blocks
