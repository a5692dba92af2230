"""The service in process: each operation run on this desk's own database, through the same boundary a server has.

A township's desk, a single desk, the command line and (later) the hall's server itself run the operations here.
Every request, answer and fault goes through JSON and back on the way (``wire``), exactly as it would over HTTPS,
so a face can never come to rely on what only the in-process transport would carry: an ORM object, a session, a
mutable list the action keeps.  A write runs with its idempotency key in the same transaction as its receipt
(:mod:`counter.db.receipts`): asked again with the key, it is answered from the receipt and applies nothing twice.
A write asked without a key (a face of this process: nothing is lost between it and the database) keeps none.
The key is bound to the account and desk that asked, the operation and the request: asked again with any of them
changed it is refused (:class:`counter.access.key_reused.KeyReused`), never answered with the first write's result.

An answer that gave a person's ID number whole (:mod:`counter.actions.cases.reach`) is recorded before it leaves:
in the write's own transaction, or in one of its own after a read.

The gate each operation names (a permission) is asked here, before the action runs, of the account the desk is
signed in with, as it stands in the database now; the action asks its finer rules itself (the standing per item).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from counter.service.call import Call, Clock
from counter.service.codec import decode, encode
from counter.service.faults import declared, decode_fault, encode_fault

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counter.access.desk import Desk
    from counter.access.read_record import IdReadRow
    from counter.actions.site.store import Store
    from counter.backup.restored import Restored
    from counter.host.database.migration_step import Step
    from counter.host.database.quick_start import QuickStart
    from counter.service.operation import Operation

log = logging.getLogger(__name__)

Req = TypeVar("Req")
Res = TypeVar("Res")


class Service(Protocol):
    """What the faces hold: one method, the same whichever transport is behind it, and the clock the faces read the
    day from: in process, the one every call's context is made from (a training desk's fixed day); at a hall desk,
    the machine's own, the server dating what it writes by its own."""

    clock: Clock

    def call(self, op: Operation[Req, Res], request: Req, desk: Desk | None = None, *, key: str = "") -> Res:
        """Run ``op`` for ``desk`` with ``request``; its answer, or its declared fault raised."""
        ...


def new_key() -> str:
    """A fresh idempotency key: one per write the face asks, kept across its retries."""
    return uuid.uuid4().hex


def serve(
    url: str,
    *,
    training: bool = False,
    create: bool = False,
    check_whole: bool = False,
    lock_timeout_s: float | None = None,
    on_step: Callable[[Step], None] | None = None,
    today: dt.date | None = None,
    connections: int | None = None,
) -> InProcess:
    """The service on the database at ``url``, not opened yet: the way a face opens its database.

    ``training``: the training file, marked as such; ``create``: a missing SQLite file may be made
    (:func:`counter.host.database.database_choice.may_create`); ``check_whole``: the file is checked whole as it is
    opened;
    ``lock_timeout_s`` and ``on_step``: the migration's wait for a lock (None: the usual one) and its report of each
    step; ``today``: a training desk's fixed day (``--today``), else the machine's clock; ``connections``: the most
    the database's pool holds (the hall server's threads; None: a desk's default).  The storage code is imported
    here, when a face asks for it, not with this module: the window imports
    this module before it shows, and SQLAlchemy after.
    """
    from counter.actions.site.store import LOCK_TIMEOUT_S, Store

    wait = LOCK_TIMEOUT_S if lock_timeout_s is None else lock_timeout_s
    store = Store(
        url,
        training=training,
        create=create,
        lock_timeout_s=wait,
        on_step=on_step,
        check_whole=check_whole,
        connections=connections,
    )
    return InProcess(store, clock=Clock(today))


