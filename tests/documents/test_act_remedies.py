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
from counter.catalog.remedies import RemedyKind
from counter.documents.acceptance import HeldItems
from counter.documents.deciders import decider_name
from counter.documents.item_law import refused_items
from counter.documents.model import DocumentData, DocumentKind, DocumentNotPossible, Text, document_for
from counter.documents.notice_pledge import PledgeFacts, revocation
from counter.intake.outcome import RefusalGround
from tests.conftest import SHIPPED_CATALOG
from tests.documents.conftest import TODAY, DemoCases
from tests.documents.test_item_law import denied, named, one_department, shipped, taken_under
from tests.documents.test_model import _all_text

PAY_FIRST = "应当先依照税务机关的纳税决定缴纳或者解缴税款及滞纳金或者提供相应的担保"
FIRST_THEN_SUIT = "先申请行政复议、对行政复议决定不服再提起行政诉讼"
AGREEMENT = "兴政服授〔2026〕5号（2026年3月1日）"
OWN = "own"


def catalog() -> Iterator[Bundle]:
    for path in sorted(SHIPPED_CATALOG.glob("*.toml")):
        yield shipped(path.stem)


def levies(item: Item) -> bool:
    return item.remedy is not None and item.remedy.levy is not None


def rights_lines(data: DocumentData) -> list[str]:
    return [block.text for block in data.blocks if isinstance(block, Text) and "申请行政复议" in block.text]


def refusals(demo: DemoCases, bundle: Bundle, ground: RefusalGround) -> Iterator[tuple[str, DocumentData]]:
    """The bundle's 不予受理 in each standing that prints rights: the site's own power over every item, and each
    department's over its own items where it entrusted the window (one paper, one body)."""
    office = named(demo)
    view = dataclasses.replace(taken_under(demo.views["撤回申请"], bundle), refusal_ground=ground.value)
    codes = [item.code for item in bundle.items]
    papers = [(OWN, bundle, HeldItems(site_items=frozenset(codes)))]
    for department in dict.fromkeys(decider_name(item, office) for item in bundle.items):
        its = one_department(bundle, department, office)
        papers.append((department, its, HeldItems(entrusted=dict.fromkeys((i.code for i in its.items), AGREEMENT))))
    for standing, paper_bundle, held in papers:
        try:
            yield standing, document_for(view, DocumentKind.REFUSAL, office, "N-1", paper_bundle, TODAY, held=held)
        except DocumentNotPossible:
            continue  # a body the site has not named, a ground that fits no item of the part: no paper, no clause


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


def _on(days: int) -> dt.date:
    return TODAY + dt.timedelta(days=days)


def test_a_revocation_prints_review_first_only_for_a_levy(demo: DemoCases) -> None:
    # found false, ordered corrected, heard, then revoked: the steps a revocation now follows (notice_pledge)
    facts = PledgeFacts(TODAY, _on(30), _on(10), "经营场所与承诺不符", _on(20), _on(21), _on(24), _on(30))
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
    papers = dict(refusals(demo, bundle, RefusalGround.NOT_IN_REMIT))
    text = _all_text(papers["国家税务总局乌兰浩特市税务局"])
    assert (
        "如对本决定不服，可以自收到本决定之日起六十日内向国家税务总局兴安盟税务局申请行政复议，"
        "或者六个月内向乌兰浩特市人民法院提起行政诉讼" in text
    )
    assert PAY_FIRST not in _all_text(papers[OWN])


def test_a_false_materials_refusal_gives_no_remedy_against_what_it_does_not_decide(demo: DemoCases) -> None:
    bundle = shipped("059")
    filing = next(item for item in bundle.items if item.item_type is not ItemType.LICENSING)
    assert filing.name == "仅销售预包装食品备案"
    assert filing not in refused_items(bundle.items, RefusalGround.FALSE_MATERIALS)
    # were the 备案 a service with a complaint channel, the refusal of the licences would still not speak of it
    assert filing.remedy is not None
    served = dataclasses.replace(filing, remedy=dataclasses.replace(filing.remedy, kind=RemedyKind.COMPLAINT))
    bundle = dataclasses.replace(bundle, items=tuple(served if i is filing else i for i in bundle.items))
    for standing, data in refusals(demo, bundle, RefusalGround.FALSE_MATERIALS):
        text = _all_text(data)
        assert f"{filing.name}不属于行政许可，不适用该条，本通知书不对其作出决定" in text or standing != OWN
        assert f"{filing.name}属于公共服务事项" not in text, standing
        assert not any(filing.name in line for line in rights_lines(data)), standing
