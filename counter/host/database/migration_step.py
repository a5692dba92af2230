"""One migration of an upgrade as a face reports it (``counter db upgrade`` prints each as it starts and ends)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Step:
    """One migration of an upgrade, as it starts (``seconds`` None) and as it ends (the seconds it took)."""

    revision: str
    number: int  # its place among the migrations this upgrade runs, from 1
    count: int  # how many this upgrade runs
    seconds: float | None = None
