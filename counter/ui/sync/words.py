"""Words of the sync page and the pending line in the status bar."""

from __future__ import annotations

from counter.words.translate import tr

SYNC_TITLE = tr("数据同步")
SYNC_SITE = tr("本站点：{name}（{code}，{kind}）")
SYNC_OUT_TITLE = tr("送出")
SYNC_IN_TITLE = tr("收入")
SYNC_OUT_TOWNSHIP = tr("把本中心的办件、评价和文书记录送往大厅（网络或U盘）。")
SYNC_OUT_HALL = tr("把事项目录、节假日、设置和办件进度送往乡镇中心，把本中心的办件送往盟级中心：")
SYNC_OUT_LEAGUE = tr("把收件确认送回政务服务中心：")
SYNC_OUT = {"hall": SYNC_OUT_HALL, "league": SYNC_OUT_LEAGUE}  # by the site's kind; a township's is its own
SYNC_IN_TEXT = tr("导入对方送来的数据包：先核对签名和来源，不合格的整包拒收，什么也不导入。")
SYNC_LAST_EXPORT = tr("上次送出：{at}")
SYNC_LAST_IMPORT = tr("上次收入：{at}")
SYNC_NEVER = tr("从未")
SYNC_PENDING = tr("尚未送达大厅：{count} 件（最早自 {since}）")
SYNC_NOTHING_PENDING = tr("办件都已送达大厅")
SYNC_EXPORT_BUTTON = tr("导出数据包…")
SYNC_IMPORT_BUTTON = tr("导入数据包…")
SYNC_PEER = tr("{name}（{code}）")
SYNC_NO_PEER = tr("尚未登记可以接收数据的站点：请系统管理员在上方“登记对方站点…”读入对方的站点名片")
SYNC_FAILED = tr("没有完成：{reason}")
SYNC_DB_FAILED = tr("{fault}。没有任何改动")
SYNC_FILE_FAILED = tr("{fault}，没有任何改动")
# a failure the page has no words for: the class and the detail go to the log, the clerk is told whom to call
SYNC_UNEXPECTED = tr("出现了本程序未能处理的错误，详情已记入日志。请联系运维人员")
SYNC_WORKING = tr("正在处理…")
SYNC_REVIEW_TITLE = tr("待核对记录（未能导入，已保留，不会丢失）")
SYNC_REVIEW_EMPTY = tr("没有待核对的记录")
SYNC_REVIEW_COLUMNS = (tr("来自站点"), tr("数据包"), tr("类型"), tr("记录"), tr("原因"), tr("说明"), tr("收到时间"))
SYNC_HELD_TITLE = tr("中心未导入的本站点记录（据中心最近发来的更新：请按原因更正后重新上报，或凭编号与中心联系）")
SYNC_HELD_COLUMNS = (tr("编号"), tr("原因"), tr("说明"), tr("中心"), tr("中心收到时间"))
SYNC_FILE_FILTER = tr("数据包 (*.sync);;所有文件 (*)")
SYNC_STATUS_PENDING = tr("未送达大厅 {count} 件（最早 {since}）")
SYNC_STATUS_STALE = tr("未送达大厅 {count} 件，已超过 {days} 天（最早 {since}），请尽快同步")

