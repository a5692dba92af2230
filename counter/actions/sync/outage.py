"""A hall desk's outage mode (:mod:`counter.sync.outage`): the copy its store is made from and the hand-over the hall
takes, both at the hall; the store made, its cases read for the hand-over and those taken marked, on the desk.

The hand-over is the township's import of cases without its package: the desk is the hall's own, signed in at the
server over TLS, so no seal or signature stands between them; what a window may say of a case is checked as for a
township (:func:`counter.sync.sender_checks.check_case`: a department's step or decision is never the window's), and
every number as the desk's own outage series (:func:`counter.sync.outage.not_outage_work`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.site import store_identity, this_site
from counter.actions.cases.item_track import track_items
from counter.audit.actions import AuditAction
from counter.audit.peer_seals import SEALS_AT_HALL
from counter.db import models
from counter.db.account_store import all_accounts
from counter.db.catalog_store import guide_version
from counter.db.settings_store import OUTAGE, get_setting, office_key, put_setting
from counter.db.sync import store as sync_store
from counter.db.sync.case_records import case_dicts
from counter.db.sync.cases import apply_cases
from counter.sync.case_reader import CaseReader
from counter.sync.hall_owned import HALL_OWNED
from counter.sync.outage import (
    HandedOver,
    HandOver,
    NotAnOutageStore,
    OutageCopy,
    OutageHandOverRefused,
    PendingCases,
    not_outage_work,
)
from counter.sync.record_json import parse_records, to_dict
from counter.sync.records import CaseRecord, GuideRecord, HolidayRecord, Record, SettingRecord
from counter.sync.sender_checks import Sender
from counter.sync.sites import SiteKind

log = logging.getLogger(__name__)

#: on the desk's store: the uids of its cases the hall has taken (a JSON list), never handed over again
HANDED_OVER = "outage.handed_over"
#: the settings a hall's update carries to a township and the desk's store takes alike; the seals' list is a
#: township's own business with its hall
_COPIED = tuple(owned.key for owned in HALL_OWNED if owned.key != SEALS_AT_HALL)


# --- at the hall ----------------------------------------------------------------------------------------------


def outage_copy(session: Session) -> OutageCopy:
    """The hall as a desk's outage store holds it: its identity, catalog, calendar, and the office its papers print."""
    identity = this_site(session)
    records: list[Record] = [
        *sync_store.guide_records(session, 0),
        *sync_store.holiday_records(session),
        *sync_store.setting_records(session, [*_COPIED, office_key(identity.code)]),
    ]
    return OutageCopy(identity, json.dumps([to_dict(r) for r in records], ensure_ascii=False, default=str))


def take_hand_over(session: Session, desk: Desk, request: HandOver, now: dt.datetime) -> HandedOver:
    """The desk's outage cases taken in, each once: one already here (the same uid) is ``there``, unchanged."""
    try:
        body = json.loads(request.records)
    except ValueError as err:
        raise OutageHandOverRefused("not JSON") from err
    if type(body) is not list:
        raise OutageHandOverRefused("not a list of records")
    reader = CaseReader(body)
    if reader.problems or reader.others:
        raise OutageHandOverRefused("not case records")
    records = reader.read(reader.cases)
    refused = {r.uid: why for r in records if (why := not_outage_work(r, desk.identity)) is not None}
    for uid, why in refused.items():
        log.warning("outage hand-over from desk %s refused: %s (%s)", desk.identity.desk_no, why, uid)
    mine = [r for r in records if r.uid not in refused]
    outcome = apply_cases(session, mine, lambda cases: [c for c in cases if isinstance(c, CaseRecord)],
                          _sender(session, desk, now))  # fmt: skip
    numbers = {r.uid: r.case_no for r in records}
    taken = [numbers[uid] for uid in outcome.applied]
    _track(session, taken)
    held = list(refused.values())  # each names its case
    held += [f"{h.record.case_no}: {h.reason} {h.detail}" for h in outcome.held]
    for line in held[len(refused) :]:
        log.warning("outage hand-over from desk %s held: %s", desk.identity.desk_no, line)
    if taken:
        record_at_desk(session, desk, AuditAction.SYNC_IMPORTED, f"outage:{desk.identity.desk_no}",
                       {"taken": taken, "there": len(outcome.unchanged), "held": len(held)})  # fmt: skip
    return HandedOver(tuple(taken), tuple(numbers[uid] for uid in outcome.unchanged), tuple(held))


