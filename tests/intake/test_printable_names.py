"""A name with a character no shipped font draws is the applicant's all the same: taken, and flagged with the
character; Mongolian script prints."""

from __future__ import annotations

import datetime as dt

from counter.documents.fonts import missing_glyphs, unprintable
from counter.intake.parties import (
    Agent,
    Applicant,
    ApplicantKind,
    Parties,
    PartyField,
    UnprintedChar,
    party_problems,
    unprinted_chars,
)

TODAY = dt.date(2026, 11, 25)
ID_NO = "15220119900101001X"
BEYOND_THE_FONTS = "\U000323b0"  # U+323B0, CJK Extension J (Unicode 17): in none of the shipped fonts


def person(name: str) -> Parties:
    return Parties(Applicant(ApplicantKind.PERSON, name, ID_NO))


def test_mongolian_chinese_and_rare_names_print() -> None:
    for name in ("ᠪᠠᠲᠤ", "巴图", "䶮", "李𬭚", "ᠪᠠ\u180bᠲᠤ\u202fᠶᠢᠨ", "ᠭᠠ\u180eᠠ", "ᠪᠠ\u180fᠲᠤ", "Batu"):
        assert unprintable(name) == "", name
        assert missing_glyphs(name) == (), name


def test_a_character_no_font_has_is_named_with_its_place() -> None:
    assert unprintable("李\U0001f600") == "2 U+1F600"
    assert unprintable("ᠪᠠᠲᠤ" + BEYOND_THE_FONTS) == "5 U+323B0"
    assert unprintable("ᠪᠠᠲᠤ\U00030000") == ""  # CJK Extension G: Plangothic draws it
    assert unprintable("ᠪᠠᠲᠤ\U0002ebf0\U0002ee5d") == ""  # CJK Extension I, first and last: Jigmo2 draws them
    assert missing_glyphs(f"{BEYOND_THE_FONTS}李{BEYOND_THE_FONTS}\U0001f600") == (
        BEYOND_THE_FONTS,
        "\U0001f600",
    )  # each once


def test_the_intake_takes_such_a_name_and_flags_its_character() -> None:
    parties = Parties(
        Applicant(ApplicantKind.PERSON, "王" + BEYOND_THE_FONTS, ID_NO),
        agent=Agent("李" + BEYOND_THE_FONTS, "", "委托书"),
    )
    assert not [p for p in party_problems(parties, TODAY) if p.field is PartyField.APPLICANT_NAME]
    flagged = unprinted_chars(parties, missing_glyphs)
    assert flagged == [
        UnprintedChar(PartyField.APPLICANT_NAME, BEYOND_THE_FONTS),
        UnprintedChar(PartyField.AGENT_NAME, BEYOND_THE_FONTS),
    ]
    assert flagged[0].code == "U+323B0"
    assert unprinted_chars(person("ᠪᠠᠲᠤ"), missing_glyphs) == []
