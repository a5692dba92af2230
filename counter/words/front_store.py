"""The words of the 前置库 for the command line: its settings, their problems, and the sender's lines."""

from __future__ import annotations

from counter.platform.front_store import FrontStoreProblem
from counter.sms.outbox import MessageState
from counter.words.translate import tr

FRONT_STORE_PROBLEM = {
    FrontStoreProblem.BAD_URL: tr(
        "前置库地址须写成 postgresql://账号@主机:端口/库名，不含口令：口令另行设置，只存在发送的电脑上"
    ),
    FrontStoreProblem.NO_SECRET: tr("缺少前置库口令"),
    FrontStoreProblem.NO_DATA_SOURCE: tr("缺少数据来源代码（平台分配给本系统，1 至 3 位）"),
    FrontStoreProblem.BAD_TIMEOUT: tr("超时须为 1 至 60 秒"),
    FrontStoreProblem.BAD_ATTEMPTS: tr("尝试次数须为 1 至 30"),
    FrontStoreProblem.SECRET_TRAINING: tr(
        "培训数据库不能设置前置库口令：口令存在本机，是正式使用的数据库写入前置库所用的那一份"
    ),
}
FRONT_STORE_STATE = {
    MessageState.WAITING: tr("待写入"),
    MessageState.SENDING: tr("写入中"),
    MessageState.SENT: tr("已写入"),
    MessageState.FAILED: tr("写入失败"),
}
FRONT_STORE_NONE = tr("没有写入前置库的事件。")
FRONT_STORE_LINE = tr("{id}  {case_no}  {kind}  {state}  尝试 {attempts} 次  {error}")
FRONT_STORE_RETRIED = tr("前置库事件 {id} 已重新排队。")
FRONT_STORE_NOT_FAILED = tr("没有编号为 {id} 的写入失败事件。")
FRONT_STORE_SENT = tr("已写入前置库 {sent} 条，待重试 {waiting} 条，写入失败 {failed} 条。")
FRONT_STORE_STOPPING = tr("前置库写入已停止。")
FRONT_STORE_OFF = tr("本服务中心不向前置库写入。")
FRONT_STORE_SETTINGS_LINE = tr(
    "前置库：{url}　口令：{secret}　数据来源：{data_source}　管辖属地编码：{area_code}　"
    "超时：{timeout} 秒　尝试：{attempts} 次（代码表按平台对接设置中选定的编码）"
)
FRONT_STORE_SECRET_SET = tr("已设置")
FRONT_STORE_SECRET_UNSET = tr("未设置")
