"""The key the hall's server gave this pad device (``counter serve add-pad``): kept in a file of its user's alone.

The pad's key is what makes its answers the applicant's at the server, so it is kept as a desk's key is
(:mod:`counter.host.keys.desk_key`): never on a command line nor in a settings file, but a file of its own in the data
folder, 0600, written whole; a pad registered again replaces it.
"""

from __future__ import annotations

from pathlib import Path

from counter.host.keys.desk_key import BadDeskKey
from counter.host.machine.paths import data_dir
from counter.util.secret_file import write_secret

FILE_NAME = "pad-key"


def pad_key_path() -> Path:
    return data_dir() / FILE_NAME


def keep_pad_key(given: str) -> Path:
    """Keep the key ``given`` (``add-pad``'s whole output may be given: its last line is the key), 0600; the file's
    path.  :class:`BadDeskKey` for what is no key the server prints."""
    lines = [line.strip() for line in given.splitlines() if line.strip()]
    key = lines[-1] if lines else ""
    if not 20 <= len(key) <= 200 or not key.isprintable() or any(c.isspace() for c in key):
        raise BadDeskKey(key[:8])
    path = pad_key_path()
    write_secret(path, (key + "\n").encode("utf-8"))
    return path


def read_pad_key() -> str:
    """The pad's key; "" when none was kept."""
    try:
        return pad_key_path().read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return ""
