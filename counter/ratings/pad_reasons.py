"""The reason buttons the pad offers after a bad level: the national 测评内容 for that level, then the office's own.

One rule for the pad, the settings page that shows the list to edit, and the check of what the applicant chose.  The
national indicators come first and cannot be edited (:mod:`counter.ratings.eval_content`); the office's own list (or
the default one) follows, a label equal to a national one shown once, as the national indicator; the pad has room
for :data:`MAX_REASONS` buttons.
"""

from __future__ import annotations

from counter.ratings.eval_content import EvalContent
from counter.ratings.levels import BAD_LEVELS, Level
from counter.ratings.reasons import DEFAULT_LABELS, DEFAULT_REASONS, MAX_REASONS
from counter.ratings.settings import RatingSettings


def own_reasons(settings: RatingSettings) -> tuple[str, ...]:
    """The office's own reasons: its list, or the default one."""
    if settings.reasons:
        return tuple(r.strip() for r in settings.reasons)
    return tuple(DEFAULT_LABELS[code] for code in DEFAULT_REASONS)


def level_reasons(settings: RatingSettings, level: Level, content: EvalContent | None) -> tuple[str, ...]:
    """The buttons after ``level``: its national indicators, then the office's own, at most :data:`MAX_REASONS`."""
    national = tuple(i.label for i in content.for_level(level)) if content is not None else ()
    own = tuple(r for r in own_reasons(settings) if r not in national)
    return (national + own)[:MAX_REASONS]


def offered_reasons(settings: RatingSettings, content: EvalContent | None = None) -> tuple[str, ...]:
    """Every reason the pad may offer after some bad level, national ones first."""
    seen: dict[str, None] = {}
    for level in Level:
        if level in BAD_LEVELS:
            seen.update(dict.fromkeys(level_reasons(settings, level, content)))
    return tuple(seen)
