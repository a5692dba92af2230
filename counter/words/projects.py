"""The words of the 帮您办 service (代办帮办 of investment projects), for the window and the command line alike.

Every name is keyed by the domain's own code: a project's state, a stage, why a project qualifies, a plan step's
state, the answer of the 评价表, what a project waits on next, a history event, and every refusal of a move
(:class:`counter.projects.rules.ProjectProblem`) and of the reference list (:class:`ListProblem`) as a sentence the
clerk can act on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from counter.projects.model import (
    ProjectClass,
    ProjectEvent,
    ProjectLine,
    ProjectState,
    Satisfaction,
    Stage,
    StepState,
)
from counter.projects.report import NO_STAGE
from counter.projects.rules import ProjectProblem
from counter.projects.schedule import NextKind, NextStep
from counter.projects.service_items import ListFault, ListProblem
from counter.words.punctuation import ASIDE, FIELD_LABEL, LIST_JOIN
from counter.words.translate import tr

PROJECT_STATE = {
    ProjectState.APPLIED: tr("申请"),
    ProjectState.ACCEPTED: tr("受理"),
    ProjectState.IN_SERVICE: tr("代办中"),
    ProjectState.COMPLETED: tr("办结"),
    ProjectState.TERMINATED: tr("终止"),
}
STAGE = {
    Stage.INITIATION: tr("立项"),
    Stage.LAND: tr("用地"),
    Stage.PLANNING: tr("规划"),
    Stage.CONSTRUCTION: tr("施工"),
    Stage.COMPLETION: tr("竣工"),
}
NO_STAGE_WORD = tr("未编制计划")  # the report's stage of a project without a plan yet
PROJECT_CLASS = {
    ProjectClass.KEY: tr("重点投资建设项目"),
    ProjectClass.INVESTMENT: tr("招商引资重大项目"),
    ProjectClass.INNOVATION: tr("科技创新类项目"),
    ProjectClass.ENCOURAGED: tr("国家鼓励类项目"),
}
STEP_STATE = {
    StepState.PLANNED: tr("待申报"),
    StepState.FILED: tr("已申报"),
    StepState.DONE: tr("已办结"),
}
SATISFACTION = {
    Satisfaction.VERY_SATISFIED: tr("非常满意"),
    Satisfaction.SATISFIED: tr("满意"),
    Satisfaction.DISSATISFIED: tr("不满意"),
}
NEXT_KIND = {
    NextKind.ACCEPT: tr("待受理"),
    NextKind.SIGN: tr("待签订授权委托书、承诺书"),
    NextKind.PLAN: tr("待编制申报计划"),
    NextKind.FILE: tr("待申报"),
    NextKind.AWAIT: tr("待部门办结"),
    NextKind.COMPLETE: tr("审批均已办结，待办结"),
    NextKind.EVALUATE: tr("已办结，待评价"),
}
PROJECT_EVENT = {
    ProjectEvent.APPLIED: tr("登记申请"),
    ProjectEvent.ACCEPTED: tr("受理"),
    ProjectEvent.AGENT_ASSIGNED: tr("确定代办员"),
    ProjectEvent.SIGNED: tr("签订授权委托书、承诺书"),
    ProjectEvent.PLANNED: tr("编制申报计划"),
    ProjectEvent.STEP_FILED: tr("申报"),
    ProjectEvent.STEP_DONE: tr("审批办结"),
    ProjectEvent.COORDINATED: tr("协调"),
    ProjectEvent.COMPLETED: tr("办结"),
    ProjectEvent.EVALUATED: tr("评价"),
    ProjectEvent.TERMINATED: tr("终止"),
}

PROJECT_PROBLEM = {
    ProjectProblem.NOT_NOW: tr("项目现在是“{state}”，不能办理这一步。"),
    ProjectProblem.NAME_MISSING: tr("请填写项目名称。"),
    ProjectProblem.INVESTOR_MISSING: tr("请填写项目单位名称。"),
    ProjectProblem.LOCATION_MISSING: tr("请填写项目地址。"),
    ProjectProblem.COUNTY_MISSING: tr("请填写服务该项目的旗县市。"),
    ProjectProblem.INVESTMENT_OUT_OF_RANGE: tr("投资总额应为大于零的整数，单位为万元，请核对是否误填为元。"),
    ProjectProblem.NO_CLASS: tr(
        "项目须属于重点投资建设项目、招商引资重大项目、科技创新类或国家鼓励类之一，才能享受代办帮办服务。"
    ),
    ProjectProblem.NOTHING_REQUESTED: tr("请填写申请代办的事项（参考目录的序号）。"),
    ProjectProblem.UNKNOWN_ITEM: tr("所填事项序号不在“帮您办”代办帮办服务事项参考目录中。"),
    ProjectProblem.APPROVAL_AND_FILING: tr(
        "企业投资项目核准与备案只能选其一：列入政府核准目录的项目办核准，其他项目办备案"
        "（企业投资项目核准和备案管理条例第三条）。"
    ),
    ProjectProblem.GOVERNMENT_ITEM: tr(
        "政府投资项目的审批事项只适用于使用预算安排资金的政府投资项目（政府投资条例第二条），"
        "本项目未标明为政府投资项目。"
    ),
    ProjectProblem.ENTERPRISE_ITEM: tr("政府投资项目按政府投资条例审批，不办理企业投资项目核准或备案。"),
    ProjectProblem.OUTSIDE_MANDATE: tr(
        "该事项不在已签订的授权委托书所列代办事项中，须先与项目单位签订新的授权委托书。"
    ),
    ProjectProblem.MANDATE_DROPS_STEP: tr("新的授权委托书不能去掉已申报或已办结的代办事项。"),
    ProjectProblem.DATE_BEFORE_SIGNING: tr("新的授权委托书的签订日期不能早于上一份。"),
    ProjectProblem.NO_AGENT: tr("请先确定代办员，再签订授权委托书和承诺书。"),
    ProjectProblem.PLAN_EMPTY: tr("申报计划还没有审批事项。"),
    ProjectProblem.PLAN_TOO_LONG: tr("申报计划的审批事项过多，最多 60 项。"),
    ProjectProblem.STEP_INCOMPLETE: tr("申报计划的每个审批事项都须写明事项名称和承办部门。"),
    ProjectProblem.STEP_DUPLICATE: tr("申报计划中同一参考目录事项出现了两次。"),
    ProjectProblem.STEP_BEFORE_ACCEPTED: tr("审批事项的预计办结日期不能早于项目受理日期。"),
    ProjectProblem.STEP_CHANGED_AFTER_FILING: tr("已申报或已办结的审批事项不能从计划中删去、改名或移到其他阶段。"),
    ProjectProblem.NO_SUCH_STEP: tr("申报计划中没有这个步骤，请核对步骤序号。"),
    ProjectProblem.NO_SUCH_CASE: tr("本数据库中没有所填的办件编号，请核对受理凭证上的编号。"),
    ProjectProblem.STEP_ALREADY: tr("这个审批事项已经办理过这一步。"),
    ProjectProblem.STEP_NOT_FILED: tr("这个审批事项还没有申报，不能记为办结。"),
    ProjectProblem.EARLIER_STAGE_OPEN: tr(
        "前一阶段的审批事项尚未全部办结，须按立项、用地、规划、施工、竣工的顺序申报。"
    ),
    ProjectProblem.DATE_IN_FUTURE: tr("日期不能晚于今天。"),
    ProjectProblem.DATE_BEFORE_FILING: tr("办结日期不能早于申报日期。"),
    ProjectProblem.STEPS_OPEN: tr("申报计划中还有审批事项未办结，不能办结项目。"),
    ProjectProblem.REASON_MISSING: tr("终止代办须写明原因。"),
    ProjectProblem.TEXT_NOT_TAKEN: tr(
        "有内容含有看不见的字符、控制字符或文字方向控制符，或超过长度（姓名50个字、单位名称100个字、地址120个字、"
        "其他500个字），请检查后重新填写。"
    ),
    ProjectProblem.ALREADY_EVALUATED: tr("该项目已经评价过，评价只能填写一次。"),
    ProjectProblem.COORDINATION_INCOMPLETE: tr("协调记录须写明协调对象、协调事项和协调结果。"),
}

LIST_PROBLEM = {
    ListProblem.COLUMNS: tr("第 {line} 行：应为以制表符分隔的五列（序号、承办部门、事项名称、事项类型、阶段）：{text}"),
    ListProblem.NUMBER: tr("第 {line} 行：序号“{text}”应为正整数。"),
    ListProblem.DUPLICATE_NUMBER: tr("第 {line} 行：序号 {text} 重复。"),
    ListProblem.DUPLICATE_NAME: tr("第 {line} 行：事项“{text}”重复。"),
    ListProblem.EMPTY: tr("第 {line} 行：承办部门或事项名称为空。"),
    ListProblem.KIND: tr(
        "第 {line} 行：事项类型“{text}”应为行政许可、行政确认、行政给付、行政裁决、其他行政权力或公共服务之一。"
    ),
    ListProblem.STAGE: tr("第 {line} 行：阶段“{text}”应为立项、用地、规划、施工、竣工之一。"),
    ListProblem.NO_ITEMS: tr("参考目录中没有任何事项。"),
}

NO_SUCH_PROJECT = tr("没有编号为 {project_no} 的帮您办项目。")
BAD_SERVICE_LIST = tr("“帮您办”代办帮办服务事项参考目录有误，不能使用：")
LIST_FILE_UNREADABLE = tr("目录文件 {path} 无法读取：{error}。本站点的目录未作改动。")
STEP_NAMED = tr("第 {no} 步 {name}")
OVERDUE = tr("逾期")
OVERDUE_STEPS = tr("逾期 {count} 项")


def problem_text(problem: ProjectProblem, state: ProjectState | None = None) -> str:
    """The sentence of ``problem``; ``state`` the project's, for a move not allowed now."""
    state_word = PROJECT_STATE[state] if state is not None else tr("当前状态")
    return PROJECT_PROBLEM[problem].format(state=state_word)


