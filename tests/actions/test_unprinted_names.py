"""A name with a character no shipped font draws (one of CJK Extension J, newer than GB 18030 and every shipped
font) is the applicant's: taken, stored and sent to the hall whole (the platform is told the stored name);
only the papers print □ in its place, and a message names the case by its 办件编号 alone."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.db import models
from counter.db.case_store import case_view
from counter.sms.kinds import MessageKind
from counter.sms.texts import MessageFacts, message_text
from counter.sync.record_json import parse_records, to_dict
from counter.sync.records import CaseRecord
from tests.actions.test_intake_actions import applicant, full_request, take
from tests.sync.case_records import case_records

ENTRUSTED_RESTAURANT = True  # its departments' items decided at the window under their 授权 (tests/actions/conftest.py)

BEYOND_THE_FONTS = "\U000323b0"  # U+323B0, CJK Extension J (Unicode 17): in none of the shipped fonts
NAME = f"王{BEYOND_THE_FONTS}𬭚"


def test_a_name_beyond_the_fonts_is_taken_and_kept_whole(sessions: sessionmaker[Session], desk: Desk) -> None:
    case_no = take(sessions, desk, full_request(sessions, applicant(NAME)))
    with sessions() as session:
        view = case_view(session, case_no)
        assert view is not None
        assert view.applicant_name == NAME  # storage
        case = session.scalars(select(models.Case).where(models.Case.case_no == case_no)).one()
        (record,) = case_records(session, [case.id])
    sent = json.loads(json.dumps(to_dict(record), ensure_ascii=False))  # as the package carries it
    (received,), problems = parse_records([sent], "cases")
    assert problems == []
    assert isinstance(received, CaseRecord)
    assert received.applicant_name == NAME  # what the hall takes in
    text = message_text(MessageFacts(MessageKind.ACCEPTED, case_no, "我要开小餐馆"), "兴安盟政务服务中心")
    assert case_no in text
    assert BEYOND_THE_FONTS not in text
    assert NAME not in text
