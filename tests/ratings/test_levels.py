"""The five levels, their two numeric codings, and what counts as 好评 and 差评."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter.ratings.levels import (
    BAD_LEVELS,
    CHANNEL_CODE,
    Channel,
    Coding,
    Level,
    is_bad,
    level_code,
)


def test_best_first_counts_from_the_best() -> None:
    assert [level_code(level, Coding.BEST_FIRST) for level in Level] == [1, 2, 3, 4, 5]


def test_worst_first_counts_from_the_worst_as_the_stars_do() -> None:
    assert [level_code(level, Coding.WORST_FIRST) for level in Level] == [5, 4, 3, 2, 1]


def test_the_old_names_still_read_as_the_same_codings() -> None:
    """Scripts written when the codings were named ``gbt39046`` and ``interface`` get the same numbers."""
    assert Coding("gbt39046") is Coding.BEST_FIRST
    assert Coding("interface") is Coding.WORST_FIRST
    with pytest.raises(ValueError, match="stars"):
        Coding("stars")


def test_no_coding_is_credited_to_gbt_39046() -> None:
    """GB/T 39046-2020 is the platform's basic-data specification: no coding of levels is known to come from it."""
    assert all("39046" not in coding.value for coding in Coding)


@given(st.sampled_from(Coding))
def test_each_level_has_a_code_of_its_own(coding: Coding) -> None:
    assert sorted(level_code(level, coding) for level in Level) == [1, 2, 3, 4, 5]


@given(st.sampled_from(Level))
def test_the_two_codings_mirror_each_other(level: Level) -> None:
    assert level_code(level, Coding.BEST_FIRST) + level_code(level, Coding.WORST_FIRST) == 6


def test_basic_satisfaction_is_a_good_rating_and_only_two_levels_are_bad() -> None:
    assert {Level.DISSATISFIED, Level.VERY_DISSATISFIED} == BAD_LEVELS
    assert not is_bad(Level.BASIC)
    assert [is_bad(level) for level in Level] == [False, False, False, True, True]


def test_the_window_pad_is_channel_four() -> None:
    assert CHANNEL_CODE[Channel.HALL_TABLET] == 4
    assert sorted(CHANNEL_CODE.values()) == [1, 2, 3, 4, 5, 6, 7]
