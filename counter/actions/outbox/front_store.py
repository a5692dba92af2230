"""The 前置库 channel: the platform's events written as rows of the national front-store tables, once each.

A transport of the one outbox frame (:mod:`counter.actions.outbox.frame`) beside the HTTPS one: the same events, the
same facts (:func:`counter.actions.outbox.platform_facts.facts_of`), written as rows
(:func:`counter.platform.front_store.rows_of`) into the database the platform pulls
(:mod:`counter.host.outward.front_store`).  Its own marks (:class:`counter.db.models.FrontStoreEvent`) are caught up
with the events in each claim's unit of work, claimed with a lease, and marked sent with the batch the rows went in.
Each event's rows go in one transaction of the front store, and an event found there already (its sender died
between that commit and the mark) is not written again: the platform reads every event once.

The front store's place and password are the hall's settings (``counter platform front-store``), never a desk's:
the URL in the database without its password, the password a file of the sending machine's key folder.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter.access.roles import Permission
from counter.actions.admin.acting import this_desk
from counter.actions.admin.guard import require
from counter.actions.admin.outward_settings import save_settings, secret_in_training, with_secret
from counter.actions.intake.licences import library_settings
from counter.actions.outbox import frame
from counter.actions.outbox.frame import Clock, Job, Route, Writer
from counter.actions.outbox.platform import as_told, chosen_codings
from counter.actions.outbox.platform_facts import Withheld, facts_of, told_kind
from counter.db import models
from counter.db.case_store import answers_of, case_materials
from counter.db.catalog_store import guide_version
from counter.db.front_store_store import FRONT_STORE_KEY, catch_up, claimed_mark, mark_rows
from counter.db.settings_store import get_setting, is_training
from counter.host.outward.front_store import FRONT_STORE_SECRET, FrontStoreLink, FrontWrite
from counter.host.outward.licence_library import load_format
from counter.intake.checklist import PRESENT
from counter.outbox.rules import SendRound, request_key
from counter.outbox.secret_shown import shown
from counter.platform.code_lists import Codings, NoCode
from counter.platform.events import PlatformKind, licence_key
from counter.platform.front_store import (
    CaseExtra,
    FrontStoreProblem,
    FrontStoreRefused,
    FrontStoreSettings,
    ItemFacts,
    MaterialFacts,
    RowsRefused,
    front_store_from_json,
    guid_column,
    rows_of,
)
from counter.platform.mapping import MappingError
from counter.platform.outbox import EventRow
from counter.sms.outbox import MessageState

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counter.access.desk import Desk
    from counter.db.platform_store import ClaimedEvent

__all__ = [
    "BATCH",
    "front_store_settings",
    "retry_event",
    "save_front_store",
    "send_due",
]

BATCH = 200  # events claimed at once: a row is written in milliseconds
log = logging.getLogger(__name__)


def front_store_settings(session: Session, folder: Path | None = None) -> FrontStoreSettings:
    """The hall's front store with this machine's password; none in a training database."""
    if is_training(session):
        return FrontStoreSettings()
    stored = front_store_from_json(get_setting(session, FRONT_STORE_KEY))
    return with_secret(stored, FRONT_STORE_SECRET, folder)


def save_front_store(
    session: Session, settings: FrontStoreSettings, *, desk: Desk | None = None, folder: Path | None = None
) -> None:
    """Set the hall's front store; refused whole (:class:`FrontStoreRefused`) with any problem (none to switch it
    off).  The password to this machine's key folder, the rest to the database; the change on the audit trail."""
    by = this_desk(desk)
    require(session, by.actor, Permission.CHANGE_SETTINGS)
    problems = settings.problems() if settings.enabled else ()
    before = front_store_settings(session, folder)
    if secret_in_training(session, before, settings):
        problems = (*problems, FrontStoreProblem.SECRET_TRAINING)
    if problems:
        raise FrontStoreRefused(problems)
    save_settings(session, by, FRONT_STORE_KEY, before, settings, FRONT_STORE_SECRET, folder)


def change_front_store(session: Session, desk: Desk | None, **changes: Any) -> FrontStoreSettings:
    """The ``changes`` (None: kept as stored) applied to the front store as stored and saved
    (:func:`save_front_store`), the password kept where none is given; the settings as they now stand, the password
    shown as set or not."""
    given = {name: value for name, value in changes.items() if value is not None}
    settings = dataclasses.replace(front_store_settings(session), **given)
    save_front_store(session, settings, desk=desk)
    return shown(settings)


