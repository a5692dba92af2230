"""The papers a desk makes follow what its site recorded of each item: received only, entrusted, or its own power
(counter.documents.acceptance); a reprint keeps what was recorded when the paper was first made.

On SQLite and on PostgreSQL, through :func:`counter.actions.cases.documents.make_document` as the window prints, read
back from the PDF with ``pdftotext``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.case_view import read_case
from counter.actions.cases.documents import (
    PER_BODY_MARK,
    make_document,
    make_documents,
    office_settings,
    save_office_settings,
)
from counter.actions.cases.item_authority import set_entrustment, set_item_held
from counter.case.numbers import DeskIdentity
from counter.db.case_store import case_by_no
from counter.db.models import DocumentRecord
from counter.documents.kinds import DocumentKind
from counter.intake.checklist import Receipt, record
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import full_request, take
from tests.documents.pdf_tools import pdf_text
from tests.entrusted import ENTRUSTMENT, RESTAURANT_ITEMS, entrust_in

ADMIN = Desk(DeskIdentity("XAM01", "1"), "管理员")
MARKET = "乌兰浩特市市场监督管理局"
DEPARTMENTS = (MARKET, "乌兰浩特市城市管理综合行政执法局", "国家税务总局乌兰浩特市税务局")


def _receipt(sessions: sessionmaker[Session], desk: Desk, number: str, folder: Path) -> tuple[str, bytes]:
    with sessions.begin() as s:
        made = make_document(s, desk, number, DocumentKind.RECEIPT, TODAY)
    path = folder / f"{number}-{made.reprint}.pdf"
    path.write_bytes(made.pdf)
    return pdf_text(path), made.pdf


@pytest.mark.slow
def test_a_hall_without_an_entrustment_issues_a_receipt_of_collection(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    number = take(sessions, desk, full_request(sessions))
    text, _ = _receipt(sessions, desk, number, tmp_path)
    assert "收件凭证" in text
    assert "受理凭证" not in text
    assert "本中心作为收件窗口予以收件，不作出受理决定" in text
    assert "本中心决定" not in text


@pytest.mark.slow
def test_an_entrusted_receipt_is_the_departments_and_its_reprint_stays_so(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    entrust_in(owner, ADMIN, *RESTAURANT_ITEMS)  # the 授权, and the 司法局's answer that the hall is a 行政机关
    number = take(sessions, desk, full_request(sessions))
    with sessions.begin() as s:  # as the intake prints them: a receipt per entrusting department
        first = make_documents(s, desk, number, DocumentKind.RECEIPT, TODAY)
    heads = [paper.heading for paper in first]
    assert heads == [f"受理凭证（{name}）" for name in DEPARTMENTS]
    assert len({paper.doc_no for paper in first}) == len(DEPARTMENTS)
    for paper, name in zip(first, DEPARTMENTS, strict=True):
        path = tmp_path / f"{paper.doc_no}.pdf"
        path.write_bytes(paper.pdf)
        text = pdf_text(path)
        assert f"{name}受理凭证" in text  # its name at the head, and by its seal
        assert f"（{name}审批业务专用章或部门公章）" in text
        assert "本凭证由兴安盟政务服务中心受本机关委托，以本机关名义出具" in text
        assert ENTRUSTMENT in text
        assert not any(other in text for other in DEPARTMENTS if other != name)  # no other body's act on it
    with sessions.begin() as s:  # the case page names each part by its body, as the preview does
        page = read_case(s, number)
    assert page is not None
    assert page.notices is not None
    receipts = [line for line in page.notices.lines if line.kind.startswith(DocumentKind.RECEIPT.value)]
    assert [page.notices.item_of(line.kind) for line in receipts] == list(DEPARTMENTS)
    with owner.begin() as s:  # the 授权 withdrawn later: the papers made under it stay what they were
        for code in RESTAURANT_ITEMS:
            set_entrustment(s, ADMIN, "XAM01", code, "")
    with sessions.begin() as s:
        again = make_documents(s, desk, number, DocumentKind.RECEIPT, TODAY)
    assert [(p.doc_no, p.pdf, p.reprint) for p in again] == [(p.doc_no, p.pdf, True) for p in first]
    text, _ = _receipt(sessions, desk, number, tmp_path)  # the first part alone, as the command line asks it
    assert f"{DEPARTMENTS[0]}受理凭证" in text
    later = take(sessions, desk, full_request(sessions))
    assert "收件凭证" in _receipt(sessions, desk, later, tmp_path)[0]  # a new case: received only


def test_a_receipt_made_before_papers_were_split_by_body_is_reprinted_whole(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    entrust_in(owner, ADMIN, *RESTAURANT_ITEMS)
    number = take(sessions, desk, full_request(sessions))
    with sessions.begin() as s:
        first = make_documents(s, desk, number, DocumentKind.RECEIPT, TODAY)
        case = case_by_no(s, number)
        assert case is not None
        records = list(s.scalars(select(DocumentRecord).where(DocumentRecord.case_id == case.id)))
        for record in records:  # as an older program kept it: one receipt, its snapshot without the mark
            if record.kind == DocumentKind.RECEIPT.value:
                kept = json.loads(record.office)
                del kept[PER_BODY_MARK]
                record.office = json.dumps(kept, ensure_ascii=False, sort_keys=True)
            elif record.kind.startswith(f"{DocumentKind.RECEIPT.value}."):
                s.delete(record)
    with sessions.begin() as s:
        (again,) = make_documents(s, desk, number, DocumentKind.RECEIPT, TODAY)
    assert again.doc_no == first[0].doc_no
    assert again.reprint
    path = tmp_path / "whole.pdf"
    path.write_bytes(again.pdf)
    text = pdf_text(path)
    assert "兴安盟政务服务中心受理凭证" in text  # the hall's paper of the three departments' lines, as first made
    for name in DEPARTMENTS:
        assert f"以{name}名义" in text


def test_an_entrusted_licence_is_received_until_the_hall_is_known_to_be_a_body_that_may_be_entrusted(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    with owner.begin() as s:  # the 授权 alone: nobody has set whether the hall is a 行政机关
        set_entrustment(s, ADMIN, "XAM01", RESTAURANT_ITEMS[1], ENTRUSTMENT)
    number = take(sessions, desk, full_request(sessions))  # taken: the window may always receive
    text, _ = _receipt(sessions, desk, number, tmp_path)
    assert "兴安盟政务服务中心收件凭证" in text
    assert "名义" not in text  # in nobody's name but the hall's, which received


def test_a_site_that_holds_the_power_accepts_in_its_own_name(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    with owner.begin() as s:
        for code in RESTAURANT_ITEMS:
            set_item_held(s, ADMIN, "XAM01", code, held=True)
    number = take(sessions, desk, full_request(sessions))
    text, _ = _receipt(sessions, desk, number, tmp_path)
    assert "兴安盟政务服务中心受理凭证" in text
    assert "本中心决定予以受理" in text
    assert "委托" not in text


def test_an_item_the_hall_only_received_is_timed_from_its_departments_acceptance(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    """许可法 第四十二条 counts from 受理: where the hall only received the item, from the day its department signed
    for it; where the window accepted it for the department, from the case's day, whenever the department signs."""
    from counter.access.account_views import NewAccount
    from counter.access.roles import Actor, Role
    from counter.actions.admin.accounts import add_account
    from counter.actions.cases.item_steps import item_standings, route_items, take_item_step
    from counter.case.item_path import ItemEvent
    from counter.case.item_step_request import StepRequest
    from tests.actions.test_item_steps import at

    food = RESTAURANT_ITEMS[1]
    signed = TODAY + dt.timedelta(days=4)  # Tuesday: two working days after the Friday the case was taken
    received = take(sessions, desk, full_request(sessions))
    with sessions.begin() as s:  # its receipt, a 收件凭证, tells the applicant the 市监局 will accept
        make_document(s, desk, received, DocumentKind.RECEIPT, TODAY)
    with owner.begin() as s:  # the 市监局's own item 食品经营许可 entrusted from now on: a case taken after is accepted
        set_entrustment(s, ADMIN, "XAM01", food, ENTRUSTMENT)
        office = office_settings(s, "XAM01")
        save_office_settings(s, "XAM01", dataclasses.replace(office, administrative_organ="yes"), desk=ADMIN)
    entrusted = take(sessions, desk, full_request(sessions))
    with sessions.begin() as s:
        route_items(s, desk, received, at(TODAY))
        route_items(s, desk, entrusted, at(TODAY))
    with owner.begin() as s:
        assert add_account(s, desk, NewAccount("admin", "管理员", frozenset({Role.ADMIN}), "Xam2026desk")) == ()
    admin = Desk(desk.identity, "管理员", Actor("admin", "管理员", frozenset({Role.ADMIN})))
    with owner.begin() as s:
        market = NewAccount("lina", "李娜", frozenset({Role.DEPARTMENT}), "Xam2026desk", department=MARKET)
        assert add_account(s, admin, market) == ()
    lina = Desk(desk.identity, "李娜", Actor("lina", "李娜", frozenset({Role.DEPARTMENT})))

    def food_due(number: str) -> dt.date:
        with sessions() as s:
            standing = next(i for i in item_standings(s, number, TODAY) if i.code == food)
        assert standing.promised_due is not None
        return standing.promised_due.date

    before = {number: food_due(number) for number in (received, entrusted)}
    assert before[received] == before[entrusted]  # both counted from the day the case was taken
    for number in (received, entrusted):
        with sessions.begin() as s:
            take_item_step(s, lina, number, food, StepRequest(ItemEvent.SIGNED), at(signed))
    with sessions() as s:
        calendar = office_calendar(s)
    moved = calendar.add_working_days(before[received], 2).date  # the two working days before the 签收
    assert food_due(received) == moved
    assert food_due(entrusted) == before[entrusted]


