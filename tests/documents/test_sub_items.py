"""A case's 子项: a 个体工商户 applies for 个体工商户设立登记, never "个体工商户设立登记；公司设立登记"."""

from __future__ import annotations

import dataclasses

import pytest

from counter.catalog.model import Bundle
from counter.catalog.sub_items import case_sub_item
from counter.documents.model import DocumentKind
from tests.documents.conftest import DemoCases
from tests.documents.test_item_law import shipped
from tests.documents.test_model import _all_text

BOTH = "个体工商户设立登记；公司设立登记"
REGISTRATION = "152201-YJS008-01"


def registration(bundle: Bundle) -> tuple[Bundle, str]:
    item = bundle.item(REGISTRATION)
    assert item is not None
    assert item.sub_item == BOTH
    return bundle, REGISTRATION


@pytest.mark.parametrize(
    ("answer", "sub_item"),
    [("individual", "个体工商户设立登记"), ("company", "公司设立登记"), ("", BOTH)],
)
def test_the_operators_answer_chooses_the_sub_item(answer: str, sub_item: str) -> None:
    bundle, code = registration(shipped("008"))
    item = bundle.item(code)
    assert item is not None
    answers = {"operator": answer} if answer else {}
    assert case_sub_item(bundle, item, answers) == sub_item
    food = bundle.item("152201-YJS008-02")  # one sub-item: as the guide gives it
    assert food is not None
    assert case_sub_item(bundle, food, answers) == food.sub_item


def test_parts_that_do_not_answer_a_situation_one_to_one_stay_whole() -> None:
    bundle, code = registration(shipped("008"))
    item = bundle.item(code)
    assert item is not None
    odd = dataclasses.replace(item, sub_item="个体工商户设立登记；个体工商户变更登记")  # two parts, one option
    assert case_sub_item(bundle, odd, {"operator": "individual"}) == odd.sub_item


def test_the_departments_paper_of_a_sole_traders_registration_names_its_own_sub_item(demo: DemoCases) -> None:
    view = demo.view_for(DocumentKind.ACCEPTANCE)
    assert dict(view.answers).get("operator") == "individual"
    text = _all_text(demo.document(DocumentKind.ACCEPTANCE))
    assert "个体工商户设立登记（152201-YJS008-01）" in text
    assert "公司设立登记" not in text
