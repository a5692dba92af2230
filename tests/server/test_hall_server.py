"""``counter serve`` as a process of its own, asked through the desks' HTTPS transport (counter.service.remote).

One server for each kind of database (an SQLite file, then PostgreSQL), on a hall with accounts of each role and two
registered desks, 8 and 9; each test signs in as it needs.  The server is asked only as a desk asks it: the desk's
key, a login and password, the operations' requests; never a desk number or an account inside a request.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import ssl
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.key_reused import KeyMismatch, KeyReused
from counter.access.lockout import SignInOutcome
from counter.access.not_permitted import NotPermitted
from counter.access.roles import SINGLE_DESK, Actor, Permission, Role
from counter.case.not_found import CaseNotFound
from counter.case.numbers import DeskIdentity
from counter.case.promise_figures import FigureGroup
from counter.documents.office_check import OfficeRefused
from counter.intake.checklist import start_checklist
from counter.intake.draft import IntakeDraft
from counter.intake.parties import Agent, Applicant, ApplicantKind
from counter.service.admin import (
    ACCOUNTS_EXIST,
    ADD_ACCOUNT,
    DISABLE_ACCOUNT,
    LIST_ACCOUNTS,
    SIGN_IN,
    AccountLogin,
    SignIn,
)
from counter.service.cases import RUN_DEMO
from counter.service.documents import READ_OFFICE, SAVE_OFFICE, WAIVE_PAPERS, SaveOffice, WaivePapers
from counter.service.hall import FIND_SESSION, FindSession
from counter.service.intake import CHECK_DRAFT, KEEP_DRAFT, MONTH_FIGURES, FiguresOfMonth, KeepDraft
from counter.service.local import new_key, serve
from counter.service.outbox import CHANGE_GATEWAY, READ_GATEWAY, ChangeGateway
from counter.service.remote import Refused, Remote, ServerNotTrusted, ServerUnreachable, SessionEnded
from counter.service.requests import Nothing, SiteCode
from counter.sms.gateway import GatewayProblem
from counter.sms.gateway_refused import GatewayRefused
from tests.conftest import made_database
from tests.db.tls_server import make_authority
from tests.intake.samples import INDIVIDUAL_NO_AGENT, RESTAURANT
from tests.pg_server import BACKENDS, CATALOG, PgDatabases, free_port
from tests.server.hall_server import HallServer, hall_server

pytestmark = pytest.mark.program

PASSWORD = "Xam01desk2026"
#: login → the roles the administrator gave it
ACCOUNTS = {
    "admin": (Role.ADMIN,),
    "baoyin": (Role.CLERK, Role.SUPERVISOR),
    "wulan": (Role.CLERK,),
    "sarula": (Role.CLERK,),  # disabled by a test
    "tana": (Role.CLERK,),  # locked out by a test
}


def _add_accounts(url: str) -> None:
    service = serve(url)
    desk = Desk(DeskIdentity("XAM01", "1"), "宝音")
    for login, roles in ACCOUNTS.items():
        new = NewAccount(login, f"{login}名", frozenset(roles), PASSWORD)
        assert service.call(ADD_ACCOUNT, new, desk) == ()
        desk = Desk(desk.identity, "admin名", Actor("admin", "admin名", frozenset({Role.ADMIN})))
    service.close()


@pytest.fixture(scope="module", params=BACKENDS)
def hall(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[HallServer]:
    """The server on a hall's SQLite file, then on a PostgreSQL database of the run's cluster."""
    folder = tmp_path_factory.mktemp("hall")
    env = dict(os.environ)
    env.pop("COUNTER_DB_URL", None)
    env.update(
        COUNTER_HOME=str(folder / "home"),
        COUNTER_MACHINE_CONFIG=str(folder / "machine" / "desk.toml"),
        COUNTER_STATE=str(folder / "state"),
    )
    databases: PgDatabases | None = None
    if request.param == "postgresql":
        databases = request.getfixturevalue("pg_databases")
        name = databases.create(CATALOG)
        url = databases.cluster.url(name)
    else:
        url = made_database(folder / "hall.sqlite3")
    _add_accounts(url)
    try:
        with hall_server(folder, url, ("8", "9"), env) as server:
            yield server
    finally:
        if databases is not None:
            databases.drop(name)


@pytest.fixture(autouse=True)
def closed(hall: HallServer) -> Iterator[None]:
    """Every desk's connections closed at the test's end."""
    yield
    hall.close_remotes()


def test_a_desk_signs_in_at_the_server_and_reads_and_writes_as_its_account(hall: HallServer) -> None:
    admin = hall.desk("8", "admin", PASSWORD)
    assert admin.call(ACCOUNTS_EXIST, Nothing()) is True
    logins = {a.login for a in admin.call(LIST_ACCOUNTS, Nothing())}
    assert set(ACCOUNTS) <= logins
    new = NewAccount("gerile", "格日乐", frozenset({Role.CLERK}), PASSWORD)
    assert admin.call(ADD_ACCOUNT, new) == ()
    assert "gerile" in {a.login for a in admin.call(LIST_ACCOUNTS, Nothing())}


def test_a_write_asked_again_with_its_key_applies_once(hall: HallServer) -> None:
    admin = hall.desk("8", "admin", PASSWORD)
    new = NewAccount("aodeng", "敖登", frozenset({Role.CLERK}), PASSWORD)
    key = new_key()
    assert admin.call(ADD_ACCOUNT, new, key=key) == ()
    # the same write again under its key: answered from its receipt, not added a second time (which would say
    # LOGIN_TAKEN); under a new key it is a new write, and refused as one
    assert admin.call(ADD_ACCOUNT, new, key=key) == ()
    assert admin.call(ADD_ACCOUNT, new, key=new_key()) != ()


def test_a_key_reused_for_another_request_or_operation_is_refused_with_its_reason(hall: HallServer) -> None:
    """One key reused for another applicant's intake answered with the first case and dropped the second; for another
    operation it gave 500.  Both are refused 409 with what differs, and neither is applied."""
    admin = hall.desk("8", "admin", PASSWORD)
    key = new_key()
    assert admin.call(ADD_ACCOUNT, NewAccount("suyala", "苏雅拉", frozenset({Role.CLERK}), PASSWORD), key=key) == ()
    other = NewAccount("tuya", "图雅", frozenset({Role.CLERK}), PASSWORD)
    with pytest.raises(KeyReused) as refused:
        admin.call(ADD_ACCOUNT, other, key=key)
    assert refused.value.reason == KeyMismatch.REQUEST
    with pytest.raises(KeyReused) as refused:
        admin.call(DISABLE_ACCOUNT, AccountLogin("suyala"), key=key)
    assert refused.value.reason == KeyMismatch.OPERATION
    logins = {a.login: a for a in admin.call(LIST_ACCOUNTS, Nothing())}
    assert "tuya" not in logins
    assert not logins["suyala"].disabled

    connection = _connection(hall)
    headers = {"Authorization": f"Bearer {admin._token}", "Desk-Key": hall.desk_keys["8"], "Idempotency-Key": key}
    connection.request("POST", "/v1/operations/admin.disable_account", body=b'{"login": "suyala"}', headers=headers)
    answer = connection.getresponse()
    assert answer.status == 409
    assert json.loads(answer.read())["values"] == {"reason": "operation"}
    connection.close()


def test_a_write_whose_answer_was_lost_is_asked_again_under_its_key_and_applies_once(
    hall: HallServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = hall.desk("8", "admin", PASSWORD)
    sent = Remote._once
    lost: list[str] = []

    def answer_lost(remote: Remote, path: str, payload: bytes, headers: dict[str, str], at: int) -> tuple[int, Any]:
        answered = sent(remote, path, payload, headers, at)  # the server applied it and answered
        if not lost:
            lost.append(headers["Idempotency-Key"])
            raise ConnectionResetError("the answer was lost on the way back")
        assert headers["Idempotency-Key"] == lost[0]
        return answered

    monkeypatch.setattr(Remote, "_once", answer_lost)
    new = NewAccount("naran", "娜仁", frozenset({Role.CLERK}), PASSWORD)
    assert admin.call(ADD_ACCOUNT, new) == ()  # not LOGIN_TAKEN: the second asking was answered from the receipt
    assert lost


def test_a_server_that_does_not_answer_is_named(tmp_path: Path) -> None:
    ca_file = make_authority().write(tmp_path / "hall-ca.crt")
    remote = Remote(f"https://127.0.0.1:{free_port()}", ca_file, retry_waits_s=(0.01, 0.01))
    remote._token, remote._desk_key = "a token", "a key"
    with pytest.raises(ServerUnreachable):
        remote.call(ADD_ACCOUNT, NewAccount("naran", "娜仁", frozenset({Role.CLERK}), PASSWORD))


def test_a_token_after_sign_out_is_refused(hall: HallServer) -> None:
    clerk = hall.desk("8", "wulan", PASSWORD)
    token = clerk._token
    clerk.sign_out()
    with pytest.raises(SessionEnded):
        clerk.call(ACCOUNTS_EXIST, Nothing())
    clerk._token = token  # the old token kept and shown again: the session it opened is over
    with pytest.raises(SessionEnded) as ended:
        clerk.call(ACCOUNTS_EXIST, Nothing())
    assert ended.value.reason == "signed_out"


def test_a_token_shown_from_another_desks_machine_opens_nothing(hall: HallServer) -> None:
    at_8 = hall.desk("8", "wulan", PASSWORD)
    at_9 = hall.desk("9", "baoyin", PASSWORD)
    at_9._token = at_8._token  # desk 8's token carried to desk 9's machine, which shows its own key with it
    with pytest.raises(SessionEnded) as ended:
        at_9.call(ACCOUNTS_EXIST, Nothing())
    assert ended.value.reason == "unknown"
    assert at_8.call(ACCOUNTS_EXIST, Nothing()) is True  # on its own machine it still works


def test_the_desk_is_the_one_the_server_knows_for_the_token(hall: HallServer) -> None:
    at_8 = hall.desk("8", "wulan", PASSWORD)
    at_9 = hall.desk("9", "baoyin", PASSWORD)
    draft = IntakeDraft(
        start_checklist(RESTAURANT, INDIVIDUAL_NO_AGENT, guide_version=1),
        Applicant(ApplicantKind.PERSON, "王䶮", "11010519491231002X", "13904821234", "兴安盟"),
        Agent("", "", ""),
        with_agent=False,
        uid="a" * 32,
    )
    at_8.call(KEEP_DRAFT, KeepDraft(draft))
    # what a desk passes as its desk is never sent: desk 9's machine, claiming desk 8, sees desk 9's own (none)
    claimed = Desk(DeskIdentity("XAM01", "8"), "乌兰", Actor("admin", "admin名", frozenset({Role.ADMIN})))
    assert not at_9.call(CHECK_DRAFT, Nothing(), claimed)
    assert at_8.call(CHECK_DRAFT, Nothing())  # its own (dropped there: the test's guide is not the hall's)


def test_a_window_clerks_token_is_refused_a_supervisors_operation(hall: HallServer) -> None:
    asked = FiguresOfMonth("2026-11", FigureGroup.DESK)
    clerk = hall.desk("8", "wulan", PASSWORD)
    with pytest.raises(NotPermitted) as refused:
        clerk.call(MONTH_FIGURES, asked)
    assert refused.value.permission is Permission.SEE_FIGURES
    with pytest.raises(NotPermitted):  # nor an administrator's, whatever desk the call names
        clerk.call(LIST_ACCOUNTS, Nothing(), Desk(DeskIdentity("XAM01", "1"), "admin", SINGLE_DESK))
    supervisor = hall.desk("9", "baoyin", PASSWORD)
    assert supervisor.call(MONTH_FIGURES, asked).month == "2026-11"


def test_a_case_number_the_hall_does_not_hold_is_not_found_at_the_desk(hall: HallServer) -> None:
    """A clerk's step on a case the hall's database does not have (a number mistyped, another hall's): the desk is
    told the case is not there, by its number, as on a desk of its own."""
    clerk = hall.desk("8", "wulan", PASSWORD)
    with pytest.raises(CaseNotFound) as missing:
        clerk.call(WAIVE_PAPERS, WaivePapers("XAM01-20261128-9999", "申请人不需要纸质文书"))
    assert missing.value.case_no == "XAM01-20261128-9999"


def test_settings_the_rules_refuse_come_to_the_desk_as_their_refusal_and_change_nothing(hall: HallServer) -> None:
    """An administrator's SMS gateway given over plain HTTP and without an account: refused by the hall's rules, each
    problem named, as on a desk of its own; not a fault of the server."""
    admin = hall.desk("8", "admin", PASSWORD)
    change = ChangeGateway(endpoint="http://sms.hall.example/send", secret="hall-secret")
    with pytest.raises(GatewayRefused) as refused:
        admin.call(CHANGE_GATEWAY, change)
    assert set(refused.value.problems) == {GatewayProblem.BAD_ENDPOINT, GatewayProblem.NO_ACCOUNT}
    assert admin.call(READ_GATEWAY, Nothing()).endpoint == ""


def test_office_settings_with_a_line_that_does_not_read_are_refused_by_the_server_and_change_nothing(
    hall: HallServer,
) -> None:
    """A desk's settings are checked at the hall, not taken as the desk sends them: an exception line the papers
    would skip and an empty court come back named, as the window and ``counter office`` say them; nothing saved."""
    admin = hall.desk("8", "admin", PASSWORD)
    before = admin.call(READ_OFFICE, SiteCode("XAM01"))
    bad = replace(before, court=" ", rights_overrides="乌兰浩特市公安局：乌兰浩特市人民政府")
    with pytest.raises(OfficeRefused) as refused:
        admin.call(SAVE_OFFICE, SaveOffice("XAM01", bad))
    assert (refused.value.missing, refused.value.overrides) == (("court",), ("乌兰浩特市公安局：乌兰浩特市人民政府",))
    assert admin.call(READ_OFFICE, SiteCode("XAM01")) == before


def test_a_disabled_account_is_ended_at_its_next_use(hall: HallServer) -> None:
    clerk = hall.desk("8", "sarula", PASSWORD)
    assert clerk.call(ACCOUNTS_EXIST, Nothing()) is True
    admin = hall.desk("9", "admin", PASSWORD)
    assert admin.call(DISABLE_ACCOUNT, AccountLogin("sarula")) == ()
    with pytest.raises(SessionEnded) as ended:
        clerk.call(ACCOUNTS_EXIST, Nothing())
    assert ended.value.reason == "account_disabled"


def test_the_server_locks_an_account_out_after_wrong_passwords(hall: HallServer) -> None:
    remote = hall.remote()
    outcomes = [remote.sign_in("tana", "wrong0pass", "8", hall.desk_keys["8"]).result.outcome for _ in range(5)]
    assert outcomes[-1] is SignInOutcome.LOCKED, outcomes
    assert remote.sign_in("tana", PASSWORD, "8", hall.desk_keys["8"]).result.outcome is SignInOutcome.LOCKED
    assert not remote.signed_in


def test_a_machine_without_its_desks_key_is_not_signed_in(hall: HallServer) -> None:
    remote = hall.remote()
    answer = remote.sign_in("admin", PASSWORD, "8", hall.desk_keys["9"])
    assert not answer.desk_known
    assert not answer.result.signed_in
    assert not remote.signed_in


def test_the_servers_own_operations_and_the_sign_in_are_not_served_by_name(hall: HallServer) -> None:
    admin = hall.desk("8", "admin", PASSWORD)
    with pytest.raises(Refused) as refused:
        admin.call(FIND_SESSION, FindSession("0" * 64, "0" * 64))
    assert refused.value.status == 404
    with pytest.raises(Refused) as refused:
        admin.call(SIGN_IN, SignIn("admin", PASSWORD))
    assert refused.value.status == 404
    with pytest.raises(Refused) as refused:  # its sample intakes would be real cases in the hall's number series
        admin.call(RUN_DEMO, Nothing())
    assert refused.value.status == 404


def test_a_request_that_does_not_decode_is_refused(hall: HallServer) -> None:
    admin = hall.desk("8", "admin", PASSWORD)
    connection = _connection(hall)
    headers = {"Authorization": f"Bearer {admin._token}", "Desk-Key": hall.desk_keys["8"], "Idempotency-Key": new_key()}
    connection.request("POST", "/v1/operations/admin.disable_account", body=b'{"user": 1}', headers=headers)
    answer = connection.getresponse()
    answer.read()
    assert answer.status == 400
    connection.request("POST", "/v1/operations/admin.no_such_thing", body=b"{}", headers=headers)
    assert connection.getresponse().status == 404
    connection.close()


def test_a_nul_in_a_request_is_refused_by_its_field_never_a_database_fault(hall: HallServer) -> None:
    """PostgreSQL holds no NUL: a request carrying one is refused at the door, naming the field, not answered 503
    (the server away, asked again) as the database's fault."""
    admin = hall.desk("8", "admin", PASSWORD)
    with pytest.raises(Refused) as refused:
        admin.call(DISABLE_ACCOUNT, AccountLogin("sa\x00rula"))
    assert (refused.value.status, refused.value.reason) == (400, "nul:login")


def test_plain_http_is_refused(hall: HallServer) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", hall.port, timeout=10)
    connection.request("POST", "/v1/sign-in", body=b"{}")  # sent in clear: the server takes it for a TLS hello
    with pytest.raises((http.client.HTTPException, ConnectionError)):  # and closes the connection unanswered
        connection.getresponse()
    connection.close()


def test_a_server_certificate_not_from_the_halls_ca_is_refused(hall: HallServer, tmp_path: Path) -> None:
    stranger = make_authority("某公共 CA").write(tmp_path / "other-ca.crt")
    remote = Remote(hall.root, stranger)
    with pytest.raises(ServerNotTrusted):
        remote.sign_in("admin", PASSWORD, "8", hall.desk_keys["8"])
    remote.close()


def test_the_servers_logs_hold_no_password(hall: HallServer) -> None:
    """Last of the module: after every sign-in, wrong password and refusal above, neither the server's output nor its
    counter.log holds an account's password (nor, on PostgreSQL, a database URL's: this cluster has none to give)."""
    folder = hall.log.parent
    logs = [hall.log, *folder.rglob("counter.log*")]
    assert len(logs) > 1  # the server's own log was written
    for log in logs:
        text = log.read_text(encoding="utf-8", errors="replace")
        assert PASSWORD not in text, log
        assert "wrong0pass" not in text, log


def _connection(hall: HallServer) -> http.client.HTTPSConnection:
    context = ssl.create_default_context(cafile=str(hall.ca_file))
    return http.client.HTTPSConnection("127.0.0.1", hall.port, context=context, timeout=30)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
