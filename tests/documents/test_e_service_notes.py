"""电子送达's rules of its own (counter.documents.e_service): the platform's day of delivery is a day of service only
between the sending and today, and the history's notes read back as written."""

from __future__ import annotations

import datetime as dt

from counter.documents.e_service import (
    Agreement,
    EServiceProblem,
    ServiceMeans,
    agreement_note,
    delivery_problem,
    read_served_note,
    served_note,
)
from counter.documents.kinds import DocumentKind

SENT = dt.date(2026, 11, 24)
TODAY = dt.date(2026, 11, 27)


def test_the_platforms_day_falls_between_the_sending_and_today() -> None:
    assert delivery_problem(SENT, SENT, TODAY) is None
    assert delivery_problem(SENT, TODAY, TODAY) is None
    assert delivery_problem(SENT, SENT - dt.timedelta(days=1), TODAY) is EServiceProblem.BAD_DAY
    assert delivery_problem(SENT, TODAY + dt.timedelta(days=1), TODAY) is EServiceProblem.BAD_DAY


def test_the_history_notes_read_back_as_written() -> None:
    assert agreement_note(Agreement(ServiceMeans.SMS, dt.date(2026, 11, 20))) == "sms 2026-11-20"
    note = served_note("XAM01-26-PZUA-080001", DocumentKind.SUPPLEMENT, "152201-YJS008-02", dt.date(2026, 11, 26))
    assert read_served_note(note) == (
        "XAM01-26-PZUA-080001",
        DocumentKind.SUPPLEMENT,
        "152201-YJS008-02",
        dt.date(2026, 11, 26),
    )
    assert read_served_note("补正 2026-11-26") is None
    assert read_served_note("N1 supplement ITEM 2026-13-40") is None
