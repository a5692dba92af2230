"""A 帮您办 project as plain values: its facts, its agents, its plan, its coordinations and its history.

The facts are those of the 申请表 (附件3): the project unit (项目单位, its address, head, post code, phone and the
person who handles it), the project (name, address, 项目编码 from the national investment projects platform,
investment in 万元, source of funds, land, whether a key project, use and scale, approvals so far), and what the
window records beside them: the county that serves it, the industry, and why it qualifies (方案 二(一):
重点投资建设项目, 招商引资的重大项目, 科技创新类, 国家鼓励类).  The requested items are numbers of the
reference list (附件1).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from counter.parties.masking import mask_address, mask_id, mask_phone


class ProjectState(StrEnum):
    APPLIED = "applied"  # 申请: the application registered
    ACCEPTED = "accepted"  # 受理: scope and conditions checked, the items agreed (附件2)
    IN_SERVICE = "in_service"  # 代办中: 授权委托书 and 承诺书 signed, an agent serving
    COMPLETED = "completed"  # 办结: every planned approval done, materials returned (附件6)
    TERMINATED = "terminated"  # 终止: ended early by both sides (附件8)


class ProjectClass(StrEnum):
    """Why the project qualifies for the service (方案 二(一))."""

    KEY = "key"  # 县级及以上地方人民政府确定的重点投资建设项目
    INVESTMENT = "investment"  # 招商引资的重大项目
    INNOVATION = "innovation"  # 科技创新类
    ENCOURAGED = "encouraged"  # 国家鼓励类


class Stage(StrEnum):
    """The stages of an investment project's approvals, in their order (方案 二(六))."""

    INITIATION = "initiation"  # 立项
    LAND = "land"  # 用地
    PLANNING = "planning"  # 规划
    CONSTRUCTION = "construction"  # 施工
    COMPLETION = "completion"  # 竣工


STAGE_ORDER: tuple[Stage, ...] = tuple(Stage)


class StepState(StrEnum):
    PLANNED = "planned"  # 待申报
    FILED = "filed"  # 已申报: the department took the application (an intake, when taken at this hall)
    DONE = "done"  # 已办结: the approval given


class Satisfaction(StrEnum):
    """The three answers of the 评价表 (附件7)."""

    VERY_SATISFIED = "very_satisfied"  # 非常满意
    SATISFIED = "satisfied"  # 满意
    DISSATISFIED = "dissatisfied"  # 不满意


class ProjectEvent(StrEnum):
    """What happened to a project: one history line each."""

    APPLIED = "applied"
    ACCEPTED = "accepted"
    AGENT_ASSIGNED = "agent_assigned"
    SIGNED = "signed"  # 授权委托书 and 承诺书 signed
    PLANNED = "planned"  # the plan (申报计划) set or changed
    STEP_FILED = "step_filed"
    STEP_DONE = "step_done"
    COORDINATED = "coordinated"  # a coordination recorded (会商会审, a call, a joint review)
    COMPLETED = "completed"
    EVALUATED = "evaluated"
    TERMINATED = "terminated"


@dataclass(frozen=True, slots=True)
class ProjectFacts:
    """What the 申请表 says of the project and its unit, and what the window adds."""

    name: str  # 项目名称
    investor: str  # 项目单位名称
    location: str  # 项目地址
    county: str  # 旗县市 that serves it: what the monthly report groups by
    investment: int  # 投资总额, 万元
    investor_address: str = ""
    investor_head: str = ""  # 项目单位负责人
    postcode: str = ""
    phone: str = ""
    contact: str = ""  # 经办人 of the project unit
    contact_id_no: str = ""
    code: str = ""  # 项目编码 (投资项目在线审批监管平台), once the project has one
    funding: str = ""  # 资金来源
    land: str = ""  # 土地性质
    key_project: bool = False  # 是否重点项目
    # 政府投资项目 (政府投资条例 第二条: 使用预算安排的资金进行固定资产投资建设活动): its approvals are the
    # 政府投资 ones (项目建议书, 可行性研究报告, 初步设计); an enterprise's project is 核准 or 备案 instead
    government: bool = False
    purpose: str = ""  # 项目主要用途及规模
    progress: str = ""  # 目前审批进展情况
    industry: str = ""
    classes: frozenset[ProjectClass] = frozenset()
    requested: tuple[int, ...] = ()  # the reference list's numbers the applicant asks help with

    def masked(self) -> ProjectFacts:
        """The unit's contact as paper shows it to whoever may not see a person whole: the ID number, the phone and
        the unit's address masked (:mod:`counter.parties.masking`)."""
        return dataclasses.replace(
            self,
            contact_id_no=mask_id(self.contact_id_no) if self.contact_id_no else "",
            phone=mask_phone(self.phone) if self.phone else "",
            investor_address=mask_address(self.investor_address) if self.investor_address else "",
        )


