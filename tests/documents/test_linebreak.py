"""Chinese line breaking: no closing mark starts a line, no opening mark ends one."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from counter.documents.linebreak import CANNOT_END, CANNOT_START, break_lines


def advance(char: str) -> float:
    return 0.5 if char.isascii() else 1.0


TEXT = st.text(
    alphabet=st.sampled_from(
        [*"受理凭证申请材料齐全符合法定形式王䶮𬭚", *"，。、；：？！）》”’…—", *"（《“‘", *"0123456789ABCxyz-/ "]
    ),
    max_size=120,
)


@given(text=TEXT, width=st.floats(min_value=1.0, max_value=30.0), indent=st.floats(min_value=0.0, max_value=4.0))
def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(text: str, width: float, indent: float) -> None:
    lines = break_lines(text, width, advance, first_width=max(width - indent, 1.0))
    assert "".join(lines) == text  # nothing lost, nothing added
    for before, after in itertools.pairwise(lines):
        assert after[:1] not in CANNOT_START, lines
        assert before[-1:] not in CANNOT_END, lines


@given(text=TEXT, width=st.floats(min_value=3.0, max_value=30.0))
def test_a_line_overflows_only_where_no_break_is_allowed(text: str, width: float) -> None:
    lines = break_lines(text, width, advance)
    for line in lines:
        if sum(map(advance, line)) > width:
            # the overflowing part holds no allowed break inside the measure
            inside = [i for i in range(1, len(line)) if sum(map(advance, line[:i])) <= width]
            allowed = [i for i in inside if line[i] not in CANNOT_START and line[i - 1] not in CANNOT_END]
            assert not allowed, (line, allowed)


def test_punctuation_moves_with_its_character() -> None:
    # "，" would fall at the start of the second line: the character before it comes along
    assert break_lines("你好世界，再见", 4.0, advance) == ["你好世", "界，再见"]
    # "（" would end the first line: it goes down with what it opens
    assert break_lines("申请书（原件）", 4.0, advance) == ["申请书", "（原件）"]


def test_latin_runs_stay_whole_and_newlines_break() -> None:
    lines = break_lines("办件编号XAM01-20261120-08-0001已受理", 12.0, advance)
    assert lines == ["办件编号", "XAM01-20261120-08-0001已", "受理"]
    # a run longer than the line is split, still never before a closing mark
    assert break_lines("ABCDEFGH,IJ", 2.0, advance) == ["ABCD", "EFG", "H,IJ"]
    assert break_lines("第一行\n第二行", 10.0, advance) == ["第一行", "第二行"]
