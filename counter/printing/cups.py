"""Print through CUPS with its own command-line clients (``lpstat``, ``lp``).

The PDF is handed to CUPS as it is: the bytes that were previewed are the bytes
that print, and CUPS converts them for the printer.  Every way a print can fail —
no CUPS client, no printer chosen, a printer that is missing, stopped or not
accepting jobs, a refused job — becomes a :class:`PrintFailed` with a code the
window turns into a sentence; the case is never touched by a print.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

TIMEOUT_S = 20


class PrintProblem(StrEnum):
    NO_CUPS = "no_cups"  # lp / lpstat not installed
    NO_PRINTER = "no_printer"  # none chosen and no default
    PRINTER_MISSING = "printer_missing"
    PRINTER_STOPPED = "printer_stopped"  # disabled, paused, or off
    NOT_ACCEPTING = "not_accepting"
    REFUSED = "refused"  # lp failed for another reason (detail says why)
    # Qt's print support (counter.printing.route): the two ways it fails that lp has no word for
    NO_PRINTERS = "no_printers"  # the system knows no printer at all
    INTERRUPTED = "interrupted"  # the printer failed while the pages were sent: some may be out


class PrintFailed(Exception):
    def __init__(self, problem: PrintProblem, printer: str = "", detail: str = "") -> None:
        super().__init__(f"{problem.value}: {printer} {detail}".strip())
        self.problem = problem
        self.printer = printer
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Printer:
    name: str
    enabled: bool
    accepting: bool
    default: bool


def _run(
    args: list[str], env: Mapping[str, str] | None, data: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    if shutil.which(args[0]) is None:
        raise PrintFailed(PrintProblem.NO_CUPS, detail=args[0])
    merged = {**os.environ, **(env or {}), "LC_ALL": "C"}
    try:
        return subprocess.run(args, input=data, capture_output=True, env=merged, timeout=TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired as err:
        raise PrintFailed(PrintProblem.REFUSED, detail=f"{args[0]} timed out") from err


def printers(env: Mapping[str, str] | None = None) -> list[Printer]:
    """The queues CUPS knows, with their state; empty when CUPS has none or does not answer."""
    states = _run(["lpstat", "-p"], env).stdout.decode(errors="replace")
    accepting = _run(["lpstat", "-a"], env).stdout.decode(errors="replace")
    default_out = _run(["lpstat", "-d"], env).stdout.decode(errors="replace")
    default = default_out.split(":", 1)[1].strip() if ":" in default_out else ""
    found = []
    for match in re.finditer(r"^printer (\S+) (.*)$", states, re.MULTILINE):
        name, rest = match.group(1), match.group(2)
        takes = re.search(rf"^{re.escape(name)} accepting requests", accepting, re.MULTILINE) is not None
        found.append(Printer(name, "disabled" not in rest, takes, name == default))
    return found


def submit(pdf: bytes, printer: str, title: str, env: Mapping[str, str] | None = None) -> str:
    """Queue ``pdf`` on ``printer``; the CUPS job id.  Raises :class:`PrintFailed`."""
    known = {p.name: p for p in printers(env)}
    if not printer:
        printer = next((p.name for p in known.values() if p.default), "")
        if not printer:
            raise PrintFailed(PrintProblem.NO_PRINTER)
    queue = known.get(printer)
    if queue is None:
        raise PrintFailed(PrintProblem.PRINTER_MISSING, printer)
    if not queue.enabled:
        raise PrintFailed(PrintProblem.PRINTER_STOPPED, printer)
    if not queue.accepting:
        raise PrintFailed(PrintProblem.NOT_ACCEPTING, printer)
    done = _run(["lp", "-d", printer, "-t", title[:200]], env, pdf)
    out = done.stdout.decode(errors="replace")
    match = re.search(r"request id is (\S+)", out)
    if done.returncode != 0 or match is None:
        detail = (done.stderr.decode(errors="replace") or out).strip()[:300]
        raise PrintFailed(PrintProblem.REFUSED, printer, detail)
    return match.group(1)
