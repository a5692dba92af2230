"""The words of ``counter project print``: the 帮您办 papers by their names, and why one cannot be printed now.

The papers' own wording is :mod:`counter.documents.project_words`, Chinese by law and never translated; these are
the desk's words about them.
"""

from __future__ import annotations

from collections.abc import Iterable

from counter.projects.forms import PRINTABLE_IN, ProjectForm
from counter.projects.model import ProjectState
from counter.words.projects import PROJECT_STATE
from counter.words.punctuation import LIST_JOIN, MARK_JOIN
from counter.words.translate import tr

FORM_NAME = {
    ProjectForm.CATALOGUE: tr("事项参考目录"),
    ProjectForm.FLOWCHART: tr("流程图"),
    ProjectForm.APPLICATION: tr("申请表"),
    ProjectForm.AUTHORISATION: tr("授权委托书"),
    ProjectForm.PLEDGE: tr("承诺书"),
    ProjectForm.COMPLETION: tr("办结单"),
    ProjectForm.EVALUATION: tr("评价表"),
    ProjectForm.TERMINATION: tr("终止单"),
}
PRINT_HELP = tr(
    "打印帮您办的文书（附件1-8）：事项参考目录、流程图，或项目的申请表、授权委托书、承诺书、办结单、评价表、终止单"
)
PROJECT_HELP = tr("项目编号；事项参考目录和流程图不需要")
#: each value of ``--form`` with its paper's name, as the other choices' helps say theirs ("on 允许，off 不允许")
FORM_HELP = tr("哪一种文书：{forms}").format(
    forms=MARK_JOIN.join(f"{form.value} {name}" for form, name in FORM_NAME.items())
)
OUT_HELP = tr("保存为 PDF 文件")
NEEDS_PROJECT = tr("打印{form}需要写项目编号。")
NOT_NOW = tr("项目 {project_no} 当前为“{state}”，不能打印{form}；{form}在以下状态可以打印：{states}。")
PRINTED = tr("{what}\t{out}")


def not_now_text(project_no: str, form: ProjectForm, state: ProjectState | None) -> str:
    """Why ``form`` cannot be printed for the project now, and in which states it can."""
    states: Iterable[ProjectState] = (s for s in ProjectState if s in PRINTABLE_IN[form])
    return NOT_NOW.format(
        project_no=project_no,
        state=PROJECT_STATE[state] if state is not None else "",
        form=FORM_NAME[form],
        states=LIST_JOIN.join(PROJECT_STATE[s] for s in states),
    )
