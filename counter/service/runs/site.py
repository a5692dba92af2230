"""The site's operations in process (:mod:`counter.service.site`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter.actions.admin import audit_seal, desk_settings, key_rotation, office, site
from counter.actions.numbers import number_guard, number_note
from counter.actions.site import backup as backups
from counter.actions.site import peer_seal_aside, site_setup, store, trail_check
from counter.audit.seal_made import SealMade
from counter.audit.verify import AuditReport
from counter.case.desk_name_checks import DeskNameProblem
from counter.case.number_notes import NoteReport, Renoted
from counter.db.engine import Sessions
from counter.host import paths
from counter.service.call import Call
from counter.service.runs import at_desk
from counter.service.site import (
    Backup,
    BackupMade,
    ChooseSuite,
    DeskChange,
    DeskClerk,
    NumbersAsked,
    OfficeAsked,
    RecordRestore,
    RegisterCard,
    Renote,
    RotateKey,
    SetAsideSeal,
    SetUpSite,
    SiteAsked,
)
from counter.sync.site_faults import SiteFileFailed
from counter.sync.site_view import Registration, Rotated, ShownSite, SiteSetUpDone
from counter.sync.sites import Peer, SiteIdentity


def read_shown(work: Session, call: Call, request: SiteAsked) -> ShownSite:
    return site.site_as_shown(work)


def read_card(work: Session, call: Call, request: SiteAsked) -> SiteIdentity:
    return site.site_for_card(work)


def register_card(work: Session, call: Call, request: RegisterCard) -> Registration:
    return site_setup.register_card(work, request.card, desk=at_desk(call), county=request.county)


def peers(work: Session, call: Call, request: SiteAsked) -> tuple[Peer, ...]:
    return tuple(site.peers(work))


def set_up(work: Sessions, call: Call, request: SetUpSite) -> SiteSetUpDone:
    """The identity and the desk's settings in one transaction, the catalog after it (:func:`set_up_site`)."""
    try:
        done = site_setup.set_up_site(
            work, request.code, request.name, request.kind, desk=at_desk(call), catalog_folder=request.catalog_folder,
            office=request.office, this_desk=request.this_desk,
        )  # fmt: skip
    except OSError as err:  # the desk's settings or the key file: the identity was rolled back
        from counter.host.desk_config import config_path

        raise SiteFileFailed.of(err, config_path()) from err
    catalog = done.catalog
    if catalog is None:
        return SiteSetUpDone(done.identity, done.desk, done.desk_file)
    return SiteSetUpDone(done.identity, done.desk, done.desk_file, True, catalog.new_versions, catalog.problems)


def rotate_key(work: Session, call: Call, request: RotateKey) -> Rotated:
    return key_rotation.rotate_site_key(work, at_desk(call), paths.site_key_path(), request.revoked_since, call.now)


def choose_suite(work: Session, call: Call, request: ChooseSuite) -> SiteIdentity:
    site.choose_suite(work, request.national, at_desk(call), paths.site_key_path())
    return site.this_site(work, paths.site_key_path())


def verify_trail(work: Session, call: Call, request: SiteAsked) -> AuditReport:
    return trail_check.verify_trail(work)


def seal_trail(work: Session, call: Call, request: SiteAsked) -> SealMade:
    return audit_seal.seal_trail(work)


def set_aside_seal(work: Session, call: Call, request: SetAsideSeal) -> bool:
    return peer_seal_aside.set_aside_peer_seal(work, at_desk(call), request.site, request.no, request.digest)


def office_still_halls(work: Session, call: Call, request: OfficeAsked) -> tuple[str, ...]:
    return office.office_still_the_halls(work, site_code=request.site_code)


def ping(work: Session, call: Call, request: SiteAsked) -> None:
    store.ping(work)


def check_numbers(work: Session, call: Call, request: NumbersAsked) -> None:
    if request.series:
        site.check_series(work, at_desk(call))
    number_guard.check_numbers(work, at_desk(call), call.today)


def note_report(work: Session, call: Call, request: NumbersAsked) -> NoteReport:
    return number_note.note_report(work, at_desk(call), call.today)


def renote(work: Session, call: Call, request: Renote) -> Renoted:
    return number_note.renote(work, at_desk(call), call.now)


def skip_issued(work: Session, call: Call, request: NumbersAsked) -> str | None:
    return number_guard.skip_issued(work, at_desk(call), call.today)


def may_change_desk(work: Session, call: Call, request: DeskClerk) -> tuple[DeskNameProblem, ...]:
    return desk_settings.may_change_desk(work, at_desk(call), request.clerk)


def record_desk_change(work: Session, call: Call, request: DeskChange) -> None:
    desk_settings.record_desk_change(work, at_desk(call), dict(request.changes))


def schema_revision(work: Session, call: Call, request: SiteAsked) -> str | None:
    from counter.db.migrate import current_revision  # Alembic's tables, read only when asked

    return current_revision(work.get_bind().engine)


def other_logins(work: Session, call: Call, request: SiteAsked) -> tuple[str, ...]:
    from counter.db.table_logins import other_table_logins

    return other_table_logins(work)


def backup(work: Sessions, call: Call, request: Backup) -> BackupMade:
    """An administrator's (where accounts exist), checked first; the copy made online; then the audit entry."""
    by = at_desk(call)
    with work() as session:
        backups.authorise(session, by)
    url = work.kw["bind"].url.render_as_string(hide_password=False)
    try:
        made = backups.make_backup(url, request.out)
    except OSError as err:
        raise SiteFileFailed.of(err, request.out or backups.backups_folder()) from err
    kept = None if request.out else backups.backup_count()
    with work.begin() as session:
        backups.record_backup(session, by, made, kept)
    return BackupMade(made, kept)


def may_restore(work: Session, call: Call, request: SiteAsked) -> None:
    backups.authorise(work, at_desk(call))


def record_restore(work: Session, call: Call, request: RecordRestore) -> None:
    backups.record_restore(work, at_desk(call), request.restored, request.source)
