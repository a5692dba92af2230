"""A hall clerk's name with a direction mark after it, in a township's rating, is still the hall clerk's name.

The other look-alikes (zero-width space and joiner, word joiner, variation selector, full-width and Cyrillic
letters) are in tests/parties/test_skeleton.py and tests/sync/test_sender_checks.py; a trailing mark is invisible on
every list the hall reads and was the one spelling not tried.
"""

from __future__ import annotations

import pytest

from counter.parties.skeleton import same_name, skeleton
from counter.sync.sender_checks import Refusal, check_case
from tests.sync.test_records import case_record
from tests.sync.test_sender_checks import QIQIGE_HALL, rated_by

TRAILING_MARKS = ["其其格\u200f", "其其格\u200e", "其其格\u061c", "其其格\u200f\u200e"]  # RLM, LRM, ALM, two


@pytest.mark.parametrize("clerk", TRAILING_MARKS)
def test_a_trailing_direction_mark_leaves_the_skeleton_alone(clerk: str) -> None:
    assert clerk != "其其格"
    assert skeleton(clerk) == skeleton("其其格")
    assert same_name(clerk, "其其格")


@pytest.mark.parametrize("clerk", TRAILING_MARKS)
def test_a_rating_of_a_hall_clerk_with_a_trailing_mark_is_refused(clerk: str) -> None:
    found = check_case(rated_by(case_record(), clerk), QIQIGE_HALL)
    assert found is not None
    assert (found.reason, found.detail) == (Refusal.HALL_CLERK, "ratings[0].rating.clerk")
