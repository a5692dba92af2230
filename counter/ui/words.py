"""Words of the desk window (search, guide page, banner, status bar).

UI-only sentences live beside the widgets that show them; the words for the
domain's codes (necessity, units, outcomes, rules) are in :mod:`counter.words`,
which the guide page imports when it first shows a guide.
"""

from __future__ import annotations

from counter.catalog.guide_status import GuideStatus
from counter.words.translate import tr

DESK_UNPUBLISHED_TAG = tr("指南未发布")
DESK_DRAFT_TAG = tr("待核")
#: the tag beside a hit by the status of its guide; a published guide has none
DESK_STATUS_TAG = {GuideStatus.DRAFT: DESK_DRAFT_TAG, GuideStatus.UNPUBLISHED: DESK_UNPUBLISHED_TAG}

DESK_WINDOW_TITLE = tr("一件事一次办 · 综合受理窗口")
DESK_SIGNED_IN = tr("当前登录：{name}（{roles}）")
DESK_LOCK = tr("锁屏 Ctrl+L")
# the question when the clerk closes the desk's window (Alt+F4, the title bar's button): Enter quits, Esc stays
DESK_QUIT_TITLE = tr("退出综合受理窗口")
DESK_QUIT_QUESTION = tr("确定退出综合受理窗口吗？退出后本窗口不能受理，评价器也一并关闭。")
DESK_QUIT_GO = tr("退出")
DESK_QUIT_STAY = tr("继续工作")
DESK_SEARCH_PLACEHOLDER = tr("输入事项名称或拼音首字母，如 xcg")
DESK_SEARCH_NAME = tr("查找一件事")  # what a screen reader calls the search box, the hits and the guide
DESK_HITS_NAME = tr("查找结果")
DESK_SEARCH_CLEAR_NAME = tr("清空查找")  # the search box's clear button, for a screen reader and as its tip
DESK_GUIDE_NAME = tr("办事指南")
DESK_BANNER_NAME = tr("随附事项目录的问题")
DESK_SEARCH_NO_HIT = tr("没有找到匹配的一件事")
DESK_SEARCH_HITS = tr("找到 {count} 项")
DESK_SEARCH_NEAR = tr("没有完全相符的，以下 {count} 项相近")
DESK_GUIDE_EMPTY = tr("在左侧输入事项名称或拼音首字母，按 ↓ 选择、回车打开办事指南。")
DESK_UNPUBLISHED_PANEL = tr("指南未发布：该事项办事指南尚未发布，暂不能受理")
DESK_BUNDLE_NUMBER = tr("第 {number} 项")
DESK_STATUS_CATALOG = tr("事项目录：{count} 项一件事")
DESK_STATUS_VERSION = tr("指南版本：第 {version} 版")
DESK_STATUS_SYNCING = tr("正在更新随附事项目录…")
DESK_STATUS_SYNC_DONE = tr("事项目录已更新：{count} 项指南有新版本")
DESK_STATUS_SYNC_FAILED = tr("随附事项目录更新失败，继续使用上次的目录")
DESK_BANNER_TITLE = tr("随附事项目录中有 {count} 处问题，相关文件已跳过，继续使用上次可用的版本：")
DESK_BANNER_SYNC_FAILED = tr("随附事项目录更新失败（{cause}），继续使用上次可用的目录。详情见日志。")
DESK_BANNER_CLOSE = tr("知道了")
DESK_SCHEMA_TOO_NEW = tr(
    "数据库由更新版本的程序写入（版本 {revision}），本程序无法使用。请安装最新版本的程序后再打开，数据库未作任何改动。"
)
DESK_GUIDE_NOT_FOUND = tr("未找到该事项的办事指南")
#: a second operation asked while one still runs (counter.ui.door.runner.Busy): nothing of it was started
RUNNER_BUSY = tr("上一步操作还在进行，请稍候再试")
#: the status bar while an operation takes longer than a moment (the window still paints and takes keys)
RUNNER_WAITING = tr("正在处理，请稍候……")

