"""The arguments many commands take, each added and explained in one place: ``--json``, ``--csv``, a case number, a
project number, a bundle, where a paper is saved.

A technician reads ``counter … -h`` to learn what an argument is and the form it takes; the same argument says the
same words under every command, and a change to them is made once.
"""

from __future__ import annotations

import argparse

from counter.words.translate import tr

JSON_HELP = tr("改为输出 JSON（键名为英文，供脚本读取；各命令的键见 docs/command-line.md）")
CSV_HELP = tr("改为输出 CSV 表格（逗号分隔，首行为列名）")
CASE_NO_HELP = tr("办件编号，如 XAM01-20261128-01-0001（站点-受理日期-窗口号-序号）")
PROJECT_NO_HELP = tr("帮您办项目编号，如 XAM01-20261128-P01-0001（登记时给出）")
BUNDLE_HELP = tr(
    "一件事：编码（如 XAM-YJS-063）、序号或完整名称；"
    "其他文字（拼音首字母、名称的一部分）取 counter catalog find 的第一个结果"
)
PAPER_OUT_HELP = tr("文书保存为该 PDF 文件")


def add_json(p: argparse._ActionsContainer) -> None:
    """``--json``: the command's answer as JSON instead of lines of text (``p`` may be a group of exclusive options)."""
    p.add_argument("--json", action="store_true", help=JSON_HELP)


def add_csv(p: argparse._ActionsContainer) -> None:
    """``--csv``: a table's answer as CSV instead of lines of text."""
    p.add_argument("--csv", action="store_true", help=CSV_HELP)


def add_case_no(p: argparse.ArgumentParser) -> None:
    """The case the command acts on, by its number (:func:`counter.case.numbers.case_no`), as ``args.case_no``."""
    p.add_argument("case_no", metavar="CASE_NO", help=CASE_NO_HELP)


def add_project_no(p: argparse.ArgumentParser) -> None:
    """The 帮您办 project the command acts on, by its number (:func:`counter.projects.numbers.project_no`)."""
    p.add_argument("project_no", metavar="NO", help=PROJECT_NO_HELP)


def add_bundle(p: argparse.ArgumentParser) -> None:
    """The bundle the command is about, named as the window's search names it, as ``args.bundle``."""
    p.add_argument("bundle", metavar="BUNDLE", help=BUNDLE_HELP)
