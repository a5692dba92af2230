"""The words of a refused free text (:mod:`counter.parties.text`): what is wrong, where, and what to do."""

from __future__ import annotations

from counter.parties.text import TextProblem
from counter.words.translate import tr

TEXT_PROBLEM = {
    TextProblem.CONTROL: tr("第{position}个字符是控制字符（{code}），不能录入，请删去"),
    TextProblem.INVISIBLE: tr("第{position}个字符是看不见的字符（{code}），请删去后重新输入"),
    TextProblem.BIDI: tr("第{position}个字符是改变文字方向的控制符（{code}），请删去"),
    TextProblem.TOO_LONG: tr("最多{most}个字，现有{length}个字"),
    TextProblem.UNPRINTABLE: tr(
        "第{position}个字符“{char}”（{code}）本系统的字体中没有，打印出来会是空白或方框，请核对证件后改正"
    ),
    TextProblem.PRIVATE_USE: tr(
        "第{position}个字符（{code}）是某种输入法或字体自定义的编码（私用区），不是标准汉字或蒙古文，"
        "无法识别也无法打印；请用标准编码的输入法重新输入"
    ),
}


def text_problem_text(problem: TextProblem, detail: str) -> str:
    """The sentence for a text check's problem and its detail ("3 U+200B" or "50 5100")."""
    first, _, second = detail.partition(" ")
    if problem is TextProblem.TOO_LONG:
        return TEXT_PROBLEM[problem].format(most=first, length=second)
    return TEXT_PROBLEM[problem].format(position=first, code=second, char=_char(second))


def _char(code: str) -> str:
    """The character a detail's "U+2EBF0" names, or nothing when it is not one."""
    try:
        return chr(int(code.removeprefix("U+"), 16))
    except ValueError:
        return ""


def coded_text_problem(detail: str) -> str:
    """The sentence for a problem carried as one detail, its code first ("too_long 50 5100")."""
    code, _, rest = detail.partition(" ")
    try:
        problem = TextProblem(code)
    except ValueError:
        return detail
    return text_problem_text(problem, rest)
