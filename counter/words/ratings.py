"""The words of ratings (好差评): levels, reasons, channels, rectification states and their problems."""

from __future__ import annotations

# Keyed by the enums' values (StrEnum members look themselves up by value).

RATING_LEVEL = {
    "very_satisfied": "非常满意",
    "satisfied": "满意",
    "basically_satisfied": "基本满意",
    "dissatisfied": "不满意",
    "very_dissatisfied": "非常不满意",
}
RATING_REASON = {
    "long_processing": "办理时间长",
    "poor_attitude": "服务态度差",
    "poor_environment": "办理环境差",
    "complex_process": "流程太复杂",
    "long_wait": "等待时间长",
    "other": "其他",
}
RATING_CHANNEL = {
    "pc": "PC端",
    "mobile": "移动端",
    "qr_code": "二维码",
    "hall_tablet": "政务大厅平板电脑",
    "other_terminal": "其他终端",
    "phone": "电话",
    "sms": "短信",
}
RATING_DESK_STATUS = {"pending": "评价中", "rated": "已评价", "unrated": "未评价"}
RATING_REFUSAL = {
    "no_case": "未找到办件 {case_no}，不能发送评价",
    "pending": "办件 {case_no} 正在评价中，请等申请人评价完毕",
    "already_rated": "办件 {case_no} 已评价过。现场服务一次一评，不能再次发送",
    "already_unrated": "办件 {case_no} 已发送过评价，申请人未评价。现场服务一次一评，不能再次发送",
    "follow_up_done": "办件 {case_no} 的整改后再评价已发送过，不能再次发送",
    "no_request": "没有这项评价请求",
    "request_closed": "办件 {case_no} 的这次评价已结束，不能再记录",
}
RATING_CHOICE_PROBLEM = {
    "reason_required": "请至少选择一项不满意的原因",
    "reason_not_offered": "所选原因不在本单位的原因列表中",
    "reason_not_asked": "满意的评价不需要选择原因",
    "comment_too_long": "文字评价不能超过300字",
}
RECT_STATE = {
    "awaiting_revisit": "待回访",
    "verifying": "核实中",
    "fix_at_once": "立行立改",
    "fix_by_deadline": "限期整改",
    "explained": "解释说明",
    "fed_back": "已反馈",
    "voided": "已撤销（申诉成立）",
}
RECT_EVENT = {
    "opened": "差评，自动生成整改",
    "revisited": "回访核实",
    "fix_at_once": "立行立改",
    "fix_by_deadline": "限期整改",
    "explained": "解释说明",
    "fed_back": "反馈评价人",
    "note": "备注",
    "voided": "申诉成立，撤销评价",
}
RECT_MOVE_PROBLEM = {
    "not_allowed": "当前状态下不能这样处理",
    "note_required": "请填写回访、核实、整改或反馈的情况",
    "note_too_long": "说明不能超过1000字",
    "fix_due_required": "限期整改请填写整改期限",
    "fix_due_past": "整改期限不能早于今天",
    "who_required": "请填写经办人姓名",
}
APPEAL_GROUND = {"mistaken": "误评（评价人误操作或评错办件）", "malicious": "恶意评价（与服务无关或恶意攻击）"}
APPEAL_PROBLEM = {
    "reason_required": "请填写申诉复核的理由",
    "reason_too_short": "理由太简单，请写明核实的情况",
    "who_required": "请填写复核人姓名",
    "already_excluded": "该评价已经申诉成立并撤销",
}
RATING_SETTING_PROBLEM = {
    "unreadable": "设置“{key}”的值无法读取（{detail}），已按默认值使用",
    "timeout_range": "评价等待时间应在15至600秒之间（现为{detail}秒）",
    "period_range": "整改期限应在1至60天之间（现为{detail}天）",
    "too_many_reasons": "不满意原因最多9项（现为{detail}项）",
    "reason_empty": "不满意原因不能为空",
    "reason_too_long": "不满意原因“{detail}”太长，最多10个字",
    "reason_repeated": "不满意原因“{detail}”重复",
    "idle_text_too_long": "评价器待机公告最多400字",
}
RATING_GROUPING = {"day": "按日", "desk": "按窗口", "clerk": "按工作人员", "bundle": "按一件事"}


def percent_text(value: float | None) -> str:
    """A rate as the figures show it: one decimal, "—" when there is nothing to divide."""
    return "—" if value is None else f"{value * 100:.1f}%"
