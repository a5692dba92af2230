"""One normalisation for every free text: NFC, no control, invisible or direction characters, a length per field."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter.parties.text import FIELD_LIMITS, TextField, TextProblem, check_text, clean_text
from counter.sync.records import CaseRecord

# Mongolian script: letters, FVS after a letter, MVS before a final a/e, ZWJ/ZWNJ beside letters (Unicode ch. 13.5)
MONGOLIAN_NAMES = [
    "ᠪᠠᠲᠤ",  # Batu
    "ᠪᠠᠲᠤ ᠮᠥᠩᠬᠡ",  # Batu Möngke
    "ᠴᠢᠴᠢᠭ\u180eᠠ",  # Čečeg-a: MVS before the final a
    "ᠭᠠ\u180bᠯ",  # FVS1 after a letter
    "ᠭᠠ\u180fᠯ",  # FVS4
    "ᠠ\u200dᠠ",  # ZWJ inside a word
    "ᠠ\u200cᠠ",  # ZWNJ inside a word
    "ᠮᠣᠩᠭᠣᠯ\u180eᠠ\u200d 李𬭚 王䶮",  # a joining form at a word's edge, beside rare hanzi
]


@pytest.mark.parametrize("name", MONGOLIAN_NAMES)
def test_mongolian_script_keeps_what_it_needs(name: str) -> None:
    assert check_text(name, TextField.PERSON_NAME).ok


@pytest.mark.parametrize(
    ("text", "problem", "detail"),
    [
        ("张\x00三", TextProblem.CONTROL, "2 U+0000"),
        ("张\x07三", TextProblem.CONTROL, "2 U+0007"),
        ("张三\x85x", TextProblem.CONTROL, "3 U+0085"),
        ("张\u2028三", TextProblem.CONTROL, "2 U+2028"),
        ("张\ufffe三", TextProblem.CONTROL, "2 U+FFFE"),
        ("张\n三", TextProblem.CONTROL, "2 U+000A"),  # a name is one line
        ("其\u200b其格", TextProblem.INVISIBLE, "2 U+200B"),
        ("其\u200c其格", TextProblem.INVISIBLE, "2 U+200C"),  # no Mongolian letter beside it
        ("其\u200d其格", TextProblem.INVISIBLE, "2 U+200D"),
        ("其其格\ufe0f", TextProblem.INVISIBLE, "4 U+FE0F"),
        ("其其格\U000e0100", TextProblem.INVISIBLE, "4 U+E0100"),
        ("其\u2060其格", TextProblem.INVISIBLE, "2 U+2060"),
        ("其\u00ad其格", TextProblem.INVISIBLE, "2 U+00AD"),
        ("其\U000e0041其格", TextProblem.INVISIBLE, "2 U+E0041"),  # a tag character
        ("其\u3164其格", TextProblem.INVISIBLE, "2 U+3164"),  # the Hangul filler
        ("其\u180b其格", TextProblem.INVISIBLE, "2 U+180B"),  # an FVS after a hanzi selects nothing
        ("ᠪ\u180eᠲ", TextProblem.INVISIBLE, "2 U+180E"),  # an MVS not before a final a or e
        ("张\u202e三", TextProblem.BIDI, "2 U+202E"),
        ("张\u2066三", TextProblem.BIDI, "2 U+2066"),
        ("张\u200f三", TextProblem.BIDI, "2 U+200F"),
        ("王" * 51, TextProblem.TOO_LONG, "50 51"),
    ],
)
def test_what_a_name_may_not_hold(text: str, problem: TextProblem, detail: str) -> None:
    check = check_text(text, TextField.PERSON_NAME)
    assert (check.problem, check.detail) == (problem, detail)


def test_the_limits_are_the_forms() -> None:
    assert {f: FIELD_LIMITS[f].most for f in TextField} == {
        TextField.PERSON_NAME: 50,
        TextField.ORGANISATION_NAME: 100,
        TextField.ADDRESS: 120,
        TextField.NOTE: 500,
    }
    assert all(FIELD_LIMITS[f].reason for f in TextField)
    assert check_text("王" * 50, TextField.PERSON_NAME).ok
    assert check_text("路" * 120, TextField.ADDRESS).ok
    assert check_text("路" * 121, TextField.ADDRESS).problem is TextProblem.TOO_LONG
    assert check_text("缺" * 500, TextField.NOTE).ok
    assert check_text("缺" * 501, TextField.NOTE).problem is TextProblem.TOO_LONG


def test_a_note_keeps_its_line_breaks() -> None:
    check = check_text("第一行\r\n第二行\n", TextField.NOTE)
    assert check.ok
    assert check.value == "第一行\n第二行"


def test_kept_in_nfc_and_trimmed() -> None:
    decomposed = "Jose\u0301 "  # e + combining acute
    assert clean_text(decomposed, TextField.PERSON_NAME) == "José"
    assert clean_text("\u3000张三\u3000", TextField.PERSON_NAME) == "张三"


@pytest.mark.parametrize("dot", ["\u30fb", "\uff65", "\u2022", "\u2027", "\u2219", "\u22c5", "\u00b7"])
def test_a_names_dot_is_the_id_cards_whichever_was_typed(dot: str) -> None:
    """阿依古丽・买买提 typed with the input method's dot was kept apart from the card's 阿依古丽·买买提."""
    assert clean_text(f"阿依古丽{dot}买买提", TextField.PERSON_NAME) == "阿依古丽\u00b7买买提"
    assert clean_text(f"第一{dot}第二", TextField.ADDRESS) == f"第一{dot}第二"  # an address is kept as written


def test_every_limit_fits_the_package_that_carries_it() -> None:
    """What a desk takes, its township's package carries: the desk's limits are within the package's columns."""
    columns = {
        "applicant_name": TextField.ORGANISATION_NAME, "legal_rep": TextField.PERSON_NAME,
        "agent_name": TextField.PERSON_NAME, "applicant_address": TextField.ADDRESS,
        "delivery_address": TextField.ADDRESS, "agent_authorisation": TextField.NOTE, "turn_to": TextField.NOTE,
    }  # fmt: skip
    for column, field in columns.items():
        assert FIELD_LIMITS[field].most <= CaseRecord.LIMITS[column], column


@given(st.text())
def test_a_text_that_passes_holds_nothing_the_package_refuses(text: str) -> None:
    """Whatever passes is storable: no NUL, no half surrogate pair, NFC, within its limit."""
    for field in TextField:
        check = check_text(text, field)
        if check.ok:
            assert "\x00" not in check.value
            assert not any(0xD800 <= ord(c) <= 0xDFFF for c in check.value)
            assert unicodedata.is_normalized("NFC", check.value)
            assert len(check.value) <= FIELD_LIMITS[field].most
