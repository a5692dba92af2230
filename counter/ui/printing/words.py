"""Words of the preview and print window, the 文书 section of the case page,
the printer chooser and 单位信息 (UI only).
"""

from __future__ import annotations

from counter.words.translate import tr

# The preview and print window, the 文书 section of the case page, the intake panel's print
# button and 单位信息 (the office settings page).  {title} is a DOC_TITLE, {printer} a CUPS queue.

PRINTING_WINDOW_TITLE = tr("打印预览 · {titles}")
PRINTING_PRINT = tr("打印（Ctrl+P）")
PRINTING_RETRY = tr("继续打印（Ctrl+P）")
PRINTING_BUSY = tr("正在发送到打印机…")
PRINTING_CHOOSE = tr("选择打印机…")
PRINTING_SAVE = tr("另存为 PDF…")
PRINTING_CLOSE = tr("关闭（Esc）")
#: Esc or 关闭 with papers of the case never printed (counter.ui.printing.close_question)
PRINTING_UNPRINTED_QUESTION = tr("还有文书没有打印：{titles}。申请人要带走的文书不打印就关闭吗？")
PRINTING_UNPRINTED_BACK = tr("返回打印（回车）")
PRINTING_UNPRINTED_CLOSE = tr("仍然关闭")
PRINTING_NUMBERS = tr("文书编号：{doc_no}")
PRINTING_CASE_NO = tr("　　办件编号：{case_no}")
PRINTING_REPRINT = tr("重打：与首次出具的文书完全相同")
PRINTING_CHECK_DATES = tr(
    "暂定日期：《{title}》上的日期按法定节假日推算，文书上已注明以国务院办公厅公布的节假日安排为准。"
)
PRINTING_PRINTER_LINE = tr("打印机：{printer}")
PRINTING_CONTENT_LINE = tr("将打印：{titles}（共 {pages} 页）")
PRINTING_DEFAULT_PRINTER = tr("系统默认打印机")
# the footer once a print found no printer: never "the default printer" beside a red line saying there is none
PRINTING_NO_PRINTER = tr("无可用的打印机")
PRINTING_SENT = tr("已送打印机“{printer}”：{titles}。")
PRINTING_FAILED = tr("《{title}》没有打印出来。{problem}")
PRINTING_UNREADABLE = tr("《{title}》无法预览（PDF 无法读取）：请另存为 PDF 后检查，或联系运维人员。")
PRINTING_NOT_RECORDED = tr("打印记录没有写入数据库（{fault}）：请稍后在办件页面核对打印次数。")
# the record refused, the paper out (or saved) all the same: {why} is the refusal as every step words it
PRINTING_RECORD_REFUSED = tr("打印记录没有写入：{why}")
# counter.documents.made.PrintNotMade: only the desk and account that made a paper record its print
PRINTING_NOT_MADE_HERE = tr(
    "打印记录没有写入：这份文书不是本窗口以当前登录的账号出具的，打印不能记在本账号名下。请在办件页面核对打印次数。"
)
PRINTING_CHOICE_NOT_SAVED = tr("打印机的选择没有保存到本机设置（{fault}）：本窗口仍使用所选打印机。")
PRINTING_SAVE_TITLE = tr("另存为 PDF")
PRINTING_SAVE_FILTER = tr("PDF 文件 (*.pdf)")
PRINTING_FILE_NAME = "{number}-{title}.pdf"
PRINTING_SAVED = tr("《{title}》已保存为 {path}")
PRINTING_SAVE_FAILED = tr("无法保存到 {path}：{fault}")
PRINTING_DB_FAILED = tr("无法出具文书：{fault}。办件未作任何改动。")  # a case's notices
# the papers of a guide, which belong to no case: the 一次性告知单, and the list of its forms and a form itself
PRINTING_GUIDE_DB_FAILED = tr("无法出具一次性告知单：{fault}。")
FORMS_DB_FAILED = tr("无法取出办事指南的表格：{fault}。")
PRINTING_GUIDE_UNPUBLISHED = tr("该事项的办事指南未发布，不能打印一次性告知单。")

# the printer chooser
PRINTING_CHOOSE_TITLE = tr("选择打印机")
PRINTING_CHOOSE_PROMPT = tr("本窗口的文书送到哪台打印机？选择后本机记住，以后打印都用它。")
PRINTING_PRINTER_DEFAULT = tr("默认")
PRINTING_PRINTER_STOPPED = tr("已停止")
PRINTING_PRINTER_REJECTING = tr("不接受任务")
PRINTING_PRINTER_GONE = tr("{printer}（已不存在）")

