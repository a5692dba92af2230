"""材料照片: the pages a document camera took of a case's materials, as thumbnails on the case page.

Keyboard first: the list is one Tab stop, the arrows choose a page, Enter opens it large (Esc closes it).  A page the
clerk compared with the original says so under its thumbnail and above it when large.  The section is hidden for a
case without pages, as most are.  Nothing here prints a page: the papers carry none.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QListView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from counter.case.moments import minute_text
from counter.case.pages import MaterialPage
from counter.ui.cases import words
from counter.ui.look.geometry import screen_of
from counter.ui.look.text_size import px
from counter.ui.widgets.plain_text import plain_label
from counter.words.punctuation import GAP

THUMB = 140  # pixels of a thumbnail's long side, before the text size: a page's layout recognisable, several a row
LARGE_SHARE = 0.9  # of the screen a page opened large may fill


def page_line(page: MaterialPage, names: dict[str, str]) -> str:
    line = words.CASE_PAGE_LINE.format(name=names.get(page.material_code, page.material_code), page=page.page_no)
    return f"{line}\n{words.CASE_PAGE_COMPARED}" if page.compared else line


def one_line(line: str) -> str:
    """A thumbnail's text, its lines side by side."""
    first, _, second = line.partition("\n")
    return GAP.format(first=first, second=second) if second else first


class PageViewer(QDialog):
    """One page large, fitted to the screen; Esc closes it."""

    def __init__(self, case_no: str, page: MaterialPage, line: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(words.CASE_PAGE_TITLE_LARGE.format(case_no=case_no, line=one_line(line)))
        screen = screen_of(self).availableGeometry()  # its case page's, before it is shown
        room = QSize(int(screen.width() * LARGE_SHARE), int(screen.height() * LARGE_SHARE) - px(60))
        image = QPixmap.fromImage(QImage.fromData(page.jpeg))
        self.image = QLabel()
        smooth = Qt.TransformationMode.SmoothTransformation
        self.image.setPixmap(image.scaled(room, Qt.AspectRatioMode.KeepAspectRatio, smooth))
        taken = words.CASE_PAGE_TAKEN.format(clerk=page.clerk, time=minute_text(page.captured_at))
        self.caption = plain_label(GAP.format(first=one_line(line), second=taken))
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.image, 1, Qt.AlignmentFlag.AlignCenter)


class MaterialPages(QWidget):
    """The section: its heading, the keys, and the thumbnails by material and page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = plain_label(words.CASE_PAGES)
        heading.setObjectName("sectionHeading")
        keys = plain_label(words.CASE_PAGES_KEYS)
        keys.setProperty("role", "keys")
        self.list = QListWidget()
        self.list.setAccessibleName(words.CASE_PAGES)
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setIconSize(QSize(px(THUMB), px(THUMB)))
        self.list.setWordWrap(True)
        self.list.setGridSize(QSize(px(THUMB) + px(60), px(THUMB) + px(64)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(keys)
        layout.addWidget(self.list)
        self.pages: tuple[MaterialPage, ...] = ()
        self.case_no = ""
        self.viewer: PageViewer | None = None
        self._names: dict[str, str] = {}
        self.list.itemActivated.connect(self.open_large)
        self.hide()

    def show_pages(self, case_no: str, pages: tuple[MaterialPage, ...], names: dict[str, str]) -> None:
        """The case's pages, its materials' names by code; hidden when it has none."""
        if (case_no, pages) == (self.case_no, self.pages):
            return  # read again after a step: the same pages, the clerk's place in the list kept
        self.case_no, self.pages, self._names = case_no, pages, names
        self.list.clear()
        for index, page in enumerate(pages):
            thumb = QImage.fromData(page.jpeg).scaled(
                px(THUMB), px(THUMB), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            item = QListWidgetItem(QIcon(QPixmap.fromImage(thumb)), page_line(page, names))
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.list.addItem(item)
        rows = max(1, -(-len(pages) // 4))  # four a row at the narrowest window: all shown, the page scrolls
        self.list.setMinimumHeight(min(rows, 3) * (px(THUMB) + px(70)))
        self.setVisible(bool(pages))
        if pages:
            self.list.setCurrentRow(0)

    def open_large(self, item: QListWidgetItem) -> PageViewer:
        page = self.pages[int(item.data(Qt.ItemDataRole.UserRole))]
        self.viewer = PageViewer(self.case_no, page, page_line(page, self._names), self.window())
        self.viewer.open()
        return self.viewer
