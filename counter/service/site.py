"""The site's own work: its identity and keys, its peers, its audit trail, its numbers, its desks, its backups.

Reading this site as shown is a write: the first look makes its identity, and the key machine of an older site makes
its encryption key.  A set-up and a backup are work of several transactions (``whole``): the set-up loads the bundled
catalog after the identity is committed, the backup copies the file between its check and its audit entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from counter.access.roles import Permission
from counter.audit.seal_made import SealMade
from counter.audit.verify import AuditReport
from counter.backup.restored import Restored
from counter.case.desk_name_checks import DeskNameProblem
from counter.case.number_notes import NoteReport, Renoted
from counter.service.operation import Open, Operation, read, write
from counter.sync.site_view import Registration, Rotated, ShownSite, SiteSetUpDone
from counter.sync.sites import Peer, SiteDesk, SiteIdentity, SiteKind, SiteOffice

_KEY = "counter.sync.keys:KeyUnreadable"


@dataclass(frozen=True)
class SiteAsked:
    """A request that carries nothing: this site's own is read."""


@dataclass(frozen=True)
class RegisterCard:
    card: SiteIdentity
    county: str = ""  # at a league, the county a hall serves


@dataclass(frozen=True)
class SetUpSite:
    """The site's kind, code and name, with (from the sync page's form) its office and this desk; ``catalog_folder``
    the catalog loaded into a database that has none."""

    code: str
    name: str
    kind: SiteKind | None
    catalog_folder: Path
    office: SiteOffice | None = None
    this_desk: SiteDesk | None = None


@dataclass(frozen=True)
class RotateKey:
    revoked_since: dt.datetime | None = None  # the old key may have leaked: its seals from then on are refused


@dataclass(frozen=True)
class ChooseSuite:
    national: bool  # True: SM2, SM3 and SM4 (counter.sync.sm_seal); False: Ed25519, X25519 and ChaCha20-Poly1305


@dataclass(frozen=True)
class OfficeAsked:
    site_code: str


@dataclass(frozen=True)
class NumbersAsked:
    """Whether this desk may number on the call's day; ``series``: and whether it numbers in its database's site's
    series."""

    series: bool = False


@dataclass(frozen=True)
class Renote:
    """The numbers note written again, at the call's moment."""


@dataclass(frozen=True)
class DeskClerk:
    clerk: str | None  # the clerk's name being given, None when it is not being changed


@dataclass(frozen=True)
class DeskChange:
    changes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Backup:
    out: Path | None = None  # None: a new file in the backups folder, the oldest beyond ``backup.keep`` removed


@dataclass(frozen=True)
class BackupMade:
    path: Path
    kept: int | None  # the backups now in the folder; None for a backup written where the user named


@dataclass(frozen=True)
class SetAsideSeal:
    """A row of a township's seals held here that the township never signed, by site, number and digest."""

    site: str
    no: int
    digest: str


@dataclass(frozen=True)
class RecordRestore:
    restored: Restored
    source: Path


