"""The words of roles, permissions, sign-in refusals and account problems."""

from __future__ import annotations

import datetime as dt

from counter.access.account_rules import NAME_MAX
from counter.access.not_permitted import NotPermitted
from counter.access.roles import Permission, Role
from counter.case.moments import minute_text
from counter.words.translate import tr

ROLE = {
    Role.CLERK: tr("窗口工作人员"),
    Role.SUPERVISOR: tr("负责人"),
    Role.ADMIN: tr("系统管理员"),
    Role.DEPARTMENT: tr("部门工作人员"),
}
PERMISSION = {
    Permission.TAKE_INTAKE: tr("收件受理和办件经办"),
    Permission.PRINT: tr("出具和打印文书"),
    Permission.SEND_TO_PAD: tr("发送评价"),
    Permission.SEE_FULL_ID: tr("查看完整证件号码"),
    Permission.DECIDE_DEFERRAL: tr("容缺受理的延期和不予批准决定"),
    Permission.VOID_CASE: tr("作废办件"),
    Permission.RECTIFY: tr("差评整改、回访和申诉复核"),
    Permission.SEE_FIGURES: tr("查看统计和导出评价"),
    Permission.MANAGE_CATALOG: tr("导入事项目录"),
    Permission.MANAGE_ACCOUNTS: tr("管理账号"),
    Permission.CHANGE_SETTINGS: tr("修改设置"),
    Permission.EDIT_HOLIDAYS: tr("维护节假日"),
    Permission.SYNC: tr("导出和导入同步数据包"),
    Permission.ITEM_STEPS: tr("签收、审查和决定分发给本部门的事项"),
    Permission.AGENT_SERVICE: tr("帮您办项目的登记、代办和办结"),
}
NOT_PERMITTED = tr("您的账号没有“{permission}”的权限，本次操作未执行。如需办理，请找负责人或系统管理员。")
NOT_SIGNED_IN = tr("本数据库已启用账号，请先登录再“{permission}”。本次操作未执行。")
# a desk without accounts works as a window clerk (counter.access.roles.SINGLE_DESK_GRANTS)
SINGLE_DESK_NOT_PERMITTED = tr(
    "本机没有启用账号，只能办理窗口工作人员的事务，不能“{permission}”。"
    "如需办理，请系统管理员添加负责人等账号，由其登录后办理。本次操作未执行。"
)


def not_permitted(permission: Permission, signed_in: bool, single_desk: bool = False) -> str:
    """Why an action was refused, for the clerk: the permission by name, and who can help."""
    template = SINGLE_DESK_NOT_PERMITTED if single_desk else NOT_PERMITTED if signed_in else NOT_SIGNED_IN
    return template.format(permission=PERMISSION[permission])


def refused_for(err: NotPermitted) -> str:
    """:func:`not_permitted` for the refusal ``err`` as the guard raised it: on a desk without accounts, which no
    sign-in can change, it says so, never "sign in first"."""
    return not_permitted(err.permission, err.signed_in, err.single_desk)


# Keyed by the codes' values: counter.access.lockout.SignInOutcome,
# counter.access.account_rules.AccountProblem, counter.access.passwords.PasswordProblem.
# Unknown login and wrong password read alike at first, so a login cannot be probed by its message.

SIGN_IN_REFUSAL = {
    "wrong_password": tr("登录名或密码不正确。再输错 {attempts_left} 次，账号将锁定 {minutes} 分钟。"),
    "unknown_login": tr("登录名或密码不正确。"),
    "locked": tr("密码连续输错次数过多，账号已锁定至 {until}。请到时再试，或请系统管理员重设密码。"),
    "disabled": tr("该账号已停用，不能登录。如有疑问请联系系统管理员。"),
    "account_altered": tr(
        "该账号在数据库中的记录与审计日志不符（可能被人绕过本程序直接改动过），不能登录。请系统管理员核查审计日志。"
    ),
}
ACCOUNT_PROBLEM = {
    "login_format": tr("登录名只能用小写英文字母、数字和 . _ -，以字母或数字开头，2-40 位：{login}"),
    "login_taken": tr("登录名 {login} 已被使用，请换一个"),
    "name_missing": tr("请填写姓名"),
    "name_too_long": tr("姓名不能超过 {most} 个字").replace("{most}", str(NAME_MAX)),
    "name_bad_text": tr("姓名含有看不见的字符、控制字符或文字方向控制符，请重新输入"),
    "name_looks_taken": tr("姓名与已有账号的姓名或登录名看起来相同，请加以区分（例如加上工号）"),
    "staff_no_too_long": tr("工号不能超过 20 位"),
    "no_role": tr("请至少选择一个角色"),
    "first_not_admin": tr("第一个账号必须是系统管理员（admin）：其他账号由管理员登录后添加"),
    "unknown_login": tr("没有登录名为 {login} 的账号"),
    "last_admin": tr("{login} 是最后一个可用的系统管理员账号，不能停用：请先添加另一个管理员"),
    "already_disabled": tr("账号 {login} 已经停用"),
    "department_without_role": tr("只有部门工作人员（department）的账号才能指定所属部门"),
    "department_too_long": tr("部门名称不能超过 200 个字"),
    "password_too_short": tr("密码至少 8 位"),
    "password_too_long": tr("密码不能超过 128 位"),
    "password_no_letter": tr("密码须包含字母"),
    "password_no_digit": tr("密码须包含数字"),
    "password_is_login": tr("密码不能与登录名相同"),
}


def sign_in_refusal_text(outcome: str, attempts_left: int, locked_until: dt.datetime | None, lock_minutes: int) -> str:
    """Why a sign-in was refused; a lock's end in local time."""
    until = minute_text(locked_until) if locked_until else ""
    return SIGN_IN_REFUSAL[outcome].format(attempts_left=attempts_left, minutes=lock_minutes, until=until)


def account_problem_text(problem: str, login: str = "") -> str:
    return ACCOUNT_PROBLEM[problem].format(login=login)
