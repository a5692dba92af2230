"""The messages' words: short, with the case number, never an ID number."""

from __future__ import annotations

import datetime as dt

import pytest

from counter.sms.kinds import MessageKind
from counter.sms.texts import MessageFacts, message_text

CASE_NO = "XAM01-20261120-08-0001"
HALL = "兴安盟政务服务中心"

SMS_LENGTH = 70  # one message of Chinese text, signature included
#: a paper's download link (counter.documents.paper_link): the platform's gateway, the path and a token
LINK = "https://zwfw.nmg.gov.cn/xam01/v1/paper/download/" + "A" * 43


@pytest.mark.parametrize("kind", list(MessageKind))
def test_every_kind_fits_one_message_with_the_case_number_and_the_signature_first(kind: MessageKind) -> None:
    facts = MessageFacts(
        kind, CASE_NO, bundle="我要开小餐馆（50平方米以下）", item="小餐饮店登记", date=dt.date(2026, 11, 24),
        tracking="EA123456789CN", link=LINK,
    )  # fmt: skip
    text = message_text(facts, HALL)
    assert text.startswith("【兴安盟政务服务中心】")
    assert CASE_NO in text
    # a paper's link is longer than a message by itself (the gateway joins the parts); the words fit one
    assert len(text.replace(LINK, "")) <= SMS_LENGTH, text
    assert "{" not in text


def test_long_names_are_cut_and_the_date_is_the_applicants() -> None:
    facts = MessageFacts(MessageKind.ACCEPTED, CASE_NO, bundle="我要开办一家经营范围较广的大型连锁药店和诊所")
    assert "“我要开办一家经营范围较广的…”" in message_text(facts, HALL)
    facts = MessageFacts(MessageKind.CORRECTION, CASE_NO, date=dt.date(2026, 12, 3))
    text = message_text(facts, HALL)
    assert "12月3日前" in text
    assert len(text) <= SMS_LENGTH


def test_a_posted_result_without_a_tracking_number_says_so_plainly() -> None:
    text = message_text(MessageFacts(MessageKind.POSTED, CASE_NO), HALL)
    assert "运单号" not in text
    assert "已邮寄" in text


def test_a_message_queued_with_a_desks_words_as_its_tracking_number_carries_none_of_them() -> None:
    """A row queued before the hand-over held the number to its shape: the hall's signed text is still its own."""
    typed = "SF1，欠邮费5元点t.cn/Ev1L补缴否则退回"
    facts = MessageFacts(MessageKind.POSTED, CASE_NO, tracking=typed)
    assert message_text(facts, HALL) == f"【{HALL}】办件{CASE_NO}的办理结果已邮寄，请注意查收。"
    assert "tracking" not in facts.params()
    shaped = MessageFacts(MessageKind.POSTED, CASE_NO, tracking="EA123456789CN")
    assert message_text(shaped, HALL).endswith("运单号EA123456789CN。")


def test_the_template_parameters_are_the_words_the_text_shows() -> None:
    facts = MessageFacts(MessageKind.DEFERRAL_DUE, CASE_NO, bundle="我要开小餐馆", date=dt.date(2026, 11, 24))
    assert facts.params() == {"case_no": CASE_NO, "bundle": "我要开小餐馆", "item": "", "date": "11月24日"}


def test_the_intake_message_claims_no_acceptance_the_hall_may_not_have_made() -> None:
    """Where the hall only receives for a department, the department accepts later and the paper is a 收件凭证
    (counter.documents.acceptance): the message says received, as every standing makes true."""
    taken = message_text(MessageFacts(MessageKind.ACCEPTED, CASE_NO, bundle="我要开小餐馆"), HALL)
    assert "已收件" in taken
    assert "受理" not in taken
    assert "受理凭证" not in message_text(MessageFacts(MessageKind.READY, CASE_NO), HALL)


def test_a_correction_message_names_the_paper_in_hand_and_the_hall_s_notice_no_correction() -> None:
    """The hall's 补齐材料告知书 is no 补正通知 (it says so): its message and a moved date say 补齐."""
    day = dt.date(2026, 12, 3)
    told = message_text(MessageFacts(MessageKind.CORRECTION_TOLD, CASE_NO, date=day), HALL)
    assert "按补齐材料告知书补齐" in told
    moved = message_text(MessageFacts(MessageKind.CORRECTION_MOVED, CASE_NO, date=day), HALL)
    assert "补正" not in told + moved
    notice = message_text(MessageFacts(MessageKind.CORRECTION, CASE_NO, date=day), HALL)
    assert "按补齐补正通知书补齐材料" in notice
    both = message_text(MessageFacts(MessageKind.CORRECTION_BOTH, CASE_NO, date=day), HALL)
    assert "按补齐补正通知书和补齐材料告知书补齐材料" in both
