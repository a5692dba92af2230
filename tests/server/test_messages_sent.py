"""Every outcome of an intake taken through the hall server tells the applicant by SMS, and the message reaches the
gateway: the server's own hall work words and sends it (``--hall-work on``), the gateway played by a local HTTPS
server (:mod:`tests.sms_gateway`).

The 补正 message tells the correction notice's deadline: it was queued without it once, and set aside by the sender
(``KeyError: 'date'``), so that the applicant who had to bring materials was never told.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.case.numbers import DeskIdentity
from counter.catalog.model import Necessity
from counter.intake.checklist import Receipt, record
from counter.intake.outcome import DeferralRequest, Outcome
from counter.service.admin import ADD_ACCOUNT
from counter.service.intake import READ_CURRENT_GUIDE, TAKE_INTAKE, TakeIntake
from counter.service.local import new_key, serve
from counter.service.outbox import CHANGE_GATEWAY, ChangeGateway
from counter.service.remote import Remote
from counter.service.requests import BundleCode
from counter.sms.texts import date_text
from tests.conftest import made_database
from tests.db.hall_worker import applicant
from tests.server.hall_server import HALL_PASSWORD, HallServer, hall_server
from tests.sms_gateway import SECRET, Gateway, running_gateway

pytestmark = pytest.mark.program

BUNDLE = "XAM-YJS-008"  # 我要开小餐馆: a deferrable material (M08) and required ones
DEFERRABLE = "M08"
WAIT_S = 60.0


@pytest.fixture
def sending_hall(tmp_path: Path) -> Iterator[tuple[HallServer, Gateway]]:
    """A hall server on a SQLite file, its hall work a round every half second, and its gateway."""
    with running_gateway() as gateway:  # its CA trusted through SSL_CERT_FILE, which the server's env copies
        env = dict(os.environ)
        env.pop("COUNTER_DB_URL", None)
        env.update(COUNTER_HOME=str(tmp_path / "home"), COUNTER_STATE=str(tmp_path / "state"))
        url = made_database(tmp_path / "hall.sqlite3")
        service = serve(url)
        first = Desk(DeskIdentity("XAM01", "1"), "管理员")
        admin = Desk(first.identity, "管理员", Actor("admin", "管理员", frozenset({Role.ADMIN})))
        for login, role, by in (("admin", Role.ADMIN, first), ("wulan", Role.CLERK, admin)):
            assert service.call(ADD_ACCOUNT, NewAccount(login, login, frozenset({role}), HALL_PASSWORD), by) == ()
        service.close()
        options = ("--hall-work", "on", "--work-interval", "0.5")
        with hall_server(tmp_path, url, ("8", "9"), env, options) as server:
            yield server, gateway
            server.close_remotes()


def _requests(clerk: Remote) -> dict[Outcome, IntakeRequest]:
    """An intake of each outcome that tells the applicant: taken whole, 容缺 with the pledge, 补正 of a required
    material missing."""
    stored = clerk.call(READ_CURRENT_GUIDE, BundleCode(BUNDLE))
    assert stored is not None
    whole = complete_checklist(stored.bundle, fresh_checklist(stored))
    required = [m for m in stored.bundle.materials_for(whole.answers_dict()) if m.necessity is Necessity.REQUIRED]
    deferred = IntakeRequest(record(whole, DEFERRABLE, Receipt.MISSING), applicant(1, 2), DeferralRequest(True, True))
    return {
        Outcome.ACCEPT: IntakeRequest(whole, applicant(1, 1)),
        Outcome.DEFER: deferred,
        Outcome.CORRECT: IntakeRequest(record(whole, required[-1].code, Receipt.MISSING), applicant(1, 3)),
    }


def test_every_outcome_of_an_intake_reaches_the_gateway_the_correction_with_its_deadline(
    sending_hall: tuple[HallServer, Gateway],
) -> None:
    server, gateway = sending_hall
    admin = server.desk("9", "admin", HALL_PASSWORD)
    admin.call(CHANGE_GATEWAY, ChangeGateway(endpoint=gateway.url, account="hall", secret=SECRET, attempts=2))
    clerk = server.desk("8", "wulan", HALL_PASSWORD)
    taken = {}
    for outcome, request in _requests(clerk).items():
        answer = clerk.call(TAKE_INTAKE, TakeIntake(dataclasses.replace(request, uid=new_key())), key=new_key())
        assert answer.decision.outcome is outcome
        taken[outcome] = answer
    deadline = time.monotonic() + WAIT_S
    while len(gateway.delivered) < len(taken):
        assert time.monotonic() < deadline, f"{len(gateway.delivered)} SMS sent:\n{server.log.read_text()[-4000:]}"
        time.sleep(0.1)  # the server's work in another process: nothing to wait on but the gateway's requests
    texts = {r["content"] for r in gateway.requests}
    assert len(texts) == len(gateway.delivered) == len(taken)  # each once
    for outcome, answer in taken.items():
        (text,) = [t for t in texts if answer.case_no in t]
        if outcome is Outcome.CORRECT:
            due = answer.decision.correction_due
            assert due is not None
            # the hall only received the case: the applicant holds its 补齐材料告知书, no 补正通知书
            assert f"请于{date_text(due)}前按补齐材料告知书补齐" in text
        else:
            assert "已收件" in text
    assert "KeyError" not in server.log.read_text()
