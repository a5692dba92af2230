"""The receipt of an intake a hall desk took in outage mode (its number in the outage series, from 8001) says the case
is yet to be entered into the hall's system under the same number: the window receives and forwards, and decides
nothing while it cannot reach its server.  Any other number's receipt says nothing of it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from counter.case.numbers import OUTAGE_FIRST, TRAINING_FIRST, taken_in_outage
from counter.documents.model import DocumentKind
from tests.documents.conftest import CASE_OF_KIND, DemoCases
from tests.documents.test_acceptance import RECEIVED, read

ENTERED = "连接恢复后，本件即录入本中心政务服务系统，办件编号不变"


def test_an_outage_receipt_says_the_case_will_be_entered(demo: DemoCases, tmp_path: Path) -> None:
    view = demo.views[CASE_OF_KIND[DocumentKind.RECEIPT]]
    outage = dataclasses.replace(view, case_no="XAM01-20261124-08-8001")
    text = read(demo, DocumentKind.RECEIPT, RECEIVED, tmp_path, view=outage)
    assert "收件凭证" in text
    assert ENTERED in "".join(text.split())
    assert "本机关决定" not in text
    assert ENTERED not in "".join(read(demo, DocumentKind.RECEIPT, RECEIVED, tmp_path).split())


def test_only_the_outage_series_is_taken_in_outage() -> None:
    assert [taken_in_outage(f"XAM01-20261124-08-{n:04d}") for n in (1, 8000, OUTAGE_FIRST, 9000, TRAINING_FIRST)] == [
        False, False, True, True, False,
    ]  # fmt: skip
    assert not taken_in_outage("not a number")
