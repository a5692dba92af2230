"""The server's routes: the sign-in door, sign-out, and every operation of the service by name.

``POST /v1/sign-in``    a desk's credentials (:class:`counter.service.hall.DeskCredentials`) → the sign-in's answer,
                        with a session token when it succeeded.
``POST /v1/sign-out``   the token's session ends, shown with its desk machine's key (``Desk-Key``) as every request.
``POST /v1/operations/{name}``   the operation's request as the codec writes it; the token as ``Authorization:
                        Bearer``, with the machine's desk key as ``Desk-Key`` (a token opens its session only on the
                        machine of its desk); a write's idempotency key as ``Idempotency-Key`` → the codec's JSON of
                        the answer (200), or the declared fault as :func:`counter.service.faults.encode_fault` writes
                        it (4xx; 409 for a key already given to another write: ``KeyReused``).

The operation runs in the context the server builds (:class:`counter.service.call.Call`): the desk of the token's
session (:func:`desk_of`), never a desk number, site, role or clerk's name in the request, and the server's own
clock, never a day or moment a desk sends (no request has a field for one).  Its gate is asked at the server of
that account as the database holds it, the operations of many transactions (``whole``: a catalog import, a pull
of the region's list, a backup) included.  Each runs on a worker thread (Starlette's pool, 40 threads): a long one
holds one thread and its own desk's answer, never another desk's.  Not served: the server's own operations
(:mod:`counter.service.hall`), the sign-in as an operation (both only through the door), and the acts the server
does itself (:data:`SERVERS_OWN`).

A request's file (a ``Path`` field: a catalog source, a backup's name) names a file of the server's machine, never
the desk's: it must be a plain relative name inside the one folder ``counter serve --files`` gives, reached through
no link (:func:`confined`), else the request is refused before it runs.  A file an operation writes there
(:data:`WRITES_FILE`) is written under a new name the server makes, never the one asked: a desk's export must not
replace the administrator's catalog source, nor anything else the folder holds.

A body reaches a route only whole, within its route's cap and its deadline (:mod:`counter.server.bodies`); a sign-in
runs only through the hashing gate (:mod:`counter.server.hashing`); the connections' own deadlines and cap are
:mod:`counter.server.bounds`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import logging
import re
import secrets
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from counter.access.desk import Desk
from counter.access.desk_session import SessionDesk, SessionEnd
from counter.access.key_reused import KeyReused
from counter.access.not_permitted import NotPermitted
from counter.access.roles import Actor
from counter.case.not_found import CaseNotFound
from counter.case.numbers import DeskIdentity
from counter.host.database.database_faults import (
    DatabaseDamaged,
    DatabaseMissing,
    DatabaseReadOnly,
    SchemaTooNew,
    StoreFault,
)
from counter.server.bodies import SESSION_FOUND, BoundedBodies
from counter.server.hashing import BUSY, HashingGate, KeyBusy
from counter.server.health import HALL_NETWORKS, Network, networks, operator_routes
from counter.server.integer_guard import IntegerTooLarge, refuse_too_large
from counter.server.metrics import Meter
from counter.server.nul_guard import NulInRequest, refuse_nul
from counter.server.pad_page import pad_page_routes
from counter.server.pad_routes import PAD_PATHS, pad_known, pad_routes
from counter.server.paper_download import paper_download_routes
from counter.server.secrets_hash import digest, new_secret
from counter.service.admin import SIGN_IN, UNLOCK
from counter.service.call import Call
from counter.service.cases import RUN_DEMO
from counter.service.catalog import SYNC_BUNDLED
from counter.service.catalogue import operations
from counter.service.codec import Malformed, decode, encode, loads
from counter.service.faults import declared, encode_fault
from counter.service.front_store import SEND_FRONT_STORE
from counter.service.hall import (
    AREA,
    CHECK_DESK,
    END_SESSION,
    FIND_SESSION,
    OPEN_SESSION,
    DeskCredentials,
    DeskKey,
    EndSession,
    FindSession,
    OpenSession,
    SessionOpened,
)
from counter.service.local import InProcess, fingerprint
from counter.service.operation import Operation
from counter.service.outage import STORE_ONLY
from counter.service.outbox import SEND_MESSAGES, SEND_REPORTS
from counter.service.site import BACKUP, RECORD_RESTORE, SET_UP
from counter.service.sync import EXPORT_PACKAGE

log = logging.getLogger(__name__)

#: an idempotency key as a desk makes it (:func:`counter.service.local.new_key`: 32 hex digits), with room to spare;
#: the receipt keeps it behind the desk's number, within the receipt's 64 characters
KEY = re.compile(r"[0-9A-Za-z_-]{8,48}")
#: the acts the server does itself, never a desk: the senders (its hall work), the bundled catalog's import, a
#: desk machine's own set-up (both of the machine that runs them, its folders and its settings file), and the record
#: of a restore, which is the machine's whose database file was put back (``counter restore``): a desk asking it of
#: the hall wrote a "backup restored" entry of a restore that never was
SERVERS_OWN = frozenset(
    {SEND_MESSAGES.name, SEND_REPORTS.name, SEND_FRONT_STORE.name, SYNC_BUNDLED.name, SET_UP.name, RECORD_RESTORE.name}
)
#: the training run: its sample intakes belong to a training file of the desk's own, never the hall's database, where
#: they would be real cases in the clerk's own number series
TRAINING_ONLY = frozenset({RUN_DEMO.name})
#: the operations asked through the door or at the server's own machine, never by name
NOT_SERVED = frozenset({SIGN_IN.name, UNLOCK.name}) | SERVERS_OWN | TRAINING_ONLY | STORE_ONLY
#: the refusal of a request the server's database could not take now: asked again by the desk
STORE_AWAY = "store"
#: faults of the database itself: the server's trouble, not the request's
_STORE_FAULTS = (StoreFault, SchemaTooNew, DatabaseMissing, DatabaseReadOnly, DatabaseDamaged)


def served(op: Operation[Any, Any]) -> bool:
    """Whether the server answers ``op`` by name."""
    return not (op.name.startswith(AREA) or op.name in NOT_SERVED)


#: the operations that write a file in the files folder, and the request's field that names it
WRITES_FILE = {BACKUP.name: "out", EXPORT_PACKAGE.name: "path"}
#: what of the asked name a written file's new name keeps, so the clerk knows it again: its plain letters
_NAME_KEPT = re.compile(r"[^0-9A-Za-z._-]")


class OutsideFiles(ValueError):
    """A request's file that is not a plain name inside the server's files folder (or no folder was given)."""


def confined(asked: Any, files: Path | None, written: str | None = None) -> Any:
    """``asked`` with each of its ``Path`` fields made a file of ``files``; :class:`OutsideFiles` for an absolute
    name, one that climbs out (``..``), one reached through a link (a folder or file of ``files`` that is a symbolic
    link leads anywhere), or any name when the server was given no folder.  The field ``written`` names a file the
    operation writes: it becomes a new name in ``files`` itself (:func:`new_name`).  ``asked`` is a dataclass's
    instance: every served operation's request is one, and the door decodes the body into it."""
    changes: dict[str, Path] = {}
    for one in dataclasses.fields(asked):
        value = getattr(asked, one.name)
        if not isinstance(value, Path):
            continue
        name = PurePosixPath(value.as_posix())
        if files is None or name.is_absolute() or ".." in name.parts or not name.parts or "\\" in str(value):
            raise OutsideFiles(str(value))
        changes[one.name] = new_name(files, name.name) if one.name == written else _unlinked(files, name.parts)
    return dataclasses.replace(asked, **changes) if changes else asked


