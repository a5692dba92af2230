"""The words of a hall desk's server, for the window and the command line alike: away, not the hall's, a refusal,
a desk that cannot even try.

The clerk is told what happened, never the server's address, a port or what the transport raised (those go to the
log for support).
"""

from __future__ import annotations

from counter.words.translate import tr

#: the hall server did not answer (after the transport's retries)
SERVER_AWAY = tr("连不上大厅服务器（网络中断，或服务器正在重启）")
#: the command line's one line while the transport still tries a server that has not answered (the window says
#: 正在连接大厅服务器…… meanwhile), and how long it tries at most before it says the server cannot be reached
SERVER_REACHING_AT_MOST = tr("正在连接大厅服务器……（连不上时最多等待 {seconds} 秒）")
#: the server's certificate is not the hall CA's: nothing was sent to it
SERVER_NOT_TRUSTED = tr(
    "大厅服务器出示的证书不是本中心签发的，窗口没有向它发送任何内容（可能连到了冒充的服务器）。请联系运维人员"
)
#: the session ended under a call
SESSION_OVER = tr("登录已结束，请重新登录")
#: the server refused the request itself: a fault of the program, in the log
SERVER_REFUSED = tr("大厅服务器拒绝了这次请求，没有完成；详情已写入日志，如一再出现请联系运维人员")
#: the server answered what this desk does not know (a fault or an answer of another release): whether a write was
#: done there is not known, so the clerk is told to look before doing it again
SERVER_NOT_UNDERSTOOD = tr(
    "大厅服务器的答复本窗口无法识别（服务器与本窗口的版本可能不一致），这次操作是否完成未能确认；"
    "请先查看结果再决定是否重做，并联系运维人员"
)
#: the sign-in's own refusal at the server's door: the machine's key is not its desk's
SIGNIN_DESK_UNKNOWN = tr("大厅服务器不认本机的窗口密钥：本机未登记，或已重新登记。请联系运维人员")

#: a desk set for a server that cannot reach it at all
START_NO_KEY = tr("本机还没有大厅服务器发给的窗口密钥，无法连接大厅服务器。请联系运维人员为本机登记窗口")
START_NO_CA = tr("本机的大厅 CA 证书缺失或无法读取，无法确认大厅服务器的身份。请联系运维人员")
START_BAD_SERVER = tr("本机设置的大厅服务器地址无效（应使用加密连接）。请联系运维人员")
