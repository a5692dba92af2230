"""The gateway stub's own check (tests.sms_composed): every message the hall composes passes it, and a message that
carries a desk's typing fails the test that sent it, so that no SMS the gateway receives in the whole test run
carries text a desk typed."""

from __future__ import annotations

import datetime as dt

import pytest

from counter.host.outward.sms_gateway import SmsRequest, post_message
from counter.sms.kinds import MessageKind
from counter.sms.texts import MessageFacts, message_text
from tests.sms.test_texts import LINK
from tests.sms_composed import catalog_names, uncomposed
from tests.sms_gateway import SECRET, running_gateway

CASE_NO = "XAM01-20261127-8-0042"
SIGN = "兴安盟政务服务中心"
FORGED = (
    "【兴安盟政务服务中心】办件XAM01-20261127-8-0042的办理结果已邮寄，运单号SF1，欠邮费5元点t.cn/Ev1L补缴否则退回。"
)


def _request(content: str, params: dict[str, str] | None = None) -> dict[str, object]:
    return {"content": content, "sign": SIGN, "params": params or {}}


@pytest.mark.parametrize("kind", list(MessageKind))
def test_every_message_the_hall_composes_passes(kind: MessageKind) -> None:
    bundle, item = sorted(catalog_names())[:2]
    facts = MessageFacts(kind, CASE_NO, bundle, item, dt.date(2026, 12, 4), "EA123456789CN", LINK)
    assert uncomposed(_request(message_text(facts, SIGN), facts.params())) == ""
    untracked = MessageFacts(MessageKind.POSTED, CASE_NO, tracking="SF1，欠邮费")
    assert uncomposed(_request(message_text(untracked, SIGN))) == ""


@pytest.mark.parametrize(
    "content",
    [
        FORGED,
        "【兴安盟政务服务中心】办件XAM01-20261127-8-0042的办理结果已邮寄，运单号SF\u202e1234567。",
        # no such bundle in the catalog
        "【兴安盟政务服务中心】“我要开一家网店”已收件，办件编号XAM01-20261127-8-0042，可凭此号查询进度。",
        "【兴安盟政务服务中心】办件XAM01-20261127-8-0042已办结，请携凭证和身份证件到窗口领取。点t.cn/Ev1L",
        "【别的中心】办件XAM01-20261127-8-0042已办结，请携凭证和身份证件到窗口领取。",  # not the gateway's signature
    ],
)
def test_a_message_the_hall_did_not_compose_is_named(content: str) -> None:
    assert uncomposed(_request(content))


def test_template_parameters_that_are_not_the_texts_are_named() -> None:
    text = message_text(MessageFacts(MessageKind.READY, CASE_NO), SIGN)
    assert uncomposed(_request(text, {"case_no": "XAM01-20261127-8-0043"}))


def test_a_test_that_sends_text_a_desk_typed_fails() -> None:
    gateway = running_gateway()
    received = gateway.__enter__()
    request = SmsRequest(received.url, "hall", SECRET, "k1", "13959082062", SIGN, "", {}, FORGED, 10.0)
    assert post_message(request).outcome.value == "sent"  # delivered: the gateway cannot know who typed it
    with pytest.raises(AssertionError, match="did not compose"):
        gateway.__exit__(None, None, None)
