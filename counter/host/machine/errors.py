"""Unexpected errors: the report for support, saved; the sentence for the user is the faces' (counter.words.host).

No traceback reaches a clerk.  The report file holds the traceback with every
ID number and phone number in it masked, as in the log.
"""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from counter.host.machine.paths import log_dir

log = logging.getLogger("counter")


@dataclass(frozen=True, slots=True)
class UnexpectedReport:
    error: str  # the class name of what was raised
    report: Path | None  # where the report was saved; None when it could not be


def report_unexpected(err: BaseException) -> UnexpectedReport:
    """Save a report of ``err``; the faces word what it returns."""
    from counter.audit.masking import masked_text

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    report: Path | None = None
    try:
        path = log_dir() / f"error-{stamp}.txt"
        path.write_text(masked_text("".join(traceback.format_exception(err))), encoding="utf-8")
        report = path
    except OSError:
        pass  # the report is lost, not the desk: the log line below still names the error
    log.error("unexpected error: %s (report %s)", type(err).__name__, report or "not saved")
    return UnexpectedReport(type(err).__name__, report)
