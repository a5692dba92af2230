"""The site's own work: its identity and keys, its peers, its audit trail, its numbers, its desks, its backups.

Reading this site as shown is a write: the first look makes its identity, and the key machine of an older site makes
its encryption key.  A set-up and a backup are work of several transactions (``whole``): the set-up loads the bundled
catalog after the identity is committed, the backup copies the file between its check and its audit entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.audit.seal_made import SealMade
from counter.audit.verify import AuditReport
from counter.backup.restored import Restored
from counter.case.desk_name_checks import DeskNameProblem
from counter.case.number_notes import NoteReport, Renoted
from counter.service.call import Call, at_desk
from counter.service.operation import Open, read, write
from counter.service.requests import DeskChanges, Nothing, SiteCode
from counter.sync.site_view import Registration, Rotated, ShownSite, SiteSetUpDone
from counter.sync.sites import Peer, SiteDesk, SiteIdentity, SiteKind, SiteOffice

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counter.db.engine import Sessions

_KEY = "counter.sync.keys:KeyUnreadable"


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
class NumbersAsked:
    """Whether this desk may number on the call's day; ``series``: and whether it numbers in its database's site's
    series."""

    series: bool = False


@dataclass(frozen=True)
class DeskClerk:
    clerk: str | None  # the clerk's name being given, None when it is not being changed


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


def read_shown(work: Session, call: Call, request: Nothing) -> ShownSite:
    """This site's identity and where its key files are (made on first use)."""
    from counter.actions.admin import site

    return site.site_as_shown(work)


SHOWN = write("site.read_shown", Open.ANY_DESK, read_shown, faults=(_KEY,))


def read_card(work: Session, call: Call, request: Nothing) -> SiteIdentity:
    """This site as its card shows it, the keys from this machine's key files."""
    from counter.actions.admin import site

    return site.site_for_card(work)


CARD = write("site.read_card", Open.ANY_DESK, read_card, faults=(_KEY, "counter.sync.site_faults:StoredKeysChanged"))


def register_card(work: Session, call: Call, request: RegisterCard) -> Registration:
    """Accept a peer's packages, by the keys on its card; what the registration changed."""
    from counter.actions.site import site_setup

    return site_setup.register_card(work, request.card, desk=at_desk(call), county=request.county)


REGISTER_CARD = write(
    "site.register_card", Permission.CHANGE_SETTINGS, register_card, faults=("counter.sync.site_faults:PeerRefused",)
)


def peers(work: Session, call: Call, request: Nothing) -> tuple[Peer, ...]:
    """Every registered peer, by code."""
    from counter.actions.admin import site

    return tuple(site.peers(work))


PEERS = read("site.peers", Open.ANY_DESK, peers)


def set_up(work: Sessions, call: Call, request: SetUpSite) -> SiteSetUpDone:
    """Set this site's identity and this desk's code together, then load the catalog where there is none.

    The identity and the desk's settings in one transaction, the catalog after it (:func:`set_up_site`)."""
    from counter.actions.site import site_setup
    from counter.sync.site_faults import SiteFileFailed

    try:
        done = site_setup.set_up_site(
            work, request.code, request.name, request.kind, desk=at_desk(call), catalog_folder=request.catalog_folder,
            office=request.office, this_desk=request.this_desk,
        )  # fmt: skip
    except OSError as err:  # the desk's settings or the key file: the identity was rolled back
        from counter.host.machine.desk_config import config_path

        raise SiteFileFailed.of(err, config_path()) from err
    catalog = done.catalog
    if catalog is None:
        return SiteSetUpDone(done.identity, done.desk, done.desk_file, blanks=done.blanks)
    return SiteSetUpDone(
        done.identity, done.desk, done.desk_file, True, catalog.new_versions, catalog.problems, done.blanks
    )


SET_UP = write(
    "site.set_up",
    Permission.CHANGE_SETTINGS,
    set_up,
    faults=(_KEY, "counter.sync.site_faults:SiteRefused", "counter.sync.site_faults:SiteFileFailed"),
    whole=True,
)


def rotate_key(work: Session, call: Call, request: RotateKey) -> Rotated:
    """New keys for this site (installed by the face once committed); the old key's seals still verify.

    At the machine's moment, not the call's: the rotation seals the trail, and a seal's time is when it truly was
    made (a training desk's day ahead would date two seals before which the next one goes back in time)."""
    from counter.actions.admin import key_rotation
    from counter.host.machine import paths

    return key_rotation.rotate_site_key(work, at_desk(call), paths.site_key_path(), request.revoked_since)


ROTATE_KEY = write("site.rotate_key", Permission.CHANGE_SETTINGS, rotate_key, faults=(_KEY,))


def choose_suite(work: Session, call: Call, request: ChooseSuite) -> SiteIdentity:
    """The suite this site writes its packages in; the national one makes its SM2 key, on its card from then on."""
    from counter.actions.admin import site

    return site.choose_suite(work, request.national, at_desk(call))


CHOOSE_SUITE = write("site.choose_suite", Permission.CHANGE_SETTINGS, choose_suite, faults=(_KEY,))


def verify_trail(work: Session, call: Call, request: Nothing) -> AuditReport:
    """The audit trail checked whole: chains, seals, and rows against what the trail recorded."""
    from counter.actions.site import trail_check

    return trail_check.verify_trail(work)


VERIFY_TRAIL = read("site.verify_trail", Open.ANY_DESK, verify_trail)


def seal_trail(work: Session, call: Call, request: Nothing) -> SealMade:
    """Seal the trail's chains with the site's key, on the machine that holds it."""
    from counter.actions.admin import audit_seal

    return audit_seal.seal_trail(work)


