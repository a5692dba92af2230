"""The pad device's transport (评价器): the hall server's pad routes (:mod:`counter.server.pad_routes`) asked under
the pad's own key, over TLS with the hall's CA the only trust, as a desk's transport asks (:mod:`.remote`).

The pad holds no session and no account: its key, shown at every request, is all it is.  An answer whose fate is
not known (the connection lost after the request went) is not asked again: the pad says it and the applicant's
answer is asked of the server once more only as a new request, which the server refuses ``request_closed`` if the
first was kept, so nothing is recorded twice.
"""

from __future__ import annotations

import http.client
import json
import ssl
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from counter.ratings.choice import RatingChoice
from counter.ratings.recorded import RatingRecorded
from counter.ratings.views import PadCase, PadDeviceStart
from counter.service.codec import decode, encode
from counter.service.faults import decode_fault
from counter.service.pads import PadAnswer, PadLapse

#: how long the server is asked to hold the pad's ask for a request; the server holds it at most 20 s
WAIT_S = 15.0
#: a connection and its TLS handshake: a hall's network takes milliseconds
CONNECT_TIMEOUT_S = 3.0


class PadAway(Exception):
    """The server did not answer (not reached, the connection lost, an answer not readable): the pad says so, and
    asks again."""


class PadKeyRefused(Exception):
    """The server knows this pad's key no more (replaced, retired, never registered): only the administrator helps."""


class PadRemote:
    """The pad's requests to the server at ``root`` (``https://host:port``), trusting ``ca_file`` alone, under
    ``key``."""

    def __init__(self, root: str, ca_file: Path, key: str) -> None:
        parts = urlsplit(root)
        if parts.scheme != "https" or not parts.hostname:
            raise ValueError(root)
        self._host, self._port = parts.hostname, parts.port or 443
        self._context = ssl.create_default_context(cafile=str(ca_file))  # this CA only: no system store
        self._context.minimum_version = ssl.TLSVersion.TLSv1_2
        self._key = key

    def start(self) -> PadDeviceStart:
        """What the idle pad shows: its desk, the clerk there, the office's names, the rating settings."""
        return cast("PadDeviceStart", self._answer("/v1/pad/start", None, PadDeviceStart))

    def next_case(self, wait: float = WAIT_S) -> PadCase | None:
        """The request the pad is to show, held at the server up to ``wait`` seconds; None when none came."""
        return cast("PadCase | None", self._answer(f"/v1/pad/next?wait={wait:g}", None, PadCase | None, wait))

    def answer(self, request_id: int, choice: RatingChoice) -> RatingRecorded:
        """The applicant's answer, recorded; its refusal (``RatingRefused``, ``ChoiceRefused``) raised as it came."""
        body = encode(PadAnswer(request_id, choice), PadAnswer)
        return cast("RatingRecorded", self._answer("/v1/pad/answer", body, RatingRecorded))

    def unrated(self, request_id: int) -> str:
        """The request left unanswered past its time, recorded as unrated: its case number."""
        return str(self._answer("/v1/pad/unrated", encode(PadLapse(request_id), PadLapse), str))

    def _answer(self, path: str, body: Any, kind: Any, wait: float = 0.0) -> Any:
        status, data = self._post(path, body, wait)
        if status == 204:
            return None
        if status == 401:
            raise PadKeyRefused(path)
        try:
            if status == 422:
                raise decode_fault(data)
            if status != 200:
                raise PadAway(f"{path}: {status}")
            return decode(data, kind)
        except ValueError as err:
            raise PadAway(f"{path}: not understood ({err})") from err

    def _post(self, path: str, body: Any, wait: float) -> tuple[int, Any]:
        connection = http.client.HTTPSConnection(
            self._host, self._port, context=self._context, timeout=CONNECT_TIMEOUT_S
        )
        try:
            connection.connect()
            if connection.sock is not None:
                connection.sock.settimeout(wait + 15.0)  # held at the server up to ``wait``, then answered
            data = b"" if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
            headers = {"Pad-Key": self._key, "Content-Type": "application/json"}
            connection.request("POST", path, body=data, headers=headers)
            answer = connection.getresponse()
            read = answer.read(1 << 20)
            return answer.status, json.loads(read) if read else None
        except (OSError, http.client.HTTPException, ValueError) as err:
            raise PadAway(f"{path}: {err}") from err
        finally:
            connection.close()
