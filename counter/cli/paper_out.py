"""Where a command writes its files: a paper's ``--out``, checked before the paper is numbered, and written.

A paper is numbered in its series and recorded as issued when it is made, and an auditor reads a series for gaps:
so every command that makes one asks :func:`paper_out_ready` before anything is done, and writes it with
:func:`write_paper`, which words a write that fails for the clerk.  A command's own output folder (``demo --out``,
``form --all --out``) is made by :func:`own_out_folder`, never a folder above it.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from counter.cli.common import Reported

log = logging.getLogger(__name__)


def out_folder_there(out: Path) -> None:
    """Refused (exit 1) unless the folder ``out`` goes into is there: it is never made.

    A mistyped ``--out`` (``/mnt/usb/回执`` with the stick not in) must not leave applicants' papers in folders
    nobody meant to make, on the desk's own disk.
    """
    from counter.cli.phrases import OUT_FOLDER_MISSING

    if not out.parent.is_dir():
        raise Reported(OUT_FOLDER_MISSING.format(folder=out.parent))


def own_out_folder(out: Path) -> None:
    """Make ``out``, a command's own output folder (``demo --out``, ``form --all --out``), but never a folder above it
    (:func:`out_folder_there`)."""
    out_folder_there(out)
    out.mkdir(exist_ok=True)


def paper_out_ready(given: str | Path | None) -> None:
    """Refused (exit 1) unless a paper can be written at ``--out`` (``given``; none given: nothing to check): its
    folder is there (:func:`out_folder_there`) and takes files, it is not a folder, and a file already there may be
    replaced.  Nothing is written to find out.

    Every command that makes a paper asks this before it does anything: a paper is numbered and recorded as issued
    when it is made, and the numbers of a series are read for gaps, so a paper that could only have been written
    nowhere must not take one (nor its step be done: ``item sign --out``, ``hand-over``).  :func:`write_paper` asks
    again, for a folder that went away meanwhile.
    """
    from counter.cli.phrases import OUT_FILE_NOT_WRITABLE, OUT_FOLDER_NOT_WRITABLE, OUT_IS_A_FOLDER
    from counter.words.files import FILE_FAULT

    if not given:
        return
    out = Path(given)
    out_folder_there(out)
    folder = out.parent
    if out.is_dir():
        raise Reported(OUT_IS_A_FOLDER.format(path=out))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise Reported(OUT_FOLDER_NOT_WRITABLE.format(folder=folder, reason=FILE_FAULT[_refusal(folder)]))
    if out.exists() and not os.access(out, os.W_OK):
        raise Reported(OUT_FILE_NOT_WRITABLE.format(path=out, reason=FILE_FAULT[_refusal(out)]))


def _refusal(path: Path) -> int:
    """Why ``path`` takes no writing: a read-only device (a write-protected stick) or no permission."""
    import errno

    try:
        read_only = bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        read_only = False
    return errno.EROFS if read_only else errno.EACCES


def write_paper(out: Path, pdf: bytes) -> None:
    """The PDF at ``out``, where it can be written (:func:`paper_out_ready`); a write that fails, as a sentence."""
    from counter.cli.phrases import WRITE_FAILED
    from counter.words.files import file_fault

    paper_out_ready(out)
    try:
        out.write_bytes(pdf)
    except OSError as err:
        log.warning("writing %s failed: %s", out, err)
        raise Reported(WRITE_FAILED.format(path=out, error=file_fault(err))) from err