def unconfined(answer: Any, files: Path | None) -> Any:
    """``answer`` with each of its files in ``files`` (a ``Path`` field, or a tuple of them) named as the desk names
    them: relative to the folder.  The server's own folders are its own: an export's answer gave the desk the
    server's absolute path (its user, its layout)."""
    if files is None or not dataclasses.is_dataclass(answer) or isinstance(answer, type):
        return answer
    changes: dict[str, Any] = {}
    for one in dataclasses.fields(answer):
        value = getattr(answer, one.name)
        if isinstance(value, Path):
            changes[one.name] = _within_files(value, files)
        elif isinstance(value, tuple) and value and all(isinstance(item, Path) for item in value):
            changes[one.name] = tuple(_within_files(item, files) for item in value)
    return dataclasses.replace(answer, **changes) if changes else answer


def _within_files(path: Path, files: Path) -> Path:
    return path.relative_to(files) if path.is_relative_to(files) else Path(path.name)


def _unlinked(files: Path, parts: tuple[str, ...]) -> Path:
    """The file ``parts`` of ``files``, none of whose steps is a symbolic link."""
    path = files
    for part in parts:
        path = path / part
        if path.is_symlink():
            raise OutsideFiles("/".join(parts))
    return path


def new_name(files: Path, asked: str) -> Path:
    """A name in ``files`` that holds nothing yet (no file, no link), made by the server: the moment, a random part
    and the asked name's plain letters, so that a written file never replaces one the folder held."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    tail = _NAME_KEPT.sub("_", asked)[-60:].lstrip(".") or "file"
    while True:
        path = files / f"{stamp}-{secrets.token_hex(4)}-{tail}"
        if not path.exists() and not path.is_symlink():
            return path


def make_app(
    service: InProcess, files: Path | None = None, *, metrics_from: Sequence[Network] = networks(HALL_NETWORKS)
) -> Starlette:
    """The server's application on ``service`` (its own store; ``wire`` off: the HTTP body is the wire); ``files``:
    the folder a request's file may name (:func:`confined`); ``metrics_from``: the networks its metrics are
    answered to (:mod:`counter.server.health`)."""
    table = {name: op for name, op in operations().items() if served(op)}
    hashing = HashingGate()
    meter = Meter(service, frozenset(table))

    async def sign_in(request: Request) -> Response:
        try:
            asked = decode(loads(await request.body()), DeskCredentials)
        except ValueError as err:  # not JSON, or not the type's (Malformed): the field named
            return _unreadable(err)
        token = new_secret()
        opening = OpenSession(asked.login, asked.password, asked.desk_no, digest(asked.desk_key), digest(token))
        try:
            if await run_in_threadpool(service.call, CHECK_DESK, DeskKey(opening.desk_no, opening.key_hash)):
                # scrypt's 128 MiB, a few at a time, and a key that just failed at the lowest priority (its docstring)
                answer = await hashing.check(opening.key_hash, lambda: service.call(OPEN_SESSION, opening))
            else:  # no desk's key: no password tried, so no place in the gate's line (its docstring)
                answer = await run_in_threadpool(service.call, OPEN_SESSION, opening)
        except KeyBusy:
            return _refused(429, BUSY)
        except _STORE_FAULTS as err:
            return _store_away(request, err)
        opened = SessionOpened(answer, token if answer.result.signed_in else "")
        return JSONResponse(encode(opened, SessionOpened), status_code=200 if answer.desk_known else 403)

    async def sign_out(request: Request) -> Response:
        token = _bearer(request)
        if token is None:
            return _refused(401, SessionEnd.UNKNOWN.value)
        idle = request.query_params.get("idle") == "1"
        ending = EndSession(digest(token), digest(request.headers.get("desk-key", "")), idle)
        try:
            await run_in_threadpool(service.call, END_SESSION, ending)
        except _STORE_FAULTS as err:
            return _store_away(request, err)
        return Response(status_code=204)

    async def operation(request: Request) -> Response:
        op = table.get(request.path_params["name"])
        if op is None:
            return _refused(404, "operation")
        desk = await _desk_of(service, request)
        if isinstance(desk, Response):
            return desk
        key = request.headers.get("idempotency-key", "")
        if op.writes and not KEY.fullmatch(key):
            return _refused(400, "idempotency_key")
        try:
            asked = decode(loads(await request.body()), op.request)
        except ValueError as err:
            return _unreadable(err)
        asked_as = fingerprint(asked, op.request)  # the body as the desk sent it: its key is bound to it
        try:
            refuse_nul(asked)  # PostgreSQL holds none: refused here, named, never a database fault asked again
            refuse_too_large(asked)  # nor a number past its integers
            asked = confined(asked, files, WRITES_FILE.get(op.name))
        except (NulInRequest, IntegerTooLarge, OutsideFiles) as err:
            return _refused(400, _guarded(err))
        call = Call.on(service.clock, desk, files)  # the session's desk at the server's clock: no request dates itself
        keyed = f"d{desk.identity.desk_no}-{key}"
        return await run_in_threadpool(_answer, service, op, asked, call, keyed, asked_as)

    routes = [
        Route("/v1/sign-in", sign_in, methods=["POST"]),
        Route("/v1/sign-out", sign_out, methods=["POST"]),
        Route("/v1/operations/{name}", operation, methods=["POST"]),
        *operator_routes(service, meter, metrics_from),
        *pad_routes(service, _STORE_FAULTS),
        *pad_page_routes(),
        *paper_download_routes(service, _STORE_FAULTS),
    ]
    middleware = [
        Middleware(meter.middleware),  # the figures count the body's refusals
        Middleware(BoundedBodies, known=functools.partial(_session_known, service)),
    ]
    return Starlette(routes=routes, exception_handlers={Exception: _unexpected}, middleware=middleware)


def _answer(service: InProcess, op: Operation[Any, Any], asked: Any, call: Call, key: str, asked_as: str) -> Response:
    """``op`` run in ``call`` under ``key`` (the desk's number before the desk's own key: no two desks share a
    receipt) and bound to the body ``asked_as`` names, and its answer or its declared fault as the response."""
    try:
        answer = service.run(op, asked, call, key=key, asked_as=asked_as)
    except Exception as err:
        if not declared(err, op.faults):
            log.exception("operation %s failed at desk %s", op.name, call.desk.identity.desk_no if call.desk else "-")
            return _refused(500, "server")
        return JSONResponse(encode_fault(err), status_code=_status(err))
    answer = unconfined(answer, call.files)  # the server's own folder is never told
    return Response(json.dumps(encode(answer, op.response), ensure_ascii=False), media_type="application/json")


async def _desk_of(service: InProcess, request: Request) -> Desk | Response:
    """The desk of the request's session (found before its body was read, or now), or the refusal to answer
    instead (no session; the database away)."""
    found = request.scope.get(SESSION_FOUND)
    if found is None:
        found = await _session_of(service, request)
    return _refused(*found) if isinstance(found, tuple) else desk_of(found)


async def _session_known(service: InProcess, scope: Any) -> tuple[int, str] | None:
    """The request's session found before its body is read (kept in its scope for the route), or the refusal: no
    stranger's body is admitted to the server's budget (:mod:`counter.server.bodies`); a pad's key at the pad's
    paths."""
    if scope["path"] in PAD_PATHS:
        return await pad_known(service, scope, _STORE_FAULTS)
    found = await _session_of(service, Request(scope))
    if isinstance(found, tuple):
        return found
    scope[SESSION_FOUND] = found
    return None


async def _session_of(service: InProcess, request: Request) -> SessionDesk | tuple[int, str]:
    """The session of the request's token on its desk's machine, or the refusal's status and reason."""
    token = _bearer(request)
    if token is None:
        return 401, SessionEnd.UNKNOWN.value
    key = request.headers.get("desk-key", "")
    try:
        found = await run_in_threadpool(service.call, FIND_SESSION, FindSession(digest(token), digest(key)))
    except _STORE_FAULTS as err:
        log.warning("the database did not answer %s: %s", request.url.path, err)
        return 503, STORE_AWAY
    return (401, found.value) if isinstance(found, SessionEnd) else found


