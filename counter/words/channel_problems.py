"""Why an outward channel's row failed, as the failed lists show it: the SMS list, the platform's reports, the
前置库's, at the window and at the command line.

The row keeps its reason as the sender stored it (:mod:`counter.outbox.reasons`: English, with the class of an
exception and the receiver's raw answer, for the log and support); a person reads what the problem is.  The
receiver's own words after its status are shown as they came: they are the other system's, not the app's.  A text
of no form the app writes is shown as it came too.
"""

from __future__ import annotations

from counter.outbox.reasons import Reason, StoredReason, read_reason
from counter.platform.front_store import rows_refused_of
from counter.words.dates import day_text
from counter.words.punctuation import LIST_JOIN
from counter.words.translate import tr

__all__ = ["CHANNEL_PROBLEM", "channel_problem"]

CHANNEL_PROBLEM = {
    Reason.NOT_HTTPS: tr("对方地址不是加密连接，未发送"),
    Reason.TOO_LARGE: tr("对方的回答过大，未读取"),
    Reason.TIMEOUT: tr("对方在 {seconds} 秒内没有回答"),
    Reason.NO_CONNECTION: tr("连接不上对方"),
    Reason.MALFORMED: tr("对方的回答无法读取（HTTP {status}）"),
    Reason.REDIRECT: tr("对方要求转到别的地址，未跟随（HTTP {status}）"),
    Reason.ANSWERED: tr("对方拒绝（HTTP {status}）"),
    Reason.UNOPENED_PHONE: tr("手机号无法解密：本机的数据密钥损坏或缺失"),
    Reason.EXPIRED: tr("提醒的日期（{day}）已过，未发送"),
    Reason.SET_ASIDE: tr("这一条无法读取，已搁置"),
    Reason.FRONT_STORE_UNREACHABLE: tr("连接不上前置库"),
    Reason.FRONT_STORE_REFUSED: tr("前置库拒绝写入"),
}
#: a problem with the other system's own words after it
SAID = tr("{problem}：{said}")
ROWS_REFUSED = tr("前置库表 {table} 缺少必填数据：{columns}")


def channel_problem(text: str) -> str:
    """The stored reason ``text`` as the failed list shows it: the app's own reasons in words, the other system's
    words as they came; a text of no known form as it came."""
    found = read_reason(text)
    if found is not None:
        return _worded(found)
    refused = rows_refused_of(text)
    if refused is not None:
        table, columns = refused
        return ROWS_REFUSED.format(table=table, columns=LIST_JOIN.join(columns))
    return text


def _worded(found: StoredReason) -> str:
    day = day_text(found.due) if found.due is not None else ""
    problem = CHANNEL_PROBLEM[found.reason].format(seconds=found.seconds, status=found.status, day=day)
    return SAID.format(problem=problem, said=found.said) if found.said else problem
