"""待核指南: the administrator's page for the guides this site has not confirmed yet (待核 drafts and 样例).

Two acts, both the site administrator's (the actions check again): whether real work may take intakes on a 待核
guide (:func:`counter.actions.catalog.guide_status.allow_draft_intake`), and publishing a draft after checking it
(:func:`counter.actions.catalog.guide_status.publish_guide`), which makes a new version and leaves the draft as it was.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from counter.access.not_permitted import NotPermitted
from counter.actions.catalog.guide_status import (
    allow_draft_intake,
    draft_guides,
    draft_intake,
    publication_preview,
    publish_guide,
)
from counter.catalog.publication import NotADraft, PublishRefused
from counter.ui.pad.guide_publish import PublishConfirmation
from counter.ui.pad.words import (
    GUIDE_STATUS_ALLOW,
    GUIDE_STATUS_FAILED,
    GUIDE_STATUS_LINE,
    GUIDE_STATUS_LIST,
    GUIDE_STATUS_NONE,
    GUIDE_STATUS_OFF,
    GUIDE_STATUS_ON,
    GUIDE_STATUS_PUBLISH,
    GUIDE_STATUS_PUBLISHED,
    GUIDE_STATUS_SAMPLE_LINE,
    GUIDE_STATUS_SAVED,
    GUIDE_STATUS_TRAINING,
)
from counter.ui.plain_text import plain_label
from counter.ui.runner import Failed, Runner
from counter.words.access import not_permitted
from counter.words.catalog_problems import PUBLISH_REFUSED, problem_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from counter.access.desk import Desk
    from counter.actions.site.store import Unit

CODE_ROLE = Qt.ItemDataRole.UserRole
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
T = TypeVar("T")


class GuideStatusPage(QWidget):
    def __init__(self, runner: Runner, desk: Desk | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk = desk  # the administrator; None: this machine's desk, nobody signed in
        self.allow = QCheckBox(GUIDE_STATUS_ALLOW)
        self.training = plain_label(GUIDE_STATUS_TRAINING)
        self.training.hide()
        self.drafts = QListWidget()
        self.drafts.setAccessibleName(GUIDE_STATUS_LIST)
        self.publish_button = QPushButton(GUIDE_STATUS_PUBLISH)
        self.message = plain_label()
        self.message.setWordWrap(True)
        self.confirmation: PublishConfirmation | None = None  # the question before publishing, the last asked
        layout = QVBoxLayout(self)
        layout.addWidget(self.allow)
        layout.addWidget(self.training)
        layout.addWidget(plain_label(GUIDE_STATUS_LIST))
        layout.addWidget(self.drafts, 1)
        layout.addWidget(self.publish_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        self.allow.clicked.connect(self.on_allow_clicked)
        self.publish_button.clicked.connect(self.on_publish_clicked)

    def load(self) -> None:
        try:
            state = self._runner.read(draft_intake, GUIDE_STATUS_FAILED)
            drafts = self._runner.read(draft_guides, GUIDE_STATUS_FAILED)
        except Failed as err:
            self.message.setText(err.message)
            return
        self.allow.setChecked(state.site_allows)
        self.training.setVisible(state.training)
        self.drafts.clear()
        for guide in drafts:
            line_text = GUIDE_STATUS_SAMPLE_LINE if guide.sample else GUIDE_STATUS_LINE
            text = line_text.format(number=guide.number, name=guide.name, version=guide.version)
            line = QListWidgetItem(text)
            line.setData(CODE_ROLE, guide.code)
            line.setData(NAME_ROLE, guide.name)
            self.drafts.addItem(line)
        if drafts:
            self.drafts.setCurrentRow(0)
        self.publish_button.setEnabled(bool(drafts))
        if not drafts:
            self.message.setText(GUIDE_STATUS_NONE)

    def on_allow_clicked(self, checked: bool) -> None:
        if self._act(partial(allow_draft_intake, allowed=checked, desk=self._desk)):
            self.message.setText(GUIDE_STATUS_SAVED.format(state=GUIDE_STATUS_ON if checked else GUIDE_STATUS_OFF))
        else:
            self.allow.setChecked(not checked)

    def on_publish_clicked(self) -> None:
        """Ask first, showing what the new version changes (:mod:`counter.ui.pad.guide_publish`)."""
        line = self.drafts.currentItem()
        if line is None:
            return
        code, name = str(line.data(CODE_ROLE)), str(line.data(NAME_ROLE))
        try:
            preview = self._runner.read(partial(publication_preview, bundle_code=code), GUIDE_STATUS_FAILED)
        except NotADraft:
            self.load()  # published meanwhile at another desk
            return
        except Failed as err:
            self.message.setText(err.message)
            return
        if self.confirmation is not None:  # the one asked before, answered: let go
            self.confirmation.deleteLater()
        self.confirmation = PublishConfirmation(preview, self)
        self.confirmation.accepted.connect(partial(self.publish, code, name))
        self.confirmation.open()

    def publish(self, code: str, name: str) -> None:
        done = self._act(partial(publish_guide, bundle_code=code, desk=self._desk))
        if done is None:
            return
        self.load()
        self.message.setText(GUIDE_STATUS_PUBLISHED.format(name=name, version=done.version))

    def _act(self, action: Callable[[Unit], T]) -> T | None:
        """The action's result, or None with the reason said."""
        try:
            return self._runner.write(action, GUIDE_STATUS_FAILED)
        except NotPermitted as refused:
            self.message.setText(not_permitted(refused.permission, refused.signed_in))
        except NotADraft:
            self.load()  # published meanwhile at another desk: the list shows what is left
        except PublishRefused as refused:  # every reason at once, the guide's name above them
            line = self.drafts.currentItem()
            name = str(line.data(NAME_ROLE)) if line is not None else refused.bundle_code
            head = PUBLISH_REFUSED.format(name=name, count=len(refused.problems))
            self.message.setText("\n".join([head, *(problem_text(p) for p in refused.problems)]))
        except Failed as err:
            self.message.setText(err.message)
        return None
