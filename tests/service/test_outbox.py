"""The outbox's settings through the service: the secret kept on this machine never comes back in an answer, a
change keeps the secret it was not given, and refused settings cross as their domain's refusal, nothing saved."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter.actions.site.store import Store
from counter.host.outward.platform_secret import PLATFORM_SECRET
from counter.host.outward.sms_secret import GATEWAY_SECRET, load_secret, secret_path
from counter.outbox.secret_shown import SECRET_SHOWN
from counter.platform.settings import PlatformProblem
from counter.platform.settings_refused import PlatformRefused
from counter.service.codec import encode
from counter.service.local import InProcess
from counter.service.outbox import (
    CHANGE_GATEWAY,
    CHANGE_PLATFORM,
    READ_GATEWAY,
    READ_PLATFORM,
    ChangeGateway,
    ChangePlatform,
)
from counter.service.requests import Nothing
from counter.sms.gateway import GatewayProblem, GatewaySettings
from counter.sms.gateway_refused import GatewayRefused
from tests.codings import CHOSEN
from tests.conftest import made_database

SECRET = "s3cret-of-this-machine"


@pytest.fixture
def service(tmp_path: Path) -> Iterator[InProcess]:
    store = Store(made_database(tmp_path / "desk.sqlite3", catalog=False), create=True)
    yield InProcess(store)
    store.dispose()


def test_the_gateway_secret_stays_on_this_machine_and_a_change_keeps_it(service: InProcess) -> None:
    set_up = service.call(CHANGE_GATEWAY, ChangeGateway(endpoint="https://sms.example/send", account="hall",
                                                        secret=SECRET))  # fmt: skip
    signed = service.call(CHANGE_GATEWAY, ChangeGateway(sign="某某政务服务中心", templates={"ready": "T1"}))
    read = service.call(READ_GATEWAY, Nothing())
    for answer in (set_up, signed, read):
        assert answer.secret == SECRET_SHOWN
        assert SECRET not in json.dumps(encode(answer, GatewaySettings), ensure_ascii=False)
    assert (read.sign, read.templates, read.account) == ("某某政务服务中心", {"ready": "T1"}, "hall")
    assert load_secret(secret_path(GATEWAY_SECRET)) == SECRET  # the change that gave no secret kept the one set


def test_gateway_settings_refused_cross_as_their_refusal_and_nothing_is_saved(service: InProcess) -> None:
    with pytest.raises(GatewayRefused) as refused:
        service.call(CHANGE_GATEWAY, ChangeGateway(endpoint="http://sms.example/send", account="hall", secret=SECRET))
    assert refused.value.problems == (GatewayProblem.BAD_ENDPOINT,)
    assert service.call(READ_GATEWAY, Nothing()) == GatewaySettings()


def test_the_platform_secret_stays_on_this_machine_and_refused_settings_are_not_saved(service: InProcess) -> None:
    on = service.call(CHANGE_PLATFORM, ChangePlatform(enabled=True, endpoint="https://platform.example/report",
                                                      account="hall", secret=SECRET, codings=CHOSEN))  # fmt: skip
    assert (on.sends, on.secret) == (True, SECRET_SHOWN)
    with pytest.raises(PlatformRefused) as refused:
        service.call(CHANGE_PLATFORM, ChangePlatform(timeout=99))
    assert refused.value.problems == (PlatformProblem.BAD_TIMEOUT,)
    with pytest.raises(PlatformRefused) as refused:  # every problem named at once, a mapping name that is no file's
        service.call(CHANGE_PLATFORM, ChangePlatform(timeout=0, attempts=31, mapping="../内蒙古"))
    assert refused.value.problems == (
        PlatformProblem.BAD_TIMEOUT,
        PlatformProblem.BAD_ATTEMPTS,
        PlatformProblem.BAD_MAPPING,
    )
    read = service.call(READ_PLATFORM, Nothing())
    assert (read.attempts, read.mapping) == (on.attempts, on.mapping)
    assert (read.timeout, read.secret) == (on.timeout, SECRET_SHOWN)
    assert load_secret(secret_path(PLATFORM_SECRET)) == SECRET
