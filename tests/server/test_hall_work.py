"""The hall's own work as the server runs it, in process on a hall's file: the day's 容缺 reminders queued at its
first round and sent to a local gateway, the pruning of ended sessions and of receipts past a desk's retry window,
and a round that goes on past a job that fails."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from counter.access.account_views import NewAccount
from counter.access.desk import Desk
from counter.access.roles import Actor, Role
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.case_reads import DUE_SOON_WORKING_DAYS
from counter.actions.outbox.messages import save_gateway
from counter.actions.site.store import Store
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.server.hall_work import HallWork
from counter.server.secrets_hash import digest
from counter.service.admin import ADD_ACCOUNT
from counter.service.hall import OPEN_SESSION, PRUNE, REGISTER_DESK, DeskKey, OpenSession
from counter.service.local import InProcess, new_key
from counter.service.requests import Nothing
from counter.service.retries import RETRY_WINDOW_S
from counter.sms.gateway import GatewaySettings
from tests.conftest import made_database
from tests.deferrals_due import DESK, due_of, intake_day_reminded_on, outbox, take_deferral
from tests.server.moment import at as asked_at
from tests.sms_gateway import SECRET, Gateway, running_gateway

PASSWORD = "Xam01desk2026"


@pytest.fixture
def service(tmp_path: Path) -> Iterator[InProcess]:
    store = Store(made_database(tmp_path / "hall.sqlite3", catalog=False), create=True)
    service = InProcess(store)
    desk = Desk(DeskIdentity("XAM01", "1"), "宝音")
    service.call(ADD_ACCOUNT, NewAccount("admin", "管理员", frozenset({Role.ADMIN}), PASSWORD), desk)
    admin = Desk(desk.identity, "管理员", Actor("admin", "管理员", frozenset({Role.ADMIN})))
    service.call(ADD_ACCOUNT, NewAccount("wulan", "乌兰", frozenset({Role.CLERK}), PASSWORD), admin)
    service.call(REGISTER_DESK, DeskKey("8", digest("desk-8-key")))
    yield service
    store.dispose()


def _sign_in(service: InProcess, token: str, now: dt.datetime) -> None:
    """A sign-in (which keeps no receipt: its own docstring), then a desk's write under its key, which does."""
    asked = OpenSession("wulan", PASSWORD, "8", digest("desk-8-key"), digest(token))
    opened = asked_at(service, now, OPEN_SESSION, asked, key=new_key())
    assert opened.result.signed_in
    other = str(90 + len(token))  # another desk's machine: desk 8's session stays
    service.call(REGISTER_DESK, DeskKey(other, digest(f"desk-{other}-key")), key=new_key())


def _count(service: InProcess, model: type[models.Base]) -> int:
    with service.store.sessions()() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_receipts_are_kept_no_longer_than_a_desks_retry_window(service: InProcess) -> None:
    """A receipt answers a desk's retry, which comes within its transport's window (some six minutes), and may name a
    person: it is kept that long and no longer (once for a week)."""
    now = dt.datetime.now(dt.UTC)
    _sign_in(service, "today", now)
    assert _count(service, models.OperationReceipt) >= 1
    assert asked_at(service, now + dt.timedelta(seconds=RETRY_WINDOW_S / 2), PRUNE, Nothing()).receipts == 0
    assert asked_at(service, now + dt.timedelta(seconds=RETRY_WINDOW_S + 1), PRUNE, Nothing()).receipts >= 1
    assert _count(service, models.OperationReceipt) == 0


def test_sessions_ended_a_week_ago_and_receipts_past_their_window_are_pruned(service: InProcess) -> None:
    now = dt.datetime.now(dt.UTC)
    _sign_in(service, "today", now)  # written under a receipt made now
    _sign_in(service, "tomorrow", now + dt.timedelta(days=1))
    receipts = _count(service, models.OperationReceipt)
    assert receipts >= 2
    pruned = asked_at(service, now + dt.timedelta(days=8), PRUNE, Nothing())
    # today's session could last no longer than 12 hours: gone a week after; tomorrow's is kept a day more
    assert (pruned.sessions, pruned.receipts) == (1, receipts)
    assert _count(service, models.DeskSession) == 1
    assert _count(service, models.OperationReceipt) == 0
    assert asked_at(service, now + dt.timedelta(days=8), PRUNE, Nothing()).sessions == 0  # again: nothing more


