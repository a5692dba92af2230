"""What a guide must be before a site publishes it (counter.catalog.publish_gate), on the shipped guides."""

from __future__ import annotations

import dataclasses

import pytest

from counter.catalog.model import Bundle
from counter.catalog.problems import Rule
from counter.catalog.publish_gate import publish_problems, unsourced_bounds
from counter.db.catalog_store import unconfirmed
from counter.words.catalog_problems import problem_text
from tests.catalog.folder import shipped_catalog
from tests.conftest import SHIPPED_CATALOG


@pytest.fixture(scope="module")
def shipped() -> dict[str, Bundle]:
    return {bundle.code: bundle for _, bundle in shipped_catalog().bundles}


def test_the_same_licence_listed_twice_is_refused_with_its_first_place(shipped: dict[str, Bundle]) -> None:
    found = publish_problems(shipped["XAM-YJS-007"], reporting=False)
    repeated = [p for p in found if p.rule is Rule.DUPLICATE_ITEM]
    assert [(p.item, p.detail, dict(p.extra)["other"]) for p in repeated] == [
        ("YJS007-05", "申请从事互联网上网服务经营活动审批", "YJS007-02")
    ]
    said = problem_text(repeated[0])
    assert "申请从事互联网上网服务经营活动审批" in said
    assert "YJS007-02" in said
    assert "只能列一次" in said


def test_a_limit_without_its_article_is_refused(shipped: dict[str, Bundle]) -> None:
    for code, items in (("XAM-YJS-046", {"YJS046-01", "YJS046-02"}), ("XAM-YJS-075", {"YJS075-03"})):
        found = publish_problems(shipped[code], reporting=False)
        assert {p.item for p in found if p.rule is Rule.LIMIT_WITHOUT_SOURCE} == items


def test_a_bound_on_the_applicant_needs_its_source() -> None:
    assert unsourced_bounds("自有房屋提供不动产权证书；租赁房屋提供租赁合同，租期不少于一年。") == (
        "租赁房屋提供租赁合同，租期不少于一年",
    )
    assert unsourced_bounds("记录备份保存时间不得少于60日（《互联网上网服务营业场所管理条例》第二十三条）") == ()
    assert unsourced_bounds("营业面积不低于50平方米") == ("营业面积不低于50平方米",)
    assert unsourced_bounds("县级以上人民政府；原件当场核验后退还") == ()  # no bound with a quantity


def test_the_lease_rule_is_refused_wherever_it_stands(shipped: dict[str, Bundle]) -> None:
    bundle = shipped["XAM-YJS-086"]
    material = bundle.materials[0]
    leased = dataclasses.replace(material, requirement=material.requirement + "租期不少于一年。")
    found = publish_problems(dataclasses.replace(bundle, materials=(leased, *bundle.materials[1:])), reporting=False)
    bounds = [p for p in found if p.rule is Rule.BOUND_WITHOUT_SOURCE]
    assert [(p.material, p.detail) for p in bounds] == [(material.code, "租期不少于一年")]
    assert "没有写明出处" in problem_text(bounds[0])
    assert "行政许可法第十六条第四款" in problem_text(bounds[0])


def test_no_shipped_guide_asks_a_lease_of_a_year() -> None:
    """006, 008 and 086 asked "租期不少于一年", which no law they cite sets: gone from the data, not from the gate."""
    for path in SHIPPED_CATALOG.glob("*.toml"):
        assert "租期不少于一年" not in path.read_text(encoding="utf-8"), path.name


def test_items_the_platform_cannot_know_are_refused_only_where_the_site_reports(shipped: dict[str, Bundle]) -> None:
    bundle = shipped["XAM-YJS-046"]
    assert not any(p.rule is Rule.ITEM_WITHOUT_OFFICIAL_CODE for p in publish_problems(bundle, reporting=False))
    found = [p for p in publish_problems(bundle, reporting=True) if p.rule is Rule.ITEM_WITHOUT_OFFICIAL_CODE]
    assert {p.item for p in found} == {item.code for item in bundle.items}
    assert "基本编码" in problem_text(found[0])
    coded = official(shipped["XAM-YJS-008"])
    assert all(item.basic_code for item in coded.items)
    assert publish_problems(coded, reporting=True) == []


def official(bundle: Bundle) -> Bundle:
    """``bundle`` as the site's own, its items under codes in GB/T 39046's format (as an 实施清单 gives them)."""
    items = tuple(
        dataclasses.replace(item, code=f"1115220000{n:02d}YJS{bundle.number:03d}", basic_code=f"XK{n:04d}")
        for n, item in enumerate(bundle.items, 1)
    )
    renamed = {old.code: new.code for old, new in zip(bundle.items, items, strict=True)}
    materials = tuple(dataclasses.replace(m, items=tuple(renamed[c] for c in m.items)) for m in bundle.materials)
    return dataclasses.replace(bundle, sample=False, items=items, materials=materials)


def test_a_samples_codes_never_leave_the_site(shipped: dict[str, Bundle]) -> None:
    """A 样例's codes illustrate (``SJ-SLDJ``, ``152201-YJS008-01``): where the site reports, publishing it would send
    them up as the list's.  Refused, each item named; and a code outside GB/T 39046's format (an..10, an..24)."""
    sample = shipped["XAM-YJS-008"]
    assert sample.sample
    assert publish_problems(sample, reporting=False) == []
    found = publish_problems(sample, reporting=True)
    assert [(p.rule, p.item) for p in found] == [(Rule.SAMPLE_CODE, item.code) for item in sample.items]
    assert "仅供示例" in problem_text(found[0])
    drafted = dataclasses.replace(sample, sample=False)  # the site's own draft, the sample's codes kept
    formats = {(p.field, p.detail) for p in publish_problems(drafted, reporting=True)}
    assert ("items.code", "152201-YJS008-01") in formats
    assert ("items.basic_code", "SJ-SLDJ") in formats
    said = problem_text(next(p for p in publish_problems(drafted, reporting=True) if p.rule is Rule.CODE_FORMAT))
    assert "GB/T 39046-2020" in said


def test_every_problem_is_listed_at_once_in_chinese(shipped: dict[str, Bundle]) -> None:
    found = publish_problems(shipped["XAM-YJS-007"], reporting=True)
    assert {p.rule for p in found} >= {Rule.DUPLICATE_ITEM, Rule.ITEM_WITHOUT_OFFICIAL_CODE}
    for problem in found:
        said = problem_text(problem)
        assert said.isascii() is False
        assert "items." not in said
        assert "publish" not in said


def test_the_shipped_samples_a_site_may_publish_as_they_are(shipped: dict[str, Bundle]) -> None:
    """A 样例 whose limits name their articles and whose conditions their sources passes; 007 never does, and a
    guide whose limit has no article stays 样例 or 待核 until its department gives it (033's 用电报装)."""
    for code in ("XAM-YJS-008", "XAM-YJS-011", "XAM-YJS-012", "XAM-YJS-055", "XAM-YJS-059"):
        assert unconfirmed(shipped[code])
        assert publish_problems(shipped[code], reporting=False) == [], code
    assert publish_problems(shipped["XAM-YJS-033"], reporting=False) != []
