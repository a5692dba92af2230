"""A township centre's papers send the applicant to the township: its address, hours and phones, never the guide's.

The catalog's guides are the league hall's: 兴安盟政务服务中心, its first floor and its 8号窗口, its phones.  A paper
made with ``own_place`` (a township's) prints the office's own in every place a guide's would stand — where to hand
in, where to collect, when, whom to call — and the hall's papers keep the guide's.
"""

from __future__ import annotations

import dataclasses

import pytest

from counter.case.numbers import doc_no
from counter.documents.model import DocumentData, DocumentKind, OfficeSettings, document_for, guide_notice_for
from counter.documents.words import at_own_place, hours
from tests.documents.conftest import CASE_OF_KIND, DESK, TODAY, DemoCases, dates_of, item_of
from tests.documents.test_model import _all_text

TOWNSHIP = dataclasses.replace(
    OfficeSettings(),
    office_name="明水河镇便民服务中心",
    seal_caption="明水河镇人民政府便民服务专用章",
    address="科尔沁右翼前旗明水河镇政府院内一楼便民服务大厅",
    hours="星期一至星期五 08:00-12:00 14:00-17:00",
    consult_phone="0482-5123456",
    complaint_phone="0482-5123457",
    review_body="科尔沁右翼前旗人民政府",  # the township's own (a township prints nothing under the hall's)
)
#: what the guide or the league hall's settings say of the hall (its name, its window, its floor, its phones, its
#: hours): none of it on a township's paper
HALL_WORDS = ("兴安盟政务服务中心", "号窗口", "一件事一次办”专区", "8261", "08:30-11:30")
#: every paper of a case that names a place, an hour or a phone
CASE_PAPERS = tuple(CASE_OF_KIND)
#: the case each paper is made for here: a receipt of one collected at the window (CASE_OF_KIND's is posted)
CASE_HERE = CASE_OF_KIND | {DocumentKind.RECEIPT: "受理"}


def _paper(demo: DemoCases, kind: DocumentKind, office: OfficeSettings, own_place: bool) -> DocumentData:
    if kind is DocumentKind.GUIDE_NOTICE:
        return guide_notice_for(demo.bundle, office, TODAY, DESK.clerk, guide_version=1, own_place=own_place)
    number_kind = kind.number_kind
    assert number_kind is not None
    number = doc_no(DESK.identity, TODAY, number_kind, 1)
    hand_over = 1 if kind is DocumentKind.SERVICE_RECEIPT else 0
    here = (DocumentKind.DATE_NOTICE, DocumentKind.ACCEPTANCE, DocumentKind.SUPPLEMENT, DocumentKind.ITEM_REFUSAL)
    view = demo.view_for(kind) if kind in here else demo.views[CASE_HERE[kind]]
    return document_for(
        view, kind, office, number, demo.bundle, TODAY, item_of(kind), hand_over, own_place=own_place,
        item_dates=dates_of(kind),
    )  # fmt: skip


def _words(data: DocumentData) -> str:
    """Every word of the paper, its sign-off's phone and issuer included."""
    return _all_text(data) + data.sign_off.phone + data.office_name


@pytest.mark.parametrize("kind", [*CASE_PAPERS, DocumentKind.GUIDE_NOTICE])
def test_a_township_paper_names_only_the_township(demo: DemoCases, kind: DocumentKind) -> None:
    """Nothing of the hall on any paper; the township's name and phone on each but the 不予批准决定书 and the
    department's 受理通知书, 补正材料通知书 and 不予受理通知书, which are the deciding department's own papers, signed
    with its 承办人 and phone (or blank lines to fill in), not the office's."""
    words = _words(_paper(demo, kind, TOWNSHIP, own_place=True))
    assert [hall for hall in HALL_WORDS if hall in words] == []
    if kind not in (DocumentKind.DENIAL, DocumentKind.ACCEPTANCE, DocumentKind.SUPPLEMENT, DocumentKind.ITEM_REFUSAL):
        assert TOWNSHIP.office_name in words
        assert TOWNSHIP.consult_phone in words


@pytest.mark.parametrize(
    "kind", [DocumentKind.RECEIPT, DocumentKind.DEFERRAL, DocumentKind.CORRECTION, DocumentKind.GUIDE_NOTICE]
)
def test_where_to_go_is_the_townships_address(demo: DemoCases, kind: DocumentKind) -> None:
    """取件方式, 补交方式, the 补正 notice's way to hand in, the guide notice's 办理地点: the township's door."""
    assert TOWNSHIP.address in _words(_paper(demo, kind, TOWNSHIP, own_place=True))


def test_when_is_the_townships_hours(demo: DemoCases) -> None:
    deferral = _words(_paper(demo, DocumentKind.DEFERRAL, TOWNSHIP, own_place=True))
    notice = _words(_paper(demo, DocumentKind.GUIDE_NOTICE, TOWNSHIP, own_place=True))
    assert f"办理时间{TOWNSHIP.hours}" in deferral
    assert f"办理时间{TOWNSHIP.hours}" in notice
    assert TOWNSHIP.complaint_phone in notice


def test_the_service_receipts_place_is_the_townships(demo: DemoCases) -> None:
    paper = _paper(demo, DocumentKind.SERVICE_RECEIPT, TOWNSHIP, own_place=True)
    assert f"送达地点{TOWNSHIP.address}" in _all_text(paper)


@pytest.mark.parametrize("kind", [DocumentKind.RECEIPT, DocumentKind.CORRECTION, DocumentKind.GUIDE_NOTICE])
def test_the_halls_papers_keep_the_guides_place(demo: DemoCases, kind: DocumentKind) -> None:
    """The guide names the hall's own floor and window: at the hall that is where the applicant goes."""
    words = _words(_paper(demo, kind, OfficeSettings(), own_place=False))
    assert "8号窗口" in words
    assert "兴安盟政务服务中心一楼" in words


def test_hours_fall_back_to_the_offices_where_the_guide_gives_none(demo: DemoCases) -> None:
    assert hours(demo.bundle, TOWNSHIP).startswith("星期一至星期五 08:30-11:30")  # the guide's own
    assert hours(at_own_place(demo.bundle), TOWNSHIP) == TOWNSHIP.hours
    assert hours(at_own_place(demo.bundle), dataclasses.replace(TOWNSHIP, hours="")) == "未载明"
