"""Every operation the server serves, asked with requests drawn from its declared types by every role (a clerk, a
supervisor, a department's staff, an administrator): each ends in an answer or a named refusal, never a 500.

The requests go through the server's own door (its application, asked in process: :mod:`tests.server.asgi_call`)
under real sessions signed in at registered desks, on a hall holding two cases; the text they carry is drawn from
junk, the hall's own case numbers, bundle and item codes (so that a step reaches a real case), and unencodable text
(a lone surrogate).  Each operation is asked a few times by each role: a bounded walk, not a search.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.site.demo import complete_checklist, fresh_checklist
from counter.case.intake_request import IntakeRequest
from counter.case.numbers import DeskIdentity
from counter.intake.checklist import Receipt, record
from counter.server.app import make_app, served
from counter.server.secrets_hash import digest
from counter.service.admin import ADD_ACCOUNT
from counter.service.cases import ROUTE_ITEMS
from counter.service.catalogue import operations
from counter.service.codec import encode
from counter.service.department_items import ITEM_STANDINGS
from counter.service.hall import REGISTER_DESK, DeskCredentials, DeskKey
from counter.service.intake import READ_CURRENT_GUIDE, TAKE_INTAKE, TakeIntake
from counter.service.local import InProcess, new_key, serve
from counter.service.requests import BundleCode, CaseNo
from tests.conftest import made_database
from tests.db.hall_worker import applicant
from tests.server.asgi_call import Message, answer, asked
from tests.service.strategies import TEXT, strategy_for

PASSWORD = "Xam01desk2026"
BUNDLE = "XAM-YJS-008"
ROLES = {"clerk": {Role.CLERK}, "supervisor": {Role.CLERK, Role.SUPERVISOR}, "department": {Role.DEPARTMENT},
         "admin": {Role.ADMIN}}  # fmt: skip
SERVED = sorted(name for name, op in operations().items() if served(op))


@dataclass
class Hall:
    app: Any
    tokens: dict[str, tuple[str, str]]  # role → (token, desk key)
    texts: st.SearchStrategy[str]


def _sign_in(app: Any, login: str, desk_no: str, key: str) -> str:
    body = json.dumps(encode(DeskCredentials(login, PASSWORD, desk_no, key), DeskCredentials)).encode()
    status, opened = _post(app, "/v1/sign-in", body, {})
    assert status == 200, opened
    return str(opened["token"])


def _post(app: Any, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, Any]:
    sent: list[Message] = []
    with contextlib.suppress(Exception):  # the framework raises an unexpected failure again after answering it
        asyncio.run(asked(app, path, [body], {"Content-Length": str(len(body)), **headers}, sent=sent))
    return answer(sent)[:2]


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    folder = tmp_path_factory.mktemp("fuzzed-hall")
    service: InProcess = serve(made_database(folder / "hall.sqlite3"))
    first = Desk(DeskIdentity("XAM01", "1"), "管理员")
    service.call(ADD_ACCOUNT, NewAccount("admin", "管理员", frozenset({Role.ADMIN}), PASSWORD), first)
    admin = Desk(first.identity, "管理员", Actor("admin", "管理员", frozenset({Role.ADMIN})))
    clerk = Desk(DeskIdentity("XAM01", "8"), "乌兰", Actor("wulan", "乌兰", frozenset({Role.CLERK})))
    service.call(ADD_ACCOUNT, NewAccount("wulan", "乌兰", frozenset({Role.CLERK}), PASSWORD), admin)
    service.call(ADD_ACCOUNT, NewAccount("baoyin", "宝音", frozenset(ROLES["supervisor"]), PASSWORD), admin)
    stored = service.call(READ_CURRENT_GUIDE, BundleCode(BUNDLE), clerk)
    assert stored is not None
    whole = complete_checklist(stored.bundle, fresh_checklist(stored))
    missing = record(whole, stored.bundle.materials[0].code, Receipt.MISSING)
    numbers = [
        service.call(TAKE_INTAKE, TakeIntake(IntakeRequest(checklist, applicant(3, n), uid=new_key())), clerk).case_no
        for n, checklist in enumerate((whole, missing))
    ]
    service.call(ROUTE_ITEMS, CaseNo(numbers[0]), clerk)
    department = service.call(ITEM_STANDINGS, CaseNo(numbers[0]), clerk)[0].department
    staff = NewAccount("shiyao", "石瑶", frozenset({Role.DEPARTMENT}), PASSWORD, department=department)
    service.call(ADD_ACCOUNT, staff, admin)
    app = make_app(service)
    tokens = {}
    for n, (role, login) in enumerate(zip(ROLES, ("wulan", "baoyin", "shiyao", "admin"), strict=True)):
        desk_no, key = str(20 + n), f"desk-key-{n}-0123456789abcdef"
        service.call(REGISTER_DESK, DeskKey(desk_no, digest(key)))
        tokens[role] = (_sign_in(app, login, desk_no, key), key)
    codes = [BUNDLE, *numbers, *(item.code for item in stored.bundle.items), department, "\ud800", "号\udfff"]
    yield Hall(app, tokens, st.one_of(TEXT, st.sampled_from(codes)))
    service.close()


#: by a leaf's JSON type, the values put in its place: each of its type, and none its field's type need make
ODD: dict[type, list[Any]] = {
    int: [0, -1, 13, 10**12],
    float: [0.0, -1.0, 1e300],
    str: ["", "\ud800", "taken", "item_routed", "application", "0", "9999-99"],
    bool: [True, False],
}


def _leaves(value: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every number, string or boolean in a request's JSON."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*at, key))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _leaves(item, (*at, n))
    elif type(value) in ODD:
        yield at


def _at(value: Any, at: tuple[Any, ...]) -> Any:
    for step in at:
        value = value[step]
    return value


def _replaced(value: Any, at: tuple[Any, ...], new: Any) -> Any:
    if not at:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[at[0]] = _replaced(value[at[0]], at[1:], new)
    return copy


@pytest.mark.parametrize("name", SERVED)
def test_no_request_of_any_role_ends_in_a_500(hall: Hall, name: str) -> None:
    op = operations()[name]

    @settings(max_examples=4, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.data())
    def asked_by_each_role(data: st.DataObject) -> None:
        request = encode(data.draw(strategy_for(op.request, text=hall.texts)), op.request)
        leaves = list(_leaves(request))
        odd: bool = data.draw(st.booleans())
        if leaves and odd:  # one value its type would not make: month 0, a word no enum has
            at = data.draw(st.sampled_from(leaves))
            request = _replaced(request, at, data.draw(st.sampled_from(ODD[type(_at(request, at))])))
        body = json.dumps(request).encode()  # ASCII: a lone surrogate as its escape
        for role, (token, key) in hall.tokens.items():
            headers = {"Authorization": f"Bearer {token}", "Desk-Key": key, "Idempotency-Key": new_key()}
            status, answered = _post(hall.app, f"/v1/operations/{name}", body, headers)
            assert status != 500, (role, request, answered)
            assert status != 401, (role, answered)  # the walk goes on signed in: it tries what it means to

    asked_by_each_role()
