"""This site's card to hand over, and the other side's card to register after checking its fingerprint.

The same card file as ``counter site card`` writes, and the same check as
``counter site register``: the card is read and refused with every problem
(a card changed on the way shows a fingerprint that is not its key's), then
shown with its fingerprint for the administrator to read out on the phone
before the one button that registers it.  Only an administrator sees that
button; the action checks again.
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter.access.roles import Permission
from counter.ui.door.refused import refusal_text
from counter.ui.door.runner import Failed, Runner
from counter.ui.look.fonts import MONO_FAMILY
from counter.ui.look.text_size import scaled
from counter.ui.sync import words
from counter.ui.widgets.plain_text import plain_label
from counter.words.files import file_fault
from counter.words.punctuation import CLAUSE_JOIN, LIST_JOIN
from counter.words.sites import (
    CARD_REFUSED_KEYS_CHANGED,
    FINGERPRINT_DIFFERS,
    SITE_KIND,
    STORED_KEYS_CHANGED,
    key_problem_text,
    peer_change_text,
    site_problem_text,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from counter.access.desk import Desk
    from counter.sync.site_view import Registration, ShownSite
    from counter.sync.sites import Peer, SiteIdentity

log = logging.getLogger(__name__)
# the shipped monospaced face, not fontconfig's "monospace": the fingerprint reads the same at both sites
MONO_STYLE = f"font-size: 15px; font-weight: bold; font-family: '{MONO_FAMILY}';"


class SiteCardBox(QGroupBox):
    registered = Signal(str)  # the code of the site just registered: the page reads its peers again

    def __init__(self, runner: Runner, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(words.CARD_TITLE, parent)
        self._runner = runner
        self._desk = desk
        self.identity: SiteIdentity | None = None
        self.card: SiteIdentity | None = None  # the other side's card, read and waiting for the check
        self.fingerprint = plain_label()
        self.fingerprint.setStyleSheet(scaled(MONO_STYLE))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(words.CARD_EXPORT_BUTTON)
        self.register_button = QPushButton(words.CARD_REGISTER_BUTTON)
        self.peers = plain_label(wrap=True)
        self.check = QGroupBox(words.CARD_CHECK_TITLE)
        self.check_text = plain_label(wrap=True)
        self.check_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.given = QLineEdit()
        self.given.setPlaceholderText(words.CARD_GIVEN)
        self.confirm_button = QPushButton(words.CARD_CONFIRM)
        self.cancel_button = QPushButton(words.CARD_CANCEL)
        self.message = plain_label(wrap=True)
        self.message.hide()  # until there is something to say
        self._lay_out()
        self._connect_signals()
        self.check.hide()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.register_button)
        buttons.addStretch(1)
        check_buttons = QHBoxLayout()
        check_buttons.addWidget(self.confirm_button)
        check_buttons.addWidget(self.cancel_button)
        check_buttons.addStretch(1)
        check = QVBoxLayout(self.check)
        check.addWidget(self.check_text)
        check.addWidget(self.given)
        check.addLayout(check_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fingerprint)
        layout.addLayout(buttons)
        layout.addWidget(self.peers)
        layout.addWidget(self.check)
        layout.addWidget(self.message)

    def _connect_signals(self) -> None:
        self.export_button.clicked.connect(self.on_export_clicked)
        self.register_button.clicked.connect(self.on_register_clicked)
        self.confirm_button.clicked.connect(self.on_confirm_clicked)
        self.given.returnPressed.connect(self.on_confirm_clicked)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)

    def show_site(self, shown: ShownSite, peers: Sequence[Peer], desk: Desk) -> None:
        """This site and the peers it trusts, as read by the page; ``desk`` is who acts from now on.

        The fingerprint is the key files' where they are; stored keys that are
        not theirs are said in red beneath it (the card is refused then).
        """
        from counter.sync.site_view import SiteKeys

        self._desk = desk
        self.identity = shown.identity
        text = words.CARD_FINGERPRINT.format(fingerprint=shown.identity.fingerprint)
        changed = shown.keys is SiteKeys.CHANGED
        if changed:
            text += "\n" + STORED_KEYS_CHANGED.format(path=shown.key_path)
        self.fingerprint.setText(text)
        self.fingerprint.setWordWrap(changed)
        colour = " color: #b42318;" if changed else ""
        self.fingerprint.setStyleSheet(scaled(MONO_STYLE + colour))
        named = [
            words.CARD_PEER.format(name=p.name, code=p.code, kind=SITE_KIND[p.kind.value], fingerprint=p.fingerprint)
            for p in peers
        ]
        self.peers.setText(words.CARD_PEERS.format(peers=LIST_JOIN.join(named)) if named else words.CARD_NO_PEERS)
        self.register_button.setVisible(desk.actor.may(Permission.CHANGE_SETTINGS))

    # --- this site's card --------------------------------------------------------------

    def on_export_clicked(self) -> None:
        if self.identity is None:
            return
        name = words.CARD_FILE_NAME.format(code=self.identity.code)
        path, _ = QFileDialog.getSaveFileName(self, words.CARD_EXPORT_BUTTON, name, words.CARD_FILE_FILTER)
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the card with the keys read from this machine's key files now, not the ones the page showed."""
        from counter.service.requests import Nothing
        from counter.service.site import CARD
        from counter.sync.keys import KeyUnreadable
        from counter.sync.site_faults import StoredKeysChanged

        def refused(err: Exception) -> None:
            if isinstance(err, Failed):
                self._say(err.message, error=True)
            elif isinstance(err, KeyUnreadable):  # not the machine that holds the site's keys
                self._say(key_problem_text(err.reason, err.path, err.encryption), error=True)
            elif isinstance(err, StoredKeysChanged):
                self._say(CARD_REFUSED_KEYS_CHANGED.format(path=err.path), error=True)
            else:
                raise err

        self._runner.submit(CARD, Nothing(), self._desk, owner=self, answered=partial(self._write_card, path),
                            failed=refused)  # fmt: skip

    def _write_card(self, path: Path, identity: SiteIdentity) -> None:
        from counter.sync.sites import write_card_file

        try:
            write_card_file(path, identity)
        except OSError as err:
            self._say(words.CARD_FILE_FAILED.format(fault=file_fault(err)), error=True)
            return
        self._say(words.CARD_WRITTEN.format(path=path, fingerprint=identity.fingerprint))

    # --- the other side's card ---------------------------------------------------------

    def on_register_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, words.CARD_REGISTER_BUTTON, "", words.CARD_FILE_FILTER)
        if path:
            self.read_card(Path(path))

    def read_card(self, path: Path) -> None:
        """Read the card at ``path``: refused with every problem, or shown for the fingerprint check."""
        from counter.sync.sites import read_card_file

        self.card = None
        self.check.hide()
        try:
            card, problems = read_card_file(path)
        except OSError as err:
            self._say(words.CARD_FILE_FAILED.format(fault=file_fault(err)), error=True)
            return
        if card is None:
            listed = CLAUSE_JOIN.join(site_problem_text(problem) for problem in problems)
            self._say(words.CARD_REFUSED.format(path=path, problems=listed), error=True)
            return
        self.card = card
        kind = SITE_KIND[card.kind.value]
        self.check_text.setText(
            words.CARD_CHECK.format(name=card.name, code=card.code, kind=kind, fingerprint=card.fingerprint)
        )
        self.given.clear()
        self.message.clear()
        self.message.hide()
        self.check.show()
        self.confirm_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_confirm_clicked(self) -> None:
        from counter.service.site import REGISTER_CARD, RegisterCard
        from counter.sync.site_faults import PeerRefused
        from counter.sync.sites import same_fingerprint

        card = self.card
        if card is None:
            return
        given = self.given.text().strip()
        if given and not same_fingerprint(given, card.fingerprint):
            self._say(FINGERPRINT_DIFFERS.format(given=given, fingerprint=card.fingerprint), error=True)
            self.given.setFocus(Qt.FocusReason.OtherFocusReason)
            return

        def refused(err: Exception) -> None:
            if isinstance(err, PeerRefused):
                self._say(CLAUSE_JOIN.join(site_problem_text(problem, card.code) for problem in err.codes), error=True)
            else:
                self._say(refusal_text(err), error=True)

        self._runner.submit_step(REGISTER_CARD, RegisterCard(card), self._desk, words.CARD_DB_FAILED, owner=self,
                                 answered=partial(self._registered, card), failed=refused)  # fmt: skip

    def _registered(self, card: SiteIdentity, done: Registration) -> None:
        log.info("site %s registered from its card", card.code)
        self.card = None
        self.check.hide()
        self._say(peer_change_text(done.change, done.code, done.old_fingerprint))
        self.registered.emit(done.code)

    def on_cancel_clicked(self) -> None:
        self.card = None
        self.check.hide()
        self._say(words.CARD_CANCELLED)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.show()
        self.message.setStyleSheet(f"color: {'#b42318' if error else '#1d5c2e'};")
