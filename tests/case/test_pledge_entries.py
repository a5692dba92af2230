"""The entries of the steps after a grant on a promise, as the pledge row keeps them: each step's apart, read back as
typed (a 文号's 〔〕 and quotes too), and a text that is not one read as none rather than failing the case page."""

from __future__ import annotations

import pytest

from counter.case.entered_for import Entered
from counter.case.pledge_entries import PledgeAct, entries_text, read_entries, with_entry


def test_each_steps_entry_is_kept_apart_and_read_back_as_typed() -> None:
    check = Entered("乌消责改字〔2026〕第7号", "王消防")
    revocation = Entered('兴消撤字"2026"第1号', "赵支队")
    text = with_entry(with_entry("", PledgeAct.CHECK, check), PledgeAct.REVOCATION, revocation)
    assert read_entries(text) == {PledgeAct.CHECK: check, PledgeAct.REVOCATION: revocation}
    assert with_entry(text, PledgeAct.HEARING, None) == text  # the department's own desk: nothing added


@pytest.mark.parametrize("text", ["", "not json", "[1, 2]", '{"check": {"department_no": 1, "officer": "王"}}'])
def test_a_text_that_is_no_entries_reads_as_none(text: str) -> None:
    assert read_entries(text) == {}


def test_no_entries_are_kept_as_nothing() -> None:
    assert entries_text({}) == ""
