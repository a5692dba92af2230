"""The window that asks for an account and password, at start and when the screen is locked.

One window for both: at start anyone may sign in; when the screen locks after
idle time, the account that was signed in types its password to go on, or
someone else signs in with 换人登录 (the windows of the one before are closed,
their intake kept as the desk's draft).  Enter signs in; the password field is
cleared after each failed attempt.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from counter.ui.look.text_size import px, scaled
from counter.ui.signin import words
from counter.ui.widgets.plain_text import plain_label

STYLE = """
QWidget#signIn { background: #f4f6f8; }
QLabel#heading { font-size: 24px; font-weight: bold; color: #102a43; }
QLabel#place { font-size: 15px; color: #486581; }
QLabel#hint { font-size: 14px; color: #334e68; }
QLabel#problem { font-size: 14px; color: #b42318; }
QLineEdit { font-size: 16px; padding: 6px; min-width: 260px; }
QPushButton { font-size: 15px; padding: 6px 20px; }
"""


class SignInWindow(QWidget):
    submitted = Signal(str, str)  # login, password
    switch_requested = Signal()  # at the screen lock: someone else signs in

    def __init__(self, place: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signIn")
        self.setStyleSheet(scaled(STYLE))
        self.setWindowTitle(words.SIGNIN_TITLE)
        self.heading = plain_label(words.SIGNIN_HEADING)
        self.heading.setObjectName("heading")
        self.place = plain_label(place)
        self.place.setObjectName("place")
        self.hint = plain_label(wrap=True)
        self.hint.setObjectName("hint")
        self.hint.hide()
        self.login = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = plain_label(wrap=True)
        self.problem.setObjectName("problem")
        self.problem.hide()
        self.sign_in_button = QPushButton(words.SIGNIN_BUTTON)
        self.sign_in_button.setDefault(True)
        self.switch_button = QPushButton(words.SIGNIN_SWITCH_BUTTON)
        self.switch_button.hide()
        self._lay_out()
        self._connect_signals()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(words.SIGNIN_LOGIN, self.login)
        form.addRow(words.SIGNIN_PASSWORD, self.password)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.switch_button)
        buttons.addWidget(self.sign_in_button)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setSpacing(14)
        for widget in (self.heading, self.place, self.hint):
            column.addWidget(widget)
        column.addLayout(form)
        column.addWidget(self.problem)
        column.addLayout(buttons)
        box.setFixedWidth(px(500))
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def _connect_signals(self) -> None:
        self.sign_in_button.clicked.connect(self.on_submit)
        self.login.returnPressed.connect(self.on_login_entered)
        self.password.returnPressed.connect(self.on_submit)
        self.switch_button.clicked.connect(self.switch_requested)

    def ask_anyone(self) -> None:
        """The start, or after 换人登录: any account may sign in."""
        self.heading.setText(words.SIGNIN_HEADING)
        self.hint.hide()
        self.login.setReadOnly(False)
        self.login.clear()
        self.password.clear()
        self.problem.hide()
        self.sign_in_button.setText(words.SIGNIN_BUTTON)
        self.switch_button.hide()
        self.login.setFocus()

    def ask_to_unlock(self, login: str, name: str, idle_minutes: int | None) -> None:
        """The screen lock: only the account signed in may go on; 换人登录 for anyone else.

        ``idle_minutes`` None: the clerk locked it (Ctrl+L), not the idle timer.
        """
        self.heading.setText(words.SIGNIN_LOCKED_HEADING)
        if idle_minutes is None:
            hint = words.SIGNIN_LOCKED_BY_HAND.format(name=name, login=login)
        else:
            hint = words.SIGNIN_LOCKED_HINT.format(name=name, login=login, minutes=idle_minutes)
        self.hint.setText(hint)
        self.hint.show()
        self.login.setText(login)
        self.login.setReadOnly(True)
        self.password.clear()
        self.problem.hide()
        self.sign_in_button.setText(words.SIGNIN_UNLOCK_BUTTON)
        self.switch_button.show()
        self.password.setFocus()

    def say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.password.clear()
        self.password.setFocus()

    def on_login_entered(self) -> None:
        self.password.setFocus()

    def on_submit(self) -> None:
        login, password = self.login.text().strip(), self.password.text()
        if not login or not password:
            self.say(words.SIGNIN_EMPTY)
            return
        self.submitted.emit(login, password)
