"""Words of the sync page and the pending line in the status bar."""

from __future__ import annotations

from counter.words.translate import tr

SYNC_TITLE = tr("数据同步")
SYNC_SITE = tr("本站点：{name}（{code}，{kind}）")
SYNC_OUT_TITLE = tr("送出")
SYNC_IN_TITLE = tr("收入")
SYNC_OUT_TOWNSHIP = tr("把本中心的办件、评价和文书记录送往大厅（网络或U盘）。")
SYNC_OUT_HALL = tr("把事项目录、节假日、设置和办件进度送往乡镇中心：")
SYNC_IN_TEXT = tr("导入对方送来的数据包：先核对签名和来源，不合格的整包拒收，什么也不导入。")
SYNC_LAST_EXPORT = tr("上次送出：{at}")
SYNC_LAST_IMPORT = tr("上次收入：{at}")
SYNC_NEVER = tr("从未")
SYNC_PENDING = tr("尚未送达大厅：{count} 件（最早自 {since}）")
SYNC_NOTHING_PENDING = tr("办件都已送达大厅")
SYNC_EXPORT_BUTTON = tr("导出数据包…")
SYNC_IMPORT_BUTTON = tr("导入数据包…")
SYNC_PEER = tr("{name}（{code}）")
SYNC_NO_PEER = tr("尚未登记可以接收数据的站点：请系统管理员用 counter site register 登记")
SYNC_FAILED = tr("没有完成：{reason}")
SYNC_DB_FAILED = tr("数据库暂时不能访问（{error}），没有任何改动，请稍后再试")
SYNC_FILE_FAILED = tr("文件不能读写（{error}），没有任何改动")
SYNC_WORKING = tr("正在处理…")
SYNC_REVIEW_TITLE = tr("待核对记录（未能导入，已保留，不会丢失）")
SYNC_REVIEW_EMPTY = tr("没有待核对的记录")
SYNC_RECORD_TYPE = {
    "case": tr("办件"),
    "progress": tr("办件进度"),
    "guide": tr("办事指南"),
    "holiday": tr("节假日"),
    "setting": tr("设置"),
}
SYNC_REVIEW_COLUMNS = (tr("来自站点"), tr("数据包"), tr("类型"), tr("记录"), tr("原因"), tr("说明"), tr("收到时间"))
SYNC_FILE_FILTER = tr("数据包 (*.sync);;所有文件 (*)")
SYNC_STATUS_PENDING = tr("未送达大厅 {count} 件（最早 {since}）")
SYNC_STATUS_STALE = tr("未送达大厅 {count} 件，已超过 {days} 天（最早 {since}），请尽快同步")
