"""The right side of the window: the guide of one bundle, whole, on one scrolling page.

It shows plain data only (a :class:`Bundle` and its version number); loading
it is the window's business, one operation per user event.  The HTML builders
(and through them :mod:`counter.words.catalog`) are imported when the first guide is
shown, not while the window starts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from counter.ui import words
from counter.ui.guide.document_browser import DocumentBrowser
from counter.ui.guide.situation_panel import SituationPanel
from counter.ui.look.text_size import scaled
from counter.ui.widgets.plain_text import plain_label

if TYPE_CHECKING:
    from collections.abc import Mapping

    from counter.catalog.model import Bundle
    from counter.catalog.site_contacts import SiteContacts

STYLE = """
QWidget#guidePage { background: #ffffff; }
QLabel#guideTitle { font-size: 22px; font-weight: bold; color: #102a43; }
QLabel#guideNumber { color: #486581; }
QLabel#sampleNotice, QLabel#draftNotice {
    background: #fff4e5; color: #8a4b08; border: 1px solid #f5c16c; border-radius: 4px; padding: 6px 10px;
}
QLabel#materialsHeading { font-size: 17px; font-weight: bold; color: #0b4f8a; padding-top: 14px; }
QLabel#emptyHint { color: #486581; font-size: 15px; }
"""


class GuideView(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bundle: Bundle | None = None
        self.version: int | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(words.DESK_GUIDE_NAME)
        page = QWidget()
        page.setObjectName("guidePage")
        page.setStyleSheet(scaled(STYLE))
        self.number = plain_label()
        self.number.setObjectName("guideNumber")
        self.title = plain_label(wrap=True)
        self.title.setObjectName("guideTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sample_notice = plain_label(wrap=True)
        self.sample_notice.setObjectName("sampleNotice")
        self.draft_notice = plain_label(wrap=True)  # 待核: the guide is not confirmed by this site yet
        self.draft_notice.setObjectName("draftNotice")
        self.empty_hint = plain_label(words.DESK_GUIDE_EMPTY, wrap=True)
        self.empty_hint.setObjectName("emptyHint")
        self.body = DocumentBrowser()
        self.body.setAccessibleName(words.DESK_GUIDE_NAME)
        self.materials_heading = plain_label(words.DESK_H_MATERIALS)
        self.materials_heading.setObjectName("materialsHeading")
        self.situations = SituationPanel()
        self.materials = DocumentBrowser()
        self.materials.setAccessibleName(words.DESK_H_MATERIALS)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 18, 24, 24)
        layout.setSpacing(8)
        for widget in (
            self.number,
            self.title,
            self.sample_notice,
            self.draft_notice,
            self.empty_hint,
            self.body,
            self.materials_heading,
            self.situations,
            self.materials,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setWidget(page)
        self.show_empty()

    def show_empty(self) -> None:
        self.bundle, self.version = None, None
        for widget in (self.number, self.title, self.sample_notice, self.draft_notice, self.body):
            widget.hide()
        self._show_materials(False)
        self.empty_hint.show()

    def show_bundle(
        self,
        bundle: Bundle,
        version: int | None,
        deciders: Mapping[str, str] | None = None,
        site: SiteContacts | None = None,
        *,
        received: bool = False,
    ) -> None:
        """The guide; ``deciders`` names each item's department at this site (by 实施编码); ``received``: the site
        only receives every item, and its 办理流程 says so (:mod:`counter.catalog.received_step`)."""
        from counter.catalog.model import GuideStatus
        from counter.ui.guide.guide_html import guide_html, unpublished_html
        from counter.ui.guide.materials_html import materials_html
        from counter.words.catalog import DRAFT_GUIDE, SAMPLE_GUIDE

        self.bundle, self.version = bundle, version
        self.sample_notice.setText(SAMPLE_GUIDE)
        self.draft_notice.setText(DRAFT_GUIDE)
        self.empty_hint.hide()
        self.number.setText(words.DESK_BUNDLE_NUMBER.format(number=bundle.number))
        self.title.setText(bundle.name)
        self.number.show()
        self.title.show()
        self.sample_notice.setVisible(bundle.sample and bundle.has_guide)
        self.draft_notice.setVisible(bundle.status is GuideStatus.DRAFT)
        self.body.show()
        if not bundle.has_guide:
            self.body.show_html(unpublished_html())
            self._show_materials(False)
        else:
            self.body.show_html(guide_html(bundle, deciders, site, received=received))
            self._show_materials(True)
            self.situations.show_situations(bundle.situations)
            self.materials.show_html(materials_html(bundle, {}))
        self.verticalScrollBar().setValue(0)

    def on_answers_changed(self, answers: dict[str, str]) -> None:
        from counter.ui.guide.materials_html import materials_html

        if self.bundle is not None and self.bundle.has_guide:
            self.materials.show_html(materials_html(self.bundle, answers))

    def _show_materials(self, visible: bool) -> None:
        self.materials_heading.setVisible(visible)
        self.materials.setVisible(visible)
        self.situations.setVisible(visible and bool(self.bundle and self.bundle.situations))
