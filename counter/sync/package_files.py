"""The files an export writes: its packages whole under their names, and what a killed export left removed.

Each package is written beside its name (``….sync.part``), synced and renamed, so a stick pulled out or a program
killed mid-way leaves no half package under a package's name.  The export is recorded in the same transaction as
the files are written (:func:`counter.actions.sync.sync_files.export_to_files`): one killed before it committed took no
number, and the next export is written under the number it would have had.  What it left is its ``.part`` file,
a sealed copy of the township's cases under a name nothing reads: the next export removes it (:func:`left_parts`),
as each start removes what a killed backup left (:func:`counter.backup.sqlite_files.stale_parts`).
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Sequence
from pathlib import Path

__all__ = ["LEFT_PART", "PACKAGE_SUFFIX", "left_parts", "series_paths", "write_series"]

PACKAGE_SUFFIX = ".sync"  # the name the desk gives a package file (the file dialogs' filter)
PART = ".part"  # the suffix of a package file being written
#: How long a package's ``.part`` file must have been left untouched to count as left by an export that died: a
#: package is written in seconds, so one another desk is writing into the same folder is never this old.
LEFT_PART = dt.timedelta(minutes=10)


def series_paths(path: Path, count: int) -> list[Path]:
    """The files of an export of ``count`` packages: ``path`` itself for one, else numbered ``-1of3`` and so on.

    The numbers in the names sort the files in the order the receiver takes them in.
    """
    if count == 1:
        return [path]
    return [path.with_name(f"{path.stem}-{k}of{count}{path.suffix}") for k in range(1, count + 1)]


def _part(target: Path) -> Path:
    return target.with_name(target.name + PART)


def write_series(path: Path, packages: Sequence[bytes]) -> list[Path]:
    """Write an export's packages to ``path`` (:func:`series_paths`), every file whole or none of them.

    Each file is written beside its name and renamed when synced; if one cannot be written, its ``.part`` and the
    files already written are removed, so that no package of an export that was not recorded is left to be taken
    in.  A ``.part`` of the same name, left by an export killed before, is replaced.  Raises :class:`OSError`.
    """
    paths = series_paths(path, len(packages))
    done: list[Path] = []
    tmp = _part(path)
    try:
        for target, data in zip(paths, packages, strict=True):
            tmp = _part(target)
            with open(tmp, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            tmp.replace(target)
            done.append(target)
    except OSError:
        for target in [tmp, *done]:
            target.unlink(missing_ok=True)
        raise
    return paths


def left_parts(path: Path) -> list[Path]:
    """Remove what exports killed mid-way left beside ``path``; the files removed.

    Removed: the ``.part`` files of ``path``'s own names (an export to the same name is about to write them), and
    in its folder every package's ``.part`` (``….sync.part``) untouched for :data:`LEFT_PART`.  Nothing else is
    touched; a file that cannot be removed is left for the next time.
    """
    folder = path.parent
    if not folder.is_dir():
        return []
    oldest = time.time() - LEFT_PART.total_seconds()  # the files' times are this machine's
    removed = []
    for found in folder.iterdir():
        written = found.name.removesuffix(PART)
        if written == found.name:
            continue
        own = written == path.name or _of_series(written, path)
        try:
            if own or (written.endswith(PACKAGE_SUFFIX) and found.stat().st_mtime <= oldest):
                found.unlink()
                removed.append(found)
        except OSError:  # gone already, a folder of that name, or not ours to remove: left as it is
            continue
    return removed


def _of_series(name: str, path: Path) -> bool:
    """Whether ``name`` is that of a package of a series written to ``path`` (``stem-2of3.suffix``)."""
    stem, suffix = path.stem + "-", path.suffix
    if not (name.startswith(stem) and name.endswith(suffix)):
        return False
    k, sep, n = name[len(stem) : len(name) - len(suffix)].partition("of")
    return sep == "of" and k.isdigit() and n.isdigit()
