"""Names compared for attribution are compared on what they look like."""

from __future__ import annotations

import pytest

from counter.parties.skeleton import CONFUSABLES, same_name, skeleton

#: every way a township's record spelt a hall clerk's name that read as "其其格" on the hall's screens
QIQIGE_VARIANTS = [
    "其\u200b其格",  # zero-width space
    "其\u200c其格",  # zero-width non-joiner
    "其\u200d其格",  # zero-width joiner
    "其其格\ufe0f",  # variation selector 16
    "其其格\U000e0100",  # an ideographic variation selector
    "其\u2060其格",  # word joiner
    "\ufeff其其格",  # the byte-order mark, a zero-width no-break space
    "其其\u3000格",  # an ideographic space
    "其\u00ad其格",  # soft hyphen
    "其\u202e其格",  # a direction override
]


@pytest.mark.parametrize("variant", QIQIGE_VARIANTS)
def test_the_look_alikes_of_a_name_are_the_name(variant: str) -> None:
    assert variant != "其其格"
    assert same_name(variant, "其其格")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ｂａｔｕ", "Batu"),  # full-width
        ("Bаtu", "Batu"),  # Cyrillic а
        ("ΒΑΤU", "batu"),  # Greek capitals
        ("wangfang", "WANGFANG"),
        ("王芳０１", "王芳01"),
        ("王\uf90a", "王金"),  # a CJK compatibility ideograph (U+F90A 金)
        ("⼯号", "工号"),  # a Kangxi radical (U+2F2F)
        ("エ号", "工号"),  # katakana e
        ("阿依古丽·买买提", "阿依古丽・买买提"),
        ("ᠪᠠ\u180bᠲᠤ", "ᠪᠠᠲᠤ"),
    ],
)
def test_look_alikes_across_scripts_and_widths(a: str, b: str) -> None:
    assert same_name(a, b)


def test_different_names_stay_different() -> None:
    assert not same_name("其其格", "其木格")
    assert not same_name("王芳", "王方")
    assert not same_name("", "")  # an empty name is nobody's
    assert skeleton("ᠪᠠᠲᠤ") != skeleton("ᠪᠠᠲᠠ")


def test_the_table_maps_to_its_prototype_only() -> None:
    """No prototype is itself a look-alike: one pass of the table gives the skeleton."""
    assert not set(CONFUSABLES.values()) & set(CONFUSABLES)
