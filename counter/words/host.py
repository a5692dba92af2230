"""The words of the process on its machine: an unexpected error, as both faces tell it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter.words.translate import tr

if TYPE_CHECKING:
    from pathlib import Path

UNEXPECTED = tr("程序遇到意外错误：{error}。已保存错误报告：{report}，请联系技术支持。已提交的办件不受影响。")
REPORT_NOT_SAVED = tr("（报告无法保存）")


def unexpected_text(error: str, report: Path | None) -> str:
    """What the clerk reads of an error nobody foresaw: its kind, where support finds the report, nothing lost."""
    return UNEXPECTED.format(error=error, report=str(report) if report is not None else REPORT_NOT_SAVED)
