"""Sync actions: write a package for the other site, take one in, show where things stand.

A township exports its cases — every case with a row newer than what its hall
has acknowledged — and its 帮您办 projects likewise, and the hall imports them; the hall exports updates for one
township (guide versions, holidays, settings, the progress of that township's
cases, and the acknowledgement of its packages) and the township imports those.

An import is all or nothing at the level of the package: a package that fails
any check is refused with :class:`PackageRejected` and nothing is written.
Inside a good package each record stands alone (as ODK and OpenCRVS treat a
submission): a record that cannot be applied goes on the review list, kept
whole, and the others go in.  Records on the review list are tried again at
every later import from the same site, so a case held for a guide version the
hall lacked goes in once that version has arrived.

A package taken in is remembered by sender, kind and number, with the time its
sender wrote it: the same package again changes nothing and says so
(``replayed``); another package under a number already taken in is refused, and
so is one written before the last taken in from its sender, or dated days ahead
(:mod:`counter.sync.freshness`).

Permission: :attr:`Permission.SYNC`, which clerks and admins hold — at a
township the clerk on duty carries the stick to the hall.

Why export and import share a module: they are the two sides of the package formats.  The export writes the lowest
format its records need and the import refuses what a format cannot hold
(:func:`_refuse_what_its_format_cannot_hold`); a new kind of record changes both, and only together are they right.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.access.roles import Permission
from counter.actions.admin.acting import SYSTEM_CLERK
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.audit_seal import seal_with
from counter.actions.admin.calendar import office_calendar
from counter.actions.admin.guard import require
from counter.actions.admin.peer_former_keys import adopt_key_change, keys_to_check
from counter.actions.admin.site import (
    national_suite_chosen,
    peers,
    site_encryption_key,
    site_signing_key,
    site_sm2_key,
    this_site,
)
from counter.actions.cases.date_moves import honour_printed_dates
from counter.actions.cases.item_track import last_history_id, retrack_after
from counter.actions.sync.sync_apply import RecordApplier, Tally
from counter.actions.sync.sync_seals import seal_records, seals_at_hall_record, sent_seal_changed
from counter.actions.sync.sync_series import check_series
from counter.audit.actions import AuditAction
from counter.audit.peer_seals import SEALS_AT_HALL
from counter.db.account_store import all_accounts
from counter.db.settings_store import get_setting, is_training
from counter.db.sync import store as sync_store
from counter.db.sync.appeals import appeal_records
from counter.db.sync.case_records import case_dicts
from counter.db.sync.held import held_record
from counter.db.sync.marks import current_marks
from counter.db.sync.pages import page_records
from counter.db.sync.projects import project_records
from counter.db.sync.tables import utc
from counter.host.machine.desk_config import FORMER_DEFAULT_CLERK
from counter.ratings.rectification import RectEvent
from counter.sync.appeal_record import AppealRecord
from counter.sync.body_packer import packed_groups
from counter.sync.case_reader import CaseReader
from counter.sync.exchange import ImportReport, SyncNotPossible, SyncProblem
from counter.sync.freshness import check_fresh
from counter.sync.hall_owned import owned_keys
from counter.sync.key_change import KEY_CHANGE_SETTING
from counter.sync.package import (
    APPEALS_FORMAT,
    CASES_FORMAT,
    HELD_FORMAT,
    PAGES_FORMAT,
    PROJECTS_FORMAT,
    SEALS_FORMAT,
    SUBJECT_FORMAT,
    Header,
    OpeningKey,
    PackageKind,
    PackageRejected,
    RejectCode,
    SigningKey,
    announced_key_change,
    body_hash,
    check_package,
    encode_record,
    package_name,
    unpack_package,
    write_packed,
)
from counter.sync.project_record import ProjectRecord
from counter.sync.record_json import RecordProblem, parse_records, record_from_dict, to_dict
from counter.sync.records import AckRecord, GuideRecord, HeldRecord, HolidayRecord, PageRecord, Record, SealRecord
from counter.sync.seal import SUITE
from counter.sync.sender_checks import Sender
from counter.sync.sites import SiteIdentity, SiteKind
from counter.sync.sm_seal import SM_SUITE, Sm2PrivateKey
from counter.util.collector import without_collector_pauses

__all__ = [
    "ExportResult",
    "export_package",
    "import_package",
]

log = logging.getLogger(__name__)

READ_CHUNK = 2000  # cases read per query of an export: memory stays bounded at any count


@dataclass(frozen=True)
class ExportResult:
    """An export's packages: one, or as many as the package limits need, numbered on from ``export_no``."""

    packages: tuple[bytes, ...]
    to_site: str
    export_no: int  # the first package's number
    records: int  # in all of them
    #: a seal of this township that its hall holds and that is no longer here as sent (its trail rewritten after it
    #: was reported): the export goes, and the hall names it too (counter.audit.peer_seals)
    sent_seal_changed: int | None = None

    @property
    def data(self) -> bytes:
        """The package of an export that fits in one."""
        if len(self.packages) != 1:
            raise ValueError(f"{len(self.packages)} packages")
        return self.packages[0]


