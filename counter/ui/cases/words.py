"""Words of the case page and the case lists (UI only)."""

from __future__ import annotations

from counter.case.item_path import ItemEvent
from counter.case.status import CaseEvent
from counter.intake.outcome import Outcome
from counter.words.documents import paper_title
from counter.words.translate import tr

CASE_OPEN_TITLE = tr("查找办件")
CASE_PAGE_TITLE = tr("办件 {case_no}（{status}）")
CASE_READ_FAILED = tr("无法读取办件：{fault}")
CASE_SAME_DAY_UNCHECKED = tr("暂时无法确认这一件能否当场办结并送达（{fault}），请稍后重新打开本页。")
CASE_SAVE_FAILED = tr("没有保存：{fault}。办件未作任何改动，填写的内容仍在")
CASE_CORRECTION_NOT_DUE = tr("补正期限尚未届满：期限届满后的下一个工作日（{first_day}）起才能确认逾期未补正")
CASE_MOVED_MEANWHILE = tr("该办件刚被其他窗口处理过，现在的状态是“{status}”，页面已刷新，请核对后再操作")
CASE_GUIDE_VERSION = tr("指南第{version}版")
CASE_SUBTITLE_PLAIN = tr("{bundle}　{code} · {version}")
CASE_SUBTITLE = tr("{line}　　收件结果：{outcome}")  # once the case's state no longer says the outcome
#: the outcome, where the hall only received every item (counter.ui.cases.case_heading): it accepted nothing, and a
#: 受理 beside a case its departments are to accept read as theirs
CASE_OUTCOME_RECEIVED = {
    Outcome.ACCEPT: tr("材料齐全，转实施部门受理"),
    Outcome.DEFER: tr("主要材料齐全，容缺后补，转实施部门受理"),
    Outcome.CORRECT: tr("告知补齐材料"),
    Outcome.REFUSE: tr("申请事项告知"),
}
CASE_DESK = tr("{desk_no}号窗口")
CASE_SHOW_FULL_ID = tr("显示完整号码")
CASE_HIDE_FULL_ID = tr("隐藏完整号码")
CASE_BEYOND_DATA = tr("注意：期限为暂定日期，按法定节假日推算，以国务院办公厅公布的节假日安排为准")
CASE_DATES_MOVED = tr("期限已按国务院办公厅公布的节假日安排重新计算，以较晚的日期为准：{moves}")
CASE_OVERDUE = tr("容缺材料已逾期{days}天（补交期限{due}）：可记录逾期未补齐，相关事项由其实施部门作出决定")
CASE_DUE = tr("容缺材料须在{due}前补交")
# deferred materials due on different days: each with its own date, the late ones with how late
CASE_DUE_EACH = tr("容缺材料各有补交期限：{materials}")
CASE_OVERDUE_EACH = tr("容缺材料各有补交期限：{materials}；逾期的可记录逾期未补齐，相关事项由其实施部门作出决定")
CASE_MATERIAL_DUE = tr("{name}须在{due}前补交")
CASE_MATERIAL_LATE = tr("{name}已逾期{days}天（补交期限{due}）")
CASE_ITEM_DUE = tr("{state}（{alert}：{due}）")
CASE_ITEM_DATE = tr("{item}（{due}）")  # an item of the banner, with its own date
CASE_ITEMS_OVERDUE = tr("{items}已超过办结期限，请督促实施部门办理")
CASE_ITEMS_DUE = tr("{items}即将到期，请督促实施部门办理")
CASE_ITEMS_DUE_TODAY = tr("{items}今天到期，请督促实施部门办理")
CASE_CORRECTION_OVERDUE = tr("补正期限{due}已过{days}天，申请人未补正：负责人可确认“逾期未补正，视为放弃申请”")
CASE_FIELD = {
    "bundle": tr("一件事"),
    "received_at": tr("收件窗口"),
    "queue_ticket": tr("排队号"),
    "answers": tr("办理情形"),
    "applicant": tr("申请人"),
    "applicant_id": tr("证件号码"),
    "applicant_phone": tr("联系电话"),
    "applicant_address": tr("地址"),
    "legal_rep": tr("法定代表人"),
    "subject": tr("办理对象"),  # whom the case is about; the guide's own title (新生儿) where it gives one
    "agent": tr("代办人"),
    "agent_id": tr("代办人证件号码"),
    "agent_authorisation": tr("授权委托"),
    "delivery": tr("送达方式"),
    "delivery_address": tr("送达地址"),
    "notify_phone": tr("通知电话"),
    "received_on": tr("收件日期"),
    "accepted_on": tr("受理日期"),
    "promised_on": tr("承诺办结日期"),
    "correction_due": tr("补正期限"),
    "notify_due": tr("补正告知期限"),
    "refusal_ground": tr("不予受理理由"),
    "turn_to": tr("请向以下机关申请"),
    "denial_reason": tr("不予批准理由"),
    "previous_case": tr("补正前办件"),
    "later_case": tr("补正后重新提交"),
}
#: a field's label where the hall only received every item: its paper (the 申请事项告知书) decides nothing, so what it
#: told the applicant is no 不予受理理由
CASE_FIELD_RECEIVED = {"refusal_ground": tr("申请事项告知书所告知的情形")}
#: the same field of a case forwarded on the applicant's insistence (counter.intake.outcome.forwarded_case):
#: the window's finding, which no paper told as a decision, and the department decides on
CASE_FIELD_FORWARDED = {"refusal_ground": tr("窗口核对意见（申请人坚持办理，已按收件转送实施部门）")}
CASE_QUEUE_WAITED = tr("{ticket}（等候 {minutes} 分钟）")
CASE_MATERIALS = tr("申请材料")
CASE_PAGES = tr("材料照片（高拍仪）")
CASE_PAGES_KEYS = tr("方向键选择一页，回车键放大查看，Esc 关闭")
CASE_PAGE_LINE = tr("{name} 第{page}页")
# the B level of 国办函〔2016〕108号 (a copy verified against the original by window staff), as the project's domain
# notes word it: not checked against the notice's own text
CASE_PAGE_COMPARED = tr("此件经与原件核对无误")
CASE_PAGE_TAKEN = tr("{clerk} 拍摄于 {time}")
CASE_PAGE_TITLE_LARGE = tr("{case_no}：{line}")
CASE_HISTORY = tr("经办记录")
CASE_DETAILS = tr("办件详情")  # what a screen reader calls the scrolling part of the page
CASE_MATERIAL_COLUMNS = (
    tr("材料名称"),
    tr("收取情况"),
    tr("原件"),
    tr("复印件"),
    tr("形式"),
    tr("问题说明"),
    tr("容缺补交期限"),
    tr("补交日期"),
)
CASE_HISTORY_COLUMNS = (tr("时间"), tr("窗口"), tr("工作人员"), tr("经办事项"), tr("说明"))
CASE_DEFERRED_OPEN = tr("容缺后补，待补交")
CASE_DEFERRED_OVERDUE = tr("容缺后补，已逾期")
CASE_DEFERRED_ARRIVED = tr("容缺后补，已补交")
CASE_DEFERRED_NEVER = tr("容缺后补，未补交")
CASE_SHARED_NOT_HANDED_IN = tr("免提交，共享获取")
CASE_SUPERVISOR = tr("负责人决定：")
CASE_ACTION = {
    CaseEvent.DEFERRED_ARRIVED: tr("补交容缺材料"),
    CaseEvent.ITEM_ROUTED: tr("分发至实施部门"),
    CaseEvent.SENT_TO_APPROVAL: tr("转入审批"),
    CaseEvent.COMPLETED: tr("办结"),
    CaseEvent.DELIVERED: tr("统一出件"),
    CaseEvent.RESUBMITTED: tr("重新提交（补正后）"),
    CaseEvent.WITHDRAWN: tr("撤回"),
    CaseEvent.DEFERRAL_EXTENDED: tr("延长期限"),
    CaseEvent.DENIED: tr("容缺材料逾期未补齐"),
    CaseEvent.CORRECTION_LAPSED: tr("逾期未补正"),
    CaseEvent.VOIDED: tr("作废"),
}
# why a supervisor's step is not offered, or offered for less (counter.ui.cases.rules.Withheld); {items}: each item with
# the body that decides it, {first}: the first day the lapse may be recorded
CASE_WITHHELD = {
    "lapse_not_yet": tr("容缺材料已过补交期限：自期限届满后的第一个工作日（{first}）起，方可记录逾期未补齐。"),
    "lapse_referred": tr("记录逾期后，以下事项由其实施部门依法作出不予批准决定，窗口不代为决定：{items}"),
    "correction_not_yet": tr("补正期限已过：自期限届满后的第一个工作日（{first}）起，方可记录逾期未补正。"),
    "correction_needs_supervisor": tr(
        "申请人逾期未补正：记录视为放弃申请须由负责人登录办理（没有启用账号的本机不能办理，请系统管理员添加负责人账号）。"
    ),
    "correction_not_windows": tr(
        "不能记录“逾期未补正”：以下事项由实施部门决定，本中心既未持有也未获书面授权，须由该部门办理：{items}"
    ),
    "void_taken_up": tr("不能“作废”：以下事项已由实施部门签收或作出决定，只能由该部门终结：{items}"),
    "extension_not_windows": tr(
        "不能“延长期限”：等待容缺材料的以下事项由实施部门决定，延长期限须由该部门办理：{items}"
    ),
    # 行政许可法 第六十九条第二款: the licence revoked on a promise found false is not the applicant's to collect
    "revoked_not_handed": tr("以下事项的行政许可已因告知承诺经核查不实被撤销，其证照不再送达申请人：{items}"),
}
CASE_WITHHELD_ITEM = tr("{item}（{department}）")
CASE_FORM_TITLE = {
    CaseEvent.DEFERRED_ARRIVED: tr("勾选申请人本次补交、经核对符合要求的容缺材料："),
    CaseEvent.ITEM_ROUTED: tr("将尚未分发的事项分发至各自的实施部门，由部门签收办理。"),
    CaseEvent.SENT_TO_APPROVAL: tr("将办件转入后台审批。"),
    CaseEvent.COMPLETED: tr("记录办件已办结（只在各事项都已由实施部门作出决定后），结果待申请人领取或送达。"),
    CaseEvent.DELIVERED: tr("办理结果已交给申请人（或已寄出、已电子送达）。"),
    CaseEvent.WITHDRAWN: tr("申请人撤回申请：请写明撤回的理由。"),
    CaseEvent.DEFERRAL_EXTENDED: tr("延长容缺补交期限（如不可抗力）：新的期限和理由都要填写。"),
    CaseEvent.DENIED: tr(
        "容缺材料逾期未补交：记录逾期的材料和日期。这些材料所服务的事项，本中心持有或受部门书面授权的，在此不予批准；"
        "其他事项由实施部门作出决定；与这些材料无关的事项继续办理。理由将记入经办记录和不予批准决定书。"
    ),
    CaseEvent.VOIDED: tr("作废误录的办件：办件不会删除，作废理由记入经办记录和审计日志。"),
    CaseEvent.CORRECTION_LAPSED: tr("申请人逾期未补正，依{paper}视为放弃申请；今后再来按新申请办理。").format(
        paper=paper_title("correction", False)
    ),
}
#: the lapse where the hall only received the case: its 补齐材料告知书 decides nothing, so it threatens nothing
#: (docs/notice-wording.md): the 收件 registration ends, and the applicant may hand the materials in at any time
CASE_FORM_TITLE_RECEIVED = {
    CaseEvent.CORRECTION_LAPSED: tr(
        "申请人逾期未补齐，依{paper}终结本次收件登记，不影响申请人的任何权利；补齐后仍可随时提交，按新的收件办理。"
    ).format(paper=paper_title("correction", True)),
}


