"""The words of a failed print (:class:`counter.printing.cups.PrintProblem`)."""

from __future__ import annotations

from counter.printing.cups import PrintProblem
from counter.words.translate import tr

PRINT_PROBLEM = {
    PrintProblem.NO_CUPS: tr("本机没有安装打印服务（CUPS），无法打印；可以先保存为 PDF 文件。"),
    PrintProblem.NO_PRINTER: tr("没有选择打印机，本机也没有默认打印机：请选择打印机后重新打印。"),
    PrintProblem.PRINTER_MISSING: tr("打印机“{printer}”不存在或已被删除：请选择其他打印机后重新打印。"),
    PrintProblem.PRINTER_STOPPED: tr("打印机“{printer}”已停止或未开机：请打开打印机后重新打印。"),
    PrintProblem.NOT_ACCEPTING: tr("打印机“{printer}”暂不接受打印任务：请检查打印机后重新打印。"),
    PrintProblem.REFUSED: tr("打印机“{printer}”拒绝了打印任务（{detail}）：请检查后重新打印。"),
    PrintProblem.NO_PRINTERS: tr("本机没有安装任何打印机：请联系运维人员安装打印机；可以先保存为 PDF 文件。"),
    PrintProblem.INTERRUPTED: tr(
        "打印机“{printer}”在打印过程中出错（{detail}），可能只打出了一部分：请检查打印机和纸张，"
        "作废不完整的纸张后重新打印。"
    ),
}
PRINT_CASE_KEPT = tr("办件已保存，不受打印影响；可随时重新打印。")


def print_problem_text(problem: PrintProblem, printer: str = "", detail: str = "") -> str:
    return PRINT_PROBLEM[problem].format(printer=printer, detail=detail) + PRINT_CASE_KEPT
