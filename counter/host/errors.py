"""Unexpected errors: the user reads a Chinese sentence, support reads the report.

No traceback reaches a clerk.  The report file holds the traceback with every
ID number and phone number in it masked, as in the log.
"""

from __future__ import annotations

import logging
import traceback
from datetime import datetime

from counter.host.paths import log_dir

log = logging.getLogger("counter")


def report_unexpected(err: BaseException) -> str:
    """Save a report of ``err`` and return the message to show."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    try:
        path = log_dir() / f"error-{stamp}.txt"
        from counter.audit.masking import masked_text

        path.write_text(masked_text("".join(traceback.format_exception(err))), encoding="utf-8")
        where = str(path)
    except OSError:
        where = "（报告无法保存）"
    log.error("unexpected error: %s (report %s)", type(err).__name__, where)
    return f"程序遇到意外错误：{type(err).__name__}。已保存错误报告：{where}，请联系技术支持。已提交的办件不受影响。"
