"""A JSON answer from a device's HTTP service (a card reader vendor's local service, the hall's queue system).

Neither kind publishes a common interface, so each adapter reads its answer through a format file an integrator
adapts (``counter/resources/devices/``): the fields are named there by dotted paths (:func:`at`).  The request itself
is the same for both and so are its failures, told apart for the clerk: no answer within the time allowed, no
service at that address, an answer larger than any a device gives, or one that is not JSON.

The request is bounded as the outward channels' and the hall desk's are, by their own means
(:mod:`counter.host.outward.outward_http`): the timeout is the whole answer's, not each read's, so a service that
sends its headers and then a byte every second is cut off at it (a watchdog shuts the socket, each read waits at
most the time left); and no more than :data:`ANSWER_LIMIT` and one byte are read, so a service that answers without
end cannot fill the desk's memory.  The window's thread waits on neither: the clerk pressed 读卡 or 叫号 and is told.
"""

from __future__ import annotations

import http.client
import json
import ssl
import time
from enum import StrEnum
from urllib.parse import urlsplit

from counter.host.outward.outward_http import AnswerTooLarge, DeadlineConnection, Watchdog, read_answer, wait_at_most

#: bytes of a device's answer read at most: a card's answer with its photo as a bitmap, in hex, is some 80 KiB, a
#: queue's ticket a few hundred bytes
ANSWER_LIMIT = 1024 * 1024


class HttpFault(StrEnum):
    NO_ANSWER = "no_answer"  # no whole answer within the timeout
    UNREACHABLE = "unreachable"  # no service there, the connection refused or cut
    TOO_LARGE = "too_large"  # an answer beyond ANSWER_LIMIT: not read on
    NOT_JSON = "not_json"  # an answer, but not one JSON can read


class DeviceHttpError(Exception):
    def __init__(self, fault: HttpFault, detail: str) -> None:
        super().__init__(f"{fault}: {detail}")
        self.fault, self.detail = fault, detail


def json_answer(url: str, timeout: float, body: bytes | None = None, headers: dict[str, str] | None = None) -> object:
    """The service's answer to a GET of ``url`` (a POST of ``body``, when given), read whole within ``timeout``
    seconds and read as JSON; :class:`DeviceHttpError` when there is none to read."""
    parts = urlsplit(url)
    end = time.monotonic() + timeout
    connection = _connection(parts.scheme, parts.hostname or "", parts.port, timeout)
    watchdog = Watchdog(timeout, lambda: connection)
    response: http.client.HTTPResponse | None = None
    try:
        if isinstance(connection, DeadlineConnection):
            connection.connect_by(end)
        else:
            connection.connect()  # within the timeout the connection was made with
        wait_at_most(connection, end)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection.request("GET" if body is None else "POST", path, body, headers or {})
        response = connection.getresponse()
        raw = read_answer(connection, response, end, ANSWER_LIMIT)
    except AnswerTooLarge as err:
        raise DeviceHttpError(HttpFault.TOO_LARGE, str(err)) from err
    except (OSError, http.client.HTTPException) as err:  # PastTimeout among them: a TimeoutError
        if watchdog.fired or isinstance(err, TimeoutError) or time.monotonic() >= end:
            raise DeviceHttpError(HttpFault.NO_ANSWER, f"no whole answer within {timeout:g} s ({err!r})") from err
        raise DeviceHttpError(HttpFault.UNREACHABLE, str(err)) from err
    finally:
        watchdog.stop()
        if response is not None:  # its file holds the socket open after the connection's close: an answer left
            response.close()  # mid-way would go on arriving
        connection.close()
    try:
        return json.loads(raw)
    except (ValueError, RecursionError) as err:  # nested past the parser's depth: no answer a device gives
        raise DeviceHttpError(HttpFault.NOT_JSON, f"{len(raw)} bytes, not JSON") from err


def _connection(scheme: str, host: str, port: int | None, timeout: float) -> http.client.HTTPConnection:
    """A connection to the service, not yet open: over TLS for ``https`` (the machine's trusted authorities), else
    plain (a service beside the desk, or on the hall's own network)."""
    if scheme == "https":
        return DeadlineConnection(host, port, ssl.create_default_context())
    return http.client.HTTPConnection(host, port, timeout=timeout)


def at(answer: object, where: str) -> object:
    """The value at the dotted path ``where`` (``data.card.name``) of a JSON answer; None where there is none."""
    for key in where.split("."):
        if not isinstance(answer, dict):
            return None
        answer = answer.get(key)
    return answer
