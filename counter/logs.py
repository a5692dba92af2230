"""The log file: rotating, in the data folder, for support staff.

Log lines name codes, numbers and rules, never a person's ID number or phone;
anything that could carry them goes through :func:`counter.identifiers.mask_id`
first.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

from counter.paths import log_dir

LOG_FILE = "counter.log"


def setup_logging(level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if any(getattr(h, "counter_handler", False) for h in root.handlers):
        return
    try:
        handler: logging.Handler = RotatingFileHandler(
            log_dir() / LOG_FILE, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.counter_handler = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
