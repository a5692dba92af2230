"""The words of a hall desk's server: away, not the hall's, the session over, a start that cannot reach it.

The clerk is told what happened and what is kept, never the server's address, a port or what the transport raised
(those go to the log for support).
"""

from __future__ import annotations

from counter.words.translate import tr

#: the ``{fault}`` of a widget's sentence when the hall server did not answer (after the transport's retries)
SERVER_AWAY = tr("连不上大厅服务器（网络中断，或服务器正在重启）")
#: said while the transport still tries a server that has not answered yet (counter.ui.runner.Runner.reaching)
SERVER_REACHING = tr("正在连接大厅服务器……")
#: the intake's commit meanwhile: its button, and the line under the outcome
INTAKE_SERVER_REACHING = tr("正在连接大厅服务器……\n表单内容都在")
INTAKE_SERVER_REACHING_LINE = tr(
    "正在连接大厅服务器……本次受理尚未保存，表单内容都在，请不要关闭窗口。连不上时会说明，并在连接恢复后自动提交。"
)
#: the ``{fault}`` when the server's certificate is not the hall CA's: nothing was sent to it
SERVER_NOT_TRUSTED = tr(
    "大厅服务器出示的证书不是本中心签发的，窗口没有向它发送任何内容（可能连到了冒充的服务器）。请联系运维人员"
)
#: the ``{fault}`` when the session ended under a call: the sign-in window comes back at once
SESSION_OVER = tr("登录已结束，请重新登录")
#: the ``{fault}`` when the server refused the request itself: a fault of the program, in the log
SERVER_REFUSED = tr("大厅服务器拒绝了这次请求，没有完成；详情已写入日志，如一再出现请联系运维人员")
#: the ``{fault}`` when the server answered what this desk does not know (a fault or an answer of another release):
#: whether a write was done there is not known, so the clerk is told to look before doing it again
SERVER_NOT_UNDERSTOOD = tr(
    "大厅服务器的答复本窗口无法识别（服务器与本窗口的版本可能不一致），这次操作是否完成未能确认；"
    "请先查看结果再决定是否重做，并联系运维人员"
)

#: the sign-in window, the session ended by the server (keyed by counter.access.desk_session.SessionEnd, and
#: "none" for a desk that holds no session)
SESSION_ENDED = {
    "expired": tr("本次登录已超过 12 小时，请重新输入密码。填写中的内容都在。"),
    "idle": tr("本窗口太久没有操作，大厅服务器已结束本次登录，请重新输入密码。填写中的内容都在。"),
    "account_disabled": tr("您的账号已被管理员停用，本次登录已结束。请换人登录；填写中的受理已存为本窗口的草稿。"),
    "signed_out": tr("本次登录已在大厅服务器结束，请重新输入密码。填写中的内容都在。"),
    "unknown": tr("大厅服务器不认这次登录（本机可能已重新登记），请重新输入密码。填写中的内容都在。"),
    "none": tr("请重新输入密码。填写中的内容都在。"),
}
SESSION_ENDED_HEADING = tr("请重新登录")

#: the intake's commit waiting for the server, the form kept (as counter.ui.intake.words.INTAKE_CONNECTION_LOST)
INTAKE_SERVER_AWAY = tr(
    "与大厅服务器的连接中断，本次受理尚未保存。表单内容都在，请不要关闭窗口；连接恢复后将自动重新提交。"
)

#: the sign-in's own refusal at the server's door: the machine's key is not its desk's
SIGNIN_DESK_UNKNOWN = tr("大厅服务器不认本机的窗口密钥：本机未登记，或已重新登记。请联系运维人员")

#: a hall desk's start that cannot begin
START_NO_KEY = tr("本机还没有大厅服务器发给的窗口密钥，无法连接大厅服务器。请联系运维人员为本机登记窗口")
START_NO_CA = tr("本机的大厅 CA 证书缺失或无法读取，无法确认大厅服务器的身份。请联系运维人员")
START_BAD_SERVER = tr("本机设置的大厅服务器地址无效（应使用加密连接）。请联系运维人员")
