"""告知承诺 in the catalog: 035's 消防 item states what is promised, the 核查 period and its source; an item that
marks 告知承诺 without one of them is refused (国办发〔2020〕42号 asks each in writing)."""

from __future__ import annotations

import dataclasses

from counter.catalog.model import TimeLimit, TimeUnit
from counter.catalog.problems import Rule
from counter.catalog.remedy_checks import pledge_problems
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
