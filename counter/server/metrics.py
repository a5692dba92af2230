"""The server's figures in Prometheus's text format (``prometheus_client``, the maintained client library).

- ``counter_requests_total{operation, status}`` and ``counter_request_seconds{operation}``: each request by what it
  asked (an operation's name, ``sign_in``, ``sign_out``, ``health``, ``metrics``; ``other`` for any other path, so
  that a client's made-up paths cannot grow the table) and its answer's status;
- ``counter_refusals_total{reason}``: each refusal by its reason (the door's ``{"refused": reason}``, a declared
  fault's name, a body too large or too slow);
- read from the database at each scrape (:data:`counter.service.hall.HEALTH`): ``counter_database_up``,
  ``counter_outbox_unsent{outbox}``, ``counter_outbox_failed{outbox}``, ``counter_outbox_oldest_unsent_seconds
  {outbox}``, ``counter_sessions_open``; on PostgreSQL ``counter_database_primary{node}`` (which node of a database
  pair is written to), ``counter_replication_standbys`` (the standbys a commit waits for),
  ``counter_replication_lag_bytes{standby,sync}`` and ``counter_replication_lag_seconds{standby,sync}``;
- ``counter_connections_closed_total{reason}``: connections the door closed (:mod:`counter.server.bounds`):
  ``no_head`` past the head's deadline, ``shed`` idle at the cap;
- the process's own (``process_resident_memory_bytes``, ``process_open_fds`` …).

Each application has its registry of its own (never the library's global one), so that two in one process (tests)
count apart.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, ProcessCollector
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector

from counter.server.bodies import App, Message, Receive, Scope, Send
from counter.server.bounds import CLOSED
from counter.service.hall import HEALTH, HallHealth
from counter.service.local import InProcess
from counter.service.requests import Nothing

log = logging.getLogger(__name__)

#: the door's own routes, by the name their figures carry
DOOR = {
    "/v1/sign-in": "sign_in",
    "/v1/sign-out": "sign_out",
    "/v1/health": "health",
    "/v1/metrics": "metrics",
    "/v1/desk-check": "desk_check",
}
OPERATIONS = "/v1/operations/"
#: a request's seconds: a desk's read answers in milliseconds, a sign-in in half a second, an import in a minute
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0)
#: an answer's body read for its refusal's reason, at most: a refusal is a few dozen bytes, a fault a few hundred
_REASON_BYTES = 4096


class Meter:
    """The figures of one server, and the ASGI middleware that counts its requests (:meth:`middleware`)."""

    def __init__(self, service: InProcess, operations: frozenset[str]) -> None:
        self.operations = operations
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "counter_requests", "Requests answered, by operation and status", ["operation", "status"],
            registry=self.registry,
        )  # fmt: skip
        self.seconds = Histogram(
            "counter_request_seconds", "Seconds to answer a request, by operation", ["operation"],
            buckets=BUCKETS, registry=self.registry,
        )  # fmt: skip
        self.refusals = Counter("counter_refusals", "Refusals, by reason", ["reason"], registry=self.registry)
        self.registry.register(_HallFigures(service))
        ProcessCollector(registry=self.registry)

    def operation_of(self, path: str) -> str:
        if path.startswith(OPERATIONS):
            name = path[len(OPERATIONS) :]
            return name if name in self.operations else "other"
        return DOOR.get(path, "other")

    def middleware(self, app: App) -> App:
        """``app`` with each HTTP request counted and timed, and its refusal's reason counted."""

        async def metered(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] != "http":
                await app(scope, receive, send)
                return
            operation = self.operation_of(scope["path"])
            start = time.perf_counter()
            status = 500
            body = b""

            async def sending(message: Message) -> None:
                nonlocal status, body
                if message["type"] == "http.response.start":
                    status = message["status"]
                elif message["type"] == "http.response.body" and status >= 400 and len(body) < _REASON_BYTES:
                    body += message.get("body", b"")[:_REASON_BYTES]
                await send(message)

            try:
                await app(scope, receive, sending)
            finally:
                self.requests.labels(operation, str(status)).inc()
                self.seconds.labels(operation).observe(time.perf_counter() - start)
                if status >= 400:
                    self.refusals.labels(_reason(body, status)).inc()

        return metered


