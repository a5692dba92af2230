"""Statutory limits with their source, and "法律法规未规定" where no law sets one (counter.catalog.limits)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from counter.catalog.check import check_source
from counter.catalog.document import content_hash, from_document, to_document
from counter.catalog.limits import catalog_warnings, limit_code, limit_of_code, limit_warnings
from counter.catalog.model import Bundle, GuideStatus, Item, ItemType, TimeLimit, TimeUnit
from counter.catalog.problems import Rule
from counter.catalog.workbook import read_workbook
from counter.catalog.workbook_writer import write_workbook
from counter.cli.guide_text import guide_as_text
from counter.documents.guide_notice import guide_notice_for
from counter.documents.model import OfficeSettings, Pairs
from counter.words.catalog_problems import problem_text
from counter.words.catalog_review import limit_words
from tests.catalog.builders import item, item_code, valid_bundle, write_catalog
from tests.catalog.folder import read_folder, shipped_catalog
from tests.conftest import SHIPPED_CATALOG

WD = TimeUnit.WORKING_DAY
NO_LIMIT = "法律法规未规定"


@pytest.fixture(scope="module")
def shipped() -> dict[str, Bundle]:
    return {bundle.code: bundle for _, bundle in shipped_catalog().bundles}


def _items(shipped: dict[str, Bundle], name: str) -> list[tuple[str, Item]]:
    return [(code, i) for code, b in shipped.items() for i in b.items if i.name == name]


def test_a_limit_without_its_article_warns_and_never_stops_the_catalog(tmp_path: Path) -> None:
    doc = valid_bundle(8)
    item(doc, "A")["limit_basis"] = "《中华人民共和国行政许可法》第四十二条第一款"
    write_catalog(tmp_path, {"008.toml": doc})

    checked = check_source(tmp_path)

    assert checked.ok
    assert [(w.rule, w.item, w.detail) for w in checked.warnings] == [
        (Rule.LIMIT_WITHOUT_SOURCE, item_code(8, "B"), "20 working_day")
    ]
    assert "法定办结时限20个工作日未写明出处" in problem_text(checked.warnings[0])


def test_no_statutory_limit_needs_no_source_and_an_unpublished_bundle_is_not_asked(tmp_path: Path) -> None:
    doc = valid_bundle(8)
    for which in ("A", "B"):
        del item(doc, which)["legal_limit"]
        item(doc, which)["no_legal_limit"] = True
    write_catalog(tmp_path, {"008.toml": doc})
    [(file, bundle)] = read_folder(tmp_path).bundles
    assert limit_warnings(file, bundle) == []
    listed = dataclasses.replace(bundle, status=GuideStatus.UNPUBLISHED, items=(bundle.items[0],))
    assert limit_warnings(file, dataclasses.replace(listed, items=(_with_limit(bundle.items[0]),))) == []


def _with_limit(one: Item) -> Item:
    return dataclasses.replace(one, no_legal_limit=False, legal_limit=TimeLimit(20, WD))


def test_the_source_and_the_none_survive_storage_and_the_workbook(tmp_path: Path, shipped: dict[str, Bundle]) -> None:
    clinic, restaurant = shipped["XAM-YJS-027"], shipped["XAM-YJS-008"]
    for bundle in (clinic, restaurant):
        again, problems = from_document(to_document(bundle))
        assert (again, problems) == (bundle, [])
    path = tmp_path / "catalog.xlsx"
    assert write_workbook(path, (clinic, restaurant)) == ()
    result = read_workbook(path)
    assert result.problems == ()
    read = [(i.legal_limit, i.limit_basis, i.no_legal_limit) for _, b in result.bundles for i in b.items]
    assert read == [(i.legal_limit, i.limit_basis, i.no_legal_limit) for b in (clinic, restaurant) for i in b.items]
    assert (clinic.items[1].limit_basis, clinic.items[1].no_legal_limit) == ("", True)
    # a guide without either keeps the hash it had before they could be written
    bare = dataclasses.replace(
        restaurant, items=tuple(dataclasses.replace(i, limit_basis="") for i in restaurant.items)
    )
    assert all("limit_basis" not in i and "no_legal_limit" not in i for i in to_document(bare)["items"])
    assert content_hash(to_document(bare)) != content_hash(to_document(restaurant))


def test_the_shipped_catalog_borrows_no_licence_period(shipped: dict[str, Bundle]) -> None:
    """13 filings carried "参照许可法第四十二条 20 工作日": a filing is no licence, and no law gives it a period."""
    filings = [(code, i) for code, b in shipped.items() for i in b.items if i.name.endswith("备案") and b.has_guide]
    borrowed = [
        code for code, i in filings if i.legal_limit == TimeLimit(20, WD) or any("参照" in c for c in i.conditions)
    ]
    assert borrowed == []
    for name in ("诊所备案", "畜禽养殖场备案", "机动车维修经营备案", "艺术品经营单位备案", "养老机构备案"):
        assert all(i.no_legal_limit and i.legal_limit is None for _, i in _items(shipped, name)), name
    assert check_source(SHIPPED_CATALOG).problems == ()


def test_every_new_taxpayer_item_has_the_invoice_rules_five_working_days(shipped: dict[str, Bundle]) -> None:
    """Three drafts said 0, 1 and 5; 《发票管理办法》第十五条 gives the tax office 5 working days for invoices."""
    taxes = _items(shipped, "新办纳税人涉税事项")
    assert len(taxes) == 62
    assert {i.legal_limit for _, i in taxes} == {TimeLimit(5, WD)}
    assert {i.limit_basis for _, i in taxes} == {"《中华人民共和国发票管理办法》第十五条（发票领用）"}


def test_the_prepackaged_food_filing_has_no_statutory_limit_anywhere(shipped: dict[str, Bundle]) -> None:
    """20 working days in two drafts, 0 or 1 in the others: 食品安全法 第三十五条 sets a filing, no period."""
    filings = _items(shipped, "仅销售预包装食品备案")
    assert len(filings) == 7
    assert all(i.no_legal_limit and i.legal_limit is None for _, i in filings)
    assert {i.promised_limit for _, i in filings} == {TimeLimit(0, WD)}


def test_the_clinic_names_the_five_years_of_practice(shipped: dict[str, Bundle]) -> None:
    clinic = shipped["XAM-YJS-027"]
    filing = next(i for i in clinic.items if i.name == "诊所备案")
    assert any("五年以上同一专业的临床工作" in c for c in filing.conditions)
    assert "《医疗机构管理条例实施细则》第十五条" in filing.legal_basis
    assert any("五年以上" in c for c in clinic.conditions)
    certificate = next(m for m in clinic.materials if m.name == "主要负责人医师执业证书")
    assert "满五年" in certificate.requirement


def test_the_county_licenses_no_veterinary_biologicals(shipped: dict[str, Bundle]) -> None:
    """《兽药管理条例》第二十二条第二款: biologicals are licensed by the region's veterinary department."""
    shop = shipped["XAM-YJS-072"]
    licence = next(i for i in shop.items if i.name == "兽药经营许可证核发")
    assert "兽用生物制品以外" in licence.sub_item
    assert licence.limit_basis == "《兽药管理条例》第二十二条第三款"
    assert "向自治区人民政府兽医行政管理部门" in shop.summary
    assert not any("是否含兽用生物制品" in m.requirement for m in shop.materials)


