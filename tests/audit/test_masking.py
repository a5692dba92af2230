"""Free text on its way into the trail: personal numbers masked, everything else as typed."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from counter.audit.masking import masked_text
from counter.parties.identifiers import make_id_number
from counter.parties.masking import mask_id, mask_phone

ID = make_id_number("152201", dt.date(1975, 5, 4), 211)


def test_id_numbers_and_phones_are_masked_as_on_paper() -> None:
    text = f"申请人{ID}来电，手机13904821111，座机0482-8123456"
    assert (
        masked_text(text)
        == f"申请人{mask_id(ID)}来电，手机{mask_phone('13904821111')}，座机{mask_phone('0482-8123456')}"
    )


def test_case_numbers_dates_and_short_numbers_stay() -> None:
    text = "重复录入，正确的办件为XAM01-20261120-08-0007，2026-11-20补交3份"
    assert masked_text(text) == text


@given(
    birth=st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2020, 12, 31)),
    order=st.integers(min_value=0, max_value=999),
    phone=st.from_regex(r"1[3-9]\d{9}", fullmatch=True),
    words=st.text(alphabet="，。作废原因回访已说明", max_size=10),
)
def test_no_whole_id_or_phone_survives(birth: dt.date, order: int, phone: str, words: str) -> None:
    id_no = make_id_number("152201", birth, order)
    masked = masked_text(f"{words}{id_no}{words}电话{phone}{words}")
    assert id_no not in masked
    assert phone not in masked
    assert words in masked


def test_a_run_of_digits_inside_an_identifier_is_not_a_phone() -> None:
    """A case's uid is hexadecimal: eleven digits from a 1 inside it were masked as a mobile number, so the log line
    support looks for by the uid no longer held it."""
    line = "case 52e13065875045cbaa8cc7756bcbe5a4 refused; rang 13904821111"
    assert masked_text(line) == "case 52e13065875045cbaa8cc7756bcbe5a4 refused; rang 139****1111"
