"""Reading a file someone hands the desk, with a size limit checked before and while it is read.

Every file the app imports — a holiday notice, a catalog file or workbook, an intake request, from a USB stick or a
share — is read whole into memory.  ``Path.read_text`` on ``/dev/zero``, on a file still growing, or on a wrong
file of gigabytes never returns, or takes the desk's memory with it.  So the size is checked before reading (a
regular file says its size) and the read itself is bounded (a device or a pipe says nothing): at most ``limit``
bytes and one more are ever read, and that one more means the file is refused.

A workbook is a zip archive: a small file can unpack to gigabytes.  :func:`check_workbook` adds up the sizes its
entries declare before openpyxl opens it, and refuses a workbook that would unpack beyond its limit.
"""

from __future__ import annotations

import errno
import os
import stat
import zipfile
from pathlib import Path
from typing import BinaryIO

KIB = 1024
MIB = 1024 * KIB

# What a file of each kind can honestly be: a hundred times the largest seen, and far below a desk's memory.
HOLIDAY_NOTICE_LIMIT = 1 * MIB  # the State Council's notice is a few KB of text
CATALOG_FILE_LIMIT = 2 * MIB  # one bundle's TOML: the largest shipped is 24 KB
INTAKE_REQUEST_LIMIT = 1 * MIB  # one intake's JSON: a few KB
WORKBOOK_FILE_LIMIT = 32 * MIB  # a catalog workbook of every bundle: under 1 MB
WORKBOOK_UNPACKED_LIMIT = 256 * MIB  # what its zip entries may unpack to, all together


class TooLarge(Exception):
    """The file is larger than ``limit`` bytes (or unpacks to more): it was not read."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"more than {limit} bytes")
        self.limit = limit


def read_stream(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes of ``stream``; :class:`TooLarge` when there are more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(limit)
    return data


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the file at ``path``, refused unread (:class:`TooLarge`) when they are more than ``limit``.

    Raises :class:`OSError` as ``Path.read_bytes`` does, also for a name no file can have.
    """
    _check_name(path)
    with path.open("rb") as file:
        info = os.fstat(file.fileno())
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise TooLarge(limit)
        return read_stream(file, limit)


def check_workbook(path: Path, limit: int = WORKBOOK_FILE_LIMIT, unpacked: int = WORKBOOK_UNPACKED_LIMIT) -> None:
    """Raise :class:`TooLarge` for a workbook file over ``limit`` or whose entries unpack to more than ``unpacked``.

    A file that is not a zip archive at all is left for openpyxl to name.
    """
    _check_name(path)
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        return  # not a workbook, and openpyxl says so without reading anything
    if not stat.S_ISREG(info.st_mode) or info.st_size > limit:  # a device or a pipe has no end to read to
        raise TooLarge(limit)
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(entry.file_size for entry in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        return
    if total > unpacked:
        raise TooLarge(unpacked)


def _check_name(path: Path) -> None:
    """A name with a NUL character, which no system's file can have, refused as the system refuses a file it cannot
    find (:class:`OSError`): Python raises ``ValueError`` for it before asking the system, which no caller expects of
    a file typed on the command line."""
    if "\x00" in str(path):
        raise OSError(errno.EINVAL, "a file name cannot hold a NUL character", str(path).replace("\x00", "\\0"))
