"""A desk machine's one try of its hall server, as it is being set up: reached, its certificate the hall's CA's, the
machine's desk key its desk's.

``counter desk --server …`` saved an address without trying it, so a mistyped host, a certificate from another CA or
a key of another desk showed only at a clerk's first sign-in.  Here the three are tried once, in order, each only if
the one before it passed, and nothing is sent before the server's certificate is checked: the key crosses only to a
server the hall's CA vouches for (``POST /v1/desk-check``, :mod:`counter.server.health`), which neither signs anyone
in nor writes anything.

The key's answer is asked as the outward channels ask (:func:`counter.host.outward.outward_http.ask_within`): whole
within the try's wait, at most :data:`ANSWER_LIMIT` bytes.  A wrong address that speaks TLS with the hall's
certificate and drips its answer, or sends without end, is a finding of the try, never a set-up that hangs.
"""

from __future__ import annotations

import http.client
import json
import socket
import ssl
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from counter.host.outward.outward_http import AnswerTooLarge, PastTimeout, ask_within

#: a try's wait: the server is on the hall's own network
TIMEOUT_S = 10.0
#: the key's answer at most: the door answers it with no body (204, or 403 with a line of JSON)
ANSWER_LIMIT = 64 << 10


@dataclass(frozen=True)
class ServerCheck:
    """What the try found: each step True or False, None where it was not tried (the step before it failed, or no
    key is kept yet); ``detail``: the last error's own words, for the log."""

    reached: bool
    trusted: bool | None = None
    key_accepted: bool | None = None
    detail: str = ""


def check_server(root: str, ca_file: Path, desk_no: str, desk_key: str, timeout_s: float = TIMEOUT_S) -> ServerCheck:
    """Try the server at ``root`` (``https://host:port``) with the hall's CA at ``ca_file`` and the desk's key."""
    parts = urlsplit(root)
    host, port = parts.hostname or "", parts.port or 443
    try:
        context = ssl.create_default_context(cafile=str(ca_file))
    except (OSError, ssl.SSLError) as err:
        return ServerCheck(reached=False, detail=f"the CA file {ca_file}: {err}")
    refused = _handshake(host, port, context, timeout_s)
    if refused is not None:
        return refused
    if not desk_key:
        return ServerCheck(reached=True, trusted=True)
    return _ask_key(f"https://{parts.netloc}", ca_file, timeout_s, desk_no, desk_key)


def _handshake(host: str, port: int, context: ssl.SSLContext, timeout_s: float) -> ServerCheck | None:
    """What keeps the server from being reached or trusted; None when its TLS handshake passed."""
    try:
        raw = socket.create_connection((host, port), timeout=timeout_s)
    except OSError as err:
        return ServerCheck(reached=False, detail=str(err))
    try:
        with context.wrap_socket(raw, server_hostname=host):
            return None
    except ssl.SSLCertVerificationError as err:
        return ServerCheck(reached=True, trusted=False, detail=str(err.verify_message or err))
    except (OSError, ssl.SSLError) as err:  # it answered, but not with TLS the desk accepts
        return ServerCheck(reached=True, trusted=False, detail=str(err))
    finally:
        raw.close()


def _ask_key(root: str, ca_file: Path, timeout_s: float, desk_no: str, desk_key: str) -> ServerCheck:
    body = json.dumps({"desk_no": desk_no, "desk_key": desk_key}).encode()
    try:
        status, _answer = ask_within(
            "POST", f"{root}/v1/desk-check", body, {"Content-Type": "application/json"},
            timeout=timeout_s, limit=ANSWER_LIMIT, ca_file=str(ca_file),
        )  # fmt: skip
    except PastTimeout:
        return ServerCheck(reached=True, trusted=True, detail=f"no whole answer within {timeout_s:g} s")
    except AnswerTooLarge as err:
        return ServerCheck(reached=True, trusted=True, detail=f"an answer over {ANSWER_LIMIT} bytes ({err})")
    except (OSError, http.client.HTTPException) as err:
        return ServerCheck(reached=True, trusted=True, detail=str(err))
    if status in (204, 403):
        return ServerCheck(reached=True, trusted=True, key_accepted=status == 204)
    return ServerCheck(reached=True, trusted=True, detail=f"the server answered {status}")
