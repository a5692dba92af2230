"""Why a site's identity, a peer's card or this site's own card was refused: the faults the faces word.

Each keeps what it was given, so that it crosses the service as it is (:mod:`counter.service.faults`).
"""

from __future__ import annotations

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