def _hall_of(session: Session, to_site: str | None) -> str:
    """The hall a township sends to: ``to_site`` if given (and a registered hall), else its one hall."""
    halls = [p.code for p in peers(session) if p.kind is SiteKind.HALL]
    if to_site is not None:
        return _peer_of_kind(session, to_site, SiteKind.HALL)
    if not halls:
        raise SyncNotPossible(SyncProblem.NO_HALL)
    if len(halls) > 1:
        raise SyncNotPossible(SyncProblem.SEVERAL_HALLS, ", ".join(halls))
    return halls[0]


def _addressed(session: Session, site: SiteIdentity, to_site: str | None) -> tuple[str, PackageKind, str | None]:
    """Whom the package goes to, what it is, and whose cases go in it (a township's all, a hall's own alone to its
    league: its townships' cases are theirs)."""
    if site.kind is SiteKind.TOWNSHIP:
        return _hall_of(session, to_site), PackageKind.CASES, None
    if to_site is None:
        raise SyncNotPossible(SyncProblem.TO_SITE_REQUIRED)
    if site.kind is SiteKind.LEAGUE:  # the league answers a hall with its acknowledgement alone
        return _peer_of_kind(session, to_site, SiteKind.HALL), PackageKind.UPDATES, None
    if next((p.kind for p in peers(session) if p.code == to_site), None) is SiteKind.LEAGUE:
        return to_site, PackageKind.CASES, site.code  # a hall reports to its league as a township to its hall
    return _peer_of_kind(session, to_site, SiteKind.TOWNSHIP), PackageKind.UPDATES, None


def _peer_of_kind(session: Session, code: str, kind: SiteKind) -> str:
    found = {p.code: p.kind for p in peers(session)}
    if code not in found:
        raise SyncNotPossible(SyncProblem.UNKNOWN_PEER, code)
    if found[code] is not kind:
        raise SyncNotPossible(SyncProblem.WRONG_PEER_KIND, code)
    return code


# --- export ---------------------------------------------------------------------------------


def _signer_and_recipient(
    session: Session, code: str, target: str, key: Ed25519PrivateKey, key_path: Path | None
) -> tuple[SigningKey, str]:
    """The key a package to ``target`` is signed with and the peer's key it is sealed to: the national suite's where
    this site chose it and the peer's card carried an SM2 key, today's otherwise."""
    peer = next(p for p in peers(session) if p.code == target)
    if not peer.encryption_key:
        raise SyncNotPossible(SyncProblem.OLD_CARD, target)
    if not national_suite_chosen(session):
        return key, peer.encryption_key
    if peer.sm2_key:
        return site_sm2_key(session, key_path), peer.sm2_key
    log.warning("%s chose the national suite, but %s registered no SM2 key: written in today's suite", code, target)
    return key, peer.encryption_key


