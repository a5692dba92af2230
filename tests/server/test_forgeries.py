"""The forgeries once made with the desk role's password, tried again from a desk of a hall served by ``counter serve``.

Tried on a hall set up the old way (the desk role in every desk's ``~/.pgpass``), each of these went through and the
audit trail said 完整 after it: a case decided for its department, a message of the attacker's text queued and sent,
a pending platform report deleted, holidays, a guide's fee, ``sync.marks`` and a peer's seal rewritten, the number
counter reset.  Here the desk machine holds no database credentials at all, and the same intents sent to the server
with a window clerk's token are refused, each by its operation's name (``counter.service.catalogue``); an intent no
served operation carries is shown to have none.  Then the ways around the token: a token after sign-out, another
desk's, plain HTTP, and a server whose certificate is not from the hall's CA.

Each refusal is asserted as the one the server's check gives (the permission refused, the rule's own problem), and
what it would have changed is read back unchanged, so that a test passes only while that check stands.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import http.client
import json
import os
import ssl
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import pytest

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.access.roles import Actor, Permission, Role
from counter.case.decisions import DecisionProblem, DecisionRefused
from counter.case.hand_over import HandOverProblem, HandOverRefused, HandOverRequest, HandOverWay
from counter.case.numbers import DeskIdentity
from counter.ratings.choice import RatingChoice
from counter.ratings.levels import Level
from counter.ratings.paper import PaperRating
from counter.ratings.rectification import AppealGround, RectEvent
from counter.ratings.refusals import ChoiceRefused, RatingRefused
from counter.ratings.status import SendRefusal
from counter.server.app import served
from counter.service.admin import ADD_ACCOUNT
from counter.service.calendar import HOLIDAY_OVERVIEW, IMPORT_SCHEDULE, SET_HOLIDAY, ImportSchedule, SetHoliday
from counter.service.cases import DECIDE_ITEM, HAND_OVER, DecideItem, HandOverResults
from counter.service.catalog import (
    ALLOW_DRAFT_INTAKE,
    IMPORT_SOURCE,
    PUBLISH_GUIDE,
    PULL_ITEM_LIST,
    SYNC_BUNDLED,
    AllowDraftIntake,
    ImportSource,
    PullItemList,
)
from counter.service.catalogue import operations
from counter.service.department_items import ITEM_STANDINGS
from counter.service.intake import READ_CURRENT_GUIDE, TAKE_INTAKE, TakeIntake
from counter.service.local import new_key, serve
from counter.service.operation import Open
from counter.service.outbox import (
    CHANGE_GATEWAY,
    CHANGE_PLATFORM,
    QUEUE_REMINDERS,
    READ_GATEWAY,
    READ_PLATFORM,
    RETRY_MESSAGE,
    RETRY_REPORT,
    ChangeGateway,
    ChangePlatform,
    RetryRow,
)
from counter.service.projects import IMPORT_SERVICE_LIST, ImportServiceList
from counter.service.ratings import (
    EXPORT_RECORDS,
    KEY_IN_SHEET,
    RECORD_RATING,
    RECORD_UNRATED,
    SEND_TO_PAD,
    KeyInSheet,
    Period,
    RecordRating,
    RequestId,
)
from counter.service.rectifications import (
    DECIDE_APPEAL,
    MOVE_RECTIFICATION,
    OPEN_RECTIFICATIONS,
    DecideAppeal,
    MoveRectification,
    RectificationsAsked,
)
from counter.service.remote import Refused, Remote, ServerNotTrusted
from counter.service.requests import BundleCode, CaseNo, Nothing
from counter.service.site import (
    CARD,
    PEERS,
    REGISTER_CARD,
    RENOTE,
    ROTATE_KEY,
    SKIP_ISSUED,
    RegisterCard,
    RotateKey,
)
from counter.service.sync import IMPORT_PACKAGE, READ_STATUS, ImportPackage
from counter.sync.package import PackageRejected
from tests.db.tls_server import make_authority
from tests.pg_server import CATALOG, PgDatabases
from tests.server.hall_server import HallServer, hall_server

pytestmark = pytest.mark.program

PASSWORD = "Xam01desk2026"
CLERK = "wulan"
ACCOUNTS = {"admin": (Role.ADMIN,), CLERK: (Role.CLERK,), "baoyin": (Role.CLERK, Role.SUPERVISOR)}
BUNDLE = "XAM-YJS-008"  # 我要开小餐馆（50平方米以下）: its items are its departments' to decide
FOOD = "152201-YJS008-02"  # 食品经营许可, the 市场监督管理局's
#: the attacker's message of the forgery
EVIL = "【呼伦贝尔市政务服务中心】您的办件需补缴费用200元，请点击 http://evil.example/pay 办理。"


@dataclass(frozen=True)
class Hall:
    server: HallServer
    url: str  # the server's database: known to the test (and the server), never to a desk
    cluster_folder: Path  # where the database's socket is


@pytest.fixture(scope="module")
def hall(pg_databases: PgDatabases, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    """The server on a hall's PostgreSQL database, with an administrator, a window clerk and a supervisor."""
    folder = tmp_path_factory.mktemp("hall")
    name = pg_databases.create(CATALOG)
    url = pg_databases.cluster.url(name)
    service = serve(url)
    desk = Desk(DeskIdentity("XAM01", "1"), "管理员")
    for login, roles in ACCOUNTS.items():
        assert service.call(ADD_ACCOUNT, NewAccount(login, f"{login}名", frozenset(roles), PASSWORD), desk) == ()
        desk = Desk(desk.identity, "admin名", Actor("admin", "admin名", frozenset({Role.ADMIN})))
    service.close()
    try:
        with hall_server(folder, url, ("8", "9"), _server_env(folder)) as server:
            yield Hall(server, url, pg_databases.cluster.folder)
    finally:
        pg_databases.drop(name)


