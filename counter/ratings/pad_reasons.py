"""The reason buttons the pad offers after a bad level: the office's own list, or the default one.

One rule for the pad, the settings page that shows the list to edit, and the check of what the applicant chose.
"""

from __future__ import annotations

from counter.ratings.reasons import DEFAULT_LABELS, DEFAULT_REASONS
from counter.ratings.settings import RatingSettings


def offered_reasons(settings: RatingSettings) -> tuple[str, ...]:
    """The reason buttons of the pad: the office's list, or the default one."""
    if settings.reasons:
        return tuple(r.strip() for r in settings.reasons)
    return tuple(DEFAULT_LABELS[code] for code in DEFAULT_REASONS)
