"""Words of the intake panel (UI only).

Dictionaries keyed by a domain code use the code's string value (PartyField,
DraftProblemCode, Receipt): a StrEnum member finds its entry.
"""

from __future__ import annotations

from counter.words.translate import tr

# Dictionaries keyed by a domain code use the code's string value (PartyField,
# DraftProblemCode, Receipt): a StrEnum member finds its entry, and this section
# needs no import of its own.  Templates in {braces} are filled by the panel.

INTAKE_WINDOW_TITLE = tr("受理：{bundle}")
INTAKE_GUIDE_VERSION = tr("指南第 {version} 版")
INTAKE_DAY = tr("受理日期：{date}　{desk}号窗口　{clerk}")
INTAKE_DAY_RECEIVED = tr("收件日期：{date}　{desk}号窗口　{clerk}")  # where the hall only receives the items
INTAKE_RESUBMISSION = tr("补正后重新提交，原办件：{case_no}")
INTAKE_DRAFT_GUIDE = tr("依据待核办事指南受理：受理凭证和各类文书将注明此事")
INTAKE_APPLICANT = tr("申请人")
INTAKE_NAME = {"person": tr("姓名"), "company": tr("名称")}
INTAKE_ID_NO = {"person": tr("身份证号"), "company": tr("统一社会信用代码")}
INTAKE_PHONE = tr("电话")
INTAKE_ADDRESS = {"person": tr("地址"), "company": tr("住所")}
INTAKE_LEGAL_REP = tr("法定代表人")
INTAKE_AUTOFILLED = tr("已按以往办件自动填写")
# the applicant's cases of this bundle not yet over, named when her number is typed (counter.ui.intake.open_cases)
INTAKE_OPEN_CASES = tr("该申请人已有 {count} 件本事项的办件尚未办结，请先确认是否重复受理：")
INTAKE_OPEN_CASE_LINE = tr("{case_no}\n{date}收件　{status}")
INTAKE_OPEN_EXISTING = tr("打开已有办件 (Alt+O)")
INTAKE_TAKE_NEW = tr("仍然新建 (Alt+N)")
INTAKE_OPEN_CASES_KEYS = tr("多件时按 Alt+O 后用 ↑↓ 选择、回车打开，Esc 回到表单；填写的内容都保留")
INTAKE_OPEN_CASES_LIST = tr("该申请人未办结的办件")
INTAKE_COMMIT_OPEN_CASES = tr("请先确认：打开已有办件或仍然新建")
INTAKE_OPEN_CASES_FAILED = tr("未能查询该申请人已有的办件：{fault}。请在办件查询中核对是否重复受理")
INTAKE_ID_OK = tr("号码有效")
INTAKE_ID_CARD_EXPIRED = tr("号码有效，但此身份证已过期")
INTAKE_CARD_BUTTON = tr("读身份证（{key}）")
INTAKE_CARD_READING = tr("正在读卡，请把身份证放在阅读器上……")
INTAKE_CARD_SEX = {"1": tr("男"), "2": tr("女")}
INTAKE_CARD_FACTS = tr("{sex}　{ethnicity}族　出生 {birth}　签发机关 {authority}　有效期 {start}至{until}")
#: the word of INTAKE_CARD_FACTS between the two dates of the validity: a narrow line may break before it, and only
#: there and at the gaps (counter.ui.widgets.unbroken)
INTAKE_CARD_RANGE = tr("至")
INTAKE_CARD_LONG_TERM = tr("长期")
INTAKE_CARD_EXPIRED = tr("此身份证已于{until}过期，不能作为有效身份证明，请申请人出示有效证件。")
INTAKE_QUEUE_BUTTON = tr("叫下一号（{key}）")
INTAKE_QUEUE_CALLING = tr("正在叫号……")
INTAKE_QUEUE_CALLED = tr("已叫 {ticket} 号")
INTAKE_QUEUE_WAITED = tr("已叫 {ticket} 号，申请人等候了 {minutes} 分钟")
# keyed by counter.host.devices.queue_caller.QueueFault; the form is left as it was in every case
INTAKE_QUEUE_FAULT = {
    "not_set_up": tr("本窗口未设置叫号系统，请管理员在本窗口设置中填写叫号系统地址。"),
    "unreachable": tr("连接不上叫号系统，请检查网络后再按叫号。"),
    "no_answer": tr("叫号系统没有应答，请稍后再按叫号。"),
    "nobody_waiting": tr("现在没有排队等候的申请人。"),
    "bad_answer": tr("叫号系统的应答无法识别，请联系管理员核对叫号系统的格式设置。"),
}
# keyed by counter.parties.id_card.CardFault; the form is left as it was in every case
INTAKE_CARD_FAULT = {
    "not_set_up": tr("本窗口未设置身份证阅读器，请手工录入，或请管理员在本窗口设置中设置阅读器。"),
    "unreachable": tr("连接不上身份证阅读器，请检查阅读器的连线和电源后再按读卡。已填内容未改动。"),
    "no_answer": tr("身份证阅读器没有应答，请检查阅读器后再按读卡。已填内容未改动。"),
    "no_card": tr("阅读器上没有身份证，请把身份证平放在阅读器上再按读卡。"),
    "removed": tr("读卡中途身份证被移开，请把身份证放回阅读器上，不要移动，再按读卡。已填内容未改动。"),
    "torn": tr("读卡数据不完整，请再按读卡。已填内容未改动。"),
    "unreadable": tr("读到的内容不是有效的身份证信息，请再按读卡，或手工录入。已填内容未改动。"),
}
INTAKE_AGENT = tr("委托代办人办理")
INTAKE_AGENT_NAME = tr("代办人姓名")
INTAKE_AGENT_ID = tr("代办人身份证号")
INTAKE_AGENT_AUTHORISATION = tr("授权委托书")
INTAKE_AGENT_AUTHORISATION_HINT = tr("如：2025年3月6日签署，委托办理设立登记和食品经营许可")
INTAKE_DELIVERY = tr("结果送达")
INTAKE_DELIVERY_ADDRESS = tr("邮寄地址")
INTAKE_NOTIFY_PHONE = tr("短信通知电话")
INTAKE_NOTIFY_PHONE_HINT = tr("同申请人电话 {phone}")
INTAKE_NOTIFY_PHONE_EMPTY = tr("同申请人电话")
INTAKE_SITUATIONS = tr("办理情形")
INTAKE_MATERIALS = tr("申请材料核对")
INTAKE_ALL_RECEIVED = tr("全部已收取（Alt+A）")  # from anywhere in the intake; not a Tab stop
INTAKE_ALL_RECEIVED_TIP = tr("把所有未核对的材料记为已收取（按指南份数）；共享材料仍须逐项确认")
INTAKE_PENDING = tr("还有 {count} 项未核对")
INTAKE_NONE_PENDING = tr("材料已全部核对")
INTAKE_KEYS_HINT = tr(
    "选中一行：1 已收取　2 有缺陷　3 未提交　4 共享已确认　5 当场更正　6 容缺后补　7 查证照库　"
    "8 高拍仪拍照　9 拍照并注明已核对原件　空格 切换已收取"
)
INTAKE_RECEIPT_BUTTON = {
    "received": tr("已收取"),
    "defective": tr("有缺陷"),
    "missing": tr("未提交"),
    "shared_confirmed": tr("共享已确认"),
    "corrected_on_spot": tr("当场更正"),
}
# what a screen reader says of a row's button or count: the control and the material it acts on, so the rows'
# 已收取 are told apart (已收取：食品经营许可申请书)
INTAKE_ROW_CONTROL_NAME = tr("{control}：{material}")
INTAKE_RECEIPT_DEFER = tr("容缺后补")  # a 容缺后补 material not handed in, the applicant asking for 容缺 (key 6)
INTAKE_RECEIPT_SHARED_FETCHED = tr("共享获取")  # a shared material's 未提交: not asked of the applicant
INTAKE_TAG_SHARED = tr("免提交")
# 电子证照 (seed 001 第二十七条): key 7 asks the 证照库, the clerk takes one licence or the paper
INTAKE_LICENCE_BUTTON = tr("查证照库")
INTAKE_LICENCE_CHOOSE = tr("证照库中申请人的“{name}”：选一份采用")
INTAKE_LICENCE_ITEM = tr("{kind}　{number}号　可信等级{trust}\n{issuer}　{validity}")
INTAKE_LICENCE_EXPIRED_MARK = tr("{line}\n（已过期，不能采用）")
INTAKE_LICENCE_UNTIL = tr("有效期至{date}")
INTAKE_LICENCE_OPEN = tr("长期有效")
INTAKE_LICENCE_KEYS = tr("↑ ↓ 选择　回车 采用　Esc 不采用")
INTAKE_LICENCE_NOT_TAKEN = tr("不能采用这份电子证照：{reasons}。请选择其他证照，或收取纸质材料。")
INTAKE_LICENCE_PROBLEM = {
    "expired": tr("已超过有效期"),
    "not_this_material": tr("证照类型与所需材料不符"),
    "not_this_holder": tr("持证主体不是本申请人"),
    "below_floor": tr("可信等级低于本材料的要求"),
    "self_made": tr("可信等级D为用户自制材料，不能作为部门核发的证照"),
}
INTAKE_LICENCE_ASKING = tr("正在查询证照库：{name}。可以继续核对其他材料")
INTAKE_LICENCE_NONE = tr("证照库中没有申请人的“{name}”：请收取纸质材料")
# an answer that came after the clerk went on, kept on its row for 7 there (counter.ui.intake.licence_desk)
INTAKE_LICENCE_FOUND = tr("证照库中有申请人的“{name}” {count} 份：回到该材料按 7 选择采用")
INTAKE_LICENCE_FOUND_ROW = tr("证照库已查到 {count} 份：按 7 选择采用")
INTAKE_LICENCE_FAILED = tr("证照库暂时无法查询“{name}”：请收取纸质材料，本件将记录查询未成功")
INTAKE_LICENCE_NOT_SET = tr("本大厅尚未设置证照库：请收取纸质材料，本件将记录未能查询")
INTAKE_LICENCE_NO_ID = tr("请先填写申请人的身份证号或统一社会信用代码，再查询证照库")
INTAKE_LICENCE_TAKEN = tr("已采用电子证照：{line}")
INTAKE_LICENCE_CHECK_ORIGINAL = tr("用户自行上传的电子证照，须核验原件：请查看原件，核对无误后在该材料上按 1 收取")
INTAKE_PAGES_TAKEN = tr("已拍 {count} 页")
INTAKE_PAGES_COMPARED = tr("，其中 {compared} 页已与原件核对")
INTAKE_PAGE_TAKING = tr("正在用高拍仪拍“{name}”，请不要移动材料")
INTAKE_PAGE_TAKEN = tr("已拍“{name}”第 {page} 页")
INTAKE_PAGE_TAKEN_COMPARED = tr("已拍“{name}”第 {page} 页，注明已与原件核对")
INTAKE_CAMERA_FAULT = {
    "not_set_up": tr("本窗口未设置高拍仪，请收取纸质材料，或请管理员在本窗口设置中设置高拍仪。"),
    "no_camera": tr("找不到高拍仪，请检查高拍仪的连线后再拍。"),
    "no_frame": tr("高拍仪没有拍到图像，请再拍一次。"),
    "busy": tr("高拍仪正被其他程序使用，请关闭那个程序后再拍。"),
}
INTAKE_PAGE_PROBLEM = {
    "not_an_image": tr("高拍仪送来的不是图像，没有保存，请再拍一次。"),
    "too_large": tr("这一页的图像压缩后仍超过 1 MB，没有保存：请把高拍仪调到文档模式后再拍。"),
    "too_many": tr("这份材料已拍到上限（30 页），没有再保存。"),
    "no_such_material": tr("这份材料已不在材料清单上，没有保存。"),
    "not_as_declared": tr("这一页的图像与记录的尺寸不符，没有保存，请再拍一次。"),
}
INTAKE_ORIGINALS = tr("原件")
INTAKE_COPIES = tr("复印件")
INTAKE_GUIDE_COUNT = tr("指南：原件{originals}份 复印件{copies}份")
INTAKE_DEFECT_HINT = tr("写明问题所在（印在{paper}上）")  # the paper by the hall's standing
INTAKE_CORRECTED_HINT = tr("写明申请人当场更正了什么（记入办件）")
INTAKE_DEFECT_NOTE = tr("问题说明")  # the note's name for a screen reader, with its material (INTAKE_ROW_CONTROL_NAME)
INTAKE_CORRECTED_NOTE = tr("更正说明")
INTAKE_OUTCOME = tr("受理结果")
INTAKE_OUTCOME_RECEIVED = tr("收件结果")  # where the hall only receives: the departments decide the 受理
INTAKE_UNDECIDED = tr("未完成")
INTAKE_ANSWER_FIRST = tr("先回答办理情形，再逐项核对所需材料")
INTAKE_PROMISED = tr("承诺办结日期：{date}")
INTAKE_DEFERRED_DUE = tr("容缺材料到期日 {date}：{name}")
INTAKE_CORRECTION_DUE = tr("补正期限：{date}")
INTAKE_NOTIFY_BY = tr("书面告知不晚于：{date}")
INTAKE_BEYOND_CALENDAR = tr(
    "⚠ 暂定日期：节假日安排尚未公布，按法定节假日推算，以国务院办公厅公布的安排为准（文书上注明）"
)
INTAKE_BEYOND_NAMED = tr("⚠ {warning}（文书上注明）")  # warning: counter.words.workdays.beyond_data_warning
INTAKE_DEFERRAL = tr("容缺受理")
# decided, but something the commit checks stands in the way (an expired card, a required field empty): the headline
# says so in the colour of the undecided, over the greyed button, never the outcome's green
INTAKE_BLOCKED_HEADLINE = tr("暂不能出具")
INTAKE_BLOCKED = tr("按下列各项补全或更正后，方可出具“{outcome}”")
INTAKE_BLOCKED_CARD = tr("申请人身份证已过期，不能作为有效身份证明：请申请人出示有效证件")
INTAKE_DEFERRAL_ASKED = tr("申请人申请容缺受理(&R)")  # Alt+R from anywhere in the intake
# asked for 容缺, its two conditions not yet confirmed: the headline and its line while the commit waits
INTAKE_DEFERRAL_UNCONFIRMED_HEADLINE = tr("待确认容缺条件")
INTAKE_DEFERRAL_UNCONFIRMED = tr(
    "申请人申请容缺受理：确认下方两项容缺条件后出具{paper}；条件不符的，取消勾选容缺申请（Alt+R），按补正办理"
)
INTAKE_DEFERRAL_CREDIT = tr("已核实无不良信用记录")
INTAKE_DEFERRAL_PLEDGE = tr("已签署承诺书")
INTAKE_REFUSE = tr("不予受理")
#: the same box where the hall only receives: its paper tells what the window found and refuses nothing
INTAKE_REFUSE_RECEIVED = tr("告知：出具{paper}")
INTAKE_REFUSAL_GROUND = {
    "no_licence_needed": tr("依法不需要取得行政许可（第一项）"),
    "not_in_remit": tr("不属于本机关职权范围（第二项）"),
    "false_materials": tr("隐瞒有关情况或者提供虚假材料（第七十八条）"),
}
INTAKE_NO_LICENCE = tr("逐项选定依法不需要取得行政许可的事项（只限行政许可；未选定的事项，通知书不对其作出决定）：")
INTAKE_TURN_TO = tr("逐项告知申请人向哪个行政机关申请（全称，印在通知书上）：")
INTAKE_TURN_TO_ITEM = tr("“{item}”向：")
INTAKE_TURN_TO_HINT = tr("有权受理的行政机关全称，如：呼伦贝尔市海拉尔区市场监督管理局")
INTAKE_COMMIT = tr("办结受理")
#: the commit button while the intake is being saved (the database answering; the window still paints): what is
#: happening, and what to do meanwhile, in the two lines the act and its key take (a greyed button that named
#: Ctrl+Enter asked the clerk to press it again)
INTAKE_SAVING = tr("正在保存……\n请稍候")
#: the commit button while a lost connection is waited for: the intake commits by itself once it is back
INTAKE_WAITING_TO_COMMIT = tr("等待连接恢复……\n恢复后自动提交")
# the commit button names the act and the paper of the outcome the form comes to (Outcome values); {paper} is the
# paper's name as it prints it (counter.words.documents.DOC_TITLE of the outcome's first paper)
INTAKE_COMMIT_FOR = {
    "accept": tr("受理，出具{paper}"),
    "defer": tr("容缺受理，出具{paper}"),
    "correct": tr("出具{paper}"),
    "refuse": tr("出具{paper}"),
}
# the applicant asked for 容缺 and a condition is not confirmed yet: nothing is issued until the clerk confirms both
# or takes the request back (a 补正 the clerk did not mean must not go out on Ctrl+Enter)
INTAKE_COMMIT_DEFERRAL_OPEN = tr("先确认容缺条件")
INTAKE_COMMIT_KEYS = tr("{action}\nCtrl+Enter")  # two lines: the act, then its key, in a narrow column
INTAKE_GROUND_REQUIRED = tr("请先选定不予受理的法定理由，再出具通知书。")
INTAKE_REFUSAL_CONFIRM_TITLE = tr("出具不予受理通知书")
INTAKE_REFUSAL_CONFIRM_INTRO = tr("确认后办件即登记为不予受理，不能撤回。不予受理通知书上将印：")
# a window that only receives an item (counter.documents.acceptance) issues a 申请事项告知书, which decides nothing
INTAKE_RECEIVED_CONFIRM_TITLE = tr("出具申请事项告知书")
INTAKE_RECEIVED_CONFIRM_INTRO = tr(
    "确认后即出具申请事项告知书，不能撤回。本窗口只负责收件，不作任何决定，告知书上将印："
)
INTAKE_REFUSAL_CONFIRM_KEYS = tr("核对无误后按 Tab 再按 Enter（或按 Alt+Y）确认出具；按 Enter 或 Esc 返回修改。")
INTAKE_REFUSAL_CONFIRM_BACK = tr("返回修改")
INTAKE_REFUSAL_CONFIRM_GO = tr("确认出具(&Y)")
# a window that only receives: the applicant, told the finding, insists — no paper now, the materials taken as 收件
INTAKE_RECEIVED_INSISTS = tr("申请人坚持办理：按收件办理并转送(&K)")
INTAKE_RECEIVED_INSISTS_KEYS = tr("申请人坚持按本次申请办理的，按 Alt+K，改为收件：核对材料后收件并当日转送。")
INTAKE_CLOSE_TITLE = tr("关闭受理")
INTAKE_CLOSE_QUESTION = tr("本次受理尚未办结。关闭后，已填写的内容保存为草稿，可在主窗口按“恢复”接着办。")
INTAKE_CLOSE_GO = tr("关闭，保留草稿")
INTAKE_CLOSE_STAY = tr("继续受理")
# a committed case whose papers have not all gone out: the 承诺书 the applicant signs and the receipt among them
INTAKE_UNPRINTED_TITLE = tr("文书尚未打印")
INTAKE_UNPRINTED_QUESTION = tr(
    "办件 {case_no} 的文书还没有全部打印出来（申请人要签的承诺书、要带走的凭证或通知书都在其中）。"
    "关闭前请先打印；确实不打印的，写明原因再关闭。"
)
INTAKE_UNPRINTED_PRINT = tr("返回打印")
INTAKE_UNPRINTED_LEAVE = tr("不打印，关闭")
INTAKE_UNPRINTED_REASON = tr("不打印的原因（如：申请人已离开，改日领取）")
INTAKE_CANCEL = tr("放弃本次受理")
# where the hall only receives the items, the intake's own words name its act as its papers do: 收件, never 受理
INTAKE_WINDOW_TITLE_RECEIVED = tr("收件：{bundle}")
INTAKE_COMMIT_RECEIVED = tr("办结收件")
INTAKE_CANCEL_RECEIVED = tr("放弃本次收件")
INTAKE_CLOSE_TITLE_RECEIVED = tr("关闭收件")
INTAKE_CLOSE_QUESTION_RECEIVED = tr("本次收件尚未办结。关闭后，已填写的内容保存为草稿，可在主窗口按“恢复”接着办。")
INTAKE_CLOSE_STAY_RECEIVED = tr("继续收件")
INTAKE_CANCEL_CONFIRM = tr("确认放弃？再按一次")
INTAKE_TAKEN = tr("办件已登记，办件编号：")
INTAKE_CLOSE = tr("关闭（Esc）")
INTAKE_PARTY_HEADING = tr("申请人信息还需完善：")
INTAKE_PARTY_PROBLEM = tr("{field}：{problem}")
# a name with a character no shipped font draws (CJK Extension I, the 公安人口信息专用字库补充汉字): kept, and flagged
INTAKE_NAME_UNPRINTED = tr("{field}中的“{char}”（{code}）本机字体无法显示，打印件上将以□代替，请在纸面手写补正")
INTAKE_NAME_FIELD = {"person_name": tr("姓名"), "organisation_name": tr("名称")}  # by TextField
# the bundle's subject (the newborn, the household): what to type in the fields whose form is fixed
INTAKE_SUBJECT_HEADING = tr("{title}信息还需完善：")
INTAKE_SUBJECT_HINT = {
    "past_date": tr("如 2026-11-18"),
    "count": tr("填数字"),
    "birth_certificate_no": tr("1位字母加9位数字"),
}
INTAKE_PARTY_FIELD = {
    "applicant_name": tr("申请人姓名或名称"),
    "applicant_id": tr("申请人证件号码"),
    "applicant_address": tr("申请人住址或住所"),
    "legal_rep": tr("法定代表人"),
    "phone": tr("电话"),
    "agent_name": tr("代办人姓名"),
    "agent_id": tr("代办人身份证号"),
    "agent_authorisation": tr("授权委托书"),
    "delivery_address": tr("邮寄地址"),
}
INTAKE_NOT_POSSIBLE = tr("还不能办结，请先处理以下问题：")
INTAKE_PREVIOUS_NOT_FOUND = tr("原办件 {case_no} 不存在，请核对办件编号")
INTAKE_CONNECTION_LOST = tr(
    "与数据库的连接中断，本次受理尚未保存。表单内容都在，请不要关闭窗口；连接恢复后将自动重新提交。"
)
INTAKE_CONNECTION_RETRYING = tr("（正在重试，第{attempts}次）")
INTAKE_CONNECTION_BACK = tr("连接已恢复，正在重新提交……")
# a commit the database refused: what became of the draft is said as it is (saved again after the failure, or not)
INTAKE_DB_FAULT = tr("{fault}。本次受理没有保存，表单内容和草稿都已保留，问题排除后请再次提交（Ctrl+Enter）。")
INTAKE_DB_FAULT_NO_DRAFT = tr(
    "{fault}。本次受理没有保存，草稿也未能保存；表单内容仍在本窗口中，请暂勿关闭窗口，问题排除后请再次提交（Ctrl+Enter）。"
)
INTAKE_PREVIEW_FAILED = tr("暂时无法计算受理结果（{fault}），表单内容已保留")
INTAKE_DRAFT_SAVED = tr("草稿已保存 {time}")
INTAKE_DRAFT_SAVE_FAILED = tr("草稿未能保存（{fault}）；表单内容仍在本窗口中，请暂勿关闭窗口")
INTAKE_DRAFT_APPLICANT = tr("，{applicant}")  # after the bundle in INTAKE_DRAFT_OFFER
INTAKE_DRAFT_OFFER = tr("上次未完成的受理（保存于 {time}）：{bundle}{applicant}")
INTAKE_DRAFT_CHOICE = tr("{time}  {bundle}{applicant}")  # one line of the bar's list where several are kept
INTAKE_DRAFT_DISCARDED = tr("上次未完成的受理草稿无法恢复，已丢弃：{reason}")
INTAKE_DRAFT_PROBLEM = {
    "not_json": tr("草稿内容已损坏"),
    "wrong_format": tr("草稿由其他版本的程序保存"),
    "wrong_shape": tr("草稿缺少或写错了“{detail}”"),
    "not_this_guide": tr("草稿与所依据的指南版本不符"),
    "guide_missing": tr("草稿所依据的指南版本已不存在"),
}

# 即办件: decided and handed over at the window (counter.ui.intake.same_day)
INTAKE_SAME_DAY_BUTTON = tr("当场办结并送达（Ctrl+J）")
INTAKE_SAME_DAY_HINT = tr("这件事的事项都是即办件：请先当场办结并把结果交给申请人，再打印文书。")
INTAKE_SAME_DAY_FAILED = tr("{fault}。当场办结没有保存，可以再试一次。")
INTAKE_SAME_DAY_UNCHECKED = tr("暂时无法确认这一件能否当场办结（{fault}），请稍后在办件页上当场办结并送达。")
