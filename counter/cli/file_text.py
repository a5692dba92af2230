"""The text of a file named on the command line: read bounded, and a file that cannot be read said with its cause.

Each command that reads a file of rows or a list (a project's facts, a site's list of items, the holidays notice) read
it with its own ``try``, and one caught every failure under one sentence that guessed at the cause (不存在、无权限或不是
UTF-8): a folder named for the file was said to be missing, unreadable or not UTF-8.  Read here, the cause said is the
one the system gave (:func:`counter.words.files.read_fault`), for every such command at once.
"""

from __future__ import annotations

from pathlib import Path

from counter.cli.common import Reported

__all__ = ["file_text"]


def file_text(path: Path, limit: int, unreadable: str, encoding: str = "utf-8-sig") -> str:
    """The text of ``path``, read as every file named on the command line is (a regular file, at most ``limit`` bytes:
    :func:`counter.util.bounded_read.read_bounded`).

    :class:`Reported` (exit 1) when it cannot be: ``unreadable`` with the file (``{path}``) and the cause in words
    (``{error}``); a file beyond ``limit`` with the limit.
    """
    from counter.cli.phrases import FILE_TOO_LARGE
    from counter.util.bounded_read import TooLarge, read_bounded
    from counter.words.files import read_fault

    try:
        return read_bounded(path, limit).decode(encoding)
    except TooLarge as err:
        raise Reported(FILE_TOO_LARGE.format(path=path, limit=err.limit)) from err
    except (OSError, UnicodeDecodeError) as err:
        raise Reported(unreadable.format(path=path, error=read_fault(err))) from err
