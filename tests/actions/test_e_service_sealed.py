"""The paper served through the platform is the sealed paper: 008's 补正 of 市监局, whose electronic seal this
machine holds, goes up as its sealed OFD (the file kept for it, the same bytes at every sending and reprint) that
``counter paper verify`` finds good and an OFD reader this project did not write reads as its PDF; a body whose seal
is not here has its paper sent as its PDF, and the round names it; and a paper once sent as its PDF is sent as that
PDF again, the seal made since notwithstanding."""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Role
from counter.actions.admin.paper_seals import make_paper_seal
from counter.actions.cases.documents import made_document
from counter.actions.cases.e_service import agree, serve_online
from counter.actions.intake.pledge_rows import served_on
from counter.cli.main import main
from counter.db import models
from counter.db.case_store import case_by_no
from counter.documents.e_service import ServiceMeans
from counter.documents.kinds import DocumentKind
from counter.seals.verify import PaperVerdict
from counter.sync.sm2 import sm3
from counter.words.e_service import unsealed_sent_text
from tests.actions.test_e_service import ASKED, DELIVERED, FOOD, MARKET, RECEIVED, WINDOW, corrected, taken
from tests.actions.test_platform import configure
from tests.audit.conftest import ACTORS, desk_of
from tests.documents.test_ofd import LEAKS, ofd_text, pdf_raw_text
from tests.platform_stub import Platform, running_platform

LATER = dt.date(2026, 11, 27)
ADMIN = ACTORS[Role.ADMIN]


def _agreed(sessions: sessionmaker[Session], desk: Desk, platform: Platform, keys: Path) -> str:
    configure(sessions, desk, platform, keys)
    number = taken(sessions, desk)
    with sessions.begin() as s:
        agree(s, WINDOW, number, ServiceMeans.PLATFORM, RECEIVED)
    return number


def _sealed(sessions: sessionmaker[Session]) -> None:
    """The administrator makes 市监局's electronic seal on the machine that serves."""
    with sessions.begin() as s:
        s.add(models.Account(login=ADMIN.login, name=ADMIN.name, roles="admin", password_hash="x", department=""))
    with sessions.begin() as s:
        make_paper_seal(s, desk_of(ADMIN), MARKET)


def _sent_row(sessions: sessionmaker[Session], number: str, doc_no: str) -> tuple[str, str]:
    """The format and digest the record of the sending keeps."""
    with sessions() as s:
        case = case_by_no(s, number)
        assert case is not None
        row = s.get(models.PaperSent, (case.id, doc_no))
        assert row is not None
        return row.doc_format, row.digest


def _as_made(sessions: sessionmaker[Session], number: str) -> tuple[bytes, bytes]:
    """The 补正's PDF and OFD as a reprint gives them."""
    with sessions.begin() as s:
        made = made_document(s, WINDOW, number, DocumentKind.SUPPLEMENT, LATER, FOOD, ofd=True)
    return made.pdf, made.ofd


@LEAKS
def test_the_correction_goes_up_as_its_sealed_ofd_the_same_at_every_sending(
    sessions: sessionmaker[Session],
    desk: Desk,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keys = tmp_path / "keys"
    with running_platform() as platform:
        number = _agreed(sessions, desk, platform, keys)
        _sealed(sessions)
        doc_no = corrected(sessions, number)

        platform.refusing = True  # the first sending never reaches the platform: the paper is sealed and kept
        with sessions.begin() as s:
            assert serve_online(s, WINDOW, number, ASKED, folder=keys).sent == ()
        first_format, first_digest = _sent_row(sessions, number, doc_no)
        assert first_format == "ofd"
        platform.refusing = False
        with sessions.begin() as s:
            again = serve_online(s, WINDOW, number, ASKED, folder=keys)
        assert (again.sent, again.unsealed) == ((doc_no,), ())

        [paper] = platform.papers.values()
        content = base64.b64decode(paper["doc_content"])
        assert paper["doc_format"] == "ofd"
        assert sm3(content).hex() == paper["doc_sm3"] == first_digest  # the bytes sealed at the first attempt
        pdf, reprint = _as_made(sessions, number)
        assert reprint == content  # the reprint is the sealed paper sent

        package = tmp_path / "served.ofd"
        package.write_bytes(content)
        assert main(["paper", "verify", str(package), "--json"]) == 0
        said = json.loads(capsys.readouterr().out)
        assert said["verdict"] == PaperVerdict.GOOD.value
        assert main(["paper", "verify", str(package)]) == 0
        assert f"由{MARKET}于" in capsys.readouterr().out
        assert paper["seal_body"] == MARKET
        assert paper["sealed_at"].endswith("Z")
        assert len(paper["seal_sm3"]) == 64
        assert ofd_text(content, tmp_path, monkeypatch) == pdf_raw_text(pdf, tmp_path)

        platform.deliver(doc_no, DELIVERED.isoformat())
        with sessions.begin() as s:
            assert serve_online(s, WINDOW, number, LATER, folder=keys).served == (doc_no,)
        assert platform.paper_posts == 1
    with sessions() as s:
        case = case_by_no(s, number)
        assert case is not None
        assert served_on(s, case, doc_no) == DELIVERED


def test_a_body_without_its_seal_here_sends_its_pdf_and_is_named(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    keys = tmp_path / "keys"
    with running_platform() as platform:
        number = _agreed(sessions, desk, platform, keys)
        doc_no = corrected(sessions, number)
        with sessions.begin() as s:
            done = serve_online(s, WINDOW, number, ASKED, folder=keys)
        assert done.unsealed == ((doc_no, MARKET),)
        [paper] = platform.papers.values()
    content = base64.b64decode(paper["doc_content"])
    assert content.startswith(b"%PDF")
    assert (paper["doc_format"], paper["seal_body"], paper["sealed_at"]) == ("pdf", "", "")
    assert _sent_row(sessions, number, doc_no) == ("pdf", sm3(content).hex())
    said = unsealed_sent_text(*done.unsealed[0])
    assert f"本机没有{MARKET}的电子印章，文书 {doc_no} 以未加盖电子印章的 PDF 发送" in said


def test_a_paper_sent_as_its_pdf_is_sent_as_it_again_once_the_seal_is_here(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    """The platform did not take the PDF sent before the department's seal was made: the resend is that PDF."""
    keys = tmp_path / "keys"
    with running_platform() as platform:
        number = _agreed(sessions, desk, platform, keys)
        doc_no = corrected(sessions, number)
        platform.refusing = True
        with sessions.begin() as s:
            serve_online(s, WINDOW, number, ASKED, folder=keys)
        kept = _sent_row(sessions, number, doc_no)
        assert kept[0] == "pdf"
        _sealed(sessions)
        platform.refusing = False
        with sessions.begin() as s:
            again = serve_online(s, WINDOW, number, LATER, folder=keys)
        assert (again.sent, again.unsealed) == ((doc_no,), ())  # the seal is here: not said unsealed for want of it
        [paper] = platform.papers.values()
    assert (paper["doc_format"], paper["doc_sm3"]) == kept
    assert base64.b64decode(paper["doc_content"]).startswith(b"%PDF")
