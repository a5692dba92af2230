"""The key a hall's server gave this desk machine (``counter serve add-desk``): kept in a file of its user's alone.

A token opens its session at the server only beside its desk's key, so the key is what makes this machine the desk
it says it is.  It is never on a command line (a process list shows those to every user) nor in the desk's settings
file (which support may be sent): a file of its own in the data folder, 0600, written whole.
"""

from __future__ import annotations

import os
from pathlib import Path

from counter.host.paths import data_dir

FILE_NAME = "desk-key"


class BadDeskKey(ValueError):
    """What was given is no key the server prints: one line of 20 to 200 printable characters without spaces."""


def desk_key_path() -> Path:
    return data_dir() / FILE_NAME


def read_desk_key() -> str:
    """The machine's key; "" when none was kept (the desk is not registered at a hall's server)."""
    try:
        return desk_key_path().read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return ""


def keep_desk_key(key: str) -> Path:
    """Keep ``key`` (as ``counter serve add-desk`` printed it) for this machine's sessions; the file's path."""
    key = key.strip()
    if not 20 <= len(key) <= 200 or not key.isprintable() or any(c.isspace() for c in key):
        raise BadDeskKey(key[:8])
    path = desk_key_path()
    made = path.with_name(f".{FILE_NAME}.new")
    fd = os.open(made, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(key + "\n")
    made.chmod(0o600)  # whatever the umask of the process that wrote it
    made.replace(path)
    return path
