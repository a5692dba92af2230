"""The papers of a promise found false as the domain writes them (counter.documents.notice_pledge), without a
database: the revocation states the one 复查 finding and what the hearing gave, the hearing's period runs from its
service in working days, and the 告知承诺书 tells the whole chain of the item's law."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from counter.case.view import CaseView
from counter.catalog.model import Item
from counter.documents.model import DocumentNotPossible, DocumentProblem
from counter.documents.notice_pledge import PledgeFacts, hearing_notice, pledge_notice, revocation
from tests.documents.conftest import TODAY, DemoCases
from tests.documents.test_item_law import named, shipped, taken_under
from tests.documents.test_model import _all_text


def _on(days: int) -> dt.date:
    return TODAY + dt.timedelta(days=days)


#: found false on day 10, ordered corrected within 5 working days of its service on day 11 (until day 18), the 复查 on
#: day 21 finding it corrected but still not as promised, heard from day 21 for 5 working days from service on day 23
FACTS = PledgeFacts(
    TODAY, _on(30), _on(10), "疏散通道被封堵。", _on(18), _on(21), _on(30), _on(31),
    correct_days=5, correction_served=_on(11), hear_days=5, hearing_served=_on(23), recheck="still_not",
    rechecked_on=_on(21), recheck_finding="安全出口仍上锁",
)  # fmt: skip


def _fire(demo: DemoCases) -> tuple[CaseView, Item]:
    bundle = shipped("035")
    [item] = [i for i in bundle.items if i.pledge is not None]
    return taken_under(demo.views["受理"], bundle), item


def test_the_revocation_states_one_recheck_finding_and_the_hearing(demo: DemoCases) -> None:
    view, item = _fire(demo)
    said = dataclasses.replace(FACTS, said="货物已清走", answer="复查时安全出口仍上锁，所述不成立")
    text = _all_text(revocation(view, item, named(demo), "N-1", said, "你"))
    assert "复查，你改正后仍不符合承诺内容：安全出口仍上锁。" in text
    assert "期满未改正" not in text
    assert "你提出陈述、申辩意见：货物已清走。本机关复核认为：复查时安全出口仍上锁，所述不成立。" in text
    nothing = _all_text(revocation(view, item, named(demo), "N-1", FACTS, "你"))
    assert "你在陈述、申辩期限内未提出陈述、申辩意见。" in nothing


def test_the_hearing_gives_working_days_from_service_and_needs_the_review_body(demo: DemoCases) -> None:
    view, item = _fire(demo)
    text = _all_text(hearing_notice(view, item, named(demo), "N-1", FACTS, "你"))
    assert "请自收到本告知书之日起5个工作日内向本机关提出陈述、申辩意见" in text
    with pytest.raises(DocumentNotPossible) as refused:  # it announces a revocation that could not name its body
        hearing_notice(view, item, demo.office, "N-1", FACTS, "你")
    assert refused.value.problems == (DocumentProblem.REVIEW_BODY_UNNAMED,)


def test_the_pledge_tells_the_chain_of_the_items_law(demo: DemoCases) -> None:
    bundle = shipped("035")
    view, item = _fire(demo)
    text = _all_text(pledge_notice(view, bundle, item, named(demo), "N-1", FACTS))
    assert "第五十八条第二款的规定书面责令限期改正，期满后复查" in text
    assert "听取申请人的陈述、申辩后，依照《中华人民共和国行政许可法》第六十九条第二款的规定撤销行政许可" in text
    assert item.pledge is not None
    plain = dataclasses.replace(item, pledge=dataclasses.replace(item.pledge, correction=""))
    text = _all_text(pledge_notice(view, bundle, plain, named(demo), "N-1", FACTS))
    assert "责令限期改正" not in text  # no correction in the item's law: heard, then revoked
    assert "本机关书面告知拟撤销行政许可的事实、理由和依据" in text