DESK_H_BASIC = tr("基本信息")
DESK_H_ITEMS = tr("包含事项")
DESK_H_CONDITIONS = tr("受理条件")
DESK_H_STEPS = tr("办理流程")
DESK_H_MATERIALS = tr("申请材料")
DESK_K_ADDRESS = tr("办理地点")
DESK_K_HOURS = tr("办理时间")
DESK_K_CONSULT = tr("咨询电话")
DESK_K_COMPLAINT = tr("投诉电话")
DESK_K_VISITS = tr("到现场次数")
DESK_K_PROMISED = tr("承诺办结时限")
DESK_K_FORMS = tr("办理形式")
DESK_K_RESULT = tr("办理结果")
DESK_K_SERVICE_OBJECTS = tr("服务对象")
DESK_DEPARTMENT_LEVEL = tr("{level}级")
DESK_ENTRUSTED = tr("窗口受{department}委托受理")
DESK_VISITS = tr("{count} 次")
DESK_COL_ITEM = tr("事项名称")
DESK_COL_DEPARTMENT = tr("实施主体")
DESK_COL_ITEM_TYPE = tr("事项类型")
DESK_COL_CASE_KIND = tr("办件类型")
DESK_COL_LIMITS = tr("时限")
DESK_COL_FEE = tr("收费")
DESK_COL_RESULT = tr("办理结果")
DESK_LIMIT_PROMISED = tr("承诺 {limit}")
DESK_LIMIT_LEGAL = tr("法定 {limit}")
DESK_NO_LEGAL_LIMIT = tr("法律法规未规定时限")
DESK_FEE_FREE = tr("不收费")
DESK_FEE_AMOUNT = tr("{amount} 元")
DESK_INTERMEDIARY = tr("中介服务：{name}（依据：{basis}）")
DESK_COL_STEP = tr("步骤")
DESK_COL_STEP_LIMIT = tr("时限")
DESK_COL_STEP_RESULT = tr("结果")
DESK_COL_NO = tr("序号")
DESK_COL_MATERIAL = tr("材料名称及要求")
DESK_COL_COPIES = tr("份数与形式")
DESK_COL_SOURCE = tr("来源")
DESK_COL_NECESSITY = tr("必要性")
DESK_COPIES_ORIGINAL = tr("原件 {count} 份")
DESK_COPIES_COPY = tr("复印件 {count} 份")
DESK_REQUIREMENT = tr("要求：{text}")
DESK_BASIS = tr("依据：{text}")
DESK_ISSUER_INTERMEDIARY = tr("中介机构：{text}")
DESK_FORM_FILES = tr("附空白表格和示例样表")
DESK_DEFERRAL = tr("{limit}内补齐")
DESK_SHARED = tr("免提交（数据共享）")
DESK_ALL_SITUATIONS = tr("所有情形均需提交")
DESK_SITUATION_GROUP = "{question}{options}"
DESK_OPTION_OR = tr(" 或 ")
DESK_CONDITION_AND = tr("；")
DESK_RESET_SITUATIONS = tr("全部情形")
DESK_MATERIAL_COUNT = tr("共 {count} 项材料")
DESK_MATERIAL_COUNT_FILTERED = tr("按所选情形共 {count} 项材料（全部 {total} 项）")
DESK_NO_MATERIALS = tr("未载明申请材料")
DESK_NOT_STATED = tr("未载明")
DESK_SITE_FACT = tr("本中心地址（指南待核，以本中心设置为准）")
DESK_SITE_OWN = tr("本中心的地址、时间和电话（指南上写的是大厅的，文书也印本中心的）")
DESK_SITE_HOURS = tr("以本中心公布的办公时间为准")
DESK_DB_UNAVAILABLE = tr("无法打开数据库（{fault}），请检查数据库设置或联系运维人员。详情见日志。")
DESK_UNEXPECTED_TITLE = tr("程序遇到意外错误")
DESK_STARTUP_ERROR_TITLE = tr("一件事一次办 · 无法启动")
# a second start of the same desk (counter.ui.start.single_desk)
DESK_ALREADY_RUNNING = tr("本程序已在运行，已切换到已打开的窗口。")
# the lock file's place is in the log (counter.ui.start.single_desk), for support
DESK_ALREADY_RUNNING_NO_ANSWER = tr(
    "本程序已在运行，但已打开的窗口没有响应。请稍候再试；若确实没有打开的窗口，请联系运维人员处理后重新启动。"
)

