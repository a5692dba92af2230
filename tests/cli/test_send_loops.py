"""The senders as a service runs them: ``counter messages send`` without ``--once``, a process of its own passing
every half second until SIGTERM, against a local gateway playing the hall's.

Each pass sends what is due; the day's 容缺 reminders are queued at the day's first pass only (a deferral taken later
that day is reminded the next day); SIGTERM stops the loop between passes, and the command says it stopped, counts
what it sent in all and ends 0.  The database is made as the window makes it: the bundled catalog, the gateway set
by ``counter site sms``, the cases taken by the intake's own action.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.admin.calendar import office_calendar
from counter.actions.cases.case_reads import DUE_SOON_WORKING_DAYS
from counter.actions.intake.take import take_intake
from counter.case.intake_request import IntakeRequest
from counter.case.numbers import DeskIdentity
from counter.db import models
from counter.db.engine import make_engine, make_sessions
from counter.intake.checklist import Receipt, record
from counter.intake.outcome import DeferralRequest
from counter.words.messages import MESSAGES_SENT, MESSAGES_STOPPING
from tests.actions.test_intake_actions import full_request
from tests.conftest import made_database
from tests.sms_gateway import SECRET, Gateway, running_gateway
from tests.test_cli import run

pytestmark = pytest.mark.program

DESK = Desk(DeskIdentity("XAM01", "8"), "乌兰")
WAIT_S = 60.0  # the longest a loaded machine may take to start the sender and send; a hang fails here


@pytest.fixture
def gateway() -> Iterator[Gateway]:
    with running_gateway() as gateway:
        yield gateway


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, gateway: Gateway) -> str:
    """A hall's database with the gateway set, as ``counter site sms`` sets it."""
    url = made_database(tmp_path / "hall.sqlite3")
    monkeypatch.setenv("COUNTER_SMS_SECRET", SECRET)
    code, _, err = run(capsys, "site", "sms", "--endpoint", gateway.url, "--account", "hall", "--secret-from-env",
                       "--db", url)  # fmt: skip
    assert code == 0, err
    return url


@pytest.fixture
def sessions(db: str) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(db)
    yield make_sessions(engine)
    engine.dispose()


def _deferral(sessions: sessionmaker[Session]) -> IntakeRequest:
    """A 小餐馆 whose one deferrable material (M08) is missing, taken with the applicant's pledge."""
    request = full_request(sessions)
    checklist = record(request.checklist, "M08", Receipt.MISSING)
    return dataclasses.replace(request, checklist=checklist, deferral=DeferralRequest(True, True))


def _due(sessions: sessionmaker[Session], case_no: str) -> dt.date:
    with sessions() as s:
        c = models.Case
        (due,) = set(
            s.scalars(
                select(models.CaseMaterial.due_on)
                .join(c, c.id == models.CaseMaterial.case_id)
                .where(c.case_no == case_no, models.CaseMaterial.due_on.is_not(None))
            )
        )
    assert due is not None
    return due


def intake_day_reminded_on(day: dt.date, scratch: Path) -> dt.date:
    """A day on which a deferral taken falls due after ``day`` and within the two working days its reminders reach
    (:data:`DUE_SOON_WORKING_DAYS`): found by taking one on each day back from
    ``day`` in a database of its own, as the calendar and the guide's periods decide it."""
    engine = make_engine(made_database(scratch))
    trial = make_sessions(engine)
    try:
        with trial() as s:
            horizon = office_calendar(s).add_working_days(day, DUE_SOON_WORKING_DAYS).date
        for back in range(1, 15):
            taken = day - dt.timedelta(days=back)
            with trial.begin() as s:
                case_no = take_intake(s, DESK, _deferral(trial), taken, office_calendar(s)).case_no
            if day < _due(trial, case_no) <= horizon:
                return taken
    finally:
        engine.dispose()
    raise AssertionError(f"no intake day gives a deferral due soon after {day}")


def take_deferral(sessions: sessionmaker[Session], day: dt.date) -> str:
    with sessions.begin() as s:
        return take_intake(s, DESK, _deferral(sessions), day, office_calendar(s)).case_no


def outbox(sessions: sessionmaker[Session]) -> list[tuple[str, str, str]]:
    """Every message queued: its case, its kind, its state."""
    c = models.Case
    m = models.OutboxMessage
    with sessions() as s:
        rows = s.execute(select(c.case_no, m.kind, m.state).join(c, c.id == m.case_id).order_by(m.id))
        return [(case_no, kind, state) for case_no, kind, state in rows]


