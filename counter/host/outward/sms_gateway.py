"""One request to the hall's SMS gateway: its body and signature, sent through :mod:`counter.host.outward.outward_http`.

The request is a JSON POST to the endpoint::

    {"account": …, "phone": …, "sign": …, "template_id": … ("" : send "content"), "params": {…},
     "content": "【…】…", "request_id": KEY}

with the headers ``Idempotency-Key: KEY`` (the message's own key: an attempt repeated after a crash between the
gateway's answer and the outbox's mark is the same request, which the gateway drops), ``X-Counter-Account``,
``X-Counter-Timestamp`` (Unix seconds) and ``X-Counter-Signature``: the hex HMAC-SHA256, keyed by the secret, of
the timestamp, a full stop and the body.  The gateway answers 2xx with ``{"id": …}`` (its own message id); 409 with
an ``id`` says it had the request already, which is a success too.

What the answer means is every channel's rule (:func:`counter.outbox.rules.answer_of`): 2xx sent, whatever its
body; 408, 429, 5xx, a timeout or no connection tried again later; a redirect or any other 4xx (a number the
gateway refuses, a wrong secret) to the failed list at once.  Nothing here logs the phone or the text.

Only ``https://``, its certificate checked against the machine's trusted authorities (the system's, or the file
``SSL_CERT_FILE`` names, for a gateway on a government network with its own CA); the whole send within the
settings' timeout, the answer capped (:class:`counter.host.outward.outward_http.Link`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from counter.host.outward.outward_http import Link, signed_headers
from counter.outbox.rules import Answer

__all__ = ["Answer", "SmsRequest", "post_message"]


@dataclass(frozen=True, slots=True)
class SmsRequest:
    endpoint: str
    account: str
    secret: str
    key: str
    phone: str
    sign: str
    template_id: str
    params: dict[str, str]
    content: str
    timeout: float


def body_of(request: SmsRequest) -> bytes:
    return json.dumps(
        {
            "account": request.account,
            "phone": request.phone,
            "sign": request.sign,
            "template_id": request.template_id,
            "params": request.params,
            "content": request.content,
            "request_id": request.key,
        },
        ensure_ascii=False,
        sort_keys=True,
    ).encode("utf-8")


def post_message(request: SmsRequest, link: Link | None = None) -> Answer:
    """Send one message (on ``link``, kept by the caller, else a connection of its own); what came of it, never an
    exception for what the network or the gateway did."""
    own = link or Link()
    body = body_of(request)
    try:
        headers = signed_headers(request.account, request.secret, request.key, body)
        return own.post(request.endpoint, body, headers, deadline=request.timeout, id_required=False)
    finally:
        if link is None:
            own.close()