# intake, cases and the scanner, started from the main window
DESK_ACTION_INTAKE = tr("受理（F5）")
DESK_ACTION_LISTS = tr("办件列表（F6）")
DESK_ACTION_OPEN_CASE = tr("按编号打开办件（F7）")
# the intake's window shown at F5 while the database is still opening (counter.ui.warmup.intake_opening)
DESK_INTAKE_OPENING_TITLE = tr("受理：{bundle}")
DESK_INTAKE_OPENING = tr("正在打开……")
DESK_GUIDE_OPENING = DESK_INTAKE_OPENING  # Enter's guide while the database opens (counter.ui.warmup.chosen_bundle)
DESK_INTAKE_OPENING_ID = tr("申请人身份证号或统一社会信用代码")
DESK_INTAKE_ALREADY_OPEN = tr("受理窗口已经打开：请先办结或放弃当前受理。")
DESK_INTAKE_NO_GUIDE = tr("请先在左侧找到并打开申请人要办的一件事，再按 F5 受理。")
DESK_INTAKE_NO_CLERK = tr(
    "本窗口还没有设置工作人员姓名，不能受理：受理凭证、办件记录和评价器上都要印经办人的姓名。"
    "请按 F8，在“本窗口”中填写本人姓名（有账号的由系统管理员设置）。"
)
DESK_INTAKE_UNPUBLISHED = tr("“{name}”指南未发布，暂不能受理。")
DESK_INTAKE_DRAFT_REFUSED = tr("“{name}”的指南待核，本中心未允许依待核指南受理：请管理员先发布该指南。")
DESK_OPEN_CASE_TITLE = tr("打开办件")
DESK_OPEN_CASE_PROMPT = tr(
    "办件编号（可扫描申请人所持凭证或告知书上的条形码），或编号末几位、身份证号、手机号、申请人姓名（查近{days}天）："
)
DESK_DRAFT_RESTORE = tr("恢复")
DESK_DRAFT_DISCARD = tr("放弃")
DESK_DRAFT_CHOICE = tr("未完成的受理")  # the accessible name of the bar's list of drafts
#: the bar where several intakes are kept, each until its case is taken or it is given up
DESK_DRAFTS_OFFER = tr("未完成的受理共 {count} 份（每份保留到办结受理或放弃为止），选择一份：")
DESK_TRAINING = tr("培训模式：今天按 {today} 计，所办件均写入培训数据库，不是真实办件")
DESK_TRAINING_TITLE_MARK = tr("【培训】")  # before the title of every window of a training desk
DESK_WINDOW_TITLE_TRAINING = tr("【培训】一件事一次办 · 综合受理窗口")
# COUNTER_DB_URL (or --db) holding a file's path: the log names which, and the address it would be
DESK_DATABASE_NOT_AN_ADDRESS = tr(
    "本机的数据库设置有误：数据库地址写成了文件的路径，程序不知道该打开哪个数据库。请联系运维人员改正，详情已写入日志。"
)
DESK_TRAINING_ON_LIVE = tr(
    "培训模式不使用正式数据库：培训中办理的办件会成为真实办件。请不指定数据库启动培训模式，程序即使用培训数据库。"
)
DESK_ACTION_PAD = tr("请申请人评价（F9）")
DESK_ACTION_SUPERVISE = tr("督办与统计（F8）")
DESK_ACTION_SYNC = tr("数据同步（F10）")
DESK_PAD_INTAKE_OPEN = tr(
    "这份办件还没有提交，没有办件编号可评价：请先提交（Ctrl+Enter），再按 F9 请申请人评价；要评价别的办件，请先打开它。"
)
DESK_PAD_NO_CASE = tr("本窗口今天还没有办理的办件：请先受理、扫描办件或按 F7 打开办件，再按 F9 请申请人评价。")

