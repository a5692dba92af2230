"""A hall desk goes on in outage mode with its server stopped, and hands its intakes over once the server is back.

A real ``counter serve`` process on a hall's SQLite file; the desk's real transport (:class:`Remote`) signed in as the
clerk wulan at desk 8, and the desk's outage store (:class:`OutageDesk`) made from the hall's copy while the server
answers.  The server stopped, the desk takes three intakes on its store and prints their receipts (read back with
``pdftotext``: a 收件凭证 that says the case will be entered at the hall); the server started again, the desk hands
them over, and the three are at the hall under the numbers printed, once each, also when the hand-over is asked
again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.db.engine import make_engine, make_sessions
from counter.documents.kinds import DocumentKind
from counter.service.admin import ADD_ACCOUNT
from counter.service.cases import READ_CASE
from counter.service.documents import MAKE_CASE_PAPERS, CasePapers
from counter.service.intake import READ_CURRENT_GUIDE, TAKE_INTAKE, TakeIntake
from counter.service.local import new_key, serve
from counter.service.outage import HAND_OVER, PENDING
from counter.service.outage_desk import OutageDesk, on_store
from counter.service.remote import Remote, ServerUnreachable
from counter.service.requests import BundleCode, CaseNo
from counter.sync.outage import HandOver, OutageRefused, PendingCases
from tests.conftest import made_database
from tests.db.hall_worker import applicant
from tests.documents.pdf_tools import pdf_text
from tests.server.server_process import ServerProcess, prepared_hall

pytestmark = pytest.mark.program

PASSWORD = "Xam01desk2026"
BUNDLE = "XAM-YJS-008"  # 我要开小餐馆
DESK = Desk(DeskIdentity("XAM01", "8"), "乌兰", Actor("wulan", "乌兰", frozenset({Role.CLERK})))
ENTERED = "连接恢复后，本件即录入本中心政务服务系统，办件编号不变"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    """The hall's server, its administrator and the clerk wulan added, desk 8 registered."""
    env = dict(os.environ)
    env.pop("COUNTER_DB_URL", None)
    env.update(
        COUNTER_HOME=str(tmp_path / "server-home"),
        COUNTER_MACHINE_CONFIG=str(tmp_path / "server-machine" / "desk.toml"),
        COUNTER_STATE=str(tmp_path / "server-state"),
    )
    url = made_database(tmp_path / "hall.sqlite3")
    service = serve(url)
    admin = Actor("admin", "管理员", frozenset({Role.ADMIN}))
    first = NewAccount("admin", "管理员", frozenset({Role.ADMIN}), PASSWORD)
    assert service.call(ADD_ACCOUNT, first, Desk(DeskIdentity("XAM01", "1"), "管理员")) == ()
    clerk = NewAccount("wulan", "乌兰", frozenset({Role.CLERK}), PASSWORD)
    assert service.call(ADD_ACCOUNT, clerk, Desk(DeskIdentity("XAM01", "1"), "管理员", admin)) == ()
    service.close()
    process = ServerProcess(prepared_hall(tmp_path, url, ("8",), env), "server")
    process.start()
    yield process
    process.stop()


def _stopped(server: ServerProcess) -> None:
    assert server.process is not None
    server.process.terminate()
    server.process.wait(timeout=30)


def test_a_desk_takes_three_intakes_without_its_server_and_hands_them_over_once(
    server: ServerProcess, tmp_path: Path
) -> None:
    remote = server.desk("8", "wulan", PASSWORD)
    at_hall = remote.call(TAKE_INTAKE, TakeIntake(_intake(remote, 0)), DESK, key=new_key()).case_no
    outage = OutageDesk(tmp_path / "desk" / "outage.sqlite3", remote, batch=2)  # two hand-overs of the three
    outage.prepare(DESK)  # at sign-in, while the server answers
    _stopped(server)
    with pytest.raises(ServerUnreachable):  # what the desk meets before it chooses outage mode
        remote.call(READ_CURRENT_GUIDE, BundleCode(BUNDLE), DESK)

    numbers = [outage.call(TAKE_INTAKE, TakeIntake(_intake(outage, n)), DESK, key=new_key()).case_no
               for n in (1, 2, 3)]  # fmt: skip
    assert [n.rsplit("-", 1)[1] for n in numbers] == ["8001", "8002", "8003"]
    assert all(n.startswith("XAM01-") and "-08-" in n for n in numbers)
    for number in numbers:
        (receipt,) = outage.call(MAKE_CASE_PAPERS, CasePapers(number, (DocumentKind.RECEIPT,)), DESK, key=new_key())
        path = tmp_path / f"{number}.pdf"
        path.write_bytes(receipt.pdf)
        text = pdf_text(path)
        assert "收件凭证" in text
        assert number in text
        assert ENTERED in "".join(text.split())
    # what the window cannot do without its server: a case of the hall, a list of the hall's cases
    with pytest.raises(OutageRefused):
        outage.call(READ_CASE, CaseNo(at_hall), DESK)
    with pytest.raises(OutageRefused):
        outage.call(MAKE_CASE_PAPERS, CasePapers(at_hall, (DocumentKind.RECEIPT,)), DESK, key=new_key())

    server.start()  # on the same port, the desk's session still the hall's
    sent = outage.store.call(PENDING, PendingCases(most=2), on_store(DESK))  # a hand-over of two
    done, waiting = outage.hand_over(DESK)
    assert sorted(done.taken) == numbers
    assert (done.there, done.held, waiting) == ((), (), 0)
    again, waiting = outage.hand_over(DESK)  # nothing left to hand over
    assert (again.taken, again.there, again.held, waiting) == ((), (), (), 0)
    repeated = remote.call(HAND_OVER, sent, DESK, key=new_key())  # the same cases once more: taken once
    assert (repeated.taken, sorted(repeated.there), repeated.held) == ((), numbers[:2], ())
    # a desk hands over only what it took in outage mode: a case in the hall's own series is held, nothing written
    forged = dict(json.loads(sent.records)[0], uid="f" * 32, case_no=numbers[0][:-4] + "0007", documents=[])
    refused = remote.call(HAND_OVER, HandOver(json.dumps([forged], ensure_ascii=False)), DESK, key=new_key())
    assert (refused.taken, refused.there) == ((), ())
    assert refused.held == (f"{forged['case_no']}: not in the outage series",)
    for n, number in enumerate(numbers, 1):
        page = remote.call(READ_CASE, CaseNo(number), DESK)
        assert page is not None
        assert page.view.case_no == number
        assert page.view.applicant_id_no == applicant(8, n).applicant.id_no
    engine = make_engine(server.hall.url)
    with make_sessions(engine)() as session:
        held = session.scalar(select(func.count()).where(models.Case.case_no.in_(numbers)))
        assert held == 3
    engine.dispose()
    outage.close()


def _intake(service: Remote | OutageDesk, n: int) -> IntakeRequest:
    stored = service.call(READ_CURRENT_GUIDE, BundleCode(BUNDLE), DESK)
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    return IntakeRequest(checklist, applicant(8, n), uid=new_key())
