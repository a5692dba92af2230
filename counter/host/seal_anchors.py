"""The seals' anchors: each seal's number and digest, also written to a file beside the site's key.

Why.  Someone who can write the hall's database but not read the key cannot make a seal, but can delete the newest
seals and rewrite what they covered: the seals left still hold, and only the entries after them changed.  The
machine that holds the key keeps, outside the database, the number and digest of every seal before the one it
makes (:func:`counter.actions.admin.audit_seal.seal_with`), so ``audit verify`` run there names a sealed seal that is
gone or was replaced.  The newest seal is anchored by the next one: a seal whose unit of work never committed is
never anchored, so the file names no seal the database never had.

One line per seal, ``<number> <sha-256 hex>``; a line that cannot be read is skipped (the file is the
administrator's, on their machine), and the file is read only when it is a regular file of sensible size.
"""

from __future__ import annotations

import os
from pathlib import Path

from counter.util.bounded_read import MIB, TooLarge, read_bounded

LIMIT = 16 * MIB  # a seal a day for a century is 3 MB


def anchors_path(key_path: Path) -> Path:
    """The anchors' file, beside the key's (``keys/site.key`` → ``keys/site-seal-anchors.txt``)."""
    return key_path.with_name(f"{key_path.stem}-seal-anchors.txt")


def read_anchors(path: Path) -> dict[int, str]:
    """Seal number → digest, as anchored; empty where there is no such file (or not one that can be read)."""
    if not path.is_file():
        return {}
    try:
        text = read_bounded(path, LIMIT).decode("ascii", errors="replace")
    except (OSError, TooLarge):
        return {}
    anchors: dict[int, str] = {}
    for line in text.splitlines():
        number, _, digest = line.strip().partition(" ")
        if number.isdigit() and len(digest) == 64:
            anchors[int(number)] = digest
    return anchors


def add_anchor(path: Path, number: int, digest: str) -> None:
    """Append ``number digest`` unless that number is anchored already; flushed to the disk before returning."""
    if number in read_anchors(path):
        return
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.write(fd, f"{number} {digest}\n".encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
