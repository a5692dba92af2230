"""An error nobody foresaw, in the window: a Chinese sentence and a saved report, and the desk goes on.

Qt calls Python slots from its event loop; an exception escaping one would only
print a traceback to a console nobody reads.  The hook saves the report (masked,
in the data folder), says in a non-modal box where it is, and returns, so the
event loop carries on and the clerk keeps the work on screen.
"""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from counter.ui.widgets.plain_text import plain_box
from counter.ui.words import DESK_UNEXPECTED_TITLE


def on_unexpected(kind: type[BaseException], err: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, err, tb)
        return
    # the report's code and its words are loaded by the error that needs them, not by every start of the desk
    from counter.host.machine.errors import report_unexpected
    from counter.words.host import unexpected_text

    saved = report_unexpected(err.with_traceback(tb))
    message = unexpected_text(saved.report)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        print(message, file=sys.stderr)
        return
    box = plain_box(QMessageBox(QMessageBox.Icon.Warning, DESK_UNEXPECTED_TITLE, message))
    box.setModal(False)
    box.setObjectName("unexpectedError")
    box.show()
    app.setProperty("lastUnexpectedError", message)
    unexpected_boxes.append(box)  # kept alive until closed, then let go
    box.finished.connect(lambda _result: unexpected_boxes.remove(box))


unexpected_boxes: list[QMessageBox] = []


def install() -> None:
    sys.excepthook = on_unexpected
