"""The intake's window while the database is still opening: shown at F5 at once, filled once the database answers.

A quick start shows the window before the database is open; the warm-up thread opens it behind (SQLAlchemy and the
tables: most of a second of the interpreter on a loaded desk), then imports the intake's package.  F5 pressed in that
time waited for all of it, and for the panel's build, before anything showed: about three seconds with the applicant
standing at the window, and the ID number typed meanwhile went to the search box.  This window is shown instead, at
once, where the intake will be and as large: the bundle's name (the search's index has it), 正在打开……, and the
keyboard in the applicant's ID number, which the clerk types first.  The panel is then built as ever, through the
window's runner, and takes over what was typed (:meth:`counter.ui.mainwindow.desk_intake.DeskIntake.start_intake`).

Only Qt and the desk's words here: the module is imported at F5 on the window's thread, with the database opening.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget

from counter.ui import words
from counter.ui.look.geometry import fit_to_screen
from counter.ui.look.text_size import scaled
from counter.ui.widgets.plain_text import plain_label

#: the intake's window at 100 % text (counter.ui.look.geometry): the panel opens where this one was, as large
WINDOW_SIZE = (1280, 800)


class IntakeOpening(QWidget):
    """The intake of ``bundle_name`` being opened: its name, what it waits for, the ID number's line to type in."""

    def __init__(self, bundle_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle(words.DESK_INTAKE_OPENING_TITLE.format(bundle=bundle_name))
        # a long name wraps rather than widen the window past a small screen
        self.name_label = plain_label(bundle_name, wrap=True)
        self.name_label.setStyleSheet(scaled("font-size: 18px; font-weight: bold; color: #102a43;"))  # the panel's
        self.state_label = plain_label(words.DESK_INTAKE_OPENING)
        self.id_edit = QLineEdit()
        self.id_edit.setAccessibleName(words.DESK_INTAKE_OPENING_ID)
        form = QFormLayout()
        form.addRow(plain_label(words.DESK_INTAKE_OPENING_ID), self.id_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name_label)
        layout.addWidget(self.state_label)
        layout.addLayout(form)
        layout.addStretch(1)
        # Esc gives the intake up before it opened: nothing was typed into it yet but the number, and no draft made
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)

    def typed(self) -> str:
        """What the clerk typed while the intake opened: the applicant's number, for the panel's line."""
        return self.id_edit.text()


def show_opening(parent: QWidget, bundle_name: str) -> IntakeOpening:
    """Shown, in front and with the keyboard in the ID number's line, as the panel itself is shown."""
    opening = IntakeOpening(bundle_name, parent)
    fit_to_screen(opening, WINDOW_SIZE)
    opening.show()
    opening.raise_()
    opening.activateWindow()
    opening.id_edit.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
    return opening
