"""A paper served electronically, through the region's platform: sent to the applicant's 电子文书, then asked after
until the platform confirms its delivery (:mod:`counter.platform.paper_fields` names the fields and the paths).

Signed and keyed as a report is (:mod:`counter.host.outward.platform_client`), through the same bounded link
(:class:`counter.host.outward.outward_http.Link`): only ``https://``, the platform's own CA where the settings name
it, a deadline per request.  Nothing here logs a body: a paper names the applicant.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
from dataclasses import dataclass

from counter.host.outward.outward_http import AnswerTooLarge, Link, PastTimeout, signed_headers
from counter.host.outward.platform_client import ReportRequest
from counter.outbox.rules import Answer, request_key
from counter.platform.paper_fields import DELIVERY_PATH, PAPERS_PATH, delivered_of

__all__ = ["Delivery", "PaperLink"]


@dataclass(frozen=True, slots=True)
class Delivery:
    """What the platform said of a paper asked after: ``answered`` False where it could not be asked (offline, a
    refusal), else the day it was delivered, None while not yet."""

    answered: bool
    delivered_on: dt.date | None = None


class PaperLink:
    """A connection to the platform's 电子文书 service, kept for the papers of one call."""

    def __init__(self) -> None:
        self._link = Link()

    def send(self, request: ReportRequest) -> Answer:
        """Send one paper (``request.fields``: :func:`counter.platform.paper_fields.paper_fields`); the platform's id
        of it is the answer's ``remote_id``.  Never an exception for what the network or the platform did."""
        body = json.dumps(request.fields, ensure_ascii=False, sort_keys=True).encode("utf-8")
        headers = signed_headers(request.account, request.secret, request.key, body)
        url = request.endpoint.rstrip("/") + PAPERS_PATH
        return self._link.post(url, body, headers, deadline=request.timeout, ca_file=request.ca_file)

    def delivery(self, request: ReportRequest, remote_id: str) -> Delivery:
        """Ask after the paper the platform knows as ``remote_id``."""
        body = json.dumps({"id": remote_id}, sort_keys=True).encode("utf-8")
        headers = signed_headers(request.account, request.secret, request_key(f"delivery {remote_id}"), body)
        url = request.endpoint.rstrip("/") + DELIVERY_PATH
        if not url.lower().startswith("https://"):
            return Delivery(False)
        try:
            deadline, ca_file = request.timeout, request.ca_file
            status, raw, _ = self._link.ask("POST", url, body, headers, deadline=deadline, ca_file=ca_file)
        except (AnswerTooLarge, PastTimeout, OSError, http.client.HTTPException):
            return Delivery(False)
        if not 200 <= status < 300:
            return Delivery(False)
        return Delivery(True, delivered_of(raw))

    def close(self) -> None:
        self._link.close()