def export_package(
    session: Session,
    desk: Desk,
    now: dt.datetime,
    to_site: str | None = None,
    key_path: Path | None = None,
) -> ExportResult:
    """Write the next packages for ``to_site`` and remember them; the caller commits, then saves ``packages``.

    What is pending goes in as many packages as the receiver's limits need
    (:func:`counter.sync.body_packer.packed_groups`), numbered on; only the last one's acknowledgement moves the
    baseline, so a hall that has taken only the first ones is sent the rest again.  Each names its series in its
    signed header, and a later one is refused until every earlier one is in (:mod:`counter.actions.sync.sync_series`),
    so no acknowledgement covers a package not had.

    Raises :class:`SyncNotPossible`, :class:`NotPermitted`, and
    :class:`counter.sync.keys.KeyUnreadable` when this machine cannot sign.
    """
    require(session, desk.actor, Permission.SYNC)
    if is_training(session):  # signed with the site's real key, a package of practice cases would be taken in
        raise SyncNotPossible(SyncProblem.TRAINING)
    site = this_site(session, key_path)
    target, kind, own = _addressed(session, site, to_site)
    key = site_signing_key(session, key_path)  # before the reading: a machine that cannot sign says so at once
    signer, recipient = _signer_and_recipient(session, site.code, target, key, key_path)
    changed = None
    carried = _Carried()
    if kind is PackageKind.CASES:
        changed = sent_seal_changed(session)
        if changed is not None:
            log.error("seal %s, held by the hall %s, is no longer here as it was sent: the trail was rewritten",
                      changed, target)  # fmt: skip
        marks = current_marks(session)
        # the league counts cases: a hall's 帮您办 projects and seals stay with the hall
        projects = sync_store.pending_project_ids(session, target) if own is None else []
        # a package with projects is of format 3, which a hall whose program predates it refuses whole; one without
        # is of format 2, as before, so a township upgraded before its hall goes on sending it its cases
        seals = seal_records(session) if own is None else []  # none until the hall keeps them (sync_seals)
        package_format = SEALS_FORMAT if seals else PROJECTS_FORMAT if projects else CASES_FORMAT
        encoded = _case_records(session, target, projects, seals, carried, own)
    else:
        updates = _updates_package(session, target, site.kind)
        marks = sync_store.update_marks(session)  # a township told why its records wait needs format 4 to read it
        package_format = HELD_FORMAT if any(isinstance(r, HeldRecord) for r in updates) else CASES_FORMAT
        if any(isinstance(r, AppealRecord) for r in updates):  # a township of format 7 would refuse the record
            package_format = APPEALS_FORMAT
        encoded = iter([encode_record(to_dict(r)) for r in updates])
    since = None if (acked := sync_store.last_acked(session, target)) is None else utc(acked.created_at)
    first = sync_store.next_export_no(session, target)
    with without_collector_pauses():
        packed = list(packed_groups(encoded))  # how many, before signing
    package_format = carried.format_over(package_format)
    made: list[bytes] = []
    for export_no, (count, body, plain) in enumerate(packed, start=first):
        series = (first, len(packed)) if len(packed) > 1 else None
        header = Header(
            site.code, site.kind.value, target, kind, export_no, now, since, count, format=package_format,
            series=series, key_change=get_setting(session, KEY_CHANGE_SETTING) or "",
        )  # fmt: skip
        made.append(data := write_packed(header, body, count, plain, signer, recipient))
        # the sealed body, after magic and header, hashed as its suite's header names it
        content_hash = body_hash(SM_SUITE if isinstance(signer, Sm2PrivateKey) else SUITE, data.split(b"\n", 2)[2])
        # only the last package carries the marks: the hall acknowledging an earlier one has not seen the later
        # ones' cases, so the baseline stays where it was and they are sent again (and found unchanged) next time
        covered = marks if export_no == first + len(packed) - 1 else None
        sync_store.add_export(session, target, export_no, kind.value, now, since, count, content_hash, covered)
        detail: dict[str, Any] = {"kind": kind.value, "to_site": target, "export_no": export_no, "records": count}
        if series is not None:
            detail["series"] = [first, first + len(packed) - 1]
        record_at_desk(session, desk, AuditAction.EXPORTED, f"sync:{target}#{export_no}", detail)
    # this machine signs packages, so it holds the key: sealed too, with SM2 where packages are signed with it
    seal_with(session, site_sm2_key(session, key_path) if national_suite_chosen(session) else key, site.code, now,
              key_path)  # fmt: skip
    return ExportResult(tuple(made), target, first, sum(count for count, _body, _plain in packed), changed)


@dataclass(slots=True)
class _Carried:
    """What the cases written into a package hold that decides its format: seen as they are written."""

    subject: bool = False
    pages: bool = False
    appeals: bool = False

    def format_over(self, package_format: int) -> int:
        """The format the package is written in, given what its cases were seen to hold."""
        if self.appeals:  # a hall of format 7 would take the filing and not know it: it is told to upgrade
            return APPEALS_FORMAT
        if self.pages:  # a hall of format 6 knows no page record: it is told to upgrade, not that the package is bad
            return PAGES_FORMAT
        if self.subject:
            # a case with its bundle's subject: a hall of format 5 would drop the field unseen, so it is told to upgrade
            return SUBJECT_FORMAT
        return package_format


