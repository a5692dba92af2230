"""The words of handing results over (一窗出件), for the window and the command line alike."""

from __future__ import annotations

from collections.abc import Mapping

from counter.case.hand_over import (
    HAND_OVER_EVENTS,
    HandOverProblem,
    HandOverWay,
    SignedReturnProblem,
    read_hand_over,
    read_signed_return,
)
from counter.case.status import CaseEvent
from counter.words.punctuation import LIST_JOIN
from counter.words.translate import tr

HAND_OVER_WAY = {
    HandOverWay.PICKUP: tr("窗口领取"),
    HandOverWay.POST: tr("邮寄送达"),
    HandOverWay.ELECTRONIC: tr("电子送达"),
}
HAND_OVER_PROBLEM = {
    HandOverProblem.NOTHING_TO_HAND: tr("没有可送达的办理结果：各事项尚未作出决定，或已全部送达。"),
    HandOverProblem.NOT_ALL_DECIDED: tr(
        "还有事项未作出决定。统一出件须待全部事项办结；申请人要求先取已办结部分的，请选择“部分出件”。"
    ),
    HandOverProblem.NOT_DECIDED: tr("所选事项中有尚未作出决定的，不能送达。"),
    HandOverProblem.ALREADY_HANDED: tr("所选事项中有已经送达过的，不能重复送达。"),
    HandOverProblem.NO_RECIPIENT: tr("请填写领取人姓名。"),
    HandOverProblem.BAD_ID: tr("领取人身份证号码有误，请核对证件。"),
    HandOverProblem.NO_CARRIER: tr("请填写寄递单位。"),
    HandOverProblem.NO_TRACKING: tr("请填写邮件号码（不超过40个字符）。"),
    HandOverProblem.BAD_TRACKING: tr("邮件号码只能由6至40个字母和数字组成，请按寄递单位的运单核对。"),
    HandOverProblem.BAD_RECIPIENT: tr("领取人姓名中有控制字符、不可见字符或改变文字方向的字符，请重新输入。"),
    HandOverProblem.BAD_CARRIER: tr("寄递单位中有控制字符、不可见字符或改变文字方向的字符，请重新输入。"),
    HandOverProblem.BAD_ADDRESS: tr("电子送达地址中有控制字符、不可见字符或改变文字方向的字符，请重新输入。"),
    HandOverProblem.NO_ADDRESS: tr("请填写电子送达的地址（手机号码、电子邮箱或网上办事账户）。"),
    HandOverProblem.TOO_LONG: tr("姓名、寄递单位或地址不能超过100个字。"),
    HandOverProblem.REVOKED: tr(
        "所选事项中有许可已被撤销的（告知承诺经核查不实，已作出撤销行政许可决定），其证照不再送达申请人。"
    ),
}
SIGNED_RETURN_PROBLEM = {
    SignedReturnProblem.NO_HAND_OVER: tr("该办件没有这一次办理结果送达的记录。"),
    SignedReturnProblem.NOT_POSTED: tr("这一次送达不是邮寄送达，没有邮寄回执可以登记。"),
    SignedReturnProblem.ALREADY_SIGNED: tr("这一次邮寄送达的回执签收日期已经登记过。"),
    SignedReturnProblem.BEFORE_POSTED: tr("回执签收日期早于交寄日期，请核对回执。"),
    SignedReturnProblem.AFTER_TODAY: tr("回执签收日期不能晚于今天，请核对回执。"),
}
SIGNED_RETURN_NOTE = tr("第{number}次送达，回执签收日期 {date}")
HAND_OVER_PART = tr("（部分出件）")
HAND_OVER_SAME_DAY = tr("即办件当场办结，{note}")  # the same-day step's hand-over (counter.actions.intake.same_day)
HAND_OVER_PICKUP_NOTE = tr("{way}，领取人 {recipient}（{id_masked}）：{items}{part}")
HAND_OVER_POST_NOTE = tr("{way}，{carrier} {tracking_no}：{items}{part}")
HAND_OVER_ELECTRONIC_NOTE = tr("{way}至 {address}：{items}{part}")


def hand_over_refused_text(problems: tuple[HandOverProblem, ...]) -> str:
    """Every reason a hand-over was refused, one sentence after another."""
    return "".join(HAND_OVER_PROBLEM[p] for p in problems)


def signed_return_refused_text(problems: tuple[SignedReturnProblem, ...]) -> str:
    """Every reason a signed return was not recorded, one sentence after another."""
    return "".join(SIGNED_RETURN_PROBLEM[p] for p in problems)


def hand_over_note_text(event: str, note: str, items: Mapping[str, str] | None = None) -> str:
    """A hand-over's history note in words: the way, who collected or where it went, the items (``items``: names
    by code), or the day its signed return says; a note that is not a hand-over's (a same-day 送达's, an older
    program's), as it stands."""
    signed = read_signed_return(note) if event == CaseEvent.SERVICE_SIGNED.value else None
    if signed is not None:
        return SIGNED_RETURN_NOTE.format(number=signed[0], date=signed[1].isoformat())
    found = read_hand_over(note) if event in HAND_OVER_EVENTS else None
    if found is None:
        return note
    names = LIST_JOIN.join((items or {}).get(i.code, i.code) for i in found.items)
    part = HAND_OVER_PART if found.partial else ""
    way = HAND_OVER_WAY[found.way]
    if found.way is HandOverWay.PICKUP:
        said = HAND_OVER_PICKUP_NOTE.format(
            way=way, recipient=found.recipient, id_masked=found.id_masked, items=names, part=part
        )
        return HAND_OVER_SAME_DAY.format(note=said) if found.same_day else said
    if found.way is HandOverWay.POST:
        return HAND_OVER_POST_NOTE.format(
            way=way, carrier=found.carrier, tracking_no=found.tracking_no, items=names, part=part
        )
    return HAND_OVER_ELECTRONIC_NOTE.format(way=way, address=found.address, items=names, part=part)