def desk_of(session: SessionDesk) -> Desk:
    """The desk an operation runs for: the session's account, desk and site, as the server's database holds them."""
    actor = Actor(session.login, session.name, session.roles)
    identity = DeskIdentity(session.site_code, session.desk_no)
    return Desk(identity, session.name, actor, site_name=session.site_name, staff_no=session.staff_no)


def _bearer(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _guarded(err: NulInRequest | IntegerTooLarge | OutsideFiles) -> str:
    """The refusal's reason for a request the door's guards refused: the guard, and the field where it applies."""
    if isinstance(err, NulInRequest):
        return f"nul:{err.field}"
    if isinstance(err, IntegerTooLarge):
        return f"number:{err.field}"
    return "path"


def _status(err: Exception) -> int:
    if isinstance(err, NotPermitted):
        return 403
    if isinstance(err, CaseNotFound):
        return 404
    if isinstance(err, KeyReused):
        return 409  # the key was given to another write: never answered with its result
    if isinstance(err, _STORE_FAULTS):
        return 503
    return 422  # the request refused by the domain's rules: the face words the fault


def _store_away(request: Request, err: Exception) -> Response:
    """The server's database did not answer the session's own step (locked, down): the desk waits and asks again, as
    for a server away (:class:`counter.service.remote.Remote`), never reading it as a refusal of its request."""
    log.warning("the database did not answer %s: %s", request.url.path, err)
    return _refused(503, STORE_AWAY)


async def _unexpected(request: Request, err: Exception) -> Response:
    """Any other failure answered in the door's own shape (JSON), never the framework's plain-text page, which a desk
    could not read; the server's log has the traceback (the framework logs it after this answer)."""
    return _refused(500, "server")


def _unreadable(err: ValueError) -> Response:
    """A request body the server does not read (not JSON, or not of the operation's request type: strictly, see
    :mod:`counter.service.codec`): refused ``request``, with the field's path and the problem when it was JSON."""
    if not isinstance(err, Malformed):
        return _refused(400, "request")
    log.info("a request refused at %s: %s", err.path, err.problem)
    return JSONResponse({"refused": "request", "field": err.path, "problem": err.problem}, status_code=400)


def _refused(status: int, reason: str) -> Response:
    """A refusal that is no fault of an operation: the desk's transport reads ``refused`` (never shown as is)."""
    return JSONResponse({"refused": reason}, status_code=status)
