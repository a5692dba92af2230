"""The words of ratings (好差评): levels, reasons, rectification states and their problems."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from counter.ratings.channel_figures import READING_TIME, ChannelCount, RequestShare
from counter.words.punctuation import CLAUSE_JOIN, LIST_JOIN
from counter.words.translate import tr

# Keyed by the enums' values (StrEnum members look themselves up by value).

RATING_LEVEL = {
    "very_satisfied": tr("非常满意"),
    "satisfied": tr("满意"),
    "basically_satisfied": tr("基本满意"),
    "dissatisfied": tr("不满意"),
    "very_dissatisfied": tr("非常不满意"),
}
RATING_DESK_STATUS = {"pending": tr("评价中"), "rated": tr("已评价"), "unrated": tr("未评价")}
RATING_REFUSAL = {
    "no_case": tr("未找到办件 {case_no}，不能发送评价"),
    "pending": tr("办件 {case_no} 正在评价中，请等申请人评价完毕"),
    "already_rated": tr("办件 {case_no} 已评价过。现场服务一次一评，不能再次发送"),
    "already_unrated": tr("办件 {case_no} 已发送过评价，申请人未评价。现场服务一次一评，不能再次发送"),
    "follow_up_done": tr("办件 {case_no} 的整改后再评价已发送过，不能再次发送"),
    "no_request": tr("没有这项评价请求"),
    "request_closed": tr("办件 {case_no} 的这次评价已结束，不能再记录"),
    "other_desk": tr("办件 {case_no} 的评价请求不是本窗口发出的，只能由发出请求的窗口评价器记录"),
    "own_service": tr("办件 {case_no} 是您本人办理的，书面评价表须由负责人录入"),
    "region_page": tr("本站点在自治区好差评系统评价，评价器上的评价不记入本机"),
    "no_rating_page": tr("本站点设为在自治区好差评系统评价，但对接配置中没有评价页地址，请联系系统管理员"),
    "pad_device": tr("办件 {case_no} 的评价已发到本窗口的评价器，只能由申请人在评价器上评价"),
    "other_pad": tr("办件 {case_no} 的评价请求不是发给这台评价器的，不能在这里评价"),
    "no_pad_device": tr(
        "本站点要求大厅窗口用评价器评价，本窗口未配对评价器，办件 {case_no} 未发送。请负责人为本窗口配对评价器"
    ),
}
RECT_STATE = {
    "awaiting_revisit": tr("待回访"),
    "verifying": tr("核实中"),
    "fix_at_once": tr("立行立改"),
    "fix_by_deadline": tr("限期整改"),
    "explained": tr("解释说明"),
    "fed_back": tr("已反馈"),
    "voided": tr("已撤销（申诉成立）"),
}
RECT_EVENT = {
    "opened": tr("差评，自动生成整改"),
    "revisited": tr("回访核实"),
    "fix_at_once": tr("立行立改"),
    "fix_by_deadline": tr("限期整改"),
    "explained": tr("解释说明"),
    "fed_back": tr("反馈评价人"),
    "note": tr("备注"),
    "voided": tr("申诉成立，撤销评价"),
    "appealed": tr("申诉，待负责人复核"),
}
RECT_MOVE_PROBLEM = {
    "not_allowed": tr("当前状态下不能这样处理"),
    "note_required": tr("请填写回访、核实、整改或反馈的情况"),
    "note_too_long": tr("说明不能超过1000字"),
    "note_not_taken": tr("说明中有控制字符、不可见字符或改变文字方向的字符"),
    "fix_due_required": tr("限期整改请填写整改期限"),
    "fix_due_past": tr("整改期限不能早于今天"),
    "who_required": tr("请填写经办人姓名"),
}
APPEAL_GROUND = {"mistaken": tr("误评（评价人误操作或评错办件）"), "malicious": tr("恶意评价（与服务无关或恶意攻击）")}
APPEAL_PROBLEM = {
    "reason_required": tr("请填写申诉复核的理由"),
    "reason_too_short": tr("理由太简单，请写明核实的情况"),
    "reason_not_taken": tr("理由中有控制字符、不可见字符或改变文字方向的字符"),
    "who_required": tr("请填写复核人姓名"),
    "already_excluded": tr("该评价已经申诉成立并撤销"),
    "no_account": tr("本机没有登录账户，不能在这里复核申诉：申诉随同步报送政务服务中心，由负责人复核后返回"),
    "not_supervisor": tr("申诉须由负责人复核，当前登录的账户没有负责人角色"),
    "own_rating": tr("这是对您本人的评价，不能由您复核，请由其他负责人复核"),
    "own_appeal": tr("这条申诉是您提出的，不能由您复核，请由其他负责人复核"),
    "already_appealed": tr("该评价已经提出过申诉，每条评价只能申诉一次"),
    "not_open": tr("该评价没有进行中的整改（不是差评，或已反馈评价人），不能申诉"),
}
#: where a rating stands on appeal, as the supervisor's page says it
APPEAL_STATUS = {
    "none": tr("未申诉"),
    "pending": tr("申诉中（差评照常计入统计）"),
    "rejected": tr("申诉不成立"),
    "upheld": tr("申诉成立，评价已撤销"),
}
RATING_SETTING_PROBLEM = {
    "unreadable": tr("设置“{key}”的值无法读取（{detail}），已按默认值使用"),
    "timeout_range": tr("评价等待时间应在15至600秒之间（现为{detail}秒）"),
    "period_range": tr("整改期限应在1至60天之间（现为{detail}天）"),
    "too_many_reasons": tr("不满意原因最多9项（现为{detail}项）"),
    "reason_empty": tr("不满意原因不能为空"),
    "reason_too_long": tr("不满意原因“{detail}”太长，最多10个字"),
    "reason_repeated": tr("不满意原因“{detail}”重复"),
    "idle_text_too_long": tr("评价器待机公告最多400字"),
    "default_days_range": tr("默认评价的天数应在1至60天之间（现为{detail}天）"),
    "default_basis_required": tr("启用默认评价须填写所依据的本地规定（文件名称和文号）"),
    "default_basis_too_long": tr("默认评价的依据最多200字"),
}
RATING_GROUPING = {
    "day": tr("按日"),
    "desk": tr("按窗口"),
    "clerk": tr("按工作人员"),
    "bundle": tr("按一件事"),
    "site": tr("按站点"),
}


def percent_text(value: Fraction | float | None) -> str:
    """A rate or share as every table of figures shows it: one decimal, "—" when there is nothing to divide."""
    return "—" if value is None else f"{float(value) * 100:.1f}%"


CHOICE_PROBLEM = {
    "reason_required": tr("不满意、非常不满意须勾选至少一项测评内容"),
    "reason_not_offered": tr("所填测评内容代码不在该评价等级的代码表中"),
    "reason_not_asked": tr("满意及以上的评价不填测评内容"),
    "comment_too_long": tr("意见建议太长"),
    "comment_not_taken": tr("意见建议中有控制字符、不可见字符或改变文字方向的字符"),
    "date_ahead": tr("评价表上的日期晚于今天"),
    "date_before_service": tr("评价表上的日期早于办件受理的日期"),
}


#: 评价渠道 as GB/T 39046-2020 表 9 names them, and the region's 书面评价 and a site's 系统默认评价
RATING_CHANNEL = {
    "pc": tr("PC端"),
    "mobile": tr("移动服务端"),
    "qr_code": tr("二维码"),
    "hall_tablet": tr("政务大厅平板电脑（评价器）"),
    "other_terminal": tr("政务大厅其他终端"),
    "phone": tr("电话"),
    "sms": tr("短信"),
    "written": tr("书面评价"),
    "system_default": tr("系统默认评价"),
}
RATING_CHANNELS = tr("按评价渠道（本期给出的首次评价）：{counts}")
RATING_CHANNELS_NONE = tr("按评价渠道（本期给出的首次评价）：本期没有评价。")
RATING_CHANNEL_COUNT = tr("{channel} {count}")
QUICK_ANSWERS = tr("；其中评价器上不足{seconds}秒即作答的 {count} 条（来不及读题，请核实）")


def channels_line(counts: Sequence[ChannelCount], quick: int = 0) -> str:
    """The period's first ratings by channel, under the figures of the command and of the window alike, and how many
    of the pads' came faster than a person reads the question (said only when some did)."""
    if not counts:
        return RATING_CHANNELS_NONE
    parts = (RATING_CHANNEL_COUNT.format(channel=RATING_CHANNEL[c.channel], count=c.ratings) for c in counts)
    seconds = int(READING_TIME.total_seconds())
    return RATING_CHANNELS.format(counts=LIST_JOIN.join(parts)) + (
        QUICK_ANSWERS.format(seconds=seconds, count=quick) if quick else ""
    )


