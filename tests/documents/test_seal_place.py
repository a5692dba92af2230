"""The seal's place: its caption, the issuer's name and the date each readable, none printed over another."""

from __future__ import annotations

import dataclasses

import pytest

from counter.documents.data import DocumentData
from counter.documents.fonts import document_fonts
from counter.documents.layout import lay_out
from counter.documents.model import DocumentKind, document_for
from counter.documents.page import SEAL_RADIUS, TABLE_SIZE, CircleOp, TextOp
from tests.documents.conftest import CASE_OF_KIND, TODAY, DemoCases

#: a county department's name and the seal 第十七条(二) names for it: three lines of caption in the circle
DEPARTMENT = "乌兰浩特市市场监督管理局"
CAPTION = f"（{DEPARTMENT}审批业务专用章或部门公章）"


def _with_seal(data: DocumentData, issuer: str, caption: str) -> DocumentData:
    sign_off = dataclasses.replace(data.sign_off, issuer=issuer, seal_caption=caption)
    return dataclasses.replace(data, sign_off=sign_off)


@pytest.mark.parametrize(
    ("issuer", "caption"),
    [(DEPARTMENT, CAPTION), ("兴安盟政务服务中心", "（兴安盟政务服务中心政务服务专用章）")],
    ids=["department", "hall"],
)
def test_the_caption_stands_above_the_name_and_the_date_inside_the_circle(
    demo: DemoCases, issuer: str, caption: str
) -> None:
    view = demo.views[CASE_OF_KIND[DocumentKind.RECEIPT]]
    data = document_for(view, DocumentKind.RECEIPT, demo.office, "N-1", demo.bundle, TODAY)
    page = lay_out(_with_seal(data, issuer, caption), document_fonts())[-1]
    circle = next(op for op in page if isinstance(op, CircleOp))
    inside = [op for op in page if isinstance(op, TextOp) and abs(op.y - circle.y) < SEAL_RADIUS]
    inside = [op for op in inside if abs(op.x - circle.x) < SEAL_RADIUS]
    captions = [op for op in inside if op.size < TABLE_SIZE]
    names = [op for op in inside if op.size == TABLE_SIZE]
    assert "".join(op.text for op in captions) == caption
    assert names[-1].text == data.sign_off.date
    lowest_caption = min(op.y for op in captions)
    highest_name_top = max(op.y + op.size for op in names)
    assert highest_name_top <= lowest_caption  # no line of the name runs into the caption
    date = names[-1]
    assert circle.y - date.y < SEAL_RADIUS - 4.0  # the date's line stays inside the circle
