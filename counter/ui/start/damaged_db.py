"""A damaged database file at start: say so, name the latest good backup, offer to restore it.

The one modal moment of the desk: nothing else may start on a damaged file.
恢复 puts the backup in place (the damaged file is kept beside it for a
technician); 退出 leaves everything as it is.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from counter.ui.start.damaged_db_words import (
    DB_DAMAGED,
    DB_DAMAGED_NO_BACKUP,
    DB_DAMAGED_OFFER,
    DB_DAMAGED_QUIT,
    DB_DAMAGED_RESTORE,
    DB_DAMAGED_TITLE,
    DB_RESTORED_AT_START,
)
from counter.ui.widgets.plain_text import plain_box
from counter.words.database import RESTORE_FAILED, restore_refused

log = logging.getLogger(__name__)


def offer_restore(url: str, path: Path, exit_when_ready: bool) -> bool:
    """Whether the desk may go on: only when the clerk chose 恢复 and the restore succeeded."""
    from counter.backup.sqlite_files import RestoreRefused, latest_good_backup
    from counter.host.database.backups import backups_folder
    from counter.service.local import restore_file  # the file put in place before any store opens it

    good = latest_good_backup(backups_folder())
    log.error("database file %s damaged; latest good backup: %s", path, good.path if good else "none")
    message = DB_DAMAGED + "\n\n"
    if good is None:
        message += DB_DAMAGED_NO_BACKUP
    else:
        message += DB_DAMAGED_OFFER.format(taken=f"{good.taken:%Y-%m-%d %H:%M}")
    print(message, file=sys.stderr)
    if exit_when_ready:
        return False
    box = plain_box(QMessageBox(QMessageBox.Icon.Critical, DB_DAMAGED_TITLE, message))
    restore = box.addButton(DB_DAMAGED_RESTORE, QMessageBox.ButtonRole.AcceptRole) if good else None
    quit_ = box.addButton(DB_DAMAGED_QUIT, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(quit_)
    box.exec()
    if good is None or box.clickedButton() is not restore:
        return False
    try:
        restored = restore_file(url, good.path)
    except RestoreRefused as err:  # the backup is not this program's own (its schema names how): logged already
        refused = restore_refused(err.problem, err.detail, err.differences, err.foreign)
        QMessageBox.critical(None, DB_DAMAGED_TITLE, refused)
        return False
    except OSError as err:
        log.exception("restore at start failed")
        QMessageBox.critical(None, DB_DAMAGED_TITLE, RESTORE_FAILED.format(reason=err))
        return False
    log.warning("database restored from %s at start; the damaged file kept at %s", good.path, restored.kept)
    QMessageBox.information(None, DB_DAMAGED_TITLE, DB_RESTORED_AT_START)
    return True