# the 文书 section of the case page, and the intake panel
PRINTING_CASE_SECTION = tr("文书")
PRINTING_NO_NOTICES = tr("尚未出具文书。")
PRINTING_NOTICE_COLUMNS = (tr("文书"), tr("文书编号"), tr("出具日期"), tr("打印"))
PRINTING_NEVER_PRINTED = tr("未打印")
PRINTING_PRINTS = tr("{count} 次")
PRINTING_FAILED_PRINTS = tr("（其中失败 {count} 次）")
PRINTING_MAKE_KIND = tr("打印{title}")
PRINTING_REPRINT_KIND = tr("重打{title}")
PRINTING_ITEM_TITLE = tr("{title}（{item}）")  # one item's paper: 不予批准决定书（食品经营许可）
PRINTING_INTAKE_BUTTON = tr("打印文书（Ctrl+P）")

# 单位信息 (counter.ui.printing.office_form)
OFFICE_TAB = tr("单位信息")
OFFICE_SITE = tr("站点：{site}")
OFFICE_NOTE = tr(
    "这里的信息印在今后出具的文书上：单位名称、印章、电话、地址、办理时间，以及告知权利时的复议机关和法院。"
    "乡镇（苏木）便民服务中心的文书，办理地点、时间和电话一律印这里的，不印办事指南上大厅的。"
    "已经出具的文书保留出具时的信息，重打时内容不变。"
)
# the 司法局's answer (counter.documents.acceptance.OrganAnswer): whether the office may be entrusted with a licence
OFFICE_ORGAN_CHOICES = (
    (tr("尚未确认：以委托部门名义的行政许可文书暂不出具"), ""),
    (tr("是：可以受委托，以委托部门名义出具文书"), "yes"),
    (tr("否：只负责收件，转送部门受理"), "no"),
)
OFFICE_H_ENTRUSTED = tr("委托受理：本中心以部门名义受理的依据")
OFFICE_ENTRUSTED_NOTE = tr(
    "登记了协议的部门，文书写明“依据××协议受××委托”受理；没有协议的，同级部门按《兴安盟政务服务标准化管理办法》"
    "第三十二条委托受理，不同级的部门由本中心收件后转送该部门受理。"
)
OFFICE_H_OFFICE = tr("本单位")
OFFICE_H_RIGHTS = tr("告知权利：复议机关和法院")
OFFICE_RIGHTS_NOTE = tr(
    "文书按作出决定的部门所在层级告知复议机关和法院；本单位自己作出的决定用上面两项。"
    "标“可空”的可以不填：文书上写“有管辖权的人民法院”，或保留部门名称中的地名占位。"
    "办事指南规定复议机关由本站点设定的部门（如消防救援），须在“例外”中写明，否则不出具载有其权利告知的文书。"
)
OFFICE_H_CONTACTS = tr("部门的承办人和电话")
OFFICE_CONTACTS_NOTE = tr(
    "以部门名义出具的不予批准决定书印该部门的承办人和联系电话，不印窗口的。没有登记的部门，文书上留空线，由部门手写。"
)
OFFICE_LEVEL_PLACE = tr("地名")
OFFICE_LEVEL_GOVERNMENT = tr("人民政府（复议机关）")
OFFICE_LEVEL_COURT = tr("部门所在地法院")
OFFICE_OPTIONAL = tr("{label}（可空）")
OFFICE_SAVE = tr("保存单位信息（Ctrl+S）")
OFFICE_SAVED = tr("已保存：今后新出具的文书使用新的单位信息；已出具的文书重打时不变。")
OFFICE_READ_FAILED = tr("无法读取单位信息：{fault}")
OFFICE_SAVE_FAILED = tr("没有保存：{fault}")

# The chooser of a guide's forms (空白表格 and 示范样表, 兴署办发〔2021〕8 号 附件 items 23-24).
FORMS_TITLE = tr("打印表格 · {name}")
FORMS_PROMPT = tr("选择要打印的表格（↑↓ 选择），再选空白表格或示范样表：")
FORMS_BLANK = tr("空白表格（Alt+K）")
FORMS_SAMPLE = tr("示范样表（Alt+S）")
FORMS_CLOSE = tr("关闭（Esc）")
FORMS_NO_GUIDE = tr("该事项没有办事指南，不能打印表格。")
FORMS_NOT_FOUND = tr("办事指南中没有这份表格（指南可能刚刚更新），请重新打开指南后再选。")
