"""The words of this computer's desk settings that both faces show: why a clerk's name, an office's name or a desk
number is refused (``counter desk``, the window's 本窗口)."""

from __future__ import annotations

from counter.words.translate import tr

__all__ = ["DESK_NAME_PROBLEM"]

# Keyed by the values of counter.case.desk_names.NameProblem; {field} is the setting's name, {limit} its length.
DESK_NAME_PROBLEM = {
    "too_long": tr("{field}过长，最多 {limit} 个字"),
    "not_text": tr("{field}含有控制字符或看不见的格式字符（如改变文字方向的字符），请重新输入"),
    "odd_space": tr("{field}含有特殊空格（从文档中复制来的不换行空格或排版用的空格），请改为普通空格后重新输入"),
    "role_word": tr("{field}不能是职务或角色的名称（如“管理员”“负责人”），请填写本人姓名"),
    "another_account": tr("{field}与另一个账号的姓名或登录名相同，不能用他人的名字"),
    "not_desk_no": tr("{field}应为1至9999的整数，不以0开头"),
}
