"""What a clerk types into F7, read by its shape."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from counter.case.lookup import FoundCase, Lookup, LookupKind, read_lookup
from counter.case.status import CaseStatus


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("xam01-20261120-08-0007", Lookup(LookupKind.CASE_NO, "XAM01-20261120-08-0007")),
        ("0007", Lookup(LookupKind.NUMBER_TAIL, "0007")),
        (" 7 ", Lookup(LookupKind.NUMBER_TAIL, "0007")),  # said aloud: "seven"
        ("150102199003076612", Lookup(LookupKind.ID_NUMBER, "150102199003076612")),
        ("15010219900307661x", Lookup(LookupKind.ID_NUMBER, "15010219900307661X")),
        ("１３９ ０４８２ １２３４", Lookup(LookupKind.PHONE, "13904821234")),  # full-width, spaced
        ("乌云 其木格", Lookup(LookupKind.NAME, "乌云其木格")),
        ("Bayar", Lookup(LookupKind.NAME, "Bayar")),
        ("Bayar  Tsogt", Lookup(LookupKind.NAME, "Bayar Tsogt")),  # a Latin name keeps one space between its words
        # Mongolian script too, with its selectors and the narrow space before a suffix
        (" ᠪᠠ\u180bᠲᠤ  ᠪᠠᠶᠠᠷ", Lookup(LookupKind.NAME, "ᠪᠠ\u180bᠲᠤ ᠪᠠᠶᠠᠷ")),
        ("ᠪᠠᠲᠤ\u202fᠶᠢᠨ", Lookup(LookupKind.NAME, "ᠪᠠᠲᠤ\u202fᠶᠢᠨ")),
        ("阿依古丽・买买提", Lookup(LookupKind.NAME, "阿依古丽·买买提")),  # the dot of the ID card, as the name is kept
        ("91152201ma0n12345x", Lookup(LookupKind.ID_NUMBER, "91152201MA0N12345X")),  # a company's credit code
        ("", None),
        ("12345678", None),  # eight digits: no number, phone or tail has that shape
        ("XAM01-2026", None),  # a number cut short
    ],
)
def test_each_shape_is_read_as_what_it_is(typed: str, read: Lookup | None) -> None:
    assert read_lookup(typed) == read


def test_a_surname_alone_is_too_short_to_look_for() -> None:
    assert read_lookup("王") == Lookup(LookupKind.NAME, "王")
    assert Lookup(LookupKind.NAME, "王").too_short
    assert not Lookup(LookupKind.NAME, "王丽").too_short
    assert not Lookup(LookupKind.NUMBER_TAIL, "0007").too_short


def test_a_found_case_is_masked_as_paper_masks() -> None:
    row = FoundCase(
        "XAM01-20261120-01-0007", CaseStatus.ACCEPTED, "我要开小餐馆", "王丽", "152201199003076612", "13904821234",
        dt.date(2026, 11, 20), "1",
    )  # fmt: skip
    assert (row.masked().id_no, row.masked().phone) == ("152201********6612", "139****1234")
    assert row.masked().masked() == row.masked()
    assert dataclasses.replace(row, phone="").masked().phone == ""
