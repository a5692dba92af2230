"""A material the case's own items produce is never 免提交 for that case.

免提交 (seed 001 第十条: what the government can fetch by data sharing is not demanded) presumes the paper exists in
a licence library at intake.  The 营业执照 of a bundle that registers the business (市场主体设立登记, 008 我要开小餐馆)
is issued inside the case: it is passed on to the other items once issued, never fetched at the window.  What
decides it is the catalog's data: an item's 办理结果 against a material's name, in the situation the case answers.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from counter.catalog.model import Bundle, Material, output_names
from tests.catalog.folder import shipped_catalog
from tests.catalog.test_bundle_names import league_list

BUNDLES = {bundle.number: bundle for _, bundle in shipped_catalog().bundles}


def _answer_sets(bundle: Bundle) -> Iterator[dict[str, str]]:
    """Every way of answering all the bundle's situations: a case as the clerk takes it."""
    choices = [[(s.code, o.code) for o in s.options] for s in bundle.situations]
    for combination in itertools.product(*choices):
        yield dict(combination)


def _surely_applied(bundle: Bundle, material: Material, answers: dict[str, str]) -> list[str]:
    """Items of the bundle, other than those the material serves, that put it out and that the answers apply for:
    a material that serves the item alone and applies."""
    return [
        item.name
        for item in bundle.items
        if item.code not in material.items
        and material.name in output_names(item.result)
        and any(m.items == (item.code,) and m.applies(answers) for m in bundle.materials)
    ]


def test_the_catalog_is_the_leagues_103() -> None:
    assert sorted(BUNDLES) == [number for number, _ in league_list()]


def test_the_small_restaurants_business_licence_is_not_fetched_from_the_licence_library() -> None:
    bundle = BUNDLES[8]  # 我要开小餐馆（50平方米以下）: 市场主体设立登记 issues the 营业执照
    licence = next(m for m in bundle.materials if m.name == "营业执照")
    assert licence.shared  # the catalog marks it so: right where no item of the bundle issues it
    assert [item.name for item in bundle.producers(licence, {})] == ["市场主体设立登记"]
    assert not bundle.fetched(licence)
    for answers in _answer_sets(bundle):
        listed = {m.code: m for m in bundle.materials_for(answers)}
        assert not listed[licence.code].shared, answers


@pytest.mark.parametrize("number", range(1, 104))
def test_no_bundle_fetches_what_its_own_items_produce(number: int) -> None:
    bundle = BUNDLES[number]
    for answers in _answer_sets(bundle):
        for material in bundle.materials_for(answers):
            if material.shared:
                assert not _surely_applied(bundle, material, answers), (material.name, answers)


def test_a_licence_the_applicant_already_holds_is_still_fetched() -> None:
    bundle = BUNDLES[102]  # 随迁子女入学: 居住证申领 is an item, but not for who already has one
    permit = next(m for m in bundle.materials if m.name == "居住证")
    assert bundle.fetched(permit)
    assert next(m for m in bundle.materials_for({"permit": "has"}) if m.code == permit.code).shared
    business = next(m for m in bundle.materials if m.name == "营业执照")  # no item of this bundle issues one
    assert bundle.fetched(business)


def test_a_medium_note_does_not_hide_the_output() -> None:
    bundle = BUNDLES[80]  # 二手房: 存量房交易税费申报 puts out the 完税凭证（电子） the 转移登记 needs
    receipt = next(m for m in bundle.materials if m.name == "完税凭证")
    assert not bundle.fetched(receipt)
    assert output_names("涉税信息确认结果；发票票种核定结果") == {"涉税信息确认结果", "发票票种核定结果"}
