"""The applicants of bench_memory.py's day, served through the actions the window calls.

Kept apart from the benchmark so that SQLAlchemy and the actions are imported only once the desk's start has told
PySide6's import hook which modules use Qt (counter.ui.start.startup_sources), as at a desk: imported before, their
sources were read and kept by the hook, some 30 MiB no desk holds.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.documents import make_document, record_print
from counter.actions.catalog.guides import current_guide
from counter.actions.intake.take import take_intake
from counter.actions.ratings.record import rating_settings, record_rating, send_to_pad
from counter.actions.site.demo import DEMO_BUNDLE, complete_checklist, fresh_checklist
from counter.actions.site.store import Store, Unit
from counter.case.intake_request import IntakeRequest
from counter.case.numbers import DeskIdentity
from counter.catalog.model import Necessity
from counter.documents.kinds import DocumentKind
from counter.intake.checklist import Receipt, record
from counter.intake.parties import Applicant, ApplicantKind, Parties
from counter.parties.identifiers import make_id_number
from counter.ratings.choice import RatingChoice
from counter.ratings.levels import Level
from counter.ratings.pad_reasons import offered_reasons

TODAY = dt.date(2026, 11, 20)
SURNAMES = "张王李赵刘陈杨黄吴周"
DESK = Desk(DeskIdentity("XAM01", "8"), "乌兰")


def rating_reasons(store: Store) -> tuple[str, ...]:
    """The reasons the pad offers for a bad rating."""
    reasons: tuple[str, ...] = store.read(lambda unit: offered_reasons(rating_settings(unit)[0]))
    return reasons


def serve(store: Store, desk: Desk, n: int, reasons: tuple[str, ...], papers: Path) -> None:
    """The n-th applicant of the day, each step in its own unit of work as the window's runner opens them."""
    stored = store.read(partial(current_guide, bundle_code=DEMO_BUNDLE))
    assert stored is not None
    checklist = complete_checklist(stored.bundle, fresh_checklist(stored))
    correction = n % 10 == 0
    if correction:
        listed = stored.bundle.materials_for(checklist.answers_dict())
        required = [m.code for m in listed if m.necessity is Necessity.REQUIRED]
        checklist = record(checklist, required[-1], Receipt.MISSING)
    born = dt.date(1960 + n % 40, 1 + n % 12, 1 + n % 28)
    person = Applicant(
        ApplicantKind.PERSON,
        SURNAMES[n % 10] + "海军",
        make_id_number("152201", born, n % 1000),
        f"139048{n:05d}",
        f"乌兰浩特市和平街道民主路{n}号",
    )
    request = IntakeRequest(checklist, Parties(person))

    def take(unit: Unit) -> str:
        return take_intake(unit, desk, request, TODAY, office_calendar(unit)).case_no

    case_no = store.write(take)
    kind = DocumentKind.CORRECTION if correction else DocumentKind.RECEIPT
    made = store.write(partial(make_document, desk=desk, case_no=case_no, kind=kind, today=TODAY))
    path = papers / f"{made.doc_no}.pdf"
    path.write_bytes(made.pdf)
    store.write(partial(record_print, desk=desk, made=made, target=f"file:{path}", ok=True))
    now = dt.datetime.combine(TODAY, dt.time(9)) + dt.timedelta(seconds=25 * n)
    pad = store.write(partial(send_to_pad, case_no=case_no, desk=desk, now=now))
    bad = n % 20 == 0
    choice = RatingChoice(Level.DISSATISFIED, (reasons[0],)) if bad else RatingChoice(Level.VERY_SATISFIED)

    def rate(unit: Unit) -> None:
        record_rating(unit, pad.request_id, choice, desk, now, office_calendar(unit))

    store.write(rate)
