"""A lapse found early, as the list the deciding bodies correct from shows it (``counter holidays early-lapses``)."""

from __future__ import annotations

from dataclasses import dataclass

from counter.case.early_lapses import EarlyLapse


@dataclass(frozen=True, slots=True)
class EarlyLapseRow:
    """One lapse found early, as the deciding bodies see it: the case, the dates, and each item it took down with
    its deciding body (for a 补正 lapse: every item the application was for)."""

    case_no: str
    lapse: EarlyLapse
    items: tuple[tuple[str, str, str], ...]  # (code, name, deciding body)
