"""A month's 即办件 share and 承诺时限压减率, per desk or bundle and in total: what the supervisor's page and
``counter case figures`` show.

Plain data of the domain (the figures themselves are :mod:`counter.case.promise_figures`), handed across the service.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter.case.promise_figures import FigureGroup, PromiseFigures


@dataclass(frozen=True, slots=True)
class MonthFigures:
    month: str  # YYYY-MM
    group: FigureGroup
    lines: tuple[PromiseFigures, ...]
    total: PromiseFigures
