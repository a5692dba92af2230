"""The clerk's card on the pad: who serves at this desk, with a photo cut to a circle or the name's first
character.  The idle page and the rating page show one each."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPainterPath, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from counter.ui.pad.pad_script import mongolian
from counter.ui.pad.words import PAD_CLERK, PAD_DESK, PAD_STAFF_NO
from counter.ui.widgets.plain_text import plain_label
from counter.ui.widgets.restyle import set_style_property
from counter.ui.widgets.unbroken import unbroken, unbroken_name
from counter.words.punctuation import GAP

AVATAR = 72  # at 800×480
Words = Callable[[str], str]  # a Chinese source → the pad's language (counter.words.translate.words_in)


def pad_label(role: str, text: str = "", wrap: bool = False) -> QLabel:
    """A label styled by its ``role`` in the pad's style sheet."""
    made = plain_label(text)
    made.setProperty("role", role)
    made.setWordWrap(wrap)
    return made


def touch_button(text: str, role: str) -> QPushButton:
    """A button for a finger: it never takes the keyboard focus, so it never looks chosen before it is touched."""
    button = QPushButton(text)
    button.setProperty("role", role)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


def _round_photo(path: str, size: int) -> QPixmap | None:
    """The clerk's photo cut to a circle, or None when there is none or it cannot be read."""
    source = QPixmap(path) if path else QPixmap()
    if source.isNull():
        return None
    source = source.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                           Qt.TransformationMode.SmoothTransformation)  # fmt: skip
    result = QPixmap(size, size)
    result.fill(Qt.GlobalColor.transparent)
    painter = QPainter(result)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    clip = QPainterPath()
    clip.addEllipse(QRectF(0, 0, size, size))
    painter.setClipPath(clip)
    painter.drawPixmap((size - source.width()) // 2, (size - source.height()) // 2, source)
    painter.end()
    return result


class NameLine(QLabel):
    """The clerk's title and name: the name moves to the next line whole (工作人员： / 阿拉坦其其格·孟和巴雅尔), and
    only where the card is narrower than the whole name does it break, after the dot between its parts
    (阿拉坦其其格· / 孟和巴雅尔), never inside one, nor is it cut at the card's edge."""

    def __init__(self) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self._title = "{clerk}"
        self._name = ""

    def set_name(self, title: str, name: str) -> None:
        """``title`` with ``{clerk}`` where the name stands."""
        self._title, self._name = title, name
        self.setText(self._text_for(self.contentsRect().width()))

    def _text_for(self, width: int) -> str:
        """The whole name kept on one line where ``width`` holds it, else broken only after its dots."""
        if not self._name:
            return ""
        whole = QFontMetricsF(self.font()).horizontalAdvance(self._name) <= width - 2 * self.margin()
        return self._title.format(clerk=unbroken(self._name) if whole else unbroken_name(self._name))

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        margins = self.contentsMargins()
        inner = width - margins.left() - margins.right()
        text = self._text_for(inner)
        flags = int(Qt.TextFlag.TextWordWrap)
        box = self.fontMetrics().boundingRect(QRect(0, 0, max(1, inner - 2 * self.margin()), 100_000), flags, text)
        return box.height() + margins.top() + margins.bottom() + 2 * self.margin()

    def follow_width(self) -> bool:
        """The name set for the width the label has now; whether its text changed."""
        text = self._text_for(self.contentsRect().width())
        if text == self.text():
            return False
        self.setText(text)
        return True

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        self.follow_width()
        super().resizeEvent(event)


class ClerkCard(QFrame):
    """Who serves at this desk: photo (or the name's first character), name, staff number, office and desk."""

    def __init__(self, parent: QWidget | None = None, *, office_line: bool = True) -> None:
        """``office_line``: the office and the desk at the card's foot; none where the page names both already."""
        super().__init__(parent)
        self.setProperty("role", "card")
        self.avatar = pad_label("avatar")
        self.avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # a long name (a Mongolian clerk's, an office's full title) wraps, or at worst is cut at the card's edge: it
        # must never widen the pad past the screen and push the faces off it
        self.clerk = NameLine()
        self.clerk.setProperty("role", "clerk")
        self.staff = pad_label("staff")
        self.office = pad_label("office", wrap=True)
        # a new policy drops the height-for-width a wrapping label sets on its own: kept, so a name that wraps to two
        # lines is given the height of two (counter.ui.pad.controller places a shared pad at that height)
        wrapping = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        wrapping.setHeightForWidth(True)
        for label in (self.clerk, self.office):
            label.setSizePolicy(wrapping)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.clerk)
        text.addWidget(self.staff)
        text.addWidget(self.office)
        self._office_line = office_line
        layout = QHBoxLayout(self)
        layout.addWidget(self.avatar)
        layout.addLayout(text, 1)
        self._photo = ""
        self._initial = ""
        self._size = AVATAR

    def show_clerk(
        self, office: str, desk_no: str, clerk: str, staff_no: str, photo: str, words: Words = str, office_mn: str = ""
    ) -> None:
        """``office_mn``: the office's name in Mongolian script (单位信息), shown instead of the Chinese one on a pad
        that speaks Mongolian; a pad that does not, or an office with no Mongolian name, shows the Chinese."""
        if office_mn and mongolian(words(PAD_DESK)):
            office = office_mn
        self.clerk.set_name(words(PAD_CLERK), clerk)
        self.clerk.setVisible(bool(clerk))  # a desk whose clerk nobody named shows no name, never a title
        self.staff.setText(words(PAD_STAFF_NO).format(staff_no=staff_no) if staff_no else "")
        self.staff.setVisible(bool(staff_no))
        shown = GAP.format(first=office, second=words(PAD_DESK).format(desk_no=desk_no))
        self.office.setText(shown)
        self.office.setHidden(not self._office_line)
        self._initial = clerk[:1]
        self._photo = photo
        self.set_avatar_size(self._size)

    def set_avatar_size(self, size: int) -> None:
        self._size = size
        self.avatar.setFixedSize(size, size)
        # a radius over half the size is ignored by Qt (the circle turns square): always exactly half
        self.avatar.setStyleSheet(f"border-radius: {size // 2}px; font-size: {size * 0.47:.0f}px;")  # fills the disc
        photo = _round_photo(self._photo, size)
        if photo is None:
            self.avatar.setPixmap(QPixmap())
            self.avatar.setText(self._initial)
            set_style_property(self.avatar, "role", "avatar")
        else:
            self.avatar.setPixmap(photo)
            set_style_property(self.avatar, "role", "photo")
