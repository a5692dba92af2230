"""One request to the hall's SMS gateway over HTTP: the standard library's client, no other dependency.

The request is a JSON POST to the endpoint::

    {"account": …, "phone": …, "sign": …, "template_id": … ("" : send "content"), "params": {…},
     "content": "【…】…", "request_id": KEY}

with the headers ``Idempotency-Key: KEY`` (the message's own key: an attempt repeated after a crash between the
gateway's answer and the outbox's mark is the same request, which the gateway drops), ``X-Counter-Account``,
``X-Counter-Timestamp`` (Unix seconds) and ``X-Counter-Signature``: the hex HMAC-SHA256, keyed by the secret, of
the timestamp, a full stop and the body.  The gateway answers 2xx with ``{"id": …}`` (its own message id); 409 with
an ``id`` says it had the request already, which is a success too.

What the answer means for the message is decided here, as data (:class:`Answer`): 2xx sent; 408, 429, 5xx, a
timeout or no connection may pass, so the message is tried again later; any other 4xx will not change by waiting
(a number the gateway refuses, a wrong secret), so it goes to the failed list at once.  Nothing here logs the phone
or the text.

Only ``https://``, its certificate checked against the machine's trusted authorities (the system's, or the file
``SSL_CERT_FILE`` names, as OpenSSL reads it, for a gateway on a government network with its own CA) and its host
name against the endpoint's.  An endpoint of another scheme is refused before anything is sent: the settings refuse
it too (:mod:`counter.sms.gateway`), this is for one an earlier version stored.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Answer", "Outcome", "SmsRequest", "post_message"]

_TRY_AGAIN = frozenset({408, 425, 429})


class Outcome(StrEnum):
    SENT = "sent"
    TRY_AGAIN = "try_again"  # the gateway may take it later
    REFUSED = "refused"  # it will not, however often asked


@dataclass(frozen=True, slots=True)
class Answer:
    outcome: Outcome
    gateway_id: str = ""
    detail: str = ""  # for the failed list: the status and the gateway's words, or what went wrong on the way


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


def signature(secret: str, timestamp: str, body: bytes) -> str:
    return hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, hashlib.sha256).hexdigest()


def post_message(request: SmsRequest) -> Answer:
    """Send one message; what came of it, never an exception for what the network or the gateway did."""
    if not request.endpoint.lower().startswith("https://"):
        return Answer(Outcome.REFUSED, detail="endpoint is not https://: nothing sent")
    return _post(request)


def _post(request: SmsRequest) -> Answer:
    body = body_of(request)
    timestamp = str(int(time.time()))
    http_request = urllib.request.Request(
        request.endpoint,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "Idempotency-Key": request.key,
            "X-Counter-Account": request.account,
            "X-Counter-Timestamp": timestamp,
            "X-Counter-Signature": signature(request.secret, timestamp, body),
        },
    )
    try:
        # a context of our own: certificate and host name checked, whatever urllib's defaults may become
        context = ssl.create_default_context()
        with urllib.request.urlopen(http_request, timeout=request.timeout, context=context) as response:
            return Answer(Outcome.SENT, _gateway_id(response.read()), f"HTTP {response.status}")
    except urllib.error.HTTPError as err:
        return _refused(err)
    except TimeoutError:
        return Answer(Outcome.TRY_AGAIN, detail=f"timeout after {request.timeout:g} s")
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, TimeoutError):
            return Answer(Outcome.TRY_AGAIN, detail=f"timeout after {request.timeout:g} s")
        return Answer(Outcome.TRY_AGAIN, detail=f"no connection: {reason}")
    except (OSError, http.client.HTTPException) as err:
        return Answer(Outcome.TRY_AGAIN, detail=f"{type(err).__name__}: {err}")


def _refused(err: urllib.error.HTTPError) -> Answer:
    """What an answer other than 2xx means: a 409 naming the message is the gateway's own record of it."""
    text = _read(err)
    detail = f"HTTP {err.code} {text[:200]}".strip()
    if err.code == 409 and _gateway_id(text.encode("utf-8")):
        return Answer(Outcome.SENT, _gateway_id(text.encode("utf-8")), detail)
    again = err.code >= 500 or err.code in _TRY_AGAIN
    return Answer(Outcome.TRY_AGAIN if again else Outcome.REFUSED, detail=detail)


def _read(err: urllib.error.HTTPError) -> str:
    try:
        return err.read().decode("utf-8", errors="replace")
    except OSError:
        return ""
    finally:
        err.close()


def _gateway_id(raw: bytes) -> str:
    try:
        answer = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return ""
    if not isinstance(answer, dict):
        return ""
    return str(answer.get("id") or answer.get("message_id") or "")
