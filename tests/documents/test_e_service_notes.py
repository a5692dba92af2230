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
from counter.words.e_service import served_note_text

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
    assert note == "XAM01-26-PZUA-080001 supplement 152201-YJS008-02 2026-11-26"  # as every earlier note was written
    assert read_served_note(note) == (
        "XAM01-26-PZUA-080001",
        DocumentKind.SUPPLEMENT,
        "152201-YJS008-02",
        dt.date(2026, 11, 26),
        ServiceMeans.PLATFORM,
    )
    assert read_served_note("补正 2026-11-26") is None
    assert read_served_note("N1 supplement ITEM 2026-13-40") is None


def test_a_paper_downloaded_by_its_sms_link_is_noted_so_and_read_back_so() -> None:
    """The platform confirmed nothing of a paper the applicant downloaded: its note says the link; an earlier note
    of four words still reads as the platform's confirmation it was; a means the app does not know reads as none."""
    day = dt.date(2026, 11, 26)
    note = served_note("XAM01-26-PZUA-080001", DocumentKind.SUPPLEMENT, "152201-YJS008-02", day, ServiceMeans.SMS)
    assert note == "XAM01-26-PZUA-080001 supplement 152201-YJS008-02 2026-11-26 sms"
    assert read_served_note(note) == (
        "XAM01-26-PZUA-080001",
        DocumentKind.SUPPLEMENT,
        "152201-YJS008-02",
        day,
        ServiceMeans.SMS,
    )
    old = "XAM01-26-PZUA-080001 supplement 152201-YJS008-02 2026-11-26"
    assert read_served_note(old) == (*read_served_note(note)[:4], ServiceMeans.PLATFORM)  # type: ignore[index]
    assert read_served_note(old + " post") is None
    assert served_note_text(note, {"152201-YJS008-02": "食品经营许可"}) == (
        "补正材料通知书（XAM01-26-PZUA-080001，事项 食品经营许可）于 2026-11-26 经短信链接下载送达"
    )
    assert served_note_text(old, {}) == (
        "补正材料通知书（XAM01-26-PZUA-080001，事项 152201-YJS008-02）于 2026-11-26 经平台确认送达"
    )
