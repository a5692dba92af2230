"""The agent service's operations in process (:mod:`counter.service.projects`)."""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.access.roles import Permission
from counter.actions.cases import reach
from counter.actions.projects import project_reads as reads
from counter.actions.projects import project_steps as steps
from counter.actions.projects.project_papers import make_project_paper
from counter.documents.project_paper_made import ProjectPaperMade
from counter.projects.model import ProjectView
from counter.projects.report import MonthlyReport
from counter.projects.service_items import ServiceList
from counter.service.call import Call
from counter.service.projects import (
    READ_DAY,
    READ_PROJECT,
    RECENT_PROJECTS,
    AcceptProject,
    AgentDay,
    AssignAgents,
    CompleteProject,
    EvaluateProject,
    FileStep,
    ImportServiceList,
    MakePaper,
    NoRequest,
    PlanProject,
    ProjectNo,
    ReadDay,
    ReadReport,
    RecentProjects,
    RecordCoordination,
    RegisterProject,
    SignProject,
    StepDone,
    TerminateProject,
)
from counter.service.runs import at_desk


def read_day(work: Session, call: Call, request: ReadDay) -> AgentDay:
    every = reads.agent_queue(work, call.today)
    agents = tuple(sorted({a for r in every for a in r.project.agents}))
    rows = reads.agent_queue(work, call.today, request.agent) if request.agent else every
    shown = _shown(work, call.desk, READ_DAY.name, [r.project for r in rows])
    return AgentDay(agents, tuple(dataclasses.replace(r, project=p) for r, p in zip(rows, shown, strict=True)))


def read_project(work: Session, call: Call, request: ProjectNo) -> ProjectView:
    return _shown(work, call.desk, READ_PROJECT.name, [steps.read_project(work, request.number)])[0]


def recent_projects(work: Session, call: Call, request: RecentProjects) -> tuple[ProjectView, ...]:
    return _shown(work, call.desk, RECENT_PROJECTS.name, reads.recent_projects(work, request.limit))


def _shown(work: Session, desk: Desk | None, operation: str, projects: list[ProjectView]) -> tuple[ProjectView, ...]:
    """The projects whole to an account of the agent service that may see a person whole (each contact's number
    recorded as read), masked to any other (counter.actions.cases.reach)."""
    if desk is None:
        return tuple(projects)
    if not (reach.may_see_whole(work, desk) and reach.may(work, desk, Permission.AGENT_SERVICE)):
        return tuple(p.masked() for p in projects)
    for project in projects:
        reach.note_read(work, desk, operation, project.project_no, (project.facts.contact_id_no,))
    return tuple(projects)


def read_service_list(work: Session, call: Call, request: NoRequest) -> ServiceList:
    return steps.service_list(work)


def read_report(work: Session, call: Call, request: ReadReport) -> MonthlyReport:
    return reads.projects_report(work, request.month, call.today, request.county)


def register_project(work: Session, call: Call, r: RegisterProject) -> str:
    return steps.register_project(work, at_desk(call), r.facts, call.today, call.now)


def accept_project(work: Session, call: Call, r: AcceptProject) -> None:
    steps.accept_project(work, at_desk(call), r.number, call.today, call.now)


def assign_agents(work: Session, call: Call, r: AssignAgents) -> None:
    steps.assign_agents(work, at_desk(call), r.number, r.agents, call.now)


def sign_project(work: Session, call: Call, r: SignProject) -> None:
    steps.sign_project(work, at_desk(call), r.number, r.day, call.today, call.now, items=r.items)


def plan_project(work: Session, call: Call, r: PlanProject) -> None:
    steps.plan_project(work, at_desk(call), r.number, r.steps, call.now)


def file_step(work: Session, call: Call, r: FileStep) -> None:
    steps.file_step(work, at_desk(call), r.number, r.step_no, r.day, call.today, call.now, case_no=r.case_no)


def step_done(work: Session, call: Call, r: StepDone) -> None:
    steps.step_done(work, at_desk(call), r.number, r.step_no, r.day, call.today, call.now, result_no=r.result_no)


def record_coordination(work: Session, call: Call, r: RecordCoordination) -> None:
    """The coordination is recorded as the desk's clerk's (at the hall server, the session's account), whatever agent
    the request names: the agent who records it is the one who did it."""
    at = at_desk(call)
    coordination = dataclasses.replace(r.coordination, agent=at.clerk)
    steps.record_coordination(work, at, r.number, coordination, call.today, call.now)


def complete_project(work: Session, call: Call, r: CompleteProject) -> None:
    steps.complete_project(work, at_desk(call), r.number, r.day, call.today, call.now)


def evaluate_project(work: Session, call: Call, r: EvaluateProject) -> None:
    steps.evaluate_project(work, at_desk(call), r.number, r.satisfaction, r.note, r.day, call.now)


def terminate_project(work: Session, call: Call, r: TerminateProject) -> None:
    steps.terminate_project(work, at_desk(call), r.number, r.reason, r.day, call.today, call.now)


def make_paper(work: Session, call: Call, r: MakePaper) -> ProjectPaperMade:
    return make_project_paper(work, at_desk(call), r.number, r.form, call.today, call.now)


def import_service_list(work: Session, call: Call, r: ImportServiceList) -> ServiceList:
    return steps.import_service_list(work, at_desk(call), r.text)
