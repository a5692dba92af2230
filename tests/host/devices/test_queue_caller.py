"""叫号 against a local stub of the hall's queue system, as the shipped format file describes it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from counter.case.queue_ticket import QueueTicket, waited_seconds
from counter.host.devices.queue_caller import QueueCaller, QueueError, QueueFault, desk_queue, queue_format
from counter.host.machine.desk_config import load_desk_config, save_desk_config
from tests.queue_stub import QueueStub, queue_server


def test_the_next_number_is_called_with_its_wait_then_nobody_waits() -> None:
    stub = QueueStub([
        ("A023", "2026-11-25T09:00:00+08:00", "2026-11-25T09:12:30+08:00"),
        ("A024", "", "2026-11-25T09:13:00+08:00"),
    ])  # fmt: skip
    with queue_server(stub) as address:
        caller = QueueCaller(address, queue_format(), timeout=1)
        assert caller.call_next("XAM01", "8") == QueueTicket("A023", 750)
        assert caller.call_next("XAM01", "8") == QueueTicket("A024", None)  # the system gave no time taken
        with pytest.raises(QueueError) as raised:
            caller.call_next("XAM01", "8")
    assert raised.value.fault is QueueFault.NOBODY_WAITING
    assert stub.asked[0] == {"site": "XAM01", "desk": "8"}


def test_a_queue_system_that_is_not_there_is_unreachable() -> None:
    with queue_server(QueueStub([])) as address:
        pass
    with pytest.raises(QueueError) as raised:
        QueueCaller(address, queue_format(), timeout=0.3).call_next("XAM01", "8")
    assert raised.value.fault is QueueFault.UNREACHABLE


def test_a_ticket_that_is_no_ticket_is_a_bad_answer() -> None:
    with queue_server(QueueStub([("A 023; DROP", "", "")])) as address, pytest.raises(QueueError) as raised:
        QueueCaller(address, queue_format(), timeout=1).call_next("XAM01", "8")
    assert raised.value.fault is QueueFault.BAD_ANSWER


def test_a_wait_needs_both_times_running_forwards() -> None:
    at = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)
    assert waited_seconds(at, at + dt.timedelta(minutes=3)) == 180
    assert waited_seconds(at, at - dt.timedelta(minutes=3)) is None
    assert waited_seconds(None, at) is None


def test_the_desk_settings_name_the_queue_system() -> None:
    assert desk_queue() is None
    save_desk_config(replace(load_desk_config(), queue_at="http://10.1.2.3:8080"))
    assert desk_queue() == QueueCaller("http://10.1.2.3:8080", queue_format())


class _Answering(QueueStub):
    """A queue system that answers ``said`` to every call."""

    def __init__(self, said: dict[str, object]) -> None:
        super().__init__([])
        self.said = said

    def answer(self, asked: dict[str, str]) -> dict[str, object]:
        self.asked.append(asked)
        return self.said


def test_a_status_the_format_does_not_know_is_a_bad_answer_not_nobody_waiting() -> None:
    with queue_server(_Answering({"code": "2", "msg": "系统维护"})) as address, pytest.raises(QueueError) as raised:
        QueueCaller(address, queue_format(), timeout=1).call_next("XAM01", "8")
    assert (raised.value.fault, str(raised.value)) == (
        QueueFault.BAD_ANSWER,
        f"{QueueFault.BAD_ANSWER.value}: status 2",
    )


def test_a_time_that_is_not_one_leaves_the_wait_unknown_and_the_number_called() -> None:
    said: dict[str, object] = {
        "code": "0",
        "data": {"ticket": "A023", "taken_at": "九点", "called_at": "2026-11-25T09:12:30+08:00"},
    }
    with queue_server(_Answering(said)) as address:
        assert QueueCaller(address, queue_format(), timeout=1).call_next("XAM01", "8") == QueueTicket("A023", None)


def test_one_time_with_its_offset_and_one_without_leaves_the_wait_unknown_and_the_number_called() -> None:
    """A queue system that writes the ticket's time without its offset and the call's with it: which is the hall's
    clock cannot be told, so no wait is made up; the applicant is still called."""
    said: dict[str, object] = {
        "code": "0",
        "data": {"ticket": "A023", "taken_at": "2026-11-25T09:00:00", "called_at": "2026-11-25T09:12:30+08:00"},
    }
    with queue_server(_Answering(said)) as address:
        assert QueueCaller(address, queue_format(), timeout=1).call_next("XAM01", "8") == QueueTicket("A023", None)


def test_an_address_that_is_not_http_asks_nothing() -> None:
    with pytest.raises(QueueError) as raised:
        QueueCaller("10.1.2.3:8080", queue_format(), timeout=1).call_next("XAM01", "8")
    assert raised.value.fault is QueueFault.UNREACHABLE


def test_a_queue_format_file_that_cannot_be_read_leaves_the_desk_without_a_queue(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = tmp_path / "queue.toml"
    broken.write_text("[request]\npath = '/call'\n", encoding="utf-8")  # no [answer]: not a format
    save_desk_config(replace(load_desk_config(), queue_at="http://10.1.2.3:8080", queue_format=str(broken)))
    assert desk_queue() is None
    assert "queue_format unusable" in caplog.text
