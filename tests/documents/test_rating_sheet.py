"""The paper 评价表 of a desk with no pad: keyed in later by its barcode, ticked in boxes, the reasons by code."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter.documents.kinds import DocumentKind
from counter.documents.rating_sheet import rating_sheet_for
from counter.documents.render import render_pdf
from counter.ratings.eval_content import EvalContent, Indicator, load_eval_content
from counter.ratings.levels import Level
from tests.documents.conftest import DemoCases
from tests.documents.pdf_tools import pdf_text, scan


def _write(tmp_path: Path, pdf: bytes) -> Path:
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf)
    return path


@pytest.mark.slow
def test_the_sheet_carries_the_case_number_as_a_barcode_and_every_level_as_a_box(
    demo: DemoCases, tmp_path: Path
) -> None:
    case_no = demo.views["受理"].case_no
    path = _write(tmp_path, render_pdf(demo.document(DocumentKind.RATING_SHEET)))
    text = pdf_text(path)
    assert "非常满意满意基本满意不满意非常不满意" in text  # the five levels, in the pad's order
    for code, label in (("501", "服务效率"), ("502", "服务水平"), ("503", "服务态度")):
        assert f"{code}{label}" in text
    assert "评价人（签字）" in text
    (page,) = scan(path, 200, tmp_path)
    assert f"CODE-128:{case_no}" in page


def test_the_sheet_lists_the_reasons_of_the_list_it_was_printed_with(demo: DemoCases, tmp_path: Path) -> None:
    """A new version of the 测评内容 is data: the sheet prints its codes and its version, never the hall's own."""
    content = EvalContent("v2", (Indicator("509", "窗口秩序", frozenset({Level.VERY_DISSATISFIED}), confirmed=False),))
    data = demo.document(DocumentKind.RATING_SHEET)
    sheet = rating_sheet_for(data.case_no, "我要开小餐馆（50平方米以下）", demo.office, content, data.issued_on)
    text = pdf_text(_write(tmp_path, render_pdf(sheet)))
    assert "509窗口秩序" in text
    assert "版本：v2" in text
    assert "501" not in text.replace(data.case_no, "")
    assert load_eval_content().version not in text
