"""Words of the 帮您办 window (UI only), keyed by the domain's enums.

The names of the service's codes (states, stages, events, refusals) are :mod:`counter.words.projects`'s, shared
with the command line, so a clerk reads one word for one thing in both; only the window's own sentences are here.
"""

from __future__ import annotations

from counter.projects.model import ProjectEvent
from counter.projects.report import NO_STAGE
from counter.words import projects as shared
from counter.words.project_papers import FORM_NAME
from counter.words.translate import tr

WINDOW_TITLE = tr("帮您办（代办帮办服务）")
DAY_TAB = tr("代办员的一天")
PAGE_TAB = tr("项目")
REGISTER_TAB = tr("登记新项目")
REPORT_TAB = tr("帮您办")
# the service's names, shared with the command line (counter.words.projects): one word per code everywhere
STATE = shared.PROJECT_STATE
STAGE = shared.STAGE
STAGE_BY_VALUE = {stage.value: word for stage, word in STAGE.items()} | {NO_STAGE: shared.NO_STAGE_WORD}
STEP_STATE = shared.STEP_STATE
SATISFACTION = shared.SATISFACTION
CLASS = shared.PROJECT_CLASS
EVENT = shared.PROJECT_EVENT
PAPER_NOT_NOW = tr("项目现在是“{state}”，还不能打印{form}")
READ_FAILED = tr("无法读取帮您办项目：{fault}")
SAVE_FAILED = tr("没有保存：{fault}。项目未作任何改动，填写的内容仍在")
FORM = FORM_NAME  # the papers' names, as the command line says them

# the agent's day
DAY_AGENT = tr("代办员")
DAY_EVERY_AGENT = tr("全部代办员")
DAY_COLUMNS = (tr("项目编号"), tr("项目名称"), tr("下一步"), tr("期限"), tr("逾期"), tr("状态"), tr("代办员"),
               tr("旗县市"))  # fmt: skip
DAY_SUMMARY = tr("在办项目{count}个，其中有逾期审批的{overdue}个（{day}）")
DAY_REFRESH = tr("刷新")

# the project page
PAGE_EMPTY = tr("在“代办员的一天”中选择一个项目（回车打开），或按编号打开。")
PAGE_NUMBER = tr("项目编号")
PAGE_OPEN = tr("打开")
PAGE_HEADING = tr("{name}（{state}）")
PAGE_PLAN = tr("申报计划")
PAGE_COORDINATIONS = tr("协调记录")
PAGE_HISTORY = tr("办理过程")
PAPER_BUTTON = tr("打印{form}")
FACT = {
    "investor": tr("项目单位"),
    "location": tr("项目地址"),
    "county": tr("旗县市"),
    "investment": tr("投资总额"),
    "contact": tr("经办人"),
    "code": tr("项目编码"),
    "classes": tr("服务类别"),
    "purpose": tr("主要用途及规模"),
    "agents": tr("代办员"),
    "dates": tr("办理日期"),
    "end_reason": tr("终止原因"),
    "evaluation": tr("评价"),
}
INVESTMENT = tr("{amount}万元")
DATES = tr("申请 {applied}　受理 {accepted}　签订 {signed}　办结/终止 {ended}")
NO_DATE = tr("—")
NONE_YET = tr("（暂无）")
PLAN_COLUMNS = (tr("序号"), tr("阶段"), tr("事项"), tr("部门"), tr("预计"), tr("申报"), tr("办结"), tr("状态"),
                tr("办件编号"))  # fmt: skip
COORDINATION_COLUMNS = (tr("日期"), tr("协调对象"), tr("协调事项"), tr("结果"), tr("代办员"))
HISTORY_COLUMNS = (tr("时间"), tr("办理"), tr("经办"), tr("说明"))

