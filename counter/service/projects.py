"""帮您办, the agent service: the agent's day, a project read and moved from registration to its end, its papers,
the monthly report, and the reference list of approvals the plans are made from.

Each move names the project by its number and carries the day and moment the face reads from its clock (a
training run's day); the action checks the move against the project as it stands and refuses with every problem
(:class:`counter.projects.rules.ProjectRefused`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.access.roles import Permission
from counter.documents.project_paper_made import ProjectPaperMade
from counter.projects.forms import ProjectForm
from counter.projects.model import Coordination, PlanStep, ProjectFacts, ProjectView, Satisfaction
from counter.projects.queue import QueueRow
from counter.projects.report import Month, MonthlyReport
from counter.projects.service_items import ServiceList
from counter.service.operation import Open, read, write

_RUNS = "counter.service.runs.projects:"
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
class NoRequest:
    """A request that carries nothing."""


@dataclass(frozen=True)
class RegisterProject:
    facts: ProjectFacts


@dataclass(frozen=True)
class AcceptProject:
    number: str


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


READ_DAY = read(
    "projects.read_day",
    ReadDay,
    AgentDay,
    Open.ANY_DESK,
    _RUNS + "read_day",
    doc="The agent's day: the open projects with their next step, overdue first, and every agent's name.",
)
READ_PROJECT = read(
    "projects.read_project",
    ProjectNo,
    ProjectView,
    Open.ANY_DESK,
    _RUNS + "read_project",
    faults=(_MISSING,),
    doc="A project as it stands: its facts, plan, coordinations and history.",
)
RECENT_PROJECTS = read(
    "projects.recent_projects",
    RecentProjects,
    tuple[ProjectView, ...],
    Open.ANY_DESK,
    _RUNS + "recent_projects",
    doc="The projects most recently registered, the newest first.",
)
READ_SERVICE_LIST = read(
    "projects.read_service_list",
    NoRequest,
    ServiceList,
    Open.ANY_DESK,
    _RUNS + "read_service_list",
    doc="The reference list the plans are made from: the site's own where one was imported, else the shipped one.",
)
READ_REPORT = read(
    "projects.read_report",
    ReadReport,
    MonthlyReport,
    Open.ANY_DESK,
    _RUNS + "read_report",
    doc="The month's report of the projects served, each as of the day asked or the month's end.",
)
REGISTER_PROJECT = write(
    "projects.register_project",
    RegisterProject,
    str,
    Permission.AGENT_SERVICE,
    _RUNS + "register_project",
    faults=(_REFUSED,),
    doc="Register an application (申请表) and give the project its number.",
)
ACCEPT_PROJECT = write(
    "projects.accept_project",
    AcceptProject,
    None,
    Permission.AGENT_SERVICE,
    _RUNS + "accept_project",
    faults=(_REFUSED, _MISSING),
    doc="受理: the scope and conditions checked, the items agreed.",
)
ASSIGN_AGENTS = write(
    "projects.assign_agents",
    AssignAgents,
    None,
    Permission.AGENT_SERVICE,
    _RUNS + "assign_agents",
    faults=(_REFUSED, _MISSING),
    doc="Name the project's agents, the lead first; a later call replaces them.",
)
SIGN_PROJECT = write(
    "projects.sign_project",
    SignProject,
    None,
    Permission.AGENT_SERVICE,
    _RUNS + "sign_project",
    faults=(_REFUSED, _MISSING),
    doc="The 授权委托书 and 承诺书 signed for the items named (or those the application asked for).",
)
PLAN_PROJECT = write(
    "projects.plan_project",
    PlanProject,
    None,
    Permission.AGENT_SERVICE,
    _RUNS + "plan_project",
    faults=(_REFUSED, _MISSING),
    doc="Set or change the plan (申报计划); steps filed or done keep their dates and records.",
)
FILE_STEP = write(
    "projects.file_step",
    FileStep,
    None,
    Permission.AGENT_SERVICE,
    _RUNS + "file_step",
    faults=(_REFUSED, _MISSING),
    doc="A step of the plan filed with its department, with the intake taken for it if any.",
)
STEP_DONE = write(
    "projects.step_done",
    StepDone,
    None,
    Permission.AGENT_SERVICE,
    _RUNS + "step_done",
    faults=(_REFUSED, _MISSING),
    doc="A step's approval given, under its number.",
)
RECORD_COORDINATION = write(
    "projects.record_coordination",
    RecordCoordination,
    None,
    Permission.AGENT_SERVICE,
    _RUNS + "record_coordination",
    faults=(_REFUSED, _MISSING),
    doc="A coordination with a department: who, what, and its outcome.",
)
COMPLETE_PROJECT = write(
    "projects.complete_project",
    CompleteProject,
    None,
    Permission.AGENT_SERVICE,
    _RUNS + "complete_project",
    faults=(_REFUSED, _MISSING),
    doc="办结: every step done, the materials returned.",
)
EVALUATE_PROJECT = write(
    "projects.evaluate_project",
    EvaluateProject,
    None,
    Permission.AGENT_SERVICE,
    _RUNS + "evaluate_project",
    faults=(_REFUSED, _MISSING),
    doc="The 评价表, given once.",
)
TERMINATE_PROJECT = write(
    "projects.terminate_project",
    TerminateProject,
    None,
    Permission.AGENT_SERVICE,
    _RUNS + "terminate_project",
    faults=(_REFUSED, _MISSING),
    doc="终止 with its reason, agreed by both sides.",
)
MAKE_PAPER = write(
    "projects.make_paper",
    MakePaper,
    ProjectPaperMade,
    Open.IN_ACTION,  # a leaflet asks the right to print, a project's form the agent service's
    _RUNS + "make_paper",
    faults=(_MISSING, "counter.projects.papers:ProjectPaperNotPossible"),
    doc="A project's form, numbered and kept the first time and the same paper after; or a leaflet.",
)
IMPORT_SERVICE_LIST = write(
    "projects.import_service_list",
    ImportServiceList,
    ServiceList,
    Permission.MANAGE_CATALOG,
    _RUNS + "import_service_list",
    faults=("counter.projects.service_items:BadServiceList",),
    doc="Replace the site's reference list, checked whole first.",
)