class _FrontStore:
    """The front store as the frame drives it (:class:`counter.actions.outbox.frame.Channel`)."""

    name = "front store event"
    model = models.FrontStoreEvent
    answer_column = "batch"
    wait_out_silence = True  # the platform's database down for a day: only its own refusals count
    marks_per_batch = True  # written in milliseconds: one commit for the batch's marks

    def __init__(self, folder: Path | None, link: FrontStoreLink) -> None:
        self.folder = folder
        self.link = link
        self.post = link.write
        self.batch = ""
        self.codings: Codings | None = None
        self.type_codes: dict[str, str] = {}

    def route(self, session: Session) -> Route | None:
        """Nothing where the hall has no front store, or one whose settings cannot be used (the events wait)."""
        settings = front_store_settings(session, self.folder)
        if not settings.sends or settings.problems():
            return None
        try:  # the codes every report uses: the lists of the platform's mapping file, as the integrator chose them
            self.codings = chosen_codings(session)
        except MappingError as err:
            log.error("front store: the platform's mapping unusable (%s): nothing written", err)
            return None
        unchosen = self.codings.unchosen()
        if unchosen:
            log.error("front store: code lists not chosen (%s): nothing written", ", ".join(c.name for c in unchosen))
            return None
        self.type_codes = _licence_type_codes(session)
        catch_up(session)
        self.batch = uuid.uuid4().hex  # cd_batch: one per claim
        return Route(settings.timeout, settings.attempts, settings)

    def claim_order(self) -> tuple[Any, ...]:
        return (models.FrontStoreEvent.event_id,)  # the order the events were queued: a case's steps in order

    def job(self, session: Session, route: Route, row_id: int, now: dt.datetime) -> Job:
        """The event's rows; one that cannot be filled (a withheld licence, a required column empty) fails now."""
        settings: FrontStoreSettings = route.settings
        attempts, event = claimed_mark(session, row_id)
        assert self.codings is not None
        try:
            facts = facts_of(session, event)
            extra = _extra(session, event, self.type_codes)
            rows = rows_of(told_kind(facts), facts, extra, settings, self.codings.code)
        except (Withheld, RowsRefused, NoCode) as err:
            return Job(row_id, attempts, problem=str(err))
        request = FrontWrite(
            settings.url,
            settings.secret,
            settings.timeout,
            self.batch,
            tuple((r.table, r.values) for r in rows),
            guid_column(rows[0].table) if rows else "row_guid",
        )
        return Job(row_id, attempts, request)


def _licence_type_codes(session: Session) -> dict[str, str]:
    """证照类型代码 by type: the 证照库's own codes, from the table its format file keeps for the look-ups (one
    table for both); none when the format cannot be read (a licence then waits in the failed list, its code
    missing)."""
    try:
        return dict(load_format(library_settings(session)).type_codes)
    except ValueError as err:
        log.error("front store: the licence library's format unusable (%s): no 证照类型代码", err)
        return {}


def _extra(session: Session, event: ClaimedEvent, type_codes: dict[str, str]) -> CaseExtra:
    """The items of the guide the case was taken under, its version, the checklist, the licence's issuing key and
    its type's 证照类型代码."""
    case = session.get(models.Case, event.case_id)
    assert case is not None  # an event's case is never deleted (the foreign key)
    stored = guide_version(session, case.guide_version_id)
    items: tuple[ItemFacts, ...] = ()
    version = 0
    if stored is not None:
        chosen = stored.bundle.items_for(answers_of(case))
        items = tuple(ItemFacts(i.code, i.basic_code, i.name) for i in chosen)
        version = stored.version
    materials = tuple(
        MaterialFacts(line.name, line.medium or "paper", line.originals + line.copies)
        for line in case_materials(session, case.id)
        if line.receipt in PRESENT
    )
    issued = request_key(licence_key(case.uid, event.item_code)) if event.kind is PlatformKind.LICENCE_VOIDED else ""
    item = stored.bundle.item(event.item_code) if stored is not None and event.item_code else None
    type_code = type_codes.get(item.licence, "") if item is not None and item.licence else ""
    return CaseExtra(items, version, materials, issued, licence_type_code=type_code)


def send_due(
    store: Writer,
    *,
    clock: Clock = models.utcnow,
    link: FrontStoreLink | None = None,
    batch: int = BATCH,
    folder: Path | None = None,
) -> SendRound:
    """Write every event due now into the front store, a batch at a time, until none is left; what came of them."""
    return frame.send_due(store, _FrontStore(folder, link or FrontStoreLink()), clock=clock, batch=batch)


def mark_list(
    session: Session, desk: Desk | None = None, *, failed_only: bool = False, limit: int = 500
) -> list[EventRow]:
    """The events as the front store's sender marked them, newest first (the failed ones only: what waits for a
    supervisor), each of the kind the front store was written (:func:`as_told`: a case the hall only received is
    written as 窗口收件, never 受理); ``desk`` who reads."""
    require(session, this_desk(desk).actor, Permission.SEE_FIGURES)
    return as_told(session, mark_rows(session, (MessageState.FAILED.value,) if failed_only else (), limit))


def retry_event(session: Session, desk: Desk | None, mark_id: int) -> bool:
    """A failed event back in the front store's queue; False when none failed by that id."""
    return frame.retry(session, desk, models.FrontStoreEvent, mark_id)