def test_each_entrusting_department_tells_its_own_correction_in_its_name(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    """许可法 第二十四条第三款, 第三十二条第一款第四项: where the window accepts in several departments' names, each
    one's 补正 is its act: a 补齐补正通知书 per department, of what its own items lack, never the hall's one
    补齐材料告知书 that decides nothing for all of them."""
    entrust_in(owner, ADMIN, *RESTAURANT_ITEMS)
    request = full_request(sessions)
    short = record(record(request.checklist, "M05", Receipt.MISSING), "M10", Receipt.MISSING)  # 市监局's, 城管局's
    number = take(sessions, desk, dataclasses.replace(request, checklist=short))
    with sessions.begin() as s:
        papers = make_documents(s, desk, number, DocumentKind.CORRECTION, TODAY)
    assert [paper.heading for paper in papers] == [f"补齐补正通知书（{name}）" for name in DEPARTMENTS[:2]]
    texts = []
    for paper in papers:
        path = tmp_path / f"{paper.doc_no}.pdf"
        path.write_bytes(paper.pdf)
        texts.append(pdf_text(path))
    market, city = texts
    assert f"{MARKET}补齐补正通知书" in market
    assert "本通知书由兴安盟政务服务中心受本机关委托，以本机关名义出具" in market
    assert "经营场所使用证明" in market
    assert "户外招牌设置申请表" not in market  # the 城管局's to ask, on its own paper
    assert f"{DEPARTMENTS[1]}补齐补正通知书" in city
    assert "户外招牌设置申请表" in city
    assert "经营场所使用证明" not in city
    assert all("补齐材料告知书" not in text for text in texts)
