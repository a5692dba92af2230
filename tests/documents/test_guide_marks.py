"""Every paper of a case says when its guide is not the site's own: 样例 or 待核, where it names the guide."""

from __future__ import annotations

import dataclasses

import pytest

from counter.catalog.model import GuideStatus
from counter.documents.model import DocumentKind, document_for
from tests.documents.conftest import CASE_OF_KIND, TODAY, DemoCases, dates_of, item_of


def guide_line(demo: DemoCases, kind: DocumentKind, **changes: object) -> str:
    bundle = dataclasses.replace(demo.bundle, **changes)  # type: ignore[arg-type]
    view = demo.view_for(kind)
    hand_over = 1 if kind is DocumentKind.SERVICE_RECEIPT else 0
    data = document_for(
        view, kind, demo.office, "N-1", bundle, TODAY, item_of(kind), hand_over, item_dates=dates_of(kind)
    )
    [pair] = [p for p in data.header if p.label == "申请事项"]
    return pair.value


@pytest.mark.parametrize("kind", list(CASE_OF_KIND), ids=[k.value for k in CASE_OF_KIND])
def test_every_paper_of_a_case_names_a_sample_or_draft_guide_as_such(demo: DemoCases, kind: DocumentKind) -> None:
    assert demo.bundle.sample  # 我要开小餐馆 ships as a 样例
    assert guide_line(demo, kind) == "我要开小餐馆（50平方米以下）（办事指南第1版，样例，未经本中心核定发布）"
    drafted = guide_line(demo, kind, status=GuideStatus.DRAFT, sample=False)
    assert drafted == "我要开小餐馆（50平方米以下）（办事指南第1版，待核，未经本中心核定发布）"
    assert guide_line(demo, kind, sample=False) == "我要开小餐馆（50平方米以下）（办事指南第1版）"
