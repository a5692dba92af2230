"""The words of the messages to applicants for both faces: their kinds and states, the gateway's settings and
problems, and the command line's lines.  The messages' own texts are not here: they go to the applicant in Chinese
whatever the desk shows (:mod:`counter.sms.texts`)."""

from __future__ import annotations

from counter.sms.gateway import GatewayProblem
from counter.sms.kinds import MessageKind
from counter.sms.outbox import MessageState
from counter.words.translate import tr

MESSAGE_KIND = {
    # each as its message says it (counter.sms.texts): the intake's message tells 已收件 in every standing
    MessageKind.ACCEPTED: tr("已收件"),
    MessageKind.CORRECTION: tr("需补正"),
    MessageKind.CORRECTION_TOLD: tr("告知补齐材料"),
    MessageKind.CORRECTION_BOTH: tr("需补正并告知补齐材料"),
    MessageKind.DEFERRAL_DUE: tr("容缺材料即将到期"),
    MessageKind.ITEM_GRANTED: tr("事项准予"),
    MessageKind.ITEM_DENIED: tr("事项不予批准"),
    MessageKind.ITEM_REFUSED: tr("事项不予受理"),
    MessageKind.READY: tr("办结待取件"),
    MessageKind.POSTED: tr("结果已邮寄"),
    MessageKind.SENT_ONLINE: tr("结果已电子送达"),
    MessageKind.DEFERRAL_MOVED: tr("容缺补交期限顺延"),
    MessageKind.CORRECTION_MOVED: tr("补齐材料期限顺延"),
    MessageKind.PROMISE_MOVED: tr("承诺办结日期顺延"),
    MessageKind.LAPSE_EARLY: tr("逾期处理将予纠正"),
    MessageKind.DEFERRAL_EXTENDED: tr("容缺补交期限延长"),
    MessageKind.ITEM_EXTENDED: tr("事项延长办理期限"),
    MessageKind.ITEM_ACCEPTED: tr("事项已由部门受理"),
    MessageKind.ITEM_CORRECTION: tr("部门要求补正"),
    MessageKind.PAPER_LINK: tr("文书下载链接"),
}
KIND_UNKNOWN = tr("无法识别的类型")  # a row of a kind this version does not know: listed, set aside, never sent


def message_kind(kind: MessageKind | str) -> str:
    """A message's kind in words; one this version does not know (a newer version's row) as such."""
    return MESSAGE_KIND[kind] if isinstance(kind, MessageKind) else KIND_UNKNOWN


MESSAGE_STATE = {
    MessageState.WAITING: tr("待发送"),
    MessageState.SENDING: tr("发送中"),
    MessageState.SENT: tr("已发送"),
    MessageState.FAILED: tr("发送失败"),
}
GATEWAY_PROBLEM = {
    GatewayProblem.BAD_ENDPOINT: tr(
        "短信网关地址须以 https:// 开头：用明文的 http://，网关密钥签出的请求、群众的手机号和短信内容会在网络上被人看到"
    ),
    GatewayProblem.NO_ACCOUNT: tr("缺少短信网关账号"),
    GatewayProblem.NO_SECRET: tr("缺少短信网关密钥"),
    GatewayProblem.BAD_TIMEOUT: tr("超时须为 1 至 60 秒"),
    GatewayProblem.BAD_ATTEMPTS: tr("尝试次数须为 1 至 20"),
    GatewayProblem.UNKNOWN_KIND: tr("模板对应的短信类别不存在"),
    GatewayProblem.SECRET_TRAINING: tr(
        "培训数据库不能设置短信网关密钥：密钥存在本机，是正式使用的数据库发短信所用的那一份"
    ),
}

GATEWAY_NONE = tr("未设置短信网关：不发短信，受理凭证上不承诺短信告知。")
GATEWAY_LINE = tr("短信网关：{endpoint}（账号 {account}，签名 {sign}，超时 {timeout} 秒，最多尝试 {attempts} 次）")
GATEWAY_SIGN_DEFAULT = tr("本中心名称")
GATEWAY_TEMPLATE = tr("模板 {kind}（{name}）：{template}")
GATEWAY_BAD_TEMPLATE = tr("模板须写作 类别=模板号，类别为：{kinds}")
MESSAGES_SENT = tr("已发送 {sent} 条，待重试 {waiting} 条，发送失败 {failed} 条。")
MESSAGES_REMINDED = tr("已加入容缺到期提醒 {count} 条。")
MESSAGES_NONE = tr("没有短信。")
MESSAGES_LINE = tr("{id}  {case_no}  {kind}  {state}  {phone}  尝试 {attempts} 次  {error}")
MESSAGES_RETRIED = tr("短信 {id} 已重新排队发送。")
MESSAGES_NOT_FAILED = tr("没有编号为 {id} 的发送失败短信。")
MESSAGES_STOPPING = tr("短信发送已停止。")

# the supervision page's list of messages that failed
FAILED_TAB = tr("短信告知")
FAILED_TITLE = tr("发送失败的短信（网关拒收或多次尝试未成功）")
FAILED_NONE = tr("没有发送失败的短信。")
FAILED_COLUMNS = (tr("编号"), tr("办件编号"), tr("类别"), tr("手机"), tr("尝试次数"), tr("原因"))
FAILED_RETRY = tr("重新发送")
FAILED_RETRIED = tr("已重新排队：{count} 条")
FAILED_READ = tr("暂时无法读取短信（{fault}）")
