"""The remedy a paper prints fits the act it makes, for every item of every bundle of the shipped catalog.

复议前置 is the 征税行为's alone (税收征收管理法 第八十八条第一款; 税务行政复议规则 第十四条第（一）项, 第三十三条):
an item's decision prints it where the catalog names the levy, and a 不予受理 — which takes no filing and decides
no tax — never does (第三十四条).  A rights clause covers what the paper decides: a 第七十八条 refusal of 059 refuses
its licences, not the 仅销售预包装食品备案 beside them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

from counter.catalog.model import Bundle, Item, ItemType
from counter.documents.acceptance import HeldItems
from counter.documents.model import DocumentData, DocumentKind, DocumentNotPossible, Text, document_for
from counter.documents.notice_pledge import PledgeFacts, revocation
from counter.intake.outcome import RefusalGround
from tests.conftest import SHIPPED_CATALOG
from tests.documents.conftest import TODAY, DemoCases
from tests.documents.test_item_law import denied, named, shipped, taken_under
from tests.documents.test_model import _all_text

PAY_FIRST = "应当先依照税务机关的纳税决定缴纳或者解缴税款及滞纳金或者提供相应的担保"
FIRST_THEN_SUIT = "先申请行政复议、对行政复议决定不服再提起行政诉讼"
AGREEMENT = "兴政服委〔2026〕5号委托受理协议"


def catalog() -> Iterator[Bundle]:
    for path in sorted(SHIPPED_CATALOG.glob("*.toml")):
        yield shipped(path.stem)


def levies(item: Item) -> bool:
    return item.remedy is not None and item.remedy.levy is not None


def rights_lines(data: DocumentData) -> list[str]:
    return [block.text for block in data.blocks if isinstance(block, Text) and "申请行政复议" in block.text]


def refusals(demo: DemoCases, bundle: Bundle, ground: RefusalGround) -> Iterator[tuple[str, DocumentData]]:
    """The bundle's 不予受理 in each standing that prints rights: the site's own power, and every item entrusted."""
    office = named(demo)
    view = dataclasses.replace(taken_under(demo.views["不予受理"], bundle), refusal_ground=ground.value)
    codes = [item.code for item in bundle.items]
    for standing, held in (
        ("own", HeldItems(site_items=frozenset(codes))),
        ("entrusted", HeldItems(entrusted=dict.fromkeys(codes, AGREEMENT))),
    ):
        try:
            yield standing, document_for(view, DocumentKind.REFUSAL, office, "N-1", bundle, TODAY, held=held)
        except DocumentNotPossible:
            continue  # a body the site has not named: no paper, so no clause


def test_no_refusal_of_any_bundle_sends_the_applicant_to_pay_tax_first(demo: DemoCases) -> None:
    printed = 0
    for bundle in catalog():
        for ground in RefusalGround:
            for standing, data in refusals(demo, bundle, ground):
                text = _all_text(data)
                assert PAY_FIRST not in text, (bundle.code, ground, standing)
                assert FIRST_THEN_SUIT not in text, (bundle.code, ground, standing)
                printed += 1
    assert printed > 300  # every shipped bundle, its grounds and both standings, bar the bodies left unnamed


def test_every_decision_prints_review_first_exactly_where_its_item_is_a_levy(demo: DemoCases) -> None:
    seen = {True: 0, False: 0}
    for bundle in catalog():
        for item in bundle.items:
            try:
                text = _all_text(denied(demo, bundle, item))
            except DocumentNotPossible:
                continue
            assert (PAY_FIRST in text) == levies(item), (bundle.code, item.code)
            seen[levies(item)] += 1
    assert seen[True] >= 4
    assert seen[False] > 200


def test_a_revocation_prints_review_first_only_for_a_levy(demo: DemoCases) -> None:
    facts = PledgeFacts(TODAY, TODAY + dt.timedelta(days=30), TODAY + dt.timedelta(days=10), "经营场所与承诺不符")
    found = 0
    for bundle in catalog():
        view = taken_under(demo.views["受理"], bundle)
        for item in bundle.items:
            if item.pledge is None:
                continue
            try:
                text = _all_text(revocation(view, item, named(demo), "N-1", facts, "你"))
            except DocumentNotPossible:
                continue
            assert (PAY_FIRST in text) == levies(item), (bundle.code, item.code)
            found += 1
    assert found


def test_the_new_car_refusal_offers_review_or_suit_against_the_tax_office(demo: DemoCases) -> None:
    bundle = shipped("055")
    [(_, data)] = [pair for pair in refusals(demo, bundle, RefusalGround.NOT_IN_REMIT) if pair[0] == "entrusted"]
    text = _all_text(data)
    assert (
        "对车辆购置税申报的决定不服的，可以自收到本决定之日起六十日内向国家税务总局兴安盟税务局申请行政复议，"
        "或者六个月内向乌兰浩特市人民法院提起行政诉讼" in text
    )


def test_a_false_materials_refusal_offers_no_remedy_against_the_filing_it_does_not_decide(demo: DemoCases) -> None:
    bundle = shipped("059")
    filing = next(item for item in bundle.items if item.item_type is not ItemType.LICENSING)
    assert filing.name == "仅销售预包装食品备案"
    for standing, data in refusals(demo, bundle, RefusalGround.FALSE_MATERIALS):
        rights = rights_lines(data)
        assert rights, standing
        assert not any(filing.name in line for line in rights), (standing, rights)
    [(_, entrusted)] = [p for p in refusals(demo, bundle, RefusalGround.FALSE_MATERIALS) if p[0] == "entrusted"]
    starts = [line.split("的决定")[0] for line in rights_lines(entrusted)]
    assert starts == ["对市场主体设立登记", "对烟草专卖零售许可"]