def wait_for(what: Callable[[], bool], sender: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + WAIT_S
    while not what():
        if sender.poll() is not None:
            raise AssertionError(f"the sender ended on its own: {sender.communicate()}")
        if time.monotonic() > deadline:
            sender.kill()
            raise AssertionError(f"the sender did not get there in {WAIT_S:.0f} s: {sender.communicate()}")
        time.sleep(0.05)


def start_sender(db: str, *before: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """``counter messages send --interval 0.5`` on ``db``, in a process of its own, with this test's data folders and
    its trust in the gateway's CA (``SSL_CERT_FILE``); ``before``: options given before the command (``--today``)."""
    command = [sys.executable, "-m", "counter", *before, "messages", "send", "--interval", "0.5", "--db", db]
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env or dict(os.environ)
    )


def stop(sender: subprocess.Popen[str]) -> tuple[int, list[str], str]:
    """SIGTERM, as systemd stops a service: its status, the lines it printed, what it wrote to stderr."""
    sender.send_signal(signal.SIGTERM)
    try:
        out, err = sender.communicate(timeout=WAIT_S)
    except subprocess.TimeoutExpired:
        sender.kill()
        raise
    return sender.returncode, out.splitlines(), err


def test_each_pass_sends_what_is_due_the_days_reminders_once_and_sigterm_ends_it_0(
    db: str, sessions: sessionmaker[Session], gateway: Gateway, tmp_path: Path
) -> None:
    today = dt.date.today()
    taken_on = intake_day_reminded_on(today, tmp_path / "trial.sqlite3")
    first = take_deferral(sessions, taken_on)
    sender = start_sender(db)
    try:
        # its first pass: the acceptance, and the reminder it queued of the deferral due within two working days
        wait_for(lambda: len(gateway.delivered) >= 2, sender)
        second = take_deferral(sessions, taken_on)  # due as soon, taken after the day's reminders were queued
        wait_for(lambda: len(gateway.delivered) >= 3, sender)  # a later pass: its acceptance
        time.sleep(1.2)  # two more passes at least: the reminders are not asked again the same day
    finally:
        status, lines, err = stop(sender)
    assert (status, lines) == (0, [MESSAGES_STOPPING, MESSAGES_SENT.format(sent=3, waiting=0, failed=0)]), err
    assert "Traceback" not in err
    assert outbox(sessions) == [
        (first, "accepted", "sent"),
        (first, "deferral_due", "sent"),
        (second, "accepted", "sent"),
    ]  # the second deferral's reminder waits for the next day's first pass
    contents = [request["content"] for request in gateway.requests]
    due = _due(sessions, first)
    assert [first in text for text in contents] == [True, True, False]
    assert f"{due.month}月{due.day}日前补交" in contents[1]
    assert second in contents[2]
    assert gateway.bad_signatures == 0


#: from the sender's start to its machine's midnight: its start, a first pass and a case taken (under a second here,
#: alone), with room for a loaded machine
MIDNIGHT_LEAD_S = 5


def zone_to_midnight(now: dt.datetime, lead_s: int) -> str:
    """A time zone (``TZ``, POSIX: the sign is the opposite of the offset's) in which the UTC moment ``now`` is
    ``lead_s`` seconds before the midnight that ends ``now``'s UTC day: a process started with it sees its machine's
    date turn over that soon after, as a sender running for days does every night."""
    midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    offset = round((midnight - now).total_seconds()) - lead_s  # local time = UTC + offset
    hours, rest = divmod(abs(offset), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"XMN{'-' if offset >= 0 else '+'}{hours:02d}:{minutes:02d}:{seconds:02d}"


@pytest.mark.parametrize(
    ("training", "reminded"),
    [(False, 2), (True, 1)],
    ids=["the machine's day", "a fixed --today"],
)
def test_the_reminders_are_queued_again_when_the_services_day_turns_over_and_only_then(
    db: str, sessions: sessionmaker[Session], gateway: Gateway, tmp_path: Path, training: bool, reminded: int
) -> None:
    """The machine's date turns over while the sender runs.  On the machine's clock its first pass of the new day
    queues the new day's reminders: the deferral taken after the old day's first pass is reminded.  Run with
    ``--today`` the service's day stays the day given, whose reminders were queued: nothing is asked again.

    Before, the loop took its day from the machine's date whatever ``--today`` said, and on a fixed day asked the
    reminders of that same day again at each of the machine's midnights."""
    now = dt.datetime.now(dt.UTC)
    day = now.date()  # the sender's day until its midnight
    taken_on = intake_day_reminded_on(day, tmp_path / "trial.sqlite3")
    first = take_deferral(sessions, taken_on)
    env = dict(os.environ, TZ=zone_to_midnight(now, MIDNIGHT_LEAD_S))
    midnight = time.monotonic() + MIDNIGHT_LEAD_S - (dt.datetime.now(dt.UTC) - now).total_seconds()
    sender = start_sender(db, *(["--today", day.isoformat()] if training else []), env=env)
    try:
        wait_for(lambda: len(gateway.delivered) >= 2, sender)  # the first pass: the acceptance and the reminder
        second = take_deferral(sessions, taken_on)
        assert time.monotonic() < midnight - 0.5, "the sender's start took the whole day: a longer lead is needed"
        wait_for(lambda: len(gateway.delivered) >= 3 and time.monotonic() > midnight + 1.2, sender)
    finally:
        status, lines, err = stop(sender)
    sent = 2 + reminded
    assert (status, lines) == (0, [MESSAGES_STOPPING, MESSAGES_SENT.format(sent=sent, waiting=0, failed=0)]), err
    reminders = [case_no for case_no, kind, state in outbox(sessions) if kind == "deferral_due" and state == "sent"]
    assert reminders == [first, second][:reminded]
