"""第七十八条 as a ground for 不予受理, and the grounds only 行政许可法 gives kept to bundles with a licence."""

from __future__ import annotations

from dataclasses import replace

from counter.catalog.model import ItemType
from counter.intake.outcome import Outcome, Reason, ReasonCode, Refusal, RefusalGround, refusal_grounds
from counter.intake.turn_to import turn_to_text
from tests.intake.samples import RESTAURANT, everything_received
from tests.intake.test_outcome import decide_now

BENEFIT = replace(RESTAURANT, items=tuple(replace(i, item_type=ItemType.BENEFIT) for i in RESTAURANT.items))


def test_false_materials_refuse_a_licence_at_once() -> None:
    decision = decide_now(everything_received(), refusal=Refusal(RefusalGround.FALSE_MATERIALS))
    assert decision.outcome is Outcome.REFUSE
    assert decision.refusal is RefusalGround.FALSE_MATERIALS
    assert decision.reasons == (Reason(ReasonCode.REFUSED_FALSE_MATERIALS),)


def test_a_bundle_without_a_licence_is_refused_only_as_not_this_offices_remit() -> None:
    assert refusal_grounds(RESTAURANT) == tuple(RefusalGround)
    assert refusal_grounds(BENEFIT) == (RefusalGround.NOT_IN_REMIT,)
    for ground in (RefusalGround.FALSE_MATERIALS, RefusalGround.NO_LICENCE_NEEDED):
        decision = decide_now(everything_received(BENEFIT), refusal=Refusal(ground), bundle=BENEFIT)
        assert decision.outcome is Outcome.INCOMPLETE
        assert decision.reasons == (Reason(ReasonCode.GROUND_NOT_APPLICABLE, BENEFIT.code, BENEFIT.name),)
    remit = decide_now(
        everything_received(BENEFIT),
        refusal=Refusal(RefusalGround.NOT_IN_REMIT, turn_to_text((i.code, "某局") for i in BENEFIT.items)),
        bundle=BENEFIT,
    )
    assert remit.outcome is Outcome.REFUSE
