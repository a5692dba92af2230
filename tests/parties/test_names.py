"""The rater's name on the pad: surname kept, the rest hidden, the length shown."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter.parties.names import SEPARATORS, mask_name


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("王五", "王*"),
        ("张海军", "张**"),
        ("欧阳娜娜", "欧阳**"),
        ("司马光", "司马*"),
        ("欧阳", "欧*"),  # a two-character name that is only a compound surname keeps one character
        ("王䶮", "王*"),
        ("李𬭚", "李*"),
        ("巴特尔", "巴**"),
        ("阿依古丽·买买提", "阿***·***"),
        ("  赵雪梅 ", "赵**"),
        ("王", "王"),
        ("", ""),
    ],
)
def test_masked_names(name: str, masked: str) -> None:
    assert mask_name(name) == masked


names = st.text(alphabet=st.sampled_from("王张欧阳娜海军䶮𬭚巴特尔·司马"), min_size=2, max_size=12)


@given(names)
def test_the_masked_name_keeps_the_length_and_at_most_the_surname(name: str) -> None:
    masked = mask_name(name)
    assert len(masked) == len(name)
    kept = len(masked) - masked.count("*")
    separators = sum(c in SEPARATORS for c in name[1:])
    assert kept - separators in (1, 2)
    assert masked[0] == name[0]
