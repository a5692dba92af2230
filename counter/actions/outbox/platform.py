"""Reports to the region's 一体化政务服务平台: the site's connection, the platform channel, and the supervisor's list.

The events themselves are queued by the steps they report (:mod:`counter.db.platform_store`) and sent by every
outbox's frame (:mod:`counter.actions.outbox.frame`), as the SMS are: claimed with a lease, sent, marked once,
failures waiting twice as long each time (at most an hour), so a day offline costs a few dozen attempts.  What is
the platform channel's own is here (:class:`_Platform`): no answer at all (offline, a timeout) is waited out however
long it lasts; after the settings' number of answers that failed, or at once for an answer that will not change (or
an event the mapping cannot fill), the event waits in the failed list for a supervisor (:func:`retry_event`).

Events are sent in the order they were queued, one at a time: the platform reads a case's steps in order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter.access.roles import Permission
from counter.actions.admin.acting import this_desk
from counter.actions.admin.guard import require
from counter.actions.admin.outward_settings import save_settings, secret_in_training, with_secret
from counter.actions.cases.received_cases import received_cases
from counter.actions.outbox import frame
from counter.actions.outbox.frame import Clock, Job, Route, Writer
from counter.actions.outbox.platform_facts import Withheld, facts_of, told_kind
from counter.db import models, platform_store
from counter.db.platform_store import FAILED, PLATFORM_KEY
from counter.db.settings_store import is_training
from counter.host.outward.platform_client import PlatformLink, Report, ReportRequest
from counter.host.outward.platform_secret import PAPER_GATEWAY_SECRET, PLATFORM_SECRET
from counter.host.outward.sms_secret import load_secret, save_secret, secret_path
from counter.outbox.rules import SendRound, request_key
from counter.outbox.secret_shown import shown
from counter.platform.code_lists import Codings, NoCode, Unchosen
from counter.platform.events import PlatformKind, told_as
from counter.platform.mapping import Mapping, MappingError, MissingElement, load_mapping, mapping_file
from counter.platform.outbox import EventRow
from counter.platform.settings import PlatformProblem, PlatformSettings
from counter.platform.settings_refused import PlatformRefused

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counter.access.desk import Desk

__all__ = [
    "BATCH",
    "chosen_codings",
    "event_list",
    "mapping_named",
    "platform_settings",
    "retry_event",
    "save_platform",
    "send_due",
]

log = logging.getLogger(__name__)

BATCH = 200  # events claimed at once: the platform answers each in milliseconds, a slow one holds no more
Post = Callable[[ReportRequest], Report]


@functools.cache
def _mapping(path: Path, stamp: float) -> Mapping:
    return load_mapping(path)


def mapping_named(name: str) -> Mapping:
    """The mapping file of that name, read again when it changed (an integrator edits it while the sender runs).
    :class:`MappingError` when it is missing or cannot be used."""
    path = mapping_file(name)
    try:
        stamp = path.stat().st_mtime
    except OSError as err:
        raise MappingError([f"{path}: {err.strerror}"]) from err
    return _mapping(path, stamp)


def chosen_codings(session: Session) -> Codings:
    """The site's code lists in the codings its integrator chose (the mapping file its settings name): what every
    report and export asks "the code of X" of (:meth:`counter.platform.code_lists.Codings.code`).
    :class:`MappingError` when the file cannot be used."""
    settings = platform_store.platform_settings(session)
    return mapping_named(settings.mapping).codings(settings.codings)


def _coding_problems(
    settings: PlatformSettings, mapping: Mapping
) -> tuple[list[PlatformProblem], tuple[str, ...], tuple[str, ...]]:
    """Lists not chosen while reporting is on (by their names in the standard); choices of a list or preset the
    file does not have (as given, ``list=preset``)."""
    problems: list[PlatformProblem] = []
    bad = tuple(f"{n}={p}" for n, p in settings.codings.items()
                if n not in mapping.lists or p not in mapping.lists[n].presets)  # fmt: skip
    if bad:
        problems.append(PlatformProblem.BAD_CODING)
    unchosen = mapping.codings(settings.codings).unchosen() if settings.enabled else ()
    if unchosen:
        problems.append(PlatformProblem.UNCHOSEN_CODING)
    return problems, tuple(cl.title for cl in unchosen), bad


def platform_settings(session: Session, folder: Path | None = None) -> PlatformSettings:
    """The site's connection, its secret and its gateway's from this machine's key folder (``folder``: another, for
    tests)."""
    stored = platform_store.platform_settings(session)
    return dataclasses.replace(with_secret(stored, PLATFORM_SECRET, folder), gateway_secret=_gateway_secret(folder))


def _gateway_secret(folder: Path | None) -> str:
    """The gateway's secret on this machine; "" when there is none, or a file there that cannot be read (logged):
    the reports do not wait on the downloads' secret, and the downloads refuse without it either way."""
    try:
        return load_secret(secret_path(PAPER_GATEWAY_SECRET, folder))
    except OSError as err:
        log.warning("the platform gateway's secret cannot be read: %s", err)
        return ""