def _case_records(
    session: Session,
    hall: str,
    projects: list[int],
    seals: list[SealRecord],
    carried: _Carried,
    own: str | None = None,
) -> Iterator[bytes]:
    """The acknowledgement, the pending cases, the pending ``projects`` and the ``seals``, each as its record's JSON.

    The acknowledgement goes first, so that it reaches the hall with the first package of a series.  The cases are
    written straight from their rows; the projects, a few dozen at a township, follow as records.
    """
    taken = sync_store.highest_import(session, hall, PackageKind.UPDATES.value)
    if taken:
        yield encode_record(to_dict(AckRecord(PackageKind.UPDATES.value, taken)))
    ids = sync_store.pending_case_ids(session, hall, own)
    for start in range(0, len(ids), READ_CHUNK):
        for record in case_dicts(session, ids[start : start + READ_CHUNK]):
            carried.subject = carried.subject or bool(record["subject"])
            carried.appeals = carried.appeals or _files_an_appeal(record)
            yield encode_record(record)
        for page in page_records(session, ids[start : start + READ_CHUNK]):
            carried.pages = True
            yield encode_record(to_dict(page))
    for start in range(0, len(projects), READ_CHUNK):
        for project in project_records(session, projects[start : start + READ_CHUNK]):
            yield encode_record(to_dict(project))
    for seal in seals:
        yield encode_record(to_dict(seal))
    if own is not None:  # the guide versions the hall's cases name: the league reads the cases' figures from them
        for guide in sync_store.guide_records(session, 0, ids):
            yield encode_record(to_dict(guide))


def _files_an_appeal(record: dict[str, Any]) -> bool:
    """Whether a case's record holds an appeal filed at the township (申诉, a line of a rating's rectification): the
    hall decides it (counter.actions.ratings.follow_up.decide_appeal), so the hall must know the line."""
    return any(
        line["event"] == RectEvent.APPEALED.value
        for request in record["ratings"]
        if request["rating"] is not None and request["rating"]["rectification"] is not None
        for line in request["rating"]["rectification"]["history"]
    )


def _updates_package(session: Session, township: str, kind: SiteKind) -> list[Record]:
    if kind is SiteKind.LEAGUE:  # a league sends nothing of its own to its halls: it tells them what it holds
        taken = sync_store.highest_import(session, township, PackageKind.CASES.value)
        return [AckRecord(PackageKind.CASES.value, taken)] if taken else []
    base = sync_store.baseline(session, township) or {}
    records: list[Record] = []
    records.extend(sync_store.guide_records(session, base.get("guide_version", 0)))
    records.extend(sync_store.holiday_records(session))
    owned = [key for key in owned_keys(township) if key != SEALS_AT_HALL]  # that one is the township's, from here
    records.extend(sync_store.setting_records(session, owned))  # what the township takes of them
    records.append(seals_at_hall_record(session, township))  # which of its seals the hall keeps
    records.extend(sync_store.progress_records(session, township, base.get("case_history", 0)))
    records.extend(appeal_records(session, township, base.get("rating_appeal", 0)))  # decided here, filed there
    taken = sync_store.highest_import(session, township, PackageKind.CASES.value)
    if taken:
        records.append(AckRecord(PackageKind.CASES.value, taken))
    held = held_record(session, township)  # why its records wait here (counter.db.sync.held)
    return records if held is None else [*records, held]


# --- import ---------------------------------------------------------------------------------


def import_package(
    session: Session,
    desk: Desk,
    data: bytes,
    now: dt.datetime,
    key_path: Path | None = None,
) -> ImportReport:
    """Check and apply a package; :class:`PackageRejected` with nothing written if it fails any check.

    Opening the body takes this site's encryption key, a file on the machine
    that holds the site's keys (:class:`counter.sync.keys.KeyUnreadable`
    elsewhere); a package already taken in is known without it.  A refused package is logged for support, named
    by what its header claims, with the code and detail of its refusal (never a value of a record).
    """
    try:
        return _import_package(session, desk, data, now, key_path)
    except PackageRejected as err:
        log.warning("sync package %s refused (%s): %s", package_name(data), err.code.value, err.detail)
        raise


