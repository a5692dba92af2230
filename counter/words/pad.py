"""Words of the review pad the applicant reads, on either pad: the pad window of a desk or a pad device
(:mod:`counter.ui.pad`) and the pad page a tablet's browser shows (:mod:`counter.server.pad_page`), so that the two
say the same in both scripts from one table.
"""

from __future__ import annotations

from counter.words.translate import tr

PAD_WINDOW_TITLE = tr("评价器")
PAD_WELCOME = tr("欢迎来到{office}")
PAD_GREETING = tr("欢迎您")  # the idle page's Mongolian line, from mn.po, beside PAD_WELCOME in Chinese
PAD_IDLE_DEFAULT = tr("一件事一次办，办事更省心。\n办理完成后，请您对我们的服务作出评价。")
PAD_DESK = tr("{desk_no}号窗口")
PAD_CLERK = tr("工作人员：{clerk}")
PAD_STAFF_NO = tr("工号：{staff_no}")
PAD_BUNDLE = tr("办理事项：{bundle}")
#: the bundle's line where the catalog gives its Mongolian name: only a Mongolian pad shows it, in its own words
PAD_BUNDLE_MN = tr("办理事项（蒙古文名称）：{bundle}")
PAD_APPLICANT = tr("申请人：{name}")
PAD_QUESTION = tr("请您对本次服务作出评价")
PAD_TAP_HINT = tr("轻触一个表情即可完成评价")
PAD_FOLLOW_UP_QUESTION = tr("我们已对您反映的问题进行整改，请您再次评价")
PAD_REASONS_QUESTION = tr("请告诉我们哪里让您不满意（可选多项）")
PAD_COMMENT_HINT = tr("还想说点什么？可以不填")
PAD_SUBMIT = tr("提交评价")
PAD_BACK = tr("重新选择")
PAD_THANKS = tr("感谢您的评价！")
PAD_THANKS_GOOD = tr("祝您生活愉快")
PAD_THANKS_BAD = tr("我们会认真核实整改，并向您反馈结果")
PAD_REGION_QUESTION = tr("请用手机扫码，在自治区好差评系统评价本次服务")
PAD_REGION_ADDRESS = tr("评价网址：{address}")
PAD_REGION_CASE = tr("办件编号：{case_no}")
PAD_SAVE_FAILED = tr("评价暂时没能保存，请告诉窗口工作人员")
PAD_STRIP = tr("办理完成后，请您为本次服务评价")
#: the 差评 reasons the pad offers unless the hall set its own: the national 测评内容 (resources/platform/
#: eval-content.toml) and the default list (counter.ratings.reasons.DEFAULT_LABELS).  A rating stores the label as it
#: is, in Chinese (data, not words); listed here so that the translation files carry them, for the pad to show each on
#: its button in the pad's language (a hall's own labels show as the hall wrote them)
PAD_REASON_LABELS = (
    tr("服务效率"),
    tr("服务水平"),
    tr("服务态度"),
    tr("办理时间长"),
    tr("服务态度差"),
    tr("办理环境差"),
    tr("流程太复杂"),
    tr("等待时间长"),
    tr("其他"),
)
#: the pad device's own, the program's and the browser page's (counter.ui.pad.device, counter.server.pad_page): the
#: server not reached, said on the pad while it tries again (nothing is recorded twice: the server closes a request
#: once), and its key no longer taken
PAD_DEVICE_AWAY = tr("评价器与大厅服务器的连接中断，正在重新连接……")
PAD_DEVICE_KEY_REFUSED = tr("本评价器的密钥已不被服务器接受，请联系管理员重新登记")
