"""Words of the sign-in window and the screen lock."""

from __future__ import annotations

SIGNIN_TITLE = "登录 · 一件事一次办综合受理窗口"
SIGNIN_HEADING = "请登录"
SIGNIN_PLACE = "{site}　{desk}号窗口"
SIGNIN_LOGIN = "登录名"
SIGNIN_PASSWORD = "密码"
SIGNIN_BUTTON = "登录"
SIGNIN_LOCKED_HEADING = "屏幕已锁定"
SIGNIN_LOCKED_HINT = "{name}（{login}）离开窗口超过 {minutes} 分钟，屏幕已锁定。输入密码继续办理，填写中的内容都在。"
SIGNIN_LOCKED_BY_HAND = "{name}（{login}）锁定了屏幕。输入密码继续办理，填写中的内容都在。"
SIGNIN_UNLOCK_BUTTON = "解锁"
SIGNIN_SWITCH_BUTTON = "换人登录"
SIGNIN_EMPTY = "请输入登录名和密码"
SIGNIN_DB_ERROR = "暂时无法登录：数据库不能访问（{error}），请稍后重试"
SIGNIN_STATUS = "当前登录：{name}（{roles}）"
SIGNIN_SIGN_OUT = "退出登录"