def check_backup_file(file: Path) -> str:
    """The schema revision of the backup ``file`` when it may be restored; else ``RestoreRefused``.

    Work on files, not an operation: restoring replaces the database file itself, before any store opens it (a
    damaged file cannot be opened to be asked), so it is a verb of the in-process service alone.  At a hall the
    administrator restores the server's database on the server (docs/backup.md).
    """
    from counter.actions.site.backup import check_backup

    return check_backup(file)


def restore_file(url: str, file: Path) -> Restored:
    """Replace the SQLite database of ``url`` by the backup ``file`` (checked whole first), the old one kept beside
    it; see :func:`check_backup_file` for why this is no operation."""
    from counter.actions.site.backup import restore_backup

    return restore_backup(url, file)


class InProcess:
    """The operations on ``store``'s database, in this process.

    ``wire``: every request, answer and fault is written to JSON and read back, as a server's transport would;
    off only where a measurement compares the action alone.  ``clock``: this desk's, of which each call's context
    (:class:`Call`) is made; a training desk's fixed day, or the machine's.
    """

    def __init__(self, store: Store, *, wire: bool = True, clock: Clock | None = None) -> None:
        self.store = store
        self.wire = wire
        self.clock = Clock() if clock is None else clock

    @property
    def url(self) -> str:
        return self.store.url

    @property
    def backend(self) -> str:
        """``sqlite`` or ``postgresql``: for the log of a start."""
        return self.store.backend

    def open(self) -> None:
        """Open (and migrate) the database now, so that a start learns of a fault before its first operation."""
        self.store.sessions()

    def close(self) -> None:
        self.store.dispose()

    def check_file(self) -> None:
        """Raise :class:`DatabaseMissing` or :class:`DatabaseReadOnly` when the SQLite file may not be opened: asked
        before anything reads it, so that neither is mistaken for a damaged file."""
        self.store.check_file()

    def quick_start(self, catalog: Path) -> QuickStart | None:
        """What the window needs before it shows, read without SQLAlchemy, when the desk's SQLite file is current and
        the bundled ``catalog`` is as last imported; None for any other start (the database is then opened first).

        A first start copies the prepared database first, when the installation has one that fits: it is then a
        quick start too.
        """
        from counter.actions.site.startup import quick_start, start_from_prepared
        from counter.catalog.fingerprint import folder_fingerprint

        start_from_prepared(self.store, catalog)
        return quick_start(self.store.url, folder_fingerprint(catalog))

    def call(
        self, op: Operation[Req, Res], request: Req, desk: Desk | None = None, *, key: str = "", asked_as: str = ""
    ) -> Res:
        """``op`` run for ``desk`` now on this desk's clock."""
        return self.run(op, request, Call.on(self.clock, desk), key=key, asked_as=asked_as)

    def run(self, op: Operation[Req, Res], request: Req, call: Call, *, key: str = "", asked_as: str = "") -> Res:
        """``op`` run in the context ``call`` (the hall server's: the session's desk, the server's clock).
        ``asked_as``: the :func:`fingerprint` of the request as the desk sent it, where the caller changed it since
        (the server confines its files); else the request's own."""
        if self.wire:
            request = decode(json.loads(json.dumps(encode(request, op.request))), op.request)
        run = op.runs
        try:
            if op.whole:
                # its gate asked first, in a unit of its own: the work opens its own units after
                self.store.read(lambda work: _gated(work, op, call, request, _nothing))
                answer = self.store.whole(lambda sessions: run(sessions, call, request))
            elif op.writes and op.receipt and key:  # asked without a key, it can never be asked again: no receipt
                bound = _Bound(op, call, key, asked_as or fingerprint(request, op.request))
                answer = self.store.write(lambda work: _once(work, bound, request, run))
            elif op.writes:
                answer = self.store.write(lambda work: _recorded(work, _gated(work, op, call, request, run)))
            else:
                answer, noted = self.store.read(lambda work: (_gated(work, op, call, request, run), _noted(work)))
                if noted:  # the read's unit writes nothing: the record is a transaction of its own, before the answer
                    self.store.write(lambda work: _keep_reads(work, noted))
        except Exception as err:
            if not self.wire or not declared(err, op.faults):
                raise
            raise decode_fault(json.loads(json.dumps(encode_fault(err)))) from err
        if self.wire and not isinstance(answer, _Replayed):
            return decode(json.loads(json.dumps(encode(answer, op.response))), op.response)  # type: ignore[no-any-return]
        found: Res = answer.value if isinstance(answer, _Replayed) else answer
        return found


