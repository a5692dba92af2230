"""Words of the review pad, the desk's rating line, the supervisor's page,
the figures page and the rating settings (UI only).
"""

from __future__ import annotations

# the applicant's words, one table with the pad page of a tablet's browser (counter.server.pad_page)
from counter.words.pad import *  # noqa: F403
from counter.words.translate import tr

SPOKEN = tr("{first}。{second}")  # two prompts of one page, spoken one after the other (counter.host.devices.voice)

# the desk side
DESK_RATING_STATUS = tr("好差评：{status}")
DESK_RATING_NONE = tr("好差评：办结后按 F9 请申请人评价")
DESK_RATING_CASE = tr("{status}（办件 {case_no}）")
DESK_RATING_SENDING = tr("正在请申请人评价办件 {case_no}")
DESK_RATING_ASKED = tr("评价中（办件 {case_no}，{bundle}，申请人 {name}）")
DESK_RATING_PAD_BUSY = tr("评价器正在评价办件 {case_no}，请稍候")
#: the desk's pad device has stopped asking the server while its request waits: it cannot show it nor send the answer
DESK_RATING_PAD_AWAY = tr("评价器未连接，请检查评价器（办件 {case_no} 仍在评价中）")
DESK_RATING_FAILED = tr("评价请求没有发出：{fault}")
DESK_RATING_ALERT = tr("新的差评待整改：办件 {case_no}（{desk_no}号窗口），须在{due}前核实整改")

# the supervisor's page (督办)
SUPERVISE_TITLE = tr("督办：好差评整改")
#: the F8 window's title: the page shown, then what the window is
SUPERVISOR_WINDOW_TITLE = tr("{page} · 督办与设置（F8）")
SUPERVISE_ALERTS = tr("新差评 {count} 条")
SUPERVISE_EMPTY = tr("目前没有待整改的差评")
SUPERVISE_COLUMNS = (
    tr("办件编号"),
    tr("一件事"),
    tr("窗口"),
    tr("工作人员"),
    tr("评价"),
    tr("评价时间"),
    tr("状态"),
    tr("整改期限"),
    tr("剩余"),
)
SUPERVISE_OVERDUE = tr("已逾期{days}天")
SUPERVISE_DUE_TODAY = tr("今天到期")
SUPERVISE_DAYS_LEFT = tr("还剩{days}天")
SUPERVISE_REFRESH = tr("刷新")
SUPERVISE_DETAIL_EMPTY = tr("在上方选择一条整改，查看详情并处理")
SUPERVISE_RATER = tr("评价人：{name}　第{round}次评价　评价：{level}")
SUPERVISE_REASONS = tr("不满意原因：{reasons}")
# a 差评 whose applicant left the pad before choosing why (the time ran out, or the clerk closed it)
SUPERVISE_NO_REASONS = tr("申请人选择评价后离开，未说明原因")
SUPERVISE_COMMENT = tr("文字评价：{comment}")
SUPERVISE_NO_COMMENT = tr("（无文字评价）")
SUPERVISE_HISTORY_COLUMNS = (tr("时间"), tr("经办人"), tr("处理"), tr("状态"), tr("说明"))
SUPERVISE_BY = tr("经办人：")
SUPERVISE_NOTE = tr("情况说明：")
SUPERVISE_FIX_DUE = tr("限期整改至：")
SUPERVISE_FIX_DUE_NONE = tr("未选择整改")
SUPERVISE_NOTE_HINT = tr("回访、核实、整改或反馈的情况（每一步都要写明）")
SUPERVISE_APPEAL_GROUND = tr("申诉理由类别：")
SUPERVISE_APPEAL_REASON = tr("申诉理由或复核意见：")
SUPERVISE_APPEAL_UPHOLD = tr("申诉成立，撤销该评价")
SUPERVISE_APPEAL_REJECT = tr("申诉不成立")
SUPERVISE_APPEAL_TITLE = tr("申诉复核")
SUPERVISE_APPEALS = tr("申诉复核：{at}　{by}　{decision}　{reason}")
SUPERVISE_APPEAL_DECISION = {True: tr("申诉成立，评价已撤销"), False: tr("申诉不成立")}
SUPERVISE_DONE = tr("已记录：{event}。当前状态：{state}")
SUPERVISE_APPEAL_DONE = tr("已记录申诉复核：{decision}")
SUPERVISE_APPEAL_FILE = tr("提出申诉（交负责人复核）")
SUPERVISE_APPEAL_FILED = tr("已提出申诉：差评照常计入统计，标为申诉中，待负责人复核")
SUPERVISE_APPEAL_STATE = tr("申诉状态：{status}")
SUPERVISE_APPEAL_NO_DECIDING = tr("此处不能复核：{reasons}")
SUPERVISE_APPEAL_NO_FILING = tr("不能提出申诉：{reasons}")
SUPERVISE_STATE_APPEALING = tr("{state}（申诉中，待复核）")
SUPERVISE_SAVE_FAILED = tr("没有保存：{fault}")
SUPERVISE_READ_FAILED = tr("无法读取：{fault}")
SUPERVISE_BEYOND_DATA = tr("（暂定，按法定节假日推算）")
SUPERVISE_SYSTEM = tr("评价器")

