"""The problems of a 帮您办 project's facts or plan file, as sentences the clerk can correct the file by.

Each names the field and the value the file holds; a problem of a plan's step says which step, counted from 1 as the
file lists them (:mod:`counter.projects.inputs`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from counter.projects.inputs import FieldKind, InputProblem, InputProblemCode
from counter.words.translate import tr

FIELD_KIND = {
    FieldKind.TEXT: tr("文字"),
    FieldKind.WHOLE: tr("整数"),
    FieldKind.YES_NO: tr("是或否（true 或 false）"),
    FieldKind.LIST: tr("列表"),
}


#: each problem's sentence; what it may name: path, field, kind, and the value as value, item or error
PROBLEM = {
    InputProblemCode.NOT_JSON_OR_TOML: tr("文件 {path} 不是有效的 JSON 或 TOML：{error}"),
    InputProblemCode.NOT_AN_OBJECT: tr("文件 {path} 的内容应为一个对象（字段和值）。"),
    InputProblemCode.NO_STEPS: tr("文件 {path} 应列出申报计划的步骤（steps）。"),
    InputProblemCode.UNKNOWN_FIELD: tr("未知字段“{field}”。"),
    InputProblemCode.WRONG_TYPE: tr("字段“{field}”应为{kind}。"),
    InputProblemCode.UNKNOWN_CLASS: tr("项目类别“{value}”应为 key、investment、innovation、encouraged 之一。"),
    InputProblemCode.ITEM_NOT_A_NUMBER: tr("申请代办的事项“{value}”应为参考目录的序号（整数）。"),
    InputProblemCode.NOT_ON_LIST: tr("参考目录中没有第 {item} 项。"),
    InputProblemCode.UNKNOWN_STAGE: tr("阶段“{value}”应为立项、用地、规划、施工、竣工之一。"),
    InputProblemCode.BAD_DATE: tr("预计办结日期“{value}”应为 YYYY-MM-DD 格式的日期。"),
}
#: a step that is not a table of fields: the step is named before it, the file is not
STEP_NOT_AN_OBJECT = tr("应为一个对象（字段和值）。")


def _problem_text(problem: InputProblem, path: Path | str) -> str:
    if problem.code is InputProblemCode.NOT_AN_OBJECT and problem.step:
        return STEP_NOT_AN_OBJECT
    kind = FIELD_KIND[problem.kind] if problem.kind is not None else ""
    detail = problem.detail
    return PROBLEM[problem.code].format(
        path=path, field=problem.field, kind=kind, value=detail, item=detail, error=detail
    )


def input_problems_text(problems: Iterable[InputProblem], path: Path | str = "") -> list[str]:
    """One line per problem, in the file's order; ``path`` names the file where the problem is the whole file's."""
    lines = []
    for problem in problems:
        text = _problem_text(problem, path)
        lines.append(tr("第 {no} 步：{problem}").format(no=problem.step, problem=text) if problem.step else text)
    return lines