REQUEST_SHARES = tr("评价器上的评价请求（按发出请求的窗口人员，本期发出）：{clerks}")
REQUEST_SHARES_NONE = tr("评价器上的评价请求（按发出请求的窗口人员，本期发出）：本期没有发出评价请求。")
REQUEST_SHARE = tr("{clerk} 发出 {sent}、已评价 {answered}（{share}）、超时未评价 {lapsed}")
#: after a clerk's share, said only when some of the clerk's requests were answered sooner than the question is read
REQUEST_SHARE_QUICK = tr("、其中不足{seconds}秒即作答 {quick}（请核实）")


def request_shares_line(shares: Sequence[RequestShare]) -> str:
    """Per clerk, the requests shown on a pad and the share answered there (and how many of those too soon to have
    read the question), under the figures of the command and of the window alike: a clerk whose applicants seldom
    answer, or answer at once, stands out beside the others."""
    if not shares:
        return REQUEST_SHARES_NONE
    seconds = int(READING_TIME.total_seconds())
    parts = (
        REQUEST_SHARE.format(clerk=s.clerk, sent=s.sent, answered=s.answered, share=percent_text(s.share),
                             lapsed=s.lapsed)
        + (REQUEST_SHARE_QUICK.format(seconds=seconds, quick=s.quick) if s.quick else "")
        for s in shares
    )  # fmt: skip
    return REQUEST_SHARES.format(clerks=CLAUSE_JOIN.join(parts))
