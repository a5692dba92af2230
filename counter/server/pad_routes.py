"""The pad device's routes: a hall's 评价器 asks for its desk's rating request and sends the applicant's answer,
under its own key (``Pad-Key``, as ``counter serve add-pad`` printed it), never through a desk's session.

``POST /v1/pad/start``    → what the idle pad shows (:class:`counter.ratings.views.PadDeviceStart`).
``POST /v1/pad/next``     → the request its desk asked (:class:`counter.ratings.views.PadCase`), 200; held until
                            one comes or ``?wait=`` seconds passed (at most :data:`LONGEST_WAIT_S`), then 204: the
                            pad shows a request within a fraction of a second of the clerk's asking.
``POST /v1/pad/answer``   :class:`counter.service.pads.PadAnswer` → the rating recorded, or its refusal (422:
                            ``other_pad`` for a request that is not this pad's; a desk's session is refused on the
                            pad's requests at the operations' door, ``pad_device``).
``POST /v1/pad/unrated``  :class:`counter.service.pads.PadLapse` → the case number.

Each ask for a request keeps the pad's last contact (``hall.pad_heard``): until its wait ends, or, when it takes a
request, for :data:`~counter.service.pads.SHOWN_HEARD_S`, since a pad showing a request asks again every second or
two (the page, and the pad program, to say it is still there).  A pad not heard from past that (and a grace) is said
to the desk that asked (``ratings.request_state``, :mod:`counter.ui.pad.controller`): a tablet that died with the
faces on it is said within seconds, not when the request's time on the pad ends.

A key of no live pad (unknown, replaced, retired) is refused 401 ``unknown`` before its body is read
(:func:`pad_known`, asked by :mod:`counter.server.bodies` before a byte of it is taken into the door's budget).  A pad's
answer keeps no receipt: asked again after its answer was lost, it is refused ``request_closed``, never recorded
twice.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import time
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from counter.access.pads import PadFound
from counter.ratings.views import PadCase, PadDeviceStart
from counter.server.integer_guard import IntegerTooLarge, refuse_too_large
from counter.server.secrets_hash import digest
from counter.service.codec import decode, encode, loads
from counter.service.faults import declared, encode_fault
from counter.service.local import InProcess
from counter.service.operation import Operation
from counter.service.pads import (
    FIND_PAD,
    PAD_ANSWER,
    PAD_HEARD,
    PAD_NEXT,
    PAD_START,
    PAD_UNRATED,
    SHOWN_HEARD_S,
    AnswerByPad,
    ByPad,
    LapseByPad,
    PadAnswer,
    PadHeard,
    PadKeyShown,
    PadLapse,
)

log = logging.getLogger(__name__)

#: the paths of the pad's routes: small bodies, read under the door's own budget (:mod:`counter.server.bodies`)
PAD_PATHS = frozenset({"/v1/pad/start", "/v1/pad/next", "/v1/pad/answer", "/v1/pad/unrated"})
#: the longest a pad's ask for a request is held: short enough that a server stopping waits for none long
LONGEST_WAIT_S = 20.0
#: how often a held ask looks again: a request shows on the pad within this of the clerk's asking
LOOK_EVERY_S = 0.25
#: the refusal of a pad's held ask whose place a newer ask of the same pad took
SUPERSEDED = "superseded"
#: the refusal of a request the database could not take now: the pad asks again, as a desk does
STORE = "store"
#: where the pad found for a request's key is kept in its ASGI scope: the route reads it rather than asking again
PAD_FOUND = "counter.pad"


async def pad_known(
    service: InProcess, scope: Any, store_faults: tuple[type[Exception], ...]
) -> tuple[int, str] | None:
    """The live pad of the request's ``Pad-Key`` found before its body is read (kept in its scope for the route), or
    the refusal (401 ``unknown``; 503 ``store`` when the database could not be asked): no keyless body is admitted
    to the door's budget."""
    key = Request(scope).headers.get("pad-key", "")
    try:
        found = await run_in_threadpool(service.call, FIND_PAD, PadKeyShown(digest(key))) if key else None
    except store_faults as err:
        log.warning("the database did not answer %s: %s", FIND_PAD.name, err)
        return 503, STORE
    if found is None:
        return 401, "unknown"
    scope[PAD_FOUND] = found
    return None


