"""This machine's processes take turns at a database's note: a commit with its note, or a check of the note; and
a line added to the note, or the note made whole.

A desk notes the numbers it issued just after the database has committed them
(:mod:`counter.actions.numbers.number_guard`,
:mod:`counter.host.notes.database_notes`).  Between the two, another process of this machine numbering at the same desk
(a second window, a command, a desk sharing the machine's state folder) found the number in the database and not yet in
the note, and refused to number as if the note had been lost.  So a commit that issued numbers holds the turn until
its note is written, and the check of the note against the database waits for it: an advisory lock on a file beside
the note (``flock`` on Linux, ``msvcrt.locking`` on Windows), let go when its holder ends, however it ends.

Commits share the turn among themselves (``shared``): desks writing at once do not wait for each other's notes, and
only a check, once a day per desk and process, has it alone.  Windows locks have no shared mode, so there every holder
has the turn alone: the processes of one Windows computer commit one after another.

Writing the note is a second turn, on a second file (:mod:`counter.host.notes.database_notes` names both): lines are
appended side by side, and the note is made whole alone, so that no line appended meanwhile is lost with the file it
replaces.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)


class NoteTurn:
    """The turn at ``path``, a file beside a note, taken when made (waiting for it); :meth:`release` ends it.

    ``shared``: held with other shared holders at once (a commit, an appended line), else alone (a check, the note
    made whole)."""

    def __init__(self, path: Path, *, shared: bool = False) -> None:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(self._descriptor, shared)
        except BaseException:
            os.close(self._descriptor)
            raise

    def release(self) -> None:
        """Let the next process have the turn; again, nothing."""
        descriptor, self._descriptor = self._descriptor, -1
        if descriptor >= 0:
            try:
                _unlock(descriptor)
            finally:
                os.close(descriptor)


def take_turn(path: Path, *, shared: bool = False) -> NoteTurn | None:
    """The turn at ``path``; None when its file cannot be made or locked (logged): the work then goes on without it,
    as it did before turns were taken, rather than refuse to number or to note."""
    try:
        return NoteTurn(path, shared=shared)
    except OSError:
        log.exception("no turn at %s; going on without one", path)
        return None


@contextlib.contextmanager
def turn_at(path: Path, *, shared: bool = False) -> Iterator[None]:
    """The block in the turn at ``path`` (:func:`take_turn`), let go however the block ends."""
    turn = take_turn(path, shared=shared)
    try:
        yield
    finally:
        if turn is not None:
            turn.release()


if sys.platform == "win32":
    import msvcrt

    def _lock(descriptor: int, shared: bool) -> None:  # no shared mode here: every holder has the turn alone
        # the file's first byte; LK_LOCK tries ten times, a second apart, then raises OSError
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_LOCK, 1)

    def _unlock(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(descriptor: int, shared: bool) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