def _sender(session: Session, desk: Desk, now: dt.datetime) -> Sender:
    """The desk as the sender its cases are checked against: a rating may name the desk's own clerk, no other of
    the hall's people (ratings are counted by clerk)."""
    accounts = all_accounts(session)
    people = {a.name.strip() for a in accounts} | {a.login.strip() for a in accounts}
    staff = {a.staff_no.strip() for a in accounts}
    actor = desk.actor
    own = {desk.clerk.strip(), *((actor.login, actor.name) if actor is not None else ())}
    present = max(now, dt.datetime.now(dt.UTC))
    return Sender(desk.identity.site_code, frozenset(people - own), frozenset(staff - {desk.staff_no.strip(), ""}),
                  present)  # fmt: skip


def _track(session: Session, numbers: list[str]) -> None:
    """The cases taken put on their departments' queues, as an intake at the hall puts its own."""
    if not numbers:
        return
    session.flush()
    for case in session.scalars(select(models.Case).where(models.Case.case_no.in_(numbers))):
        stored = guide_version(session, case.guide_version_id)
        assert stored is not None  # a case always keeps its guide version (foreign key)
        track_items(session, case, stored.bundle)


# --- on the desk's store --------------------------------------------------------------------------------------


def make_store(session: Session, copy: OutageCopy) -> None:
    """The desk's store made, or brought up to date, from the hall's copy; marked as an outage store, so that it
    numbers from 8001 (:func:`counter.db.case_store.next_sequence`).  Its cases are kept as they are."""
    if get_setting(session, OUTAGE) is None and session.scalar(select(models.Case.id).limit(1)) is not None:
        raise NotAnOutageStore
    if copy.identity.kind is not SiteKind.HALL:
        raise NotAnOutageStore
    records, problems = parse_records(json.loads(copy.records), "updates")
    if problems:
        raise NotAnOutageStore
    put_setting(session, OUTAGE, "1")
    store_identity(session, copy.identity)
    for record in records:
        if isinstance(record, GuideRecord):
            sync_store.apply_guide(session, record, "outage")
        elif isinstance(record, HolidayRecord):
            sync_store.apply_holiday(session, record)
        elif isinstance(record, SettingRecord):
            sync_store.apply_setting(session, record)


def pending_hand_over(session: Session, asked: PendingCases) -> HandOver:
    """The store's cases the hall has not taken yet, numbered after ``asked.after``, at most ``asked.most``."""
    done = set(_handed_over(session))
    c = models.Case
    rows = session.execute(select(c.id, c.uid, c.case_no).where(c.case_no > asked.after).order_by(c.case_no))
    waiting = [(case_id, number) for case_id, uid, number in rows if uid not in done][: max(1, asked.most)]
    records = case_dicts(session, [case_id for case_id, _number in waiting])
    return HandOver(json.dumps(records, ensure_ascii=False, default=str), waiting[-1][1] if waiting else "")


def mark_handed_over(session: Session, done: HandedOver) -> int:
    """The cases the hall took, or had already: never handed over again (those it held are, with the next).  How
    many still wait."""
    numbers = [*done.taken, *done.there]
    uids = set(session.scalars(select(models.Case.uid).where(models.Case.case_no.in_(numbers))))
    marked = sorted(set(_handed_over(session)) | uids)
    put_setting(session, HANDED_OVER, json.dumps(marked))
    total = len(list(session.scalars(select(models.Case.uid))))
    return total - len(marked)


def _handed_over(session: Session) -> list[Any]:
    return list(json.loads(get_setting(session, HANDED_OVER) or "[]"))