def pad_routes(service: InProcess, store_faults: tuple[type[Exception], ...]) -> list[Route]:
    """The pad's four routes on ``service``; ``store_faults``: the database's own faults, answered 503 ``store``.

    A pad holds one ask for its next request at a time (``held``, by its name): a newer ask takes the place of the one
    held, which ends at its next look (:func:`_held_ask`).  A pad asks again at once when its connection dropped, so
    the newer one is the live one; and a pad's key (on a tablet in the hall) asking two hundred at once kept the
    server's forty workers looking at the database four times a second each: a desk's intake took 5.3 s, not 0.04 s.
    """
    held: dict[str, object] = {}

    async def pad_of(request: Request) -> PadFound | Response:
        if PAD_FOUND not in request.scope:  # asked in process, without the door's middleware (a test's application)
            refused = await pad_known(service, request.scope, store_faults)
            if refused is not None:
                return _refused(*refused)
        found: PadFound = request.scope[PAD_FOUND]
        return found

    async def start(request: Request) -> Response:
        pad = await pad_of(request)
        if isinstance(pad, Response):
            return pad
        try:
            shown = await run_in_threadpool(service.call, PAD_START, ByPad(pad))
        except store_faults as err:
            log.warning("the database did not answer %s: %s", PAD_START.name, err)
            return _refused(503, STORE)
        return JSONResponse(encode(shown, PadDeviceStart))

    async def next_request(request: Request) -> Response:
        pad = await pad_of(request)
        if isinstance(pad, Response):
            return pad
        wait = _asked_wait(request)
        if wait is None:
            return _refused(400, "request")
        try:
            return await _held_ask(service, pad, wait, held)
        except store_faults as err:
            log.warning("the database did not answer %s: %s", PAD_NEXT.name, err)
            return _refused(503, STORE)

    async def answer(request: Request) -> Response:
        pad = await pad_of(request)
        if isinstance(pad, Response):
            return pad
        try:
            asked = decode(loads(await request.body()), PadAnswer)
            refuse_too_large(asked)  # a request's id past the database's integers: the request's fault, not the store's
        except IntegerTooLarge as err:
            return _refused(400, f"number:{err.field}")
        except ValueError:
            return _refused(400, "request")
        return await run_in_threadpool(_run, service, PAD_ANSWER, AnswerByPad(pad, asked))

    async def unrated(request: Request) -> Response:
        pad = await pad_of(request)
        if isinstance(pad, Response):
            return pad
        try:
            asked = decode(loads(await request.body()), PadLapse)
            refuse_too_large(asked)  # a request's id past the database's integers: the request's fault, not the store's
        except IntegerTooLarge as err:
            return _refused(400, f"number:{err.field}")
        except ValueError:
            return _refused(400, "request")
        return await run_in_threadpool(_run, service, PAD_UNRATED, LapseByPad(pad, asked))

    def _run(service: InProcess, op: Operation[Any, Any], asked: Any) -> Response:
        try:
            done = service.call(op, asked)
        except store_faults as err:
            log.warning("the database did not answer %s: %s", op.name, err)
            return _refused(503, STORE)
        except Exception as err:
            if not declared(err, op.faults):
                raise
            return JSONResponse(encode_fault(err), status_code=422)
        return Response(json.dumps(encode(done, op.response), ensure_ascii=False), media_type="application/json")

    return [
        Route("/v1/pad/start", start, methods=["POST"]),
        Route("/v1/pad/next", next_request, methods=["POST"]),
        Route("/v1/pad/answer", answer, methods=["POST"]),
        Route("/v1/pad/unrated", unrated, methods=["POST"]),
    ]


def _asked_wait(request: Request) -> float | None:
    """The seconds an ask may be held, as ``?wait=`` asks them within 0 and :data:`LONGEST_WAIT_S`; None for no
    number of seconds.  ``nan`` is a float that passes ``min`` and ``max`` alike: its held ask's moment was a 500."""
    try:
        asked = float(request.query_params.get("wait", "0"))
    except ValueError:
        return None
    return min(max(asked, 0.0), LONGEST_WAIT_S) if math.isfinite(asked) else None


async def _held_ask(service: InProcess, pad: PadFound, wait: float, held: dict[str, object]) -> Response:
    """``pad``'s ask for its next request, held until one comes or ``wait`` seconds passed (204); or until a newer ask
    of the same pad took its place: refused 409 ``superseded``, which a pad takes for a failed ask, asked again two
    seconds later (two devices given one key take turns, rather than replace each other's ask without end)."""
    until = time.monotonic() + wait
    mine = held[pad.name] = object()  # this pad's newest ask: an older one still held ends at its next look
    try:
        await run_in_threadpool(service.call, PAD_HEARD, PadHeard(pad, wait))
        while True:
            if held.get(pad.name) is not mine:
                return _refused(409, SUPERSEDED)
            case = await run_in_threadpool(service.call, PAD_NEXT, ByPad(pad))
            if case is not None:  # the pad shows it, and asks again within SHOWN_HEARD_S while it does
                await run_in_threadpool(service.call, PAD_HEARD, PadHeard(pad, SHOWN_HEARD_S))
                shown = json.dumps(encode(case, PadCase), ensure_ascii=False)
                return Response(shown, media_type="application/json")
            if time.monotonic() >= until:
                return Response(status_code=204)
            await asyncio.sleep(LOOK_EVERY_S)
    finally:
        if held.get(pad.name) is mine:
            del held[pad.name]


def _refused(status: int, reason: str) -> Response:
    return JSONResponse({"refused": reason}, status_code=status)
