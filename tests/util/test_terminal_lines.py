"""Help text broken by the columns it takes on a terminal: Chinese counts two a character and breaks between them,
other text breaks at its spaces, and no line begins with a closing mark or ends with an opening one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter.util.terminal_lines import columns, wrapped

OVERRIDES = (
    "权利告知的例外：部门全称=复议机关|法院，多条用“；”隔开（法院可空，文书则写“有管辖权的人民法院”），"
    "如 乌兰浩特市消防救援大队=兴安盟消防救援支队|乌兰浩特市人民法院"
)


def test_a_chinese_character_takes_two_columns() -> None:
    assert columns("办件编号 XAM01") == 8 + 1 + 5
    assert columns("（，）") == 6


def test_chinese_is_broken_between_characters_within_the_width() -> None:
    lines = wrapped("本单位名称，印在本单位文书的抬头和落款，如 兴安盟政务服务中心", 20)
    assert all(columns(line) <= 20 for line in lines)
    assert len(lines) > 2
    assert lines == ["本单位名称，印在本单", "位文书的抬头和落款，", "如 兴安盟政务服务中", "心"]


def test_other_text_is_broken_at_its_spaces_and_a_long_word_is_kept_whole() -> None:
    assert wrapped("use --item CODE and 2027-01-01,off", 12) == ["use --item", "CODE and", "2027-01-01,off"]
    assert wrapped("https://zwfw.xam.gov.cn/progress?case=", 10) == ["https://zwfw.xam.gov.cn/progress?case="]


def test_white_space_runs_are_one_space() -> None:
    assert wrapped("  a \n b  ", 10) == ["a b"]
    assert wrapped("", 10) == []


@pytest.mark.parametrize("width", [11, 20, 30, 54])
def test_no_line_begins_with_a_closing_mark_nor_ends_with_an_opening_one(width: int) -> None:
    lines = wrapped(OVERRIDES, width)
    assert all(columns(line) <= width for line in lines)
    assert not [line for line in lines[1:] if line[0] in "，。；：）”、"]
    assert not [line for line in lines[:-1] if line[-1] in "（“"]


@given(st.text(alphabet="办件编号，。（）“”ab -=|12", max_size=80), st.integers(min_value=2, max_value=60))
def test_nothing_is_lost_nor_a_line_too_wide_but_a_word_that_cannot_be_broken(text: str, width: int) -> None:
    lines = wrapped(text, width)
    assert "".join(lines).replace(" ", "") == "".join(text.split())
    assert all(columns(line) <= width or (" " not in line and line.isascii()) for line in lines)
