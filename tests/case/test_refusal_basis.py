"""A department's 不予受理's ground, kept at the head of its reasons in the history's note, and read back."""

from __future__ import annotations

import pytest

from counter.case.decisions import item_decisions
from counter.case.refusal_basis import NO_BASIS, RefusalBasis, basis_mark, split_basis
from counter.case.status import CaseEvent
from counter.intake.outcome import RefusalGround


@pytest.mark.parametrize(
    "basis",
    [
        NO_BASIS,
        RefusalBasis(RefusalGround.NO_LICENCE_NEEDED),
        RefusalBasis(RefusalGround.NOT_IN_REMIT, "阿尔山市公安局"),
    ],
)
def test_each_ground_reads_back_as_kept(basis: RefusalBasis) -> None:
    assert split_basis(basis_mark(basis) + "经营场所不在本辖区") == (basis, "经营场所不在本辖区")


@pytest.mark.parametrize(
    "text", ["经营场所不在本辖区", "〔第九项〕理由", "〔第二项〕无有权机关", "〔第一项：多余〕理由"]
)
def test_a_note_written_before_the_mark_or_not_in_its_shape_reads_as_another_ground_whole(text: str) -> None:
    assert split_basis(text) == (NO_BASIS, text)


class _Line:
    def __init__(self, note: str) -> None:
        self.event, self.note = CaseEvent.ITEM_REFUSED.value, note


def test_the_decision_keeps_the_ground_apart_from_its_reasons() -> None:
    basis = RefusalBasis(RefusalGround.NOT_IN_REMIT, "阿尔山市公安局")
    decision = item_decisions([_Line("11152200MB1 ：" + basis_mark(basis))])["11152200MB1"]
    assert (decision.not_accepted, decision.basis, decision.text) == (True, basis, "")