def case_form_title(event: CaseEvent, received: bool) -> str:
    """The step's form title by the hall's standing: its 收件 words where it only received the case (``received``)."""
    if received:
        return CASE_FORM_TITLE_RECEIVED.get(event, CASE_FORM_TITLE[event])
    return CASE_FORM_TITLE[event]


ITEM_QUEUE_TAB = tr("部门待办")
ITEM_QUEUE_CHOOSE = tr("部门：")
ITEM_QUEUE_COMING_DUE = tr("到期提醒：各部门下一个工作日到期、今日到期和已逾期的事项")
ITEM_QUEUE_DEPARTMENT = tr("{department}（待办 {items} 项，已逾期 {overdue} 项）")
ITEM_QUEUE_SUMMARY = tr("共 {count} 项待办，先到期的在前；暂停计时的排在最后。")
ITEM_QUEUE_PAGED = tr("共 {count} 项待办，列出最先到期的 {shown} 项；办结一项，后面的依次上移。")
ITEM_QUEUE_DUE_SUMMARY = tr("截至 {day}：{count} 项事项下一个工作日到期、今日到期或已逾期（其中已逾期 {overdue} 项）。")
ITEM_QUEUE_DUE_PAGED = tr(
    "截至 {day}：{count} 项事项下一个工作日到期、今日到期或已逾期（其中已逾期 {overdue} 项），"
    "列出逾期最久的 {shown} 项；各部门的待办请在上方选择部门。"
)
ITEM_QUEUE_PAUSED = tr("暂停计时")
ITEM_QUEUE_COLUMNS = (
    tr("办件编号"),
    tr("事项"),
    tr("实施部门"),
    tr("办理状态"),
    tr("办结期限"),
    tr("提醒"),
    tr("申请人"),
    tr("一件事"),
)
HAND_OVER_TITLE = tr("统一出件：本次送达下列已办结事项的办理结果，送达后打印送达回证请领取人签字。")
HAND_OVER_UNDECIDED = tr("尚未办结：{items}。")
HAND_OVER_PARTIAL = tr("申请人要求先取已办结的部分（部分出件，其余办结后另行送达）")
HAND_OVER_WAY_LABEL = tr("送达方式：")
HAND_OVER_RECIPIENT = tr("领取人：")
HAND_OVER_ID = tr("领取人身份证号码：")
HAND_OVER_ID_HINT = tr("核对身份证件后录入，只保存打码的号码")
HAND_OVER_CARRIER = tr("寄递单位：")
HAND_OVER_TRACKING = tr("邮件号码：")
HAND_OVER_ADDRESS = tr("电子送达地址：")
HAND_OVER_CONFIRM = tr("确认送达并打印送达回证")
HAND_OVER_DONE = tr("已送达 {count} 项办理结果（{way}），办件状态：{status}。请打印送达回证交领取人签字。")
CASE_FORM_REASON = tr("理由：")
CASE_FORM_NOTE = tr("备注（可不填）：")
CASE_FORM_DATE = tr("新的补交期限：")
CASE_FORM_DUE = tr("（期限{due}）")
CASE_FORM_CONFIRM = tr("确认{action}")
CASE_FORM_CANCEL = tr("取消")
CASE_REASON_HINT = {
    CaseEvent.WITHDRAWN: tr("例如：申请人书面申请撤回"),
    CaseEvent.DEFERRAL_EXTENDED: tr("例如：因疫情防控，医院暂停办理健康证明"),
    CaseEvent.DENIED: tr("例如：申请人未说明逾期的正当理由"),
    CaseEvent.VOIDED: tr("例如：重复录入，正确的办件为……"),
    CaseEvent.ITEM_APPROVED: tr("例如：许可证编号 JY11522010012345"),
    CaseEvent.ITEM_DENIED: tr("例如：经现场核查，经营场所不符合食品安全要求"),
}
# Keys are the values of counter.ui.cases.rules.FormProblem.
CASE_FORM_PROBLEM = {
    "nothing_ticked": tr("请至少勾选一项已补交的材料"),
    "reason_missing": tr("请填写理由"),
    "reason_not_taken": tr("理由含有看不见的字符、控制字符或文字方向控制符，或超过500个字，请修改"),
    "date_missing": tr("请填写新的补交期限"),
    "date_not_after_today": tr("新的补交期限须晚于今天"),
    "date_not_later": tr("新的补交期限须晚于原定期限"),
    "validity_before_today": tr("证照有效期至不能早于准予之日（今天）；长期有效的请选“长期有效”"),
}
CASE_DONE_PARTLY = tr("已登记补交：{arrived}。仍待补交：{open}")
CASE_DONE_COMPLETE = tr("容缺材料已全部补齐，办件已转入审批中")
CASE_DONE_EXTENDED = tr("容缺补交期限已延长至{due}")
CASE_DONE_LAPSED = tr(
    "逾期未补交：{materials}。不予批准的事项：{items}。由实施部门作出决定的事项：{referred}。办件状态：{status}"
)
CASE_DONE_NONE = tr("无")
CASE_ITEMS = tr("各事项的办理情况")
CASE_ITEM_COLUMNS = (tr("事项"), tr("实施部门"), tr("办理状态"), tr("理由或结果编号"))
CASE_ITEM_PENDING = tr("待决定")
CASE_ITEM_APPROVED = tr("准予")
CASE_ITEM_DENIED = tr("不予批准")
# a grant's result number with its licence's 有效期限, in the 理由或结果编号 column
CASE_ITEM_VALID_UNTIL = tr("{number}（有效期至{date}）")
CASE_ITEM_LONG_TERM = tr("{number}（长期有效）")
# deciding one item from the 各事项的决定 list: {item} is the item's name, {department} its deciding department
CASE_ITEM_APPROVE = tr("准予“{item}”")
CASE_ITEM_DENY = tr("不予批准“{item}”")
CASE_ITEM_CHOOSE = tr("选中一个待决定的事项（↑ ↓），再按下面的按钮作出该事项的决定。")
CASE_ITEM_FORM_TITLE = {
    CaseEvent.ITEM_APPROVED: tr("准予“{item}”（{department}）。如有办理结果的编号（如许可证编号），请填写。"),
    CaseEvent.ITEM_DENIED: tr(
        "不予批准“{item}”：以{department}的名义作出，须写明理由，理由将写入该事项的不予批准决定书。其他事项继续办理。"
    ),
}
CASE_FORM_RESULT_NO = tr("结果编号（可不填）：")
#: the window entering a department's decision for it (代为录入): what names the decision the department took
CASE_FORM_DEPARTMENT_NO = tr("部门决定文号：")
CASE_FORM_OFFICER = tr("部门承办人：")
CASE_FORM_DEPARTMENT_NO_HINT = tr("按部门书面决定填写，例如 兴市监准字〔2026〕15号")
CASE_FORM_OFFICER_HINT = tr("作出决定的部门工作人员姓名")
# 分发 at the window: {items} are the items routed now, one a line, each with its department (CASE_ROUTE_ITEM)
CASE_ROUTE_TITLE = tr("将下列事项分发至实施部门，由各部门签收办理：\n{items}")
CASE_ROUTE_ITEM = tr("　　{item}（{department}）")
CASE_DONE_ROUTED = tr("已分发至实施部门：{items}。")
CASE_DONE_NOTHING_ROUTED = tr("各事项均已分发或已决定，无需再分发。")
# a department's steps of the item chosen on the 各事项的办理情况 list (counter.ui.cases.item_step_form)
ITEM_STEP_ACTION = {
    ItemEvent.SIGNED: tr("签收"),
    ItemEvent.CORRECTION: tr("要求补正"),
    ItemEvent.REFUSED: tr("不予受理"),
    ItemEvent.REVIEW_STARTED: tr("开始审查"),
    ItemEvent.PAUSED: tr("暂停计时"),
    ItemEvent.RESUMED: tr("恢复计时"),
    ItemEvent.EXTENDED: tr("延期"),
    ItemEvent.APPROVED: tr("准予"),
    ItemEvent.DENIED: tr("不予批准"),
}
ITEM_STEP_CHOOSE = tr("选中一个事项（↑ ↓），再按下面的按钮办理该事项。")
ITEM_STEP_BAR = tr("部门办理“{item}”（{department}）：")
ITEM_STEP_BUTTON_NAME = tr("{step}“{item}”")  # what a screen reader says of a step's button
ITEM_STEP_TITLE = {
    ItemEvent.SIGNED: tr("签收“{item}”：{department}已收到分发的事项和材料。"),
    ItemEvent.CORRECTION: tr(
        "要求补正“{item}”：以{department}的名义在受理前一次告知需要补正的全部内容，只能告知一次；"
        "补正齐全后签收，即于当日受理（《行政许可法》第三十二条）。"
    ),
    ItemEvent.REFUSED: tr(
        "不予受理“{item}”：以{department}的名义作出（本部门尚未受理），须写明依据；不属于本机关职权范围的，"
        "须写明有权机关。依据和理由将写入不予受理通知书。"
    ),
    ItemEvent.REVIEW_STARTED: tr("开始审查“{item}”。"),
    ItemEvent.PAUSED: tr(
        "暂停计时“{item}”：听证、招标拍卖、检验检测检疫、鉴定和专家评审的时间不计入办理期限"
        "（《行政许可法》第四十五条）。"
    ),
    ItemEvent.RESUMED: tr("恢复计时“{item}”：暂停的原因已消除，办理期限接着计算。"),
    ItemEvent.EXTENDED: tr(
        "延期“{item}”：至多延长10个工作日，须经本行政机关负责人批准，理由告知申请人（《行政许可法》第四十二条），"
        "只能延期一次。"
    ),
    ItemEvent.APPROVED: tr("准予“{item}”：以{department}的名义作出，请填写办理结果的编号（如许可证编号）。"),
    ItemEvent.DENIED: tr("不予批准“{item}”：以{department}的名义作出，须写明理由，理由将写入不予批准决定书。"),
}
ITEM_STEP_PAUSE = tr("暂停原因：")
ITEM_STEP_PAUSE_CHOOSE = tr("（请选择）")
ITEM_STEP_DETAIL = tr("补充说明（可不填）：")
ITEM_STEP_DAYS = tr("延长工作日数：")
ITEM_STEP_APPROVER = tr("批准的负责人：")
ITEM_STEP_EXTEND_REASON = tr("延期理由（告知申请人）：")
ITEM_STEP_RESULT_NO = tr("结果编号：")
ITEM_STEP_DENY_REASON = tr("不予批准理由：")
ITEM_STEP_REFUSE_REASON = tr("不予受理理由：")
ITEM_STEP_CORRECTION = tr("需要补正的全部内容：")
ITEM_STEP_GROUND = tr("不予受理依据：")
ITEM_STEP_GROUND_OTHER = tr("其他理由（写明理由）")
ITEM_STEP_AUTHORITY = tr("有权机关：")
ITEM_STEP_AUTHORITY_NAME = tr("有权机关")  # in the ground's choice: 应向有权机关申请
# a licence's 有效期限 with its 准予 (GB/T 39046-2020 表 8 证照有效期限): chosen by ↑ ↓, the date typed after Tab
ITEM_STEP_VALIDITY = tr("证照有效期限：")
ITEM_STEP_VALIDITY_NONE = tr("证照未载明")
ITEM_STEP_VALIDITY_UNTIL = tr("有效期至")
ITEM_STEP_VALIDITY_LONG = tr("长期有效")
ITEM_STEP_VALID_UNTIL = tr("有效期至：")
# a licence only: the department's own decision under 第七十八条, its 不予批准决定书 then says what follows from it
ITEM_STEP_FALSE_MATERIALS = tr("申请人隐瞒有关情况或者提供虚假材料（行政许可法第七十八条）")
ITEM_STEP_DONE = tr("“{item}”：已办理“{step}”，事项现在是“{state}”。")
# after a department's step that makes its paper (its 不予受理, its 补正): what to do with it next
ITEM_STEP_PAPER = tr("{paper}已以{department}名义出具，请在下方“文书”中打印，交申请人。")
CASE_DONE_ITEM = tr("“{item}”：{decision}。办件状态：{status}")
CASE_DONE_MOVED = tr("已办理：{action}。办件状态：{status}")
CASE_LISTS_TITLE = tr("办件清单：今日本窗口与容缺到期")
CASE_LIST_TODAY = tr("今日本窗口")
CASE_LIST_DUE = tr("容缺到期")
CASE_LIST_DUE_COUNT = tr("容缺到期（{count}）")
CASE_LIST_REFRESH = tr("刷新")
CASE_LIST_TODAY_SUMMARY = tr("{day}　{desk}：共{count}件。双击或按回车打开办件")
CASE_LIST_DUE_SUMMARY = tr(
    "截至{last_day}（今后两个工作日内）到期和已逾期的容缺、补正办件：共{count}件，其中已逾期{overdue}件。"
    "双击或按回车打开办件"
)
# the list holds the earliest page of them: the summary says how many it shows
CASE_LIST_DUE_PAGED = tr(
    "截至{last_day}（今后两个工作日内）到期和已逾期的容缺、补正办件：共{count}件，其中已逾期{overdue}件；"
    "下表列出最早到期的{shown}件。双击或按回车打开办件"
)
# more were due than the list counts: "more than", never a count that reads every waiting case
CASE_LIST_DUE_MANY = tr(
    "截至{last_day}（今后两个工作日内）到期和已逾期的容缺、补正办件超过{count}件；下表列出最早到期的{shown}件。"
    "双击或按回车打开办件"
)
CASE_LIST_DUE_COUNT_MANY = tr("{count}件以上")
CASE_LIST_TODAY_COLUMNS = (tr("办件编号"), tr("状态"), tr("一件事"), tr("申请人"), tr("容缺补交期限"))
CASE_FOUND_TITLE = tr("查找办件")
CASE_FOUND_FIELD = tr("查找(&S)：")
CASE_FOUND_HINT = tr("完整编号、编号末几位、身份证号、手机号或申请人姓名")
CASE_FOUND_PERIOD = tr("期限(&P)：")
CASE_FOUND_GO = tr("查找")
#: the periods F7 looks back over (counter.case.lookup.LOOKBACK_CHOICES), by their days
CASE_FOUND_PERIODS = {30: tr("近30天"), 90: tr("近90天"), 182: tr("近半年"), 365: tr("近一年")}
CASE_FOUND_COLUMNS = (
    tr("办件编号"), tr("受理日期"), tr("申请人"), tr("证件号码"), tr("联系电话"), tr("状态"), tr("一件事"),
)  # fmt: skip
CASE_FOUND_SUMMARY = tr("{period}内与“{typed}”相符的办件共 {count} 件，按受理日期由近及远排列；回车打开。")
CASE_FOUND_MANY = tr(
    "{period}内与“{typed}”相符的办件超过 {count} 件，下表列出最近的 {count} 件；输入身份证号或手机号可查得更准。"
)
CASE_FOUND_NONE = tr(
    "{period}内没有与“{typed}”相符的办件。可放宽期限（Alt+P），或输入完整办件编号、编号末几位、身份证号、"
    "手机号或申请人姓名。"
)
CASE_FOUND_SHORT = tr("姓名请至少输入两个字：只输入姓氏会列出太多办件。")
CASE_FOUND_UNREADABLE = tr("“{typed}”不是办件编号、编号末几位、身份证号、手机号或姓名，请核对后再查。")
CASE_FOUND_READ_FAILED = tr("无法查找办件：{fault}")
CASE_LIST_DUE_COLUMNS = (
    tr("办件编号"),
    tr("补交期限"),
    tr("逾期/剩余"),
    tr("申请人"),
    tr("一件事"),
    tr("收件日期"),
    tr("收件窗口"),
)
CASE_LIST_OVERDUE_DAYS = tr("已逾期{days}天")
CASE_LIST_CORRECTION = tr("补正：{text}")  # a correction notice's deadline in the list of deferrals coming due
CASE_LIST_DUE_TODAY = tr("今天到期")
CASE_LIST_DAYS_LEFT = tr("还剩{days}个工作日")
CASE_LIST_READ_FAILED = tr("无法读取办件列表：{fault}。排除后请点“刷新”")
