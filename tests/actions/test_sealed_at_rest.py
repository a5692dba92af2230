"""A day's personal data is nowhere in a plain dump of the database (GB/T 39786-2021 8.4 e)): sealed at rest.

A day of intakes through the real paths (an agent, phones, a postal address, an SMS and a platform report queued, a
draft kept, the service rated on the pad: the rating holds the applicant's ID number as the rater's), then the
database as a plain dump gives it (``sqlite3``'s ``.dump``; ``pg_dump`` on PostgreSQL): none of the day's ID
numbers, phones or addresses is in it, and the app still reads each of them back and finds the case by ID number and
by phone.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.intake.drafts import keep_draft
from counter.actions.outbox.messages import save_gateway
from counter.actions.outbox.platform import save_platform
from counter.actions.ratings.record import record_rating, send_to_pad
from counter.actions.site.demo import fresh_checklist
from counter.case.lookup import read_lookup
from counter.db import models
from counter.db.case_lists import cases_found
from counter.db.catalog_store import current_guide
from counter.db.draft_store import load_drafts
from counter.db.party_store import find_party
from counter.intake.draft import IntakeDraft
from counter.intake.parties import Agent, Applicant, ApplicantKind, Delivery, Parties
from counter.parties.identifiers import make_id_number
from counter.platform.settings import PlatformSettings
from counter.ratings.choice import RatingChoice
from counter.ratings.levels import Level
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import full_request, take
from tests.actions.test_messages import GATEWAY
from tests.codings import CHOSEN, confirm_guides
from tests.pg_server import pg_bin

APPLICANT_ID = make_id_number("152201", dt.date(1968, 3, 9), 417)
AGENT_ID = make_id_number("152202", dt.date(1990, 12, 1), 733)
DRAFT_ID = make_id_number("152223", dt.date(2001, 6, 30), 128)
PHONES = ("13904827391", "15148206624", "18647103358")  # the applicant's, the one told by SMS, the draft's
ADDRESSES = ("乌兰浩特市五一北街七十七号", "科尔沁右翼前旗索伦镇团结路十九号", "扎赉特旗音德尔镇光明街五号")
SECRETS = (APPLICANT_ID, AGENT_ID, DRAFT_ID, *PHONES, *ADDRESSES)


def _parties() -> Parties:
    return Parties(
        Applicant(ApplicantKind.PERSON, "那仁", APPLICANT_ID, PHONES[0], ADDRESSES[0]),
        Agent("其木格", AGENT_ID, "2026年11月20日授权委托书"),
        Delivery.POST,
        ADDRESSES[1],
        PHONES[1],
    )


def _dump(sessions: sessionmaker[Session]) -> str:
    """The database as a plain dump shows it."""
    engine = sessions.kw["bind"]
    if engine.dialect.name == "sqlite":
        with sqlite3.connect(engine.url.database) as raw:
            return "\n".join(raw.iterdump())
    url = engine.url.set(drivername="postgresql")
    dumped = subprocess.run(
        [pg_bin("pg_dump"), "--no-owner", url.render_as_string(hide_password=False)],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    return dumped.stdout


@pytest.mark.slow
def test_a_days_numbers_phones_and_addresses_are_in_no_dump(sessions: sessionmaker[Session], desk: Desk) -> None:
    with sessions.begin() as s:  # the site sends SMS and reports to the platform: both queue the intake's facts
        save_gateway(s, GATEWAY, desk=desk)
        save_platform(s, PlatformSettings(True, codings=CHOSEN), desk=desk)
        confirm_guides(s, "XAM-YJS-008")
    number = take(sessions, desk, full_request(sessions, _parties()))
    rated_at = dt.datetime.combine(TODAY, dt.time(10, 30), dt.timezone(dt.timedelta(hours=8)))
    with sessions.begin() as s:
        pad = send_to_pad(s, number, desk, rated_at)
        rating_id = record_rating(
            s, pad.request_id, RatingChoice(Level.SATISFIED), desk, rated_at, office_calendar(s)
        ).rating_id
    with sessions() as s:
        stored = current_guide(s, "XAM-YJS-008")
    assert stored is not None
    draft = IntakeDraft(
        fresh_checklist(stored),
        Applicant(ApplicantKind.PERSON, "乌云", DRAFT_ID, PHONES[2], ADDRESSES[2]),
        Agent("", "", ""),
        False,
        uid="f" * 32,
    )
    with sessions.begin() as s:
        keep_draft(s, desk, draft)

    dump = _dump(sessions)
    assert number in dump  # the dump is the database's
    assert [secret for secret in SECRETS if secret in dump] == []

    with sessions() as s:  # and the app reads all of it back, and finds by what is sealed
        case = s.scalars(select(models.Case).where(models.Case.case_no == number)).one()
        assert (case.applicant_id_no, case.agent_id_no) == (APPLICANT_ID, AGENT_ID)
        assert (case.applicant_phone, case.notify_phone) == PHONES[:2]
        assert (case.applicant_address, case.delivery_address) == ADDRESSES[:2]
        assert {m.phone for m in s.scalars(select(models.OutboxMessage))} == {PHONES[1]}
        assert s.get_one(models.Rating, rating_id).rater_id_no == APPLICANT_ID
        party = find_party(s, APPLICANT_ID.lower())
        assert party is not None
        assert (party.phone, party.address) == (PHONES[0], ADDRESSES[0])
        (kept,) = load_drafts(s, desk.draft_key)
        assert DRAFT_ID in kept[2]
        for typed in (APPLICANT_ID, PHONES[0], PHONES[1]):
            lookup = read_lookup(typed)
            assert lookup is not None
            assert [row.case_no for row in cases_found(s, lookup, TODAY - dt.timedelta(days=30), 10).rows] == [number]
