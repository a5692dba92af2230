"""The Chinese fonts the app ships, made the application font.

A fresh machine often has no Chinese font at all, and Qt then draws boxes; so the
app registers WenQuanYi Micro Hei from ``resources/fonts`` itself rather than
trusting fontconfig.  Names with rare characters (䶮, 𬭚) need more than its
20,902 basic characters: the Hanazono fonts (CJK Extensions A-F), Plangothic
P2's Extensions G and H and Jigmo2's Extension I shipped beside it are registered too and listed after
it, and Qt takes each character from the first family that has it.

Every widget draws with the shipped fonts alone, Latin letters and digits too
(Micro Hei has full ASCII): the families are named one by one
(:func:`ui_families`), never left to fontconfig's "sans-serif", so a window is
laid out the same on a machine with DejaVu or Noto installed as on one with no
font at all.  Traditional Mongolian script (applicants' names in Mongolian, the
office's name in Mongolian) is drawn with the shipped Noto Sans Mongolian, which
Qt shapes with HarfBuzz (its joining forms, the variation selectors); only a
character none of them has falls through to what the system has.  The hinting is the app's choice
too: fontconfig's would change the width of every line.

The desk's start registers the Hanazono fonts only once its window has painted
(:func:`install_rare_fonts`): their 40 MB are read while the clerk looks at the
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

from counter.ui.look.text_size import px

log = logging.getLogger(__name__)

FONT_FILE = "wqy-microhei.ttc"
FAMILY = "WenQuanYi Micro Hei"
# CJK extensions, for rare name characters: Hanazono for Extensions A-F, Plangothic P2 for G and H, Jigmo2 for I
FALLBACK_FILES = ("hanamin-a-rare.ttf", "hanamin-b.ttf", "plangothic-ext-gh.ttf", "jigmo2-ext-i.ttf")
# the families of FALLBACK_FILES, in that order
FALLBACK_FAMILIES = ("HanaMinA", "HanaMinB", "Plangothic P2 Ext-GH subset", "Jigmo2 Ext-I subset")
MONO_FAMILY = "WenQuanYi Micro Hei Mono"  # the second face of FONT_FILE: fingerprints and codes that line up
# Traditional Mongolian script (U+1800-18AF; applicants' names in some leagues): Noto Sans Mongolian (OFL-1.1),
# registered at start with Micro Hei (a quarter of a megabyte) and named after it, so a name in Mongolian script
# is never drawn as boxes.
MONGOLIAN_FILES: tuple[str, ...] = ("noto-sans-mongolian.ttf",)
MONGOLIAN_FAMILIES: tuple[str, ...] = ("Noto Sans Mongolian",)
UI_PIXEL_SIZE = 14  # at 100 % text; the desk's text size (counter.ui.look.text_size) scales it


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
    for name in MONGOLIAN_FILES:
        if QFontDatabase.addApplicationFont(str(folder / name)) < 0:
            log.error("font %s could not be registered; Mongolian names may show as boxes", name)
    font = QFont(family)
    font.setFamilies(ui_families(family))
    font.setPixelSize(px(UI_PIXEL_SIZE))
    font.setStyleHint(QFont.StyleHint.SansSerif)
    # fontconfig's hinting would decide the width of text: full hinting (a machine with no font configuration)
    # rounds each glyph's advance and makes a line 1-5 % wider than Debian's usual slight hinting does
    font.setHintingPreference(QFont.HintingPreference.PreferVerticalHinting)
    app.setFont(font)
    if rare_now:
        install_rare_fonts(folder)
    return family


def ui_families(first: str = FAMILY) -> list[str]:
    """The application font's families in the order Qt tries them for each character.

    Micro Hei first (Chinese, Latin letters, digits, punctuation), then Mongolian script, then the rare name
    characters of the CJK extensions.  The families cover different characters, so the order among the fallbacks
    decides nothing but which file Qt looks into first.
    """
    return [first, *MONGOLIAN_FAMILIES, *FALLBACK_FAMILIES]


def install_rare_fonts(folder: Path) -> None:
    """Register the fonts of the rare name characters, and draw again what is on the screen already.

    A hall's own fonts in the folder (``extra-*.ttf``, :data:`counter.documents.fonts.EXTRA_PATTERN`: a font with
    characters newer than the shipped ones, Extension J on) are registered too and named after the shipped ones.
    """
    for name in FALLBACK_FILES:
        if QFontDatabase.addApplicationFont(str(folder / name)) < 0:
            log.error("font %s could not be registered; rare name characters may show as boxes", name)
    extra = install_extra_fonts(folder)
    app = QApplication.instance()
    if extra and isinstance(app, QApplication):
        font = app.font()
        font.setFamilies([*font.families(), *extra])
        app.setFont(font)
    for widget in QApplication.topLevelWidgets():
        widget.update()


def install_extra_fonts(folder: Path) -> list[str]:
    """Register the hall's own fonts of ``folder``; their families, in the order of the files' names."""
    from counter.documents.fonts import EXTRA_PATTERN  # the pattern only: reportlab is not loaded by it

    families: list[str] = []
    for path in sorted(folder.glob(EXTRA_PATTERN)):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.error("font %s could not be registered", path.name)
            continue
        families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    if families:
        log.info("hall's own fonts: %s", ", ".join(families))
    return families
