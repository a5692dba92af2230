"""What a clerk types into F7, read by its shape."""

from __future__ import annotations

import pytest

from counter.case.lookup import Lookup, LookupKind, read_lookup


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
        ("", None),
        ("12345678", None),  # eight digits: no number, phone or tail has that shape
        ("XAM01-2026", None),  # a number cut short
    ],
)
def test_each_shape_is_read_as_what_it_is(typed: str, read: Lookup | None) -> None:
    assert read_lookup(typed) == read
