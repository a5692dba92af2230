"""How the facts of a case and a guide are worded on paper: dates, places, hours, counts.

Shared by the case documents and the guide notice; every word comes from
:mod:`counter.texts`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from counter import texts
from counter.catalog.model import Bundle
from counter.documents.data import Numbered, OfficeSettings


def date_text(day: dt.date) -> str:
    return texts.DOC_DATE.format(year=day.year, month=day.month, day=day.day)


def optional_date(day: dt.date | None) -> str:
    return date_text(day) if day is not None else texts.DOC_NOT_STATED


def place(bundle: Bundle, office: OfficeSettings) -> str:
    return bundle.address.one_line() if bundle.address is not None else office.address


def hours(bundle: Bundle) -> str:
    lines = [
        texts.DOC_HOURS_LINE.format(
            days=h.days,
            periods=texts.DOC_HOURS_JOIN.join(h.periods),
            note=texts.DOC_HOURS_NOTE.format(note=h.note) if h.note else "",
        )
        for h in bundle.hours
    ]
    return "\n".join(lines) if lines else texts.DOC_NOT_STATED


def consult_phone(bundle: Bundle, office: OfficeSettings) -> str:
    return bundle.consult_phone or office.consult_phone


def items_text(bundle: Bundle) -> str:
    return texts.DOC_LIST_JOIN.join(item.name for item in bundle.items)


def numbered(items: Iterable[str]) -> Numbered:
    return Numbered(tuple((texts.DOC_NUMBERED.format(number=n), text) for n, text in enumerate(items, 1)))
