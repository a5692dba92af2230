"""A JSON answer from a device's HTTP service (a card reader vendor's local service, the hall's queue system).

Neither kind publishes a common interface, so each adapter reads its answer through a format file an integrator
adapts (``counter/resources/devices/``): the fields are named there by dotted paths (:func:`at`).  The request itself
is the same for both and so are its failures, told apart for the clerk: no answer within the time allowed, no
service at that address, or an answer that is not JSON.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from enum import StrEnum


class HttpFault(StrEnum):
    NO_ANSWER = "no_answer"  # nothing within the timeout
    UNREACHABLE = "unreachable"  # no service there, the connection refused or cut
    NOT_JSON = "not_json"  # an answer, but not one JSON can read


class DeviceHttpError(Exception):
    def __init__(self, fault: HttpFault, detail: str) -> None:
        super().__init__(f"{fault}: {detail}")
        self.fault, self.detail = fault, detail


def json_answer(request: urllib.request.Request | str, timeout: float) -> object:
    """The service's answer, read as JSON; :class:`DeviceHttpError` when there is none to read."""
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
    except TimeoutError as err:
        raise DeviceHttpError(HttpFault.NO_ANSWER, str(err)) from err
    except (urllib.error.URLError, OSError) as err:
        if isinstance(getattr(err, "reason", None), TimeoutError):
            raise DeviceHttpError(HttpFault.NO_ANSWER, str(err)) from err
        raise DeviceHttpError(HttpFault.UNREACHABLE, str(err)) from err
    try:
        return json.loads(body)
    except ValueError as err:
        raise DeviceHttpError(HttpFault.NOT_JSON, f"{len(body)} bytes, not JSON") from err


def at(answer: object, where: str) -> object:
    """The value at the dotted path ``where`` (``data.card.name``) of a JSON answer; None where there is none."""
    for key in where.split("."):
        if not isinstance(answer, dict):
            return None
        answer = answer.get(key)
    return answer