# the figures page
RATING_FIGURES_TITLE = tr("好差评统计")
RATING_FIGURES_FROM = tr("从")
RATING_FIGURES_TO = tr("到")
RATING_FIGURES_SHOW = tr("统计")
RATING_FIGURES_COLUMNS = (
    tr("分组"),
    tr("办件数"),
    tr("已评价"),
    tr("好评"),
    tr("差评"),
    tr("其中申诉中"),
    tr("未评价"),
    tr("评价中"),
    tr("申诉撤销"),
    tr("好评率"),
    tr("未评率"),
    tr("整改率"),
)
RATING_FIGURES_TOTAL = tr("合计")
RATING_FIGURES_NOTE = tr(
    "好评＝非常满意、满意、基本满意；差评＝不满意、非常不满意。好评率＝好评÷有效评价；"
    "未评率＝（超时未评＋未发送评价）÷已结束的服务；整改率＝已反馈的差评÷差评。申诉成立撤销的评价不计入各项比率，"
    "单列为申诉撤销：办件数＝已评价＋未评价＋评价中＋申诉撤销。申诉中的差评在负责人复核前照常计入差评，"
    "复核前不计为已整改。"
)
RATING_FIGURES_READ_FAILED = tr("无法读取统计：{fault}")

# the rating settings (评价设置)
RATING_SETTINGS_TITLE = tr("评价设置")
RATING_SETTINGS_TIMEOUT = tr("评价等待时间：")
RATING_SETTINGS_SECONDS = tr(" 秒")
RATING_SETTINGS_PERIOD = tr("差评核实整改期限：")
RATING_SETTINGS_UNIT = {"working_day": tr("个工作日"), "calendar_day": tr("天（自然日）")}
RATING_SETTINGS_REASONS = tr("不满意原因（每行一项，最多9项）：")
RATING_SETTINGS_REASONS_HINT = tr("办理时间长\n服务态度差\n……")
RATING_SETTINGS_MODE = tr("评价方式：")
RATING_SETTINGS_MODES = {
    "pad": tr("本窗口评价器（评价记入本机并上报）"),
    "region_page": tr("自治区好差评系统（评价器显示评价页二维码，评价不记入本机）"),
}
RATING_SETTINGS_REQUIRE_PAD = tr("大厅窗口评价器：")
RATING_SETTINGS_REQUIRE_PAD_BOX = tr("须配对评价器")
#: beneath the box, wrapped: what it does and to whom (a 1024×768 screen at 150 % has no room for it on one line)
RATING_SETTINGS_REQUIRE_PAD_HINT = tr("未配对评价器的大厅窗口不能发送评价；乡镇和单机窗口不受影响。")
RATING_SETTINGS_DEFAULT = tr("未评价的默认评价：")
RATING_SETTINGS_DEFAULT_OFF = tr("不启用")
RATING_SETTINGS_DEFAULT_DAYS = tr(" 个自然日后仍未评价的，默认“基本满意”")
RATING_SETTINGS_DEFAULT_BASIS = tr("默认评价的依据：")
RATING_SETTINGS_DEFAULT_BASIS_HINT = tr("本地规定的名称和文号（自治区规定未设默认评价，无本地规定请勿启用）")
RATING_SETTINGS_IDLE_TEXT = tr("评价器待机公告：")
RATING_SETTINGS_SAVE = tr("保存设置（Ctrl+S）")
RATING_SETTINGS_SAVED = tr("设置已保存，各窗口的评价器下次评价时使用新设置")
SUPERVISE_TAB = tr("差评整改")
ITEMS_TAB = tr("事项督办")

