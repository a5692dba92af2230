"""告知承诺 in the catalog: 035's 消防 item states what is promised, the 核查 period and its source; an item that
marks 告知承诺 without one of them is refused (国办发〔2020〕42号 asks each in writing)."""

from __future__ import annotations

import dataclasses

from counter.catalog.model import TimeLimit, TimeUnit
from counter.catalog.problems import Rule
from counter.catalog.reader import parse_bundle
from counter.catalog.remedy_checks import pledge_problems
from counter.catalog.validate import validate_bundle
from tests.conftest import SHIPPED_CATALOG
from tests.documents.test_item_law import shipped


def test_the_fire_check_of_035_is_granted_on_a_promise_and_checked_in_twenty_working_days() -> None:
    [fire] = [item for item in shipped("035").items if item.pledge is not None]
    assert fire.code == "YJS035-05"
    assert fire.pledge is not None
    assert fire.pledge.check_within == TimeLimit(20, TimeUnit.WORKING_DAY)
    assert "承诺不实的，愿意承担撤销许可等法律责任" in fire.pledge.promise
    assert "国办发〔2020〕42号" in fire.pledge.basis
    assert not pledge_problems(fire)
    for number in ("026", "036", "037"):
        assert [i.pledge is not None for i in shipped(number).items].count(True) == 1, number


def test_a_pledge_without_its_elements_is_refused() -> None:
    [fire] = [item for item in shipped("035").items if item.pledge is not None]
    assert fire.pledge is not None
    bare = dataclasses.replace(fire, pledge=dataclasses.replace(fire.pledge, promise=" ", check_within=None, basis=""))
    assert pledge_problems(bare) == [
        (Rule.MISSING_ELEMENT, "items.pledge.promise", ""),
        (Rule.MISSING_ELEMENT, "items.pledge.check", ""),
        (Rule.MISSING_ELEMENT, "items.pledge.basis", ""),
    ]


def test_every_shipped_fire_check_is_the_applicants_choice_and_corrected_before_revoked() -> None:
    """In each bundle with a 公众聚集场所 消防 检查 the applicant chooses the promise or the ordinary procedure: the
    告知承诺书 is asked only of who chose the promise; and a promise found false is ordered corrected first
    (消防法 第五十八条第二款)."""
    for number in ("026", "035", "036", "037"):
        bundle = shipped(number)
        [fire] = [item for item in bundle.items if item.pledge is not None]
        assert fire.pledge is not None
        assert fire.pledge.chosen == "fire_way.pledge", number
        assert fire.pledge.correction == "《中华人民共和国消防法》第五十八条第二款", number
        for way, asked in (("pledge", True), ("ordinary", False)):
            names = [m.name for m in bundle.materials_for({"fire_way": way}) if fire.code in m.items]
            assert ("公众聚集场所投入使用、营业消防安全告知承诺书" in names) is asked, (number, way)
        assert fire.pledge.chosen_in({"fire_way": "pledge"})
        assert not fire.pledge.chosen_in({"fire_way": "ordinary"})


def test_a_promise_chosen_by_an_answer_the_guide_does_not_ask_is_named() -> None:
    """``chosen`` names the answer with which the applicant takes the promise; mistyped, no applicant could take it,
    and the window would grant the ordinary way always: named as the dangling reference it is."""
    text = (SHIPPED_CATALOG / "035.toml").read_text(encoding="utf-8")
    assert text.count('chosen = "fire_way.pledge"') == 1
    bundle, problems = parse_bundle(text.replace('chosen = "fire_way.pledge"', 'chosen = "fire_way.promise"'), "x")
    assert bundle is not None
    assert problems == []
    assert [(p.rule, p.field, p.detail) for p in validate_bundle("035.toml", bundle)] == [
        (Rule.DANGLING_REFERENCE, "items.pledge.chosen", "fire_way.promise")
    ]


def test_a_department_sets_the_floor_of_the_periods_it_gives_in_whole_working_days() -> None:
    """``pledge.period_floor``: the fewest working days the body gives to correct or to be heard (None: the default
    argued in docs/notice-wording.md); read back as written, and a floor under one day named as a wrong value."""
    text = (SHIPPED_CATALOG / "035.toml").read_text(encoding="utf-8")
    chosen = 'chosen = "fire_way.pledge"'
    bundle, problems = parse_bundle(text.replace(chosen, chosen + ", period_floor = 7"), "x")
    assert (bundle is not None, problems) == (True, [])
    assert bundle is not None
    [fire] = [item for item in bundle.items if item.pledge is not None]
    assert fire.pledge is not None
    assert fire.pledge.period_floor == 7
    _, problems = parse_bundle(text.replace(chosen, chosen + ", period_floor = 0"), "x")
    assert [(p.rule, p.field, p.detail) for p in problems] == [(Rule.WRONG_TYPE, "pledge.period_floor", "0")]
    [shipped_fire] = [item for item in shipped("035").items if item.pledge is not None]
    assert shipped_fire.pledge is not None
    assert shipped_fire.pledge.period_floor is None  # no source gives the brigade's: the default stands
