"""The words of 即办件 for both faces: the same-day step, why it is refused, and the 24-point table's two figures."""

from __future__ import annotations

from counter.case.promise_figures import REDUCTION_GOAL, SAME_DAY_SHARE_GOAL, FigureGroup, PromiseFigures
from counter.case.same_day import SameDayProblem
from counter.words.ratings import percent_text
from counter.words.translate import tr

SAME_DAY_ACTION = tr("当场办结并送达")
# the note of both history lines of the step (counter.case.same_day.NOTE_SAME_DAY)
SAME_DAY_NOTE = tr("即办件，窗口当场办结")
SAME_DAY_DONE = tr("办件 {case_no} 已当场办结，结果已在窗口交申请人：已送达。")
SAME_DAY_REFUSED = tr("办件 {case_no} 不能当场办结：{reasons}")
SAME_DAY_PROBLEM = {
    SameDayProblem.NOT_IMMEDIATE: tr("这件事不全是即办件（有承诺件，或承诺时限不是 0 天），须按承诺时限办理"),
    SameDayProblem.NOT_ACCEPTED: tr("办件现在不是“已受理”状态"),
    SameDayProblem.NOT_TODAY: tr("办件不是今天受理的，已离开窗口"),
    SameDayProblem.NOT_AT_WINDOW: tr("申请人选择的送达方式不是窗口领取"),
    SameDayProblem.NOT_WINDOW_DECIDED: tr(
        "有事项由部门作出决定，窗口不能当场准予（本中心未持有该事项，也未取得部门书面授权）"
    ),
}

FIGURES_PAGE_TITLE = tr("即办件与承诺时限")
FIGURES_SHOW = tr("统计")
FIGURES_MONTH = tr("月份")
FIGURES_READ_FAILED = tr("暂时无法读取统计（{fault}）")
FIGURES_TITLE = tr("{month} 即办件占比与承诺时限压减率（按{group}）")
FIGURES_GROUP = {FigureGroup.DESK: tr("窗口"), FigureGroup.BUNDLE: tr("一件事")}
FIGURES_DESK = tr("{site_code} {desk_no}号窗口")
FIGURES_TOTAL = tr("合计")
FIGURES_PLACE = tr("窗口或一件事")
FIGURES_CASES = tr("受理件数")
FIGURES_SHARE = tr("即办件占比")
FIGURES_CASE_SHARE = tr("整件即办占比")
FIGURES_REDUCTION = tr("承诺时限压减率")
FIGURES_UNMEASURED = tr("未计压减的事项办件")
FIGURES_GOAL = tr("目标 {goal}")
FIGURES_GOALS = tr(
    "目标（兴署办发〔2021〕8 号 附件 第 1、2 项）：即办件占比达到 {share}，承诺时限压减率达到 {reduction}。"
    "即办件按实际办理计：受理当日即作出决定（准予或不予批准）的事项办件，不按目录承诺的 0 天计。"
)
FIGURES_LINE = tr(
    "{place}：受理 {cases} 件，即办件占比 {share}（目标 {share_goal}），整件即办占比 {case_share}，"
    "承诺时限压减率 {reduction}（目标 {reduction_goal}），未计压减的事项办件 {unmeasured} 件"
)
FIGURES_NONE = tr("{month} 没有受理的办件。")
FIGURES_RULES = tr(
    "受理件数：当月受理（含容缺受理）的办件，作废的除外。一件事的每个事项各算一个事项办件；"
    "即办件占比 = 受理当日作出决定的事项办件 ÷ 全部事项办件；"
    "整件即办占比 = 受理当日当场办结、所申请的每个事项均已作出决定的办件 ÷ 受理件数；"
    "承诺时限压减率 = 1 − 承诺时限 ÷ 法定时限，按事项办件平均。工作日与自然日不混算："
    "两者单位不同、缺少其一或法定时限为 0 天的事项不计入压减率，另列件数。"
)
FIGURES_BAD_MONTH = tr("月份须写成 YYYY-MM，例如 2026-11：{month}")


def figure_place(line: PromiseFigures, group: FigureGroup) -> str:
    """Whose figures a line holds, in the table and in the command's text alike: a desk, a bundle, or the total."""
    if not line.key:
        return FIGURES_TOTAL
    if group is FigureGroup.DESK:
        return FIGURES_DESK.format(site_code=line.key[0], desk_no=line.key[1])
    return line.label


def goals_text() -> str:
    return FIGURES_GOALS.format(share=percent_text(SAME_DAY_SHARE_GOAL), reduction=percent_text(REDUCTION_GOAL))


def figure_columns() -> tuple[str, ...]:
    """The table's headings, each goal beside the figure it is set for."""
    return (
        FIGURES_PLACE,
        FIGURES_CASES,
        f"{FIGURES_SHARE}\n{FIGURES_GOAL.format(goal=percent_text(SAME_DAY_SHARE_GOAL))}",
        FIGURES_CASE_SHARE,
        f"{FIGURES_REDUCTION}\n{FIGURES_GOAL.format(goal=percent_text(REDUCTION_GOAL))}",
        FIGURES_UNMEASURED,
    )