# 受理设置: the hall's intake rules (counter.ui.pad.intake_rules_form)
INTAKE_RULES_TAB = tr("受理设置")
INTAKE_RULES_MARGIN = tr("容缺补交期限届满后留给部门审查：")
INTAKE_RULES_PERIOD = tr("补正期限：")
INTAKE_RULES_DAYS = tr(" 个工作日")
INTAKE_RULES_NOTE = tr(
    "容缺材料按办事指南的期限补交，期限届满后再留给部门所设的工作日数审查（0至10个工作日），"
    "承诺办结日不足时顺延，但不超过法定办结时限；"
    "补正期限是申请人补齐补正材料的期限，印在补正通知书上（1至60个工作日）。"
    "新的设置用于此后的受理，已受理的办件保留受理时的日期。"
)
INTAKE_RULES_SAVE = tr("保存受理设置（Ctrl+S）")
INTAKE_RULES_SAVED = tr("受理设置已保存，各窗口此后的受理按新设置计算日期")

# 本机评价器: this computer's pad (counter.ui.pad.desk_pad_form); DESK_PAD_MODES is keyed by the values of
# counter.host.machine.desk_config.PadMode
DESK_PAD_TAB = tr("本机评价器")
DESK_PAD_MODE = tr("评价器显示方式：")
DESK_PAD_MODES = {
    "auto": tr("有第二块屏幕时全屏显示在第二块屏幕上；只有一块屏幕时，评价时才弹出"),
    "on_request": tr("只在请申请人评价时弹出在本屏幕上，避开受理窗口"),
    "strip": tr("平时在屏幕边上显示一条评价提示，评价时展开"),
}
DESK_PAD_KEYBOARD = tr("申请人在评价器旁有键盘可用（差评时可输入文字评价）")
DESK_PAD_LANGUAGE = tr("评价器文字：")
# keyed by counter.host.machine.desk_config.PAD_LANGUAGES; the welcome is in both scripts either way
DESK_PAD_LANGUAGES = {"zh": tr("汉文"), "mn": tr("蒙古文（欢迎语始终蒙汉两种文字）")}
DESK_PAD_VOICE = tr("评价器用语音读出提示")
#: under the voice's box, for the pad's language chosen: which voices this computer has for it
DESK_PAD_VOICE_CHINESE = tr("用普通话读出。")
DESK_PAD_VOICE_BOTH = tr("先用普通话、再用蒙古语读出。")
DESK_PAD_VOICE_NO_MONGOLIAN = tr("本机没有蒙古语语音：蒙古文评价器的提示只用普通话读出。")
DESK_PAD_VOICE_NONE = tr("本机没有安装语音朗读程序：评价器不出声，请系统管理员安装。")
DESK_PAD_NOTE = tr(
    "只对这台电脑有效。只有一块屏幕时，评价器评价完成、超时或按 Shift+F9 后自动隐藏；"
    "申请人没有键盘时，差评只点选不满意原因，不输入文字。"
)
GUIDE_STATUS_TAB = tr("待核指南")
GUIDE_STATUS_ALLOW = tr("正式办件允许依待核办事指南受理（受理凭证和各类文书均注明）")
GUIDE_STATUS_TRAINING = tr("培训数据库：待核指南始终可以受理。")
GUIDE_STATUS_LIST = tr("待核和样例指南（核对内容无误后发布；发布生成新版本，记入审计日志；发布前各类文书均注明）")
GUIDE_STATUS_LINE = tr("{number} {name}（第{version}版）")
GUIDE_STATUS_SAMPLE_LINE = tr("{number} {name}（样例，第{version}版）")
GUIDE_STATUS_PUBLISH = tr("发布所选指南")
GUIDE_STATUS_PUBLISHED = tr("已发布：{name}，指南第{version}版")
GUIDE_STATUS_NONE = tr("没有待核或样例指南。")
GUIDE_STATUS_SAVED = tr("已保存：{state}")
GUIDE_STATUS_ON = tr("允许依待核指南受理")
GUIDE_STATUS_OFF = tr("不允许依待核指南受理")
GUIDE_STATUS_FAILED = tr("没有完成：{fault}")
# asked before a guide is published: what will change
GUIDE_PUBLISH_TITLE = tr("发布指南")
GUIDE_PUBLISH_ASK = tr("发布“{name}”的办事指南？")
GUIDE_PUBLISH_VERSIONS = tr(
    "待核第{draft}版将发布为第{new}版：此后受理“{name}”都按这一版；已受理的办件仍按受理时的版本，不受影响。"
)
GUIDE_PUBLISH_REAL_WORK = tr("本站点不允许依待核指南正式受理：发布后，正式办件即可受理这一件事。")
GUIDE_PUBLISH_NO_MARK = tr("本站点允许依待核指南受理：发布后，受理凭证和各类文书不再注明“待核”。")
GUIDE_PUBLISH_FIRST = tr("这一件事此前没有发布过指南，没有可对照的版本。")
GUIDE_PUBLISH_AGAINST = tr("与本站点已发布的第{version}版相比：")
GUIDE_PUBLISH_SAME = tr("与本站点已发布的第{version}版相比，材料、事项和承诺办结时限都没有变化。")
GUIDE_CHANGE = {
    "materials_added": tr("新增材料：{names}"),
    "materials_removed": tr("删去材料：{names}"),
    "materials_changed": tr("内容有改动的材料：{names}"),
    "items_added": tr("新增事项：{names}"),
    "items_removed": tr("删去事项：{names}"),
    "items_changed": tr("内容有改动的事项：{names}"),
}
GUIDE_CHANGE_PROMISE = tr("承诺办结时限：{before} → {after}")
GUIDE_PUBLISH_GO = tr("确认发布（Alt+Y）")
GUIDE_PUBLISH_BACK = tr("取消")
GUIDE_PUBLISH_KEYS = tr("回车或 Esc 取消；确认发布请按 Alt+Y，或 Tab 到“确认发布”再按回车。")
DESK_PAD_SAVE = tr("保存本机设置（Ctrl+S）")
DESK_PAD_SAVED = tr("本机评价器设置已保存，立即生效")
DESK_PAD_SAVE_FAILED = tr("没有保存：设置文件无法写入（{fault}）")

