"""Words of the preview and print window, the 文书 section of the case page,
the printer chooser and 单位信息 (UI only).
"""

from __future__ import annotations

# The preview and print window, the 文书 section of the case page, the intake panel's print
# button and 单位信息 (the office settings page).  {title} is a DOC_TITLE, {printer} a CUPS queue.

PRINTING_WINDOW_TITLE = "打印预览 · {titles}"
PRINTING_PRINT = "打印（Ctrl+P）"
PRINTING_RETRY = "继续打印（Ctrl+P）"
PRINTING_BUSY = "正在发送到打印机…"
PRINTING_CHOOSE = "选择打印机…"
PRINTING_SAVE = "另存为 PDF…"
PRINTING_CLOSE = "关闭（Esc）"
PRINTING_NUMBERS = "文书编号：{doc_no}"
PRINTING_CASE_NO = "　　办件编号：{case_no}"
PRINTING_REPRINT = "重打：与首次出具的文书完全相同"
PRINTING_CHECK_DATES = "请核对日期：《{title}》上的日期超出节假日数据范围，按周六、周日休息推算，交给申请人前请核对。"
PRINTING_PRINTER_LINE = "打印机：{printer}"
PRINTING_CONTENT_LINE = "将打印：{titles}（共 {pages} 页）"
PRINTING_DEFAULT_PRINTER = "系统默认打印机"
PRINTING_SENT = "已送打印机“{printer}”：{titles}。"
PRINTING_FAILED = "《{title}》没有打印出来。{problem}"
PRINTING_UNREADABLE = "《{title}》无法预览（PDF 无法读取）：请另存为 PDF 后检查，或联系运维人员。"
PRINTING_NOT_RECORDED = "打印记录没有写入数据库（{error}）：请稍后在办件页面核对打印次数。"
PRINTING_CHOICE_NOT_SAVED = "打印机的选择没有保存到本机设置（{error}）：本窗口仍使用所选打印机。"
PRINTING_SAVE_TITLE = "另存为 PDF"
PRINTING_SAVE_FILTER = "PDF 文件 (*.pdf)"
PRINTING_FILE_NAME = "{number}-{title}.pdf"
PRINTING_SAVED = "《{title}》已保存为 {path}"
PRINTING_SAVE_FAILED = "无法保存到 {path}：{error}"
PRINTING_DB_FAILED = "无法出具文书：数据库暂时不能访问，请稍后重试（{error}）。办件未作任何改动。"
PRINTING_NO_NOTICE = "该办件的受理结果不出具文书。"
PRINTING_GUIDE_UNPUBLISHED = "该事项的办事指南未发布，不能打印一次性告知单。"

# the printer chooser
PRINTING_CHOOSE_TITLE = "选择打印机"
PRINTING_CHOOSE_PROMPT = "本窗口的文书送到哪台打印机？选择后本机记住，以后打印都用它。"
PRINTING_PRINTER_DEFAULT = "默认"
PRINTING_PRINTER_STOPPED = "已停止"
PRINTING_PRINTER_REJECTING = "不接受任务"
PRINTING_PRINTER_GONE = "{printer}（已不存在）"

# the 文书 section of the case page, and the intake panel
PRINTING_CASE_SECTION = "文书"
PRINTING_NO_NOTICES = "尚未出具文书。"
PRINTING_NOTICE_COLUMNS = ("文书", "文书编号", "出具日期", "打印")
PRINTING_NEVER_PRINTED = "未打印"
PRINTING_PRINTS = "{count} 次"
PRINTING_FAILED_PRINTS = "（其中失败 {count} 次）"
PRINTING_MAKE_KIND = "打印{title}"
PRINTING_REPRINT_KIND = "重打{title}"
PRINTING_INTAKE_BUTTON = "打印文书（Ctrl+P）"

# 单位信息 (counter.ui.printing.office_form)
OFFICE_TAB = "单位信息"
OFFICE_SITE = "站点：{site}"
OFFICE_NOTE = (
    "这里的信息印在今后出具的文书上：单位名称、印章、电话、地址，以及告知权利时的复议机关和法院。"
    "已经出具的文书保留出具时的信息，重打时内容不变。"
)
OFFICE_FIELD = {
    "office_name": "单位名称",
    "seal_caption": "印章名称",
    "consult_phone": "咨询电话",
    "complaint_phone": "投诉电话",
    "address": "单位地址",
    "review_body": "行政复议机关",
    "court": "行政诉讼法院",
    "progress_url_base": "进度查询网址（二维码）",
    "online_portal": "网上办事平台",
}
OFFICE_SAVE = "保存单位信息"
OFFICE_SAVED = "已保存：今后新出具的文书使用新的单位信息；已出具的文书重打时不变。"
OFFICE_MISSING = "以下各项不能为空：{fields}"
OFFICE_READ_FAILED = "无法读取单位信息：数据库暂时不能访问（{error}）"
OFFICE_SAVE_FAILED = "没有保存：数据库暂时不能写入，请稍后重试（{error}）"
