"""A township centre's papers, made and printed by its own desk: they carry only the township's name, address and
phone, read back from the rendered PDF by ``pdftotext``.

The township (ARS01 on SQLite, with the shipped catalog, whose guides name the league hall's building, floor and
windows) has set up its 单位信息.  Its 收件凭证, 补齐材料告知书, 一次性告知单 and 送达回证 — a case decided under the
departments' written 授权 and handed over at its window — must never send a villager to the city.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.site import init_site
from counter.actions.cases.decisions import case_and_bundle, record_decision
from counter.actions.cases.documents import (
    OWN_PLACE,
    make_document,
    make_guide_notice,
    prints_own_place,
    save_office_settings,
)
from counter.actions.cases.hand_over import hand_over_results
from counter.actions.cases.item_authority import check_item
from counter.actions.site.demo import complete_checklist, fresh_checklist, run_demo
from counter.case.hand_over import HandOverRequest, HandOverWay
from counter.case.intake_request import IntakeRequest
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.db.catalog_store import current_guide
from counter.db.engine import make_engine, make_sessions
from counter.documents.kinds import DocumentKind
from counter.documents.made import MadeDocument
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.parties.identifiers import make_id_number
from counter.sync.sites import SiteKind
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import take
from tests.documents.pdf_tools import pdf_text
from tests.documents.test_own_place import TOWNSHIP
from tests.entrusted import RESTAURANT_ITEMS, entrust_in

DESK = Desk(DeskIdentity("ARS01", "1"), "其木格")
APPLICANT_ID = make_id_number("152221", dt.date(1988, 5, 6), 31)
#: what names the league hall on paper: its name, a window of its hall, its number (0482-8261008, 0482-8261345)
HALL = ("兴安盟政务服务中心", "号窗口", "8261")


@pytest.fixture
def township(catalog_db: Path, tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    path = tmp_path / "ars.sqlite3"
    shutil.copy(catalog_db, path)
    engine = make_engine(f"sqlite:///{path}")
    sessions = make_sessions(engine)
    with sessions.begin() as session:
        init_site(session, "ARS01", TOWNSHIP.office_name, SiteKind.TOWNSHIP, desk=DESK, key_path=tmp_path / "k.pem")
        save_office_settings(session, "ARS01", TOWNSHIP, desk=DESK)
    yield sessions
    engine.dispose()


def _applicant() -> Parties:
    return Parties(Applicant(ApplicantKind.PERSON, "斯琴", APPLICANT_ID, "13947112233", "明水河镇巴彦嘎查3组"))


def _request(sessions: sessionmaker[Session]) -> IntakeRequest:
    with sessions() as s:
        stored = current_guide(s, "XAM-YJS-008")
    assert stored is not None
    return IntakeRequest(complete_checklist(stored.bundle, fresh_checklist(stored)), _applicant())


def _handed_over(sessions: sessionmaker[Session], number: str) -> MadeDocument:
    """Every item decided under the departments' written 授权 at the township, and the results handed over there."""
    entrust_in(sessions, DESK, *RESTAURANT_ITEMS, site_code="ARS01")
    decided = dt.datetime.combine(TODAY, dt.time(10), dt.UTC)
    with sessions.begin() as s:
        for code in RESTAURANT_ITEMS:
            case, bundle = case_and_bundle(s, number)
            acting = check_item(s, DESK, case.case_no, bundle, case.site_code, code)
            record_decision(s, DESK, number, code, approve=True, text="JY11522210012345", at=decided, acting=acting)
    request = HandOverRequest(HandOverWay.PICKUP, recipient="斯琴", id_no=APPLICANT_ID)
    with sessions.begin() as s:
        done = hand_over_results(s, DESK, number, request, decided + dt.timedelta(hours=5))
    assert done.service_receipt is not None
    return done.service_receipt


def _text(made: MadeDocument, folder: Path) -> str:
    path = folder / f"{made.doc_no}.pdf"
    path.write_bytes(made.pdf)
    return pdf_text(path)


@pytest.mark.slow
def test_a_townships_papers_carry_only_its_own_name_address_and_phone(
    township: sessionmaker[Session], tmp_path: Path
) -> None:
    made = {c.label: c.case_no for c in run_demo(township, DESK, TODAY)}
    accepted = take(township, DESK, _request(township))
    with township.begin() as s:
        papers = {
            # the township only receives for the departments (counter.documents.acceptance): it accepts nothing itself
            "收件凭证": make_document(s, DESK, accepted, DocumentKind.RECEIPT, TODAY),
            "补齐材料告知书": make_document(s, DESK, made["补正（委托代理人办理）"], DocumentKind.CORRECTION, TODAY),
            "一次性告知单": make_guide_notice(s, DESK, "XAM-YJS-008", TODAY),
        }
    papers["送达回证"] = _handed_over(township, accepted)
    texts = {title: _text(made, tmp_path) for title, made in papers.items()}
    for title, text in texts.items():
        assert title in text.replace(" ", "")  # the paper it says it is (a title is set spaced out: 送 达 回 证)
        assert [hall for hall in HALL if hall in text] == [], title
        assert TOWNSHIP.office_name in text, title
        assert TOWNSHIP.consult_phone in text, title
    assert "科尔沁右翼前旗明水河镇政府院内一楼便民服务大厅" in texts["收件凭证"]  # 取件方式
    assert "科尔沁右翼前旗明水河镇政府院内一楼便民服务大厅" in texts["补齐材料告知书"]  # where to bring the materials
    assert "科尔沁右翼前旗明水河镇政府院内一楼便民服务大厅" in texts["送达回证"]  # 送达地点
    assert "办理时间星期一至星期五08:00-12:0014:00-17:00" in texts["一次性告知单"]
    assert TOWNSHIP.complaint_phone in texts["一次性告知单"]


def test_a_reprint_keeps_the_place_it_was_first_made_with(township: sessionmaker[Session]) -> None:
    """The paper a villager holds is the one a reprint gives, however the office's settings changed since."""
    number = take(township, DESK, _request(township))
    with township.begin() as s:
        first = make_document(s, DESK, number, DocumentKind.RECEIPT, TODAY)
        moved = dataclasses.replace(TOWNSHIP, address="明水河镇新政务楼二楼", consult_phone="0482-5999999")
        save_office_settings(s, "ARS01", moved, desk=DESK)
    with township.begin() as s:
        again = make_document(s, DESK, number, DocumentKind.RECEIPT, TODAY)
        stored = s.scalar(select(models.DocumentRecord.office).where(models.DocumentRecord.doc_no == first.doc_no))
    assert again.reprint
    assert again.content_hash == first.content_hash
    assert stored is not None
    assert json.loads(stored)[OWN_PLACE] is True


def test_only_a_township_prints_its_own_place(
    township: sessionmaker[Session], catalog_db: Path, tmp_path: Path
) -> None:
    """A hall, set up or not yet (the stand-in a first start makes is a hall), prints the guide's place."""
    with township() as s:
        assert prints_own_place(s)
    hall_path = tmp_path / "hall.sqlite3"
    shutil.copy(catalog_db, hall_path)
    engine = make_engine(f"sqlite:///{hall_path}")
    hall = make_sessions(engine)
    with hall.begin() as s:
        assert not prints_own_place(s)
        init_site(s, "XAM01", "兴安盟政务服务中心", SiteKind.HALL, desk=DESK, key_path=tmp_path / "hall.pem")
        assert not prints_own_place(s)
    engine.dispose()
