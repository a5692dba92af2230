"""Words of the sync page and the pending line in the status bar."""

from __future__ import annotations

SYNC_TITLE = "数据同步"
SYNC_SITE = "本站点：{name}（{code}，{kind}）"
SYNC_KIND = {"hall": "政务服务中心", "township": "便民服务中心"}
SYNC_OUT_TITLE = "送出"
SYNC_IN_TITLE = "收入"
SYNC_OUT_TOWNSHIP = "把本中心的办件、评价和文书记录送往大厅（网络或U盘）。"
SYNC_OUT_HALL = "把事项目录、节假日、设置和办件进度送往乡镇中心："
SYNC_IN_TEXT = "导入对方送来的数据包：先核对签名和来源，不合格的整包拒收，什么也不导入。"
SYNC_LAST_EXPORT = "上次送出：{at}"
SYNC_LAST_IMPORT = "上次收入：{at}"
SYNC_NEVER = "从未"
SYNC_PENDING = "尚未送达大厅：{count} 件（最早自 {since}）"
SYNC_NOTHING_PENDING = "办件都已送达大厅"
SYNC_EXPORT_BUTTON = "导出数据包…"
SYNC_IMPORT_BUTTON = "导入数据包…"
SYNC_NO_PEER = "尚未登记可以接收数据的站点：请系统管理员用 counter site register 登记"
SYNC_FAILED = "没有完成：{reason}"
SYNC_DB_FAILED = "数据库暂时不能访问（{error}），没有任何改动，请稍后再试"
SYNC_FILE_FAILED = "文件不能读写（{error}），没有任何改动"
SYNC_WORKING = "正在处理…"
SYNC_REVIEW_TITLE = "待核对记录（未能导入，已保留，不会丢失）"
SYNC_REVIEW_EMPTY = "没有待核对的记录"
SYNC_RECORD_TYPE = {"case": "办件", "progress": "办件进度", "guide": "办事指南", "holiday": "节假日", "setting": "设置"}
SYNC_REVIEW_COLUMNS = ("来自站点", "数据包", "类型", "记录", "原因", "说明", "收到时间")
SYNC_FILE_FILTER = "数据包 (*.sync);;所有文件 (*)"
SYNC_STATUS_PENDING = "未送达大厅 {count} 件（最早 {since}）"
SYNC_STATUS_STALE = "未送达大厅 {count} 件，已超过 {days} 天（最早 {since}），请尽快同步"
