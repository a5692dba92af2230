"""Why a site's identity, a peer's card or this site's own card was refused: the faults the faces word.

Each keeps what it was given, so that it crosses the service as it is (:mod:`counter.service.faults`).
"""

from __future__ import annotations

import os
from pathlib import Path

from counter.sync.sites import SiteIdentity, SiteProblem


class SiteRefused(Exception):
    """The identity asked for has problems; ``codes`` lists every one."""

    def __init__(self, codes: list[SiteProblem]) -> None:
        super().__init__(", ".join(code.value for code in codes))
        self.codes = tuple(codes)


class PeerRefused(SiteRefused):
    """The peer to register has problems; ``codes`` lists every one."""


class StoredKeysChanged(Exception):
    """The site's public keys in the database are not the public halves of this machine's key files.

    The desks may write the settings (on a hall, their database role updates
    settings rows), so a stored key is only a claim: a card written from a
    replaced one would have a township seal its packages to, and trust
    signatures of, whoever replaced it.  ``from_files`` is the identity with
    the keys the files hold; ``path`` is the signing key's file.
    """

    def __init__(self, path: Path, from_files: SiteIdentity, stored: SiteIdentity) -> None:
        super().__init__(f"{path}: stored fingerprint {stored.fingerprint}, key files {from_files.fingerprint}")
        self.path = path
        self.from_files = from_files
        self.stored = stored


class SiteFileFailed(Exception):
    """A file of this machine could not be written: the desk's settings at a set-up (the identity rolled back with
    it), or a backup's copy.  ``errno`` is the system's error number (0 when none was given), ``strerror`` its words."""

    def __init__(self, path: Path, errno: int, strerror: str = "") -> None:
        super().__init__(f"{path}: {strerror or errno}")
        self.path = path
        self.errno = errno
        self.strerror = strerror

    def os_error(self) -> OSError:
        """The system's error again, as the faces word a file's fault (:func:`counter.words.files.file_fault`)."""
        return OSError(self.errno, self.strerror, str(self.path))

    @classmethod
    def of(cls, err: OSError, path: Path) -> SiteFileFailed:
        """``err`` as this fault; the file it names (a rename names its target second), else ``path``."""
        named = err.filename2 or err.filename
        return cls(Path(os.fsdecode(named)) if named else path, err.errno or 0, err.strerror or str(err))
