"""Writing a key or a secret to its file: 0600 from the moment it exists, whole, on disk, and a key never replaced.

Why one way for every secret file.  The site's keys, the trail and data keys, the desk's key and the SMS gateway's
secret were each written by their own few lines, and not alike: one opened a fixed temporary name with ``O_TRUNC``
(a leftover of another mode, or a second writer, shared it), one looked whether the key was there and then renamed
its own over it (two processes making the trail key at once each kept the one it made, and the entries the first
chained under its key no longer checked), some flushed and some did not.  Here:

- The file is created by ``os.open`` with mode 0600 and ``O_EXCL`` under a name of its own beside the target, so no
  other user can open it at any moment, whatever the umask, and no leftover or second writer is shared; the mode is
  then set exactly (a stricter umask cannot leave it unwritable to its owner).  On Windows the bits mean little and
  the user's profile keeps the file by its access lists.
- The bytes are flushed to disk (``fsync``) before the file takes its name, and the folder after: a machine that
  loses power keeps the old file or the new one whole, never an empty key.
- :func:`write_new_secret` never replaces a file already there: it takes the name by a hard link, which fails when
  the name is taken, so of two writers racing to make a key the first to finish stands and the other reads it back
  — values sealed, entries chained or a site registered under a key are never orphaned by another one replacing
  it.  On a file system without hard links (FAT, some network shares) the name is created exclusively and then
  written: never over a file either, but there a losing writer may read the winner's key before it is whole, and a
  crash may leave it short, which every reader takes for no key.
- :func:`write_secret` replaces, for what an operator sets again on purpose (a new gateway secret, the key of a desk
  registered again, a rotation's next key).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

SECRET_MODE = 0o600
FOLDER_MODE = 0o700


def write_new_secret(path: Path, data: bytes) -> bytes:
    """``data`` at ``path`` unless a file is there already; the bytes that stand at ``path`` — ``data``, or the file
    another writer made first (read back, as it then is the key).  :class:`OSError` when the folder cannot be
    written."""
    made = _written_beside(path, data)
    try:
        os.link(made, path)  # never over a file already there
    except FileExistsError:
        pass
    except OSError:  # a file system without hard links (FAT, some shares): the name itself created, exclusively
        with contextlib.suppress(FileExistsError):
            _write_exclusive(path, data)
    finally:
        made.unlink()
    _sync_folder(path.parent)
    return path.read_bytes()


def write_secret(path: Path, data: bytes) -> None:
    """``data`` at ``path``, replacing what is there in one step: a crash leaves the old file or the new, whole."""
    made = _written_beside(path, data)
    try:
        os.replace(made, path)
    except BaseException:
        made.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _written_beside(path: Path, data: bytes) -> Path:
    """A new file beside ``path`` holding ``data``: created 0600 by this writer alone, flushed to disk.  A missing
    folder is made readable by its owner only."""
    folder = path.parent
    if not folder.exists():
        folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
        os.chmod(folder, FOLDER_MODE)  # the mode exact, whatever the umask
    made = path.with_name(f".{path.name}.{secrets.token_hex(6)}.new")
    _write_exclusive(made, data)
    return made


def _write_exclusive(path: Path, data: bytes) -> None:
    """``data`` in a file created at ``path`` by this call alone (:class:`FileExistsError` when there is one), 0600
    from its creation, flushed to disk; nothing left at ``path`` when it fails."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), SECRET_MODE)
    try:
        if hasattr(os, "fchmod"):  # POSIX: exactly 0600 whatever the umask; Windows keeps its own access lists
            os.fchmod(fd, SECRET_MODE)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise
    os.close(fd)


def _sync_folder(folder: Path) -> None:
    """The folder's entry for the new name on disk too (POSIX; Windows cannot open a folder to flush it)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):  # a file system that cannot flush a folder: the file itself is on disk
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
