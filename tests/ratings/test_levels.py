"""The five levels, their codings in the shipped code lists with their sources, and what counts as 好评 and 差评."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter.platform.code_lists import NoCode
from counter.ratings.levels import BAD_LEVELS, Channel, Level, is_bad
from tests.codings import OTHERS, shipped_codings

GBT = shipped_codings(OTHERS)  # GB/T 39046-2020 附录 A.8
HCP = shipped_codings()  # the 好差评 interfaces


def test_gbt_39046_a8_counts_from_the_best() -> None:
    assert [GBT.code("level", level) for level in Level] == ["1", "2", "3", "4", "5"]
    assert "A.8" in GBT.preset("level").source


def test_the_hcp_interfaces_count_from_the_worst() -> None:
    assert [HCP.code("level", level) for level in Level] == ["5", "4", "3", "2", "1"]
    assert "好差评接口" in HCP.preset("level").source


@given(st.sampled_from(Level))
def test_the_two_codings_mirror_each_other(level: Level) -> None:
    assert int(GBT.code("level", level)) + int(HCP.code("level", level)) == 6


def test_basic_satisfaction_is_a_good_rating_and_only_two_levels_are_bad() -> None:
    assert {Level.DISSATISFIED, Level.VERY_DISSATISFIED} == BAD_LEVELS
    assert not is_bad(Level.BASIC)
    assert [is_bad(level) for level in Level] == [False, False, False, True, True]


def test_the_window_pad_is_channel_four_and_the_channels_are_table_9s_seven() -> None:
    assert HCP.code("channel", Channel.HALL_TABLET) == "4"
    # 书面评价 is the region's, 系统默认评价 a site's own: neither is one of 表 9's seven
    table_9 = [c for c in Channel if c not in (Channel.WRITTEN, Channel.SYSTEM_DEFAULT)]
    assert sorted(HCP.code("channel", c) for c in table_9) == ["1", "2", "3", "4", "5", "6", "7"]
    with pytest.raises(NoCode):  # no preset codes it: a paper rating is held back, never sent under another code
        HCP.code("channel", Channel.WRITTEN)
    assert GBT.code("channel", Channel.HALL_TABLET) == "政务大厅平板电脑"  # 表 9 names them, numbers none
