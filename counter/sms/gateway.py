"""The hall's SMS gateway as settings; when a message that failed is tried again is every outbox's rule
(:func:`counter.outbox.rules.next_wait`).

The gateway is the hall's (one per database, every desk reads the same); a database without an endpoint has no
gateway: nothing is queued, and the receipt does not promise an SMS.  The secret signs each request
(:mod:`counter.host.outward.sms_gateway`); it is not data: every desk reads the settings and every backup copies them,
so the secret is kept in a file of its own beside the site's keys (:mod:`counter.host.outward.sms_secret`), and the
stored settings (:meth:`GatewaySettings.to_json`) never hold it.  The endpoint is ``https://`` only: over plain HTTP the
secret's signatures, the applicants' phone numbers and the texts would cross the network readable by anyone on it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum

from counter.outbox.credentials import credential_problems
from counter.sms.kinds import MessageKind

__all__ = ["GatewayProblem", "GatewaySettings", "gateway_from_json"]

DEFAULT_TIMEOUT = 10.0  # seconds for one request: a gateway slower than this is retried later
DEFAULT_ATTEMPTS = 6  # then the message waits in the failed list for a supervisor


class GatewayProblem(StrEnum):
    BAD_ENDPOINT = "bad_endpoint"  # not an https:// address
    NO_ACCOUNT = "no_account"
    NO_SECRET = "no_secret"
    BAD_TIMEOUT = "bad_timeout"  # 1 to 60 seconds
    BAD_ATTEMPTS = "bad_attempts"  # 1 to 20
    UNKNOWN_KIND = "unknown_kind"  # a template for a kind of message there is not
    SECRET_TRAINING = "secret_training"  # a secret given in a training database: the file is the live one's


@dataclass(frozen=True, slots=True)
class GatewaySettings:
    """``templates``: the gateway's template id per kind (:class:`MessageKind` value); a kind without one is sent
    as text.  ``sign``: the signature the gateway registered; empty: the office's name."""

    endpoint: str = ""
    account: str = ""
    secret: str = ""
    sign: str = ""
    timeout: float = DEFAULT_TIMEOUT
    attempts: int = DEFAULT_ATTEMPTS
    templates: dict[str, str] = field(default_factory=dict)

    @property
    def configured(self) -> bool:
        return bool(self.endpoint.strip())

    def problems(self) -> tuple[GatewayProblem, ...]:
        """Every problem at once; none for settings that are all empty (no gateway)."""
        if not self.configured and not self.account and not self.secret:
            return ()
        found = [GatewayProblem(p) for p in credential_problems(self.endpoint, self.account, self.secret)]
        if not 1 <= self.timeout <= 60:
            found.append(GatewayProblem.BAD_TIMEOUT)
        if not 1 <= self.attempts <= 20:
            found.append(GatewayProblem.BAD_ATTEMPTS)
        if set(self.templates) - {k.value for k in MessageKind}:
            found.append(GatewayProblem.UNKNOWN_KIND)
        return tuple(found)


def gateway_from_json(raw: str | None) -> GatewaySettings:
    """The settings a stored text says; no gateway when there is none or it cannot be read.  A secret in it is one an
    earlier version stored there, to be moved out (:func:`counter.actions.outbox.messages.move_secret_out`)."""
    if not raw:
        return GatewaySettings()
    try:
        stored = json.loads(raw)
        return GatewaySettings(
            endpoint=str(stored.get("endpoint", "")),
            account=str(stored.get("account", "")),
            secret=str(stored.get("secret", "")),
            sign=str(stored.get("sign", "")),
            timeout=float(stored.get("timeout", DEFAULT_TIMEOUT)),
            attempts=int(stored.get("attempts", DEFAULT_ATTEMPTS)),
            templates={str(k): str(v) for k, v in dict(stored.get("templates", {})).items()},
        )
    except (ValueError, TypeError, AttributeError):
        return GatewaySettings()