SEAL_TRAIL = write("site.seal_trail", Open.ANY_DESK, seal_trail, faults=(_KEY,))


def set_aside_seal(work: Session, call: Call, request: SetAsideSeal) -> bool:
    """Set aside a held township seal row the township never signed; False when it was already."""
    from counter.actions.site import peer_seal_aside

    return peer_seal_aside.set_aside_peer_seal(work, at_desk(call), request.site, request.no, request.digest)


SET_ASIDE_SEAL = write(
    "site.set_aside_seal", Permission.CHANGE_SETTINGS, set_aside_seal, faults=("counter.audit.peer_seals:NotSetAside",)
)


def office_still_halls(work: Session, call: Call, request: SiteCode) -> tuple[str, ...]:
    """The fields of a township's office that still say the league hall's (none at a hall)."""
    from counter.actions.admin import office

    return office.office_still_the_halls(work, site_code=request.site_code)


OFFICE_STILL_HALLS = read("site.office_still_halls", Open.ANY_DESK, office_still_halls)


def ping(work: Session, call: Call, request: Nothing) -> None:
    """Nothing asked: the database answers when it can be reached (the desk's reconnect probe)."""
    from counter.actions.site import store

    store.ping(work)


PING = read("site.ping", Open.ANY_DESK, ping)


def check_numbers(work: Session, call: Call, request: NumbersAsked) -> None:
    """Refuse when this desk's next number could be one already issued, or of another site's series."""
    from counter.actions.numbers import number_guard

    number_guard.check_numbers(work, at_desk(call), call.today, series=request.series)


CHECK_NUMBERS = read(
    "site.check_numbers",
    Open.ANY_DESK,
    check_numbers,
    faults=("counter.case.number_faults:NumbersBehind", "counter.case.number_faults:OtherSeries"),
)


def note_report(work: Session, call: Call, request: Nothing) -> NoteReport:
    """This desk's note of issued numbers: where, its state, what it and the database say."""
    from counter.actions.numbers import number_note

    return number_note.note_report(work, at_desk(call), call.today)


NOTE_REPORT = read("site.note_report", Open.ANY_DESK, note_report)


def renote(work: Session, call: Call, request: Nothing) -> Renoted:
    """Make this desk's note of issued numbers again from the database."""
    from counter.actions.numbers import number_note

    return number_note.renote(work, at_desk(call), call.now)


RENOTE = write("site.renote", Permission.CHANGE_SETTINGS, renote)


def skip_issued(work: Session, call: Call, request: Nothing) -> str | None:
    """Number on above what this desk issued (after a restore); the last number skipped, or None."""
    from counter.actions.numbers import number_guard

    return number_guard.skip_issued(work, at_desk(call), call.today)


SKIP_ISSUED = write("site.skip_issued", Permission.CHANGE_SETTINGS, skip_issued)


def may_change_desk(work: Session, call: Call, request: DeskClerk) -> tuple[DeskNameProblem, ...]:
    """Whether this desk's settings may change: an administrator's, the clerk no other account's name."""
    from counter.actions.admin import desk_settings

    return desk_settings.may_change_desk(work, at_desk(call), request.clerk)


MAY_CHANGE_DESK = write("site.may_change_desk", Permission.CHANGE_SETTINGS, may_change_desk)


def record_desk_change(work: Session, call: Call, request: DeskChanges) -> None:
    """This desk's settings changed, in the audit trail."""
    from counter.actions.admin import desk_settings

    desk_settings.record_desk_change(work, at_desk(call), dict(request.changes))


RECORD_DESK_CHANGE = write("site.record_desk_change", Permission.CHANGE_SETTINGS, record_desk_change)


def schema_revision(work: Session, call: Call, request: Nothing) -> str | None:
    """The schema revision the database stands at (opening it migrated it: counter db upgrade)."""
    from counter.db.migrate import current_revision  # Alembic's tables, read only when asked

    return current_revision(work.get_bind().engine)


SCHEMA_REVISION = read("site.schema_revision", Open.ANY_DESK, schema_revision)


def other_logins(work: Session, call: Call, request: Nothing) -> tuple[str, ...]:
    """The database roles besides the tables' owner granted rights on them (a hall's old desk role); none on SQLite."""
    from counter.db.table_logins import other_table_logins

    return other_table_logins(work)


OTHER_LOGINS = read("site.other_logins", Open.ANY_DESK, other_logins)


def backup(work: Sessions, call: Call, request: Backup) -> BackupMade:
    """Copy the SQLite database online and check the copy; the backup in the audit trail."""
    from counter.actions.site.backup import back_up

    return BackupMade(*back_up(work, at_desk(call), request.out))


BACKUP = write(
    "site.backup",
    Permission.CHANGE_SETTINGS,
    backup,
    faults=("counter.backup.sqlite_files:BackupFailed", "counter.sync.site_faults:SiteFileFailed"),
    whole=True,
)


def may_restore(work: Session, call: Call, request: Nothing) -> None:
    """Refuse anyone but an administrator (where accounts exist) before a backup replaces the database."""
    from counter.actions.site import backup as backups

    backups.authorise(work, at_desk(call))


MAY_RESTORE = read("site.may_restore", Permission.CHANGE_SETTINGS, may_restore)


def record_restore(work: Session, call: Call, request: RecordRestore) -> None:
    """A backup put in place, in the restored database's trail (a damaged one could name no administrator)."""
    from counter.actions.site import backup as backups

    backups.record_restore(work, at_desk(call), request.restored, request.source)


RECORD_RESTORE = write("site.record_restore", Open.ANY_DESK, record_restore)
