"""This site as the sync page and ``counter site`` show it: its identity and where its keys are, whether it is set up
and what a set-up form starts from, what a set-up did and what a peer's registration changed.

Plain data, read and written by the site's operations (:mod:`counter.service.site`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from counter.access.desk import Desk
from counter.audit.site_keys import RetiredKey
from counter.catalog.problems import Problem
from counter.documents.paper_blanks import PaperBlanks
from counter.sync.keys import key_fingerprint
from counter.sync.sites import SiteIdentity, SiteKind, SiteOffice


class SiteKeys(StrEnum):
    """Where this site's key files are, as the identity shown says."""

    HERE = "here"  # on this machine, and the stored public keys are theirs
    ELSEWHERE = "elsewhere"  # not on this machine (another desk of a hall): the stored keys are shown
    CHANGED = "changed"  # on this machine, but the stored public keys are not theirs: the files' are shown


def retired_fingerprint(key: RetiredKey) -> str:
    """A retired key's fingerprint as its peers hold it: over the signing and the encryption key, as the card it
    replaced printed it (:attr:`SiteIdentity.fingerprint`), so a peer finds the one it registered among a new
    card's ``retired_fingerprints``.  A key retired before its encryption key was kept shows the signing key's."""
    return key_fingerprint(key.public_key, key.encryption_key, key.sm2_key)


@dataclass(frozen=True, slots=True)
class ShownSite:
    identity: SiteIdentity
    keys: SiteKeys
    key_path: Path
    retired: tuple[RetiredKey, ...] = ()  # the keys this site's key replaced, oldest first


@dataclass(frozen=True, slots=True)
class SiteState:
    """Whether the site is set up, and what a set-up form starts from.

    The proposal is the stored identity once set up; before that the site code
    and name this machine's desk settings were given on purpose (by the
    machine's file or the user's, never the program's defaults, which name the
    league's hall), and no kind: a township must never become a hall by
    pressing Enter.  The office is the one stored for that code, where someone
    stored one (``counter office``, a hall's update): never the league hall's
    defaults, which a township must not print.  The desk's number and clerk are
    this machine's, the clerk "" while nobody named one.
    """

    set_up: bool
    identity: SiteIdentity | None  # as stored; None on a database that has none yet
    code: str
    name: str
    kind: SiteKind | None
    office: SiteOffice | None = None
    desk_no: str = ""
    clerk: str = ""


class PeerChange(StrEnum):
    NEW = "new"
    SAME_KEY = "same_key"  # registered again with the key it had
    NEW_KEY = "new_key"  # registered again with another key: the old one is no longer trusted


@dataclass(frozen=True, slots=True)
class Registration:
    code: str
    change: PeerChange
    old_fingerprint: str  # the replaced key's, for NEW_KEY; "" otherwise


@dataclass(frozen=True, slots=True)
class SiteSetUpDone:
    """A set-up as its face reports it: the identity, the desk as configured now (the site's code and name, the same
    desk number and account), the desk settings file written, and the bundled catalog loaded into a database that
    had none (its new versions and the files skipped; ``catalog_loaded`` False when it already had one)."""

    identity: SiteIdentity
    desk: Desk
    desk_file: Path
    catalog_loaded: bool = False
    catalog_versions: tuple[str, ...] = ()
    catalog_problems: tuple[Problem, ...] = ()
    # what its papers would print blank, to be told (counter.documents.paper_blanks)
    blanks: PaperBlanks = field(default_factory=PaperBlanks)


@dataclass(frozen=True, slots=True)
class Rotated:
    """A key rotation (``counter site rotate-key``): the fingerprints, and where the old key's seals end."""

    old_fingerprint: str
    new_fingerprint: str
    last_old_seal: int | None  # the old key's last seal; None where its file was not here or it is revoked
    first_new_seal: int
    revoked_since: dt.datetime | None
