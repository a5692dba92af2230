"""An operation of many transactions through the server: its gate asked at the server of the session's account, its
source's secret the server's own, and the other desks served while it waits on the network."""

from __future__ import annotations

import dataclasses
import os
import tempfile
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.access.roles import Actor, Role
from counter.case.numbers import DeskIdentity
from counter.catalog.import_result import PullFailure
from counter.host.outward.outward_http import signature
from counter.service.admin import ADD_ACCOUNT
from counter.service.catalog import IMPORT_SOURCE, PULL_ITEM_LIST, ImportSource, PullItemList
from counter.service.intake import READ_CURRENT_GUIDE
from counter.service.local import serve
from counter.service.remote import Refused
from counter.service.requests import BundleCode, Nothing
from counter.service.site import PING
from tests.conftest import made_database
from tests.https_stub import serving, trusting
from tests.server.hall_server import HallServer, hall_server

pytestmark = pytest.mark.program

PASSWORD = "Xam01desk2026"
SOURCE_SECRET = "item-list-secret"
WAIT_S = 30.0


@dataclasses.dataclass
class HeldLibrary:
    """A 事项库 that answers only when the test lets it: its question is then at the server, in the operation."""

    url: str = ""
    asked: threading.Event = dataclasses.field(default_factory=threading.Event)
    release: threading.Event = dataclasses.field(default_factory=threading.Event)
    headers: list[dict[str, str]] = dataclasses.field(default_factory=list)


@pytest.fixture
def library() -> Iterator[HeldLibrary]:
    held = HeldLibrary()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            held.headers.append(dict(self.headers))
            held.asked.set()
            held.release.wait(WAIT_S)
            self.send_response(503)
            self.send_header("Content-Length", "0")
            self.end_headers()

    with (
        tempfile.TemporaryDirectory(prefix="item-library-") as folder,
        serving("事项库测试 CA", Path(folder)) as served,
    ):
        served.server.RequestHandlerClass = Handler
        held.url = f"{served.root}/items"
        with trusting(served.ca_file):  # the server's environment copies the trust, as a hall's machine has it
            try:
                yield held
            finally:
                held.release.set()


@pytest.fixture
def hall(tmp_path: Path, library: HeldLibrary) -> Iterator[HallServer]:
    url = made_database(tmp_path / "hall.sqlite3")
    service = serve(url)
    first = Desk(DeskIdentity("XAM01", "1"), "宝音")
    assert service.call(ADD_ACCOUNT, NewAccount("admin", "管理员", frozenset({Role.ADMIN}), PASSWORD), first) == ()
    admin = Desk(first.identity, "管理员", Actor("admin", "管理员", frozenset({Role.ADMIN})))
    assert service.call(ADD_ACCOUNT, NewAccount("wulan", "乌兰", frozenset({Role.CLERK}), PASSWORD), admin) == ()
    service.close()
    env = dict(os.environ)
    env.pop("COUNTER_DB_URL", None)
    env.update(
        COUNTER_HOME=str(tmp_path / "server-home"),
        COUNTER_MACHINE_CONFIG=str(tmp_path / "machine" / "desk.toml"),
        COUNTER_STATE=str(tmp_path / "state"),
        # the 事项库 the server is set to, with its secret: the server's own settings, never a desk's request
        COUNTER_ITEM_LIST_URL=library.url,
        COUNTER_ITEM_LIST_ACCOUNT="hall",
        COUNTER_ITEM_LIST_SECRET=SOURCE_SECRET,
    )
    with hall_server(tmp_path, url, ("8", "9"), env) as server:
        yield server
        server.close_remotes()


def test_a_pull_runs_at_the_server_with_its_secret_and_the_other_desks_are_served_meanwhile(
    hall: HallServer, library: HeldLibrary
) -> None:
    assert [f.name for f in dataclasses.fields(PullItemList)] == ["timeout"]  # nothing of the source crosses
    admin = hall.desk("8", "admin", PASSWORD)
    clerk = hall.desk("9", "wulan", PASSWORD)
    with pytest.raises(NotPermitted):  # the gate asked at the server, of the clerk's own account
        clerk.call(PULL_ITEM_LIST, PullItemList(timeout=WAIT_S))
    assert not library.asked.is_set()
    answers: list[Any] = []
    pulling = threading.Thread(target=lambda: answers.append(admin.call(PULL_ITEM_LIST, PullItemList(WAIT_S))))
    pulling.start()
    assert library.asked.wait(WAIT_S)  # the server is inside the pull, waiting on the 事项库
    clerk.call(PING, Nothing())  # and serves the other desk meanwhile
    assert clerk.call(READ_CURRENT_GUIDE, BundleCode("XAM-YJS-008")) is not None
    assert pulling.is_alive()
    assert not answers
    library.release.set()
    pulling.join(WAIT_S)
    assert (answers[0].failure, answers[0].status) == (PullFailure.REFUSED, 503)  # the 事项库's, through the server
    asked = library.headers[0]
    assert asked["X-Counter-Account"] == "hall"
    assert asked["X-Counter-Signature"] == signature(SOURCE_SECRET, asked["X-Counter-Timestamp"], b"")


def test_a_file_outside_the_servers_folder_is_refused_before_anything_runs(hall: HallServer) -> None:
    admin = hall.desk("8", "admin", PASSWORD)
    with pytest.raises(Refused) as refused:
        admin.call(IMPORT_SOURCE, ImportSource(Path("/etc/passwd")))
    assert refused.value.reason == "path"
