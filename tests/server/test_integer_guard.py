"""A whole number past the database's integers, asked of the server in process (its application, no port): refused
400 with its field, at the operations' door and at the pad's, never reaching the database.

Measured before at a real ``counter serve``: ``ratings.request_state`` and a pad's answer with ``request_id``
2,147,483,648 on PostgreSQL came back 503 ``store`` (``NumericValueOutOfRange``: the desk and the pad take it for the
database away and ask again, and the server logs its database's trouble); with 2**63 on SQLite, 500."""

from __future__ import annotations

import asyncio
import contextlib
import json
from pathlib import Path
from typing import Any

import pytest

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Role
from counter.case.numbers import DeskIdentity
from counter.server.app import make_app
from counter.server.integer_guard import LARGEST, too_large_field
from counter.server.secrets_hash import digest
from counter.service.admin import ADD_ACCOUNT
from counter.service.codec import encode
from counter.service.hall import REGISTER_DESK, DeskCredentials, DeskKey
from counter.service.local import serve
from counter.service.pads import REGISTER_PAD, PadKey
from tests.conftest import made_database
from tests.pg_server import FreshDatabases
from tests.server.asgi_call import Message, answer, asked

PASSWORD = "Xam01desk2026"
DESK_KEY = "desk-key-8-0123456789abcdef"
PAD_KEY = "pad-key-0123456789abcdef"


def _post(app: Any, path: str, body: Any, headers: dict[str, str]) -> tuple[int, Any]:
    data = json.dumps(body).encode()
    sent: list[Message] = []
    with contextlib.suppress(Exception):  # the framework raises an unexpected failure again after answering it
        asyncio.run(asked(app, path, [data], {"Content-Length": str(len(data)), **headers}, sent=sent))
    return answer(sent)[:2]


@pytest.mark.parametrize(
    ("backend", "number"), [("sqlite", 2**63), ("postgresql", LARGEST + 1), ("sqlite", -(2**63) - 1)]
)
def test_a_number_past_the_databases_integers_is_refused_with_its_field(
    request: pytest.FixtureRequest, tmp_path: Path, backend: str, number: int
) -> None:
    if backend == "postgresql":
        fresh: FreshDatabases = request.getfixturevalue("fresh_pg")
        url = fresh.url()
    else:
        url = made_database(tmp_path / "hall.sqlite3")
    service = serve(url)
    try:
        service.call(ADD_ACCOUNT, NewAccount("admin", "管理员", frozenset({Role.ADMIN}), PASSWORD),
                     Desk(DeskIdentity("XAM01", "1"), "管理员"))  # fmt: skip
        service.call(REGISTER_DESK, DeskKey("8", digest(DESK_KEY)))
        service.call(REGISTER_PAD, PadKey("pad-8", digest(PAD_KEY)))
        app = make_app(service)
        credentials = encode(DeskCredentials("admin", PASSWORD, "8", DESK_KEY), DeskCredentials)
        status, opened = _post(app, "/v1/sign-in", credentials, {})
        assert status == 200, opened
        desk = {"Authorization": f"Bearer {opened['token']}", "Desk-Key": DESK_KEY}
        refused = (400, {"refused": "number:request_id"})
        assert _post(app, "/v1/operations/ratings.request_state", {"request_id": number}, desk) == refused
        answer_body = {"request_id": number, "choice": {"level": "very_satisfied"}}
        assert _post(app, "/v1/pad/answer", answer_body, {"Pad-Key": PAD_KEY}) == refused
        assert _post(app, "/v1/pad/unrated", {"request_id": number}, {"Pad-Key": PAD_KEY}) == refused
        within = _post(app, "/v1/operations/ratings.request_state", {"request_id": LARGEST}, desk)
        assert within == (422, {"fault": "RatingRefused", "values": {"code": "no_request", "case_no": ""}})
    finally:
        service.close()


def test_the_field_is_named_where_the_number_stands() -> None:
    assert too_large_field({"a": [1, {"b": LARGEST + 1}]}) == "a.1.b"
    assert too_large_field({"a": [-LARGEST, True, 1.5e300, "9" * 40]}) is None
