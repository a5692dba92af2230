"""补充评价: every receipt and notice carries the 好差评 page's QR code for the case, where a phone reads it."""

from __future__ import annotations

import dataclasses

import pytest

from counter.documents.codes import MM
from counter.documents.fonts import document_fonts
from counter.documents.kinds import DocumentKind
from counter.documents.layout import lay_out
from counter.documents.page import QR_GAP, QR_SIZE, CircleOp, QrOp, TextOp
from counter.documents.qr import qr_modules
from counter.documents.rating_qr import RATED_PAPERS, rating_of_record, rating_record, with_rating_qr
from counter.platform.mapping import mapping_file
from counter.platform.rating_page import load_rating_page
from tests.documents.conftest import DemoCases


def page_address(case_no: str) -> str:
    page = load_rating_page(mapping_file("nmg"))
    assert page is not None
    return page.address_for(case_no)


@pytest.mark.parametrize("kind", sorted(RATED_PAPERS))
def test_the_paper_carries_the_case_s_rating_page_beside_its_progress_code(demo: DemoCases, kind: DocumentKind) -> None:
    plain = demo.document(kind)
    address = page_address(plain.case_no)
    data = with_rating_qr(plain, address, 7)
    ops = [op for page in lay_out(data, document_fonts()) for op in page]
    codes = [op for op in ops if isinstance(op, QrOp)]
    assert len(codes) == 2
    rating = next(op for op in codes if op.value)
    progress = next(op for op in codes if not op.value)  # the document's own: its progress address
    assert rating.value == address  # what the symbol carries: the region's page for this 办件编号
    assert rating.size == progress.size == QR_SIZE
    assert rating.y == progress.y  # side by side, the rating code to the left
    assert progress.x - (rating.x + rating.size) == pytest.approx(QR_GAP)
    seals = [op for op in ops if isinstance(op, CircleOp)]
    assert all(seal.x + seal.r <= rating.x for seal in seals)  # clear of the seal's place
    # a module of at least half a millimetre (the symbol plus the two-module margin the painter leaves)
    assert QR_SIZE / (len(qr_modules(address)) + 4) >= 0.5 * MM
    assert any(isinstance(op, TextOp) and op.text == "7日内扫码评价" for op in ops)


@pytest.mark.parametrize("kind", [DocumentKind.PLEDGE, DocumentKind.APPLICATION, DocumentKind.GUIDE_NOTICE])
def test_a_paper_that_is_not_a_notice_to_the_applicant_carries_none(demo: DemoCases, kind: DocumentKind) -> None:
    receipt = demo.document(DocumentKind.RECEIPT)
    plain = dataclasses.replace(receipt, kind=kind)  # a progress code and a case, but not a notice
    assert with_rating_qr(plain, page_address(receipt.case_no), 7) == plain


def test_the_rating_page_a_paper_keeps_for_its_reprint_is_read_back_as_written() -> None:
    """The mapping file's own page, the longest a kept snapshot takes, and the period's bounds: each read as kept."""
    address = page_address("XAM01-20261120-01-0001")
    for days in (1, 7, 366):
        assert rating_of_record(rating_record(address, days)) == (address, days)
    longest = "https://zwfw.nmg.gov.cn/?p=" + "9" * (1024 - len("https://zwfw.nmg.gov.cn/?p="))
    assert rating_of_record(rating_record(longest, 7)) == (longest, 7)
    qr_modules(longest)  # a QR code holds it
