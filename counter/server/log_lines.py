"""Where the server's lines go, and how many of one kind it writes.

Under systemd (``JOURNAL_STREAM`` set: the service's stderr is the journal) each line goes to stderr, without its own
time (the journal stamps it), so that ``journalctl -u counter-serve`` shows it as the manual says.  Elsewhere (run by
hand, in a test) it goes to ``counter.log`` in the server's log folder, rotated while it runs
(``RotatingFileHandler``: a server up for weeks never rotated when the file turned only at a start).

Either way a line repeated within a minute is written :data:`BURST` times and then counted, not written
(:class:`OncePerBurst`): a flood of connections made asyncio write ``accept() out of system resource`` 186,364 times
in a minute (80 MB of log); now it writes it five times and, in the next minute, how many it left out.  uvicorn's
own lines come through the same handler (its logging configuration is not installed).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import time

from counter.host.machine.logs import KEEP, LOG_FILE, MAX_BYTES, MaskPersonalNumbers
from counter.host.machine.paths import log_dir

#: how many lines of one kind are written in a window
BURST = 5
#: the window
WINDOW_S = 60.0


class OncePerBurst(logging.Filter):
    """At most :data:`BURST` lines of one kind (logger, level, the first line of the message as written) in each
    :data:`WINDOW_S`; the first line of the kind after a window that left some out says how many.  Lines that differ
    (another desk, another operation) are each their own kind."""

    def __init__(self, burst: int = BURST, window_s: float = WINDOW_S) -> None:
        super().__init__()
        self.burst, self.window_s = burst, window_s
        self._seen: dict[tuple[str, int, str], tuple[float, int, int]] = {}  # kind → window's start, written, left

    def filter(self, record: logging.LogRecord) -> bool:
        kind = (record.name, record.levelno, record.getMessage().partition("\n")[0][:200])
        now = time.monotonic()
        start, written, left = self._seen.get(kind, (now, 0, 0))
        if now - start >= self.window_s:
            if left:
                record.msg = f"{record.getMessage()} ({left} more like it left out in the {self.window_s:.0f} s before)"
                record.args = None
            start, written, left = now, 0, 0
        if written >= self.burst:
            self._seen[kind] = (start, written, left + 1)
            return False
        if len(self._seen) > 1000:
            self._seen.clear()  # a thousand kinds in a window: forget them rather than grow
        self._seen[kind] = (start, written + 1, left)
        return True


def setup_server_logging() -> str:
    """The server's lines to the journal or its rotating file, masked and thinned; where they go, for the first
    line of the log."""
    handler: logging.Handler
    if os.environ.get("JOURNAL_STREAM"):  # stderr is the journal: systemd sets it for a service whose output goes there
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        where = "the journal"
    else:
        try:
            path = log_dir() / LOG_FILE
            handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8")
            where = str(path)
        except OSError:
            handler = logging.StreamHandler(sys.stderr)
            where = "stderr"
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(OncePerBurst())
    handler.addFilter(MaskPersonalNumbers())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return where
