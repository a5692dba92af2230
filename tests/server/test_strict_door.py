"""The server's door reads a request strictly: what is not of the operation's request type is refused 400 ``request``
with the field named, before any operation runs, never coerced into something the desk did not send.

The routes run in process (tests/server/asgi_call.py) on a service that knows one session and records every other
call: a refused request reaches none.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from counter.access.desk_session import SessionDesk
from counter.access.roles import Role
from counter.service.call import Clock
from counter.service.cases import DAY_LISTS
from counter.service.catalog import ALLOW_DRAFT_INTAKE
from counter.service.hall import FIND_SESSION
from counter.service.intake import KNOWN_PARTY
from counter.service.local import new_key
from counter.service.site import NOTE_REPORT
from tests.server.asgi_call import post

SESSION = SessionDesk("wulan", "乌兰", frozenset({Role.ADMIN}), "0007", "2", "XAM01", "兴安盟政务服务中心")
BEARER = {"Authorization": "Bearer a-token", "Desk-Key": "a-key"}


class OneSession:
    """A service whose one session is :data:`SESSION`; every operation asked of it is kept in ``asked``."""

    def __init__(self) -> None:
        self.asked: list[Any] = []
        self.clock = Clock()  # the server's own: the door makes each call's context from it

    def call(self, op: Any, request: Any, *_: Any, **__: Any) -> Any:
        if op is FIND_SESSION:
            return SESSION
        self.asked.append(request)
        return None

    def run(self, op: Any, request: Any, *_: Any, **__: Any) -> Any:
        """An operation in the context the door made: kept as any other."""
        return self.call(op, request)


@pytest.mark.parametrize(
    ("op", "body", "field"),
    [
        (KNOWN_PARTY, {"id_no": None}, "$.id_no"),  # was read as the text 'None'
        (KNOWN_PARTY, {}, "$.id_no"),
        (KNOWN_PARTY, {"id_no": "152201199001011234", "site_code": "XAM09"}, "$.site_code"),
        (ALLOW_DRAFT_INTAKE, {"allowed": "false"}, "$.allowed"),  # was read as True: drafts allowed
        (DAY_LISTS, {"today": "2026-11-27"}, "$.today"),  # asked with nothing: the day is the server's
        (DAY_LISTS, None, "$"),
        (NOTE_REPORT, {"series": True}, "$.series"),  # a field it never read, once taken
    ],
)
def test_a_request_not_of_its_type_is_refused_with_the_field_named(op: Any, body: Any, field: str) -> None:
    service = OneSession()
    headers = {**BEARER, "Idempotency-Key": new_key()} if op.writes else BEARER
    status, answer = post(service, f"/v1/operations/{op.name}", json.dumps(body).encode(), headers)
    assert (status, answer["refused"], answer["field"]) == (400, "request", field)
    assert service.asked == []


def test_a_field_given_twice_is_refused_whichever_value_a_reader_would_take() -> None:
    service = OneSession()
    body = b'{"id_no": "152201199001011234", "id_no": "152201199001015678"}'
    status, answer = post(service, f"/v1/operations/{KNOWN_PARTY.name}", body, BEARER)
    assert (status, answer["refused"]) == (400, "request")
    assert "`id_no` twice" in answer["problem"]
    assert service.asked == []


def test_a_body_that_is_not_json_is_refused_as_before() -> None:
    service = OneSession()
    assert post(service, f"/v1/operations/{KNOWN_PARTY.name}", b"{id_no:", BEARER) == (400, {"refused": "request"})


def test_a_sign_in_not_of_its_type_is_refused_with_the_field_named() -> None:
    body = json.dumps({"login": "wulan", "password": None, "desk_no": "2", "desk_key": "k"}).encode()
    status, answer = post(OneSession(), "/v1/sign-in", body, {})
    assert (status, answer["refused"], answer["field"]) == (400, "request", "$.password")


def test_a_request_of_its_type_reaches_the_operation() -> None:
    service = OneSession()
    status, _ = post(service, f"/v1/operations/{KNOWN_PARTY.name}", b'{"id_no": "152201199001011234"}', BEARER)
    assert status == 200
    assert [request.id_no for request in service.asked] == ["152201199001011234"]


def test_a_write_without_its_key_is_refused_before_it_runs() -> None:
    """A write's key is what makes it safe to ask again: one without (a client that is not a desk of this release)
    is refused, never run once for each time it is sent."""
    service = OneSession()
    body = json.dumps({"allowed": True}).encode()
    for key in ({}, {"Idempotency-Key": "not a key"}):
        status, answer = post(service, f"/v1/operations/{ALLOW_DRAFT_INTAKE.name}", body, {**BEARER, **key})
        assert (status, answer) == (400, {"refused": "idempotency_key"})
    assert service.asked == []


def test_a_sign_out_without_a_token_ends_nothing() -> None:
    service = OneSession()
    status, answer = post(service, "/v1/sign-out", b"", {"Desk-Key": "a-key"})
    assert (status, answer) == (401, {"refused": "unknown"})
    assert service.asked == []
