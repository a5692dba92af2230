"""The papers of the 帮您办 service (附件1-8) and when each may be printed for a project.

The reference list (附件1) and the flow chart (附件2) are the window's, printed for anyone; the six forms are a
project's: the 申请表 (附件3) from its registration, the 授权委托书 and 承诺书 (附件4, 5) once it is accepted and to
be signed, the 办结单 and the 评价表 (附件6, 7) once it is completed, the 终止单 (附件8) once it is terminated.
"""

from __future__ import annotations

from enum import StrEnum

from counter.projects.model import ProjectState


class ProjectForm(StrEnum):
    CATALOGUE = "catalogue"  # 附件1 事项参考目录
    FLOWCHART = "flowchart"  # 附件2 流程图
    APPLICATION = "application"  # 附件3 申请表
    AUTHORISATION = "authorisation"  # 附件4 授权委托书
    PLEDGE = "pledge"  # 附件5 承诺书
    COMPLETION = "completion"  # 附件6 办结单
    EVALUATION = "evaluation"  # 附件7 评价表
    TERMINATION = "termination"  # 附件8 终止单

    @property
    def annex(self) -> int:
        return tuple(ProjectForm).index(self) + 1

    @property
    def needs_project(self) -> bool:
        return self not in (ProjectForm.CATALOGUE, ProjectForm.FLOWCHART)


_SIGNED_FROM = frozenset({ProjectState.ACCEPTED, ProjectState.IN_SERVICE, ProjectState.COMPLETED,
                          ProjectState.TERMINATED})  # fmt: skip
PRINTABLE_IN: dict[ProjectForm, frozenset[ProjectState]] = {
    ProjectForm.CATALOGUE: frozenset(ProjectState),
    ProjectForm.FLOWCHART: frozenset(ProjectState),
    ProjectForm.APPLICATION: frozenset(ProjectState),
    ProjectForm.AUTHORISATION: _SIGNED_FROM,
    ProjectForm.PLEDGE: _SIGNED_FROM,
    ProjectForm.COMPLETION: frozenset({ProjectState.COMPLETED}),
    ProjectForm.EVALUATION: frozenset({ProjectState.COMPLETED}),
    ProjectForm.TERMINATION: frozenset({ProjectState.TERMINATED}),
}


def printable(form: ProjectForm, state: ProjectState) -> bool:
    return state in PRINTABLE_IN[form]
