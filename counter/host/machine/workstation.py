"""Which computer, and which of its users, this desk is: what keeps one machine's draft away from another's.

Two computers set to the same desk number by mistake (or by a copied ``desk.toml``) share that desk's number
sequence, which is safe, but must not share the unfinished intake: one would be offered the other's applicant.
The draft is therefore kept under the desk *and* this workstation: the operating system's machine identity
(``/etc/machine-id``; cloned desk images often share it, so the host name too), the system user and the data
folder.  Only a digest of them is stored, 16 hex digits.
"""

from __future__ import annotations

import functools
import getpass
import hashlib
import socket
from pathlib import Path

from counter.host.machine import paths

__all__ = ["workstation_id"]

_MACHINE_ID_FILES = (Path("/etc/machine-id"), Path("/var/lib/dbus/machine-id"))


def _machine_id() -> str:
    for candidate in _MACHINE_ID_FILES:
        try:
            return candidate.read_text(encoding="ascii", errors="replace").strip()[:64]
        except OSError:
            continue
    return ""  # Windows and macOS: the host name, the user and the data folder still tell desks apart


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in the environment nor in the password database
        return ""


@functools.cache
def _this_computer() -> tuple[str, str, str]:
    """The machine identity, host name and user, read once a process: none changes while it runs, and the desk asks
    at every operation (the user's name from the password database took about 12 ms under load)."""
    return _machine_id(), socket.gethostname(), _user()


def workstation_id() -> str:
    """16 hex digits naming this computer, its user and its data folder; the same at every start."""
    parts = (*_this_computer(), str(paths.data_dir().resolve()))
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:16]
