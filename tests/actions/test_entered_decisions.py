"""代为录入 names the department's decision: a step the window records for a department under its written 授权 carries
the department's 文号 and the officer who took it, or is refused naming what is missing; the history says both, and
the paper of the act prints them, its 承办人 the department's officer.  The department's own desk is asked neither.
On both databases; the papers read back from the PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.access.roles import Role
from counter.actions.cases.decisions import decide_item
from counter.actions.cases.documents import make_document
from counter.actions.cases.item_authority import set_entrustment
from counter.actions.cases.item_steps import route_items, take_item_step
from counter.case.decisions import DecisionProblem, DecisionRefused
from counter.case.entered_for import Entered, EntryField
from counter.case.item_path import ItemEvent
from counter.case.item_step_request import StepRequest
from counter.case.numbers import DeskIdentity
from counter.case.site_authority import EntrustedAct
from counter.case.status import CaseEvent
from counter.db.case_store import case_view
from counter.documents.kinds import DocumentKind
from counter.words.case_history import history_note
from counter.words.cases import decision_refused_text
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import full_request, take
from tests.actions.test_item_authority import NOW, accounts, routed
from tests.actions.test_item_decisions import FOOD
from tests.documents.pdf_tools import pdf_text
from tests.entrusted import ENTERED, ENTRUSTMENT, RESTAURANT_ITEMS, entrust_in
from tests.signed_in import signed_in

WHY = "经核查，经营场所与申请不符。"
#: the officer and the department's 文号 as the history line and the paper say them
SAID = f"部门文号{ENTERED.department_no}，承办人{ENTERED.officer}"
PRINTED = f"本机关决定文号：{ENTERED.department_no}；承办人：{ENTERED.officer}。"


def _window(sessions: sessionmaker[Session], owner: sessionmaker[Session]) -> tuple[Desk, str]:
    """The hall's supervisor, the restaurant's items entrusted to the window, and a case accepted under it."""
    single = Desk(DeskIdentity("XAM01", "8"), "乌兰")
    entrust_in(owner, single, *RESTAURANT_ITEMS)
    desk = signed_in(owner, single)
    return desk, take(sessions, desk, full_request(sessions))


def _decision_lines(sessions: sessionmaker[Session], number: str) -> list[str]:
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    return [line.note for line in view.history if line.event in (CaseEvent.ITEM_APPROVED, CaseEvent.ITEM_DENIED)]


@pytest.mark.parametrize(
    ("entered", "missing", "named"),
    [
        (None, (EntryField.DEPARTMENT_NO, EntryField.OFFICER), "部门文号、承办人"),
        (Entered(officer="李四"), (EntryField.DEPARTMENT_NO,), "部门文号"),
        (Entered(department_no="兴市监准字〔2026〕15号", officer="  "), (EntryField.OFFICER,), "承办人"),
    ],
    ids=["nothing", "no number", "no officer"],
)
def test_a_decision_entered_for_a_department_without_its_number_or_officer_is_refused_naming_it(
    sessions: sessionmaker[Session],
    owner: sessionmaker[Session],
    entered: Entered | None,
    missing: tuple[EntryField, ...],
    named: str,
) -> None:
    desk, number = _window(sessions, owner)
    with sessions.begin() as s, pytest.raises(DecisionRefused) as refused:
        decide_item(s, desk, number, FOOD, approve=False, text=WHY, entered=entered)
    assert refused.value.problem is DecisionProblem.ENTRY_INCOMPLETE
    assert refused.value.missing == missing
    said = decision_refused_text(refused.value)
    assert "由窗口代为录入部门的决定，须写明该部门决定的文号和作出决定的承办人" in said
    assert f"尚未填写：{named}。" in said
    assert _decision_lines(sessions, number) == []  # nothing recorded


def test_an_entered_denial_keeps_the_departments_number_and_officer_and_its_paper_prints_them(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], tmp_path: Path
) -> None:
    desk, number = _window(sessions, owner)
    with sessions.begin() as s:
        decide_item(s, desk, number, FOOD, approve=False, text=WHY, entered=ENTERED)
        made = make_document(s, desk, number, DocumentKind.DENIAL, TODAY, FOOD)
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    decision = view.decisions()[FOOD]
    assert (decision.text, decision.entered) == (WHY, ENTERED)  # the reasons as given, the entry beside them
    (line,) = (h for h in view.history if h.event == CaseEvent.ITEM_DENIED.value)
    assert line.clerk == "乌兰浩特市市场监督管理局（由乌兰代为录入）"
    assert history_note(line, {}, {FOOD: "食品经营许可"}) == f"食品经营许可：{WHY}（{SAID}）"
    path = tmp_path / "denial.pdf"
    path.write_bytes(made.pdf)
    text = "".join(pdf_text(path).split())
    assert PRINTED in text
    assert "依本机关的书面决定代为录入" in text
    # the department made the decision, its 文号 printed: the hall issued its paper, it did not make it
    assert "以本机关名义出具" in text
    assert "以本机关名义作出" not in text
    assert f"承办人：{ENTERED.officer}" in text  # the department's officer closes it, not the clerk who printed it
    assert WHY in text


def test_an_entered_grant_reads_back_its_entry_and_its_number_unchanged(
    sessions: sessionmaker[Session], owner: sessionmaker[Session]
) -> None:
    desk, number = _window(sessions, owner)
    with sessions.begin() as s:
        decide_item(s, desk, number, FOOD, approve=True, text="JY11522010012345", entered=ENTERED)
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    decision = view.decisions()[FOOD]
    assert (decision.text, decision.entered, decision.approved) == ("JY11522010012345", ENTERED, True)


def test_the_departments_own_desk_is_asked_no_number_and_keeps_none(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    """Its own step is its own record: no 文号 asked of it here, and none kept if one is given."""
    number = routed(sessions, desk)
    lina = accounts(owner)[Role.DEPARTMENT]
    with sessions.begin() as s:
        take_item_step(s, lina, number, FOOD, StepRequest(ItemEvent.SIGNED), NOW)
    with sessions.begin() as s:  # its own decision asks nothing more of it
        take_item_step(s, lina, number, FOOD, StepRequest(ItemEvent.DENIED, reason=WHY), NOW)
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.decisions()[FOOD].entered is None
    assert [h.clerk for h in view.history if h.event == CaseEvent.ITEM_DENIED.value] == ["李娜"]


def test_an_entry_given_at_the_departments_own_desk_is_not_kept_as_if_entered_for_it(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    number = routed(sessions, desk)
    lina = accounts(owner)[Role.DEPARTMENT]
    steps = (StepRequest(ItemEvent.SIGNED), StepRequest(ItemEvent.APPROVED, result_no="JY1", entered=ENTERED))
    for request in steps:
        with sessions.begin() as s:
            take_item_step(s, lina, number, FOOD, request, NOW)
    with sessions() as s:
        view = case_view(s, number)
    assert view is not None
    assert view.decisions()[FOOD].entered is None
    assert ENTERED.department_no not in "".join(h.note for h in view.history)


def test_the_departments_correction_entered_by_the_window_prints_its_number_on_the_notice(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], tmp_path: Path
) -> None:
    """An agreement for 补正 and 决定 but not 受理: the hall receives, and its window tells the department's 补正 in
    the department's name, entered from its decision — refused without the 文号, printed with it."""
    single = Desk(DeskIdentity("XAM01", "8"), "乌兰")
    entrust_in(owner, single, *RESTAURANT_ITEMS)
    covered = frozenset({EntrustedAct.CORRECT, EntrustedAct.DECIDE})
    with owner.begin() as s:
        for code in RESTAURANT_ITEMS:
            set_entrustment(s, single, "XAM01", code, ENTRUSTMENT, covered)
    desk = signed_in(owner, single)
    number = take(sessions, desk, full_request(sessions))
    day = dt.datetime.combine(TODAY, dt.time(10)).astimezone()
    with sessions.begin() as s:
        route_items(s, desk, number, day)
    asked = "请补交经营场所平面布局图。"
    with sessions.begin() as s, pytest.raises(DecisionRefused) as refused:
        take_item_step(s, desk, number, FOOD, StepRequest(ItemEvent.CORRECTION, reason=asked), day)
    assert refused.value.missing == (EntryField.DEPARTMENT_NO, EntryField.OFFICER)
    correction = StepRequest(ItemEvent.CORRECTION, reason=asked, entered=ENTERED)
    with sessions.begin() as s:
        take_item_step(s, desk, number, FOOD, correction, day)
        made = make_document(s, desk, number, DocumentKind.SUPPLEMENT, TODAY, FOOD)
    path = tmp_path / "supplement.pdf"
    path.write_bytes(made.pdf)
    text = "".join(pdf_text(path).split())
    assert PRINTED in text
    assert asked in text
