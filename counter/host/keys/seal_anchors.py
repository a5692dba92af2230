"""The seals' anchors: each seal's number and digest, also written to a file beside the site's key.

Why.  Someone who can write the hall's database but not read the key cannot make a seal, but can delete the newest
seals and rewrite what they covered: the seals left still hold, and only the entries after them changed.  The
machine that holds the key keeps, outside the database, the number and digest of every seal before the one it
makes (:func:`counter.actions.admin.audit_seal.seal_with`), so ``audit verify`` run there names a sealed seal that is
gone or was replaced.  The newest seal is anchored by the next one: a seal whose unit of work never committed is
never anchored, so the file names no seal the database never had.

One line per seal, ``<number> <sha-256 hex>``; a line that cannot be read is skipped (the file is the
administrator's, on their machine), and the file is read only when it is a regular file of sensible size.  A file
that is there and cannot be read (a folder in its place, no permission, past the size) is said so
(:attr:`AnchorLog.unreadable`): ``audit verify`` then names it as a problem rather than report the seals checked
against anchors it never read.  A file
that cannot be written (a folder in its place, no permission, a full disk) raises :class:`AnchorsUnwritable`: the
seal is still made (:func:`counter.actions.admin.audit_seal.seal_with`), a seal being worth more than none, and the
one it would have anchored is said unanchored, to the log and to whoever asked for the seal.

A restore.  Putting back an older backup (``counter restore``) takes the database back to the seals it held: the
seals anchored after them are gone from it, rightly, and were once named as deleted, for good.  The restore now
writes a line ``restored <number> <sha-256 hex>`` — the newest seal of the database put back, ``0`` and
:data:`GENESIS` for none — and the seals anchored after that number are read as withdrawn by that restore, not as
deleted; the seals made from then on are anchored afresh.  The restore first anchors the seals of the database it
replaces that were not anchored yet (its newest: the hall may hold it), so that a seal sent before the restore is
known here as withdrawn, not as one this site never made.  A restore line whose seal is not the one anchored under
its number withdraws nothing: a database that never was this site's is not made good by being called a backup.
The line is written only by the restore on the machine that holds the key, where this file lives.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from counter.audit.chain import GENESIS
from counter.util.bounded_read import MIB, TooLarge, read_bounded

LIMIT = 16 * MIB  # a seal a day for a century is 3 MB


def anchors_path(key_path: Path) -> Path:
    """The anchors' file, beside the key's (``keys/site.key`` → ``keys/site-seal-anchors.txt``)."""
    return key_path.with_name(f"{key_path.stem}-seal-anchors.txt")


RESTORED = "restored"


class AnchorsUnwritable(Exception):
    """The anchors' file at ``path`` could not be written: ``detail`` (what the system said) for the log."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"seal anchors {path}: {detail}")
        self.path = path
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Withdrawn:
    """A restore that took the database back to seal ``back_to``: seals ``first .. last`` withdrawn with it."""

    back_to: int
    first: int
    last: int


@dataclass(slots=True)
class AnchorLog:
    """The file read in order: the seals anchored since the last restore, and what each restore withdrew."""

    anchors: dict[int, str] = field(default_factory=dict)  # seal number → digest
    restores: list[Withdrawn] = field(default_factory=list)  # restores that withdrew at least one seal
    withdrawn: dict[int, set[str]] = field(default_factory=dict)  # seal number → digests withdrawn by a restore
    # why the file there could not be read, for the log ("" where it was read, or is not there: nothing anchored yet,
    # or a machine without the key)
    unreadable: str = ""

    def restore(self, back_to: int, digest: str) -> None:
        if back_to and self.anchors.get(back_to, digest) != digest:
            return  # not a backup of this site's trail as anchored: nothing is withdrawn
        gone = sorted(no for no in self.anchors if no > back_to)
        for no in gone:
            self.withdrawn.setdefault(no, set()).add(self.anchors.pop(no))
        if gone:
            self.restores.append(Withdrawn(back_to, gone[0], gone[-1]))


def read_anchor_log(path: Path) -> AnchorLog:
    """The anchors and restores of the file; empty where there is no such file, and empty with
    :attr:`AnchorLog.unreadable` saying why where one is there that cannot be read."""
    log = AnchorLog()
    try:
        if not path.exists():
            return log
        if not path.is_file():
            log.unreadable = "not a regular file"
            return log
        text = read_bounded(path, LIMIT).decode("ascii", errors="replace")
    except OSError as err:
        log.unreadable = f"{type(err).__name__}: {err.strerror or err}"
        return log
    except TooLarge:
        log.unreadable = f"larger than {LIMIT} bytes"
        return log
    for line in text.splitlines():
        number, _, digest = line.strip().partition(" ")
        if number == RESTORED:
            back_to, _, digest = digest.partition(" ")
            if back_to.isdigit() and len(digest) == 64:
                log.restore(int(back_to), digest)
        elif number.isdigit() and len(digest) == 64:
            log.anchors.setdefault(int(number), digest)
    return log


def add_anchor(path: Path, number: int, digest: str) -> None:
    """Append ``number digest`` unless that number is anchored already; flushed to the disk before returning.
    :class:`AnchorsUnwritable` where the file cannot be written."""
    if number in read_anchor_log(path).anchors:
        return
    _append(path, f"{number} {digest}")


def add_restore(path: Path, back_to: int, digest: str) -> None:
    """Append that the database was put back to its seal ``back_to`` (``digest``; 0 and GENESIS for none), where
    this machine anchors seals (the file is there); flushed to the disk before returning."""
    if path.is_file():
        _append(path, f"{RESTORED} {back_to} {digest if back_to else GENESIS}")


def _append(path: Path, line: str) -> None:
    try:
        _append_line(path, line)
    except OSError as err:  # a folder in its place (IsADirectoryError), not permitted, the disk full
        raise AnchorsUnwritable(path, f"{type(err).__name__}: {err.strerror or err}") from err


def _append_line(path: Path, line: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.write(fd, f"{line}\n".encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
