"""待核指南: the administrator's page for the guides this site has not confirmed yet (待核 drafts and 样例).

Two acts, both the site administrator's (the service checks again): whether real work may take intakes on a 待核
guide (``catalog.allow_draft_intake``), and publishing a draft after checking it (``catalog.publish_guide``), which
makes a new version and leaves the draft as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from counter.catalog.publication import NotADraft, Publication, PublicationPreview, PublishRefused
from counter.service.admin import GUIDE_DRAFTS, PUBLICATION_PREVIEW, GuideDrafts
from counter.service.catalog import ALLOW_DRAFT_INTAKE, PUBLISH_GUIDE, AllowDraftIntake
from counter.service.requests import BundleCode, Nothing
from counter.ui.door.refused import refusal_text
from counter.ui.door.runner import Failed, Runner, failures_to
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
from counter.ui.widgets.plain_text import plain_label
from counter.words.catalog_problems import PUBLISH_REFUSED, problem_text

if TYPE_CHECKING:
    from counter.access.desk import Desk
    from counter.service.operation import Operation

CODE_ROLE = Qt.ItemDataRole.UserRole
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
Req = TypeVar("Req")
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
        self.message = plain_label(wrap=True)
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

    def load(self, then: Callable[[], None] | None = None) -> None:
        """The drafts and the site's standing read again and shown; ``then`` once they are."""

        def failed(err: Failed) -> None:
            self.message.setText(err.message)

        self._runner.submit(GUIDE_DRAFTS, Nothing(), self._desk, GUIDE_STATUS_FAILED, owner=self,
                            answered=partial(self._read, then), failed=failures_to(failed))  # fmt: skip

    def _read(self, then: Callable[[], None] | None, found: GuideDrafts) -> None:
        """The page drawn from what was read: what the message said of an earlier read or step goes with it
        (``then`` says what the step that read it again did)."""
        state, drafts = found.intake, found.drafts
        self.message.clear()
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
        if then is not None:
            then()

    def on_allow_clicked(self, checked: bool) -> None:
        def saved(_none: None) -> None:
            self.message.setText(GUIDE_STATUS_SAVED.format(state=GUIDE_STATUS_ON if checked else GUIDE_STATUS_OFF))

        self._act(ALLOW_DRAFT_INTAKE, AllowDraftIntake(checked), saved, lambda: self.allow.setChecked(not checked))

    def on_publish_clicked(self) -> None:
        """Ask first, showing what the new version changes (:mod:`counter.ui.pad.guide_publish`)."""
        line = self.drafts.currentItem()
        if line is None:
            return
        code, name = str(line.data(CODE_ROLE)), str(line.data(NAME_ROLE))

        def failed(err: Exception) -> None:
            if isinstance(err, NotADraft):
                self.load()  # published meanwhile at another desk
            elif isinstance(err, Failed):
                self.message.setText(err.message)
            else:
                raise err

        self._runner.submit(PUBLICATION_PREVIEW, BundleCode(code), self._desk, GUIDE_STATUS_FAILED, owner=self,
                            answered=partial(self._confirm, code, name), failed=failed)  # fmt: skip

    def _confirm(self, code: str, name: str, preview: PublicationPreview) -> None:
        if self.confirmation is not None:  # the one asked before, answered: let go
            self.confirmation.deleteLater()
        self.confirmation = PublishConfirmation(preview, self)
        self.confirmation.accepted.connect(partial(self.publish, code, name))
        self.confirmation.open()

    def publish(self, code: str, name: str) -> None:
        def published(publication: Publication) -> None:
            said = GUIDE_STATUS_PUBLISHED.format(name=name, version=publication.version)
            self.load(lambda: self.message.setText(said))

        self._act(PUBLISH_GUIDE, BundleCode(code), published)

    def _act(
        self, op: Operation[Req, T], request: Req, done: Callable[[T], None], undone: Callable[[], None] | None = None
    ) -> None:
        """The operation asked, its answer to ``done``; refused or failed, the reason said and ``undone``."""

        def refused(err: Exception) -> None:
            if isinstance(err, NotADraft):
                self.load()  # published meanwhile at another desk: the list shows what is left
            elif isinstance(err, PublishRefused):  # every reason at once, the guide's name above them
                line = self.drafts.currentItem()
                name = str(line.data(NAME_ROLE)) if line is not None else err.bundle_code
                head = PUBLISH_REFUSED.format(name=name, count=len(err.problems))
                self.message.setText("\n".join([head, *(problem_text(p) for p in err.problems)]))
            else:
                self.message.setText(refusal_text(err))
            if undone is not None:
                undone()

        self._runner.submit_step(op, request, self._desk, GUIDE_STATUS_FAILED, owner=self, answered=done,
                                 failed=refused)  # fmt: skip
