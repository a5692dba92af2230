"""A name is refused at intake when no shipped font would print one of its characters; Mongolian script prints."""

from __future__ import annotations

import datetime as dt

from counter.documents.fonts import unprintable
from counter.intake.parties import (
    Applicant,
    ApplicantKind,
    Parties,
    PartyField,
    PartyProblem,
    PartyProblemCode,
    party_problems,
)
from counter.words.cases import party_problem_why

TODAY = dt.date(2026, 11, 25)
ID_NO = "15220119900101001X"


def person(name: str) -> Parties:
    return Parties(Applicant(ApplicantKind.PERSON, name, ID_NO))


def test_mongolian_chinese_and_rare_names_print() -> None:
    for name in ("ᠪᠠᠲᠤ", "巴图", "䶮", "李𬭚", "ᠪᠠ\u180bᠲᠤ\u202fᠶᠢᠨ", "ᠭᠠ\u180eᠠ", "ᠪᠠ\u180fᠲᠤ", "Batu"):
        assert unprintable(name) == "", name


def test_a_character_no_font_has_is_named_with_its_place() -> None:
    assert unprintable("李\U0001f600") == "2 U+1F600"
    assert unprintable("ᠪᠠᠲᠤ\U0002ebf0") == "5 U+2EBF0"  # CJK Extension I: in none of the shipped fonts
    assert unprintable("ᠪᠠᠲᠤ\U00030000") == ""  # CJK Extension G: BabelStone Han draws it


def test_the_intake_refuses_such_a_name_and_says_why_in_chinese() -> None:
    problems = party_problems(person("李\U0001f600"), TODAY, unprintable)
    assert problems == [PartyProblem(PartyField.APPLICANT_NAME, PartyProblemCode.BAD_TEXT, "unprintable 2 U+1F600")]
    assert party_problem_why(problems[0]) == (
        "第2个字符“\U0001f600”（U+1F600）本系统的字体中没有，打印出来会是空白或方框，请核对证件后改正"
    )
    assert party_problems(person("ᠪᠠᠲᠤ"), TODAY, unprintable) == []
