"""Words of the damaged-database offer shown at start (UI only)."""

from __future__ import annotations

from counter.words.translate import tr

DB_DAMAGED_TITLE = tr("数据库文件已损坏")
# the files' places are the log's and support's (counter.ui.start.damaged_db logs them), not the clerk's
DB_DAMAGED = tr("数据库文件已损坏（完整性检查未通过），程序不能继续使用它。")
DB_DAMAGED_OFFER = tr(
    "最近一份完好的备份：{taken}\n\n"
    "点“恢复”用这份备份替换损坏的数据库（之后录入的办件不在备份中，请核对补录）；"
    "损坏的文件会另存在原处旁边，供技术人员查看。"
)
DB_DAMAGED_NO_BACKUP = tr("没有找到完好的备份。请不要删除该文件，联系技术人员处理。")
DB_DAMAGED_RESTORE = tr("恢复")
DB_DAMAGED_QUIT = tr("退出")
DB_RESTORED_AT_START = tr("已从备份恢复数据库。原来损坏的文件另存在原处旁边，供技术人员查看。")
