"""The words of a hall desk's server: away, not the hall's, the session over, a start that cannot reach it.

The clerk is told what happened and what is kept, never the server's address, a port or what the transport raised
(those go to the log for support).
"""

from __future__ import annotations

# the ``{fault}`` of a widget's sentence for the server's faults, a start that cannot reach it, the desk's key refused:
# the command line says the same
from counter.words.hall import (
    SERVER_AWAY,
    SERVER_NOT_TRUSTED,
    SERVER_NOT_UNDERSTOOD,
    SERVER_REFUSED,
    SESSION_OVER,
    SIGNIN_DESK_UNKNOWN,
    START_BAD_SERVER,
    START_NO_CA,
    START_NO_KEY,
)
from counter.words.translate import tr

__all__ = [
    "INTAKE_SERVER_AWAY",
    "INTAKE_SERVER_REACHING",
    "INTAKE_SERVER_REACHING_LINE",
    "OUTAGE_ENTER",
    "OUTAGE_HANDED",
    "OUTAGE_HANDED_HELD",
    "OUTAGE_LINE",
    "OUTAGE_OFFER",
    "OUTAGE_OFFER_HEADING",
    "OUTAGE_REFUSED",
    "OUTAGE_WAIT",
    "SERVER_AWAY",
    "SERVER_NOT_TRUSTED",
    "SERVER_NOT_UNDERSTOOD",
    "SERVER_REACHING",
    "SERVER_REFUSED",
    "SESSION_ENDED",
    "SESSION_ENDED_HEADING",
    "SESSION_OVER",
    "SIGNIN_DESK_UNKNOWN",
    "START_BAD_SERVER",
    "START_NO_CA",
    "START_NO_KEY",
]

#: said while the transport still tries a server that has not answered yet (counter.ui.door.runner.Runner.reaching)
SERVER_REACHING = tr("正在连接大厅服务器……")
#: the intake's commit meanwhile: its button, and the line under the outcome
INTAKE_SERVER_REACHING = tr("正在连接大厅服务器……\n表单内容都在")
INTAKE_SERVER_REACHING_LINE = tr(
    "正在连接大厅服务器……本次受理尚未保存，表单内容都在，请不要关闭窗口。连不上时会说明，并在连接恢复后自动提交。"
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

#: outage mode (counter.ui.door.outage_mode): offered when the server stays away, shown the whole time it lasts
OUTAGE_OFFER_HEADING = tr("连不上大厅服务器")
OUTAGE_OFFER = tr(
    "大厅服务器一直没有应答。可以转入断网应急收件：收件暂存本机并出具收件凭证，凭证写明服务器恢复后录入大厅系统，"
    "办件编号不变；服务器恢复后本机自动录入。断网应急期间只能收件，不能作出决定，也不能查看其他窗口的办件。"
)
OUTAGE_ENTER = tr("转入断网应急收件")
OUTAGE_WAIT = tr("继续等待")
OUTAGE_LINE = tr("断网应急收件中：收件暂存本机，大厅服务器恢复后自动录入")
OUTAGE_HANDED = tr("大厅服务器已恢复，断网期间收件的 {count} 件已录入大厅系统")
OUTAGE_HANDED_HELD = tr(
    "大厅服务器已恢复，断网期间收件的 {count} 件已录入大厅系统；另有 {held} 件未能录入，暂存本机，下次登录时再录入，"
    "请告知管理员"
)
#: the ``{fault}`` of a widget's sentence for what outage mode cannot do
OUTAGE_REFUSED = tr("断网应急收件期间不能办理此项，需连接大厅服务器，恢复后再办")