def test_the_guide_says_no_law_sets_a_limit(shipped: dict[str, Bundle]) -> None:
    clinic = shipped["XAM-YJS-027"]
    text = guide_as_text(clinic, 1, {})
    assert "窗口受{place}卫生健康委员会委托受理）法律法规未规定时限，承诺即时办结；结果：诊所备案凭证" in text
    notice = guide_notice_for(clinic, OfficeSettings(), dt.date(2026, 11, 20), "王某")
    pairs = [p for block in notice.blocks if isinstance(block, Pairs) for p in block.pairs]
    assert ("法定办结时限", NO_LIMIT) in [(p.label, p.value) for p in pairs]


def test_the_shipped_warnings_name_only_what_no_article_was_found_for(shipped: dict[str, Bundle]) -> None:
    """Every remaining warning is a limit whose article the catalog could not cite: the department's to confirm."""
    warned = catalog_warnings(list(shipped.items()))
    items = {w.item: w for w in warned}
    assert all(w.rule is Rule.LIMIT_WITHOUT_SOURCE for w in warned)
    every = {i.code: i for b in shipped.values() for i in b.items}
    assert all(every[code].limit_basis == "" and not every[code].no_legal_limit for code in items)
    licences = [every[code] for code in items if every[code].item_type is ItemType.LICENSING]
    assert all(i.legal_limit is not None for i in licences)


@pytest.mark.parametrize("limit", [TimeLimit(20, TimeUnit.WORKING_DAY), TimeLimit(0, TimeUnit.WORKING_DAY)])
def test_a_limit_read_back_from_its_codes_is_the_limit(limit: TimeLimit) -> None:
    assert limit_of_code(limit_code(limit)) == limit


@pytest.mark.parametrize("code", ["", "20", "twenty working_day", "20 fortnight"])
def test_a_text_that_is_no_limit_reads_as_none_and_a_review_says_unstated(code: str) -> None:
    assert limit_of_code(code) is None
    assert limit_words(code) == "未载明"