# the 一次性告知单 of the guide on screen (counter.ui.printing)
DESK_ACTION_GUIDE_NOTICE = tr("打印一次性告知单（Ctrl+P）")
DESK_GUIDE_NOTICE_NO_GUIDE = tr("请先在左侧找到并打开申请人询问的一件事，再打印一次性告知单。")
DESK_GUIDE_NOTICE_UNPUBLISHED = tr("“{name}”指南未发布，不能打印一次性告知单。")
DESK_ACTION_FORMS = tr("打印表格（Ctrl+Shift+P）")  # a guide's 空白表格 and 示范样表
DESK_FORMS_NO_GUIDE = tr("请先在左侧找到并打开一件事，再打印它的空白表格或示范样表。")
DESK_FORMS_NONE = tr("“{name}”的材料中没有需要申请人填写的表格。")
DESK_ALERTS = tr(" · 新差评 {count} 条")

DESK_ACTION_TEXT_SIZE = tr("文字大小（F12）")
TEXT_SIZE_TITLE = tr("文字大小")
TEXT_SIZE_PROMPT = tr("本机窗口的文字大小：")
TEXT_SIZE_CHOICE = {100: tr("标准（100%）"), 125: tr("较大（125%）"), 150: tr("最大（150%）")}
TEXT_SIZE_NOTE = tr("保存后立即生效：此后打开的窗口都按新的大小显示。")
TEXT_SIZE_SAVED = tr(
    "已保存并生效：文字按 {percent}% 显示，此后打开的窗口（受理、办件、列表、预览等）都按新大小。"
    "已经打开的窗口中，标题和列表等部分要关闭后重新打开才变大小；主窗口的这些部分要重新启动本程序后才变。"
)
TEXT_SIZE_SAVE_FAILED = tr("未能保存（{fault}），文字大小没有改变。")
TEXT_SIZE_SAVE = tr("保存")
TEXT_SIZE_CLOSE = tr("关闭")

# the red line in the status bar (counter.ui.mainwindow.desk_identity), short enough for a 1024-pixel screen; its tip
# says why
DESK_IDENTITY_NO_CLERK = tr("未设工作人员姓名，不能受理：按 F8 在“本窗口”中设置")
DESK_IDENTITY_NO_CLERK_TIP = tr(
    "本窗口还没有设置工作人员姓名。受理凭证、办件记录和评价器上都要有经办人的姓名，设置之前不能受理。"
)
DESK_IDENTITY_HALLS_OFFICE = tr("单位信息的{fields}仍是大厅的：按 F8 改")
DESK_IDENTITY_HALLS_OFFICE_ADMIN = tr("单位信息的{fields}仍是大厅的：请系统管理员按 F8 改")
DESK_IDENTITY_HALLS_OFFICE_TIP = tr(
    "本中心是乡镇（苏木）便民服务中心，文书上的单位名称、印章、办理地点和电话都印“单位信息”里的。"
    "这几项还是兴安盟政务服务中心的，申请人会被指到大厅：请在 F8“单位信息”中改为本中心的。"
)
DESK_IDENTITY_FIELD = {
    "office_name": tr("名称"),
    "seal_caption": tr("印章"),
    "address": tr("地址"),
    "consult_phone": tr("电话"),
    "review_body": tr("复议机关"),
}
DESK_IDENTITY_JOIN = tr("、")
