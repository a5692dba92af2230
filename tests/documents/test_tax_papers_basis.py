"""A department's own paper of an item that is no 行政许可 closes on its basis, never on a bare 特此通知.

The tax office's 受理通知书, 补正材料通知书 and 不予受理通知书 of 008's 新办纳税人涉税事项 (type 10: no 行政许可法) cite
the league's rule for the act — 《兴安盟政务服务标准化管理办法》第十六条 (whether to accept; 第一项 受理凭证, 第二项
补齐补正通知书) — and the item's own 设定依据, as the 行政许可's papers cite 第三十二条.
"""

from __future__ import annotations

import dataclasses

import pytest

from counter.documents.model import DocumentKind, document_for
from tests.documents.conftest import CORRECTED, REFUSED, REGISTRATION, SIGNED, SIGNED_DATES, TODAY, DemoCases
from tests.documents.test_item_law import denied, shipped
from tests.documents.test_model import _all_text

TAX = "152201-YJS008-04"  # 新办纳税人涉税事项: 其他行政权力, the hall only receives it
LEAGUE = "《兴安盟政务服务标准化管理办法》"
BASIS = "本事项设定依据（《中华人民共和国税收征收管理法》第十五条、第二十一条；《中华人民共和国发票管理办法》）"
CLOSES = {
    DocumentKind.ACCEPTANCE: (SIGNED, f"依据{LEAGUE}第十六条第一项和{BASIS}，特此通知。"),
    DocumentKind.SUPPLEMENT: (CORRECTED, f"依据{LEAGUE}第十六条第二项和{BASIS}，特此通知。"),
    DocumentKind.ITEM_REFUSAL: (REFUSED, f"依据{LEAGUE}第十六条和{BASIS}，特此通知。"),
}


@pytest.mark.parametrize("kind", list(CLOSES))
def test_the_tax_offices_paper_closes_on_the_league_rule_and_the_items_basis(
    demo: DemoCases, kind: DocumentKind
) -> None:
    lines, close = CLOSES[kind]
    taxed = tuple(dataclasses.replace(line, note=line.note.replace(REGISTRATION, TAX, 1)) for line in lines)
    view = demo.views["受理"]
    view = dataclasses.replace(view, history=(*view.history, *taxed))
    dates = SIGNED_DATES if kind is DocumentKind.ACCEPTANCE else None
    data = document_for(view, kind, demo.office, "N-1", demo.bundle, TODAY, TAX, item_dates=dates)
    text = _all_text(data)
    assert "税务局" in data.sign_off.issuer
    assert close in text
    assert text.count("特此通知") == 1  # the close is the one with the basis


def test_the_vehicle_tax_denial_cites_the_articles_of_the_vehicle_tax_law(demo: DemoCases) -> None:
    """055's 车辆购置税申报 denied: the decision names the articles it stands on (第九条 免税、减税, 第十一条 where,
    第十二条 when to declare), not the whole law."""
    bundle = shipped("055")
    tax = next(item for item in bundle.items if item.name == "车辆购置税申报")
    text = _all_text(denied(demo, bundle, tax))
    cited = "《中华人民共和国车辆购置税法》第九条、第十一条、第十二条；《中华人民共和国税收征收管理法》第二十五条"
    assert f"依照{cited}和" in text
    assert "《中华人民共和国车辆购置税法》；" not in text
