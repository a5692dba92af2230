"""Talking to CUPS off the window's thread: sending the PDFs, and asking which printers there are.

``lp`` usually answers in a few milliseconds, but a CUPS server that hangs
would freeze the desk for up to :data:`counter.printing.cups.TIMEOUT_S`; so the
jobs are handed over on a thread of their own and the window hears back through
signals carrying plain data.  The run stops at the first job that fails: the
clerk fixes the printer and prints on from that paper, not from the first.
The database is not touched here; the window records every print on its own
thread.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, Signal

from counter.printing.cups import PrintFailed, PrintProblem, printers, submit

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Job:
    """One PDF to print: its bytes, the title CUPS shows, and its place in the window."""

    index: int
    pdf: bytes
    title: str


@dataclass(frozen=True, slots=True)
class Sent:
    index: int
    queue: str  # the queue CUPS took the job on (the default one when none was chosen)
    job_id: str


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
    ) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self.printer = printer
        self._env = env

    def run(self) -> None:
        for job in self.jobs:
            try:
                job_id = submit(job.pdf, self.printer, job.title, self._env)
            except PrintFailed as err:
                log.warning("print of %s failed: %s", job.title, err)
                self.failed.emit(Failure(job.index, err.problem, err.printer or self.printer, err.detail))
                return
            self.sent.emit(Sent(job.index, queue_of(job_id, self.printer), job_id))


class PrinterQuery(QThread):
    """``lpstat`` for the printer chooser: a CUPS server that does not answer must not freeze the desk."""

    found = Signal(object)  # list[Printer]
    failed = Signal(object)  # Failure (index -1: no document involved)

    def __init__(self, env: Mapping[str, str] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._env = env

    def run(self) -> None:
        try:
            found = printers(self._env)
        except PrintFailed as err:
            self.failed.emit(Failure(-1, err.problem, err.printer, err.detail))
            return
        self.found.emit(found)
