"""帮您办, the agent service: the agent's day, a project read and moved from registration to its end, its papers,
the monthly report, and the reference list of approvals the plans are made from.

Each move names the project by its number; the day and moment it is made on are the call's (the clock of the
process that runs it, a training run's day included: :mod:`counter.service.call`), never the request's.  The action
checks the move against the project as it stands and refuses with every problem
(:class:`counter.projects.rules.ProjectRefused`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.documents.project_paper_made import ProjectPaperMade
from counter.projects.forms import ProjectForm
from counter.projects.model import Coordination, PlanStep, ProjectFacts, ProjectView, Satisfaction
from counter.projects.queue import QueueRow
from counter.projects.report import Month, MonthlyReport
from counter.projects.service_items import ServiceList
from counter.service.call import Call, at_desk
from counter.service.operation import Open, read, write
from counter.service.requests import Nothing

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_REFUSED = "counter.projects.rules:ProjectRefused"
_MISSING = "counter.projects.not_found:NoSuchProject"


@dataclass(frozen=True)
class ReadDay:
    agent: str = ""  # "" every agent's projects


@dataclass(frozen=True)
class AgentDay:
    """The agents of every open project (the chooser's names), and the rows of the agent asked for."""

    agents: tuple[str, ...]
    rows: tuple[QueueRow, ...]


@dataclass(frozen=True)
class ProjectNo:
    number: str


@dataclass(frozen=True)
class RegisterProject:
    facts: ProjectFacts


@dataclass(frozen=True)
class AssignAgents:
    number: str
    agents: tuple[str, ...]


@dataclass(frozen=True)
class SignProject:
    number: str
    day: dt.date
    items: tuple[int, ...] | None = None  # None: the items the application asked for


@dataclass(frozen=True)
class PlanProject:
    number: str
    steps: tuple[PlanStep, ...]


@dataclass(frozen=True)
class FileStep:
    number: str
    step_no: int
    day: dt.date
    case_no: str = ""


@dataclass(frozen=True)
class StepDone:
    number: str
    step_no: int
    day: dt.date
    result_no: str = ""


@dataclass(frozen=True)
class RecordCoordination:
    number: str
    coordination: Coordination


@dataclass(frozen=True)
class CompleteProject:
    number: str
    day: dt.date


@dataclass(frozen=True)
class EvaluateProject:
    number: str
    satisfaction: Satisfaction
    note: str
    day: dt.date


@dataclass(frozen=True)
class TerminateProject:
    number: str
    reason: str
    day: dt.date


@dataclass(frozen=True)
class MakePaper:
    number: str | None  # None for a leaflet (the reference list, the flow chart)
    form: ProjectForm


@dataclass(frozen=True)
class ReadReport:
    month: Month
    county: str | None = None


@dataclass(frozen=True)
class RecentProjects:
    limit: int = 500


@dataclass(frozen=True)
class ImportServiceList:
    text: str  # the shipped file's form: tab-separated lines


def read_day(work: Session, call: Call, request: ReadDay) -> AgentDay:
    """The agent's day: the open projects with their next step, overdue first, and every agent's name."""
    from counter.actions.projects import reads_shown

    agents, rows = reads_shown.agent_day(work, call.desk, call.today, request.agent, READ_DAY.name)
    return AgentDay(agents, tuple(rows))


READ_DAY = read("projects.read_day", Open.ANY_DESK, read_day)


def read_project(work: Session, call: Call, request: ProjectNo) -> ProjectView:
    """A project as it stands: its facts, plan, coordinations and history."""
    from counter.actions.projects import reads_shown

    return reads_shown.project(work, call.desk, request.number, READ_PROJECT.name)


READ_PROJECT = read("projects.read_project", Open.ANY_DESK, read_project, faults=(_MISSING,))


def recent_projects(work: Session, call: Call, request: RecentProjects) -> tuple[ProjectView, ...]:
    """The projects most recently registered, the newest first."""
    from counter.actions.projects import reads_shown

    return tuple(reads_shown.recent_projects(work, call.desk, request.limit, RECENT_PROJECTS.name))


RECENT_PROJECTS = read("projects.recent_projects", Open.ANY_DESK, recent_projects)


def read_service_list(work: Session, call: Call, request: Nothing) -> ServiceList:
    """The reference list the plans are made from: the site's own where one was imported, else the shipped one."""
    from counter.actions.projects import project_steps as steps

    return steps.service_list(work)


READ_SERVICE_LIST = read("projects.read_service_list", Open.ANY_DESK, read_service_list)


def read_report(work: Session, call: Call, request: ReadReport) -> MonthlyReport:
    """The month's report of the projects served, each as of the day asked or the month's end."""
    from counter.actions.projects import project_reads as reads

    return reads.projects_report(work, request.month, call.today, request.county)


READ_REPORT = read("projects.read_report", Open.ANY_DESK, read_report)


def register_project(work: Session, call: Call, r: RegisterProject) -> str:
    """Register an application (申请表) and give the project its number."""
    from counter.actions.projects import project_steps as steps

    return steps.register_project(work, at_desk(call), r.facts, call.today, call.now)


REGISTER_PROJECT = write("projects.register_project", Permission.AGENT_SERVICE, register_project, faults=(_REFUSED,))


def accept_project(work: Session, call: Call, r: ProjectNo) -> None:
    """受理: the scope and conditions checked, the items agreed."""
    from counter.actions.projects import project_steps as steps

    steps.accept_project(work, at_desk(call), r.number, call.today, call.now)


ACCEPT_PROJECT = write("projects.accept_project", Permission.AGENT_SERVICE, accept_project, faults=(_REFUSED, _MISSING))


def assign_agents(work: Session, call: Call, r: AssignAgents) -> None:
    """Name the project's agents, the lead first; a later call replaces them."""
    from counter.actions.projects import project_steps as steps

    steps.assign_agents(work, at_desk(call), r.number, r.agents, call.now)


ASSIGN_AGENTS = write("projects.assign_agents", Permission.AGENT_SERVICE, assign_agents, faults=(_REFUSED, _MISSING))


def sign_project(work: Session, call: Call, r: SignProject) -> None:
    """The 授权委托书 and 承诺书 signed for the items named (or those the application asked for)."""
    from counter.actions.projects import project_steps as steps

    steps.sign_project(work, at_desk(call), r.number, r.day, call.today, call.now, items=r.items)


SIGN_PROJECT = write("projects.sign_project", Permission.AGENT_SERVICE, sign_project, faults=(_REFUSED, _MISSING))


def plan_project(work: Session, call: Call, r: PlanProject) -> None:
    """Set or change the plan (申报计划); steps filed or done keep their dates and records."""
    from counter.actions.projects import project_steps as steps

    steps.plan_project(work, at_desk(call), r.number, r.steps, call.now)


PLAN_PROJECT = write("projects.plan_project", Permission.AGENT_SERVICE, plan_project, faults=(_REFUSED, _MISSING))


def file_step(work: Session, call: Call, r: FileStep) -> None:
    """A step of the plan filed with its department, with the intake taken for it if any."""
    from counter.actions.projects import project_steps as steps

    steps.file_step(work, at_desk(call), r.number, r.step_no, r.day, call.today, call.now, case_no=r.case_no)


FILE_STEP = write("projects.file_step", Permission.AGENT_SERVICE, file_step, faults=(_REFUSED, _MISSING))


def step_done(work: Session, call: Call, r: StepDone) -> None:
    """A step's approval given, under its number."""
    from counter.actions.projects import project_steps as steps

    steps.step_done(work, at_desk(call), r.number, r.step_no, r.day, call.today, call.now, result_no=r.result_no)


STEP_DONE = write("projects.step_done", Permission.AGENT_SERVICE, step_done, faults=(_REFUSED, _MISSING))


def record_coordination(work: Session, call: Call, r: RecordCoordination) -> None:
    """A coordination with a department: who, what, and its outcome.

    The coordination is recorded as the desk's clerk's (at the hall server, the session's account), whatever agent
    the request names: the agent who records it is the one who did it."""
    from counter.actions.projects import project_steps as steps

    at = at_desk(call)
    coordination = dataclasses.replace(r.coordination, agent=at.clerk)
    steps.record_coordination(work, at, r.number, coordination, call.today, call.now)


RECORD_COORDINATION = write(
    "projects.record_coordination", Permission.AGENT_SERVICE, record_coordination, faults=(_REFUSED, _MISSING)
)


def complete_project(work: Session, call: Call, r: CompleteProject) -> None:
    """办结: every step done, the materials returned."""
    from counter.actions.projects import project_steps as steps

    steps.complete_project(work, at_desk(call), r.number, r.day, call.today, call.now)


COMPLETE_PROJECT = write(
    "projects.complete_project", Permission.AGENT_SERVICE, complete_project, faults=(_REFUSED, _MISSING)
)


def evaluate_project(work: Session, call: Call, r: EvaluateProject) -> None:
    """The 评价表, given once."""
    from counter.actions.projects import project_steps as steps

    steps.evaluate_project(work, at_desk(call), r.number, r.satisfaction, r.note, r.day, call.now)


EVALUATE_PROJECT = write(
    "projects.evaluate_project", Permission.AGENT_SERVICE, evaluate_project, faults=(_REFUSED, _MISSING)
)


def terminate_project(work: Session, call: Call, r: TerminateProject) -> None:
    """终止 with its reason, agreed by both sides."""
    from counter.actions.projects import project_steps as steps

    steps.terminate_project(work, at_desk(call), r.number, r.reason, r.day, call.today, call.now)


TERMINATE_PROJECT = write(
    "projects.terminate_project", Permission.AGENT_SERVICE, terminate_project, faults=(_REFUSED, _MISSING)
)


def make_paper(work: Session, call: Call, r: MakePaper) -> ProjectPaperMade:
    """A project's form, numbered and kept the first time and the same paper after; or a leaflet."""
    from counter.actions.projects.project_papers import make_project_paper

    return make_project_paper(work, at_desk(call), r.number, r.form, call.today, call.now)


# a leaflet asks the right to print, a project's form the agent service's
MAKE_PAPER = write(
    "projects.make_paper",
    Open.IN_ACTION,
    make_paper,
    faults=(_MISSING, "counter.projects.papers:ProjectPaperNotPossible"),
)


def import_service_list(work: Session, call: Call, r: ImportServiceList) -> ServiceList:
    """Replace the site's reference list, checked whole first."""
    from counter.actions.projects import project_steps as steps

    return steps.import_service_list(work, at_desk(call), r.text)


IMPORT_SERVICE_LIST = write(
    "projects.import_service_list",
    Permission.MANAGE_CATALOG,
    import_service_list,
    faults=("counter.projects.service_items:BadServiceList",),
)
