"""A paper invites a scan only for the codes it carries: no progress QR code until the site sets its own progress
page (no default address of a government site nobody set), no sentence inviting a rating by the progress code, the
rating page's code (where the paper carries one) captioned as the one invitation to rate by a code.  And the set-up
is told what the papers would print blank."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from counter.documents.data import OfficeSettings
from counter.documents.deciders import decider_name, department_contact
from counter.documents.fonts import document_fonts
from counter.documents.kinds import DocumentKind
from counter.documents.layout import lay_out
from counter.documents.model import document_for
from counter.documents.page import QR_SIZE, QrOp, TextOp
from counter.documents.paper_blanks import paper_blanks
from counter.documents.rating_qr import with_rating_qr
from counter.documents.render import render_pdf
from counter.documents.words import DOC_FILL_IN
from tests.documents.conftest import TODAY, DemoCases
from tests.documents.pdf_tools import pdf_text

RATING_PAGE = "https://rating.example.test/e?p="


def test_a_site_that_set_no_progress_page_prints_no_code_and_invites_no_scan(demo: DemoCases, tmp_path: Path) -> None:
    case = demo.views["受理"]
    office = OfficeSettings()  # as a new site has it
    assert office.progress_url_base == ""
    data = document_for(case, DocumentKind.RECEIPT, office, "S-1", demo.bundle, TODAY)
    assert data.qr == ""
    ops = [op for page in lay_out(data, document_fonts()) for op in page]
    assert not [op for op in ops if isinstance(op, QrOp)]
    path = tmp_path / "receipt.pdf"
    path.write_bytes(render_pdf(data))
    text = pdf_text(path).replace("\n", "")
    assert "zwfw.xam.gov.cn" not in text
    assert "扫码" not in text
    assert "二维码" not in text
    assert "欢迎您在窗口评价器上对本次服务作出评价。" in text


def test_a_receipt_with_the_progress_code_alone_invites_no_rating_by_it(demo: DemoCases, tmp_path: Path) -> None:
    data = demo.document(DocumentKind.RECEIPT)
    assert data.qr
    assert not data.rating_qr
    path = tmp_path / "receipt.pdf"
    path.write_bytes(render_pdf(data))
    text = pdf_text(path).replace("\n", "")
    assert "扫码查询办理进度" in text
    assert "评价" in text  # the pad's invitation
    assert "二维码评价" not in text
    assert "扫码评价" not in text


def test_the_rating_code_stands_alone_at_the_right_where_no_progress_page_is_set(demo: DemoCases) -> None:
    case = demo.views["受理"]
    plain = document_for(case, DocumentKind.RECEIPT, OfficeSettings(), "S-1", demo.bundle, TODAY)
    data = with_rating_qr(plain, RATING_PAGE + case.case_no, 7)
    ops = [op for page in lay_out(data, document_fonts()) for op in page]
    (code,) = [op for op in ops if isinstance(op, QrOp)]
    assert code.value == RATING_PAGE + case.case_no
    with_both = with_rating_qr(demo.document(DocumentKind.RECEIPT), RATING_PAGE + case.case_no, 7)
    both = [op for page in lay_out(with_both, document_fonts()) for op in page if isinstance(op, QrOp)]
    progress = next(op for op in both if not op.value)
    assert code.x == progress.x  # where the progress code stands when there is one
    assert code.size == QR_SIZE
    assert any(isinstance(op, TextOp) and op.text == "7日内扫码评价" for op in ops)


def test_the_set_up_is_told_the_progress_page_and_each_department_with_no_contact(demo: DemoCases) -> None:
    office = OfficeSettings()
    items = demo.bundle.items
    blanks = paper_blanks(office, items)
    assert blanks.no_progress_page
    departments = {decider_name(item, office) for item in items}
    assert set(blanks.no_contacts) == departments
    first = sorted(departments)[0]
    listed = dataclasses.replace(
        office, department_contacts=f"{first}=王敏|0482-8200001", progress_url_base="https://x/?c="
    )
    told = paper_blanks(listed, items)
    assert not told.no_progress_page
    assert first not in told.no_contacts
    assert set(told.no_contacts) == departments - {first}
    item = next(i for i in items if decider_name(i, listed) == first)
    assert DOC_FILL_IN not in department_contact(item, listed)