def save_platform(
    session: Session, settings: PlatformSettings, *, desk: Desk | None = None, folder: Path | None = None
) -> None:
    """Set the site's connection; refused whole (:class:`PlatformRefused`) with any problem, reporting turned on
    in a training database among them.  The secret goes to this machine's key folder, the rest to the database; the
    change is on the audit trail, the secret masked.  The gateway's secret goes to its own file of the key folder,
    read by the hall server at each download (:mod:`counter.server.paper_download`); a change of it from a training
    database is refused: the file is this machine's, the one the live server reads."""
    by = this_desk(desk)
    require(session, by.actor, Permission.CHANGE_SETTINGS)
    problems = list(settings.problems())
    before = platform_settings(session, folder)
    if settings.enabled and is_training(session):  # read back as off (platform_store): "done" would keep nothing
        problems.append(PlatformProblem.TRAINING)
    if settings.gateway_secret != before.gateway_secret and is_training(session):
        problems.append(PlatformProblem.GATEWAY_SECRET_TRAINING)
    if secret_in_training(session, before, settings):
        problems.append(PlatformProblem.SECRET_TRAINING)
    lists: tuple[str, ...] = ()
    bad: tuple[str, ...] = ()
    if PlatformProblem.BAD_MAPPING not in problems:
        try:
            coding_problems, lists, bad = _coding_problems(settings, mapping_named(settings.mapping))
            problems += coding_problems
        except MappingError:
            problems.append(PlatformProblem.BAD_MAPPING)
    if problems:
        raise PlatformRefused(tuple(problems), lists, bad)
    if settings.gateway_secret != before.gateway_secret:
        save_secret(settings.gateway_secret, secret_path(PAPER_GATEWAY_SECRET, folder))
    save_settings(session, by, PLATFORM_KEY, before, settings, PLATFORM_SECRET, folder)


def change_platform(
    session: Session,
    desk: Desk | None,
    *,
    codings: dict[str, str] | None,
    org_codes: dict[str, str] | None,
    **changes: Any,
) -> PlatformSettings:
    """The ``changes`` (None: kept as stored) applied to the connection as stored and saved (:func:`save_platform`),
    the secrets kept where none is given (``""``: removed); ``codings`` and ``org_codes`` added to those chosen, an
    empty value taking one back.  The settings as they now stand, the secret shown as set or not."""
    given = {name: value for name, value in changes.items() if value is not None}
    settings = dataclasses.replace(platform_settings(session), **given)
    if codings is not None:
        settings = dataclasses.replace(settings, codings={k: v for k, v in (settings.codings | codings).items() if v})
    if org_codes is not None:
        kept = {k: v for k, v in (settings.org_codes | org_codes).items() if v}
        settings = dataclasses.replace(settings, org_codes=kept)
    save_platform(session, settings, desk=desk)
    return shown(settings)


