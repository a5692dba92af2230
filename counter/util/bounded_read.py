"""Reading a file someone hands the desk, with a size limit checked before and while it is read.

Every file the app imports — a holiday notice, a catalog file or workbook, an intake request, from a USB stick or a
share — is read whole into memory.  ``Path.read_text`` on ``/dev/zero``, on a file still growing, or on a wrong
file of gigabytes never returns, or takes the desk's memory with it.  So the size is checked before reading (a
regular file says its size) and the read itself is bounded (a device or a pipe says nothing): at most ``limit``
bytes and one more are ever read, and that one more means the file is refused.

Only a regular file is read.  A named pipe (``mkfifo``) or a device handed as a file is refused before anything is
read, as the database's number note refuses one (:mod:`counter.host.notes.database_notes`): opening a pipe nobody writes
to waits for ever (``holidays import FIFO`` hung until killed), so the file is opened without waiting and looked at
before it is read (:class:`NotRegularFile`, an :class:`OSError` the faces word as any other file fault).

A workbook is a zip archive: a small file can unpack to gigabytes.  :func:`check_workbook` adds up the sizes its
entries declare before openpyxl opens it, and refuses a workbook that would unpack beyond its limit.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
import zipfile
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)

KIB = 1024
MIB = 1024 * KIB

# What a file of each kind can honestly be: a hundred times the largest seen, and far below a desk's memory.
HOLIDAY_NOTICE_LIMIT = 1 * MIB  # the State Council's notice is a few KB of text
CATALOG_FILE_LIMIT = 2 * MIB  # one bundle's TOML: the largest shipped is 24 KB
INTAKE_REQUEST_LIMIT = 1 * MIB  # one intake's JSON: a few KB
PROJECT_FILE_LIMIT = 1 * MIB  # a project's facts or plan (JSON or TOML): a few KB
LIST_FILE_LIMIT = 4 * MIB  # a list of a project's items to import (CSV or text): a few hundred lines
SITE_CARD_LIMIT = 64 * KIB  # a site's card (JSON): two public keys and a few names, under 2 KB
PHOTO_FILE_LIMIT = 16 * MIB  # the clerk's photo for the pad: a phone's photo is a few MB
WORKBOOK_FILE_LIMIT = 32 * MIB  # a catalog workbook of every bundle: under 1 MB
WORKBOOK_UNPACKED_LIMIT = 256 * MIB  # what its zip entries may unpack to, all together


class TooLarge(Exception):
    """The file is larger than ``limit`` bytes (or unpacks to more): it was not read."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"more than {limit} bytes")
        self.limit = limit


class NotRegularFile(OSError):
    """What was named is a pipe, a device or a socket, not a file on a disk: it was not read (``kind`` says which)."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{kind}, not a regular file: {path}")
        self.path = path
        self.kind = kind


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in a few English words for the log."""
    kinds = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
             (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))  # fmt: skip
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading, once it is known to be a regular file.

    Opened without waiting (``O_NONBLOCK``: a pipe with no writer would hold the open for ever, and ``O_NOCTTY``: a
    terminal named is not taken as the process's own), then looked at: a folder raises :class:`IsADirectoryError`,
    anything else that is not a regular file :class:`NotRegularFile`, each logged in English for support.  Raises
    :class:`OSError` as opening does.
    """
    _check_name(path)
    flags = os.O_RDONLY | os.O_CLOEXEC | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(path, flags)
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "a folder, not a file", str(path))
        if not stat.S_ISREG(mode):
            log.warning("refused to read %s: %s, not a regular file", path, file_kind(mode))
            raise NotRegularFile(path, file_kind(mode))
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_stream(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes of ``stream``; :class:`TooLarge` when there are more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(limit)
    return data


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, refused unread (:class:`TooLarge`) when they are more than
    ``limit``: how every file named by the person at the desk or the command line is read.

    Raises :class:`OSError` as ``Path.read_bytes`` does, also for a name no file can have, and
    :class:`NotRegularFile` for a pipe, a device or a socket (:func:`open_regular`).
    """
    with open_regular(path) as file:
        if os.fstat(file.fileno()).st_size > limit:
            log.warning("refused to read %s: more than %d bytes", path, limit)
            raise TooLarge(limit)
        return read_stream(file, limit)  # a file still growing stops at the limit too


def check_workbook(path: Path) -> None:
    """Raise :class:`TooLarge` for a workbook file over :data:`WORKBOOK_FILE_LIMIT` or whose entries unpack to more
    than :data:`WORKBOOK_UNPACKED_LIMIT`.

    A file that is not a zip archive at all is left for openpyxl to name.
    """
    _check_name(path)
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        return  # not a workbook, and openpyxl says so without reading anything
    if not stat.S_ISREG(info.st_mode):  # a device has no end to read to, and a pipe nobody writes to holds the open
        log.warning("refused to open the workbook %s: %s, not a regular file", path, file_kind(info.st_mode))
        raise NotRegularFile(path, file_kind(info.st_mode))
    if info.st_size > WORKBOOK_FILE_LIMIT:
        raise TooLarge(WORKBOOK_FILE_LIMIT)
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(entry.file_size for entry in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        return
    if total > WORKBOOK_UNPACKED_LIMIT:
        raise TooLarge(WORKBOOK_UNPACKED_LIMIT)


def _check_name(path: Path) -> None:
    """A name with a NUL character, which no system's file can have, refused as the system refuses a file it cannot
    find (:class:`OSError`): Python raises ``ValueError`` for it before asking the system, which no caller expects of
    a file typed on the command line."""
    if "\x00" in str(path):
        raise OSError(errno.EINVAL, "a file name cannot hold a NUL character", str(path).replace("\x00", "\\0"))
