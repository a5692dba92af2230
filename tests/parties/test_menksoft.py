"""Mongolian in 蒙科立 (Menksoft) codes becomes Unicode; any other private-use code point is refused."""

from __future__ import annotations

import pytest

from counter.parties.menksoft import FIRST, LAST, from_menksoft
from counter.parties.text import TextField, TextProblem, check_text, private_use
from counter.words.texts import text_problem_text

MONGGOL = "\ue2f2\ue289\ue2bc\ue2ec\ue289\ue2f9"  # ᠮᠣᠩᠭᠣᠯ: initial ma, medial o, ng, g (dotted), o, final la
BICHIG = "\ue2c1\ue27f\ue317\ue27e\ue2e8"  # ᠪᠢᠴᠢᠭ


@pytest.mark.parametrize(
    ("menksoft", "unicode"),
    [
        (MONGGOL, "ᠮᠣᠩᠭᠣᠯ"),
        (BICHIG, "ᠪᠢᠴᠢᠭ"),
        ("\ue2b1\ue26a", "ᠨ\u180eᠠ"),  # a final a after the vowel separator: the MVS comes back
        ("\ue30e\ue26c\ue2b5", "ᠳᠠᠨ"),  # initial da (tooth), medial a, final na
        ("\ue2c1\ue26c\ue30a\ue28d \ue28d", "ᠪᠠᠲᠤ\u202fᠤ"),  # a suffix after its narrow no-break space
        ("\ue245\ue244", "᠑᠐"),  # Mongolian digits
        ("巴图 \ue2c1", "巴图 ᠪ"),  # the rest as it was
    ],
)
def test_menksoft_codes_become_the_letters_they_draw(menksoft: str, unicode: str) -> None:
    assert from_menksoft(menksoft) == unicode


def test_every_menksoft_code_becomes_standard_text() -> None:
    for code in range(FIRST, LAST + 1):
        converted = from_menksoft(chr(code))
        assert converted
        assert not any(private_use(ord(c)) for c in converted), hex(code)


def test_a_menksoft_name_is_kept_in_unicode() -> None:
    check = check_text(MONGGOL, TextField.PERSON_NAME)
    assert (check.value, check.problem) == ("ᠮᠣᠩᠭᠣᠯ", None)
    office = check_text(f"{MONGGOL} {BICHIG}", TextField.ORGANISATION_NAME)
    assert (office.value, office.problem) == ("ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ", None)


@pytest.mark.parametrize(
    ("value", "detail"),
    [("\ue000\ue001\ue002", "1 U+E000"), ("巴图\uf8ff", "3 U+F8FF"), ("\U000f0001", "1 U+F0001")],
)
def test_another_private_use_code_point_is_refused(value: str, detail: str) -> None:
    check = check_text(value, TextField.PERSON_NAME)
    assert (check.problem, check.detail) == (TextProblem.PRIVATE_USE, detail)
    assert check_text(value, TextField.ADDRESS).problem is TextProblem.PRIVATE_USE
    sentence = text_problem_text(TextProblem.PRIVATE_USE, check.detail)
    assert sentence.startswith(f"第{detail.split(maxsplit=1)[0]}个字符（{detail.split()[1]}）")
    assert "私用区" in sentence