# 本窗口: this computer's desk, its clerk, number and photo (counter.ui.pad.desk_form)
DESK_TAB = tr("本窗口")
DESK_CLERK = tr("工作人员姓名：")
DESK_CLERK_HINT = tr("本人姓名，印在受理凭证上、显示在评价器上")
DESK_NO = tr("窗口号：")
DESK_NO_HINT = tr("1至9999的整数，不以0开头")
DESK_PHOTO = tr("照片：")
DESK_PHOTO_NONE = tr("（没有照片：评价器上显示姓名的第一个字）")
DESK_PHOTO_CHOOSE = tr("选择照片…")
DESK_PHOTO_CLEAR = tr("不用照片")
DESK_PHOTO_FILTER = tr("图片 (*.png *.jpg *.jpeg *.bmp);;所有文件 (*)")
#: the chosen photo named by its file name only: the clerk is never shown a path (the log has it)
DESK_PHOTO_BAD = tr("没有保存：“{name}”不是能显示的图片")
#: the photo that could not be read, and why (the file's fault in the clerk's words)
DESK_PHOTO_UNREAD = tr("{problem}（{cause}）")
DESK_NOTE = tr(
    "本窗口的设置保存在这台电脑上：窗口号是本机办件编号的一部分，工作人员的姓名和照片印在受理凭证上、显示在评价器上。"
    "没有设置姓名的窗口不能受理。"
)
DESK_NOTE_ACCOUNTS = tr("本数据库有账号：文书和评价器上印登录人的姓名，这里的姓名只在没有人登录时使用。")
DESK_SAVE = tr("保存本窗口设置")
DESK_SAVED = tr("本窗口设置已保存，立即生效：此后受理的办件和评价器上都是新的设置")
DESK_PROBLEMS = tr("没有保存：{problems}")
DESK_FIELD = {"clerk": tr("工作人员姓名"), "desk_no": tr("窗口号"), "photo": tr("照片")}
DESK_SAVE_FAILED = tr("没有保存：设置文件无法写入（{fault}）")
DESK_DB_FAILED = tr("没有保存：数据库暂时不能访问（{fault}），请稍后再试")
