"""补充评价 on paper: a receipt made at the desk carries the case's 好差评 page, and its reprint the same one — only
where the site reports to the platform and its mapping file marks the page's address confirmed.  A site that does
not report, or whose page is the mapping file's proposal, prints no QR code to a government address."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.actions.cases.documents import make_document
from counter.case.demo_cases import DemoCase
from counter.db import models
from counter.db.engine import make_engine, make_sessions
from counter.db.settings_store import put_setting
from counter.documents.kinds import DocumentKind
from counter.documents.made import MadeDocument
from counter.documents.rating_qr import SNAPSHOT_KEY as RATING_QR
from counter.platform.mapping import mapping_file
from counter.platform.rating_page import load_rating_page
from tests.conftest import copy_database
from tests.documents.pdf_tools import pdf_text
from tests.ratings.conftest import DESK, TODAY

REPORTING = {"enabled": True, "endpoint": "https://platform.example.test/report", "account": "xam01"}


def _paper(
    sessions: sessionmaker[Session], case_no: str, tmp_path: Path, kind: DocumentKind = DocumentKind.REFUSAL
) -> tuple[MadeDocument, object, str]:
    with sessions.begin() as session:
        made = make_document(session, DESK, case_no, kind, TODAY)
    with sessions() as session:
        record = session.scalars(select(models.DocumentRecord).where(models.DocumentRecord.doc_no == made.doc_no)).one()
        kept = json.loads(record.office).get(RATING_QR)
    path = tmp_path / f"{made.doc_no}.pdf"
    path.write_bytes(made.pdf)
    return made, kept, pdf_text(path)


def _desk(demo_template: tuple[Path, list[DemoCase]], tmp_path: Path) -> sessionmaker[Session]:
    copy_database(demo_template[0], tmp_path / "desk.sqlite3")  # with its note of the numbers issued
    return make_sessions(make_engine(f"sqlite:///{tmp_path / 'desk.sqlite3'}"))


def test_a_site_that_does_not_report_prints_no_rating_qr(
    demo_template: tuple[Path, list[DemoCase]], demo_cases: dict[str, str], tmp_path: Path
) -> None:
    sessions = _desk(demo_template, tmp_path)
    page = load_rating_page(mapping_file("nmg"))
    assert page is not None
    assert not page.confirmed  # the shipped address is the mapping file's proposal
    _, kept, text = _paper(sessions, demo_cases["撤回申请"], tmp_path)
    assert kept is None
    assert "扫码评价" not in text
    assert "zwfw.nmg.gov.cn" not in text
    with sessions.begin() as session:  # reporting, but to a page nobody confirmed: still none
        put_setting(session, "platform.settings", json.dumps(REPORTING))
    _, kept, text = _paper(sessions, demo_cases["受理"], tmp_path, DocumentKind.RECEIPT)
    assert kept is None
    assert "扫码评价" not in text


def test_a_new_notice_keeps_the_confirmed_page_it_printed_for_its_reprints(
    demo_template: tuple[Path, list[DemoCase]],
    demo_cases: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    confirmed = tmp_path / "region.toml"
    shipped = mapping_file("nmg").read_text(encoding="utf-8")
    confirmed.write_text(shipped.replace("confirmed = false\nperiod_days", "confirmed = true\nperiod_days", 1), "utf-8")
    page = load_rating_page(confirmed)
    assert page is not None
    assert page.confirmed
    monkeypatch.setattr(
        "counter.db.rating_page.mapping_file", lambda name: confirmed if name == "region" else Path(name)
    )
    sessions = _desk(demo_template, tmp_path)
    case_no = demo_cases["撤回申请"]
    with sessions.begin() as session:
        put_setting(session, "platform.settings", json.dumps(REPORTING | {"mapping": "region"}))
    made, kept, text = _paper(sessions, case_no, tmp_path)
    assert kept == {"address": page.address_for(case_no), "days": page.period_days}
    assert "7日内扫码评价" in text
    with sessions.begin() as session:  # the site's mapping named another page since: the reprint is the first print
        put_setting(session, "platform.settings", json.dumps({"mapping": "none-such"}))
        again = make_document(session, DESK, case_no, DocumentKind.REFUSAL, TODAY)
    assert again.reprint
    assert again.pdf == made.pdf
