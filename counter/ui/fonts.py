"""The Chinese fonts the app ships, made the application font.

A fresh machine often has no Chinese font at all, and Qt then draws boxes; so the
app registers WenQuanYi Micro Hei from ``resources/fonts`` itself rather than
trusting fontconfig.  Names with rare characters (䶮, 𬭚) need more than its
20,902 basic characters: the Hanazono fonts shipped beside it are registered
too and listed after it, and Qt takes each character from the first family that
has it.

The desk's start registers the Hanazono fonts only once its window has painted
(:func:`install_rare_fonts`): their 36 MB are read while the clerk looks at the
screen, not before it, and the first screen (the search box, the catalog's
names) draws nothing from them.  The application font names them from the
start; Qt finds a family once it is registered, and what was already drawn is
drawn again.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from counter.ui.text_size import px

log = logging.getLogger(__name__)

FONT_FILE = "wqy-microhei.ttc"
FAMILY = "WenQuanYi Micro Hei"
FALLBACK_FILES = ("hanamin-a-rare.ttf", "hanamin-b.ttf")  # CJK extensions, for rare name characters
FALLBACK_FAMILIES = ("HanaMinA", "HanaMinB")  # the families of FALLBACK_FILES, in that order
UI_PIXEL_SIZE = 14  # at 100 % text; the desk's text size (counter.ui.text_size) scales it


def install_fonts(app: QApplication, folder: Path, rare_now: bool = True) -> str | None:
    """Register the shipped font and use it everywhere; the family in use, or None.

    ``rare_now``: register the rare characters' fonts now too; the desk's start passes False and calls
    :func:`install_rare_fonts` once its window has painted.  When the file is missing the app still starts with
    whatever the system has (a clerk can work with boxes in a label better than with no window), and the log says
    why.
    """
    path = folder / FONT_FILE
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.error("font %s could not be registered; Chinese text may show as boxes", path)
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    family = FAMILY if FAMILY in families else families[0]
    font = QFont(family)
    font.setFamilies([family, *FALLBACK_FAMILIES])
    font.setPixelSize(px(UI_PIXEL_SIZE))
    font.setStyleHint(QFont.StyleHint.SansSerif)
    app.setFont(font)
    if rare_now:
        install_rare_fonts(folder)
    return family


def install_rare_fonts(folder: Path) -> None:
    """Register the fonts of the rare name characters, and draw again what is on the screen already."""
    for name in FALLBACK_FILES:
        if QFontDatabase.addApplicationFont(str(folder / name)) < 0:
            log.error("font %s could not be registered; rare name characters may show as boxes", name)
    for widget in QApplication.topLevelWidgets():
        widget.update()