def _reason(body: bytes, status: int) -> str:
    """A refusal's reason as its answer gives it; its status when the body names none."""
    try:
        data = json.loads(body)
    except ValueError:
        return str(status)
    if isinstance(data, dict):
        reason = data.get("refused") or data.get("fault")
        if isinstance(reason, str) and len(reason) <= 64:
            return reason
    return str(status)


class _HallFigures(Collector):
    """The figures the database holds, read at each scrape: a scrape every 15-60 s asks a few counts."""

    def __init__(self, service: InProcess) -> None:
        self.service = service

    def collect(self) -> Iterator[Any]:
        yield self._closed()  # the door's own, whether the database answers or not
        up = GaugeMetricFamily("counter_database_up", "Whether the server's database answered the scrape")
        try:
            health = self.service.call(HEALTH, Nothing())
        except Exception as err:  # the database away: the scrape says so rather than fail
            log.warning("the metrics could not read the database: %s", err)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        unsent = GaugeMetricFamily("counter_outbox_unsent", "Rows a sender still tries", labels=["outbox"])
        failed = GaugeMetricFamily("counter_outbox_failed", "Rows that failed, waiting for a person", labels=["outbox"])
        oldest = GaugeMetricFamily(
            "counter_outbox_oldest_unsent_seconds", "Age of the oldest row still tried", labels=["outbox"]
        )
        for box in health.outboxes:
            unsent.add_metric([box.outbox], box.unsent)
            failed.add_metric([box.outbox], box.failed)
            oldest.add_metric([box.outbox], box.oldest_unsent_s or 0.0)
        yield unsent
        yield failed
        yield oldest
        sessions = GaugeMetricFamily("counter_sessions_open", "Desk sessions open now")
        sessions.add_metric([], health.open_sessions)
        yield sessions
        if health.primary is not None:
            yield from _replication(health)

    def _closed(self) -> Any:
        closed = CounterMetricFamily(
            "counter_connections_closed", "Connections the door closed: no request head in time, or shed at the cap",
            labels=["reason"],
        )  # fmt: skip
        for reason, count in sorted(CLOSED.items()):
            closed.add_metric([reason], count)
        return closed

    def describe(self) -> Iterator[Any]:
        return iter(())  # described by what collect yields, never by asking the database at registration


def _replication(health: HallHealth) -> Iterator[Any]:
    """The node written to and its standbys (PostgreSQL): which of a pair is the primary, and how far behind the
    other is.  ``counter_replication_standbys`` 0 is a pair down to one machine: commits wait for no standby."""
    primary = GaugeMetricFamily("counter_database_primary", "The database node the server writes to", labels=["node"])
    primary.add_metric([health.primary or ""], 1)
    yield primary
    standbys = GaugeMetricFamily("counter_replication_standbys", "Standbys a commit waits for (synchronous, streaming)")
    standbys.add_metric([], sum(standby.synchronous for standby in health.standbys))
    yield standbys
    lag_bytes = GaugeMetricFamily(
        "counter_replication_lag_bytes", "WAL a standby has yet to replay", labels=["standby", "sync"]
    )
    lag_s = GaugeMetricFamily("counter_replication_lag_seconds", "A standby's replay lag", labels=["standby", "sync"])
    for standby in health.standbys:
        if standby.lag_bytes is not None:
            lag_bytes.add_metric([standby.name, standby.sync], standby.lag_bytes)
        if standby.lag_s is not None:
            lag_s.add_metric([standby.name, standby.sync], standby.lag_s)
    yield lag_bytes
    yield lag_s
