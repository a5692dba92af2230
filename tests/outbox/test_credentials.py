"""A channel's address and credentials: https with a host, an account, a secret; each channel's problems alike."""

from __future__ import annotations

from counter.intake.licences import LibraryProblem
from counter.outbox.credentials import credential_problems
from counter.platform.settings import PlatformProblem
from counter.sms.gateway import GatewayProblem


def test_an_address_in_the_clear_without_account_or_secret_lacks_all_three_in_order() -> None:
    assert credential_problems("http://sms.example.cn/send", " ", "") == ["bad_endpoint", "no_account", "no_secret"]


def test_an_https_address_with_a_host_an_account_and_a_secret_lacks_nothing() -> None:
    assert credential_problems(" https://sms.example.cn/send ", "hall", "s3cret") == []


def test_an_address_without_a_host_is_bad() -> None:
    assert credential_problems("https:///send", "hall", "s3cret") == ["bad_endpoint"]


def test_every_channel_names_the_three_problems() -> None:
    """Each channel reads the problems into its own enum: a value it lacked would raise there."""
    for problems in (GatewayProblem, LibraryProblem, PlatformProblem):
        assert {problems(p) for p in ("bad_endpoint", "no_account", "no_secret")} <= set(problems)
