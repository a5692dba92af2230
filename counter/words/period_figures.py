"""The words of ``counter figures``: the columns of the league's monthly table, and what the command refuses."""

from __future__ import annotations

from counter.case.league_figures import LeagueGroup
from counter.projects.evaluations import EvaluationCounts
from counter.ratings.figures import Grouping
from counter.words.ratings import percent_text
from counter.words.translate import tr

#: the first column's heading, by what a line is
PERIOD_GROUP_HEADING = {
    Grouping.DAY: tr("日期"),
    Grouping.DESK: tr("窗口"),
    Grouping.CLERK: tr("工作人员"),
    Grouping.BUNDLE: tr("一件事"),
    Grouping.SITE: tr("站点"),
    LeagueGroup.COUNTY: tr("旗县市区"),
    LeagueGroup.HALL: tr("政务服务中心"),
}
PERIOD_NO_COUNTY = tr("未登记旗县市区")  # a hall the league registered without its county
PERIOD_DESK = tr("{site_code} {desk_no}号窗口")
PERIOD_TOTAL = tr("合计")

#: the table's other columns, in order: (JSON key, heading)
PERIOD_COLUMNS = (
    ("services", tr("办件")),
    ("accepted", tr("受理")),
    ("deferred", tr("容缺受理")),
    ("correction", tr("补正")),
    ("refused", tr("不予受理")),
    ("withdrawn", tr("申请人撤回")),
    ("overdue_deferrals", tr("容缺逾期")),
    ("items_open", tr("部门在办")),
    ("items_overdue", tr("事项逾期")),
    ("mean_wait_minutes", tr("平均等候（分钟）")),
    ("rated", tr("有效评价")),
    ("good", tr("好评")),
    ("bad", tr("差评")),
    ("appealing", tr("其中申诉中")),
    ("unrated", tr("未评价")),
    ("pending", tr("评价中")),
    ("excluded", tr("申诉撤销")),
    ("good_rate", tr("好评率")),
    ("bad_rate", tr("差评率")),
    ("unrated_rate", tr("未评价率")),
    ("rectification_rate", tr("整改率")),
    ("same_day_share", tr("即办件占比")),
    ("promise_reduction", tr("承诺时限压减率")),
    ("rectifications_opened", tr("新开整改")),
    ("rectifications_overdue", tr("整改逾期")),
    ("rectifications_closed", tr("整改已反馈")),
)

PERIOD_TITLE = tr("{first} 至 {last} 政务服务统计（按{group}，逾期以 {today} 计）")
PERIOD_NONE = tr("{first} 至 {last} 没有办件，也没有新开的整改。")
PERIOD_AGENT_SERVICE = tr(
    "帮您办评价（单独渠道）：{total} 份，非常满意 {very}，满意 {satisfied}，不满意 {dissatisfied}，满意率 {rate}"
)
PERIOD_AGENT_SERVICE_NONE = tr("帮您办评价（单独渠道）：本期没有评价。")
PERIOD_RULES = tr(
    "说明：办件按受理窗口的接件日期计；好评率、差评率为好评、差评占有效评价（申诉复核撤销的评价不计）的比例；"
    "未评价率为未评价和未推送评价的办件占已结束评价的办件的比例；整改率为已反馈整改的差评占差评的比例；"
    "即办件占比、承诺时限压减率按当月受理（受理、容缺受理）的办件计，即办件占比为受理当日作出决定（准予或不予批准）"
    "的事项办件占全部事项办件的比例，按实际办理计，目标 20%（兴署办发〔2021〕8 号 附件 第 2 项）；"
    "容缺逾期为容缺材料逾期未交或逾期才交的办件；"
    "部门在办为这些办件中已分发、各部门尚未决定的事项，事项逾期为其中已过承诺或法定办结期限的（暂停计时的不计）；"
    "整改按开启日期计，逾期指至今未反馈且已过整改期限。"
)
#: how the 好差评 columns add up, and what 申诉中 and 申诉撤销 count
PERIOD_RATING_SUM = tr(
    "办件＝有效评价＋未评价＋评价中＋申诉撤销；申诉中的差评在负责人复核前照常计入差评，复核前不计为已整改；"
    "申诉成立撤销的评价单列为申诉撤销，不计入各项比率。"
)
PERIOD_BAD_RANGE = tr("起始日期 {first} 晚于截止日期 {last}。")


def agent_service_line(counts: EvaluationCounts) -> str:
    """The 帮您办 channel's line, under the figures of the command and of the window alike."""
    if not counts.total:
        return PERIOD_AGENT_SERVICE_NONE
    return PERIOD_AGENT_SERVICE.format(
        total=counts.total,
        very=counts.very_satisfied,
        satisfied=counts.satisfied,
        dissatisfied=counts.dissatisfied,
        rate=percent_text(counts.satisfied_rate),
    )
