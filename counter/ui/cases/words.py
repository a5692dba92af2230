"""Words of the case page and the case lists (UI only)."""

from __future__ import annotations

from counter.case.status import CaseEvent

CASE_NOT_FOUND = "未找到办件：{case_no}"
CASE_OPEN_TITLE = "查找办件"
CASE_PAGE_TITLE = "办件 {case_no}（{status}）"
CASE_READ_FAILED = "无法读取办件：数据库暂时不能访问，请稍后重试（{error}）"
CASE_SAVE_FAILED = "没有保存：数据库暂时不能写入，办件未作任何改动，填写的内容仍在，请稍后重试（{error}）"
CASE_MOVED_MEANWHILE = "该办件刚被其他窗口处理过，现在的状态是“{status}”，页面已刷新，请核对后再操作"
CASE_GUIDE_VERSION = "指南第{version}版"
CASE_SUBTITLE = "{bundle}　{code} · {version}　　收件结果：{outcome}"
CASE_DESK = "{desk_no}号窗口"
CASE_SHOW_FULL_ID = "显示完整号码"
CASE_HIDE_FULL_ID = "隐藏完整号码"
CASE_BEYOND_DATA = "注意：期限超出节假日数据范围，按周六、周日休息推算，请核对"
CASE_OVERDUE = "容缺材料已逾期{days}天（补交期限{due}），须由负责人作出不予批准或延长期限的决定"
CASE_DUE = "容缺材料须在{due}前补交"
CASE_FIELD = {
    "bundle": "一件事",
    "received_at": "收件窗口",
    "answers": "办理情形",
    "applicant": "申请人",
    "applicant_id": "证件号码",
    "applicant_phone": "联系电话",
    "applicant_address": "地址",
    "legal_rep": "法定代表人",
    "agent": "代办人",
    "agent_id": "代办人证件号码",
    "agent_authorisation": "授权委托",
    "delivery": "送达方式",
    "delivery_address": "送达地址",
    "notify_phone": "通知电话",
    "received_on": "收件日期",
    "accepted_on": "受理日期",
    "promised_on": "承诺办结日期",
    "correction_due": "补正期限",
    "notify_due": "补正告知期限",
    "refusal_ground": "不予受理理由",
    "turn_to": "请向以下机关申请",
    "denial_reason": "不予批准理由",
    "previous_case": "补正前办件",
    "later_case": "补正后重新提交",
}
CASE_MATERIALS = "申请材料"
CASE_HISTORY = "经办记录"
CASE_MATERIAL_COLUMNS = ("材料名称", "收取情况", "原件", "复印件", "形式", "问题说明", "容缺补交期限", "补交日期")
CASE_HISTORY_COLUMNS = ("时间", "窗口", "工作人员", "经办事项", "说明")
CASE_DEFERRED_OPEN = "容缺后补，待补交"
CASE_DEFERRED_OVERDUE = "容缺后补，已逾期"
CASE_DEFERRED_ARRIVED = "容缺后补，已补交"
CASE_DEFERRED_NEVER = "容缺后补，未补交"
CASE_EXTENDED_NOTE = "新期限{due}：{reason}"
CASE_SUPERVISOR = "负责人决定："
CASE_ACTION = {
    CaseEvent.DEFERRED_ARRIVED: "补交容缺材料",
    CaseEvent.SENT_TO_APPROVAL: "转入审批",
    CaseEvent.COMPLETED: "办结",
    CaseEvent.DELIVERED: "送达",
    CaseEvent.RESUBMITTED: "重新提交（补正后）",
    CaseEvent.WITHDRAWN: "撤回",
    CaseEvent.DEFERRAL_EXTENDED: "延长期限",
    CaseEvent.DENIED: "不予批准",
    CaseEvent.VOIDED: "作废",
}
CASE_FORM_TITLE = {
    CaseEvent.DEFERRED_ARRIVED: "勾选申请人本次补交、经核对符合要求的容缺材料：",
    CaseEvent.SENT_TO_APPROVAL: "将办件转入后台审批。",
    CaseEvent.COMPLETED: "办件已办结，结果待申请人领取或送达。",
    CaseEvent.DELIVERED: "办理结果已交给申请人（或已寄出、已电子送达）。",
    CaseEvent.WITHDRAWN: "申请人撤回申请：请写明撤回的理由。",
    CaseEvent.DEFERRAL_EXTENDED: "延长容缺补交期限（如不可抗力）：新的期限和理由都要填写。",
    CaseEvent.DENIED: "不予批准：理由将记入经办记录和不予批准决定书，请写清楚。",
    CaseEvent.VOIDED: "作废误录的办件：办件不会删除，作废理由记入经办记录和审计日志。",
}
CASE_FORM_REASON = "理由："
CASE_FORM_NOTE = "备注（可不填）："
CASE_FORM_DATE = "新的补交期限："
CASE_FORM_DUE = "（期限{due}）"
CASE_FORM_CONFIRM = "确认{action}"
CASE_FORM_CANCEL = "取消"
CASE_REASON_HINT = {
    CaseEvent.WITHDRAWN: "例如：申请人书面申请撤回",
    CaseEvent.DEFERRAL_EXTENDED: "例如：因疫情防控，医院暂停办理健康证明",
    CaseEvent.DENIED: "例如：容缺材料逾期未补交",
    CaseEvent.VOIDED: "例如：重复录入，正确的办件为……",
}
# Keys are the values of counter.ui.cases.rules.FormProblem.
CASE_FORM_PROBLEM = {
    "nothing_ticked": "请至少勾选一项已补交的材料",
    "reason_missing": "请填写理由",
    "date_missing": "请填写新的补交期限",
    "date_not_after_today": "新的补交期限须晚于今天",
    "date_not_later": "新的补交期限须晚于原定期限",
}
CASE_DONE_PARTLY = "已登记补交：{arrived}。仍待补交：{open}"
CASE_DONE_COMPLETE = "容缺材料已全部补齐，办件已转入审批中"
CASE_DONE_EXTENDED = "容缺补交期限已延长至{due}"
CASE_DONE_MOVED = "已办理：{action}。办件状态：{status}"
CASE_LIST_TODAY = "今日本窗口"
CASE_LIST_DUE = "容缺到期"
CASE_LIST_DUE_COUNT = "容缺到期（{count}）"
CASE_LIST_REFRESH = "刷新"
CASE_LIST_TODAY_SUMMARY = "{day}　{desk}：共{count}件。双击或按回车打开办件"
CASE_LIST_DUE_SUMMARY = (
    "截至{last_day}（今后两个工作日内）到期和已逾期的容缺办件：共{count}件，其中已逾期{overdue}件。双击或按回车打开办件"
)
CASE_LIST_TODAY_COLUMNS = ("办件编号", "状态", "一件事", "申请人", "容缺补交期限")
CASE_LIST_DUE_COLUMNS = ("办件编号", "补交期限", "逾期/剩余", "申请人", "一件事", "收件日期", "收件窗口")
CASE_LIST_OVERDUE_DAYS = "已逾期{days}天"
CASE_LIST_DUE_TODAY = "今天到期"
CASE_LIST_DAYS_LEFT = "还剩{days}个工作日"
CASE_LIST_READ_FAILED = "无法读取办件列表：数据库暂时不能访问，请稍后点“刷新”重试（{error}）"
