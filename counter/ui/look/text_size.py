"""How large the desk draws its text: 100, 125 or 150 per cent, chosen per desk and applied at start-up.

A clerk who reads small print badly, or a desk whose screen stands far off, sets a larger size once
(:mod:`counter.ui.mainwindow.text_size_dialog`); it is kept with the desk's settings (``text_scale`` in ``desk.json``)
and read when the window starts.  Every size in pixels the desk chooses goes through here: the application font, every
style sheet (:func:`scaled`), the guide's HTML and the few widths a layout fixes (:func:`px`).  Hairline borders stay
one pixel wide: a thicker line draws the eye without making anything easier to read.
"""

from __future__ import annotations

import re

PERCENTS = (100, 125, 150)
DEFAULT_PERCENT = 100

_percent = DEFAULT_PERCENT
_DECLARATION = re.compile(r"([\w-]+)(\s*:\s*)([^;{}]*)")
_LENGTH = re.compile(r"(?<![\w.#-])(\d+(?:\.\d+)?)px\b")


def percent_of(value: str) -> int:
    """The size a stored setting asks for; one the desk does not offer (a typing slip in a file) is 100."""
    try:
        percent = int(str(value).strip().rstrip("%"))
    except ValueError:
        return DEFAULT_PERCENT
    return percent if percent in PERCENTS else DEFAULT_PERCENT


def set_text_percent(percent: int) -> None:
    """Draw text at ``percent`` from now on: widgets made after this call (start-up makes them all after)."""
    global _percent  # noqa: PLW0603 -- one size for the whole process, read by every widget that is made
    _percent = percent if percent in PERCENTS else DEFAULT_PERCENT


def factor() -> float:
    return _percent / 100


def px(size: float) -> int:
    """A length of the 100 % design at the desk's text size, in whole pixels (never less than one, unless nought)."""
    return max(1, round(size * _percent / 100)) if size > 0 else 0


def scaled(sheet: str) -> str:
    """A Qt or HTML style sheet with its pixel lengths at the desk's text size (border widths excepted)."""
    if _percent == DEFAULT_PERCENT:
        return sheet

    def declaration(match: re.Match[str]) -> str:
        name, colon, value = match.groups()
        if name.startswith("border") and name != "border-radius":
            return match.group(0)
        return name + colon + _LENGTH.sub(lambda length: f"{px(float(length.group(1)))}px", value)

    return _DECLARATION.sub(declaration, sheet)
