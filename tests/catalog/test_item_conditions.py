"""Items applied for only in some cases: an item's ``when``, read, kept, exported and answered as a material's.

The shipped guides name the cases the league's legal officer found listing what nobody applied for: 008 without a
signboard, 048 with the 医保 transfer declined, 053 for a company already a 一般纳税人.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from counter.catalog.document import content_hash, from_document, to_document
from counter.catalog.model import Bundle
from counter.catalog.workbook import read_workbook
from counter.catalog.workbook_writer import write_workbook
from tests.catalog.folder import shipped_catalog
from tests.catalog.test_workbook import full_bundle

BUNDLES = {bundle.number: bundle for _, bundle in shipped_catalog().bundles}


def _names(bundle: Bundle, answers: dict[str, str]) -> list[str]:
    return [item.name for item in bundle.items_for(answers)]


@pytest.mark.parametrize(
    ("number", "answers", "left_out"),
    [
        (8, {"operator": "individual", "agent": "self", "signboard": "no"}, ["户外招牌设置审批"]),
        (48, {"medical": "no", "agent": "self"}, ["职工基本医疗保险关系转移接续"]),
        (
            53,
            {"register": "done", "entity": "company", "agent": "staff"},
            ["增值税一般纳税人登记", "个人所得税经营所得预缴纳税申报"],
        ),
    ],
)
def test_the_shipped_guides_leave_out_what_the_answers_do_not_apply_for(
    number: int, answers: dict[str, str], left_out: list[str]
) -> None:
    bundle = BUNDLES[number]
    every = [item.name for item in bundle.items]
    assert set(left_out) <= set(every)
    assert _names(bundle, answers) == [name for name in every if name not in left_out]
    case = bundle.for_case(answers)
    assert [item.name for item in case.items] == _names(bundle, answers)
    # no material of what was left out is asked for
    kept = {item.code for item in case.items}
    assert all(kept.intersection(m.items) for m in bundle.materials_for(answers))


def test_an_unanswered_situation_keeps_the_item_and_the_whole_guide_is_itself() -> None:
    restaurant = BUNDLES[8]
    assert _names(restaurant, {}) == [item.name for item in restaurant.items]
    assert restaurant.for_case({"signboard": "yes"}) is restaurant


def test_a_material_serving_only_items_left_out_is_not_asked_for() -> None:
    """Even where the material's own ``when`` does not say so: the item's answers leave out what it alone needs."""
    restaurant = BUNDLES[8]
    signboard = next(i for i in restaurant.items if i.name == "户外招牌设置审批")
    forms = [m for m in restaurant.materials if m.items == (signboard.code,)]
    assert forms
    unconditioned = dataclasses.replace(restaurant, materials=tuple(dataclasses.replace(m, when=()) for m in forms))
    codes = {m.code for m in unconditioned.materials_for({"signboard": "no"})}
    assert codes.isdisjoint(m.code for m in forms)
    assert {m.code for m in forms} <= {m.code for m in unconditioned.materials_for({"signboard": "yes"})}


def test_an_item_condition_is_kept_in_storage_and_an_item_without_one_hashes_as_before() -> None:
    bundle = full_bundle()
    first = bundle.items[0]
    doc = to_document(bundle)
    assert all("when" not in item for item in doc["items"])  # a guide stored before items had conditions
    conditioned = dataclasses.replace(bundle, items=(dataclasses.replace(first, when=("operator.company",)),
                                                     *bundle.items[1:]))  # fmt: skip
    stored = to_document(conditioned)
    assert stored["items"][0]["when"] == ["operator.company"]
    assert content_hash(stored) != content_hash(doc)
    back, problems = from_document(stored, "008.toml")
    assert problems == []
    assert back == conditioned


def test_an_item_condition_goes_through_a_workbook(tmp_path: Path) -> None:
    bundle = full_bundle()
    conditioned = dataclasses.replace(
        bundle,
        items=(dataclasses.replace(bundle.items[0], when=("operator.company", "agent.agent")), *bundle.items[1:]),
    )
    path = tmp_path / "catalog.xlsx"
    assert write_workbook(path, (conditioned,)) == ()
    result = read_workbook(path)
    assert result.problems == ()
    assert result.bundles == (("catalog.xlsx", conditioned),)