# --- setting the site up (site_form) ---------------------------------------------------
SETUP_TITLE = tr("设定本站点")
SETUP_TEXT = tr(
    "本站点还没有设定。请选择本站点是大厅还是乡镇（苏木）便民服务中心，填写站点编码、名称和单位信息，"
    "以及本窗口的窗口号和工作人员。站点编码是本站点办件编号的开头，须与大厅分配的一致；"
    "设定后本机窗口使用这个编码，并生成本站点的签名密钥。单位的地址、办理时间和电话印在本站点出具的文书上："
    "乡镇（苏木）便民服务中心的文书把申请人指到这里，不指到大厅。"
)
SETUP_KIND = tr("站点类型")
SETUP_KIND_CHOOSE = tr("请选择")
SETUP_KINDS = {"hall": tr("大厅（政务服务中心）"), "township": tr("乡镇（苏木）便民服务中心")}
SETUP_CODE = tr("站点编码")
SETUP_CODE_HINT = tr("2-12 位大写字母或数字，如 ARX01")
SETUP_NAME = tr("站点名称")
SETUP_NAME_HINT = tr("如 阿尔山市明水河镇便民服务中心（文书的单位名称）")
# keyed by the fields of counter.sync.sites.SiteOffice
SETUP_OFFICE = {
    "seal_caption": tr("印章名称"),
    "address": tr("单位地址"),
    "hours": tr("办理时间"),
    "consult_phone": tr("咨询电话"),
    "complaint_phone": tr("投诉电话"),
    "review_body": tr("行政复议机关"),
}
SETUP_OFFICE_HINT = {
    "seal_caption": tr("如 明水河镇人民政府便民服务专用章"),
    "address": tr("申请人来办事、取件的地方，如 阿尔山市明水河镇政府院内一楼便民服务大厅"),
    "hours": tr("如 星期一至星期五 08:30-12:00 14:30-17:30（法定节假日除外）"),
    "consult_phone": tr("本中心的电话"),
    "complaint_phone": tr("如 12345"),
    "review_body": tr("本单位作出的决定印明的复议机关，如 阿尔山市人民政府"),
}
SETUP_DESK_NO = tr("本机窗口号")
SETUP_DESK_NO_HINT = tr("1至9999的整数，不以0开头，如 1")
SETUP_CLERK = tr("本窗口工作人员")
SETUP_CLERK_HINT = tr("本人姓名，印在受理凭证上、显示在评价器上")
SETUP_SUBMIT = tr("设定本站点（Enter）")
SETUP_NEEDS_ADMIN = tr(
    "本站点尚未设定（大厅或乡镇便民服务中心、站点编码和名称），暂不能同步。请系统管理员登录后按 F10 设定。"
)
SETUP_DONE = tr("已设定本站点：{name}（{code}，{kind}）。本机此后的办件编号以 {code} 开头。")
SETUP_CATALOG = tr("数据库中原来没有事项目录，已载入随程序提供的目录：{count} 个事项的办事指南。")
# the desk's settings or the site's key file (counter.sync.site_faults.SiteFileFailed): the path goes to the log
SETUP_FILE_FAILED = tr("本机的设置或站点密钥文件无法写入（{fault}），本站点的设定没有任何改动")

# --- this site's card, and the other side's (site_card_box) -------------------------------
CARD_TITLE = tr("本站点名片与对方站点")
CARD_FINGERPRINT = tr("本站点公钥指纹：{fingerprint}")
CARD_EXPORT_BUTTON = tr("导出本站点名片…")
CARD_REGISTER_BUTTON = tr("登记对方站点…")
CARD_FILE_FILTER = tr("站点名片 (*.json);;所有文件 (*)")
CARD_FILE_NAME = tr("{code}-站点名片.json")
CARD_WRITTEN = tr("已导出本站点名片：{path}。请把名片交给对方站点登记，并通过电话与对方核对公钥指纹：{fingerprint}")
CARD_FILE_FAILED = tr("{fault}，没有任何改动")
CARD_REFUSED = tr("未登记：站点名片 {path} 有以下问题：{problems}")
CARD_PEERS = tr("已登记的对方站点：{peers}")
CARD_NO_PEERS = tr("已登记的对方站点：无")
CARD_PEER = tr("{name}（{code}，{kind}，指纹 {fingerprint}）")
CARD_CHECK_TITLE = tr("核对后登记")
CARD_CHECK = tr(
    "对方站点：{name}（{code}，{kind}）\n公钥指纹：{fingerprint}\n请打电话与对方核对此指纹，一致才能信任其数据包。"
)
CARD_GIVEN = tr("对方电话告知的指纹（可不填）")
CARD_CONFIRM = tr("指纹一致，登记")
CARD_CANCEL = tr("取消")
CARD_CANCELLED = tr("未登记对方站点")
CARD_DB_FAILED = tr("{fault}。没有任何改动")