class _Platform:
    """The platform channel as the frame drives it (:class:`counter.actions.outbox.frame.Channel`)."""

    name = "platform event"
    model = models.PlatformEvent
    answer_column = "platform_id"
    wait_out_silence = True  # a township's network, a platform down for a day: only its own answers count
    marks_per_batch = True  # the platform answers in milliseconds: one commit for the batch's marks

    def __init__(self, folder: Path | None, post: Post | None) -> None:
        self.folder = folder
        self.link = PlatformLink() if post is None else None
        self.post: Post = post or self.link  # type: ignore[assignment]
        self.mapping: Mapping | None = None
        self.codings: Codings | None = None

    def route(self, session: Session) -> Route | None:
        """Nothing where this site does not send itself (its events wait, or go up through its hall); nothing with
        settings or a mapping that cannot be used (logged: the events wait until they are put right)."""
        settings = platform_settings(session, self.folder)
        if not settings.sends:
            return None
        problems = settings.problems()
        if problems:
            log.error("platform settings unusable (%s): nothing sent", ", ".join(p.value for p in problems))
            return None
        try:
            self.mapping = mapping_named(settings.mapping)
        except MappingError as err:
            log.error("platform mapping %s unusable: %s", settings.mapping, err)
            return None
        self.codings = self.mapping.codings(settings.codings)
        unchosen = self.codings.unchosen()
        if unchosen:  # a site turned on before the lists were chosen: nothing leaves in a coding nobody chose
            log.error("platform code lists without a chosen coding (%s): nothing sent", Unchosen(unchosen))
            return None
        return Route(settings.timeout, settings.attempts, settings)

    def claim_order(self) -> tuple[Any, ...]:
        return (models.PlatformEvent.id,)

    def job(self, session: Session, route: Route, row_id: int, now: dt.datetime) -> Job:
        """The event mapped; one the mapping cannot fill fails at once, with why: no attempt would change it."""
        settings: PlatformSettings = route.settings
        event = platform_store.claimed(session, row_id)
        assert self.mapping is not None
        assert self.codings is not None
        try:
            facts = facts_of(session, event)
            fields = self.mapping.render(told_kind(facts), facts, self.codings)
        except (MissingElement, Withheld, NoCode, Unchosen) as err:
            return Job(row_id, event.attempts, problem=str(err))
        request = ReportRequest(
            endpoint=settings.endpoint,
            account=settings.account,
            secret=settings.secret,
            key=request_key(event.key),
            fields=fields,
            timeout=settings.timeout,
            ca_file=settings.ca_file,
        )
        return Job(row_id, event.attempts, request)


def send_due(
    store: Writer,
    *,
    clock: Clock = models.utcnow,
    post: Post | None = None,
    batch: int = BATCH,
    folder: Path | None = None,
) -> SendRound:
    """Send every event due now, a batch at a time, until none is left; what came of them.  ``post``: how a request
    is sent (the default keeps one connection to the platform for the whole pass)."""
    return frame.send_due(store, _Platform(folder, post), clock=clock, batch=batch)


def event_list(
    session: Session, desk: Desk | None = None, *, failed_only: bool = False, limit: int = 500
) -> list[EventRow]:
    """The events, newest first (the failed ones only: what waits for a supervisor), each of the kind the platform
    hears it as; ``desk`` who reads."""
    require(session, this_desk(desk).actor, Permission.SEE_FIGURES)
    return as_told(session, platform_store.event_rows(session, (FAILED,) if failed_only else (), limit))


def as_told(session: Session, rows: list[EventRow]) -> list[EventRow]:
    """The rows with each intake's event of the kind it is told as (:func:`counter.platform.events.told_as`), not
    as the intake queued it: a case the hall only received went up as 收件 and a withdrawal at the window as 撤回,
    and the list says so, never 受理 or 不予受理; the front store is written the same kinds, and its list reads
    them so too.  Judged for the whole list at once: the received cases as the case lists judge them
    (:func:`received_cases`), a withdrawal by the case's state, which the intake set by the rule the report reads
    (:func:`counter.documents.outcome_preview.withdrawn_at_window`)."""
    taken = {r.case_no for r in rows if r.kind in (PlatformKind.ACCEPTED, PlatformKind.DEFERRED)}
    refused = {r.case_no for r in rows if r.kind is PlatformKind.REFUSED}
    received = received_cases(session, taken) if taken else frozenset()
    withdrawn = platform_store.withdrawn_cases(session, refused) if refused else frozenset()
    told = []
    for row in rows:
        by = withdrawn if row.kind is PlatformKind.REFUSED else received
        kind = told_as(row.kind, row.case_no in by) if isinstance(row.kind, PlatformKind) else row.kind
        told.append(row if kind == row.kind else dataclasses.replace(row, kind=kind))
    return told


def retry_event(session: Session, desk: Desk | None, event_id: int) -> bool:
    """A failed event back in the queue, its attempts counted afresh; False when no failed event has the id."""
    return frame.retry(session, desk, models.PlatformEvent, event_id)