def problems_text(problems: Iterable[ProjectProblem], state: ProjectState | None = None) -> list[str]:
    return [problem_text(p, state) for p in problems]


def list_fault_text(fault: ListFault) -> str:
    return LIST_PROBLEM[fault.problem].format(line=fault.line, text=fault.text)


def stage_text(stage: str) -> str:
    """A report's stage column: a :class:`Stage`'s value or :data:`NO_STAGE`."""
    return NO_STAGE_WORD if stage == NO_STAGE else STAGE[Stage(stage)]


def next_text(step: NextStep | None) -> str:
    """What a project waits on: the kind, with the plan step's number and name when it is one."""
    if step is None:
        return ""
    kind = NEXT_KIND[step.kind]
    if step.step is None:
        return kind
    return ASIDE.format(text=kind, aside=STEP_NAMED.format(no=step.step.no, name=step.step.name))


HISTORY_STEP = tr("第 {step} 步，{day}")
HISTORY_STEP_CASE = tr("第 {step} 步，{day}，办件 {case}")
HISTORY_STEPS = tr("共 {count} 个审批事项")
HISTORY_WITH = tr("与{with_whom}")
HISTORY_SIGNED = tr("{day}，委托代办参考目录第 {items} 项")


def history_note_text(line: ProjectLine) -> str:
    """The note of a history line in words (the stored note is a format, never shown as it is)."""
    note, event = line.note, line.event
    if event in (ProjectEvent.AGENT_ASSIGNED, ProjectEvent.STEP_FILED, ProjectEvent.STEP_DONE, ProjectEvent.SIGNED):
        return _parameters_text(event, note)
    if event is ProjectEvent.PLANNED and note.isdigit():
        return HISTORY_STEPS.format(count=int(note))
    if event is ProjectEvent.EVALUATED and note in tuple(Satisfaction):
        return SATISFACTION[Satisfaction(note)]
    if event is ProjectEvent.COORDINATED and note:
        return HISTORY_WITH.format(with_whom=note)
    return note


def _parameters_text(event: ProjectEvent, note: str) -> str:
    """A note stored as its parameters (agents; a step, its day and case)."""
    try:
        data = json.loads(note or "{}")
    except ValueError:
        data = None
    if not isinstance(data, dict):
        return note
    if event is ProjectEvent.AGENT_ASSIGNED:
        return LIST_JOIN.join(str(a) for a in data.get("agents", ()))
    if event is ProjectEvent.SIGNED:
        return HISTORY_SIGNED.format(
            day=data.get("day", ""), items=LIST_JOIN.join(str(n) for n in data.get("items", ()))
        )
    step, day, case = data.get("step", ""), data.get("day", ""), data.get("case", "")
    if case:
        return HISTORY_STEP_CASE.format(step=step, day=day, case=case)
    return HISTORY_STEP.format(step=step, day=day)


def history_text(line: ProjectLine) -> str:
    """A history line: the event, and its note after a colon when it has one."""
    note = history_note_text(line)
    event = PROJECT_EVENT[line.event]
    return FIELD_LABEL.format(label=event) + note if note else event
