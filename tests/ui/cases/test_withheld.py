"""The case page says why a step the case calls for is not offered, or is offered for less: lapse, void, extension.

The page offered 负责人决定：逾期未补齐：相关事项不予批准 to any clerk, and the lapse denied 市监局's licence; the
single desk held every role.  Now the lapse is a clerk's record of the fact, a department's item is left to it, and
where the page offers nothing it says why, in Chinese.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.access.case_acts import CaseAct
from counter.access.roles import SINGLE_DESK, Actor, Role
from counter.case.same_day import SameDayProblem
from counter.case.status import CaseEvent, CaseStatus
from counter.case.view import CaseView
from counter.db.case_store import case_view
from counter.db.engine import make_engine, make_sessions
from counter.documents.case_page import ItemLine
from counter.ui.cases.case_page import CasePage, Loaded
from counter.ui.cases.rules import Refused, Withheld, available_actions, unsettled_due, withheld
from counter.ui.cases.withheld import withheld_texts
from counter.ui.cases.words import CASE_WITHHELD
from counter.words.same_day import SAME_DAY_PROBLEM, SAME_DAY_REFUSED
from tests.same_day_catalog import add_immediate_guide
from tests.ui.cases.casebook import DESK_2, Casebook
from tests.ui.cases.conftest import Clock
from tests.ui.cases.test_same_day_page import take_immediate
from tests.ui.runners import runner_on

DUE = dt.date(2026, 11, 25)
AFTER = DUE + dt.timedelta(days=1)
FOOD = "152201-YJS008-02"
MARKET = "乌兰浩特市市场监督管理局"
SUPERVISOR = Actor("qiqige", "其其格", frozenset({Role.CLERK, Role.SUPERVISOR}))
CLERK = Actor("zhangxy", "张晓燕", frozenset({Role.CLERK}))
ITEMS = (ItemLine(FOOD, "食品经营许可", MARKET),)


@pytest.fixture(scope="module")
def awaiting(casebook_template: tuple[Path, Casebook]) -> CaseView:
    """A deferral case as stored (two materials due 2026-11-25), read once for the module."""
    path, book = casebook_template
    engine = make_engine(f"sqlite:///{path}")
    with make_sessions(engine)() as session:
        view = case_view(session, book.awaiting)
    engine.dispose()
    assert view is not None
    return view


def test_the_single_desk_records_a_lapse_and_is_told_the_licence_is_the_departments(awaiting: CaseView) -> None:
    refused = {CaseAct.DEFERRAL_LAPSE: ((FOOD, MARKET),)}
    shown = available_actions(awaiting, AFTER, SINGLE_DESK, refused=refused)
    assert CaseEvent.DENIED in shown  # the lapse: the fact, a clerk's to record
    assert CaseEvent.DEFERRAL_EXTENDED not in shown
    assert CaseEvent.VOIDED not in shown
    assert withheld(awaiting, AFTER, SINGLE_DESK, refused=refused) == (Withheld.LAPSE_REFERRED,)
    (text,) = withheld_texts(awaiting, AFTER, SINGLE_DESK, None, refused, ITEMS)
    assert text == CASE_WITHHELD[Withheld.LAPSE_REFERRED].format(items=f"食品经营许可（{MARKET}）", first="")


def test_the_refusals_and_the_unsettled_dates_are_two_named_fields_passed_each_to_the_rules(
    awaiting: CaseView,
) -> None:
    """What the page reads before offering its steps is a plain value: the acts' refusals and the due dates the
    year's holiday notice may still move, each handed explicitly to the rules that ask it (no mapping carrying the
    dates on the side)."""
    refused = Refused({CaseAct.DEFERRAL_LAPSE: ((FOOD, MARKET),)}, (DUE,))
    assert dataclasses.is_dataclass(refused)
    assert not isinstance(refused, dict)
    with pytest.raises(dataclasses.FrozenInstanceError):
        refused.unsettled = ()  # type: ignore[misc]
    assert Refused() == Refused({}, ())
    by_act, unsettled = refused.by_act, refused.unsettled
    assert unsettled_due(awaiting, AFTER, unsettled) == DUE
    assert unsettled_due(awaiting, AFTER, ()) is None
    assert CaseEvent.DENIED not in available_actions(awaiting, AFTER, SINGLE_DESK, (), None, by_act, unsettled)
    assert CaseEvent.DENIED in available_actions(awaiting, AFTER, SINGLE_DESK, (), None, by_act)
    assert withheld(awaiting, AFTER, SINGLE_DESK, None, by_act, unsettled) == (Withheld.LAPSE_UNSETTLED,)
    (text,) = withheld_texts(awaiting, AFTER, SINGLE_DESK, None, by_act, ITEMS, unsettled)
    assert DUE.isoformat() in text


def test_a_lapse_before_its_first_day_says_from_when(awaiting: CaseView) -> None:
    monday = DUE + dt.timedelta(days=5)
    assert CaseEvent.DENIED not in available_actions(awaiting, AFTER, CLERK, lapse_from=monday)
    (text,) = withheld_texts(awaiting, AFTER, CLERK, monday, {}, ITEMS)
    assert monday.isoformat() in text


def test_a_supervisor_is_not_offered_a_void_or_extension_of_a_departments_item_and_is_told_why(
    awaiting: CaseView,
) -> None:
    refused = {CaseAct.VOID: ((FOOD, MARKET),), CaseAct.DEFERRAL_EXTENSION: ((FOOD, MARKET),)}
    shown = available_actions(awaiting, DUE, SUPERVISOR, refused=refused)
    assert CaseEvent.VOIDED not in shown
    assert CaseEvent.DEFERRAL_EXTENDED not in shown
    reasons = withheld(awaiting, DUE, SUPERVISOR, refused=refused)
    assert reasons == (Withheld.EXTENSION_NOT_WINDOWS, Withheld.VOID_TAKEN_UP)
    texts = withheld_texts(awaiting, DUE, SUPERVISOR, None, refused, ITEMS)
    assert all(f"食品经营许可（{MARKET}）" in text for text in texts)
    assert available_actions(awaiting, DUE, SUPERVISOR)[-2:] == (CaseEvent.DEFERRAL_EXTENDED, CaseEvent.VOIDED)


def test_an_overdue_correction_tells_a_clerk_it_is_a_supervisors_and_a_supervisor_whose(awaiting: CaseView) -> None:
    notice = dataclasses.replace(awaiting, status=CaseStatus.CORRECTION_ISSUED, correction_due=DUE)
    assert withheld(notice, AFTER, CLERK) == (Withheld.CORRECTION_NEEDS_SUPERVISOR,)
    refused = {CaseAct.CORRECTION_LAPSE: ((FOOD, MARKET),)}
    assert CaseEvent.CORRECTION_LAPSED not in available_actions(notice, AFTER, SUPERVISOR, refused=refused)
    assert withheld(notice, AFTER, SUPERVISOR, refused=refused) == (Withheld.CORRECTION_NOT_WINDOWS,)
    assert CaseEvent.CORRECTION_LAPSED in available_actions(notice, AFTER, SUPERVISOR)


def test_the_page_of_an_overdue_deferral_says_at_a_desk_without_accounts_whose_items_the_lapse_leaves(
    qtbot: QtBot, case_sessions: sessionmaker[Session], book: Casebook, today: Clock
) -> None:
    """The clerk at the single desk records the lapse, and reads beside the button who decides the items."""
    today.day = dt.date(2026, 12, 20)
    page = CasePage(runner_on(case_sessions), DESK_2, today, book.awaiting)
    qtbot.addWidget(page)
    assert page.reload() is Loaded.SHOWN
    page.resize(1120, 820)
    page.show()
    assert page.action_buttons[CaseEvent.DENIED].isVisibleTo(page)
    assert not page.action_buttons[CaseEvent.DEFERRAL_EXTENDED].isVisibleTo(page)
    reasons = page.action_bar.reasons
    assert reasons.isVisibleTo(page)
    assert reasons.text().startswith("记录逾期后，以下事项由其实施部门依法作出不予批准决定，窗口不代为决定：")
    assert f"（{MARKET}）" in reasons.text()


def test_a_same_day_case_the_site_does_not_hold_says_why_on_its_page(
    qtbot: QtBot, case_sessions: sessionmaker[Session], today: Clock
) -> None:
    """A 即办 bundle's case, accepted today for pickup at a site that neither holds its items nor was entrusted: no
    当场办结 button, and the page says why."""
    with case_sessions.begin() as session:
        add_immediate_guide(session, held_at="")
    case_no = take_immediate(case_sessions, today())
    page = CasePage(runner_on(case_sessions), DESK_2, today, case_no)
    qtbot.addWidget(page)
    assert page.reload() is Loaded.SHOWN
    page.show()
    assert not page.action_bar.same_day_button.isVisibleTo(page)
    reasons = SAME_DAY_PROBLEM[SameDayProblem.NOT_WINDOW_DECIDED]
    assert page.action_bar.reasons.text() == SAME_DAY_REFUSED.format(case_no=case_no, reasons=reasons)
