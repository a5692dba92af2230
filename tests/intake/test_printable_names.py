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
EXTENSION_I = "\U0002ebf0"  # the first of the 622 公安人口信息专用字库补充汉字: in none of the shipped fonts


def person(name: str) -> Parties:
    return Parties(Applicant(ApplicantKind.PERSON, name, ID_NO))


def test_mongolian_chinese_and_rare_names_print() -> None:
    for name in ("ᠪᠠᠲᠤ", "巴图", "䶮", "李𬭚", "ᠪᠠ\u180bᠲᠤ\u202fᠶᠢᠨ", "ᠭᠠ\u180eᠠ", "ᠪᠠ\u180fᠲᠤ", "Batu"):
        assert unprintable(name) == "", name
        assert missing_glyphs(name) == (), name


def test_a_character_no_font_has_is_named_with_its_place() -> None:
    assert unprintable("李\U0001f600") == "2 U+1F600"
    assert unprintable("ᠪᠠᠲᠤ" + EXTENSION_I) == "5 U+2EBF0"
    assert unprintable("ᠪᠠᠲᠤ\U00030000") == ""  # CJK Extension G: BabelStone Han draws it
    assert missing_glyphs(f"{EXTENSION_I}李{EXTENSION_I}\U0001f600") == (EXTENSION_I, "\U0001f600")  # each once


def test_the_intake_takes_such_a_name_and_flags_its_character() -> None:
    parties = Parties(
        Applicant(ApplicantKind.PERSON, "王" + EXTENSION_I, ID_NO), agent=Agent("李" + EXTENSION_I, "", "委托书")
    )
    assert not [p for p in party_problems(parties, TODAY) if p.field is PartyField.APPLICANT_NAME]
    flagged = unprinted_chars(parties, missing_glyphs)
    assert flagged == [
        UnprintedChar(PartyField.APPLICANT_NAME, EXTENSION_I),
        UnprintedChar(PartyField.AGENT_NAME, EXTENSION_I),
    ]
    assert flagged[0].code == "U+2EBF0"
    assert unprinted_chars(person("ᠪᠠᠲᠤ"), missing_glyphs) == []
