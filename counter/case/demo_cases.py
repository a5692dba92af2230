"""The sample cases of a training run (``counter demo``), and its refusal where no guide is published."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.case.status import CaseStatus


@dataclass(frozen=True, slots=True)
class DemoCase:
    label: str  # what the sample shows, in Chinese, for the printed list
    case_no: str
    status: CaseStatus
    denied_items: tuple[str, ...] = ()  # items whose 不予批准决定书 the sample prints
    on: dt.date | None = None  # the day of that step (the demo's working day; a lapse's, after the due date)


class DemoUnavailable(Exception):
    """The catalog has no published guide of ``bundle_code`` to take sample intakes under.

    The code is kept as a value of its own: a fault crosses the service as the values its constructor takes, and
    without one it arrived empty, the refusal naming no guide."""

    def __init__(self, bundle_code: str) -> None:
        super().__init__(bundle_code)
        self.bundle_code = bundle_code
