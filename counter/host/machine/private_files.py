"""Every file the app writes is its user's alone: 0600 files in 0700 folders.

The database, its backups, the exports, the sync packages, the PDFs and the logs hold applicants' names, ID numbers
and phones; on a desk that several system users share, or a township laptop handed round, none of it may be
readable by another account.  The simplest way that cannot forget a file is the process's umask, set once at the
start of every run (:func:`keep_files_private`): whatever the app or a library it calls creates — SQLite's
``-wal`` and ``-shm`` included, which the app never opens itself — is created without group or other bits.

A umask acts only on what is created.  A data folder made by an older version (0755) is narrowed when it is next
used (:func:`narrow_folder`); the files inside it then cannot be reached by anyone else, whatever their own mode.
Windows ignores these bits and keeps the user's profile private by its own access lists.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_UMASK = 0o077
PRIVATE_FOLDER = 0o700


def keep_files_private() -> None:
    """From now on, what this process creates is readable and writable by its user alone."""
    os.umask(PRIVATE_UMASK)


def narrow_folder(folder: Path) -> None:
    """Take group and other access away from one of the app's own folders that an older version made wider.

    Only a folder this user owns: a folder an administrator set up for the desk is left as they chose it.
    """
    if os.name != "posix":
        return
    try:
        info = folder.stat()
        if info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) & 0o077:
            folder.chmod(PRIVATE_FOLDER)
            log.info("folder %s narrowed to 0700", folder)
    except OSError as err:  # the desk works on; the log says why the folder stayed as it was
        log.warning("folder %s not narrowed: %s", folder, err)
