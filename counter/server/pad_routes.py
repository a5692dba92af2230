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

A key of no live pad (unknown, replaced, retired) is refused 401 ``unknown`` before its body is read.  A pad's
answer keeps no receipt: asked again after its answer was lost, it is refused ``request_closed``, never recorded
twice.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from counter.access.pads import PadFound
from counter.ratings.views import PadCase, PadDeviceStart
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


def pad_routes(service: InProcess, store_faults: tuple[type[Exception], ...]) -> list[Route]:
    """The pad's four routes on ``service``; ``store_faults``: the database's own faults, answered 503 ``store``."""

    async def pad_of(request: Request) -> PadFound | Response:
        key = request.headers.get("pad-key", "")
        found = await run_in_threadpool(service.call, FIND_PAD, PadKeyShown(digest(key))) if key else None
        return found if found is not None else _refused(401, "unknown")

    async def start(request: Request) -> Response:
        pad = await pad_of(request)
        if isinstance(pad, Response):
            return pad
        shown = await run_in_threadpool(service.call, PAD_START, ByPad(pad))
        return JSONResponse(encode(shown, PadDeviceStart))

    async def next_request(request: Request) -> Response:
        pad = await pad_of(request)
        if isinstance(pad, Response):
            return pad
        try:
            wait = min(max(float(request.query_params.get("wait", "0")), 0.0), LONGEST_WAIT_S)
        except ValueError:
            return _refused(400, "request")
        until = time.monotonic() + wait
        await run_in_threadpool(service.call, PAD_HEARD, PadHeard(pad, wait))
        while True:
            case = await run_in_threadpool(service.call, PAD_NEXT, ByPad(pad))
            if case is not None:  # the pad shows it, and asks again within SHOWN_HEARD_S while it does
                await run_in_threadpool(service.call, PAD_HEARD, PadHeard(pad, SHOWN_HEARD_S))
                return Response(json.dumps(encode(case, PadCase), ensure_ascii=False), media_type="application/json")
            if time.monotonic() >= until:
                return Response(status_code=204)
            await asyncio.sleep(LOOK_EVERY_S)

    async def answer(request: Request) -> Response:
        pad = await pad_of(request)
        if isinstance(pad, Response):
            return pad
        try:
            asked = decode(loads(await request.body()), PadAnswer)
        except ValueError:
            return _refused(400, "request")
        return await run_in_threadpool(_run, service, PAD_ANSWER, AnswerByPad(pad, asked))

    async def unrated(request: Request) -> Response:
        pad = await pad_of(request)
        if isinstance(pad, Response):
            return pad
        try:
            asked = decode(loads(await request.body()), PadLapse)
        except ValueError:
            return _refused(400, "request")
        return await run_in_threadpool(_run, service, PAD_UNRATED, LapseByPad(pad, asked))

    def _run(service: InProcess, op: Operation[Any, Any], asked: Any) -> Response:
        try:
            done = service.call(op, asked)
        except store_faults as err:
            log.warning("the database did not answer %s: %s", op.name, err)
            return _refused(503, "store")
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


def _refused(status: int, reason: str) -> Response:
    return JSONResponse({"refused": reason}, status_code=status)
