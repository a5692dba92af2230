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

from counter.host.machine.paths import log_dir

LOG_FILE = "counter.log"
MAX_BYTES = 2_000_000
KEEP = 5


class _DeskLog(logging.FileHandler):
    """The app's own handler, so that setting up twice adds it once.  Every line is masked (its filter,
    :class:`MaskPersonalNumbers`), written and flushed as it is made: the lines support needs most are the last ones
    before a crash."""


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


def setup_logging() -> None:
    """The desk's log file, from INFO up: each line names its time, level, logger and message."""
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
    root.setLevel(logging.INFO)