# the moves and their forms
MOVE = {
    ProjectEvent.ACCEPTED: tr("受理"),
    ProjectEvent.AGENT_ASSIGNED: tr("指派代办员"),
    ProjectEvent.SIGNED: tr("签订委托"),
    ProjectEvent.PLANNED: tr("编制计划"),
    ProjectEvent.STEP_FILED: tr("申报"),
    ProjectEvent.STEP_DONE: tr("审批办结"),
    ProjectEvent.COORDINATED: tr("记录协调"),
    ProjectEvent.COMPLETED: tr("办结"),
    ProjectEvent.EVALUATED: tr("评价"),
    ProjectEvent.TERMINATED: tr("终止"),
}
MOVE_TITLE = {
    ProjectEvent.ACCEPTED: tr("受理：项目属于服务范围、符合条件，申请代办的事项已商定"),
    ProjectEvent.AGENT_ASSIGNED: tr("指派代办员（牵头的写在最前，多人用顿号或逗号隔开）"),
    ProjectEvent.SIGNED: tr("签订授权委托书和承诺书"),
    ProjectEvent.STEP_FILED: tr("申报：项目单位向部门提交了申请"),
    ProjectEvent.STEP_DONE: tr("审批办结：部门作出了审批结果"),
    ProjectEvent.COORDINATED: tr("记录协调（会商会审、联合审查、电话沟通等）"),
    ProjectEvent.COMPLETED: tr("办结：计划中的审批全部办结，材料已退还项目单位"),
    ProjectEvent.EVALUATED: tr("评价：项目单位对代办服务的评价"),
    ProjectEvent.TERMINATED: tr("终止代办服务（双方同意）"),
}
FORM_CONFIRM = tr("确认{action}")
FORM_CANCEL = tr("取消（Esc）")
FORM_DATE = tr("日期")
FORM_STEP = tr("事项")
FORM_AGENTS = tr("代办员")
FORM_ITEMS = tr("授权委托书所列事项（参考目录序号，用顿号或逗号隔开）")
FORM_CASE_NO = tr("办件编号（可不填）")
FORM_RESULT_NO = tr("批准文号")
FORM_WITH = tr("协调对象")
FORM_WHAT = tr("协调事项")
FORM_OUTCOME = tr("结果")
FORM_SATISFACTION = tr("评价")
FORM_NOTE = tr("意见及建议")
FORM_REASON = tr("终止原因")
FORM_NO_STEP = tr("（不涉及具体事项）")
FORM_STEP_ITEM = tr("{no}. {name}（{department}）")
AGENT_SEPARATORS = (tr("、"), tr("，"), ",", ";", tr("；"))
SAVED = tr("已保存：{action}")

# the plan editor
PLAN_TITLE = tr("编制申报计划：从事项参考目录中选择事项，阶段和部门按目录，预计日期可修改")
PLAN_ADD = tr("加入计划")
PLAN_REMOVE = tr("移出计划")
PLAN_CATALOGUE = tr("事项参考目录")
PLAN_EDIT_COLUMNS = (tr("阶段"), tr("事项"), tr("部门"), tr("预计日期"))
PLAN_SAVE = tr("保存计划")

# the register form
REGISTER_TITLE = tr("登记帮您办申请（申请表）")
REGISTER_FIELD = {
    "name": tr("项目名称"),
    "investor": tr("项目单位名称"),
    "location": tr("项目地址"),
    "county": tr("服务旗县市"),
    "investment": tr("投资总额（万元）"),
    "investor_address": tr("项目单位地址"),
    "investor_head": tr("项目单位负责人"),
    "postcode": tr("邮政编码"),
    "phone": tr("联系电话"),
    "contact": tr("经办人"),
    "contact_id_no": tr("经办人证件号码"),
    "code": tr("项目编码"),
    "funding": tr("资金来源"),
    "land": tr("土地性质"),
    "industry": tr("所属行业"),
    "purpose": tr("主要用途及规模"),
    "progress": tr("目前审批进展"),
    "classes": tr("服务类别"),
    "requested": tr("申请代办的事项"),
}
REGISTER_KEY = tr("是否重点项目")
REGISTER_GOVERNMENT = tr("政府投资项目（使用预算安排的资金）")
REGISTER_SAVE = tr("登记（Enter）")
REGISTER_CLEAR = tr("清空")
REGISTER_MARKED = tr("有 {count} 栏需要填写或改正，已在各栏下用红字标出。")
REGISTERED = tr("已登记，项目编号 {number}")

# printing
PAPER_TITLE = tr("{form} {doc_no}")
PAPER_PRINT = tr("打印")
PAPER_CLOSE = tr("关闭（Esc）")
PAPER_SENT = tr("已送打印机 {printer}")
PAPER_FAILED = tr("没有打印：{problem}")

# supervision: the month's report
REPORT_MONTH = tr("月份")
REPORT_SHOW = tr("查看")
REPORT_EXPORT = tr("导出CSV")
REPORT_SUMMARY = tr("{month}月报：项目{count}个，截至{as_of}，{due}前报送")
REPORT_BY_STATE = tr("按旗县市和状态")
REPORT_BY_STAGE = tr("按旗县市和阶段")
REPORT_COUNTY = tr("旗县市")
REPORT_TOTAL = tr("合计")
REPORT_COLUMNS = (tr("旗县市"), tr("项目编号"), tr("项目名称"), tr("项目单位"), tr("投资（万元）"), tr("状态"),
                  tr("阶段"), tr("审批办结"), tr("逾期"), tr("代办员"), tr("申请日期"), tr("评价"))  # fmt: skip
REPORT_STEPS = tr("{done}/{total}")
REPORT_EXPORTED = tr("已导出到 {path}")
REPORT_EXPORT_FAILED = tr("没有导出：{fault}")
