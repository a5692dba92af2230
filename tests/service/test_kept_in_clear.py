"""After intakes and sign-ins, no table of the database holds a person's ID number, phone or address in clear.

The case's columns, the party table and the desk's draft are sealed under the site's data key; the answers kept for
idempotency were not: ``intake.check_draft``, asked at every sign-in and declared a write, left the desk's draft (its
applicant's whole ID number, phone and address) in ``operation_receipt`` beside the sealed columns, and every dump
carried it.  Here the database file itself is dumped, every table, as a backup would copy it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.actions.site.store import Store
from counter.case.intake_request import IntakeRequest
from counter.case.numbers import DeskIdentity
from counter.intake.draft import IntakeDraft
from counter.intake.parties import Agent, Applicant, ApplicantKind, Parties
from counter.parties.identifiers import make_id_number
from counter.server.secrets_hash import digest
from counter.service.admin import ADD_ACCOUNT
from counter.service.hall import OPEN_SESSION, REGISTER_DESK, DeskKey, OpenSession
from counter.service.intake import CHECK_DRAFT, KEEP_DRAFT, READ_CURRENT_GUIDE, TAKE_INTAKE, KeepDraft, TakeIntake
from counter.service.local import InProcess, new_key
from counter.service.requests import BundleCode, Nothing
from tests.conftest import made_database

PASSWORD = "Xam01desk2026"
BUNDLE = "XAM-YJS-008"
#: what must be found nowhere in clear
ID_NO = make_id_number("152201", dt.date(1992, 6, 5), 452)
PHONE = "13959082062"
ADDRESS = "兴安盟乌兰浩特市和平街道民主路18号"


@pytest.fixture
def hall(tmp_path: Path) -> Iterator[tuple[InProcess, Path]]:
    path = tmp_path / "hall.sqlite3"
    store = Store(made_database(path), create=True)
    service = InProcess(store)
    yield service, path
    store.dispose()


def _clerk(service: InProcess) -> Desk:
    desk = Desk(DeskIdentity("XAM01", "1"), "管理员")
    service.call(ADD_ACCOUNT, NewAccount("admin", "管理员", frozenset({Role.ADMIN}), PASSWORD), desk)
    admin = Desk(desk.identity, "管理员", Actor("admin", "管理员", frozenset({Role.ADMIN})))
    service.call(ADD_ACCOUNT, NewAccount("wulan", "乌兰", frozenset({Role.CLERK}), PASSWORD), admin)
    service.call(REGISTER_DESK, DeskKey("8", digest("desk-8-key")))
    return Desk(DeskIdentity("XAM01", "8"), "乌兰", Actor("wulan", "乌兰", frozenset({Role.CLERK})))


def _sign_in(service: InProcess) -> None:
    opened = service.call(OPEN_SESSION, OpenSession("wulan", PASSWORD, "8", digest("desk-8-key"), digest(new_key())))
    assert opened.result.signed_in


def test_no_id_number_phone_or_address_in_clear_in_any_table(hall: tuple[InProcess, Path]) -> None:
    service, path = hall
    clerk = _clerk(service)
    stored = service.call(READ_CURRENT_GUIDE, BundleCode(BUNDLE), clerk)
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    person = Applicant(ApplicantKind.PERSON, "张海军", ID_NO, PHONE, ADDRESS)
    for _ in range(2):  # a day of them: a sign-in, the desk's draft offered back, an intake
        _sign_in(service)
        draft = IntakeDraft(checklist, person, Agent("", "", ""), with_agent=False, notify_phone=PHONE, uid=new_key())
        service.call(KEEP_DRAFT, KeepDraft(draft), clerk, key=new_key())  # each write under its key, as the server
        (kept,) = service.call(CHECK_DRAFT, Nothing(), clerk, key=new_key()).drafts  # one per applicant
        assert kept.draft is not None
        assert kept.draft.applicant.id_no == ID_NO  # the clerk's own desk is given its draft whole
        request = IntakeRequest(checklist, Parties(dataclasses.replace(person), notify_phone=PHONE), uid=new_key())
        service.call(TAKE_INTAKE, TakeIntake(request), clerk, key=new_key())

    service.close()
    with sqlite3.connect(path) as connection:
        dump = "\n".join(connection.iterdump())
    assert 'INSERT INTO "operation_receipt"' in dump  # the intakes' receipts, sealed
    for value in (ID_NO, PHONE, ADDRESS):
        assert value not in dump
