"""One blocking call to a device of the window (the ID card reader, the hall's queue system, the
document camera), off the window's thread.

A reader that never answers or a queue system that is slow must not freeze the intake while the applicant waits:
the call runs in a thread of its own and its answer comes back as a signal.  The device's own error (with its fault,
named for the clerk) is handed on as it is; anything else is logged for support and handed on as the device's
"unreachable" error, so a device's fault is a message and a log line, never a crash.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThread, Signal

log = logging.getLogger(__name__)


class DeviceCall(QThread):
    done = Signal(object)  # what the call answered
    failed = Signal(object)  # the device's error

    def __init__(
        self,
        call: Callable[[], object],
        expected: type[Exception] | tuple[type[Exception], ...],
        unexpected: Callable[[Exception], Exception],
        what: str,
    ) -> None:
        """``call`` answers or raises ``expected`` (one kind of error, or several); ``unexpected`` makes the device's
        error of any other exception; ``what``: the call, as the log names it."""
        super().__init__()
        self._call, self._expected, self._unexpected, self._what = call, expected, unexpected, what

    def begin(self, done: Callable[[Any], None], failed: Callable[[Any], None], finished: Callable[[], None]) -> None:
        """Connect the caller's slots (``done`` takes the answer, ``failed`` the device's error) and start."""
        self.done.connect(done)
        self.failed.connect(failed)
        self.finished.connect(finished)
        self.start()

    def run(self) -> None:
        try:
            answer = self._call()
        except self._expected as err:
            self.failed.emit(err)
        except Exception as err:  # a device's fault is the clerk's message and the support's log, never a crash
            log.exception("%s failed", self._what)
            self.failed.emit(self._unexpected(err))
        else:
            self.done.emit(answer)