def test_a_failing_job_is_logged_and_the_round_goes_on(
    service: InProcess, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = HallWork(service, clock=lambda: dt.datetime.now(dt.UTC) + dt.timedelta(days=8))
    _sign_in(service, "today", dt.datetime.now(dt.UTC))

    def down() -> None:
        raise ConnectionError("the gateway is down")

    monkeypatch.setattr(work, "_send_messages", down)
    with caplog.at_level(logging.INFO, logger="counter.server.hall_work"):
        work.one_round()
    assert "sms failed" in caplog.text
    assert "pruned 1 session(s)" in caplog.text  # the jobs after it ran all the same
    assert _count(service, models.DeskSession) == 0


@pytest.fixture
def sms_hall(tmp_path: Path) -> Iterator[tuple[InProcess, Gateway]]:
    """A hall with the bundled catalog and its SMS gateway, played by a local server."""
    with running_gateway() as gateway:
        store = Store(made_database(tmp_path / "hall.sqlite3"), create=True)
        with store.sessions().begin() as s:
            save_gateway(s, GatewaySettings(gateway.url, "hall", SECRET, attempts=1), desk=DESK)
        yield InProcess(store), gateway
        store.dispose()


def test_the_days_reminders_are_queued_at_its_first_round_and_again_the_next_day(
    sms_hall: tuple[InProcess, Gateway], tmp_path: Path
) -> None:
    service, gateway = sms_hall
    sessions = service.store.sessions()
    now = dt.datetime.now(dt.UTC)
    taken_on = intake_day_reminded_on(now.astimezone().date(), tmp_path / "trial.sqlite3")
    first = take_deferral(sessions, taken_on)
    moment = now
    work = HallWork(service, clock=lambda: moment)
    work.one_round()  # the day's first: the acceptance, and the reminder of the deferral due within two working days
    second = take_deferral(sessions, taken_on)  # due as soon, taken after the day's reminders were queued
    work.one_round()
    assert outbox(sessions) == [
        (first, "accepted", "sent"),
        (first, "deferral_due", "sent"),
        (second, "accepted", "sent"),
    ]  # the reminders are asked once a day: the second deferral's waits for the next day
    moment = now + dt.timedelta(days=1)
    work.one_round()
    work.one_round()
    assert outbox(sessions)[3:] == [(second, "deferral_due", "sent")]
    assert len(gateway.delivered) == 4
    due = due_of(sessions, first)
    assert f"{due.month}月{due.day}日前补交" in gateway.requests[1]["content"]


def test_the_reminders_queued_are_those_of_the_rounds_day(sms_hall: tuple[InProcess, Gateway]) -> None:
    """The round's day is the server's clock's, and the reminders are that day's.

    Before, the round kept its once-a-day by its clock but queued the reminders of the service's own day: a clock
    that read another day than the machine's (a test's) asked once on its day for the deferrals due by the
    machine's."""
    service, gateway = sms_hall
    sessions = service.store.sessions()
    today = dt.datetime.now(dt.UTC).astimezone().date()
    case_no = take_deferral(sessions, today)
    due = due_of(sessions, case_no)
    with sessions() as s:
        assert due > office_calendar(s).add_working_days(today, DUE_SOON_WORKING_DAYS).date  # not reminded today
    eve = dt.datetime.combine(due - dt.timedelta(days=1), dt.time(9)).astimezone()
    HallWork(service, clock=lambda: eve).one_round()
    assert outbox(sessions) == [(case_no, "accepted", "sent"), (case_no, "deferral_due", "sent")]
    assert len(gateway.delivered) == 2


def test_reminders_that_failed_are_queued_at_the_next_round_not_the_next_day(
    sms_hall: tuple[InProcess, Gateway], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The day's reminders failing once (the database away a moment) are not lost for the day: the next round asks
    again, and once they are queued the day asks no more."""
    service, gateway = sms_hall
    sessions = service.store.sessions()
    now = dt.datetime.now(dt.UTC)
    case_no = take_deferral(sessions, intake_day_reminded_on(now.astimezone().date(), tmp_path / "trial.sqlite3"))
    work = HallWork(service, clock=lambda: now)
    remind = work._remind

    def away(moment: dt.datetime) -> None:
        raise ConnectionError("the database did not answer")

    monkeypatch.setattr(work, "_remind", away)
    work.one_round()
    assert outbox(sessions) == [(case_no, "accepted", "sent")]  # the SMS job ran all the same
    monkeypatch.setattr(work, "_remind", remind)
    work.one_round()
    work.one_round()
    assert outbox(sessions) == [(case_no, "accepted", "sent"), (case_no, "deferral_due", "sent")]
    assert len(gateway.delivered) == 2


def test_the_server_stopping_stops_its_rounds_between_two_jobs(service: InProcess) -> None:
    """The server's stop (systemd's, a technician's Ctrl-C) waits for the job under way, then no other starts: its
    thread ends at once, not at the end of its interval."""
    work = HallWork(service, interval=3600, clock=lambda: dt.datetime.now(dt.UTC) + dt.timedelta(days=8))
    _sign_in(service, "today", dt.datetime.now(dt.UTC))
    work.start()
    deadline = time.monotonic() + 30
    while _count(service, models.DeskSession) and time.monotonic() < deadline:
        time.sleep(0.05)  # the first round runs on the thread as soon as it starts; nothing to wait on but the rows
    assert _count(service, models.DeskSession) == 0  # its first round pruned the week-old session
    began = time.monotonic()
    work.stop()
    assert time.monotonic() - began < 5
    assert "hall-work" not in {thread.name for thread in threading.enumerate()}
    _sign_in(service, "afterwards", dt.datetime.now(dt.UTC))
    work.one_round()  # a round asked after the stop (the loop's last pass): no job starts
    assert _count(service, models.DeskSession) == 1