@pytest.fixture(autouse=True)
def closed(hall: Hall) -> Iterator[None]:
    yield
    hall.server.close_remotes()


@pytest.fixture
def clerk(hall: Hall) -> Remote:
    """A window clerk signed in at desk 8's machine: the token every forgery below is sent with."""
    return hall.server.desk("8", CLERK, PASSWORD)


def _server_env(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "COUNTER_DB_URL"}
    env.update(
        COUNTER_HOME=str(folder / "server" / "home"),
        COUNTER_STATE=str(folder / "server" / "state"),
        COUNTER_MACHINE_CONFIG=str(folder / "server" / "machine" / "desk.toml"),
    )
    return env


def _taken(clerk: Remote) -> str:
    """An intake taken through the server as the window takes it: the case's number."""
    from counter.actions.site.demo import complete_checklist, fresh_checklist
    from counter.case.intake_request import IntakeRequest
    from tests.db.hall_worker import applicant

    stored = clerk.call(READ_CURRENT_GUIDE, BundleCode(BUNDLE))
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    request = IntakeRequest(checklist, applicant(7, int(new_key()[:6], 16)), uid=new_key())
    return str(clerk.call(TAKE_INTAKE, TakeIntake(request)).case_no)


def _refused(permission: Permission, clerk: Remote, op: Any, request: Any) -> None:
    """The server refuses ``op`` to the clerk for want of ``permission``: its gate, not anything else."""
    with pytest.raises(NotPermitted) as refused:
        clerk.call(op, request)
    assert refused.value.permission is permission
    assert refused.value.signed_in


# --- the desk has nothing to try the database with --------------------------------------------------------

#: what a desk process is: it asks the server through the desk's transport, with its settings saved as a hall's
#: desk saves them; it prints its environment and every file of its own folders
_DESK = """
import json, os, sys
from pathlib import Path
from counter.host.machine.desk_config import DeskConfig, load_desk_config, save_desk_config
from counter.service.remote import Remote
from counter.service.requests import Nothing
from counter.service.site import PING
root, ca, key = sys.argv[1], sys.argv[2], sys.stdin.readline().strip()
save_desk_config(DeskConfig(desk_no="8", server=root, server_ca=ca))
config = load_desk_config()
remote = Remote(config.server, Path(config.server_ca))
assert remote.sign_in("wulan", "Xam01desk2026", config.desk_no, key).result.signed_in
remote.call(PING, Nothing())
remote.sign_out()
files = {}
for folder in {os.environ["HOME"], os.environ["COUNTER_HOME"], os.environ["COUNTER_STATE"],
               str(Path(os.environ["COUNTER_MACHINE_CONFIG"]).parent)}:
    for path in Path(folder).rglob("*"):
        if path.is_file():
            files[str(path)] = path.read_bytes().decode("utf-8", "replace")
print(json.dumps({"env": dict(os.environ), "files": files}))
"""


