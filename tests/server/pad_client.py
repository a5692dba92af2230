"""A pad device's requests to a test's ``counter serve``: its key as ``Pad-Key``, the hall's CA the only trust."""

from __future__ import annotations

import http.client
import json
import ssl
from typing import Any

from tests.server.hall_server import HallServer


def pad_post(server: HallServer, path: str, key: str, body: Any = None) -> tuple[int, Any]:
    """``POST path`` under the pad key ``key``: the status and the answer's JSON (None for none)."""
    context = ssl.create_default_context(cafile=str(server.ca_file))
    connection = http.client.HTTPSConnection("127.0.0.1", server.port, context=context, timeout=30)
    try:
        data = b"" if body is None else json.dumps(body).encode()
        connection.request("POST", path, body=data, headers={"Pad-Key": key, "Content-Type": "application/json"})
        answer = connection.getresponse()
        read = answer.read()
        return answer.status, json.loads(read) if read else None
    finally:
        connection.close()
