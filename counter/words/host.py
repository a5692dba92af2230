"""The words of the process on its machine, as both faces tell them: an unexpected error, an incomplete installation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from counter.resources import CATALOG, EVAL_CONTENT_FILE, FONTS, Lack, MissingResource
from counter.words.translate import tr

if TYPE_CHECKING:
    from pathlib import Path

UNEXPECTED = tr(
    "程序遇到意外错误，刚才的操作没有完成。已保存错误报告：{report}，请联系技术支持。已提交的办件不受影响。"
)
UNEXPECTED_NOT_SAVED = tr(
    "程序遇到意外错误，刚才的操作没有完成。错误报告未能保存（错误已记入日志），请联系技术支持。已提交的办件不受影响。"
)
UNKNOWN_CAUSE = tr("原因不明")  # what went wrong is named in the log only


def unexpected_text(report: Path | None) -> str:
    """What the clerk reads of an error nobody foresaw: where support finds the report (which names the error, in
    the program's English), and that nothing committed was lost.  A report that could not be saved (the log folder
    full or not writable) is said so in a sentence of its own: "saved: (not saved)" told the clerk both."""
    return UNEXPECTED_NOT_SAVED if report is None else UNEXPECTED.format(report=str(report))


# --- an incomplete installation -------------------------------------------------------------------------------------

RESOURCES_INCOMPLETE = tr("程序安装不完整，无法启动。缺少：\n{lines}\n请重新安装本程序，或联系技术支持。")
# the window's words: what is missing, never where (the log and the command line name the file:
# counter.words.at_command_line)
RESOURCE_LACK = {
    Lack.MISSING: tr("{what}不存在"),
    Lack.UNREADABLE: tr("{what}无法打开"),
    Lack.EMPTY: tr("{what}中没有事项目录文件"),
}
CATALOG_FOLDER = tr("事项目录文件夹")
FONT_FILE = tr("字体文件")
PLATFORM_FILE = tr("对接代码表文件")
EVAL_CONTENT = tr("好差评测评内容代码表文件")


def resource_what(item: MissingResource) -> str:
    """What a missing shipped file is, in the clerk's words: the catalog, a font, the platform's code lists."""
    if item.path.name == CATALOG:
        return CATALOG_FOLDER
    if item.path.parent.name == FONTS:
        return f"{FONT_FILE} {item.path.name} "
    if item.path.name == EVAL_CONTENT_FILE:
        return f"{EVAL_CONTENT} {item.path.name} "
    return f"{PLATFORM_FILE} {item.path.name} "


def missing_resources_text(missing: Sequence[MissingResource]) -> str:
    """Why the desk does not start: each missing shipped file named (where it was looked for is the log's)."""
    lines = []
    for item in missing:
        lines.append(
            "  " + RESOURCE_LACK[item.lack].format(what=resource_what(item), path=item.path, detail=item.detail)
        )
    return RESOURCES_INCOMPLETE.format(lines="\n".join(lines))
