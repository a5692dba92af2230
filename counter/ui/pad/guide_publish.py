"""The question before a 待核 guide is published: what the new version changes, and for whom.

Publishing makes the version every later intake of the bundle is taken under, so it is never one keystroke away
(one Space on 发布所选指南 published before).  The dialog says which draft becomes which version, what that means at
this site (real work may then take the bundle; or its papers stop saying 待核), and what differs from the version
this site last published: materials and items added, taken away or worded otherwise, the promised time limit.  It
starts on 取消: Enter or Esc goes back; publishing takes Alt+Y, or Tab to 确认发布 and Enter.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from counter.catalog.guide_changes import GuideChanges
from counter.catalog.publication import PublicationPreview
from counter.ui.look.text_size import scaled
from counter.ui.pad.words import (
    GUIDE_CHANGE,
    GUIDE_CHANGE_PROMISE,
    GUIDE_PUBLISH_AGAINST,
    GUIDE_PUBLISH_ASK,
    GUIDE_PUBLISH_BACK,
    GUIDE_PUBLISH_FIRST,
    GUIDE_PUBLISH_GO,
    GUIDE_PUBLISH_KEYS,
    GUIDE_PUBLISH_NO_MARK,
    GUIDE_PUBLISH_REAL_WORK,
    GUIDE_PUBLISH_SAME,
    GUIDE_PUBLISH_TITLE,
    GUIDE_PUBLISH_VERSIONS,
)
from counter.ui.widgets.plain_text import plain_label
from counter.words.catalog import time_limit
from counter.words.punctuation import LIST_JOIN


def change_lines(preview: PublicationPreview) -> list[str]:
    """What publishing does, one sentence a line, as the dialog shows it."""
    lines = [
        GUIDE_PUBLISH_VERSIONS.format(draft=preview.draft_version, new=preview.new_version, name=preview.name),
        GUIDE_PUBLISH_NO_MARK if preview.drafts_taken else GUIDE_PUBLISH_REAL_WORK,
    ]
    if preview.changes is None or preview.published_version is None:
        return [*lines, GUIDE_PUBLISH_FIRST]
    if preview.changes.none:
        return [*lines, GUIDE_PUBLISH_SAME.format(version=preview.published_version)]
    return [*lines, GUIDE_PUBLISH_AGAINST.format(version=preview.published_version), *_differences(preview.changes)]


def _differences(changes: GuideChanges) -> list[str]:
    lines = [
        "• " + sentence.format(names=LIST_JOIN.join(names))
        for key, sentence in GUIDE_CHANGE.items()
        if (names := getattr(changes, key))
    ]
    if changes.promise_changed:
        before, after = time_limit(changes.promised_before), time_limit(changes.promised_after)
        lines.append("• " + GUIDE_CHANGE_PROMISE.format(before=before, after=after))
    return lines


class PublishConfirmation(QDialog):
    def __init__(self, preview: PublicationPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(GUIDE_PUBLISH_TITLE)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(520)
        ask = plain_label(GUIDE_PUBLISH_ASK.format(name=preview.name), wrap=True)
        ask.setStyleSheet(scaled("font-weight: bold; font-size: 15px; color: #102a43;"))
        self.changes = plain_label("\n".join(change_lines(preview)), wrap=True)
        self.changes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        keys = plain_label(GUIDE_PUBLISH_KEYS, wrap=True)
        keys.setStyleSheet("color: #627d98;")
        self.back_button = QPushButton(GUIDE_PUBLISH_BACK)
        self.confirm_button = QPushButton(GUIDE_PUBLISH_GO)
        self.confirm_button.setStyleSheet(scaled("font-weight: bold; padding: 6px 14px;"))
        self.back_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.addWidget(ask)
        layout.addWidget(self.changes)
        layout.addWidget(keys)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(self.reject)
        self.confirm_button.clicked.connect(self.accept)
        # a shortcut of the dialog rather than the button's mnemonic: the key works wherever the focus is in it
        QShortcut(QKeySequence("Alt+Y"), self).activated.connect(self.accept)
        self.back_button.setFocus(Qt.FocusReason.OtherFocusReason)
