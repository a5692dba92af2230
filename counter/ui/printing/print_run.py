"""Printing off the window's thread: sending the PDFs, and asking which printers there are.

``lp`` usually answers in a few milliseconds, but a CUPS server that hangs
would freeze the desk for up to :data:`counter.printing.cups.TIMEOUT_S`, and a
Windows spooler or a network printer can take as long; so the jobs are handed
over on a thread of their own and the window hears back through signals
carrying plain data.  Which way they go — CUPS's ``lp`` or Qt's print support
(:mod:`.qt_print`) — is :func:`counter.printing.route.print_route`'s choice,
made when the run is created.  The run stops at the first job that fails: the
clerk fixes the printer and prints on from that paper, not from the first.
The database is not touched here; the window records every print on its own
thread.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, Signal

from counter.printing.cups import Printer, PrintFailed, PrintProblem, printers, submit
from counter.printing.route import PrintRoute, print_route
from counter.ui.printing.qt_print import qt_printers, qt_submit

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Job:
    """One PDF to print: its bytes, the title the print queue shows, and its place in the window."""

    index: int
    pdf: bytes
    title: str


@dataclass(frozen=True, slots=True)
class Sent:
    index: int
    queue: str  # the printer that took the job (the default one when none was chosen)
    job_id: str  # CUPS's job id; "" through Qt, which does not tell one


@dataclass(frozen=True, slots=True)
class Failure:
    index: int
    problem: PrintProblem
    printer: str
    detail: str


def queue_of(job_id: str, asked: str) -> str:
    """CUPS names a job ``<queue>-<number>``: the queue it went to, also when the default was used."""
    queue, _, number = job_id.rpartition("-")
    return queue if queue and number.isdigit() else asked


class PrintRun(QThread):
    sent = Signal(object)  # Sent, after each job CUPS accepted
    failed = Signal(object)  # Failure; the run stops there

    def __init__(
        self,
        jobs: tuple[Job, ...],
        printer: str,
        env: Mapping[str, str] | None = None,
        parent: QObject | None = None,
        route: PrintRoute | None = None,
    ) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self.printer = printer
        self._env = env
        self.route = print_route() if route is None else route

    def run(self) -> None:
        for job in self.jobs:
            try:
                sent = self._send(job)
            except PrintFailed as err:
                log.warning("print of %s failed (%s): %s", job.title, self.route.value, err)
                self.failed.emit(Failure(job.index, err.problem, err.printer or self.printer, err.detail))
                return
            self.sent.emit(sent)

    def _send(self, job: Job) -> Sent:
        if self.route is PrintRoute.QT:
            return Sent(job.index, qt_submit(job.pdf, self.printer, job.title), "")
        job_id = submit(job.pdf, self.printer, job.title, self._env)
        return Sent(job.index, queue_of(job_id, self.printer), job_id)


class PrinterQuery(QThread):
    """The printers for the chooser, by the same route a print takes: a server that does not answer freezes nothing."""

    found = Signal(object)  # list[Printer]
    failed = Signal(object)  # Failure (index -1: no document involved)

    def __init__(
        self, env: Mapping[str, str] | None = None, parent: QObject | None = None, route: PrintRoute | None = None
    ) -> None:
        super().__init__(parent)
        self._env = env
        self.route = print_route() if route is None else route

    def _printers(self) -> list[Printer]:
        if self.route is PrintRoute.QT:
            return qt_printers()
        return printers(self._env)

    def run(self) -> None:
        try:
            found = self._printers()
        except PrintFailed as err:
            self.failed.emit(Failure(-1, err.problem, err.printer, err.detail))
            return
        self.found.emit(found)