def _import_package(
    session: Session,
    desk: Desk,
    data: bytes,
    now: dt.datetime,
    key_path: Path | None,
) -> ImportReport:
    require(session, desk.actor, Permission.SYNC)
    site = this_site(session)
    change, trusted, trusted_sm2 = keys_to_check(session, *announced_key_change(data))
    header, body = check_package(data, trusted, site.code, trusted_sm2)
    if change is not None:  # the sender's old key vouched for the new, which signed the package: registered here
        adopt_key_change(session, desk, change, now)
    _check_direction(session, site.kind, header)
    earlier = sync_store.find_import(session, header.from_site, header.kind.value, header.export_no)
    if earlier is not None:  # known by its number: a replay is answered without unpacking the body
        if earlier.content_hash != header.body_sha256:
            raise PackageRejected(RejectCode.NUMBER_REUSED, f"{header.from_site} #{header.export_no}")
        return ImportReport(header.from_site, header.kind.value, header.export_no, 0, 0, 0, replayed=True)
    _check_fresh(session, header, now)
    check_series(session, header)
    opener: OpeningKey = (
        site_sm2_key(session, key_path) if header.suite == SM_SUITE else site_encryption_key(session, key_path)
    )
    with without_collector_pauses():
        return _import_body(session, desk, header, body, now, opener)


def _refuse_what_its_format_cannot_hold(header: Header, records: list[Record], reader: CaseReader | None) -> None:
    """A record of a kind the package's format says it holds none of, or from a site that sends none: the whole
    package refused, as a receiver of that format would have refused the record."""
    if header.format < PROJECTS_FORMAT and any(isinstance(r, ProjectRecord) for r in records):
        raise PackageRejected(RejectCode.BAD_STRUCTURE, f"project records in a format {header.format} package")
    if header.format < SEALS_FORMAT and any(isinstance(r, SealRecord) for r in records):
        raise PackageRejected(RejectCode.BAD_STRUCTURE, f"seal records in a format {header.format} package")
    if header.from_kind != SiteKind.HALL.value and any(isinstance(r, GuideRecord) for r in records):
        # a hall's package to its league carries the guide versions its cases name; nobody else sends any
        raise PackageRejected(RejectCode.BAD_STRUCTURE, f"guide records from a {header.from_kind}")
    if header.format < SUBJECT_FORMAT and reader is not None and reader.subject:
        raise PackageRejected(RejectCode.BAD_STRUCTURE, f"case subjects in a format {header.format} package")
    if header.format < PAGES_FORMAT and any(isinstance(r, PageRecord) for r in records):
        raise PackageRejected(RejectCode.BAD_STRUCTURE, f"page records in a format {header.format} package")
    if header.format < APPEALS_FORMAT and any(isinstance(r, AppealRecord) for r in records):
        raise PackageRejected(RejectCode.BAD_STRUCTURE, f"appeal records in a format {header.format} package")


def _import_body(
    session: Session,
    desk: Desk,
    header: Header,
    body: bytes,
    now: dt.datetime,
    opener: OpeningKey,
) -> ImportReport:
    package = unpack_package(header, body, opener)
    reader: CaseReader | None = None
    if header.kind is PackageKind.CASES:
        reader = CaseReader(package.body, storable=True)  # its reading refused any NUL or half surrogate pair
        records: list[Record] = reader.others
        problems = reader.problems
    else:
        records, problems = parse_records(package.body, header.kind.value, storable=True)
    if problems:
        raise _malformed(problems)
    _refuse_what_its_format_cannot_hold(header, records, reader)
    tally = Tally()
    every = [*records, *(reader.cases if reader is not None else ())]
    retry = _retry_list(session, header.from_site, {(r.TYPE, r.key) for r in every})
    from_hall = header.from_kind == SiteKind.HALL.value and header.kind is PackageKind.CASES  # to its league
    sender = _sender(session, desk, header.from_site, now, hall=from_hall)
    ctx = RecordApplier(session, header.from_site, header.export_no, now, sender)
    above = last_history_id(session)
    if reader is not None:
        ctx.cases(reader, retry, tally)
        # a case is read in full only as it goes in: a problem found then refuses the package all the same,
        # and the caller's rollback takes back what went in before it
        problems = reader.finish()
        if problems:
            raise _malformed(problems)
    else:
        before = office_calendar(session)
        ctx.updates(records, retry, tally)
        # the hall's holidays taken in: this township's open dates counted again, the later governing; after the
        # update's baseline, so that the moves go to the hall with the township's next package
        honour_printed_dates(session, desk, before, _holiday_years(records), now)
    retrack_after(session, above)  # a township's withdrawal or lapse takes items off their departments' queues
    sync_store.add_import(
        session, header.from_site, header.kind.value, header.export_no, now, package.content_hash,
        tally.applied, tally.unchanged, tally.held, header.created_at,
    )  # fmt: skip
    detail = {
        "kind": header.kind.value, "export_no": header.export_no, "applied": tally.applied,
        "unchanged": tally.unchanged, "held": tally.held, "resolved": ctx.resolved,
    }  # fmt: skip
    record_at_desk(session, desk, AuditAction.SYNC_IMPORTED, f"sync:{header.from_site}#{header.export_no}", detail)
    return ImportReport(header.from_site, header.kind.value, header.export_no, tally.applied, tally.unchanged,
                        tally.held, replayed=False)  # fmt: skip


