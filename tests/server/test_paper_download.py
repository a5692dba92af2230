"""电子送达 by SMS link against a real ``counter serve``: 008's 补正 of 市监局, the applicant having agreed at the
window to be served by SMS link, is sent as a link in an SMS through the hall's gateway (its local stub); the
link's first request through the platform's gateway (the test adds the header the gateway signs) gives a page that
names the paper and records nothing (a phone's link preview or a carrier's scanner makes that request with no one
reading); the page's own link gives the sealed OFD that ``counter paper verify`` finds good, and is the paper's
service: on the day of the download, the day its periods run from.  A second download gives the same bytes and
records nothing; a request the gateway did not sign (or signed with another secret, or an hour ago) and a token of
no link get nothing and record nothing.  The secret shared with the gateway is set by ``counter platform settings
--gateway-secret-from-env`` while the server runs, and holds from the next request: the server reads it at each one."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import http.client
import json
import os
import re
import ssl
import time
from pathlib import Path
from urllib.parse import urljoin

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Role
from counter.actions.admin.accounts import add_account
from counter.actions.cases.e_service import agree, serve_online
from counter.actions.cases.paper_links import download
from counter.actions.intake.pledge_rows import served_on
from counter.actions.outbox.messages import save_gateway
from counter.actions.outbox.platform import change_platform, save_platform
from counter.case.numbers import DeskIdentity
from counter.case.status import CaseEvent
from counter.cli.main import main
from counter.db import models
from counter.db.case_store import case_by_no, case_view
from counter.db.engine import make_engine, make_sessions
from counter.documents.e_service import EServiceProblem, EServiceRefused, ServiceMeans
from counter.documents.paper_link import LINK_DAYS
from counter.host.outward.sms_secret import load_secret, secret_path
from counter.platform.settings import PlatformSettings
from counter.seals.verify import PaperVerdict
from counter.server.paper_download import GATEWAY_SECRET, SIGNATURE, TIMESTAMP, gateway_signature
from counter.sms.gateway import GatewaySettings
from counter.words.case_history import history_note
from counter.words.e_service import unlinked_text
from tests.actions.test_e_service import MARKET, RECEIVED, WINDOW, corrected, taken
from tests.actions.test_e_service_sealed import _sealed
from tests.audit.conftest import ACTORS, desk_of
from tests.conftest import made_database
from tests.server.hall_server import HallServer, hall_server
from tests.sms_gateway import SECRET as SMS_SECRET
from tests.sms_gateway import running_gateway

pytestmark = pytest.mark.slow

#: the platform's gateway in front of the hall server, as the applicant's phone reaches it
BASE = "https://gateway.nmg.example/xam01"
SHARED = "gateway-and-hall-secret"
PASSWORD = "Xam2026desk"
ADMIN = desk_of(ACTORS[Role.ADMIN])
DESK = Desk(DeskIdentity("XAM01", "8"), "乌兰")  # the single desk, before the hall has accounts


def gateway_headers(secret: str, path: str, now: float | None = None) -> dict[str, str]:
    """The headers the platform's gateway adds to a download it passes on, signed with ``secret``."""
    stamp = str(int(time.time() if now is None else now))
    return {TIMESTAMP: stamp, SIGNATURE: gateway_signature(secret, stamp, path)}


def _get(server: HallServer, path: str, headers: dict[str, str]) -> tuple[int, bytes]:
    """``GET path`` at the hall server, as the platform's gateway passes it on."""
    status, _, body = _answer(server, path, headers)
    return status, body


def _answer(server: HallServer, path: str, headers: dict[str, str]) -> tuple[int, str, bytes]:
    """``GET path`` at the hall server: its status, its content type and its body."""
    context = ssl.create_default_context(cafile=str(server.ca_file))
    connection = http.client.HTTPSConnection("127.0.0.1", server.port, context=context, timeout=30)
    try:
        connection.request("GET", path, headers=headers)
        answer = connection.getresponse()
        return answer.status, answer.getheader("Content-Type", ""), answer.read()
    finally:
        connection.close()