@dataclass(frozen=True, slots=True)
class PlanStep:
    """One approval of the plan: which, where, at which stage, when it is expected and when it happened.

    Steps of one stage run in parallel (并联审批); a stage's steps are filed when the earlier stages are done.
    ``case_no`` links the intake the hall took for it, if it was taken here.
    """

    no: int  # 1… within the project
    name: str
    department: str
    stage: Stage
    expected_on: dt.date
    item_no: int = 0  # the reference list's number; 0 for an approval not on the list
    filed_on: dt.date | None = None
    done_on: dt.date | None = None
    case_no: str = ""
    result_no: str = ""  # the approval's number (licence, filing)
    joint: str = ""  # the joint review it is part of (多评合一, 多图联审, 联合验收), if any

    @property
    def state(self) -> StepState:
        if self.done_on is not None:
            return StepState.DONE
        return StepState.FILED if self.filed_on is not None else StepState.PLANNED


@dataclass(frozen=True, slots=True)
class Coordination:
    """A coordination the agent recorded: with whom, about what, and what came of it."""

    day: dt.date
    with_whom: str
    what: str
    outcome: str
    agent: str
    step_no: int = 0  # the plan step it concerns, if one


@dataclass(frozen=True, slots=True)
class ProjectLine:
    """A line of the project's history: when, what, by whom, and the event's note."""

    at: dt.datetime
    event: ProjectEvent
    by: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class ProjectView:
    """A project as stored."""

    project_no: str
    site_code: str
    state: ProjectState
    facts: ProjectFacts
    applied_on: dt.date
    agents: tuple[str, ...] = ()
    accepted_on: dt.date | None = None
    signed_on: dt.date | None = None
    # the items the last signed 授权委托书 lists (its 代办帮办内容): what the agent may act on; () before signing
    mandate: tuple[int, ...] = ()
    ended_on: dt.date | None = None  # 办结 or 终止
    end_reason: str = ""  # the 终止单's reason
    satisfaction: Satisfaction | None = None
    evaluation_note: str = ""  # the 评价表's 意见及建议
    evaluated_on: dt.date | None = None
    steps: tuple[PlanStep, ...] = ()
    coordinations: tuple[Coordination, ...] = ()
    history: tuple[ProjectLine, ...] = field(default=())

    def step(self, no: int) -> PlanStep | None:
        return next((s for s in self.steps if s.no == no), None)

    def masked(self) -> ProjectView:
        """The project with its contact's numbers and the unit's address masked (:meth:`ProjectFacts.masked`)."""
        return dataclasses.replace(self, facts=self.facts.masked())


def mandate_of(history: Iterable[ProjectLine], requested: tuple[int, ...]) -> tuple[int, ...]:
    """The items of the last 授权委托书 signed, from the project's history: its signing line keeps them (a line from
    before they were kept, a bare date, signed for what the application asked); () when none was signed."""
    mandate: tuple[int, ...] = ()
    for line in history:
        if line.event is not ProjectEvent.SIGNED:
            continue
        try:
            note = json.loads(line.note)
        except ValueError:
            note = None
        listed = note.get("items") if isinstance(note, dict) else None
        mandate = tuple(int(n) for n in listed) if isinstance(listed, list) else requested
    return mandate
