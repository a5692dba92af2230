"""帮您办 within the mandate, on both databases: the items fit the kind of investment, and the agent acts only on the
items the signed 授权委托书 lists until a new one is signed.

Found by a legal officer: 核准, 备案 and 政府投资项目建议书审批 could all be ticked for one enterprise project, and a
plan, a filing and an 办结 of items the signed 授权委托书 did not list were accepted.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.projects.project_papers import make_project_paper
from counter.actions.projects.project_steps import (
    accept_project,
    assign_agents,
    file_step,
    plan_project,
    read_project,
    register_project,
    sign_project,
    step_done,
)
from counter.db import project_store
from counter.documents.project_paper_made import ProjectPaperMade
from counter.projects.forms import ProjectForm
from counter.projects.model import PlanStep, ProjectEvent, Stage
from counter.projects.rules import ProjectProblem, ProjectRefused
from counter.words.projects import history_note_text
from tests.documents.pdf_tools import pdf_text
from tests.projects.samples import APPLIED, FACTS, plan

APPROVAL, FILING, PROPOSAL, FEASIBILITY = 1, 2, 3, 4  # 企业投资项目核准, 备案; 政府投资项目建议书, 可研 (附件1)
ALLOCATION = 8  # 划拨国有土地使用权审批: not in the food factory's 授权委托书 (2, 7, 16, 10)


def at(day: dt.date, hour: int = 2) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), dt.UTC)


def days(n: int) -> dt.date:
    return APPLIED + dt.timedelta(days=n)


def _signed(sessions: sessionmaker[Session], desk: Desk) -> str:
    """The food factory registered, accepted, given its agents and signed for what it asked (2, 7, 16, 10)."""
    with sessions.begin() as s:
        number = register_project(s, desk, FACTS, APPLIED, at(APPLIED))
        accept_project(s, desk, number, APPLIED, at(APPLIED, 3))
        assign_agents(s, desk, number, ("乌兰",), at(APPLIED, 4))
        sign_project(s, desk, number, days(1), days(1), at(days(1)))
    return number


def _refused(sessions: sessionmaker[Session], move: object) -> tuple[ProjectProblem, ...]:
    with pytest.raises(ProjectRefused) as refused, sessions.begin() as s:
        move(s)  # type: ignore[operator]
    return refused.value.problems


@pytest.mark.parametrize(
    ("requested", "government", "problems"),
    [
        ((APPROVAL, FILING, PROPOSAL), False, (ProjectProblem.APPROVAL_AND_FILING, ProjectProblem.GOVERNMENT_ITEM)),
        ((APPROVAL, FILING), False, (ProjectProblem.APPROVAL_AND_FILING,)),
        ((PROPOSAL, 7), False, (ProjectProblem.GOVERNMENT_ITEM,)),
        ((FILING, PROPOSAL), True, (ProjectProblem.ENTERPRISE_ITEM,)),
    ],
)
def test_the_items_fit_the_kind_of_investment(
    sessions: sessionmaker[Session],
    desk: Desk,
    requested: tuple[int, ...],
    government: bool,
    problems: tuple[ProjectProblem, ...],
) -> None:
    facts = dataclasses.replace(FACTS, requested=requested, government=government)
    assert _refused(sessions, lambda s: register_project(s, desk, facts, APPLIED, at(APPLIED))) == problems


def test_a_government_investment_asks_for_its_own_approvals(sessions: sessionmaker[Session], desk: Desk) -> None:
    facts = dataclasses.replace(
        FACTS, funding="本级财政预算资金", requested=(PROPOSAL, FEASIBILITY, 7), government=True
    )
    with sessions.begin() as s:
        number = register_project(s, desk, facts, APPLIED, at(APPLIED))
    with sessions() as s:
        assert read_project(s, number).facts.government


def test_a_plan_step_outside_the_signed_mandate_waits_for_a_new_one(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    number = _signed(sessions, desk)
    allocation = PlanStep(5, "划拨国有土地使用权审批", "自然资源部门", Stage.LAND, days(20), item_no=ALLOCATION)
    wider = (*plan(days(1)), allocation)
    assert _refused(sessions, lambda s: plan_project(s, desk, number, wider, at(days(2)))) == (
        ProjectProblem.OUTSIDE_MANDATE,
    )
    with sessions() as s:
        assert read_project(s, number).steps == ()  # nothing kept
    # a new 授权委托书, listing the allocation too, is signed: the same plan is taken
    with sessions.begin() as s:
        sign_project(s, desk, number, days(3), days(3), at(days(3)), items=(*FACTS.requested, ALLOCATION))
        plan_project(s, desk, number, wider, at(days(3), 3))
    with sessions() as s:
        view = read_project(s, number)
    assert view.mandate == (*FACTS.requested, ALLOCATION)
    assert view.signed_on == days(3)
    assert [s.item_no for s in view.steps] == [2, 7, 16, 10, ALLOCATION]
    signings = [line for line in view.history if line.event is ProjectEvent.SIGNED]
    assert [history_note_text(line) for line in signings] == [
        "2026-09-02，委托代办参考目录第 2、7、16、10 项",
        "2026-09-04，委托代办参考目录第 2、7、16、10、8 项",
    ]


def test_filing_and_done_outside_the_mandate_are_refused(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = _signed(sessions, desk)
    with sessions.begin() as s:
        plan_project(s, desk, number, plan(days(1)), at(days(1), 3))
        file_step(s, desk, number, 1, days(2), days(2), at(days(2)))
    # a new 授权委托书 may not drop the filed 备案; it may drop the 施工许可 still to come, which then waits
    narrower = (FILING, 7, 16)
    assert _refused(
        sessions, lambda s: sign_project(s, desk, number, days(3), days(3), at(days(3)), items=(7, 16))
    ) == (ProjectProblem.MANDATE_DROPS_STEP,)
    with sessions.begin() as s:
        sign_project(s, desk, number, days(3), days(3), at(days(3)), items=narrower)
        step_done(s, desk, number, 1, days(4), days(4), at(days(4)))
        file_step(s, desk, number, 2, days(5), days(5), at(days(5)))
        file_step(s, desk, number, 3, days(5), days(5), at(days(5), 3))
        step_done(s, desk, number, 2, days(6), days(6), at(days(6)))
        step_done(s, desk, number, 3, days(6), days(6), at(days(6), 3))
    assert _refused(sessions, lambda s: file_step(s, desk, number, 4, days(7), days(7), at(days(7)))) == (
        ProjectProblem.OUTSIDE_MANDATE,
    )
    # a step an older desk filed outside the 授权委托书 (kept before the rule) cannot be recorded done either
    with sessions.begin() as s:
        row = project_store.project_by_no(s, number)
        assert row is not None
        view = read_project(s, number)
        kept = dataclasses.replace(view.steps[3], filed_on=days(7))
        project_store.replace_steps(s, row, (*view.steps[:3], kept))
    assert _refused(sessions, lambda s: step_done(s, desk, number, 4, days(8), days(8), at(days(8)))) == (
        ProjectProblem.OUTSIDE_MANDATE,
    )
    with sessions() as s:
        assert read_project(s, number).step(4).done_on is None  # type: ignore[union-attr]


def test_a_new_mandate_is_checked_as_the_application_was(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = _signed(sessions, desk)
    both = (APPROVAL, FILING, 7)
    assert _refused(sessions, lambda s: sign_project(s, desk, number, days(2), days(2), at(days(2)), items=both)) == (
        ProjectProblem.APPROVAL_AND_FILING,
    )
    assert _refused(sessions, lambda s: sign_project(s, desk, number, days(0), days(2), at(days(2)), items=(7,))) == (
        ProjectProblem.DATE_BEFORE_SIGNING,
    )
    # a 授权委托书 dated after the desk's day is not signed yet: the date is a slip, named as one
    assert _refused(sessions, lambda s: sign_project(s, desk, number, days(3), days(2), at(days(2)), items=(7,))) == (
        ProjectProblem.DATE_IN_FUTURE,
    )
    with sessions() as s:
        assert read_project(s, number).mandate == FACTS.requested


def test_the_authorisation_has_a_line_for_each_agent_and_is_printed_anew_for_new_items(
    sessions: sessionmaker[Session], desk: Desk, tmp_path: Path
) -> None:
    with sessions.begin() as s:
        number = register_project(s, desk, FACTS, APPLIED, at(APPLIED))
        accept_project(s, desk, number, APPLIED, at(APPLIED, 3))
        assign_agents(s, desk, number, ("乌兰", "张敏"), at(APPLIED, 4))
        sign_project(s, desk, number, days(1), days(1), at(days(1)))
    first = _paper(sessions, desk, number, days(1))
    text = pdf_text(_saved(tmp_path / "first.pdf", first.pdf))
    # each agent on a 代办人 line of their own, with their own 身份号码 to write in, on each of the two copies
    for agent in ("乌兰", "张敏"):
        assert text.count(f"代办人{agent}") == 2
    assert text.count("身份号码") == 2 * 2
    assert "代办项目合计4项" in text
    assert _paper(sessions, desk, number, days(2)).pdf == first.pdf  # reprinted the same
    with sessions.begin() as s:
        sign_project(s, desk, number, days(3), days(3), at(days(3)), items=(*FACTS.requested, ALLOCATION))
    second = _paper(sessions, desk, number, days(3))
    assert (first.doc_no, second.doc_no) == (f"{number}-4", f"{number}-4-2")
    assert not second.reprint
    text = pdf_text(_saved(tmp_path / "second.pdf", second.pdf))
    assert "代办项目合计5项" in text
    assert "委托日期：2026年9月4日" in text
    assert _paper(sessions, desk, number, days(4)).pdf == second.pdf  # the new one is on record now


def _paper(sessions: sessionmaker[Session], desk: Desk, number: str, day: dt.date) -> ProjectPaperMade:
    with sessions.begin() as s:
        return make_project_paper(s, desk, number, ProjectForm.AUTHORISATION, day, at(day))


def _saved(path: Path, pdf: bytes) -> Path:
    path.write_bytes(pdf)
    return path
