"""Applying a package's records at the receiving site: each taken in, found unchanged, or held for review.

Split from :mod:`counter.actions.sync.packages`, which reads, checks and accounts for the package as a whole; here each
kind of record goes where it belongs, and one that cannot go in yet waits on the review list with its reason
(:class:`HoldReason`, worded in :mod:`counter.words.sync`).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from counter.actions.admin.site import this_site
from counter.actions.sync.sync_seals import keep_township_seal
from counter.db.sync import store as sync_store
from counter.db.sync.appeals import take_appeal
from counter.db.sync.cases import apply_cases
from counter.db.sync.held import keep_held
from counter.db.sync.marks import current_marks
from counter.db.sync.pages import add_page_record, page_bytes
from counter.db.sync.projects import PROJECT_NO_TAKEN, apply_projects
from counter.db.sync.tables import CASE, CASE_TRACKED, HISTORY
from counter.sync.appeal_record import AppealRecord
from counter.sync.case_reader import CaseKeys, CaseReader, PackageCase
from counter.sync.hall_owned import hall_owns
from counter.sync.project_record import ProjectRecord
from counter.sync.record_json import to_dict
from counter.sync.records import (
    AckRecord,
    CaseRecord,
    GuideRecord,
    HeldRecord,
    HolidayRecord,
    PageRecord,
    ProgressRecord,
    Record,
    SealRecord,
    SettingRecord,
)
from counter.sync.sender_checks import Refusal, Sender

log = logging.getLogger(__name__)


class HoldReason(StrEnum):
    """Why a record waits on the review list (worded in counter.words.sync)."""

    UNKNOWN_GUIDE = "unknown_guide"  # the case's guide version is not in this site's catalog
    CASE_NO_TAKEN = "case_no_taken"  # another case here has its number
    PREVIOUS_MISSING = "previous_missing"  # the case it answers (a correction) has not arrived
    DOCUMENT_CONFLICT = "document_conflict"  # one of its document numbers belongs to another case here
    OTHER_SITE = "other_site"  # a case taken at a site other than the sender
    CASE_UNKNOWN = "case_unknown"  # progress for a case this township does not have
    PROJECT_NO_TAKEN = PROJECT_NO_TAKEN  # another 帮您办 project here has the project's number
    NOT_HALL_OWNED = "not_hall_owned"  # a setting a hall's update may not write here (counter.sync.hall_owned)
    BAD_SEAL = "bad_seal"  # a seal not signed with the sender's registered key, or not the sender's
    PAGE_CASE_MISSING = "page_case_missing"  # a camera's page whose case is not here as the sender's (yet)
    PAGE_UNREADABLE = "page_unreadable"  # a camera's page whose image is not base64: never written


@dataclass
class Tally:
    """What an import did with its records: the counts its report gives."""

    applied: int = 0
    unchanged: int = 0
    held: int = 0


class RecordApplier:
    """One package's records applied, with the review list kept as it goes."""

    def __init__(self, session: Session, from_site: str, export_no: int, now: dt.datetime, sender: Sender) -> None:
        self.session, self.from_site, self.export_no, self.now = session, from_site, export_no, now
        self.sender = sender
        self.resolved = 0
        self.open = {(r.record_type, r.record_key): r.id for r in sync_store.open_reviews(session, from_site)}

    def hold(self, record: Record, reason: str, detail: str, tally: Tally | None) -> None:
        if reason in _REFUSALS:  # kept for support: the sender's record is not the sender's to send
            log.warning("sync %s#%s: %s %s refused (%s): %s", self.from_site, self.export_no, record.TYPE,
                        record.key, reason, detail)  # fmt: skip
        sync_store.hold(
            self.session, self.from_site, self.export_no, record.TYPE, record.key, reason, detail,
            to_dict(record), self.now,
        )  # fmt: skip
        if tally is not None:
            tally.held += 1

    def setting(self, record: SettingRecord, tally: Tally | None) -> None:
        """A setting of the hall's applied; any other held, unwritten: a signed package is the hall's, not every
        setting in it (counter.sync.hall_owned)."""
        own = this_site(self.session).code
        if hall_owns(record.key, own):
            self.done(record, sync_store.apply_setting(self.session, record), tally)
            return
        log.warning("sync %s#%s: setting %s is not the hall's to write here; held", self.from_site, self.export_no,
                    record.key)  # fmt: skip
        self.hold(record, HoldReason.NOT_HALL_OWNED, record.key, tally)

    def seal(self, record: SealRecord, tally: Tally | None) -> None:
        """A township's seal kept as sent, once its signature is the township's own; else held for review."""
        verdict = keep_township_seal(self.session, self.from_site, record)
        if verdict is None:
            log.warning("sync %s#%s: seal %s not signed by the site or not its seal; held", self.from_site,
                        self.export_no, record.no)  # fmt: skip
            self.hold(record, HoldReason.BAD_SEAL, str(record.no), tally)
            return
        self.done(record, verdict, tally)

    def done(self, record: Record | CaseKeys, changed: bool, tally: Tally | None) -> None:
        """A record applied: counted, and its review item (if any) resolved."""
        review = self.open.pop((record.TYPE, record.key), None)
        if review is not None:
            sync_store.resolve(self.session, [review], self.now)
            self.resolved += 1
        if tally is not None:
            if changed:
                tally.applied += 1
            else:
                tally.unchanged += 1

    def cases(self, reader: CaseReader, retry: list[tuple[int, Record]], tally: Tally) -> None:
        pending_before = self._progress_pending()
        mine: dict[str, Tally | None] = {}
        cases: list[PackageCase] = []
        projects: list[tuple[Tally | None, ProjectRecord]] = []
        pages: list[tuple[Tally | None, PageRecord]] = []
        items: list[tuple[Tally | None, Record | CaseKeys]] = [(tally, r) for r in reader.others]
        items += [(tally, c) for c in reader.cases] + [(None, r) for _id, r in retry]
        self.guides(items)
        for source, record in items:
            if isinstance(record, CaseRecord | CaseKeys):
                if record.site_code != self.from_site:
                    for whole in reader.read([record]):
                        self.hold(whole, HoldReason.OTHER_SITE, whole.site_code, source)
                    continue
                mine[record.uid] = source
                cases.append(record)
            elif isinstance(record, AckRecord):
                changed = sync_store.acknowledge(self.session, self.from_site, record.kind, record.export_no, self.now)
                self.done(record, changed, source)
            elif isinstance(record, ProjectRecord):
                projects.append((source, record))
            elif isinstance(record, SealRecord):
                self.seal(record, source)
            elif isinstance(record, PageRecord):
                pages.append((source, record))
        outcome = apply_cases(self.session, cases, reader.read, self.sender)
        by_uid = {c.uid: c for c in cases}
        for uid in outcome.applied:
            self.done(by_uid[uid], True, mine[uid])
        for uid in outcome.unchanged:
            self.done(by_uid[uid], False, mine[uid])
        for held in outcome.held:
            self.hold(held.record, held.reason, held.detail, mine[held.record.uid])
        self.projects(projects)
        self.pages(pages)
        if not pending_before:
            # the cases just taken in are the township's own: nothing to send back until the hall moves them
            self.session.flush()
            marks = sync_store.update_marks(self.session)
            sync_store.set_baseline(self.session, self.from_site, {"case_history": marks["case_history"]})

    def pages(self, items: list[tuple[Tally | None, PageRecord]]) -> None:
        """Pages added to their cases, once the cases are in; a page whose case is not here is held for review
        (its case held, or not yet arrived) and tried again with the next package, one whose image cannot be read
        held as such (no case arriving later makes it a page)."""
        for source, record in items:
            image = page_bytes(record)
            if image is None:
                log.warning("sync %s#%s: page %s refused: its image is not base64", self.from_site, self.export_no,
                            record.key)  # fmt: skip
                self.hold(record, HoldReason.PAGE_UNREADABLE, record.material_code, source)
                continue
            added = add_page_record(self.session, record, image, self.from_site)
            if added is None:
                self.hold(record, HoldReason.PAGE_CASE_MISSING, record.material_code, source)
            else:
                self.done(record, added, source)

    def guides(self, items: list[tuple[Tally | None, Record | CaseKeys]]) -> None:
        """A hall's guide versions taken in at its league, before the cases taken under them."""
        source = f"sync:{self.from_site}#{self.export_no}"
        for t, record in items:
            if isinstance(record, GuideRecord):
                self.done(record, sync_store.apply_guide(self.session, record, source), t)

    def projects(self, items: list[tuple[Tally | None, ProjectRecord]]) -> None:
        """The sender's 帮您办 projects taken in (:mod:`counter.db.sync.projects`), the others held for review."""
        if not items:
            return
        source = {record.uid: tally for tally, record in items}
        records = {record.uid: record for _tally, record in items}
        outcome = apply_projects(self.session, list(records.values()), self.sender)
        for uid in outcome.applied:
            self.done(records[uid], True, source[uid])
        for uid in outcome.unchanged:
            self.done(records[uid], False, source[uid])
        for held in outcome.held:
            self.hold(held.record, held.reason, held.detail, source[held.record.uid])

    def appeals(self, items: list[tuple[Tally | None, AppealRecord]]) -> None:
        """The hall's decisions on appeals filed here, beside their ratings (:mod:`counter.db.sync.appeals`); one
        whose rating is not here waits on the review list, as progress for an unknown case does."""
        for t, record in items:
            taken = take_appeal(self.session, record)
            if taken is None:
                self.hold(record, HoldReason.CASE_UNKNOWN, record.case_no, t)
            else:
                self.done(record, taken, t)

    def _progress_pending(self) -> bool:
        above = (sync_store.baseline(self.session, self.from_site) or {}).get("case_history", 0)
        stmt = select(
            exists()
            .where(HISTORY.c.id > above)
            .where(HISTORY.c.case_id == CASE.c.id)
            .where(CASE.c.site_code == self.from_site)
        )
        return bool(self.session.scalar(stmt))

    def updates(self, records: list[Record], retry: list[tuple[int, Record]], tally: Tally) -> None:
        items = [(tally, r) for r in records] + [(None, r) for _id, r in retry]
        source = f"sync:{self.from_site}#{self.export_no}"
        for t, record in items:  # the acknowledgement first: it decides what is still pending here
            if isinstance(record, AckRecord):
                changed = sync_store.acknowledge(self.session, self.from_site, record.kind, record.export_no, self.now)
                self.done(record, changed, t)
        pending_before = bool(sync_store.pending_case_ids(self.session, self.from_site))
        for t, record in items:
            if isinstance(record, GuideRecord):
                self.done(record, sync_store.apply_guide(self.session, record, source), t)
            elif isinstance(record, HolidayRecord):
                self.done(record, sync_store.apply_holiday(self.session, record), t)
            elif isinstance(record, SettingRecord):
                self.setting(record, t)
            elif isinstance(record, HeldRecord):
                self.done(record, keep_held(self.session, self.from_site, record), t)
        progress = [(t, r) for t, r in items if isinstance(r, ProgressRecord)]
        moved, missing = sync_store.apply_progress(self.session, [r for _t, r in progress])
        for t, record in progress:
            if record.uid in missing:
                self.hold(record, HoldReason.CASE_UNKNOWN, record.case_no, t)
            else:
                self.done(record, record.uid in moved, t)
        self.appeals([(t, r) for t, r in items if isinstance(r, AppealRecord)])
        if not pending_before:
            # what the hall just sent is no news for the hall: the baseline moves past it (the cases' tables only:
            # the hall sends no projects, and the township's own not yet sent must stay pending)
            self.session.flush()
            sync_store.set_baseline(self.session, self.from_site, current_marks(self.session, CASE_TRACKED))


_REFUSALS = frozenset(r.value for r in Refusal)
