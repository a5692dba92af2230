"""Case data as the words and dates a clerk reads: no Qt, so it is tested on its own.

History notes become the names the clerk knows in :mod:`counter.words.case_history`, which the command line's
``case show`` shares.  Times are stored in UTC and shown in the desk's local time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from counter.case.item_clock import DueAlert
from counter.case.status import CaseEvent, CaseStatus
from counter.case.view import CaseMaterialLine, CaseView
from counter.catalog.model import Situation
from counter.documents.case_page import ItemLine
from counter.intake.checklist import Receipt, ReceivedMedium
from counter.intake.outcome import RefusalGround
from counter.intake.parties import ApplicantKind, Delivery
from counter.ui.cases.rules import correction_overdue, deferral_due, is_overdue
from counter.ui.cases.words import (
    CASE_CORRECTION_OVERDUE,
    CASE_DEFERRED_ARRIVED,
    CASE_DEFERRED_NEVER,
    CASE_DEFERRED_OPEN,
    CASE_DEFERRED_OVERDUE,
    CASE_DESK,
    CASE_DUE,
    CASE_DUE_EACH,
    CASE_ITEM_DATE,
    CASE_ITEMS_DUE,
    CASE_ITEMS_DUE_TODAY,
    CASE_ITEMS_OVERDUE,
    CASE_MATERIAL_DUE,
    CASE_MATERIAL_LATE,
    CASE_OVERDUE,
    CASE_OVERDUE_EACH,
    CASE_SHARED_NOT_HANDED_IN,
)
from counter.words.case_history import material_names
from counter.words.cases import APPLICANT_KIND, DELIVERY, code_text, dates_moved_text
from counter.words.intake import RECEIPT, RECEIVED_MEDIUM, REFUSAL_GROUND, licence_text
from counter.words.punctuation import ASIDE, CLAUSE_JOIN, LIST_JOIN


def day_text(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def desk_text(desk_no: str) -> str:
    return CASE_DESK.format(desk_no=desk_no)


def moved_text(view: CaseView) -> str:
    """Every date of the case new holiday data moved later, from and to, in words ("" when none moved)."""
    names = material_names(view.materials)
    lines = [line for line in view.history if line.event == CaseEvent.DATES_MOVED.value]
    return CLAUSE_JOIN.join(dates_moved_text(line.note, names) for line in lines)


def receipt_text(line: CaseMaterialLine, today: dt.date, awaiting: bool, shared: bool = False) -> str:
    """``awaiting``: the case still waits for its deferred materials; ``shared``: fetched by data sharing."""
    if line.due_on is not None:
        if line.arrived_on is not None:
            return CASE_DEFERRED_ARRIVED
        if not awaiting:
            return CASE_DEFERRED_NEVER
        return CASE_DEFERRED_OVERDUE if line.due_on < today else CASE_DEFERRED_OPEN
    if shared and line.receipt == Receipt.MISSING.value:
        return CASE_SHARED_NOT_HANDED_IN  # not asked of the applicant: the office fetches it
    return code_text(RECEIPT, Receipt, line.receipt)


def medium_text(line: CaseMaterialLine) -> str:
    """How it was received; an 电子证照 with its number, or the paper taken when the 证照库 could not be asked."""
    medium = code_text(RECEIVED_MEDIUM, ReceivedMedium, line.medium) if line.medium else ""
    licence = licence_text(line.licence)
    return "\n".join(filter(None, (medium, licence)))


def applicant_text(view: CaseView) -> str:
    kind = code_text(APPLICANT_KIND, ApplicantKind, view.applicant_kind)
    return ASIDE.format(text=view.applicant_name, aside=kind) if kind else view.applicant_name


def delivery_text(view: CaseView) -> str:
    return code_text(DELIVERY, Delivery, view.delivery)


def refusal_text(view: CaseView) -> str:
    return code_text(REFUSAL_GROUND, RefusalGround, view.refusal_ground) if view.refusal_ground else ""


def overdue_days(due: dt.date, today: dt.date) -> int:
    """Calendar days past the deadline: what the applicant is late by, weekends included."""
    return (today - due).days


def case_alert(view: CaseView, today: dt.date, items: Sequence[ItemLine] = ()) -> tuple[str, str] | None:
    """The line above a case's page, as (style, text): a deadline the case waits on; None when there is none.

    The applicant's own deadlines (补正, 容缺) come first; else the items at their departments past their date, or
    due today or the next working day (``items`` as the page read them, with their alerts).
    """
    found = _applicants_deadline(view, today)
    return found if found is not None else _items_alert(items)


def _items_alert(items: Sequence[ItemLine]) -> tuple[str, str] | None:
    """The items past their date, then those coming due, each named with its own date: a bundle's items are due on
    different days, and one date for them all told the clerk the wrong day for most."""
    dated = [i for i in items if i.alert is not None and i.due_on is not None]
    sentences = [
        sentence.format(items=_with_dates(named))
        for alert, sentence in (
            (DueAlert.OVERDUE, CASE_ITEMS_OVERDUE),
            (DueAlert.DUE_TODAY, CASE_ITEMS_DUE_TODAY),
            (DueAlert.DUE_NEXT, CASE_ITEMS_DUE),
        )
        if (named := [i for i in dated if i.alert is alert])
    ]
    if not sentences:
        return None
    # red while any has no day left (past, or due today), as the lists colour them; amber for the day before
    urgent = any(i.alert in (DueAlert.OVERDUE, DueAlert.DUE_TODAY) for i in dated)
    return "alertOverdue" if urgent else "alertDue", CLAUSE_JOIN.join(sentences)


def _with_dates(items: Sequence[ItemLine]) -> str:
    """The items, soonest first, each with its date: 食品经营许可（2026-11-23）、个体工商户登记（2026-11-25）."""
    ordered = sorted(items, key=lambda i: (i.due_on or dt.date.max, i.name))
    return LIST_JOIN.join(CASE_ITEM_DATE.format(item=i.name, due=day_text(i.due_on)) for i in ordered)


def _applicants_deadline(view: CaseView, today: dt.date) -> tuple[str, str] | None:
    if correction_overdue(view, today) and view.correction_due is not None:
        days = overdue_days(view.correction_due, today)
        return "alertOverdue", CASE_CORRECTION_OVERDUE.format(days=days, due=view.correction_due.isoformat())
    due = deferral_due(view)
    if due is None or view.status is not CaseStatus.AWAITING_DEFERRED:
        return None
    waiting = sorted((m for m in view.deferred_open() if m.due_on is not None), key=lambda m: (m.due_on, m.name))
    style = "alertOverdue" if due <= today else "alertDue"  # red on the day itself too, as the lists
    if len({m.due_on for m in waiting}) > 1:  # due on different days: each material with its own
        each = LIST_JOIN.join(_material_due(m.name, m.due_on, today) for m in waiting if m.due_on is not None)
        late = any(m.due_on < today for m in waiting if m.due_on is not None)
        return style, (CASE_OVERDUE_EACH if late else CASE_DUE_EACH).format(materials=each)
    if is_overdue(view, today):
        return style, CASE_OVERDUE.format(days=overdue_days(due, today), due=due.isoformat())
    return style, CASE_DUE.format(due=due.isoformat())


def _material_due(name: str, due: dt.date, today: dt.date) -> str:
    if due < today:
        return CASE_MATERIAL_LATE.format(name=name, days=overdue_days(due, today), due=due.isoformat())
    return CASE_MATERIAL_DUE.format(name=name, due=due.isoformat())


def answers_text(answers: Iterable[tuple[str, str]], situations: Iterable[Situation]) -> str:
    """The situations the intake was taken under, as the guide of that version words them."""
    by_code = {s.code: s for s in situations}
    parts = []
    for code, option_code in answers:
        situation = by_code.get(code)
        option = situation.option(option_code) if situation else None
        parts.append(option.label if option else option_code)
    return CLAUSE_JOIN.join(parts)
