"""What the pad learns once a rating is kept: its number, its case, and the supervisor's alert a bad one raised."""

from __future__ import annotations

from dataclasses import dataclass

from counter.ratings.views import RectificationAlert


@dataclass(frozen=True, slots=True)
class RatingRecorded:
    rating_id: int
    case_no: str
    alert: RectificationAlert | None  # for the supervisor only, never the desk
