"""Words of the review pad, the desk's rating line, the supervisor's page,
the figures page and the rating settings (UI only).
"""

from __future__ import annotations

# the review pad (counter.ui.pad), seen by the applicant
PAD_WINDOW_TITLE = "评价器"
PAD_WELCOME = "欢迎来到{office}"
PAD_IDLE_DEFAULT = "一件事一次办，办事更省心。\n办理完成后，请您对我们的服务作出评价。"
PAD_DESK = "{desk_no}号窗口"
PAD_CLERK = "工作人员：{clerk}"
PAD_STAFF_NO = "工号：{staff_no}"
PAD_BUNDLE = "办理事项：{bundle}"
PAD_APPLICANT = "申请人：{name}"
PAD_QUESTION = "请您对本次服务作出评价"
PAD_TAP_HINT = "轻触一个表情即可完成评价"
PAD_FOLLOW_UP_QUESTION = "我们已对您反映的问题进行整改，请您再次评价"
PAD_REASONS_QUESTION = "请告诉我们哪里让您不满意（可选多项）"
PAD_COMMENT_HINT = "还想说点什么？可以不填"
PAD_SUBMIT = "提交评价"
PAD_BACK = "重新选择"
PAD_THANKS = "感谢您的评价！"
PAD_THANKS_GOOD = "祝您生活愉快"
PAD_THANKS_BAD = "我们会认真核实整改，并向您反馈结果"
PAD_SAVE_FAILED = "评价暂时没能保存，请告诉窗口工作人员"

# the desk side
DESK_RATING_STATUS = "好差评：{status}"
DESK_RATING_NONE = "好差评：办结后按 F9 请申请人评价"
DESK_RATING_CASE = "{status}（办件 {case_no}）"
DESK_RATING_PAD_BUSY = "评价器正在评价办件 {case_no}，请稍候"
DESK_RATING_FAILED = "评价请求没有发出：数据库暂时不能访问（{error}）"
DESK_RATING_ALERT = "新的差评待整改：办件 {case_no}（{desk_no}号窗口），须在{due}前核实整改"

# the supervisor's page (督办)
SUPERVISE_TITLE = "督办：好差评整改"
SUPERVISE_ALERTS = "新差评 {count} 条"
SUPERVISE_EMPTY = "目前没有待整改的差评"
SUPERVISE_COLUMNS = ("办件编号", "一件事", "窗口", "工作人员", "评价", "评价时间", "状态", "整改期限", "剩余")
SUPERVISE_OVERDUE = "已逾期{days}天"
SUPERVISE_DUE_TODAY = "今天到期"
SUPERVISE_DAYS_LEFT = "还剩{days}天"
SUPERVISE_REFRESH = "刷新"
SUPERVISE_DETAIL_EMPTY = "在上方选择一条整改，查看详情并处理"
SUPERVISE_RATER = "评价人：{name}　第{round}次评价　评价：{level}"
SUPERVISE_REASONS = "不满意原因：{reasons}"
SUPERVISE_COMMENT = "文字评价：{comment}"
SUPERVISE_NO_COMMENT = "（无文字评价）"
SUPERVISE_HISTORY_COLUMNS = ("时间", "经办人", "处理", "状态", "说明")
SUPERVISE_BY = "经办人："
SUPERVISE_NOTE = "情况说明："
SUPERVISE_FIX_DUE = "限期整改至："
SUPERVISE_NOTE_HINT = "回访、核实、整改或反馈的情况（每一步都要写明）"
SUPERVISE_APPEAL_GROUND = "申诉理由类别："
SUPERVISE_APPEAL_REASON = "复核意见："
SUPERVISE_APPEAL_UPHOLD = "申诉成立，撤销该评价"
SUPERVISE_APPEAL_REJECT = "申诉不成立"
SUPERVISE_APPEAL_TITLE = "申诉复核"
SUPERVISE_APPEALS = "申诉复核：{at}　{by}　{decision}　{reason}"
SUPERVISE_APPEAL_DECISION = {True: "申诉成立，评价已撤销", False: "申诉不成立"}
SUPERVISE_DONE = "已记录：{event}。当前状态：{state}"
SUPERVISE_APPEAL_DONE = "已记录申诉复核：{decision}"
SUPERVISE_SAVE_FAILED = "没有保存：数据库暂时不能写入（{error}），请稍后重试"
SUPERVISE_BEYOND_DATA = "（节假日数据之外，按周末推算）"
SUPERVISE_SYSTEM = "评价器"

# the figures page
RATING_FIGURES_TITLE = "好差评统计"
RATING_FIGURES_FROM = "从"
RATING_FIGURES_TO = "到"
RATING_FIGURES_SHOW = "统计"
RATING_FIGURES_COLUMNS = ("分组", "办件数", "已评价", "好评", "差评", "未评价", "好评率", "未评率", "整改率")
RATING_FIGURES_TOTAL = "合计"
RATING_FIGURES_NOTE = (
    "好评＝非常满意、满意、基本满意；差评＝不满意、非常不满意。好评率＝好评÷有效评价；"
    "未评率＝（超时未评＋未发送评价）÷已结束的服务；整改率＝已反馈的差评÷差评。申诉成立撤销的评价不计入。"
)
RATING_FIGURES_READ_FAILED = "无法读取统计：数据库暂时不能访问（{error}）"

# the rating settings (评价设置)
RATING_SETTINGS_TITLE = "评价设置"
RATING_SETTINGS_TIMEOUT = "评价等待时间："
RATING_SETTINGS_SECONDS = " 秒"
RATING_SETTINGS_PERIOD = "差评核实整改期限："
RATING_SETTINGS_UNIT = {"working_day": "个工作日", "calendar_day": "天（自然日）"}
RATING_SETTINGS_REASONS = "不满意原因（每行一项，最多9项）："
RATING_SETTINGS_REASONS_HINT = "办理时间长\n服务态度差\n……"
RATING_SETTINGS_IDLE_TEXT = "评价器待机公告："
RATING_SETTINGS_SAVE = "保存设置"
RATING_SETTINGS_SAVED = "设置已保存，各窗口的评价器下次评价时使用新设置"
SUPERVISE_TAB = "差评整改"
