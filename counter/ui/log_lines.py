"""The log's waiting lines written while the window is idle, on the window's thread.

An ordinary line waits as it was made (:mod:`counter.host.logs`): the intake makes its line inside its transaction,
where masking, formatting and writing it took 36-47 µs of an intake whose rows the bare driver writes in 0.7 ms.  The
window writes the lines waiting between the clerk's actions, every second, as it collects garbage between them
(:mod:`counter.ui.collector`); a write unit of work runs on the window's thread too (:mod:`counter.ui.runner`), so
this never runs inside one.  A crash of the process takes at most a second's ordinary lines with it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from counter.host.logs import write_waiting_lines

INTERVAL_MS = 1_000


class LogLines(QObject):
    """Writes the log's waiting lines every ``interval_ms`` until :meth:`stop`, and once more then."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.timeout.connect(write_waiting_lines)
        self.timer.start(interval_ms)

    def stop(self) -> None:
        self.timer.stop()
        write_waiting_lines()
        self.setParent(None)