def _nothing(work: Session, call: Call, request: Any) -> None:
    """What a gate alone runs."""


class _Replayed:
    """An answer read back from a receipt: already decoded."""

    def __init__(self, value: Any) -> None:
        self.value = value


def _gated(work: Session, op: Operation[Any, Any], call: Call, request: Any, run: Callable[..., Any]) -> Any:
    # here, not with the module: the window imports this module before its first search, which needs no roles
    from counter.access.read_record import OPERATION_ASKED
    from counter.access.roles import SINGLE_DESK, Permission

    work.info[OPERATION_ASKED] = op.name
    if isinstance(op.gate, Permission):
        from counter.actions.admin.guard import require

        require(work, call.desk.actor if call.desk is not None else SINGLE_DESK, op.gate)
    return run(work, call, request)


def fingerprint(request: Any, kind: Any) -> str:
    """SHA-256 of the request's JSON (keys sorted): what binds an idempotency key to one body."""
    text = json.dumps(encode(request, kind), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


class _Bound:
    """A write and what its key is bound to: the account and desk that ask, the operation, the request's body."""

    def __init__(self, op: Operation[Any, Any], call: Call, key: str, request_hash: str) -> None:
        self.op, self.call, self.key, self.request_hash = op, call, key, request_hash
        desk = call.desk
        self.account = desk.actor.login if desk is not None else ""
        self.at = f"{desk.identity.site_code}-{desk.identity.desk_no}" if desk is not None else ""


def _once(work: Session, bound: _Bound, request: Any, run: Callable[..., Any]) -> Any:
    """The write applied under its key, with its receipt; or the answer its receipt holds, if it already was; or
    :class:`KeyReused` when the key was given to another write."""
    from counter.access.key_reused import KeyMismatch, KeyReused
    from counter.db.receipts import Receipt, keep_receipt, receipt

    op, key = bound.op, bound.key
    done = receipt(work, key)
    if done is not None:
        differs = (
            KeyMismatch.OPERATION if done.operation != op.name
            else KeyMismatch.ACCOUNT if done.account != bound.account
            else KeyMismatch.DESK if done.desk != bound.at
            else KeyMismatch.REQUEST if done.request_hash != bound.request_hash
            else None
        )  # fmt: skip
        if differs is not None:
            log.warning("key %s of %s asked again for %s with another %s: refused", key, done.operation, op.name,
                        differs.value)  # fmt: skip
            raise KeyReused(differs.value)
        log.info("operation %s asked again under key %s: answered from its receipt", op.name, key)
        return _Replayed(decode(json.loads(done.response), op.response))
    answer = _recorded(work, _gated(work, op, bound.call, request, run))
    kept = json.dumps(encode(answer, op.response), ensure_ascii=False)
    keep_receipt(work, key, Receipt(op.name, bound.account, bound.at, bound.request_hash, kept))
    return answer


def _noted(work: Session) -> tuple[IdReadRow, ...]:
    """The whole reads the operation noted in ``work``."""
    from counter.actions.cases.reach import noted_reads

    return noted_reads(work)


def _keep_reads(work: Session, rows: tuple[IdReadRow, ...]) -> None:
    from counter.db.read_log import keep_reads

    keep_reads(work, rows)


def _recorded(work: Session, answer: Any) -> Any:
    """``answer``, the whole reads its write noted recorded in its own transaction."""
    noted = _noted(work)
    if noted:
        _keep_reads(work, noted)
    return answer
