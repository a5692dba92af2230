"""A desk machine's one try of its hall server, as it is being set up: reached, its certificate the hall's CA's, the
machine's desk key its desk's.

``counter desk --server …`` saved an address without trying it, so a mistyped host, a certificate from another CA or
a key of another desk showed only at a clerk's first sign-in.  Here the three are tried once, in order, each only if
the one before it passed, and nothing is sent before the server's certificate is checked: the key crosses only to a
server the hall's CA vouches for (``POST /v1/desk-check``, :mod:`counter.server.health`), which neither signs anyone
in nor writes anything.
"""

from __future__ import annotations

import http.client
import json
import socket
import ssl
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

#: a try's wait: the server is on the hall's own network
TIMEOUT_S = 10.0


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
    return _ask_key(host, port, context, timeout_s, desk_no, desk_key)


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


def _ask_key(
    host: str, port: int, context: ssl.SSLContext, timeout_s: float, desk_no: str, desk_key: str
) -> ServerCheck:
    connection = http.client.HTTPSConnection(host, port, context=context, timeout=timeout_s)
    try:
        body = json.dumps({"desk_no": desk_no, "desk_key": desk_key})
        connection.request("POST", "/v1/desk-check", body=body, headers={"Content-Type": "application/json"})
        answer = connection.getresponse()
        answer.read()
    except (OSError, http.client.HTTPException) as err:
        return ServerCheck(reached=True, trusted=True, detail=str(err))
    finally:
        connection.close()
    if answer.status in (204, 403):
        return ServerCheck(reached=True, trusted=True, key_accepted=answer.status == 204)
    return ServerCheck(reached=True, trusted=True, detail=f"the server answered {answer.status}")
