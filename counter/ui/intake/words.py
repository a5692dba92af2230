"""Words of the intake panel (UI only).

Dictionaries keyed by a domain code use the code's string value (PartyField,
DraftProblemCode, Receipt): a StrEnum member finds its entry.
"""

from __future__ import annotations

# Dictionaries keyed by a domain code use the code's string value (PartyField,
# DraftProblemCode, Receipt): a StrEnum member finds its entry, and this section
# needs no import of its own.  Templates in {braces} are filled by the panel.

INTAKE_WINDOW_TITLE = "受理：{bundle}"
INTAKE_GUIDE_VERSION = "指南第 {version} 版"
INTAKE_DAY = "受理日期：{date}　{desk}号窗口　{clerk}"
INTAKE_RESUBMISSION = "补正后重新提交，原办件：{case_no}"
INTAKE_APPLICANT = "申请人"
INTAKE_NAME = {"person": "姓名", "company": "名称"}
INTAKE_ID_NO = {"person": "身份证号", "company": "统一社会信用代码"}
INTAKE_PHONE = "电话"
INTAKE_ADDRESS = {"person": "地址", "company": "住所"}
INTAKE_LEGAL_REP = "法定代表人"
INTAKE_AUTOFILLED = "已按以往办件自动填写"
INTAKE_ID_OK = "号码有效"
INTAKE_AGENT = "委托代办人办理"
INTAKE_AGENT_NAME = "代办人姓名"
INTAKE_AGENT_ID = "代办人身份证号"
INTAKE_AGENT_AUTHORISATION = "授权委托书"
INTAKE_AGENT_AUTHORISATION_HINT = "如：2025年3月6日签署，委托办理设立登记和食品经营许可"
INTAKE_DELIVERY = "结果送达"
INTAKE_DELIVERY_ADDRESS = "邮寄地址"
INTAKE_NOTIFY_PHONE = "短信通知电话"
INTAKE_NOTIFY_PHONE_HINT = "同申请人电话 {phone}"
INTAKE_NOTIFY_PHONE_EMPTY = "同申请人电话"
INTAKE_SITUATIONS = "办理情形"
INTAKE_MATERIALS = "申请材料核对"
INTAKE_ALL_RECEIVED = "全部已收取"
INTAKE_ALL_RECEIVED_TIP = "把所有未核对的材料记为已收取（按指南份数）；共享材料仍须逐项确认"
INTAKE_PENDING = "还有 {count} 项未核对"
INTAKE_NONE_PENDING = "材料已全部核对"
INTAKE_KEYS_HINT = "选中一行：1 已收取　2 有缺陷　3 未提交　4 共享已确认　空格 切换已收取"
INTAKE_RECEIPT_BUTTON = {
    "received": "已收取",
    "defective": "有缺陷",
    "missing": "未提交",
    "shared_confirmed": "共享已确认",
}
INTAKE_TAG_SHARED = "免提交"
INTAKE_ORIGINALS = "原件"
INTAKE_COPIES = "复印件"
INTAKE_GUIDE_COUNT = "指南：原件{originals}份 复印件{copies}份"
INTAKE_DEFECT_HINT = "写明问题所在（印在补正通知书上）"
INTAKE_OUTCOME = "受理结果"
INTAKE_UNDECIDED = "未完成"
INTAKE_PROMISED = "承诺办结日期：{date}"
INTAKE_DEFERRED_DUE = "容缺材料到期日 {date}：{name}"
INTAKE_CORRECTION_DUE = "补正期限：{date}"
INTAKE_NOTIFY_BY = "书面告知不晚于：{date}"
INTAKE_BEYOND_CALENDAR = "⚠ 日期超出节假日数据范围，按周六、周日休息推算，打印前请核对"
INTAKE_DEFERRAL = "容缺受理"
INTAKE_DEFERRAL_ASKED = "申请人申请容缺受理"
INTAKE_DEFERRAL_CREDIT = "已核实无不良信用记录"
INTAKE_DEFERRAL_PLEDGE = "已签署承诺书"
INTAKE_REFUSE = "不予受理"
INTAKE_REFUSAL_GROUND = {
    "no_licence_needed": "依法不需要取得行政许可（第一项）",
    "not_in_remit": "不属于本机关职权范围（第二项）",
}
INTAKE_TURN_TO = "请向"
INTAKE_TURN_TO_AFTER = "申请"
INTAKE_TURN_TO_HINT = "有权受理的行政机关"
INTAKE_COMMIT = "办结受理 (Ctrl+Enter)"
INTAKE_CANCEL = "放弃本次受理"
INTAKE_CANCEL_CONFIRM = "确认放弃？再按一次"
INTAKE_TAKEN = "办件已登记，办件编号："
INTAKE_CLOSE = "关闭"
INTAKE_PARTY_HEADING = "申请人信息还需完善："
INTAKE_PARTY_PROBLEM = "{field}：{problem}"
INTAKE_PARTY_FIELD = {
    "applicant_name": "申请人姓名或名称",
    "applicant_id": "申请人证件号码",
    "legal_rep": "法定代表人",
    "phone": "电话",
    "agent_name": "代办人姓名",
    "agent_id": "代办人身份证号",
    "agent_authorisation": "授权委托书",
    "delivery_address": "邮寄地址",
}
INTAKE_NOT_POSSIBLE = "还不能办结，请先处理以下问题："
INTAKE_NOT_POSSIBLE_DETAIL = "其他原因：{detail}"
# IntakeNotPossible.detail is the action's own sentence; the ones a clerk can meet, in words
INTAKE_NOT_POSSIBLE_DETAILS = {
    "previous case is of another bundle": "原办件办理的不是同一件事，不能作为本件的补正前办件",
}
INTAKE_PREVIOUS_NOT_FOUND = "原办件 {case_no} 不存在，请核对办件编号"
INTAKE_CONNECTION_LOST = (
    "与数据库的连接中断，本次受理尚未保存。表单内容都在，请不要关闭窗口；连接恢复后将自动重新提交。"
)
INTAKE_CONNECTION_RETRYING = "（正在重试，第{attempts}次）"
INTAKE_CONNECTION_BACK = "连接已恢复，正在重新提交……"
INTAKE_DB_FAULT = "{fault}。本次受理没有保存，表单内容和草稿都已保留，问题排除后请再按“办结受理”。"
INTAKE_PREVIEW_FAILED = "暂时无法计算受理结果（{error}），表单内容已保留"
INTAKE_DRAFT_SAVED = "草稿已保存 {time}"
INTAKE_DRAFT_SAVE_FAILED = "草稿未能保存（{error}），请暂勿关闭窗口"
INTAKE_DRAFT_OFFER = "上次未完成的受理（保存于 {time}）：{bundle}{applicant}"
INTAKE_DRAFT_RESTORE = "恢复"
INTAKE_DRAFT_DISCARD = "放弃"
INTAKE_DRAFT_DISCARDED = "上次未完成的受理草稿无法恢复，已丢弃：{reason}"
INTAKE_DRAFT_PROBLEM = {
    "not_json": "草稿内容已损坏",
    "wrong_format": "草稿由其他版本的程序保存",
    "wrong_shape": "草稿缺少或写错了“{detail}”",
    "not_this_guide": "草稿与所依据的指南版本不符",
    "guide_missing": "草稿所依据的指南版本已不存在",
}
