"""Qt's own words (OK, Cancel, Save, the print and file dialogs' buttons) in the desk's language.

Qt draws its standard buttons and dialogs in English unless a translator of its own is installed on the
application.  PySide6 ships Qt's catalogues (``qtbase_zh_CN.qm`` …) in Qt's translations folder; this installs the
one for the active language of :mod:`counter.words.translate` (Chinese by default), so a message box reads
确定 / 取消 like every other word of the window.  Called once, right after the QApplication is made.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from counter.words.translate import active_language

log = logging.getLogger(__name__)

# the app's language codes where Qt names its catalogue otherwise
_QT_NAMES = {"zh": "zh_CN", "zh_Hans": "zh_CN"}


def qt_catalogue_name(language: str) -> str:
    """The suffix of Qt's catalogue for ``language``: ``zh_CN`` for the source, ``en`` for English …"""
    return _QT_NAMES.get(language, language)


def install_qt_language(app: QCoreApplication, language: str | None = None) -> QTranslator | None:
    """Install Qt's own translation for ``language`` (the active one when not given) on ``app``.

    Returns the installed translator (kept as a child of ``app``, so it lives as long as the application), or
    ``None`` when Qt has no catalogue for the language: then Qt's words stay English, which is logged, never fatal.
    """
    name = qt_catalogue_name(language or active_language())
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if not translator.load(f"qtbase_{name}", folder):
        log.warning("Qt has no catalogue qtbase_%s in %s: its own buttons stay in English", name, folder)
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    return translator
