"""第一项 per item: the finding "申请事项依法不需要取得行政许可" is made of named licences, never of a bundle.

行政许可法 第三十二条第一款第一项 reaches a 行政许可 only: a tax office's registration in the same bundle is not
refused under it, and a licence the clerk did not name is not decided by the notice.
"""

from __future__ import annotations

from dataclasses import replace

from counter.catalog.model import ItemType
from counter.intake.no_licence import MARK, names_no_licence, no_licence_codes, no_licence_text
from counter.intake.outcome import Outcome, Reason, ReasonCode, Refusal, RefusalGround
from counter.intake.turn_to import turn_to_text
from tests.intake.samples import RESTAURANT, everything_received
from tests.intake.test_outcome import decide_now

# 设立登记 and 小餐饮店登记 licences; 环境影响登记表备案 a 其他行政权力
MIXED = replace(
    RESTAURANT,
    items=(*RESTAURANT.items[:2], replace(RESTAURANT.items[2], item_type=ItemType.OTHER_ADMINISTRATIVE)),
)


def refused(codes: tuple[str, ...]) -> Refusal:
    return Refusal(RefusalGround.NO_LICENCE_NEEDED, no_licence_text(codes))


def test_the_first_ground_is_found_of_the_licences_named_alone() -> None:
    decision = decide_now(everything_received(MIXED), refusal=refused(("XCY",)), bundle=MIXED)
    assert decision.outcome is Outcome.REFUSE
    assert decision.refusal is RefusalGround.NO_LICENCE_NEEDED
    assert decision.turn_to == f"XCY：{MARK}"
    assert no_licence_codes(decision.turn_to, [i.code for i in MIXED.items]) == ("XCY",)
    assert names_no_licence(decision.turn_to)
    assert not names_no_licence(turn_to_text([("XCY", "兴安盟市场监督管理局")]))


def test_the_first_ground_names_at_least_one_licence() -> None:
    decision = decide_now(everything_received(MIXED), refusal=Refusal(RefusalGround.NO_LICENCE_NEEDED), bundle=MIXED)
    assert decision.outcome is Outcome.INCOMPLETE
    assert decision.reasons == (Reason(ReasonCode.NO_LICENCE_ITEMS_MISSING),)


def test_the_first_ground_is_never_found_of_an_item_that_is_no_licence() -> None:
    decision = decide_now(everything_received(MIXED), refusal=refused(("REG", "HJ")), bundle=MIXED)
    assert decision.outcome is Outcome.INCOMPLETE
    assert decision.reasons == (Reason(ReasonCode.NO_LICENCE_NOT_LICENCE, "HJ", "环境影响登记表备案"),)
