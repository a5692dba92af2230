"""Whether the site only receives every item of a guide: one pure answer, which the guide page
(counter.actions.cases.item_track.receives_only) and the 一次性告知单 (counter.documents.guide_notice) both ask."""

from __future__ import annotations

import dataclasses

from counter.documents.acceptance import HeldItems, OrganAnswer, receives_every_item
from tests.documents.conftest import DemoCases
from tests.entrusted import ENTRUSTMENT as GRANT


def test_every_item_received_only_where_none_is_held_or_entrusted(demo: DemoCases) -> None:
    items, office = demo.bundle.items, demo.office
    first = items[0].code
    assert receives_every_item(items, office)
    assert not receives_every_item(items, office, HeldItems(site_items=frozenset({first})))
    answered = dataclasses.replace(office, administrative_organ=OrganAnswer.YES)
    assert not receives_every_item(items, answered, HeldItems(entrusted={first: GRANT}))
    assert receives_every_item(items, office, HeldItems(entrusted={first: GRANT}))  # a licence, no 行政机关 answer
    assert not receives_every_item((), office)  # no item: nothing is received
