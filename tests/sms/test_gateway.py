"""The gateway's settings and the retry schedule."""

from __future__ import annotations

import datetime as dt

from counter.sms.gateway import GatewayProblem, GatewaySettings, gateway_from_json, next_wait


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


def test_settings_are_read_back_as_written() -> None:
    settings = GatewaySettings("https://sms.example/send", "hall", "s3cret", "兴安盟政务服务", 5, 4, {"ready": "T9"})
    assert settings.problems() == ()
    assert gateway_from_json(settings.to_json()) == settings


def test_waits_double_from_thirty_seconds_to_at_most_an_hour() -> None:
    waits = [next_wait(n) for n in range(1, 10)]
    assert waits[:4] == [dt.timedelta(seconds=s) for s in (30, 60, 120, 240)]
    assert waits[-1] == dt.timedelta(hours=1)
