"""Words of the sign-in window and the screen lock."""

from __future__ import annotations

from counter.words.translate import tr

SIGNIN_TITLE = tr("登录 · 一件事一次办综合受理窗口")
SIGNIN_HEADING = tr("请登录")
SIGNIN_PLACE = tr("{site}　{desk}号窗口")
SIGNIN_LOGIN = tr("登录名")
SIGNIN_PASSWORD = tr("密码")
SIGNIN_BUTTON = tr("登录")
SIGNIN_LOCKED_HEADING = tr("屏幕已锁定")
SIGNIN_LOCKED_HINT = tr(
    "{name}（{login}）离开窗口超过 {minutes} 分钟，屏幕已锁定。输入密码继续办理，填写中的内容都在。"
)
SIGNIN_LOCKED_BY_HAND = tr("{name}（{login}）锁定了屏幕。输入密码继续办理，填写中的内容都在。")
SIGNIN_UNLOCK_BUTTON = tr("解锁")
SIGNIN_SWITCH_BUTTON = tr("换人登录")
SIGNIN_EMPTY = tr("请输入登录名和密码")
SIGNIN_DB_ERROR = tr("暂时无法登录：{fault}")
