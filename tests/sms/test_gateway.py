"""The gateway's settings and the retry schedule."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from counter.outbox.rules import next_wait
from counter.outbox.secret_shown import stored_json
from counter.sms.gateway import GatewayProblem, GatewaySettings, gateway_from_json


def test_no_gateway_is_no_problem_and_not_configured() -> None:
    assert GatewaySettings().problems() == ()
    assert not GatewaySettings().configured
    assert gateway_from_json(None) == GatewaySettings()
    assert gateway_from_json("not json") == GatewaySettings()


def test_every_problem_is_reported_at_once() -> None:
    settings = GatewaySettings(endpoint="ftp://x", timeout=0, attempts=0, templates={"birthday": "T1"}, account=" ")
    assert settings.problems() == (
        GatewayProblem.BAD_ENDPOINT,
        GatewayProblem.NO_ACCOUNT,
        GatewayProblem.NO_SECRET,
        GatewayProblem.BAD_TIMEOUT,
        GatewayProblem.BAD_ATTEMPTS,
        GatewayProblem.UNKNOWN_KIND,
    )


def test_settings_are_read_back_as_written_but_the_secret() -> None:
    """The secret is kept in a file beside the site's keys (counter.host.outward.sms_secret), never with the
    settings."""
    settings = GatewaySettings("https://sms.example/send", "hall", "s3cret", "兴安盟政务服务", 5, 4, {"ready": "T9"})
    assert settings.problems() == ()
    assert "s3cret" not in stored_json(settings)
    assert gateway_from_json(stored_json(settings)) == dataclasses.replace(settings, secret="")


@pytest.mark.parametrize("endpoint", ["http://sms.example/send", "HTTP://sms.example/send", "sms.example", "https://"])
def test_only_an_https_endpoint_is_taken(endpoint: str) -> None:
    assert GatewaySettings(endpoint, "hall", "s3cret").problems() == (GatewayProblem.BAD_ENDPOINT,)


def test_waits_double_from_thirty_seconds_to_at_most_an_hour() -> None:
    waits = [next_wait(n) for n in range(1, 10)]
    assert waits[:4] == [dt.timedelta(seconds=s) for s in (30, 60, 120, 240)]
    assert waits[-1] == dt.timedelta(hours=1)