def _sent(sessions: sessionmaker[Session], number: str, doc_no: str) -> tuple[object, ...]:
    """The record of the paper's sending by link, as a download may not change it."""
    with sessions() as s:
        case = case_by_no(s, number)
        assert case is not None
        row = s.get(models.PaperSent, (case.id, doc_no))
        assert row is not None
        return row.remote_id, row.sent_on, row.digest, row.kind


def _services(sessions: sessionmaker[Session]) -> tuple[int, int]:
    """The papers served, and the history lines of an electronic service: what a download may record."""
    with sessions() as s:
        served = s.scalar(select(func.count()).select_from(models.PaperService)) or 0
        lines = s.scalar(
            select(func.count())
            .select_from(models.CaseHistory)
            .where(models.CaseHistory.event == CaseEvent.PAPER_SERVED_ONLINE.value)
        )
        return served, lines or 0


def test_a_correction_served_by_sms_link_is_served_on_the_day_it_is_downloaded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = made_database(tmp_path / "hall.sqlite3")
    engine = make_engine(url)
    sessions = make_sessions(engine)
    today = dt.date.today()  # the server's clock: the download's day
    with running_gateway() as gateway:
        with sessions.begin() as s:  # the site's settings, before the hall has accounts
            save_platform(s, PlatformSettings(download_base=BASE), desk=DESK)
            save_gateway(s, GatewaySettings(gateway.url, "hall", SMS_SECRET), desk=DESK)
        number = taken(sessions, DESK)
        _sealed(sessions)
        with sessions.begin() as s:
            agree(s, WINDOW, number, ServiceMeans.SMS, RECEIVED)
        doc_no = corrected(sessions, number)
        with sessions.begin() as s:
            done = serve_online(s, WINDOW, number, today)
        assert (done.sent, done.served, done.unsealed) == ((doc_no,), (), ())
        with sessions.begin() as s:
            again = serve_online(s, WINDOW, number, today)
        assert (again.sent, again.waiting) == ((), (doc_no,))  # the link is out: not sent twice
        [sms] = gateway.requests
    assert sms["phone"] == "13904821111"
    link = sms["content"].split("下载：")[1]
    assert link.startswith(BASE + "/v1/paper/download/")
    token = link.rsplit("/", 1)[1]
    with sessions() as s:
        case = case_by_no(s, number)
        assert case is not None
        row = s.get(models.PaperSent, (case.id, doc_no))
        assert row is not None
        assert token not in row.remote_id  # only the token's hash is kept
        assert served_on(s, case, doc_no) is None  # sent, not served
    path = link.removeprefix(BASE)  # the gateway passes on the path under its own prefix

    with hall_server(tmp_path / "hall", url, (), dict(os.environ)) as server:
        assert _get(server, path, gateway_headers(SHARED, path))[0] == 403  # no secret set yet: no download at all
        with sessions.begin() as s:  # an administrator signed in at the command line, as at a hall's desk
            assert add_account(s, ADMIN, NewAccount("tech", "技术员", frozenset({Role.ADMIN}), PASSWORD)) == ()
        monkeypatch.setenv("COUNTER_PASSWORD", PASSWORD)
        monkeypatch.setenv("COUNTER_PAPER_GATEWAY_SECRET", SHARED)
        settings = ["platform", "settings", "--gateway-secret-from-env", "--user", "tech", "--db", url]
        assert main(settings) == 0
        assert "平台网关共用密钥：已设置" in capsys.readouterr().out
        assert load_secret(secret_path(GATEWAY_SECRET)) == SHARED  # the server's key folder: this test's data folder
        assert _get(server, path, {})[0] == 403  # not through the gateway
        assert _get(server, path, gateway_headers("another-secret", path))[0] == 403
        stale = gateway_headers(SHARED, path, now=time.time() - 3600)
        assert _get(server, path, stale)[0] == 403  # a gateway's request replayed an hour later
        wrong = path[:-4] + ("AAAA" if not path.endswith("AAAA") else "BBBB")
        assert _get(server, wrong, gateway_headers(SHARED, wrong)) == (404, b"")
        assert _services(sessions) == (0, 0)
        sending = _sent(sessions, number, doc_no)

        # the link's first request (a phone's preview, a carrier's scanner, or the applicant): a page, nothing recorded
        status, kind, page = _answer(server, path, gateway_headers(SHARED, path))
        assert (status, kind) == (200, "text/html; charset=utf-8")
        text = page.decode("utf-8")
        assert all(words in text for words in ("补正材料通知书", doc_no, number, "下载文书", "送达"))
        assert "<script" not in text
        assert _services(sessions) == (0, 0)
        assert _sent(sessions, number, doc_no) == sending
        with sessions() as s:
            case = case_by_no(s, number)
            assert case is not None
            assert served_on(s, case, doc_no) is None
        assert _get(server, path, gateway_headers(SHARED, path))[1] == page  # asked again: the page again, no more
        assert _services(sessions) == (0, 0)

        [href] = re.findall(r'<a class="download" href="([^"]+)"', text)
        file_path = urljoin(link, html.unescape(href)).removeprefix(BASE)  # the page's link, as the phone follows it
        assert file_path == path + "/paper.ofd"
        assert _get(server, file_path, gateway_headers(SHARED, path))[0] == 403  # not the page's signature
        status, kind, first = _answer(server, file_path, gateway_headers(SHARED, file_path))
        assert (status, kind) == (200, "application/ofd")
        assert _services(sessions) == (1, 1)
        status, second = _get(server, file_path, gateway_headers(SHARED, file_path))
        assert (status, second) == (200, first)  # the same paper, nothing more recorded
        assert _services(sessions) == (1, 1)
        wrong_file = wrong + "/paper.ofd"
        assert _get(server, wrong_file, gateway_headers(SHARED, wrong_file)) == (404, b"")

    with sessions() as s:
        case = case_by_no(s, number)
        assert case is not None
        assert served_on(s, case, doc_no) == today  # the day of the download: every period of the paper runs from it
        view = case_view(s, number)
        assert view is not None
    [line] = [line for line in view.history if line.event == CaseEvent.PAPER_SERVED_ONLINE.value]
    assert history_note(line, {}).endswith(f"于 {today.isoformat()} 经短信链接下载送达")  # the platform confirmed none
    token_hash = hashlib.sha256(token.encode()).hexdigest()
    late = today + dt.timedelta(days=LINK_DAYS + 1)
    with sessions.begin() as s:  # the link past its days opens nothing (the server's 404)
        assert download(s, token_hash, late, dt.datetime.now(dt.UTC)) is None
        assert download(s, token_hash, today, dt.datetime.now(dt.UTC)) == first
    assert _services(sessions) == (1, 1)
    package = tmp_path / "downloaded.ofd"
    package.write_bytes(first)
    assert main(["paper", "verify", str(package), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["verdict"] == PaperVerdict.GOOD.value
    engine.dispose()


def test_without_the_download_address_or_the_seal_no_link_is_sent(tmp_path: Path) -> None:
    """No download page's address: refused, nothing sent.  No seal of 市监局 here: the paper gets no link (a link
    gives the sealed paper alone), and the round names it to be served on paper."""
    url = made_database(tmp_path / "hall.sqlite3")
    engine = make_engine(url)
    sessions = make_sessions(engine)
    with running_gateway() as gateway:
        with sessions.begin() as s:
            save_gateway(s, GatewaySettings(gateway.url, "hall", SMS_SECRET), desk=DESK)
        number = taken(sessions, DESK)
        with sessions.begin() as s:
            agree(s, WINDOW, number, ServiceMeans.SMS, RECEIVED)
        doc_no = corrected(sessions, number)
        with sessions.begin() as s, pytest.raises(EServiceRefused) as refused:
            serve_online(s, WINDOW, number, dt.date.today())
        assert refused.value.problem is EServiceProblem.NO_LINK_BASE
        with sessions.begin() as s:
            s.add(models.Account(login="admin", name="管理员", roles="admin", password_hash="x", department=""))
        with sessions.begin() as s:
            change_platform(s, ADMIN, codings=None, org_codes=None, download_base=BASE)
        with sessions.begin() as s:
            done = serve_online(s, WINDOW, number, dt.date.today())
        assert (done.sent, done.unlinked) == ((), ((doc_no, MARKET),))
        assert gateway.requests == []
    said = unlinked_text(*done.unlinked[0])
    assert f"本机没有{MARKET}的电子印章，文书 {doc_no} 不能以短信链接送达" in said
    assert _services(sessions) == (0, 0)
    engine.dispose()