def test_the_desk_holds_no_database_credentials(hall: Hall, tmp_path: Path) -> None:
    machine = tmp_path / "desk-8"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PG", "COUNTER_DB"))}
    env.update(
        HOME=str(machine / "home"),
        COUNTER_HOME=str(machine / "home" / ".local" / "share" / "counter"),
        COUNTER_STATE=str(machine / "home" / ".local" / "state" / "counter"),
        COUNTER_MACHINE_CONFIG=str(machine / "etc" / "counter" / "desk.toml"),
    )
    args = [str(hall.server.root), str(hall.server.ca_file)]
    done = subprocess.run(
        [sys.executable, "-c", _DESK, *args],
        input=hall.server.desk_keys["8"] + "\n",
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["files"], "the desk saved its settings"
    assert any(hall.server.root in text for text in seen["files"].values()), "the settings name the server"
    held = [*seen["env"].values(), *seen["files"].values(), *seen["files"]]
    database = hall.url.rsplit("/", 1)[1].split("?")[0]
    for secret in (hall.url, str(hall.cluster_folder), "postgresql", f"/{database}?"):
        assert not any(secret in text for text in held), f"the desk holds {secret!r}"
    assert not {name for name in seen["env"] if name.startswith("PG") or "DB_URL" in name}
    assert not (machine / "home" / ".pgpass").exists()


# --- the same intents with a window clerk's token ---------------------------------------------------------


def test_a_clerk_may_not_decide_a_departments_item(hall: Hall, clerk: Remote) -> None:
    case_no = _taken(clerk)
    before = clerk.call(ITEM_STANDINGS, CaseNo(case_no))
    with pytest.raises(DecisionRefused) as refused:  # 准予: the department's to give, not the window's
        clerk.call(DECIDE_ITEM, DecideItem(case_no, FOOD, True, "JY11522010000001"))
    assert refused.value.problem is DecisionProblem.NOT_DECIDING_BODY
    _refused(Permission.DECIDE_DEFERRAL, clerk, DECIDE_ITEM, DecideItem(case_no, FOOD, False, "经审查不符合条件"))
    supervisor = hall.server.desk("9", "baoyin", PASSWORD)  # nor a supervisor's at the window
    with pytest.raises(DecisionRefused) as refused:
        supervisor.call(DECIDE_ITEM, DecideItem(case_no, FOOD, False, "经审查不符合条件"))
    assert refused.value.problem is DecisionProblem.NOT_DECIDING_BODY
    assert clerk.call(ITEM_STANDINGS, CaseNo(case_no)) == before


def test_a_clerk_may_not_take_back_a_bad_rating(clerk: Remote) -> None:
    case_no = _taken(clerk)
    pad = clerk.call(SEND_TO_PAD, CaseNo(case_no))
    bad = RatingChoice(Level.VERY_DISSATISFIED, ("等待时间长",))
    rated = clerk.call(RECORD_RATING, RecordRating(pad.request_id, bad))
    # rated again better: one service, one rating
    with pytest.raises(RatingRefused):
        clerk.call(RECORD_RATING, RecordRating(pad.request_id, RatingChoice(Level.VERY_SATISFIED)))
    (rect,) = [r for r in clerk.call(OPEN_RECTIFICATIONS, RectificationsAsked()) if r.case_no == case_no]
    appeal = DecideAppeal(rated.rating_id, AppealGround.MISTAKEN, "评价人按错", True)
    _refused(Permission.RECTIFY, clerk, DECIDE_APPEAL, appeal)
    closing = MoveRectification(rect.rectification_id, RectEvent.FED_BACK, "已反馈")
    _refused(Permission.RECTIFY, clerk, MOVE_RECTIFICATION, closing)
    still = [r for r in clerk.call(OPEN_RECTIFICATIONS, RectificationsAsked()) if r.case_no == case_no]
    assert still == [rect]
    assert rect.level is Level.VERY_DISSATISFIED


def test_a_pad_request_is_answered_only_by_the_desk_that_raised_it(hall: Hall, clerk: Remote) -> None:
    """Desk 8's pad request: desk 9's session neither rates it (非常满意 on another's service) nor lapses it (the
    applicant's one chance taken); desk 8's pad then records its applicant's answer."""
    case_no = _taken(clerk)
    pad = clerk.call(SEND_TO_PAD, CaseNo(case_no))
    other = hall.server.desk("9", "baoyin", PASSWORD)
    with pytest.raises(RatingRefused) as forged:
        other.call(RECORD_RATING, RecordRating(pad.request_id, RatingChoice(Level.VERY_SATISFIED)))
    assert forged.value.code is SendRefusal.OTHER_DESK
    with pytest.raises(RatingRefused) as lapsed:
        other.call(RECORD_UNRATED, RequestId(pad.request_id))
    assert lapsed.value.code is SendRefusal.OTHER_DESK
    clerk.call(RECORD_RATING, RecordRating(pad.request_id, RatingChoice(Level.SATISFIED)))


def test_a_paper_rating_counts_for_the_clerk_who_served(hall: Hall, clerk: Remote) -> None:
    """A supervisor at desk 9 keys in the paper of desk 8's service: it counts for desk 8's clerk; the clerk herself
    keys in none, nor a paper dated before the case."""
    case_no = _taken(clerk)
    paper = PaperRating(Level.VERY_SATISFIED, (), "", dt.date.today())
    _refused(Permission.RECTIFY, clerk, KEY_IN_SHEET, KeyInSheet(case_no, paper))
    supervisor = hall.server.desk("9", "baoyin", PASSWORD)
    before_the_case = dataclasses.replace(paper, rated_on=dt.date(2001, 1, 1))
    with pytest.raises(ChoiceRefused):
        supervisor.call(KEY_IN_SHEET, KeyInSheet(case_no, before_the_case))
    supervisor.call(KEY_IN_SHEET, KeyInSheet(case_no, paper))
    records = supervisor.call(EXPORT_RECORDS, Period(dt.date.today(), dt.date.today()))
    (record,) = [r for r in records if r.case_no == case_no]
    assert (record.clerk, record.desk_no) == (f"{CLERK}名", "8")


@pytest.mark.parametrize(
    "tracking_no", ["SF1，欠邮费5元点t.cn/Ev1L补缴否则退回", "SF1234567890\u202e", "SF12\x0034567890"]
)
def test_a_clerks_words_as_a_tracking_number_are_refused_by_the_field(clerk: Remote, tracking_no: str) -> None:
    """The words a clerk once put in the hall's signed POSTED message as a "tracking number", a right-to-left
    override, and NUL (once a database fault): each refused at the server, naming the tracking number's field."""
    case_no = _taken(clerk)
    posted = HandOverRequest(HandOverWay.POST, carrier="顺丰", tracking_no=tracking_no)
    if "\x00" in tracking_no:  # refused at the door, before the operation: PostgreSQL holds no NUL
        with pytest.raises(Refused) as at_door:
            clerk.call(HAND_OVER, HandOverResults(case_no, posted))
        assert (at_door.value.status, at_door.value.reason) == (400, "nul:request.tracking_no")
        return
    with pytest.raises(HandOverRefused) as refused:
        clerk.call(HAND_OVER, HandOverResults(case_no, posted))
    assert HandOverProblem.BAD_TRACKING in refused.value.problems


def test_a_clerk_may_not_change_the_sms_gateway_or_the_platform(clerk: Remote) -> None:
    gateway = clerk.call(READ_GATEWAY, Nothing())
    platform = clerk.call(READ_PLATFORM, Nothing())
    evil = ChangeGateway(endpoint="https://evil.example/sms", secret="stolen", templates={"taken": EVIL})
    _refused(Permission.CHANGE_SETTINGS, clerk, CHANGE_GATEWAY, evil)
    _refused(Permission.CHANGE_SETTINGS, clerk, CHANGE_GATEWAY, ChangeGateway(off=True))
    _refused(Permission.CHANGE_SETTINGS, clerk, CHANGE_PLATFORM, ChangePlatform(enabled=False))
    assert clerk.call(READ_GATEWAY, Nothing()) == gateway
    assert clerk.call(READ_PLATFORM, Nothing()) == platform


#: every served write of the outbox, and what it does: none takes a message's text or phone, none removes a row
OUTBOX_WRITES = {
    CHANGE_GATEWAY.name: Permission.CHANGE_SETTINGS,
    CHANGE_PLATFORM.name: Permission.CHANGE_SETTINGS,
    RETRY_MESSAGE.name: Permission.SEE_FIGURES,  # a failed message back in the queue, as it was
    RETRY_REPORT.name: Permission.SEE_FIGURES,  # a failed report back in the queue, as it was
    QUEUE_REMINDERS.name: Open.ANY_DESK,  # the reminders of the deferrals due: made from the cases, on the server's day
}


def test_no_served_operation_queues_a_message_of_free_text_or_drops_a_report(clerk: Remote) -> None:
    """No operation a desk may ask puts a message of its own words in the queue, or takes a report out of it: the
    outbox's served writes are these, each as gated; the one open to every desk carries nothing at all."""
    table = {name: op for name, op in operations().items() if served(op)}
    outbox = {name: op.gate for name, op in table.items() if name.startswith("outbox.") and op.writes}
    assert outbox == OUTBOX_WRITES
    assert [f.name for f in fields(Nothing)] == []
    _refused(Permission.SEE_FIGURES, clerk, RETRY_MESSAGE, RetryRow(1))
    _refused(Permission.SEE_FIGURES, clerk, RETRY_REPORT, RetryRow(1))
    # nor by any other name: no served operation speaks of a message's text, or of taking a report away
    for name in table:
        assert not any(word in name for word in ("message_text", "queue_message", "drop_report", "delete")), name
    assert clerk.call(QUEUE_REMINDERS, Nothing()) >= 0  # what it may do: its own rule's work


def test_a_clerk_may_not_change_holidays(clerk: Remote) -> None:
    before = clerk.call(HOLIDAY_OVERVIEW, Nothing())
    day = dt.date.today() + dt.timedelta(days=3)
    _refused(Permission.EDIT_HOLIDAYS, clerk, SET_HOLIDAY, SetHoliday(day, "off"))
    notice = "\n".join(f"{m}月{d}日放假" for m, d in ((2, 1), (3, 1)))  # what the rule would read: never reached
    _refused(Permission.EDIT_HOLIDAYS, clerk, IMPORT_SCHEDULE, ImportSchedule(notice, day.year + 1, "forged.txt"))
    assert clerk.call(HOLIDAY_OVERVIEW, Nothing()) == before


def test_a_clerk_may_not_change_guides(hall: Hall, clerk: Remote) -> None:
    guide = clerk.call(READ_CURRENT_GUIDE, BundleCode(BUNDLE))
    _refused(Permission.MANAGE_CATALOG, clerk, PUBLISH_GUIDE, BundleCode(BUNDLE))
    _refused(Permission.MANAGE_CATALOG, clerk, IMPORT_SERVICE_LIST, ImportServiceList("A\t收费500元\n"))
    _refused(Permission.CHANGE_SETTINGS, clerk, ALLOW_DRAFT_INTAKE, AllowDraftIntake(True))
    with pytest.raises(Refused) as refused:  # a catalog from a file of the server's machine the desk names
        clerk.call(IMPORT_SOURCE, ImportSource(Path("/tmp/forged-catalog")))
    assert (refused.value.status, refused.value.reason) == (400, "path")
    _refused(Permission.MANAGE_CATALOG, clerk, PULL_ITEM_LIST, PullItemList())
    # the bundled catalog's sync (the program's own catalog, at its start) is not served at all: 404 by name
    assert not served(SYNC_BUNDLED)
    assert _post(hall, clerk, f"/v1/operations/{SYNC_BUNDLED.name}", {"folder": "/tmp"}, write=True)[0] == 404
    assert clerk.call(READ_CURRENT_GUIDE, BundleCode(BUNDLE)) == guide


def test_a_clerk_may_not_move_a_desks_counter(clerk: Remote) -> None:
    _refused(Permission.CHANGE_SETTINGS, clerk, SKIP_ISSUED, Nothing())
    _refused(Permission.CHANGE_SETTINGS, clerk, RENOTE, Nothing())
    # the counter moves by an intake alone, one number each
    first, second = _taken(clerk), _taken(clerk)
    assert int(second[-4:]) == int(first[-4:]) + 1, (first, second)


def test_a_clerk_may_not_rewrite_sync_marks_or_peers(clerk: Remote) -> None:
    status = clerk.call(READ_STATUS, Nothing())
    peers = clerk.call(PEERS, Nothing())
    # a clerk carries packages (her permission), but a package is checked whole: a forged one changes nothing
    forged = json.dumps({"format": 2, "from": "XAM02", "marks": {"XAM01": 0}, "cases": []}).encode()
    with pytest.raises(PackageRejected):
        clerk.call(IMPORT_PACKAGE, ImportPackage(forged))
    card = clerk.call(CARD, Nothing())
    stranger = dataclasses.replace(card, code="XAM99", name="伪造站点")
    _refused(Permission.CHANGE_SETTINGS, clerk, REGISTER_CARD, RegisterCard(stranger))
    _refused(Permission.CHANGE_SETTINGS, clerk, ROTATE_KEY, RotateKey())
    assert clerk.call(READ_STATUS, Nothing()) == status
    assert clerk.call(PEERS, Nothing()) == peers


# --- the ways around the token ----------------------------------------------------------------------------


def test_an_administrators_token_after_sign_out_is_refused(hall: Hall) -> None:
    admin = hall.server.desk("8", "admin", PASSWORD)
    gateway = admin.call(READ_GATEWAY, Nothing())
    token = admin._token
    admin.sign_out()
    admin._token = token  # kept by the desk and shown again
    status, body = _post(hall, admin, f"/v1/operations/{CHANGE_GATEWAY.name}", {"off": True}, write=True)
    assert (status, body) == (401, {"refused": "signed_out"})
    assert hall.server.desk("8", "admin", PASSWORD).call(READ_GATEWAY, Nothing()) == gateway


def test_another_desks_token_is_refused(hall: Hall) -> None:
    admin_at_9 = hall.server.desk("9", "admin", PASSWORD)
    gateway = admin_at_9.call(READ_GATEWAY, Nothing())
    at_8 = hall.server.desk("8", CLERK, PASSWORD)
    at_8._token = admin_at_9._token  # the administrator's token carried to desk 8's machine, shown with its key
    status, body = _post(hall, at_8, f"/v1/operations/{CHANGE_GATEWAY.name}", {"off": True}, write=True)
    assert (status, body) == (401, {"refused": "unknown"})
    at_8._desk_key = ""  # or shown with no desk key at all
    status, body = _post(hall, at_8, f"/v1/operations/{CHANGE_GATEWAY.name}", {"off": True}, write=True)
    assert (status, body) == (401, {"refused": "unknown"})
    assert admin_at_9.call(READ_GATEWAY, Nothing()) == gateway


def test_plain_http_to_the_servers_port_is_refused(hall: Hall) -> None:
    """A sign-in sent in clear (the password readable on the hall's network) is never answered."""
    connection = http.client.HTTPConnection("127.0.0.1", hall.server.port, timeout=10)
    credentials = {"login": CLERK, "password": PASSWORD, "desk_no": "8", "desk_key": hall.server.desk_keys["8"]}
    connection.request("POST", "/v1/sign-in", body=json.dumps(credentials).encode())
    with pytest.raises((http.client.HTTPException, ConnectionError)):  # taken for a broken TLS hello and closed
        connection.getresponse()
    connection.close()


def test_a_server_certificate_not_from_the_halls_ca_is_refused_by_the_desk(hall: Hall, tmp_path: Path) -> None:
    other = make_authority("兴安盟政务服务中心 CA").write(tmp_path / "look-alike-ca.crt")  # the same name, not the CA
    remote = Remote(hall.server.root, other, retry_waits_s=())
    with pytest.raises(ServerNotTrusted):
        remote.sign_in(CLERK, PASSWORD, "8", hall.server.desk_keys["8"])
    remote.close()
    assert not remote.signed_in


def _post(hall: Hall, remote: Remote, path: str, body: Any, *, write: bool) -> tuple[int, Any]:
    """A request as the desk's transport sends it, with its token and key; the answer as the server gave it."""
    context = ssl.create_default_context(cafile=str(hall.server.ca_file))
    connection = http.client.HTTPSConnection("127.0.0.1", hall.server.port, context=context, timeout=30)
    headers = {"Content-Type": "application/json", **remote._bearer(remote._token)}
    if write:
        headers["Idempotency-Key"] = new_key()
    connection.request("POST", path, body=json.dumps(body).encode(), headers=headers)
    answer = connection.getresponse()
    raw = answer.read()
    connection.close()
    return answer.status, json.loads(raw) if raw else None