def _holiday_years(records: list[Record]) -> list[dt.date]:
    """Every day of the years an update's holiday records are of: where its days may differ from this site's."""
    years = sorted({r.day.year for r in records if isinstance(r, HolidayRecord)})
    first = [dt.date(year, 1, 1) for year in years]
    return [day + dt.timedelta(days=k) for day in first for k in range((dt.date(day.year, 12, 31) - day).days + 1)]


#: clerk names that name nobody: an unconfigured desk's (townships have them too) and the program's own steps
_NOBODY = frozenset({"", FORMER_DEFAULT_CLERK, SYSTEM_CLERK})


def _sender(session: Session, desk: Desk, from_site: str, now: dt.datetime, *, hall: bool = False) -> Sender:
    """The sender as its records are checked: its code, whether it is a hall (reporting to its league), this site's
    own people, and this site's present.

    The present is the later of ``now`` and this machine's clock: a date ahead of both has not happened yet,
    whatever day a caller names for the import.
    """
    accounts = all_accounts(session)
    clerks, staff_nos = sync_store.own_clerks(session, desk.identity.site_code)
    people = {a.name.strip() for a in accounts} | {a.login.strip() for a in accounts} | {desk.clerk.strip()} | clerks
    staff = {a.staff_no.strip() for a in accounts} | {desk.staff_no.strip()} | staff_nos
    present = max(now, dt.datetime.now(dt.UTC))
    return Sender(from_site, frozenset(people - _NOBODY), frozenset(staff - {""}), present, hall=hall)


def _check_fresh(session: Session, header: Header, now: dt.datetime) -> None:
    """Refuse a package written before the last taken in from its sender, or dated ahead (counter.sync.freshness).

    The present is the later of ``now`` and this machine's clock, as for the records (:func:`_sender`).
    """
    registered = next((p.registered_at for p in peers(session) if p.code == header.from_site), None)
    present = max(now, dt.datetime.now(dt.UTC))
    check_fresh(header, sync_store.last_written(session, header.from_site), registered, present)


def _check_direction(session: Session, kind: SiteKind, header: Header) -> None:
    """Cases go from a township to a hall and from a hall to its league, updates the other way; the sender is the
    kind it was registered as."""
    registered = {p.code: p.kind for p in peers(session)}.get(header.from_site)
    expected = PackageKind.UPDATES if kind is SiteKind.TOWNSHIP else PackageKind.CASES
    sender = {SiteKind.HALL: SiteKind.TOWNSHIP, SiteKind.TOWNSHIP: SiteKind.HALL, SiteKind.LEAGUE: SiteKind.HALL}[kind]
    if kind is SiteKind.HALL and registered is SiteKind.LEAGUE:  # its league's acknowledgement
        expected, sender = PackageKind.UPDATES, SiteKind.LEAGUE
    if header.kind is not expected or registered is not sender or header.from_kind != sender.value:
        raise PackageRejected(
            RejectCode.WRONG_DESTINATION, f"{header.kind.value} from {header.from_kind} {header.from_site}"
        )


def _malformed(problems: list[RecordProblem]) -> PackageRejected:
    """The refusal of a package whose records are malformed (a name of megabytes, say): each problem's place."""
    return PackageRejected(RejectCode.BAD_STRUCTURE, _problems_text(problems))


def _problems_text(problems: list[RecordProblem]) -> str:
    shown = "; ".join(f"#{p.index} {p.field or '-'}: {p.code}" for p in problems[:20])
    return shown + (f"; … {len(problems) - 20} more" if len(problems) > 20 else "")


def _retry_list(session: Session, from_site: str, superseded: set[tuple[str, str]]) -> list[tuple[int, Record]]:
    """Open review items of this sender to try again, except those the package brings anew."""
    found = []
    for row in sync_store.open_reviews(session, from_site):
        if (row.record_type, row.record_key) in superseded:
            continue
        record = record_from_dict(json.loads(row.payload))
        if record is not None:
            found.append((row.id, record))
    return found
