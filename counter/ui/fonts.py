"""The Chinese font the app ships, made the application font.

A fresh machine often has no Chinese font at all, and Qt then draws boxes; so the
app registers WenQuanYi Micro Hei from ``resources/fonts`` itself rather than
trusting fontconfig.  Registering the 5 MB collection takes a few milliseconds:
Qt maps the file and reads only its tables.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

FONT_FILE = "wqy-microhei.ttc"
FAMILY = "WenQuanYi Micro Hei"
UI_PIXEL_SIZE = 14


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
    font = QFont(family)
    font.setPixelSize(UI_PIXEL_SIZE)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    app.setFont(font)
    return family
