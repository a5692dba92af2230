"""The key a hall's server gave this desk machine (``counter serve add-desk``): kept in a file of its user's alone.

A token opens its session at the server only beside its desk's key, so the key is what makes this machine the desk
it says it is.  It is never on a command line (a process list shows those to every user) nor in the desk's settings
file (which support may be sent): a file of its own in the data folder, 0600, written whole
(:func:`counter.util.secret_file.write_secret`: a desk registered again replaces it).
"""

from __future__ import annotations

from pathlib import Path

from counter.host.machine.paths import data_dir
from counter.util.secret_file import write_secret

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
    write_secret(path, (key + "\n").encode("utf-8"))
    return path
