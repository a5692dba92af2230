"""The Chinese fonts the app ships, made the application font.

A fresh machine often has no Chinese font at all, and Qt then draws boxes; so the
app registers WenQuanYi Micro Hei from ``resources/fonts`` itself rather than
trusting fontconfig.  Names with rare characters (䶮, 𬭚) need more than its
20,902 basic characters: the Hanazono fonts shipped beside it are registered
too and listed after it, and Qt takes each character from the first family that
has it.  Registering all three takes a few milliseconds: Qt maps the files and
reads only their tables.
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
UI_PIXEL_SIZE = 14  # at 100 % text; the desk's text size (counter.ui.text_size) scales it


def install_fonts(app: QApplication, folder: Path) -> str | None:
    """Register the shipped font and use it everywhere; the family in use, or None.

    When the file is missing the app still starts with whatever the system has
    (a clerk can work with boxes in a label better than with no window), and the
    log says why.
    """
    path = folder / FONT_FILE
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.error("font %s could not be registered; Chinese text may show as boxes", path)
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    family = FAMILY if FAMILY in families else families[0]
    fallbacks = []
    for name in FALLBACK_FILES:
        fallback_id = QFontDatabase.addApplicationFont(str(folder / name))
        if fallback_id < 0:
            log.error("font %s could not be registered; rare name characters may show as boxes", name)
        else:
            fallbacks += QFontDatabase.applicationFontFamilies(fallback_id)
    font = QFont(family)
    font.setFamilies([family, *fallbacks])
    font.setPixelSize(px(UI_PIXEL_SIZE))
    font.setStyleHint(QFont.StyleHint.SansSerif)
    app.setFont(font)
    return family
