"""The server's routes for its technician: how it is (``GET /v1/health``), its figures (``GET /v1/metrics``), and
whether a desk machine's key is its desk's (``POST /v1/desk-check``, asked by ``counter desk --server``).

``/v1/health`` asks no token: a monitor, a technician's ``curl --cacert hall-ca.crt``, the other server of the pair
may ask it.  It answers 200 ``{"database": "ok"}``, or 503 ``{"database": "away"}`` when the database does not
answer: up or down, and no more to anyone.  The database's schema revision, the program's version and the age of
the oldest row an outbox still tries to send are added only for a client the metrics are answered to (below): a
stranger learned from them which release to attack and how long the hall's messages had been stuck.  On PostgreSQL
that client is also told the node written to (``primary``: ``host:port`` as the address names it, which of a
database pair is the primary now) and each standby with its state, its part in synchronous commit and its lag
(``standbys``): after a failover the technician sees the other node named, and an empty list is a pair down to one.

``/v1/metrics`` (:mod:`counter.server.metrics`) is answered only to a client of the hall's own network: loopback and
the private ranges (RFC 1918, IPv6 unique local) unless ``counter serve --metrics-from`` names others; anyone else is
answered 404, as for a path the server does not have.  The client is the connection's own address: no
forwarding header (``X-Forwarded-For``) is trusted, from loopback either (uvicorn's ``proxy_headers`` is off,
:mod:`counter.server.main`), so that a hall whose ``--metrics-from`` leaves loopback out is not read through a
proxy on this machine naming another address.  It rides the server's TLS port, so the hall's Prometheus scrapes it
with the hall's CA; no second port to open or to forget.

``/v1/desk-check`` takes ``{"desk_no": "8", "desk_key": "…"}`` and answers 204 when the key is that desk's, 403
``unknown`` when not: a desk being set up learns that its key is right before a clerk's first sign-in, without a
sign-in (no password tried, nothing in the trail, no scrypt) and without anything written.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Sequence

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from counter import __version__
from counter.host.database.database_faults import StoreFault
from counter.server.metrics import Meter
from counter.server.secrets_hash import digest
from counter.service.codec import decode, loads
from counter.service.hall import CHECK_DESK, HEALTH, DeskKey, DeskKeyShown, Standby
from counter.service.local import InProcess
from counter.service.requests import Nothing

log = logging.getLogger(__name__)

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
#: the hall's own network when the administrator names none: this machine and the private ranges
HALL_NETWORKS = ("127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7")


def networks(text: Sequence[str]) -> tuple[Network, ...]:
    """``10.8.0.0/16``-style networks; :class:`ValueError` for one that is not."""
    return tuple(ipaddress.ip_network(one.strip(), strict=False) for one in text if one.strip())


def operator_routes(service: InProcess, meter: Meter, metrics_from: Sequence[Network]) -> list[Route]:
    async def health(request: Request) -> Response:
        told = _within(request, metrics_from)  # the technician's network is told more than up or down
        try:
            found = await run_in_threadpool(service.call, HEALTH, Nothing())
        except Exception as err:  # whatever keeps the database from answering, the answer is the same
            log.warning("health: the database did not answer: %s", err)
            return JSONResponse({"database": "away", **({"version": __version__} if told else {})}, status_code=503)
        if not told:
            return JSONResponse({"database": "ok"})
        oldest = found.oldest_unsent_s
        told_more: dict[str, object] = {
            "database": "ok",
            "schema": found.revision,
            "version": __version__,
            "oldest_unsent_s": None if oldest is None else round(oldest, 1),
        }
        if found.primary is not None:  # PostgreSQL: which node of a pair is written to, and its standbys
            told_more |= {"primary": found.primary, "standbys": [_standby(one) for one in found.standbys]}
        return JSONResponse(told_more)

    async def metrics(request: Request) -> Response:
        if not _within(request, metrics_from):
            return JSONResponse({"refused": "operation"}, status_code=404)
        page = await run_in_threadpool(generate_latest, meter.registry)
        return Response(page, media_type=CONTENT_TYPE_LATEST)

    async def desk_check(request: Request) -> Response:
        try:
            asked = decode(loads(await request.body()), DeskKeyShown)  # strictly, as every request at the door
        except ValueError:
            return JSONResponse({"refused": "request"}, status_code=400)
        try:
            known = await run_in_threadpool(service.call, CHECK_DESK, DeskKey(asked.desk_no, digest(asked.desk_key)))
        except StoreFault as err:
            log.warning("desk check: the database did not answer: %s", err)
            return JSONResponse({"refused": "store"}, status_code=503)
        return Response(status_code=204) if known else JSONResponse({"refused": "unknown"}, status_code=403)

    return [
        Route("/v1/health", health, methods=["GET"]),
        Route("/v1/metrics", metrics, methods=["GET"]),
        Route("/v1/desk-check", desk_check, methods=["POST"]),
    ]


def _standby(standby: Standby) -> dict[str, object]:
    lag_s = standby.lag_s
    return {
        "name": standby.name,
        "state": standby.state,
        "sync": standby.sync,
        "lag_bytes": standby.lag_bytes,
        "lag_s": None if lag_s is None else round(lag_s, 3),
    }


def _within(request: Request, allowed: Sequence[Network]) -> bool:
    host = request.client.host if request.client is not None else ""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return any(address in network for network in allowed)