SHOWN = write(
    "site.read_shown",
    SiteAsked,
    ShownSite,
    Open.ANY_DESK,
    "counter.service.runs.site:read_shown",
    faults=(_KEY,),
    doc="This site's identity and where its key files are (made on first use).",
)
CARD = write(
    "site.read_card",
    SiteAsked,
    SiteIdentity,
    Open.ANY_DESK,
    "counter.service.runs.site:read_card",
    faults=(_KEY, "counter.sync.site_faults:StoredKeysChanged"),
    doc="This site as its card shows it, the keys from this machine's key files.",
)
REGISTER_CARD = write(
    "site.register_card",
    RegisterCard,
    Registration,
    Permission.CHANGE_SETTINGS,
    "counter.service.runs.site:register_card",
    faults=("counter.sync.site_faults:PeerRefused",),
    doc="Accept a peer's packages, by the keys on its card; what the registration changed.",
)
PEERS = read(
    "site.peers",
    SiteAsked,
    tuple[Peer, ...],
    Open.ANY_DESK,
    "counter.service.runs.site:peers",
    doc="Every registered peer, by code.",
)
SET_UP = write(
    "site.set_up",
    SetUpSite,
    SiteSetUpDone,
    Permission.CHANGE_SETTINGS,
    "counter.service.runs.site:set_up",
    faults=(_KEY, "counter.sync.site_faults:SiteRefused", "counter.sync.site_faults:SiteFileFailed"),
    whole=True,
    doc="Set this site's identity and this desk's code together, then load the catalog where there is none.",
)
ROTATE_KEY = write(
    "site.rotate_key",
    RotateKey,
    Rotated,
    Permission.CHANGE_SETTINGS,
    "counter.service.runs.site:rotate_key",
    faults=(_KEY,),
    doc="New keys for this site (installed by the face once committed); the old key's seals still verify.",
)
CHOOSE_SUITE = write(
    "site.choose_suite",
    ChooseSuite,
    SiteIdentity,
    Permission.CHANGE_SETTINGS,
    "counter.service.runs.site:choose_suite",
    faults=(_KEY,),
    doc="The suite this site writes its packages in; the national one makes its SM2 key, on its card from then on.",
)
VERIFY_TRAIL = read(
    "site.verify_trail",
    SiteAsked,
    AuditReport,
    Open.ANY_DESK,
    "counter.service.runs.site:verify_trail",
    doc="The audit trail checked whole: chains, seals, and rows against what the trail recorded.",
)
SEAL_TRAIL = write(
    "site.seal_trail",
    SiteAsked,
    SealMade,
    Open.ANY_DESK,
    "counter.service.runs.site:seal_trail",
    faults=(_KEY,),
    doc="Seal the trail's chains with the site's key, on the machine that holds it.",
)
SET_ASIDE_SEAL = write(
    "site.set_aside_seal",
    SetAsideSeal,
    bool,
    Permission.CHANGE_SETTINGS,
    "counter.service.runs.site:set_aside_seal",
    faults=("counter.audit.peer_seals:NotSetAside",),
    doc="Set aside a held township seal row the township never signed; False when it was already.",
)
OFFICE_STILL_HALLS = read(
    "site.office_still_halls",
    OfficeAsked,
    tuple[str, ...],
    Open.ANY_DESK,
    "counter.service.runs.site:office_still_halls",
    doc="The fields of a township's office that still say the league hall's (none at a hall).",
)
PING = read(
    "site.ping",
    SiteAsked,
    None,
    Open.ANY_DESK,
    "counter.service.runs.site:ping",
    doc="Nothing asked: the database answers when it can be reached (the desk's reconnect probe).",
)
CHECK_NUMBERS = read(
    "site.check_numbers",
    NumbersAsked,
    None,
    Open.ANY_DESK,
    "counter.service.runs.site:check_numbers",
    faults=("counter.case.number_faults:NumbersBehind", "counter.case.number_faults:OtherSeries"),
    doc="Refuse when this desk's next number could be one already issued, or of another site's series.",
)
NOTE_REPORT = read(
    "site.note_report",
    NumbersAsked,
    NoteReport,
    Open.ANY_DESK,
    "counter.service.runs.site:note_report",
    doc="This desk's note of issued numbers: where, its state, what it and the database say.",
)
RENOTE = write(
    "site.renote",
    Renote,
    Renoted,
    Permission.CHANGE_SETTINGS,
    "counter.service.runs.site:renote",
    doc="Make this desk's note of issued numbers again from the database.",
)
SKIP_ISSUED: Operation[NumbersAsked, str | None] = write(
    "site.skip_issued",
    NumbersAsked,
    str | None,
    Permission.CHANGE_SETTINGS,
    "counter.service.runs.site:skip_issued",
    doc="Number on above what this desk issued (after a restore); the last number skipped, or None.",
)
MAY_CHANGE_DESK = write(
    "site.may_change_desk",
    DeskClerk,
    tuple[DeskNameProblem, ...],
    Permission.CHANGE_SETTINGS,
    "counter.service.runs.site:may_change_desk",
    doc="Whether this desk's settings may change: an administrator's, the clerk no other account's name.",
)
RECORD_DESK_CHANGE = write(
    "site.record_desk_change",
    DeskChange,
    None,
    Permission.CHANGE_SETTINGS,
    "counter.service.runs.site:record_desk_change",
    doc="This desk's settings changed, in the audit trail.",
)
SCHEMA_REVISION: Operation[SiteAsked, str | None] = read(
    "site.schema_revision",
    SiteAsked,
    str | None,
    Open.ANY_DESK,
    "counter.service.runs.site:schema_revision",
    doc="The schema revision the database stands at (opening it migrated it: counter db upgrade).",
)
OTHER_LOGINS = read(
    "site.other_logins",
    SiteAsked,
    tuple[str, ...],
    Open.ANY_DESK,
    "counter.service.runs.site:other_logins",
    doc="The database roles besides the tables' owner granted rights on them (a hall's old desk role); none on SQLite.",
)
BACKUP = write(
    "site.backup",
    Backup,
    BackupMade,
    Permission.CHANGE_SETTINGS,
    "counter.service.runs.site:backup",
    faults=("counter.backup.sqlite_files:BackupFailed", "counter.sync.site_faults:SiteFileFailed"),
    whole=True,
    doc="Copy the SQLite database online and check the copy; the backup in the audit trail.",
)
MAY_RESTORE = read(
    "site.may_restore",
    SiteAsked,
    None,
    Permission.CHANGE_SETTINGS,
    "counter.service.runs.site:may_restore",
    doc="Refuse anyone but an administrator (where accounts exist) before a backup replaces the database.",
)
RECORD_RESTORE = write(
    "site.record_restore",
    RecordRestore,
    None,
    Open.ANY_DESK,
    "counter.service.runs.site:record_restore",
    doc="A backup put in place, in the restored database's trail (a damaged one could name no administrator).",
)
