"""本窗口: this computer's desk — its clerk's name, its number and the clerk's photo.

A new desk names no clerk, and takes no intake until one is named (:class:`counter.intake.not_possible.ClerkUnnamed`):
this page is where the window names one, beside ``counter desk --clerk``.  The settings are the machine's
(``desk.json``), but what they say is printed on every receipt and shown on the pad: so the page goes through the
command line's checks and its trail (``admin.change_desk``), and where the database
has accounts only an administrator sees it.  The photo is copied into the data folder, so the pad keeps showing it once
the stick it came from is gone.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from counter.access.desk import Desk
from counter.access.not_permitted import NotPermitted
from counter.case.desk_name_checks import DeskNameProblem
from counter.case.desk_names import CLERK_NAME_MAX
from counter.host.machine.desk_config import (
    DeskConfig,
    drop_kept_photo,
    keep_photo,
    load_desk_config,
    save_desk_config,
)
from counter.service.admin import CHANGE_DESK
from counter.service.requests import DeskChanges
from counter.ui.door.runner import Busy, Failed, Runner
from counter.ui.look.text_size import scaled
from counter.ui.pad.style import PAGE_STYLE
from counter.ui.pad.words import (
    DESK_CLERK,
    DESK_CLERK_HINT,
    DESK_DB_FAILED,
    DESK_FIELD,
    DESK_NO,
    DESK_NO_HINT,
    DESK_NOTE,
    DESK_NOTE_ACCOUNTS,
    DESK_PHOTO,
    DESK_PHOTO_BAD,
    DESK_PHOTO_CHOOSE,
    DESK_PHOTO_CLEAR,
    DESK_PHOTO_FILTER,
    DESK_PHOTO_NONE,
    DESK_PHOTO_UNREAD,
    DESK_PROBLEMS,
    DESK_SAVE,
    DESK_SAVE_FAILED,
    DESK_SAVED,
)
from counter.ui.widgets.desk_no_field import desk_no_field
from counter.ui.widgets.plain_text import plain_label
from counter.ui.widgets.restyle import MessageLine
from counter.words.access import refused_for
from counter.words.desks import DESK_NAME_PROBLEM
from counter.words.files import file_fault
from counter.words.punctuation import CLAUSE_JOIN

log = logging.getLogger(__name__)


class DeskForm(QWidget):
    saved = Signal(object)  # dict of what changed: clerk, desk_no, photo

    def __init__(self, runner: Runner, desk: Desk, parent: QWidget | None = None) -> None:
        """``desk``: who changes it (the account signed in, or the single desk)."""
        super().__init__(parent)
        self._runner = runner
        self._desk = desk
        self.setStyleSheet(scaled(PAGE_STYLE))
        self.clerk = QLineEdit()
        self.clerk.setPlaceholderText(DESK_CLERK_HINT)
        self.desk_no = desk_no_field(DESK_NO_HINT)
        self.photo = plain_label(wrap=True)
        self.photo_path = ""  # the photo as it will be saved ("" none)
        self._saving_photo = ""  # the kept copy the save being stored names ("" none)
        self.choose_button = QPushButton(DESK_PHOTO_CHOOSE)
        self.clear_button = QPushButton(DESK_PHOTO_CLEAR)
        note = plain_label(DESK_NOTE + (DESK_NOTE_ACCOUNTS if desk.actor.signed_in else ""), wrap=True)
        note.setProperty("role", "note")
        self.message = MessageLine()
        self.save_button = QPushButton(DESK_SAVE)
        photo_buttons = QHBoxLayout()
        photo_buttons.addWidget(self.choose_button)
        photo_buttons.addWidget(self.clear_button)
        photo_buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(DESK_CLERK, self.clerk)
        form.addRow(DESK_NO, self.desk_no)
        form.addRow(DESK_PHOTO, self.photo)
        form.addRow("", photo_buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.choose_button.clicked.connect(self.on_choose_photo)
        self.clear_button.clicked.connect(self.on_clear_photo)
        self.save_button.clicked.connect(self.on_save_clicked)
        for field in (self.clerk, self.desk_no):
            field.returnPressed.connect(self.on_save_clicked)

    def load(self) -> None:
        config = load_desk_config()
        self.clerk.setText(config.clerk)
        self.desk_no.setText(config.desk_no)
        self._show_photo(config.photo)
        self.message.say("", "done")

    def _show_photo(self, path: str) -> None:
        self.photo_path = path
        self.photo.setText(path or DESK_PHOTO_NONE)
        self.clear_button.setEnabled(bool(path))

    def on_choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, DESK_PHOTO_CHOOSE, "", DESK_PHOTO_FILTER)
        if path:
            self.choose_photo(Path(path))

    def choose_photo(self, path: Path) -> None:
        """The photo to save, if it is one Qt can show (the pad draws it the same way).

        A photo refused is named to the clerk by its file name only, and its path goes to the log: the message is read
        over the counter, and a path there says nothing the clerk can act on.

        Read as every file chosen at the desk is (:func:`counter.util.bounded_read.read_bounded`): a pipe or a device
        chosen would otherwise hold the window's thread, and a file of gigabytes its memory.
        """
        from counter.util.bounded_read import PHOTO_FILE_LIMIT, TooLarge, read_bounded

        bad = DESK_PHOTO_BAD.format(name=path.name)
        try:
            data = read_bounded(path, PHOTO_FILE_LIMIT)
        except OSError as err:
            log.warning("desk photo %s could not be read: %s", path, err)
            self.message.say(DESK_PHOTO_UNREAD.format(problem=bad, cause=file_fault(err)), "problems")
            return
        except TooLarge:
            log.warning("desk photo %s is larger than %d bytes", path, PHOTO_FILE_LIMIT)
            self.message.say(bad, "problems")
            return
        picture = QPixmap()
        if not data or not picture.loadFromData(data):
            log.warning("desk photo %s (%d bytes) is no picture Qt can show", path, len(data))
            self.message.say(bad, "problems")
            return
        self._show_photo(str(path))
        self.message.say("", "done")

    def on_clear_photo(self) -> None:
        self._show_photo("")

    def changes(self, config: DeskConfig) -> dict[str, str]:
        """What the page says that the settings do not: nothing of what is unchanged is written or recorded."""
        wanted = {"clerk": self.clerk.text().strip(), "desk_no": self.desk_no.text().strip(), "photo": self.photo_path}
        now = {"clerk": config.clerk, "desk_no": config.desk_no, "photo": config.photo}
        return {name: value for name, value in wanted.items() if value != now[name]}

    def on_save_clicked(self) -> None:
        before = load_desk_config()
        changes = self.changes(before)
        if not changes:
            self.message.say(DESK_SAVED, "done")
            return
        try:
            if changes.get("photo"):
                changes["photo"] = str(keep_photo(Path(changes["photo"])))
        except OSError as err:
            self._not_saved(before, err)
            return
        in_flight, self._saving_photo = self._saving_photo, changes.get("photo", "")
        try:
            changed, refused = partial(self._changed, before, changes), partial(self._refused, before, changes)
            self._runner.submit(CHANGE_DESK, DeskChanges(changes), self._desk, DESK_DB_FAILED, owner=self,
                                answered=changed, failed=refused)  # fmt: skip
        except Busy as err:  # pressed again while they are saved
            self._saving_photo = in_flight
            if changes.get("photo") != in_flight:  # a photo is kept under its digest: the save stored may name it
                self._photo_not_taken(before, changes)
            self.message.say(err.message, "problems")

    @staticmethod
    def _photo_not_taken(before: DeskConfig, changes: dict[str, str]) -> None:
        """The copy of a new photo kept for a change that was not saved, dropped: the settings still name the old."""
        if changes.get("photo") and changes["photo"] != before.photo:
            drop_kept_photo(changes["photo"])

    def _refused(self, before: DeskConfig, changes: dict[str, str], err: Exception) -> None:
        self._saving_photo = ""
        self._photo_not_taken(before, changes)
        self._not_saved(before, err)

    def _not_saved(self, before: DeskConfig, err: Exception) -> None:
        if isinstance(err, NotPermitted):
            self.message.say(refused_for(err), "problems")
        elif isinstance(err, Failed):
            save_desk_config(before)  # written before the commit failed: the desk keeps agreeing with the trail
            self.message.say(err.message, "problems")
        elif isinstance(err, OSError):
            log.error("desk settings not saved: %s", err)
            self.message.say(DESK_SAVE_FAILED.format(fault=file_fault(err)), "problems")
        else:
            raise err

    def _changed(self, before: DeskConfig, changes: dict[str, str], problems: Sequence[DeskNameProblem]) -> None:
        self._saving_photo = ""
        if problems:
            self._photo_not_taken(before, changes)
            said = CLAUSE_JOIN.join(
                DESK_NAME_PROBLEM[p.problem.value].format(field=DESK_FIELD[p.field], limit=CLERK_NAME_MAX)
                for p in problems
            )
            self.message.say(DESK_PROBLEMS.format(problems=said), "problems")
            return
        log.info("desk settings changed: %s", sorted(changes))
        if "photo" in changes and changes["photo"] != before.photo:
            drop_kept_photo(before.photo)  # the pad shows the new one from now on
        self._show_photo(changes.get("photo", self.photo_path))
        self.message.say(DESK_SAVED, "done")
        self.saved.emit(changes)
