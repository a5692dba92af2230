"""A message names the case by its 办件编号 alone: an applicant's name (one with a character a phone's font or a
gateway's encoding lacks, 𮯰 of CJK Extension I, or a Mongolian-script name) is never in the text."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from counter.sms.kinds import MessageKind
from counter.sms.texts import MessageFacts, message_text
from tests.sms.test_texts import LINK


def test_the_facts_of_a_message_hold_no_name_of_a_person() -> None:
    fields = {field.name for field in dataclasses.fields(MessageFacts)}
    # the link is the hall's own address and a token it made (counter.documents.paper_link)
    assert fields == {"kind", "case_no", "bundle", "item", "date", "tracking", "link"}


@pytest.mark.parametrize("kind", list(MessageKind))
def test_every_message_carries_the_case_number(kind: MessageKind) -> None:
    facts = MessageFacts(
        kind, "XAM01-20261126-0001-3", "我要开小餐馆", "食品经营许可", dt.date(2026, 12, 1), "SF1", LINK
    )
    text = message_text(facts, "兴安盟政务服务中心")
    assert "XAM01-20261126-0001-3" in text
