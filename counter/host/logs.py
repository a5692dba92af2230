"""The log file: in the data folder, for support staff, rotated at each start.

Log lines name codes, numbers and rules, never a person's ID number or phone;
anything that could carry them goes through :func:`counter.parties.masking.mask_id`
first, and the handler masks whatever still looks like one (an exception's
text may quote a row), so a slip in one log call cannot leak a number.

The file is rotated when the app starts rather than while it writes: a desk
writes a few lines an hour, and ``logging.handlers`` (with the socket and
pickle modules behind it) would cost the start-up a few milliseconds.
"""

from __future__ import annotations

import logging
from pathlib import Path

from counter.host.paths import log_dir

LOG_FILE = "counter.log"
MAX_BYTES = 2_000_000
KEEP = 5


#: a line written to the file at once, with every line before it: a warning or worse
WRITTEN_AT_ONCE = logging.WARNING


#: ordinary lines kept as made, at most, before they are masked, formatted and put in the file's buffer together
PENDING_LINES = 64


class _DeskLog(logging.FileHandler):
    """The app's own handler, so that setting up twice adds it once.

    An ordinary line (``INFO``: a case taken, a paper printed) waits, as it was made, until a warning or worse comes,
    the log is flushed or closed (``logging.shutdown``, which :mod:`counter.host.quick_exit` calls), or
    :data:`PENDING_LINES` wait: then the lines waiting are masked (its filter, :class:`MaskPersonalNumbers`),
    formatted with the moment each was made, and written, in their order, before the warning.

    The intake makes its line inside its transaction.  Written at once, the line took 47 µs of an intake of about
    1 ms, measured inside it; masked and formatted at once and left in the file's buffer, 36 µs; only made, 16 µs
    (``benchmarks/bench_intake.py``).  Its message is made from its arguments at once, as the call made it.  The
    window writes the lines waiting while it is idle, every second (:func:`write_waiting_lines`, called by
    :mod:`counter.ui.log_lines`), so the clerk never waits for them, and a crash of the process itself (not of
    Python: the window's errors are logged) takes at most a second's ordinary lines with it; every case, paper and
    step is also in the audit trail, in the database.
    """

    def __init__(self, path: Path, encoding: str) -> None:
        super().__init__(path, encoding=encoding)
        self._pending: list[logging.LogRecord] = []

    def handle(self, record: logging.LogRecord) -> bool:
        if record.levelno >= WRITTEN_AT_ONCE or record.exc_info or record.stack_info:
            self.acquire()
            try:
                self._write_pending()
            finally:
                self.release()
            return super().handle(record)  # masked, formatted, written and flushed now
        try:
            record.msg, record.args = record.getMessage(), None
        except Exception:  # a call whose arguments do not fit its message: said on stderr, as logging's own handlers
            self.handleError(record)
            return False
        self.acquire()
        try:
            self._pending.append(record)
            if len(self._pending) >= PENDING_LINES:
                self._write_pending()
        finally:
            self.release()
        return True

    def _write_pending(self) -> None:
        pending, self._pending = self._pending, []
        if self.stream is None:  # closed: nothing more goes into the file
            return
        for record in pending:
            if not self.filter(record):
                continue
            try:
                self.stream.write(self.format(record) + self.terminator)
            except Exception:  # as logging's own handlers: a line that cannot be written never stops the desk
                self.handleError(record)

    def flush(self) -> None:
        self.acquire()
        try:
            self._write_pending()
        finally:
            self.release()
        super().flush()

    def close(self) -> None:
        self.flush()
        super().close()


class MaskPersonalNumbers(logging.Filter):
    """ID numbers, credit codes and phone numbers in a log line, masked as on paper."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        record.msg, record.args = message, None  # formatted once: the handler's formatter reads it again
        error = record.exc_info if record.exc_info and record.exc_info[1] is not None and not record.exc_text else None
        if error is None and not any(map(str.isdigit, message)):
            return True  # every number masked is a run of digits: a line without one (most of them) has none
        # imported at the first line that could hold a number: the start-up's own lines have none
        from counter.audit.masking import masked_text

        masked = masked_text(message)
        if masked != message:
            record.msg = masked
        if error is not None:
            record.exc_text = masked_text(logging.Formatter().formatException(error))
        return True


def write_waiting_lines() -> None:
    """The desk log's lines waiting, masked, formatted and handed to the system: at a moment nobody waits for one."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, _DeskLog):
            handler.flush()


def rotate(path: Path, max_bytes: int = MAX_BYTES, keep: int = KEEP) -> None:
    """``counter.log`` becomes ``counter.log.1`` (and so on, ``keep`` deep) once it is too big."""
    try:
        if not path.exists() or path.stat().st_size < max_bytes:
            return
        for n in range(keep - 1, 0, -1):
            older = path.with_name(f"{path.name}.{n}")
            if older.exists():
                older.replace(path.with_name(f"{path.name}.{n + 1}"))
        path.replace(path.with_name(f"{path.name}.1"))
    except OSError:
        return  # a log that cannot rotate keeps growing; the desk goes on


def setup_logging(level: int = logging.INFO) -> None:
    """The desk's log file, at ``level``.

    A line names its time, level, logger and message, never where in the code it was made, nor the thread or the
    process: so no line asks for them (the logging HOWTO's "Optimization").  Looking for the caller's frame and
    naming the thread and the process took 2 of the 14 µs a line took in a loop, and the desk writes one inside each
    intake's transaction.
    """
    logging._srcfile = None  # the caller's file and line: the format shows neither
    logging.logThreads = logging.logProcesses = logging.logMultiprocessing = False
    root = logging.getLogger()
    if any(isinstance(h, _DeskLog) for h in root.handlers):
        return
    handler: logging.Handler
    try:
        path = log_dir() / LOG_FILE
        rotate(path)
        handler = _DeskLog(path, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(MaskPersonalNumbers())
    root.addHandler(handler)
    root.setLevel(level)
