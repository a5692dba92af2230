"""A township prints as itself: its own seal on its 收件凭证, nothing while its 单位信息 is still the hall's; and the
department's 受理通知书 made at the hall names the township where the applicant applied (domain §14)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from counter.access.roles import Role
from counter.actions.cases.documents import make_document, save_office_settings
from counter.actions.cases.item_papers import make_item_paper
from counter.actions.cases.item_steps import route_items, take_item_step
from counter.case.item_path import ItemEvent
from counter.case.item_step_request import StepRequest
from counter.documents.data import DocumentNotPossible, OfficeSettings
from counter.documents.kinds import DocumentKind, DocumentProblem
from tests.audit.conftest import ACTORS, add_accounts, desk_of
from tests.documents.pdf_tools import pdf_text
from tests.entrusted import entrust
from tests.sync.sync_world import TODAY
from tests.sync.test_township_hand_over import DECIDED_AT, FOOD, ITEMS, Clock, Pair, clock, pair, sent_case

__all__ = ["clock", "pair"]  # the fixtures, shared with the hand-over's tests


def text_of(pdf: bytes, tmp_path: Path, name: str) -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    return pdf_text(path, page=1)


def test_a_townships_receipt_wears_its_own_seal_and_the_departments_paper_names_it(
    pair: Pair, clock: Clock, tmp_path: Path
) -> None:
    hall, ars = pair.hall, pair.ars
    number = sent_case(pair)
    with ars.sessions.begin() as session:
        receipt = make_document(session, ars.desk, number, DocumentKind.RECEIPT, TODAY)
    text = text_of(receipt.pdf, tmp_path, "receipt")
    assert "明水河镇人民政府便民服务专用章" in text
    assert "兴安盟政务服务中心政务服务专用章" not in text
    assert "12345" in text
    hall.take(ars.export().data)  # the township's next package carries its paper's record
    with hall.sessions.begin() as session:
        assert route_items(session, hall.desk, number, DECIDED_AT) == ITEMS
        entrust(session, hall.desk, FOOD, site_code=hall.desk.identity.site_code)  # its staff's step, under 授权
    with hall.sessions.begin() as session:
        take_item_step(session, hall.desk, number, FOOD, StepRequest(ItemEvent.SIGNED), DECIDED_AT)
    with hall.sessions.begin() as session:
        notice = make_document(session, hall.desk, number, DocumentKind.ACCEPTANCE, TODAY, FOOD)
    text = text_of(notice.pdf, tmp_path, "acceptance")
    assert "经明水河镇便民服务中心提交" in text
    assert "明水河镇便民服务中心收件后已转送本机关" in text
    assert "经兴安盟政务服务中心" not in text


def test_the_departments_own_acceptance_of_a_townships_case_names_the_township(
    pair: Pair, clock: Clock, tmp_path: Path
) -> None:
    """No 授权 at the hall: 市监局's own staff signs for the township's case there, and its 受理通知书, made by the
    签收, names the township as where the applicant applied — by the name the township registered with, where
    none of its papers has come yet to say it."""
    hall = pair.hall
    number = sent_case(pair)  # before its 收件凭证 was printed: no paper of the township's has reached the hall
    add_accounts(hall.sessions)
    with hall.sessions.begin() as session:
        assert route_items(session, desk_of(ACTORS[Role.CLERK]), number, DECIDED_AT) == ITEMS
    staff = desk_of(ACTORS[Role.DEPARTMENT])  # 乌兰浩特市市场监督管理局's
    with hall.sessions.begin() as session:
        take_item_step(session, staff, number, FOOD, StepRequest(ItemEvent.SIGNED), DECIDED_AT)
    with hall.sessions.begin() as session:
        notice = make_item_paper(session, staff, number, FOOD, DocumentKind.ACCEPTANCE, TODAY)
    assert notice.reprint  # made by the 签收 itself
    text = text_of(notice.pdf, tmp_path, "acceptance")
    assert "乌兰浩特市市场监督管理局受理通知书" in text
    assert "经明水河镇便民服务中心提交" in text
    assert "明水河镇便民服务中心收件后已转送本机关" in text
    assert "兴安盟政务服务中心" not in text


def test_a_township_whose_office_is_still_the_halls_prints_nothing(pair: Pair, clock: Clock) -> None:
    ars = pair.ars
    number = sent_case(pair)
    with ars.sessions.begin() as session:  # the seal and the 复议 body put back to the league hall's
        halls = OfficeSettings()
        kept = dataclasses.replace(halls, office_name="明水河镇便民服务中心", consult_phone="0482-5123456")
        save_office_settings(session, ars.code, kept, desk=ars.desk)
    with ars.sessions.begin() as session, pytest.raises(DocumentNotPossible) as refused:
        make_document(session, ars.desk, number, DocumentKind.DEFERRAL, TODAY)
    assert refused.value.problems == (DocumentProblem.OFFICE_STILL_THE_HALLS,)
