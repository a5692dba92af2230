"""One report to the region's platform: its body and signature, sent through :mod:`counter.host.outward.outward_http`.

The region's interface specification is not public (``docs/platform.md``): the request below is this app's own
proposal, its body the mapping file's fields (:mod:`counter.platform.mapping`), so that what the province names
otherwise is changed in that file, and the envelope here is the SMS gateway's, which halls already run::

    POST endpoint   {"<field>": "<value>", …}   (the mapped elements of one event)

with the headers ``Idempotency-Key: KEY`` (the event's key: every attempt of one event, from any site, is the same
request, which the platform keeps once), ``X-Counter-Account``, ``X-Counter-Timestamp`` (Unix seconds) and
``X-Counter-Signature``: the hex HMAC-SHA256, keyed by the secret, of the timestamp, a full stop and the body.

What an answer means is every channel's rule (:func:`counter.outbox.rules.answer_of`), the platform's 2xx naming
the event (``{"id": …}``): a 2xx whose body is not that JSON leaves unknown whether the platform kept the event, so
it is tried again, under the same key; a 409 naming it is a duplicate acknowledgment, sent.  Nothing here logs the
body.

Only ``https://``, the certificate checked against the platform's own CA when the settings name its file (a
government network's), else the machine's trusted authorities; the whole send within the settings' timeout, the
answer capped, no redirect followed (:class:`counter.host.outward.outward_http.Link`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from counter.host.outward.outward_http import Link, signed_headers
from counter.outbox.rules import Answer

__all__ = ["PlatformLink", "Report", "ReportRequest"]

Report = Answer  # what came of one report: the platform's id for the event is its ``remote_id``


@dataclass(frozen=True, slots=True)
class ReportRequest:
    endpoint: str
    account: str
    secret: str
    key: str
    fields: dict[str, str]
    timeout: float
    ca_file: str = ""


class PlatformLink:
    """A connection to the platform kept open from one report to the next, as a sender's round sends its events one
    after the other."""

    def __init__(self) -> None:
        self._link = Link()

    def __call__(self, request: ReportRequest) -> Report:
        """Send one event; what came of it, never an exception for what the network or the platform did."""
        body = json.dumps(request.fields, ensure_ascii=False, sort_keys=True).encode("utf-8")
        headers = signed_headers(request.account, request.secret, request.key, body)
        return self._link.post(request.endpoint, body, headers, deadline=request.timeout, ca_file=request.ca_file)

    def close(self) -> None:
        self._link.close()
